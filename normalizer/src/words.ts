import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Language } from './language.js';

const Phrases = z.array(z.string().min(1));

/** One language's words, as its file in normalizer/words/ holds them (see its README). */
const LanguageWords = z.strictObject({
  intent: z.strictObject({ greetings: Phrases, question_starts: Phrases, request_starts: Phrases, speaker_labels: Phrases }),
  places: z.strictObject({
    /** "fifth", "cinquieme": a numbered street's name in words */
    ordinal_words: z.record(z.string().min(1), z.number().int().positive()),
    /** "my address is", "j habite au": the writer's own place follows, which is not where the problem is */
    own_address: Phrases,
    /** "my house", "chez moi": the writer's home is the place, and the address in their signature says where it is */
    home: Phrases,
  }),
});
export type LanguageWords = z.infer<typeof LanguageWords>;

// From src/ (tests) and dist/ (built) alike, the words sit beside them.
const WORDS_DIR = path.resolve(__dirname, '../words');

function read(language: Language): LanguageWords {
  const file = path.join(WORDS_DIR, `${language}.json`);
  if (!existsSync(file)) throw new Error(`no words for language "${language}": ${file} is missing`);
  const parsed = LanguageWords.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

/** Every language's words, read once. */
export const WORDS: Readonly<Record<Language, LanguageWords>> = Object.fromEntries(
  LANGUAGES.map((language) => [language, read(language)]),
) as Record<Language, LanguageWords>;

/** The same list from every language, for text whose language is unsure (a transcript's labels). */
export const inAllLanguages = (pick: (words: LanguageWords) => readonly string[]): string[] => [
  ...new Set(LANGUAGES.flatMap((language) => pick(WORDS[language]))),
];

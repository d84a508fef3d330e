import { z } from 'zod';
import en from './words/en.json';
import es from './words/es.json';
import fr from './words/fr.json';

const Phrases = z.array(z.string().min(1));

/** One language's words, as its file in src/words/ holds them (see its README). */
const CitizenWords = z.strictObject({
  status_keywords: Phrases,
  status_fillers: Phrases,
  question_starts: Phrases,
  progress_words: Phrases,
  small_talk: Phrases,
});
type CitizenWords = z.infer<typeof CitizenWords>;

const LANGUAGE_WORDS: Record<string, CitizenWords> = Object.fromEntries(
  Object.entries({ en, fr, es }).map(([language, words]) => [language, CitizenWords.parse(words)]),
);

/** Lower case, accents off, apostrophes and hyphens as spaces: "Qu'est-ce" is "qu est ce", as the word files spell it. */
export function foldedWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A word list of every language, each phrase split into its words. */
const everyLanguage = (pick: (words: CitizenWords) => string[]) => [
  ...new Set(Object.values(LANGUAGE_WORDS).flatMap((words) => pick(words))),
];

export const WORDS = {
  statusKeywords: everyLanguage((words) => words.status_keywords),
  statusFillers: new Set(everyLanguage((words) => words.status_fillers)),
  questionStarts: everyLanguage((words) => words.question_starts).map((phrase) => phrase.split(' ')),
  progressWords: everyLanguage((words) => words.progress_words).map((phrase) => phrase.split(' ')),
  smallTalk: everyLanguage((words) => words.small_talk).map((phrase) => phrase.split(' ')),
  /** the language each status keyword is a word of, for the answer when no report says the citizen's */
  // a word of several languages ("status") is the first one's
  keywordLanguage: new Map(
    Object.entries(LANGUAGE_WORDS)
      .reverse()
      .flatMap(([language, words]) => words.status_keywords.map((word) => [word, language] as const)),
  ),
};

/** Whether `tokens` holds `phrase` (a run of words) starting at `at`. */
const phraseAt = (tokens: readonly string[], phrase: readonly string[], at: number) => phrase.every((word, i) => tokens[at + i] === word);

export const containsPhrase = (tokens: readonly string[], phrases: readonly (readonly string[])[]) =>
  phrases.some((phrase) => tokens.some((_, at) => phraseAt(tokens, phrase, at)));

/** The length of the longest of `phrases` that `tokens` starts with, 0 when none. */
export const startLength = (tokens: readonly string[], phrases: readonly (readonly string[])[]) =>
  Math.max(0, ...phrases.filter((phrase) => phraseAt(tokens, phrase, 0)).map((phrase) => phrase.length));

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Language } from './language.js';

const Phrases = z.array(z.string().min(1)).default([]);
/** canonical word -> how it is written: "street": ["st", "str", "street"] */
const Spellings = z.record(z.string().min(1), z.array(z.string().min(1))).default({});
const Values = z.record(z.string().min(1), z.number().int().nonnegative()).default({});
const Renames = z.record(z.string().min(1), z.string().min(1)).default({});

/** One language's words, as its file in normalizer/words/ holds them (see its README). Every part may be left out. */
const LanguageWords = z.strictObject({
  intent: z
    .strictObject({
      greetings: Phrases,
      question_starts: Phrases,
      request_starts: Phrases,
      speaker_labels: Phrases,
      opening_hours: Phrases,
      /** how a secondary concern is introduced: "also", "oh and", "while you re at it" */
      aside_starts: Phrases,
      /** how a clause says it is secondary wherever it stands: "but that can wait", "no rush" */
      aside_ends: Phrases,
    })
    .prefault({}),
  places: z
    .strictObject({
      /** "fifth", "cinquieme": a numbered street's name in words */
      ordinal_words: Values,
      /** "my address is", "j habite au": the writer's own place follows, which is not where the problem is */
      own_address: Phrases,
      /** "my house", "chez moi": the writer's home is the place, and the address in their signature says where it is */
      home: Phrases,
      /** "thanks", "merci": how a writer signs off before their name, where a place after it is their own */
      sign_offs: Phrases,
      location_words: Phrases,
      unit_words: Phrases,
      block_words: Phrases,
      of_words: Phrases,
      articles: Phrases,
      between_street_and_number: Phrases,
      number_marks: Phrases,
      corrections: Phrases,
      /** "um", "euh": what a caller says while thinking, between a number and its street */
      hesitations: Phrases,
      /** "a", "y": letters that are words, so "a street light" names no "A Street" */
      letter_words: Phrases,
      /** "first", "second": ordinals of everyday speech ("at first"), a numbered street alone only with a capital */
      everyday_ordinals: Phrases,
      /** "la": an article that stands for a street left unnamed ("en la 5", "sur la 3e" are la calle 5, la 3e avenue) */
      street_articles: Phrases,
    })
    .prefault({}),
  /** how an email's parts that are not the report begin and end (see src/zones.ts) */
  mail: z
    .strictObject({
      /** a line a forwarded message starts with: "forwarded message", "message transfere" */
      forward_markers: Phrases,
      /** how the line above a quoted mail ends, before its colon: "wrote" ("On Mon, Jane wrote:"), "a ecrit" */
      quote_header_ends: Phrases,
      /** a line alone that closes a mail before the name, besides the sign-offs: "best regards", "bien a vous" */
      closings: Phrases,
      /** a line a phone's mail app adds, with anything after: "sent from my", "envoye de mon" */
      device_footers: Phrases,
    })
    .prefault({}),
  streets: z
    .strictObject({
      types: Spellings,
      written_first: Phrases,
      unmistakable: Phrases,
      same_as: Renames,
      directions: Spellings,
      ordinal_endings: Phrases,
      name_abbreviations: Renames,
      /** "jr": a word after a person's name that people leave out ("Martin Luther King Jr Blvd" is "MLK Blvd") */
      name_suffixes: Phrases,
      /** "dr", "rev": a title before a person's name that people leave out ("Dr. Martin Luther King Jr. Blvd" is "MLK Blvd") */
      name_titles: Phrases,
      /** "route", "hwy", "state": the words of a numbered road's name, any of which names it with its number */
      route_words: Phrases,
    })
    .prefault({}),
  crossings: z
    .strictObject({
      connectors: Phrases,
      weak_connectors: Phrases,
      second_street_fillers: Phrases,
      corner_words: Phrases,
      corner_fillers: Phrases,
      /** "between", "entre": after a street, the two streets that follow bound its block ("Oak between 5th and 6th") */
      between_words: Phrases,
    })
    .prefault({}),
  numbers: z
    .strictObject({
      zero: Values,
      units: Values,
      teens: Values,
      tens: Values,
      hundreds: Values,
      hundred: Values,
      thousand: Values,
      joiners: Phrases,
      months: Phrases,
      measures: Phrases,
    })
    .prefault({}),
  /** concept id (see concepts.json) -> the words for it: "pothole:1", "hole:0.6"; anchors are a catalogue's words for it */
  services: z.record(z.string().min(1), z.strictObject({ terms: Phrases, anchors: Phrases })).default({}),
});
export type LanguageWords = z.infer<typeof LanguageWords>;

/** The problems the lexicon knows, whatever the language: concept id -> how much a report naming it is about it. */
const Concepts = z.record(
  z.string().min(1),
  z.strictObject({
    salience: z.number().positive().optional(),
    /** where its words go in a catalogue with no service of its own for it: bulky items are dumping's, if no pickup is offered */
    otherwise: z.string().min(1).optional(),
  }),
);
type Concepts = z.infer<typeof Concepts>;

/** Every language's words from one folder: `<language>.json` files and the language-neutral `concepts.json`. */
export interface WordBook {
  /** the built-in languages first (in their order), then any other file's, by name */
  languages: readonly string[];
  byLanguage: Readonly<Record<string, LanguageWords>>;
  concepts: Concepts;
}

// From src/ (tests) and dist/ (built) alike, the words sit beside them.
export const WORDS_DIR = path.resolve(__dirname, '../words');
const CONCEPTS_FILE = 'concepts.json';

function readChecked<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

/** What one file may not say on its own: a concept that does not exist, a type nobody spells. */
function crossCheck(book: WordBook, dir: string) {
  const types = new Set(Object.values(book.byLanguage).flatMap((words) => Object.keys(words.streets.types)));
  const problems: string[] = [];
  for (const language of book.languages) {
    const { services, streets } = book.byLanguage[language]!;
    const where = `${path.join(dir, `${language}.json`)}`;
    for (const concept of Object.keys(services))
      if (book.concepts[concept] === undefined) problems.push(`${where}: services.${concept}: not a concept of ${CONCEPTS_FILE}`);
    const named = [...streets.written_first, ...streets.unmistakable, ...Object.values(streets.same_as)];
    for (const type of named) if (!types.has(type)) problems.push(`${where}: streets: "${type}" is no language's street type`);
  }
  for (const [concept, { otherwise }] of Object.entries(book.concepts))
    if (otherwise !== undefined && book.concepts[otherwise] === undefined)
      problems.push(`${path.join(dir, CONCEPTS_FILE)}: ${concept}.otherwise: "${otherwise}" is not a concept`);
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

/** Reads and checks a words folder; a language is there when its file is. */
export function readWords(dir: string = WORDS_DIR): WordBook {
  const concepts = path.join(dir, CONCEPTS_FILE);
  if (!existsSync(concepts)) throw new Error(`no ${CONCEPTS_FILE} in ${dir}`);
  const found = readdirSync(dir)
    .filter((file) => file.endsWith('.json') && file !== CONCEPTS_FILE)
    .map((file) => file.slice(0, -'.json'.length));
  const builtIn = LANGUAGES.filter((language) => found.includes(language));
  const languages = [...builtIn, ...found.filter((language) => !builtIn.includes(language as Language)).sort()];
  const book: WordBook = {
    languages,
    byLanguage: Object.fromEntries(languages.map((language) => [language, readChecked(path.join(dir, `${language}.json`), LanguageWords)])),
    concepts: readChecked(concepts, Concepts),
  };
  crossCheck(book, dir);
  return book;
}

/** The built-in words, read once. */
export const BOOK: WordBook = readWords();
for (const language of LANGUAGES)
  if (BOOK.byLanguage[language] === undefined) throw new Error(`no words for language "${language}" in ${WORDS_DIR}`);

/** Each built-in language's words (a detected language always has its file). */
export const WORDS = BOOK.byLanguage as Readonly<Record<Language, LanguageWords>>;

/** The same list from every language, for text whose language is unsure (a transcript's labels). */
export const inAllLanguages = (pick: (words: LanguageWords) => readonly string[], book: WordBook = BOOK): string[] => [
  ...new Set(book.languages.flatMap((language) => pick(book.byLanguage[language]!))),
];

/** The same table from every language, merged; the first language to spell a key keeps it. */
export function mergedFromAll<V>(pick: (words: LanguageWords) => Readonly<Record<string, V>>, book: WordBook = BOOK): Map<string, V> {
  const merged = new Map<string, V>();
  for (const language of book.languages)
    for (const [key, value] of Object.entries(pick(book.byLanguage[language]!))) if (!merged.has(key)) merged.set(key, value);
  return merged;
}

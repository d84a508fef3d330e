import { BOOK, type WordBook } from './words.js';

/**
 * What people call the common problems a town's 311 handles, in every language of a words folder (its `services`).
 * Each concept is tied to whichever service of a town's catalogue names it (by name, keywords, description or
 * group), so a terse catalogue ("LIGHTS: Street lights") still understands "the lamp post by my house is flickering".
 *
 * A term may end in ":<weight>": words that name a thing rather than its problem ("sidewalk", "car") or that are
 * only a hint ("dark") count for less than words that name the problem ("icy", "pothole"). Anchors are words a
 * catalogue uses for the service ("road repair", "animal control") that are too broad to be evidence in a message.
 */
export interface Concept {
  id: string;
  /** how much a report that names it is about it: a wild animal draws the eye more than the bin it is in */
  salience: number;
  /** the concept whose services its words go to when the catalogue has none of its own for it */
  otherwise?: string;
  terms: readonly { language: string; raw: string }[];
  anchors: readonly string[];
}

/** The concepts in concepts.json's order, each with every language's terms and anchors. */
export function conceptsOf(book: WordBook): Concept[] {
  return Object.entries(book.concepts).map(([id, { salience, otherwise }]) => {
    const entries = book.languages.map((language) => ({ language, entry: book.byLanguage[language]!.services[id] }));
    return {
      id,
      salience: salience ?? 1,
      ...(otherwise === undefined ? {} : { otherwise }),
      terms: entries.flatMap(({ language, entry }) => (entry?.terms ?? []).map((raw) => ({ language, raw }))),
      anchors: entries.flatMap(({ entry }) => entry?.anchors ?? []),
    };
  });
}

/** The built-in languages' lexicon. */
export const CONCEPTS: readonly Concept[] = conceptsOf(BOOK);

import type { AddressQuery } from '@intake/core';
import { fold } from '../language.js';
import type { StreetName } from '../streets.js';
import type { CoreEntry, Landmark } from './vocabulary.js';
import type { PlaceWords } from './words.js';

interface Span {
  raw: string;
  start: number;
  end: number;
  /** 0..1: how surely these words name a place (a typed street with a number: 1; a bare capitalized name: 0.6) */
  score: number;
}
export type Extracted =
  | (Span & { kind: 'point'; lat: number; long: number; via: 'map_link' | 'coordinates' })
  | (Span & { kind: 'query'; query: AddressQuery })
  | (Span & { kind: 'landmark'; landmark: Landmark; query: AddressQuery });

export interface Token {
  norm: string;
  start: number;
  end: number;
  word: boolean;
  capitalized: boolean;
  /** written in capitals, two letters or more: "NM" of "NM 14" */
  upper: boolean;
  /** first of its sentence, where a capital letter says nothing of a name: "A street light is out." */
  opensSentence: boolean;
}

/** A street of the town named in the text (tokens [start, end)), with the type and direction written around it. */
export interface Mention {
  start: number;
  end: number;
  entry: CoreEntry;
  names: StreetName[];
  typed: boolean;
  /** named by its type alone ("paseo"): a street only at a corner with another */
  typeOnly: boolean;
  typeFirst: boolean;
  fuzzy: boolean;
  /** how many of the name's words that are more than particles are written right: a slip in one of two leaves one */
  rightWords: number;
  capitalized: boolean;
  /** a name that is also a word ("a" of A Street), not written as a name: a street only with its house number */
  plainWord: boolean;
  text: string;
}

/** Marks that join the words of one name: "Saint-Jean", "l'Église", "l’Église". */
const INSIDE_WORDS = new Set(['-', "'", '’']);

/**
 * A bare name that reads as a street on its own: two words or more that are not particles ("st-louis", "notre dame"),
 * also when they are the part of a longer name that only one street has ("saint jean" of Saint-Jean-Baptiste).
 */
export const distinctive = (mention: Mention) => !mention.fuzzy && mention.entry.contentWords >= 2;

/** A misspelt name with a word of it written right beside the slip ("viista hermosa"): named as names are. */
export const slipBesideRight = (mention: Mention) => mention.fuzzy && mention.rightWords > 0;

/** A bare number standing for a numbered street by the article before it: "en la 5" is la calle 5. */
export const numberAfterStreetArticle = (tokens: Token[], i: number, words: PlaceWords) =>
  /^\d+$/.test(tokens[i]!.norm) && words.streetArticles.has(tokens[i - 1]?.norm ?? '');

/** A numbered street's name ("5th", "1re", "ninth", "la 5"): a street even without its type, as no other word is. */
export const ordinalName = (tokens: Token[], mention: Mention, words: PlaceWords) =>
  words.streets.ordinal.test(tokens[mention.start]!.norm) ||
  words.streets.isOrdinalWord(tokens[mention.start]!.norm) ||
  numberAfterStreetArticle(tokens, mention.start, words);

/** A name written with the particle it begins with ("de l'Église", "du Moulin"): how names are written, not words. */
export const withParticle = (mention: Mention, words: PlaceWords) => words.particles.has(mention.entry.tokens[0]!);

/** Sentence ends, and the colon after a speaker's label ("Caller: A street light..."). */
const SENTENCE_END = /[.!?:;\n]/;

function opensSentence(text: string, index: number): boolean {
  let k = index - 1;
  while (k >= 0 && /\s/.test(text[k]!) && text[k] !== '\n') k -= 1;
  return k < 0 || SENTENCE_END.test(text[k]!);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}.]/gu)) {
    const raw = match[0];
    // "Saint-Jean" is one name in two words, as "l'Église" is; a dash between digits ("3-211") still counts.
    if (INSIDE_WORDS.has(raw) && /\p{L}/u.test(text[match.index - 1] ?? '') && /\p{L}/u.test(text[match.index + 1] ?? '')) continue;
    tokens.push({
      norm: fold(raw),
      start: match.index,
      end: match.index + raw.length,
      word: /[\p{L}\p{N}]/u.test(raw),
      capitalized: /^\p{Lu}/u.test(raw),
      upper: /^\p{Lu}{2,}$/u.test(raw),
      opensSentence: opensSentence(text, match.index),
    });
  }
  return tokens;
}

/** The tokens without a speaker's hesitations and the comma after one: "it's 415, um, east 5th" reads "415, east 5th". */
export function withoutHesitations(tokens: Token[], words: PlaceWords): Token[] {
  return tokens.filter((token, i) => {
    if (words.hesitations.has(token.norm)) return false;
    return !(token.norm === ',' && words.hesitations.has(tokens[i - 1]?.norm ?? '') && tokens[i - 2]?.norm === ',');
  });
}

export const spanOf = (text: string, tokens: Token[], first: number, last: number) => {
  const start = tokens[first]!.start;
  const end = tokens[last - 1]!.end;
  return { raw: text.slice(start, end), start, end };
};

export const query = (fields: Partial<AddressQuery> & Pick<AddressQuery, 'kind' | 'raw'>): AddressQuery => ({
  number: null,
  unit: null,
  street: null,
  cross_street: null,
  ...fields,
});

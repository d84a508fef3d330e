/**
 * Numbers said in words, as callers give their address on the phone: "one-twenty-five" (125), "two fourteen" (214),
 * "four oh four" (404), "one hundred and five", "deux cent quatorze", "ciento veinticinco".
 */

import { BOOK, inAllLanguages, type WordBook } from '../words.js';

type NumberWord = { value: number; kind: 'digit' | 'zero' | 'teen' | 'tens' | 'hundreds' | 'hundred' | 'thousand' };

/** The words of a words folder that say numbers, dates and measures. */
export interface NumberWords {
  words: ReadonlyMap<string, NumberWord>;
  /** joiners inside a said number: "one hundred and five", "vingt et un", "treinta y dos" */
  joiners: ReadonlySet<string>;
  /** month names and abbreviations: "nov 2", "le 3 décembre" are dates, not addresses */
  months: ReadonlySet<string>;
  /** words that make the number before them a time, a length, a count of something: "at 5 pm", "by 2 hours" */
  measures: ReadonlySet<string>;
}

/** Marks that measure whatever the language: "7:30", "50%", "20°". */
const MEASURE_MARKS = [':', '%', '°'];
const KINDS = {
  zero: 'zero',
  units: 'digit',
  teens: 'teen',
  tens: 'tens',
  hundreds: 'hundreds',
  hundred: 'hundred',
  thousand: 'thousand',
} as const;

export function numberWordsOf(book: WordBook): NumberWords {
  const words = new Map<string, NumberWord>();
  for (const language of book.languages) {
    const numbers = book.byLanguage[language]!.numbers;
    for (const [field, kind] of Object.entries(KINDS))
      for (const [word, value] of Object.entries(numbers[field as keyof typeof KINDS]))
        if (!words.has(word)) words.set(word, { value, kind });
  }
  return {
    words,
    joiners: new Set(inAllLanguages((w) => w.numbers.joiners, book)),
    months: new Set(inAllLanguages((w) => w.numbers.months, book)),
    measures: new Set([...MEASURE_MARKS, ...inAllLanguages((w) => w.numbers.measures, book)]),
  };
}

/** The built-in languages' number words. */
export const NUMBER_WORDS: NumberWords = numberWordsOf(BOOK);

/** A full cardinal ("one hundred twenty-five", "deux cent quatorze", "soixante-quinze", "quatre-vingt-dix"). */
function cardinal(words: readonly NumberWord[]): number | null {
  let total = 0;
  let chunk = 0;
  let last: NumberWord | null = null;
  for (const word of words) {
    if (word.kind === 'thousand') [total, chunk] = [total + (chunk || 1) * 1000, 0];
    else if (word.kind === 'hundred') {
      if (chunk % 100 >= 10) return null;
      chunk = chunk - (chunk % 100) + (chunk % 100 || 1) * 100;
    } else if (word.value === 20 && last?.kind === 'digit' && last.value === 4)
      chunk += 80 - 4; // quatre-vingt
    else {
      const below = chunk % 100;
      const fits =
        below === 0 ||
        (word.kind === 'digit' && below % 10 === 0) ||
        (word.kind === 'teen' && word.value < 20 && (below === 60 || below === 80)); // soixante-dix, quatre-vingt-douze
      if (!fits || word.kind === 'zero' || (word.kind === 'hundreds' && chunk !== 0)) return null;
      chunk += word.value;
    }
    last = word;
  }
  return total + chunk;
}

/** A house number said in parts, English style: "one twenty-five" is 1|25, "four oh four" is 4|0|4. */
function inParts(words: readonly NumberWord[]): number | null {
  let digits = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (word.kind === 'hundred' || word.kind === 'thousand' || word.kind === 'hundreds') return null;
    if (word.kind === 'tens' && next?.kind === 'digit') {
      digits += String(word.value + next.value);
      i += 1;
    } else digits += String(word.value);
  }
  return digits === '' || digits.startsWith('0') ? null : Number(digits);
}

/** The value of words that say a number, or null when they do not read as one. */
export function parseSpelledNumber(tokens: readonly string[], numbers: NumberWords = NUMBER_WORDS): number | null {
  const words = tokens.filter((token) => !numbers.joiners.has(token)).map((token) => numbers.words.get(token));
  if (words.length === 0 || words.some((word) => word === undefined)) return null;
  const known = words as NumberWord[];
  const value = cardinal(known) ?? inParts(known);
  return value !== null && value > 0 ? value : null;
}

/** The said number that ends at token index `end` (joiners allowed inside), as its first index and value. */
export function spelledNumberEndingAt(
  norms: readonly string[],
  end: number,
  numbers: NumberWords = NUMBER_WORDS,
): { start: number; value: number } | null {
  const isNumberWord = (word: string | undefined) => word !== undefined && numbers.words.has(word);
  if (!isNumberWord(norms[end])) return null;
  let start = end;
  while (start > 0 && (isNumberWord(norms[start - 1]) || (numbers.joiners.has(norms[start - 1]!) && isNumberWord(norms[start - 2]))))
    start -= 1;
  // A lone "one" or "un" is an article as often as a number: "one bear", "un ours".
  if (start === end && numbers.words.get(norms[end]!)!.value === 1) return null;
  const value = parseSpelledNumber(norms.slice(start, end + 1), numbers);
  return value === null ? null : { start, value };
}

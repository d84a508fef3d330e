import { spelledNumberEndingAt } from './numbers.js';
import { distinctive, ordinalName, slipBesideRight, withParticle, type Mention, type Token } from './tokens.js';
import type { PlaceWords } from './words.js';

const CURRENCY = new Set(['$', '€', '£', '¢']);
const HOUSE_NUMBER = /^[1-9]\d{0,5}[a-z]?$/;
/** "at 7" is a time more often than a house: a lone "at" before a small number does not make it an address. */
const TIME_LIKE_BELOW = 13;

/** "at 615 555 0123", "615-555-0123": three digits that a phone number's groups follow. */
function phoneAhead(tokens: Token[], k: number): boolean {
  if (!/^\d{3}$/.test(tokens[k]!.norm)) return false;
  const joined = tokens[k + 1]?.norm === '-';
  const group = tokens[joined ? k + 2 : k + 1]?.norm ?? '';
  return /^\d{3,4}$/.test(group);
}

/** A house number at token k: not a price, a time, part of a phone number or a count ("2 hours" never sits next to a street). */
export function houseNumberAt(tokens: Token[], k: number, words: PlaceWords): boolean {
  const token = tokens[k];
  if (!token?.word || !HOUSE_NUMBER.test(token.norm)) return false;
  if (phoneAhead(tokens, k)) return false;
  const previous = tokens[k - 1];
  if (previous === undefined) return true;
  if (CURRENCY.has(previous.norm) || words.numbers.months.has(previous.norm)) return false;
  // "7:30" is a time; "Caller: 128 Grizzly Street" is a speaker's line.
  if (previous.norm === ':' && !/^\p{L}/u.test(tokens[k - 2]?.norm ?? '')) return false;
  // "403 555 0123" is a phone, but "w 1st 610" is 610 on 1st
  if (/^\d+$/.test(previous.norm) && !words.unitWords.has(tokens[k - 2]?.norm ?? '')) return false;
  if (previous.norm === '-' || previous.norm === ')') {
    const beforeDash = tokens[k - 2];
    const phoneLike =
      beforeDash !== undefined &&
      /^\d{3,}$/.test(beforeDash.norm) &&
      (tokens[k - 3]?.norm === '-' || tokens[k - 3]?.norm === '(' || /^\d/.test(tokens[k - 3]?.norm ?? ''));
    if (phoneLike) return false;
  }
  return true;
}

export interface NumberBefore {
  number: string;
  unit: string | null;
  start: number;
  hash: boolean;
  block: boolean;
}

/** "300 block of", "the 300-block of", "le bloc 500 de la", "la cuadra 300 de": a block's number before a street. */
function blockBefore(tokens: Token[], last: number, words: PlaceWords): NumberBefore | null {
  let k = last;
  if (words.articles.has(tokens[k]?.norm ?? '')) k -= 1;
  if (!words.ofWords.has(tokens[k]?.norm ?? '')) return null;
  k -= 1;
  if (words.blockWords.has(tokens[k]?.norm ?? '')) {
    const n = tokens[k - 1]?.norm === '-' ? k - 2 : k - 1;
    return houseNumberAt(tokens, n, words) ? { number: tokens[n]!.norm, unit: null, start: n, hash: false, block: true } : null;
  }
  if (houseNumberAt(tokens, k, words) && words.blockWords.has(tokens[k - 1]?.norm ?? ''))
    return { number: tokens[k]!.norm, unit: null, start: k - 1, hash: false, block: true };
  return null;
}

/** "el 141 de la South Main", "au 12 de la rue X": a number, "of" and maybe an article, then a street that says so. */
function ofBefore(tokens: Token[], last: number, mention: Mention, words: PlaceWords): NumberBefore | null {
  const named = mention.typed || mention.capitalized || distinctive(mention) || slipBesideRight(mention);
  if (!named && !ordinalName(tokens, mention, words)) return null;
  const of = words.articles.has(tokens[last]?.norm ?? '') ? last - 1 : last;
  if (!words.ofWords.has(tokens[of]?.norm ?? '') || !houseNumberAt(tokens, of - 1, words)) return null;
  return { number: tokens[of - 1]!.norm.toUpperCase(), unit: null, start: of - 1, hash: false, block: false };
}

/** "one-twenty-five Spray Avenue", "deux cent quatorze rue X": said numbers, trusted only before a typed street. */
function spelledBefore(tokens: Token[], last: number, mention: Mention, words: PlaceWords): NumberBefore | null {
  if (!mention.typed) return null;
  const said = spelledNumberEndingAt(
    tokens.map((token) => token.norm),
    last,
    words.numbers,
  );
  return said && { number: String(said.value), unit: null, start: said.start, hash: false, block: false };
}

/** "211", "#211", "3-211", "unit 3, 211", "au 127, rainbow ave", "300 block of", "one-twenty-five" right before a street. */
export function numberBefore(tokens: Token[], mention: Mention, words: PlaceWords): NumberBefore | null {
  const last = mention.start - 1;
  const block = blockBefore(tokens, last, words);
  if (block) return block;
  const of = ofBefore(tokens, last, mention, words);
  if (of) return of;
  // French and Spanish put a comma after the number: "au 115, rue Grizzly", "au 122, de l'Église", "au 75, Beaudry",
  // and "au 75, beaudry", where "au" says the number is a place's.
  const placedNumber =
    words.betweenStreetAndNumber.has(tokens[last - 2]?.norm ?? '') || words.locationWords.has(tokens[last - 2]?.norm ?? '');
  const named = mention.typed || distinctive(mention) || withParticle(mention, words) || mention.capitalized || placedNumber;
  const k = tokens[last]?.norm === ',' && named ? last - 1 : last;
  if (!houseNumberAt(tokens, k, words)) return spelledBefore(tokens, k, mention, words);
  let start = k;
  const hash = tokens[k - 1]?.norm === '#';
  if (hash) start -= 1;
  let unit: string | null = null;
  if (
    !hash &&
    tokens[k - 1]?.norm === '-' &&
    /^[1-9]\d{0,3}[a-z]?$/.test(tokens[k - 2]?.norm ?? '') &&
    !/^[\d\-(]/.test(tokens[k - 3]?.norm ?? '')
  ) {
    [unit, start] = [tokens[k - 2]!.norm.toUpperCase(), k - 2];
  }
  let j = start - 1;
  if (tokens[j]?.norm === ',') j -= 1;
  if (unit === null && tokens[j]?.word && words.unitWords.has(tokens[j - 1]?.norm ?? ''))
    [unit, start] = [tokens[j]!.norm.toUpperCase(), j - 1];
  return { number: tokens[k]!.norm.toUpperCase(), unit, start, hash, block: false };
}

export interface NumberAfter {
  number: string;
  end: number;
  /** how surely the number is the street's: written as part of it (1) or a few place words later (less) */
  score: number;
}

/** "5 pm", "2 hours", "7:30": the number at k measures something; "rang X 1982: frigo" is still an address. */
function measured(tokens: Token[], k: number, words: PlaceWords): boolean {
  const next = tokens[k + 1]?.norm ?? '';
  return words.numbers.measures.has(next) && (next !== ':' || /^\d/.test(tokens[k + 2]?.norm ?? ''));
}

/** "Calle Mayor 5", "rue X, 12", "calle Otter #201", "on Nahanni Dr in front of 142": a number after its street. */
export function numberAfter(tokens: Token[], mention: Mention, next: Mention | undefined, words: PlaceWords): NumberAfter | null {
  let k = mention.end;
  if (tokens[k]?.norm === ',') k += 1;
  const marked = words.numberMarks.has(tokens[k]?.norm ?? '');
  const gap: string[] = [];
  if (marked) k += 1;
  else {
    while (gap.length < 4 && words.betweenStreetAndNumber.has(tokens[k]?.norm ?? '')) gap.push(tokens[k++]!.norm);
    if (words.numberMarks.has(tokens[k]?.norm ?? '') && gap.length > 0) k += 1;
    // "East Ridge Rd 1363", "3rd St SE 513": a number right after a street is its house only when the street is typed.
    if (gap.length === 0 && !mention.typed && !distinctive(mention)) return null;
  }
  const token = tokens[k];
  // "on State Route 31 3778, one ...": after a road's own number, a number standing alone is its house, not a phone's part
  const afterRouteNumber = k === mention.end && /^\d+$/.test(tokens[k - 1]?.norm ?? '') && tokens[k + 1]?.word !== true;
  const housed = afterRouteNumber || houseNumberAt(tokens, k, words);
  if (!token?.word || !HOUSE_NUMBER.test(token.norm) || !housed || measured(tokens, k, words)) return null;
  if (next !== undefined && next.start <= k + 1) return null; // "on Bear near 211 Caribou St": the number is Caribou's
  if (gap.length > 0 && gap.every((word) => word === 'at' || word === 'a') && Number.parseInt(token.norm, 10) < TIME_LIKE_BELOW)
    return null;
  return { number: token.norm.toUpperCase(), end: k + 1, score: gap.length > 0 || !(marked || mention.typeFirst) ? 0.85 : 1 };
}

/** "211 Bear St #3", "211 Bear St, unit 3". */
export function unitAfter(tokens: Token[], end: number, words: PlaceWords): { unit: string; end: number } | null {
  let k = end;
  if (tokens[k]?.norm === ',') k += 1;
  const marker = tokens[k];
  const value = tokens[k + 1];
  if (marker && words.unitWords.has(marker.norm) && value?.word && /^[\p{L}\d]{1,5}$/u.test(value.norm) && /\d|^[a-z]$/.test(value.norm)) {
    return { unit: value.norm.toUpperCase(), end: k + 2 };
  }
  return null;
}

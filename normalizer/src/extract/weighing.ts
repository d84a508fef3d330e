import { words as wordsOf } from '../language.js';
import type { Extracted } from './tokens.js';
import type { PlaceWords } from './words.js';

/** A place taken back counts this much: only the correction that follows it should be taken. */
const CORRECTED_FACTOR = 0.5;
/** The writer's own address counts this much when another place follows: the problem is there. */
const OWN_ADDRESS_FACTOR = 0.5;

const startsWith = (tokens: readonly string[], phrase: readonly string[]) => phrase.every((word, i) => tokens[i] === word);

/** Words a speaker may put before the number they correct to: "no sorry, it's 415", "non pardon, au 1319". */
const BEFORE_CORRECTED_NUMBER = 2;
const HOUSE_NUMBER = /^[1-9]\d{0,5}[a-z]?$/;

/**
 * "1010 E 5th, no sorry, 415": a number said alone after a correction is the same street's. The address is made
 * again with that number, where the number stands; only when no other place follows the correction.
 */
function correctedNumbers(text: string, found: readonly Extracted[], words: PlaceWords): Extracted[] {
  const corrected: Extracted[] = [];
  for (const place of found) {
    if (place.kind !== 'query' || place.query.kind !== 'address' || place.query.number === null) continue;
    const after = text.slice(place.end, place.end + 60);
    const tokens = wordsOf(after);
    const phrase = words.corrections.find((candidate) => startsWith(tokens, candidate));
    if (phrase === undefined) continue;
    const lead = tokens.slice(phrase.length, phrase.length + BEFORE_CORRECTED_NUMBER + 1).findIndex((token) => /^\d/.test(token));
    const number = lead < 0 ? undefined : tokens[phrase.length + lead];
    if (number === undefined || !HOUSE_NUMBER.test(number)) continue;
    const offset = after.search(new RegExp(`(?<![\\p{L}\\p{N}])${number}(?![\\p{L}\\p{N}])`, 'iu'));
    const start = place.end + offset;
    const end = start + number.length;
    if (offset < 0 || found.some((other) => other.start >= place.end && other.start < end + 2)) continue;
    const raw = text.slice(start, end);
    corrected.push({ ...place, raw, start, end, query: { ...place.query, raw, number: number.toUpperCase(), unit: null } });
  }
  return corrected;
}

/** "214 Bear, no sorry, 101 Bear", "au 12, je veux dire au 21": a place the speaker takes back right away. */
export function withCorrections(text: string, placesFound: Extracted[], words: PlaceWords): Extracted[] {
  const takenBack = (between: string) => {
    const tokens = wordsOf(between);
    return words.corrections.some((phrase) => startsWith(tokens, phrase));
  };
  const found = [...placesFound, ...correctedNumbers(text, placesFound, words)];
  return found.map((place) => {
    const later = found.some((other) => other.start >= place.end && takenBack(text.slice(place.end, other.start)));
    return later ? { ...place, score: place.score * CORRECTED_FACTOR } : place;
  });
}

/** "my address is 12 Elm St but this is about 40 Oak St", "j'habite au 119, rue X, mais ...": the second place wins. */
export function withOwnAddresses(text: string, found: Extracted[], words: PlaceWords): Extracted[] {
  return found.map((place) => {
    const before = wordsOf(text.slice(Math.max(0, place.start - 40), place.start)).join(' ');
    const own = words.ownAddress.some((cue) => before === cue || before.endsWith(` ${cue}`));
    const otherLater = found.some((other) => other.start >= place.end);
    return own && otherLater ? { ...place, score: place.score * OWN_ADDRESS_FACTOR } : place;
  });
}

const KIND_RANK: Record<string, number> = { point: 0, address: 1, intersection: 2, landmark: 3, street: 4, freeform: 5 };
const kindOf = (item: Extracted) => (item.kind === 'query' ? item.query.kind : item.kind);

/** Best first: surer mentions, then the more precise kind, then the earlier one. */
export const rankExtracted = (all: Extracted[]): Extracted[] =>
  all.sort((a, b) => b.score - a.score || KIND_RANK[kindOf(a)]! - KIND_RANK[kindOf(b)]! || a.start - b.start);

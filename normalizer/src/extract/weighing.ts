import { words as wordsOf } from '../language.js';
import type { Extracted } from './tokens.js';
import type { PlaceWords } from './words.js';

/** A place taken back counts this much: only the correction that follows it should be taken. */
const CORRECTED_FACTOR = 0.5;
/** The writer's own address counts this much when another place follows: the problem is there. */
const OWN_ADDRESS_FACTOR = 0.5;

const startsWith = (tokens: readonly string[], phrase: readonly string[]) => phrase.every((word, i) => tokens[i] === word);

/** "214 Bear, no sorry, 101 Bear", "au 12, je veux dire au 21": a place the speaker takes back right away. */
export function withCorrections(text: string, found: Extracted[], words: PlaceWords): Extracted[] {
  const takenBack = (between: string) => {
    const tokens = wordsOf(between);
    return words.corrections.some((phrase) => startsWith(tokens, phrase));
  };
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

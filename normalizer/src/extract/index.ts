import { landmarkCandidates, streetCandidates, unknownStreetCandidates } from './candidates.js';
import { findPoints } from './points.js';
import { tokenize, withoutHesitations, type Extracted } from './tokens.js';
import type { Vocabulary } from './vocabulary.js';
import { rankExtracted, withCorrections, withOwnAddresses } from './weighing.js';

export { buildVocabulary, type Landmark, type Vocabulary } from './vocabulary.js';
export { findPoints, pointFromMapLink } from './points.js';
export { rankExtracted } from './weighing.js';
export { placeWordsOf } from './words.js';
export type { Extracted } from './tokens.js';

/**
 * Every place named in a text, best first: map links and coordinates, addresses, intersections, landmarks, streets.
 * Street names come from the town's vocabulary, so "Bear" is a street only where a number, a street type, a corner
 * or a preposition says so, and never in "saw a bear".
 */
export function extractAddresses(text: string, vocabulary: Vocabulary): Extracted[] {
  const { points, rest } = findPoints(text);
  const tokens = withoutHesitations(tokenize(rest), vocabulary.words);
  const fromPoints: Extracted[] = points.map((point) => ({ ...point, kind: 'point', score: point.via === 'map_link' ? 1 : 0.95 }));
  const named = [...streetCandidates(text, tokens, vocabulary), ...landmarkCandidates(text, tokens, vocabulary)];
  const all = [...fromPoints, ...named, ...unknownStreetCandidates(text, tokens, named, vocabulary.words)];
  return rankExtracted(withOwnAddresses(text, withCorrections(text, all, vocabulary.words), vocabulary.words));
}

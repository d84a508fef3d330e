import { distance } from 'fastest-levenshtein';

/** Edit distance where swapping two neighbouring letters ("baer" for "bear") is one slip, not two. */
function typoDistance(a: string, b: string): number {
  if (a.length === b.length) {
    const differ: number[] = [];
    for (let i = 0; i < a.length && differ.length <= 2; i++) if (a[i] !== b[i]) differ.push(i);
    const [i, j] = differ;
    if (differ.length === 2 && j === i! + 1 && a[i!] === b[j] && a[j] === b[i!]) return 1;
  }
  return distance(a, b);
}

/** How many slips a known word may be typed with: long ones two, others one (a swap of two letters counts as one). */
export const slipsAllowed = (known: string) => (known.length >= 8 ? 2 : 1);

/** Shorter words are never read as slips of one another. */
export const MIN_SLIP_LENGTH = 4;
/** A slip adds or drops at most this many letters. */
export const MAX_LENGTH_SLIP = 2;

/**
 * Whether `typed` is a plausible slip for `known`: short words must match exactly (too many real words sit one
 * letter apart), longer ones may be off by one, long ones by two; the first letter is rarely the one mistyped.
 */
export function isTypoOf(typed: string, known: string): boolean {
  if (typed === known) return true;
  if (known.length < MIN_SLIP_LENGTH || typed.length < MIN_SLIP_LENGTH || typed[0] !== known[0]) return false;
  if (Math.abs(typed.length - known.length) > MAX_LENGTH_SLIP) return false;
  return typoDistance(typed, known) <= slipsAllowed(known);
}

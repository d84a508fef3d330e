import { MAX_LENGTH_SLIP, MIN_SLIP_LENGTH, isTypoOf, slipsAllowed } from './fuzzy.js';

/** A slip of the pen changes at most this many letters of a name (see `isTypoOf`). */
const MAX_SLIPS = 2;
/** Letters are counted in this many buckets, by their code (the bits of a 32-bit mask). */
const BUCKETS = 32;

/**
 * The MAX_SLIPS + 1 pieces a name of this length is cut into after its first letter (which a slip never touches, see
 * `isTypoOf`, and which the keys hold already): [start, length] of each.
 */
function pieces(length: number): [number, number][] {
  const tail = length - 1;
  const cut = Array.from({ length: MAX_SLIPS + 2 }, (_, i) => 1 + Math.floor((i * tail) / (MAX_SLIPS + 1)));
  return cut.slice(0, -1).map((start, i) => [start, cut[i + 1]! - start]);
}

/** What letters a name has: how many in each bucket, and which buckets hold any. */
interface Letters {
  counts: Uint8Array;
  mask: number;
}

function lettersOf(name: string): Letters {
  const counts = new Uint8Array(BUCKETS);
  let mask = 0;
  for (let i = 0; i < name.length; i++) {
    const bucket = name.charCodeAt(i) % BUCKETS;
    counts[bucket]!++;
    mask |= 1 << bucket;
  }
  return { counts, mask };
}

const bitCount = (bits: number) => {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
};

/**
 * Whether two names' letters differ by no more than `slips` slips can change: a letter added or dropped changes one
 * count (and at most one bucket from empty or to empty), one replaced two, a swap of two none. The buckets are
 * compared first, the counts only when they pass.
 */
function lettersWithin(a: Letters, b: Letters, slips: number): boolean {
  if (bitCount(a.mask ^ b.mask) > 2 * slips) return false;
  let differ = 0;
  for (let bucket = 0; bucket < BUCKETS; bucket++) differ += Math.abs(a.counts[bucket]! - b.counts[bucket]!);
  return differ <= 2 * slips;
}

interface Entry {
  name: string;
  letters: Letters;
  /** the search that last looked at it, so that a name found by several pieces is compared once */
  seenIn: number;
}

/**
 * The town's street names indexed for spelling slips, so a misspelt name is found among a city's ten thousand streets
 * without comparing it with each. Each name is cut into three pieces: two slips (or a swap of two letters) leave one
 * piece whole, at most two letters from where it was, so only the names sharing a piece there are candidates; and of
 * those only the ones with nearly the same letters (`lettersWithin`) are compared.
 */
export class SlipIndex {
  /** the names in the order they were added, which is the order they are found in */
  private readonly entries: Entry[] = [];
  private readonly known = new Set<string>();
  /** positions in `entries` of the names that have each piece */
  private readonly byPiece = new Map<string, number[]>();
  private searches = 0;

  add(name: string): void {
    if (name.length < MIN_SLIP_LENGTH || this.known.has(name)) return;
    this.known.add(name);
    const position = this.entries.push({ name, letters: lettersOf(name), seenIn: 0 }) - 1;
    pieces(name.length).forEach(([start, length], i) => {
      const key = pieceKey(name[0]!, name.length, i, name.substr(start, length));
      const positions = this.byPiece.get(key);
      if (positions) positions.push(position);
      else this.byPiece.set(key, [position]);
    });
  }

  /** The names `typed` is a plausible slip for, in the order they were added. */
  slipsOf(typed: string): string[] {
    if (typed.length < MIN_SLIP_LENGTH) return [];
    const search = ++this.searches;
    const letters = lettersOf(typed);
    const found: number[] = [];
    for (let length = Math.max(MIN_SLIP_LENGTH, typed.length - MAX_LENGTH_SLIP); length <= typed.length + MAX_LENGTH_SLIP; length++) {
      const cut = pieces(length);
      for (let i = 0; i < cut.length; i++) {
        const [start, size] = cut[i]!;
        const last = Math.min(typed.length - size, start + MAX_SLIPS);
        for (let at = Math.max(1, start - MAX_SLIPS); at <= last; at++) {
          for (const position of this.byPiece.get(pieceKey(typed[0]!, length, i, typed.substr(at, size))) ?? []) {
            const entry = this.entries[position]!;
            if (entry.seenIn === search) continue;
            entry.seenIn = search;
            if (lettersWithin(entry.letters, letters, slipsAllowed(entry.name)) && isTypoOf(typed, entry.name)) found.push(position);
          }
        }
      }
    }
    return found.sort((a, b) => a - b).map((position) => this.entries[position]!.name);
  }
}

const pieceKey = (initial: string, length: number, piece: number, text: string) => `${initial}${length}:${piece}:${text}`;

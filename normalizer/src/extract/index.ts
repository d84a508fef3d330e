import type { AddressQuery } from '@intake/core';
import { isTypoOf } from '../fuzzy.js';
import { fold, words } from '../language.js';
import { inAllLanguages } from '../words.js';
import { expandNameToken, FULL_TYPE_NAMES, sameStreetType, streetDirection, streetType, TYPE_FIRST, type StreetName } from '../streets.js';
import { MEASURES, MONTHS, spelledNumberEndingAt } from './numbers.js';
import { findPoints } from './points.js';
import type { CoreEntry, Landmark, Vocabulary } from './vocabulary.js';

export { buildVocabulary, type Landmark, type Vocabulary } from './vocabulary.js';
export { findPoints, pointFromMapLink } from './points.js';

interface Span {
  raw: string;
  start: number;
  end: number;
  /** 0..1: how surely these words name a place (a typed street with a number: 1; a bare capitalized name: 0.6) */
  score: number;
}
export type Extracted =
  | (Span & { kind: 'point'; lat: number; long: number; via: 'map_link' | 'coordinates' })
  | (Span & { kind: 'query'; query: AddressQuery })
  | (Span & { kind: 'landmark'; landmark: Landmark; query: AddressQuery });

interface Token {
  norm: string;
  start: number;
  end: number;
  word: boolean;
  capitalized: boolean;
}

interface Mention {
  start: number;
  end: number;
  entry: CoreEntry;
  names: StreetName[];
  typed: boolean;
  typeFirst: boolean;
  fuzzy: boolean;
  capitalized: boolean;
  text: string;
}

const STRONG_CONNECTORS = new Set(['&', '@', '/', '+', 'at', 'and/or', 'meets', 'meet', 'crosses']);
/** "n" is how texts write "and" ("wolf n bear"). */
const WEAK_CONNECTORS = new Set(['and', 'n', 'et', 'y', 'e', 'with', 'con']);
/** Words a crossing phrase puts before its second street: "et de la rue X", "y la calle X". */
const CROSSING_FILLERS = new Set(['de', 'la', 'l', 'du', 'des', 'del', 'el', 'the']);
const CORNER_WORDS = new Set([
  'corner',
  'intersection',
  'coin',
  'angle',
  'croisement',
  'carrefour',
  'intersection',
  'esquina',
  'cruce',
  'interseccion',
]);
const FILLER_WORDS = new Set(['the', 'of', 'de', 'du', 'des', 'la', 'le', 'l', 'at', 'on', 'a', 'entre', 'del']);
const LOCATION_WORDS = new Set([
  'on',
  'along',
  'down',
  'up',
  'near',
  'outside',
  'behind',
  'beside',
  'opposite',
  'across',
  'front',
  'off',
  'onto',
  'past',
  'by',
  'at',
  'corner',
  'sur',
  'devant',
  'pres',
  'face',
  'coin',
  'cerca',
  'frente',
  'enfrente',
  'sobre',
  'junto',
  'esquina',
]);
const UNIT_WORDS = new Set([
  'unit',
  'apt',
  'apartment',
  'suite',
  'ste',
  'app',
  'appt',
  'appartement',
  'logement',
  'depto',
  'departamento',
  'dept',
  'piso',
  '#',
]);
const BLOCK_WORDS = new Set(['block', 'bloc', 'cuadra']);
const OF_WORDS = new Set(['of', 'de', 'du', 'del']);
const ARTICLES = new Set(['the', 'la', 'le', 'l', 'el']);
const CURRENCY = new Set(['$', '€', '£', '¢']);
const HOUSE_NUMBER = /^[1-9]\d{0,5}[a-z]?$/;
/** A numbered street's name ("5th", "12th"): seldom anything else beside another street. */
const ORDINAL = /^\d+(st|nd|rd|th|e|er|re)$/;

const KIND_RANK: Record<string, number> = { point: 0, address: 1, intersection: 2, landmark: 3, street: 4, freeform: 5 };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}.]/gu)) {
    const raw = match[0];
    // "Saint-Jean" is one name in two words; a dash between digits ("3-211") still counts.
    if (raw === '-' && /\p{L}/u.test(text[match.index - 1] ?? '') && /\p{L}/u.test(text[match.index + 1] ?? '')) continue;
    tokens.push({
      norm: fold(raw),
      start: match.index,
      end: match.index + raw.length,
      word: /[\p{L}\p{N}]/u.test(raw),
      capitalized: /^\p{Lu}/u.test(raw),
    });
  }
  return tokens;
}

const titleCase = (text: string) => text.replace(/(^|\s)(\p{L})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase());

/** Types that are seldom anything but a street type, so they count even when they do not fit the street ("Bear Ave"). */
const UNMISTAKABLE_TYPES = new Set(['street', 'avenue', 'road', 'boulevard', 'rue', 'calle', 'avenida']);

/**
 * The street type a word spells for this street. A full word that is not this street's type ("a bear close to the
 * school", "deer drove off") is not a type: only abbreviations and unmistakable types may disagree with the street.
 */
function typeFor(token: Token | undefined, entry: CoreEntry): string | null {
  if (!token?.word) return null;
  const fits = (type: string) => entry.names.some((name) => sameStreetType(name.type, type));
  const exact = streetType(token.norm);
  if (exact) return fits(exact) || exact !== token.norm || UNMISTAKABLE_TYPES.has(exact) ? exact : null;
  const slip = token.norm.length >= 5 ? FULL_TYPE_NAMES.find((name) => isTypoOf(token.norm, name)) : undefined;
  return slip !== undefined && fits(slip) ? slip : null;
}

/** Core tokens matched from position i: exactly (also "st"/"saint", "big horn"/"bighorn") or with spelling slips. */
function matchCore(tokens: Token[], i: number, vocabulary: Vocabulary): { entry: CoreEntry; end: number; fuzzy: boolean } | null {
  const first = tokens[i]!;
  const sameToken = (token: Token | undefined, core: string) =>
    token?.word === true && (token.norm === core || expandNameToken(token.norm) === core);
  const exact = (entry: CoreEntry) => entry.tokens.every((core, k) => sameToken(tokens[i + k], core));
  const candidates = [
    ...(vocabulary.byFirstToken.get(first.norm) ?? []),
    ...(vocabulary.byFirstToken.get(expandNameToken(first.norm)) ?? []),
  ];
  let best: { entry: CoreEntry; end: number; fuzzy: boolean } | null = null;
  for (const entry of candidates) {
    if (exact(entry) && (!best || entry.tokens.length > best.end - i)) best = { entry, end: i + entry.tokens.length, fuzzy: false };
  }
  const joined = tokens[i + 1]?.word ? first.norm + tokens[i + 1]!.norm : null;
  const joinedEntry = joined === null ? undefined : vocabulary.byFirstToken.get(joined)?.find((entry) => entry.tokens.length === 1);
  if (joinedEntry && !best) best = { entry: joinedEntry, end: i + 2, fuzzy: false };
  if (best || first.norm.length < 4 || /^\d/.test(first.norm)) return best;
  for (const entry of vocabulary.byInitial.get(first.norm[0]!) ?? []) {
    const fits = entry.tokens.every((core, k) => tokens[i + k]?.word === true && isTypoOf(tokens[i + k]!.norm, core));
    if (fits && (!best || entry.tokens.length > best.end - i)) best = { entry, end: i + entry.tokens.length, fuzzy: true };
  }
  return best;
}

/** A street named in the text, with the type and direction written around it. */
function mentionAt(tokens: Token[], i: number, vocabulary: Vocabulary, floor: number): Mention | null {
  const core = matchCore(tokens, i, vocabulary);
  if (core === null) return null;
  const { entry, fuzzy } = core;
  let start = i;
  let end = core.end;
  let typed: string | null = null;
  let typeFirst = false;
  let direction: string | null = null;
  const after = typeFor(tokens[end], entry);
  if (after) [typed, end] = [after, end + 1];
  const before = start - 1 >= floor ? typeFor(tokens[start - 1], entry) : null;
  const writtenFirst = before !== null && (TYPE_FIRST.has(before) || entry.names.some((name) => name.typeFirst && name.type === before));
  if (!typed && writtenFirst) [typed, typeFirst, start] = [before, true, start - 1];
  const directionAfter = tokens[end]?.word ? streetDirection(tokens[end]!.norm) : null;
  if (directionAfter && entry.names.some((name) => name.direction === directionAfter)) [direction, end] = [directionAfter, end + 1];
  const directionBefore = start - 1 >= floor && tokens[start - 1]?.word ? streetDirection(tokens[start - 1]!.norm) : null;
  if (!direction && directionBefore && entry.names.some((name) => name.direction === directionBefore))
    [direction, start] = [directionBefore, start - 1];
  const fitting = entry.names.filter(
    (name) => (typed === null || sameStreetType(name.type, typed)) && (direction === null || name.direction === direction),
  );
  const names = fitting.length > 0 ? fitting : entry.names;
  const text = names.length === 1 ? names[0]!.display : titleCase([direction, entry.core, typed].filter(Boolean).join(' '));
  // A direction the town's street list has for this name ("n walnut", "9th e") says "street" as a type does.
  return {
    start,
    end,
    entry,
    names,
    typed: typed !== null || direction !== null,
    typeFirst,
    fuzzy,
    capitalized: tokens[i]!.capitalized,
    text,
  };
}

function findMentions(tokens: Token[], vocabulary: Vocabulary): Mention[] {
  const mentions: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.word) continue;
    const mention = mentionAt(tokens, i, vocabulary, mentions.at(-1)?.end ?? 0);
    if (mention === null) continue;
    mentions.push(mention);
    i = mention.end - 1;
  }
  return mentions;
}

/** A house number at token k: not a price, a time, part of a phone number or a count ("2 hours" never sits next to a street). */
function houseNumberAt(tokens: Token[], k: number): boolean {
  const token = tokens[k];
  if (!token?.word || !HOUSE_NUMBER.test(token.norm)) return false;
  const previous = tokens[k - 1];
  if (previous === undefined) return true;
  if (CURRENCY.has(previous.norm) || MONTHS.has(previous.norm)) return false;
  // "7:30" is a time; "Caller: 128 Grizzly Street" is a speaker's line.
  if (previous.norm === ':' && !/^\p{L}/u.test(tokens[k - 2]?.norm ?? '')) return false;
  if (/^\d/.test(previous.norm) && previous.word && !UNIT_WORDS.has(tokens[k - 2]?.norm ?? '')) return false; // "403 555 0123"
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

interface NumberFound {
  number: string;
  unit: string | null;
  start: number;
  hash: boolean;
  block: boolean;
}

/** "300 block of", "the 300-block of", "le bloc 500 de la", "la cuadra 300 de": a block's number before a street. */
function blockBefore(tokens: Token[], last: number): NumberFound | null {
  let k = last;
  if (ARTICLES.has(tokens[k]?.norm ?? '')) k -= 1;
  if (!OF_WORDS.has(tokens[k]?.norm ?? '')) return null;
  k -= 1;
  if (BLOCK_WORDS.has(tokens[k]?.norm ?? '')) {
    const n = tokens[k - 1]?.norm === '-' ? k - 2 : k - 1;
    return houseNumberAt(tokens, n) ? { number: tokens[n]!.norm, unit: null, start: n, hash: false, block: true } : null;
  }
  if (houseNumberAt(tokens, k) && BLOCK_WORDS.has(tokens[k - 1]?.norm ?? ''))
    return { number: tokens[k]!.norm, unit: null, start: k - 1, hash: false, block: true };
  return null;
}

/** "one-twenty-five Spray Avenue", "deux cent quatorze rue X": said numbers, trusted only before a typed street. */
function spelledBefore(tokens: Token[], last: number, mention: Mention): NumberFound | null {
  if (!mention.typed) return null;
  const said = spelledNumberEndingAt(
    tokens.map((token) => token.norm),
    last,
  );
  return said && { number: String(said.value), unit: null, start: said.start, hash: false, block: false };
}

/** "211", "#211", "3-211", "unit 3, 211", "au 127, rainbow ave", "300 block of", "one-twenty-five" right before a street. */
function numberBefore(tokens: Token[], mention: Mention): NumberFound | null {
  const last = mention.start - 1;
  const block = blockBefore(tokens, last);
  if (block) return block;
  // French and Spanish put a comma after the number: "au 115, rue Grizzly".
  const k = tokens[last]?.norm === ',' && mention.typed ? last - 1 : last;
  if (!houseNumberAt(tokens, k)) return spelledBefore(tokens, k, mention);
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
  if (unit === null && tokens[j]?.word && UNIT_WORDS.has(tokens[j - 1]?.norm ?? '')) [unit, start] = [tokens[j]!.norm.toUpperCase(), j - 1];
  return { number: tokens[k]!.norm.toUpperCase(), unit, start, hash, block: false };
}

interface NumberAfter {
  number: string;
  end: number;
  /** how surely the number is the street's: written as part of it (1) or a few place words later (less) */
  score: number;
}

/** Place words that may sit between a street and its number: "on Nahanni Dr in front of 142", "on Banff Ave by number 125". */
const BETWEEN_STREET_AND_NUMBER = new Set([
  'in',
  'front',
  'of',
  'outside',
  'near',
  'by',
  'at',
  'across',
  'from',
  'opposite',
  'beside',
  'next',
  'to',
  'behind',
  'number',
  'no',
  'the',
  'devant',
  'en',
  'face',
  'du',
  'de',
  'pres',
  'au',
  'a',
  'cote',
  'derriere',
  'numero',
  'frente',
  'al',
  'del',
  'cerca',
  'delante',
  'junto',
  'detras',
  'enfrente',
]);
const NUMBER_MARKS = new Set(['#', 'no', 'n', 'nº', 'numero', 'number']);
/** "at 7" is a time more often than a house: a lone "at" before a small number does not make it an address. */
const TIME_LIKE_BELOW = 13;

/** "Calle Mayor 5", "rue X, 12", "calle Otter #201", "on Nahanni Dr in front of 142": a number after its street. */
function numberAfter(tokens: Token[], mention: Mention, next: Mention | undefined): NumberAfter | null {
  let k = mention.end;
  if (tokens[k]?.norm === ',') k += 1;
  const marked = NUMBER_MARKS.has(tokens[k]?.norm ?? '');
  const gap: string[] = [];
  if (marked) k += 1;
  else if (!mention.typeFirst) {
    while (gap.length < 4 && BETWEEN_STREET_AND_NUMBER.has(tokens[k]?.norm ?? '')) gap.push(tokens[k++]!.norm);
    if (NUMBER_MARKS.has(tokens[k]?.norm ?? '') && gap.length > 0) k += 1;
    // "East Ridge Rd 1363", "3rd St SE 513": a number right after a street is its house only when the street is typed.
    if (gap.length === 0 && !mention.typed) return null;
  }
  const token = tokens[k];
  if (!token?.word || !HOUSE_NUMBER.test(token.norm) || !houseNumberAt(tokens, k) || MEASURES.has(tokens[k + 1]?.norm ?? '')) return null;
  if (next !== undefined && next.start <= k + 1) return null; // "on Bear near 211 Caribou St": the number is Caribou's
  if (gap.length > 0 && gap.every((word) => word === 'at' || word === 'a') && Number.parseInt(token.norm, 10) < TIME_LIKE_BELOW)
    return null;
  return { number: token.norm.toUpperCase(), end: k + 1, score: gap.length > 0 || !(marked || mention.typeFirst) ? 0.85 : 1 };
}

/** "211 Bear St #3", "211 Bear St, unit 3". */
function unitAfter(tokens: Token[], end: number): { unit: string; end: number } | null {
  let k = end;
  if (tokens[k]?.norm === ',') k += 1;
  const marker = tokens[k];
  const value = tokens[k + 1];
  if (marker && UNIT_WORDS.has(marker.norm) && value?.word && /^[\p{L}\d]{1,5}$/u.test(value.norm) && /\d|^[a-z]$/.test(value.norm)) {
    return { unit: value.norm.toUpperCase(), end: k + 2 };
  }
  return null;
}

function cornerWordBefore(tokens: Token[], start: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - 4); k--) {
    const norm = tokens[k]!.norm;
    if (CORNER_WORDS.has(norm)) return true;
    if (!FILLER_WORDS.has(norm)) return false;
  }
  return false;
}

/** How surely "A <connector> B" names a corner; 0 when it more likely does not ("a bear and elk"). */
function intersectionScore(tokens: Token[], a: Mention, b: Mention, connector: string): number {
  // A misspelt bare name ("wolfe & bear st") is a street only beside a street that says so.
  const bareSlip = (m: Mention) => m.fuzzy && !m.typed;
  if ((bareSlip(a) && !b.typed) || (bareSlip(b) && !a.typed) || a.entry.core === b.entry.core) return 0;
  const streetLike = (m: Mention) => m.typed || ORDINAL.test(tokens[m.start]!.norm);
  const typed = Number(streetLike(a)) + Number(streetLike(b));
  if (typed === 2) return 1;
  if (typed === 1) return 0.9;
  if (cornerWordBefore(tokens, a.start)) return 0.85;
  const capitalized = a.capitalized && b.capitalized;
  if (STRONG_CONNECTORS.has(connector)) return capitalized ? 0.8 : 0.6;
  // "bear and wolf": two of the town's streets side by side; the geocoder still has to find them crossing.
  return capitalized ? 0.6 : a.fuzzy || b.fuzzy ? 0 : 0.5;
}

/** Whether tokens [from, to) are all crossing fillers ("de la"), at most three of them. */
function fillersOnly(tokens: Token[], from: number, to: number): boolean {
  return to >= from && to - from <= 3 && tokens.slice(from, to).every((token) => CROSSING_FILLERS.has(token.norm));
}

const spanOf = (text: string, tokens: Token[], first: number, last: number) => {
  const start = tokens[first]!.start;
  const end = tokens[last - 1]!.end;
  return { raw: text.slice(start, end), start, end };
};

const query = (fields: Partial<AddressQuery> & Pick<AddressQuery, 'kind' | 'raw'>): AddressQuery => ({
  number: null,
  unit: null,
  street: null,
  cross_street: null,
  ...fields,
});

function streetCandidates(text: string, tokens: Token[], vocabulary: Vocabulary): Extracted[] {
  const mentions = findMentions(tokens, vocabulary);
  const found: Extracted[] = [];
  const crossUsed = new Set<Mention>();
  mentions.forEach((mention, m) => {
    if (crossUsed.has(mention)) return;
    const next = mentions[m + 1];
    const connector = tokens[mention.end];
    if (
      next &&
      connector &&
      fillersOnly(tokens, mention.end + 1, next.start) &&
      (STRONG_CONNECTORS.has(connector.norm) || WEAK_CONNECTORS.has(connector.norm))
    ) {
      const score = intersectionScore(tokens, mention, next, connector.norm);
      if (score > 0) {
        const span = spanOf(text, tokens, mention.start, next.end);
        found.push({
          ...span,
          score,
          kind: 'query',
          query: query({ kind: 'intersection', raw: span.raw, street: mention.text, cross_street: next.text }),
        });
        crossUsed.add(next);
        return;
      }
    }
    const number = numberBefore(tokens, mention);
    const trailing = number === null ? numberAfter(tokens, mention, next) : null;
    const acceptable = !mention.fuzzy || mention.typed || mention.capitalized;
    if (number && acceptable) {
      const unit = number.unit === null && !number.block ? unitAfter(tokens, mention.end) : null;
      const span = spanOf(text, tokens, number.start, unit?.end ?? mention.end);
      const score = mention.typed ? 1 : mention.capitalized || number.hash ? 0.9 : 0.6;
      const kind = number.block ? 'street' : 'address';
      found.push({
        ...span,
        score: number.block ? Math.min(score, 0.95) : score,
        kind: 'query',
        query: query({ kind, raw: span.raw, number: number.number, unit: number.unit ?? unit?.unit ?? null, street: mention.text }),
      });
    } else if (trailing) {
      const span = spanOf(text, tokens, mention.start, trailing.end);
      found.push({
        ...span,
        score: trailing.score,
        kind: 'query',
        query: query({ kind: 'address', raw: span.raw, number: trailing.number, street: mention.text }),
      });
    } else if (mention.typed) {
      const span = spanOf(text, tokens, mention.start, mention.end);
      found.push({ ...span, score: 0.8, kind: 'query', query: query({ kind: 'street', raw: span.raw, street: mention.text }) });
    } else if (
      !mention.fuzzy &&
      !mention.entry.placeName &&
      mention.capitalized &&
      LOCATION_WORDS.has(tokens[mention.start - 1]?.norm ?? '')
    ) {
      const span = spanOf(text, tokens, mention.start, mention.end);
      found.push({ ...span, score: 0.6, kind: 'query', query: query({ kind: 'street', raw: span.raw, street: mention.text }) });
    }
  });
  return found;
}

function landmarkCandidates(text: string, tokens: Token[], vocabulary: Vocabulary): Extracted[] {
  const found: Extracted[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const entries = vocabulary.landmarksByFirstToken.get(tokens[i]!.norm) ?? [];
    const entry = entries
      .filter((e) => e.tokens.every((t, k) => tokens[i + k]?.norm === t))
      .sort((a, b) => b.tokens.length - a.tokens.length)[0];
    if (!entry) continue;
    const span = spanOf(text, tokens, i, i + entry.tokens.length);
    found.push({
      ...span,
      score: 0.9,
      kind: 'landmark',
      landmark: entry.landmark,
      query: query({ kind: 'landmark', raw: entry.landmark.name }),
    });
    i += entry.tokens.length - 1;
  }
  return found;
}

/** Streets the vocabulary does not know, in the shape every town writes: "12 Maple Grove Road". For HTTP geocoders. */
function unknownStreetCandidates(text: string, tokens: Token[], taken: readonly Extracted[]): Extracted[] {
  const found: Extracted[] = [];
  const overlaps = (start: number, end: number) => taken.some((t) => t.start < end && start < t.end);
  for (let k = 0; k < tokens.length; k++) {
    if (!houseNumberAt(tokens, k)) continue;
    for (let words = 1; words <= 3; words++) {
      const name = tokens.slice(k + 1, k + 1 + words);
      const type = tokens[k + 1 + words];
      if (name.length < words || !name.every((t) => t.word && t.capitalized && !streetType(t.norm)) || !type || !streetType(type.norm))
        continue;
      const span = spanOf(text, tokens, k, k + words + 2);
      if (overlaps(span.start, span.end)) break;
      const street = text.slice(name[0]!.start, type.end);
      found.push({
        ...span,
        score: 0.7,
        kind: 'query',
        query: query({ kind: 'address', raw: span.raw, number: tokens[k]!.norm.toUpperCase(), street }),
      });
      break;
    }
  }
  return found;
}

/** "214 Bear, no sorry, 101 Bear", "au 12, je veux dire au 21": a place the speaker takes back right away. */
const CORRECTION =
  /^[\s,.;:!-]*(?:no,? sorry|sorry|i mean|i meant|actually|correction|wait|non,? pardon|pardon|je veux dire|plutôt|perdón|perdon|quiero decir|mejor dicho)\b/iu;
/** A place taken back counts this much: only the correction that follows it should be taken. */
const CORRECTED_FACTOR = 0.5;

function withCorrections(text: string, found: Extracted[]): Extracted[] {
  return found.map((place) => {
    const later = found.some((other) => other.start >= place.end && CORRECTION.test(text.slice(place.end, other.start)));
    return later ? { ...place, score: place.score * CORRECTED_FACTOR } : place;
  });
}

const OWN_ADDRESS = inAllLanguages((words) => words.places.own_address);
/** The writer's own address counts this much when another place follows: the problem is there. */
const OWN_ADDRESS_FACTOR = 0.5;

/** "my address is 12 Elm St but this is about 40 Oak St", "j'habite au 119, rue X, mais ...": the second place wins. */
function withOwnAddresses(text: string, found: Extracted[]): Extracted[] {
  return found.map((place) => {
    const before = words(text.slice(Math.max(0, place.start - 40), place.start)).join(' ');
    const own = OWN_ADDRESS.some((cue) => before === cue || before.endsWith(` ${cue}`));
    const otherLater = found.some((other) => other.start >= place.end);
    return own && otherLater ? { ...place, score: place.score * OWN_ADDRESS_FACTOR } : place;
  });
}

const kindOf = (item: Extracted) => (item.kind === 'query' ? item.query.kind : item.kind);

/** Best first: surer mentions, then the more precise kind, then the earlier one. */
export const rankExtracted = (all: Extracted[]): Extracted[] =>
  all.sort((a, b) => b.score - a.score || KIND_RANK[kindOf(a)]! - KIND_RANK[kindOf(b)]! || a.start - b.start);

/**
 * Every place named in a text, best first: map links and coordinates, addresses, intersections, landmarks, streets.
 * Street names come from the town's vocabulary, so "Bear" is a street only where a number, a street type, a corner
 * or a preposition says so, and never in "saw a bear".
 */
export function extractAddresses(text: string, vocabulary: Vocabulary): Extracted[] {
  const { points, rest } = findPoints(text);
  const tokens = tokenize(rest);
  const fromPoints: Extracted[] = points.map((point) => ({ ...point, kind: 'point', score: point.via === 'map_link' ? 1 : 0.95 }));
  const named = [...streetCandidates(text, tokens, vocabulary), ...landmarkCandidates(text, tokens, vocabulary)];
  const all = [...fromPoints, ...named, ...unknownStreetCandidates(text, tokens, named)];
  return rankExtracted(withOwnAddresses(text, withCorrections(text, all)));
}

import { MAX_LENGTH_SLIP, MIN_SLIP_LENGTH, isTypoOf } from '../fuzzy.js';
import { numberAfterStreetArticle, type Mention, type Token } from './tokens.js';
import type { StreetWords } from '../streets.js';
import type { CoreEntry, SlipEntry, Vocabulary } from './vocabulary.js';
import type { PlaceWords } from './words.js';

const titleCase = (text: string) => text.replace(/(^|\s)(\p{L})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase());

const MIN_CORE_FOR_SLIP = 3;

/**
 * The street type a word spells for this street. A full word that is not this street's type ("a bear close to the
 * school", "deer drove off") is not a type: only abbreviations and unmistakable types may disagree with the street.
 */
function typeFor(token: Token | undefined, entry: CoreEntry, { streets }: PlaceWords): string | null {
  if (!token?.word) return null;
  const fits = (type: string) => entry.names.some((name) => streets.sameType(name.type, type));
  const exact = streets.type(token.norm);
  if (exact) return fits(exact) || exact !== token.norm || streets.unmistakable.has(exact) ? exact : null;
  // A slip is read as a type only after a real name: "a caller" is no "A Calle".
  const slip =
    token.norm.length >= 5 && entry.core.length >= MIN_CORE_FOR_SLIP
      ? streets.fullTypeNames.find((name) => isTypoOf(token.norm, name))
      : undefined;
  return slip !== undefined && fits(slip) ? slip : null;
}

interface CoreMatch {
  entry: CoreEntry;
  end: number;
  fuzzy: boolean;
  /** named as a numbered road is, by a route word and its number: "hwy 14", "NM 14" */
  designated?: boolean;
  /** named by its type alone, the one street of the town that has it: "paseo" */
  typeOnly?: boolean;
}

/** A title is a person's: written before a name of at least this many words ("Dr. Martin Luther King"). */
const MIN_TITLED_WORDS = 2;

/** Route words are read this far ahead of their number: "state road 14", "us route 66". */
const MAX_ROUTE_WORDS = 3;

/**
 * "route 66", "hwy 14", "NM 14": a numbered road of the town named by any route word, or by a state's capitals,
 * with its number. Several roads of one number are told apart by the words written. A two-letter word in lower case
 * ("us 41") names a road only when it is a word of that road's own name: "called us 7 times" is no State Road 7.
 */
function routeAt(tokens: Token[], i: number, vocabulary: Vocabulary): CoreMatch | null {
  const { streets } = vocabulary.words;
  const said: string[] = [];
  const code = (token: Token) => token.upper && token.norm.length === 2 && !streets.direction(token.norm) && !streets.type(token.norm);
  const ownWord = tokens[i]?.word === true && !tokens[i]!.upper && tokens[i]!.norm.length === 2 && !streets.routeWords.has(tokens[i]!.norm);
  let k = ownWord ? i + 1 : i;
  // "carretera del condado 12": a particle may join two route words, not begin them
  const routeWord = (token: Token | undefined) =>
    token?.word === true && (streets.routeWords.has(token.norm) || code(token) || (said.length > 0 && streets.particles.has(token.norm)));
  while (k < i + MAX_ROUTE_WORDS && routeWord(tokens[k])) {
    if (!streets.particles.has(tokens[k]!.norm)) said.push(tokens[k]!.norm);
    k += 1;
  }
  // "US-41", "cr-12", "Hwy #3", "route no. 9": the hyphen or a number's mark joins the road's word to its number
  const joiner = tokens[k]?.norm === '-' || vocabulary.words.numberMarks.has(tokens[k]?.norm ?? '');
  if ((ownWord || said.length > 0) && joiner && tokens[k + 1]?.word) k += 1;
  const number = tokens[k];
  if ((!ownWord && said.length === 0) || !number?.word) return null;
  const numbered = vocabulary.byRouteNumber.get(number.norm.replace(/th$/, '')) ?? [];
  const roads = ownWord ? numbered.filter((road) => road.tokens.includes(tokens[i]!.norm)) : numbered;
  const named = roads.filter((road) => said.every((word) => road.tokens.includes(word) || road.names.some((name) => name.type === word)));
  const [road, ...others] = named.length > 0 ? named : roads;
  return road !== undefined && others.length === 0 ? { entry: road, end: k + 1, fuzzy: false, designated: true } : null;
}

/** "calle once", "avenida cinco": a numbered street said as a cardinal after a type written first. */
function cardinalAfterType(tokens: Token[], i: number, vocabulary: Vocabulary): CoreMatch | null {
  const { streets, numbers } = vocabulary.words;
  const said = numbers.words.get(tokens[i]!.norm);
  const type = tokens[i - 1]?.word ? streets.type(tokens[i - 1]!.norm) : null;
  if (said === undefined || said.kind === 'hundred' || said.kind === 'thousand' || type === null || !streets.typeFirst.has(type))
    return null;
  const entry = vocabulary.byFirstToken.get(`${said.value}th`)?.find((candidate) => candidate.tokens.length === 1);
  return entry ? { entry, end: i + 1, fuzzy: false } : null;
}

/** "paseo" for Paseo del Norte: the type of one street alone, which names it beside another street only. */
function loneTypeAt(tokens: Token[], i: number, vocabulary: Vocabulary): CoreMatch | null {
  const { streets } = vocabulary.words;
  const type = streets.type(tokens[i]!.norm);
  const entry = type === null ? undefined : vocabulary.byLoneType.get(streets.kindOf(type));
  return entry ? { entry, end: i + 1, fuzzy: false, typeOnly: true } : null;
}

/**
 * Past this many names of about a word's length, the names it may be a slip of are looked up in the slip index
 * rather than compared with each: a big city's buckets hold hundreds, a town's a few (where the index costs more).
 */
const MAX_SCANNED = 48;

/**
 * The entries whose first token a word may be written for, with a slip or as its abbreviation's spelling (those of
 * its first letter and about its length, or of the tokens the slip index finds), each with its place in the
 * vocabulary's order.
 */
function slipCandidates(vocabulary: Vocabulary, word: string, expanded: string): SlipEntry[] {
  const byLength = vocabulary.bySlip.get(word[0]!);
  if (byLength === undefined) return [];
  const slip = word.length < MIN_SLIP_LENGTH ? 0 : MAX_LENGTH_SLIP;
  const lengths: number[] = [];
  for (let length = word.length - slip; length <= word.length + slip; length++) lengths.push(length);
  if (expanded[0] === word[0] && Math.abs(expanded.length - word.length) > slip) lengths.push(expanded.length);
  const buckets = lengths.map((length) => byLength[length] ?? []);
  if (buckets.reduce((sum, bucket) => sum + bucket.length, 0) <= MAX_SCANNED) return buckets.flat();
  const tokens = new Set([word, ...(expanded[0] === word[0] ? [expanded] : []), ...vocabulary.firstTokenSlips.slipsOf(word)]);
  return [...tokens].flatMap((token) => vocabulary.slipsByFirstToken.get(token) ?? []);
}

/**
 * The longest entry of the pool its tokens are written for from position i, some with slips; of several as long, the
 * first in the pool's order. The first token is checked first, against its abbreviation's spelling (`expanded`): a big
 * city's pool holds hundreds.
 */
function slipMatch(
  tokens: Token[],
  i: number,
  pool: readonly SlipEntry[],
  expanded: string,
  sameToken: (token: Token | undefined, core: string) => boolean,
) {
  const first = tokens[i]!.norm;
  const fits = (token: Token | undefined, core: string) => sameToken(token, core) || (token?.word === true && isTypoOf(token.norm, core));
  let best: { entry: CoreEntry; order: number } | null = null;
  for (const [order, entry] of pool) {
    const core = entry.tokens[0]!;
    if (core !== first && core !== expanded && !isTypoOf(first, core)) continue;
    if (!entry.tokens.every((later, k) => k === 0 || fits(tokens[i + k], later))) continue;
    const longer = best === null || entry.tokens.length > best.entry.tokens.length;
    if (longer || (entry.tokens.length === best!.entry.tokens.length && order < best!.order)) best = { entry, order };
  }
  return best && { entry: best.entry, end: i + best.entry.tokens.length, fuzzy: true };
}

/** Core tokens matched from position i: exactly (also "st"/"saint", "big horn"/"bighorn") or with spelling slips. */
function matchCore(tokens: Token[], i: number, vocabulary: Vocabulary): CoreMatch | null {
  const first = tokens[i]!;
  const { expandNameToken } = vocabulary.words.streets;
  const expanded = expandNameToken(first.norm);
  const sameToken = (token: Token | undefined, core: string) =>
    token?.word === true && (token.norm === core || expandNameToken(token.norm) === core);
  const exact = (entry: CoreEntry) => entry.tokens.every((core, k) => sameToken(tokens[i + k], core));
  const candidates = [...(vocabulary.byFirstToken.get(first.norm) ?? []), ...(vocabulary.byFirstToken.get(expanded) ?? [])];
  let best: CoreMatch | null = null;
  for (const entry of candidates) {
    if (exact(entry) && (!best || entry.tokens.length > best.end - i)) best = { entry, end: i + entry.tokens.length, fuzzy: false };
  }
  const joined = tokens[i + 1]?.word ? first.norm + tokens[i + 1]!.norm : null;
  const joinedEntry = joined === null ? undefined : vocabulary.byFirstToken.get(joined)?.find((entry) => entry.tokens.length === 1);
  // "ridge view drive" spells Ridgeview Drive whole, where "ridge" alone would only be Ridge Road
  if (joinedEntry && (!best || best.end - i < 2)) best = { entry: joinedEntry, end: i + 2, fuzzy: false };
  const parts = best ? [] : [...(vocabulary.byPartFirstToken.get(first.norm) ?? []), ...(vocabulary.byPartFirstToken.get(expanded) ?? [])];
  for (const entry of parts) {
    if (exact(entry) && (!best || entry.tokens.length > best.end - i)) best = { entry, end: i + entry.tokens.length, fuzzy: false };
  }
  best ??= routeAt(tokens, i, vocabulary) ?? cardinalAfterType(tokens, i, vocabulary) ?? loneTypeAt(tokens, i, vocabulary);
  // A short first word is too often another word, unless it is the particle a name begins with ("du mooulin"), or
  // written right with the slip further on ("kit caarson", "st. farncis").
  const tooShort = first.norm.length < 4 && !vocabulary.words.particles.has(first.norm);
  if (best || /^\d/.test(first.norm)) return best;
  const pool = tooShort
    ? candidates.filter((entry) => entry.tokens.length > 1).map((entry, order): SlipEntry => [order, entry])
    : slipCandidates(vocabulary, first.norm, expanded);
  best = slipMatch(tokens, i, pool, expanded, sameToken);
  const ordinal = best ? null : vocabulary.words.streets.ordinalSlip(first.norm);
  const numbered = ordinal === null ? undefined : vocabulary.byFirstToken.get(ordinal)?.find((entry) => entry.tokens.length === 1);
  return best ?? (numbered ? { entry: numbered, end: i + 1, fuzzy: true } : null);
}

interface Direction {
  direction: string;
  /** how many tokens it takes: "se" 1, "south east" and "n.w." 2 */
  width: number;
}

/** Two direction words written apart ("south east", "N.W.", "nord-ouest") are one when joined they spell one. */
function joinedDirection(first: Token | undefined, second: Token | undefined, streets: StreetWords): string | null {
  if (!first?.word || !second?.word || !streets.direction(first.norm) || !streets.direction(second.norm)) return null;
  return streets.direction(first.norm + second.norm);
}

/** A direction written in one word, or mistyped ("nrth"): the mention keeps it only where the street has it. */
const singleDirection = (token: Token | undefined, streets: StreetWords) =>
  token?.word ? (streets.direction(token.norm) ?? streets.directionSlip(token.norm)) : null;

function directionStartingAt(tokens: Token[], k: number, streets: StreetWords): Direction | null {
  const joined = joinedDirection(tokens[k], tokens[k + 1], streets);
  if (joined) return { direction: joined, width: 2 };
  const single = singleDirection(tokens[k], streets);
  return single ? { direction: single, width: 1 } : null;
}

function directionEndingAt(tokens: Token[], end: number, floor: number, streets: StreetWords): Direction | null {
  const joined = end - 2 >= floor ? joinedDirection(tokens[end - 2], tokens[end - 1], streets) : null;
  if (joined) return { direction: joined, width: 2 };
  const single = end - 1 >= floor ? singleDirection(tokens[end - 1], streets) : null;
  return single ? { direction: single, width: 1 } : null;
}

/**
 * "N" of a town whose streets are only NE and NW (a quadrant's half, as "7 St N." for 7 Street NE): the direction
 * written is one half of the street's.
 */
const halfOf = (written: string, direction: string | null) =>
  direction !== null && direction !== written && (direction.startsWith(written) || direction.endsWith(written));

/** A street named in the text, with the type and direction written around it. */
function mentionAt(tokens: Token[], i: number, vocabulary: Vocabulary, floor: number): Mention | null {
  const core = matchCore(tokens, i, vocabulary);
  if (core === null) return null;
  const { words } = vocabulary;
  const { streets } = words;
  const { entry, fuzzy, designated = false, typeOnly = false } = core;
  let start = i;
  let end = core.end;
  let typed: string | null = null;
  let typeFirst = false;
  let direction: string | null = null;
  if (streets.nameSuffixes.has(tokens[end]?.norm ?? '')) end += 1;
  const after = typeFor(tokens[end], entry, words);
  if (after) [typed, end] = [after, end + 1];
  const before = start - 1 >= floor ? typeFor(tokens[start - 1], entry, words) : null;
  const writtenFirst =
    before !== null && (streets.typeFirst.has(before) || entry.names.some((name) => name.typeFirst && name.type === before));
  if (!typed && writtenFirst) [typed, typeFirst, start] = [before, true, start - 1];
  // "447 Dr. Martin Luther King Jr. Blvd": the title before a person's name is the name's, not a street's type
  if (start - 1 >= floor && entry.contentWords >= MIN_TITLED_WORDS && streets.nameTitles.has(tokens[start - 1]?.norm ?? '')) start -= 1;
  // A bare number is a numbered street only with its type ("5 Ave", never the "5" of "5 days") or an article that
  // stands for one ("en la 5").
  if (typed === null && !designated && /^\d+$/.test(tokens[i]!.norm) && !numberAfterStreetArticle(tokens, i, words)) return null;
  // half a quadrant only after the street and its type ("7 St. N."): "sur ridge road" and "13th n 3rd" are not directions
  const fits = (found: { direction: string } | null, half = false) =>
    found !== null && entry.names.some((name) => name.direction === found.direction || (half && halfOf(found.direction, name.direction)));
  // The direction before the name first: in "n walnut n 2nd" the second "n" joins two streets.
  const directionBefore = directionEndingAt(tokens, start, floor, streets);
  if (fits(directionBefore)) [direction, start] = [directionBefore!.direction, start - directionBefore!.width];
  const directionAfter = directionStartingAt(tokens, end, streets);
  if (!direction && fits(directionAfter, typed !== null)) [direction, end] = [directionAfter!.direction, end + directionAfter!.width];
  const exact = entry.names.some((name) => name.direction === direction);
  const fitting = entry.names.filter(
    (name) =>
      (typed === null || streets.sameType(name.type, typed)) &&
      (direction === null || name.direction === direction || (!exact && halfOf(direction, name.direction))),
  );
  const names = fitting.length > 0 ? fitting : entry.names;
  const text = names.length === 1 ? names[0]!.display : titleCase([direction, entry.core, typed].filter(Boolean).join(' '));
  const first = tokens[i]!;
  const { expandNameToken } = streets;
  const rightWords = tokens
    .slice(i, core.end)
    .filter(
      (token, k) => !words.particles.has(token.norm) && [token.norm, expandNameToken(token.norm)].includes(entry.tokens[k] ?? ''),
    ).length;
  // "sur des Érables", "on de l'Église": a name is written with the capital on its first word past its particles.
  const named = tokens.slice(i, core.end).find((token) => !words.particles.has(token.norm)) ?? first;
  // A direction the town's street list has for this name ("n walnut", "9th e") says "street" as a type does.
  return {
    start,
    end,
    entry,
    names,
    typed: typed !== null || direction !== null || designated || typeOnly,
    typeOnly,
    typeFirst,
    fuzzy,
    rightWords,
    capitalized: named.capitalized,
    plainWord: entry.tokens.length === 1 && words.letterWords.has(entry.core) && (!first.capitalized || first.opensSentence),
    text,
  };
}

/** The town's streets named in the text, in order, none overlapping. */
export function findMentions(tokens: Token[], vocabulary: Vocabulary): Mention[] {
  const mentions: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.word) continue;
    const found = mentionAt(tokens, i, vocabulary, mentions.at(-1)?.end ?? 0);
    // "paseo del norte": a lone type is the type of the name after it before it is a street of its own.
    const typing = found?.typeOnly && tokens[i + 1]?.word ? mentionAt(tokens, i + 1, vocabulary, i) : null;
    const mention = typing !== null && typing.start <= i ? typing : found;
    if (mention === null) continue;
    mentions.push(mention);
    i = mention.end - 1;
  }
  return mentions;
}

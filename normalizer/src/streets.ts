import { fold, LANGUAGES } from './language.js';
import { WORDS } from './words.js';

/** Street types and their common abbreviations (English, French, Spanish), by canonical name. */
const TYPE_VARIANTS: Record<string, string[]> = {
  street: ['st', 'str', 'strt', 'street'],
  avenue: ['ave', 'av', 'avn', 'aven', 'avenue'],
  drive: ['dr', 'drv', 'drive'],
  crescent: ['cres', 'cresc', 'crsnt', 'crescent'],
  road: ['rd', 'road'],
  place: ['pl', 'place'],
  court: ['ct', 'crt', 'court'],
  lane: ['ln', 'lane'],
  boulevard: ['blvd', 'boul', 'blv', 'bd', 'boulevard'],
  circle: ['cir', 'circ', 'crcl', 'circle'],
  close: ['cl', 'close'],
  way: ['wy', 'way'],
  terrace: ['ter', 'terr', 'terrace'],
  trail: ['trl', 'trail'],
  highway: ['hwy', 'highway'],
  parkway: ['pkwy', 'parkway'],
  square: ['sq', 'square'],
  alley: ['aly', 'alley'],
  heights: ['hts', 'heights'],
  gate: ['gate'],
  row: ['row'],
  rue: ['rue', 'r'],
  croissant: ['croissant'],
  chemin: ['ch', 'chemin'],
  route: ['rte', 'route'],
  rang: ['rang'],
  montee: ['montee'],
  impasse: ['imp', 'impasse'],
  allee: ['allee'],
  promenade: ['prom', 'promenade'],
  calle: ['calle', 'cl'],
  avenida: ['avda', 'avenida'],
  camino: ['cno', 'camino'],
  paseo: ['pso', 'paseo'],
  carretera: ['ctra', 'carretera'],
  plaza: ['pza', 'plaza'],
  bulevar: ['bulevar'],
};

/** The same kind of street in another language: "rue Bear" is Bear Street, "avenida Banff" is Banff Avenue. */
const TYPE_FAMILIES: readonly (readonly string[])[] = [
  ['street', 'rue', 'calle'],
  ['avenue', 'avenida'],
  ['road', 'chemin', 'camino', 'route', 'carretera'],
  ['boulevard', 'bulevar'],
  ['square', 'plaza'],
  ['promenade', 'paseo'],
  ['lane', 'allee'],
  ['crescent', 'croissant'],
  ['close', 'impasse'],
];
const FAMILY = new Map(TYPE_FAMILIES.flatMap((family) => family.map((type) => [type, family[0]!] as const)));
export const sameStreetType = (a: string | null, b: string | null): boolean =>
  a === b || (a !== null && b !== null && FAMILY.get(a) !== undefined && FAMILY.get(a) === FAMILY.get(b));

/** Types French and Spanish write before the name ("rue Bear", "la calle Otter"), whatever the town's data says. */
export const TYPE_FIRST: ReadonlySet<string> = new Set([
  'rue',
  'avenue',
  'boulevard',
  'chemin',
  'route',
  'allee',
  'impasse',
  'promenade',
  'croissant',
  'rang',
  'montee',
  'calle',
  'avenida',
  'camino',
  'paseo',
  'carretera',
  'plaza',
  'bulevar',
]);

const DIRECTION_VARIANTS: Record<string, string[]> = {
  north: ['n', 'north', 'nord', 'norte'],
  south: ['s', 'south', 'sud', 'sur'],
  east: ['e', 'east', 'est', 'este'],
  west: ['w', 'west', 'o', 'ouest', 'oeste'],
  northeast: ['ne', 'northeast'],
  northwest: ['nw', 'northwest', 'no'],
  southeast: ['se', 'southeast'],
  southwest: ['sw', 'southwest', 'so'],
};

/** Abbreviations inside a name, so "St. Julien" and "Saint Julien" are one street. */
const NAME_ABBREVIATIONS: Record<string, string> = {
  st: 'saint',
  ste: 'sainte',
  mt: 'mount',
  ft: 'fort',
  pt: 'point',
};

const invert = (table: Record<string, string[]>) => {
  const map = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(table))
    for (const variant of variants) if (!map.has(variant)) map.set(variant, canonical);
  return map;
};
const TYPES = invert(TYPE_VARIANTS);
const DIRECTIONS = invert(DIRECTION_VARIANTS);
/** Full type names typed with one slip ("stret", "avenu") still read as a type. */
export const FULL_TYPE_NAMES: readonly string[] = Object.keys(TYPE_VARIANTS).filter((name) => name.length >= 5);

export const streetType = (token: string): string | null => TYPES.get(token) ?? null;
export const streetDirection = (token: string): string | null => DIRECTIONS.get(token) ?? null;
const ORDINAL_WORDS = new Map(LANGUAGES.flatMap((language) => Object.entries(WORDS[language].places.ordinal_words)));
/** "5th", "5e", "1re", "1er": a number with an ordinal ending, in English or French. */
const WRITTEN_ORDINAL = /^(\d+)(st|nd|rd|th|e|er|re|ere|eme|ieme)$/;

/** One spelling for a numbered street's name however it is written: "5th", "fifth", "5e", "cinquieme" are one. */
function ordinalOf(token: string): string | null {
  const value = WRITTEN_ORDINAL.exec(token)?.[1] ?? ORDINAL_WORDS.get(token);
  return value === undefined ? null : `${Number(value)}th`;
}

export const expandNameToken = (token: string): string => NAME_ABBREVIATIONS[token] ?? ordinalOf(token) ?? token;

export interface StreetName {
  /** canonical words: "bear street", "saint julien road", "rue saint jean" */
  key: string;
  /** the name without type and direction: "bear", "saint julien" */
  core: string;
  type: string | null;
  /** "rue X", "calle X": the type is written before the name */
  typeFirst: boolean;
  direction: string | null;
  /** for people: "Bear Street" */
  display: string;
}

export const nameTokens = (text: string): string[] => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

const titleCase = (word: string) =>
  word.replace(
    /(^|[-'’])(\p{L})(\p{L}*)/gu,
    (_m, sep: string, first: string, rest: string) => sep + first.toUpperCase() + rest.toLowerCase(),
  );

/** Parses a gazetteer or typed street name into its canonical parts; null when nothing is left of the name ("Drive"). */
export function parseStreetName(raw: string): StreetName | null {
  const cleaned = raw
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const tokens = nameTokens(cleaned);
  if (tokens.length === 0) return null;
  let first = 0;
  let last = tokens.length; // exclusive
  const left = () => last - first;
  let type: string | null = null;
  let typeFirst = false;
  let direction: string | null = null;
  const typeAt = (i: number) => streetType(tokens[i]!);
  const directionAt = (i: number) => streetDirection(tokens[i]!);
  if (left() >= 2 && typeAt(last - 1)) [type, last] = [typeAt(last - 1), last - 1];
  else if (left() >= 3 && directionAt(last - 1) && typeAt(last - 2))
    [direction, type, last] = [directionAt(last - 1), typeAt(last - 2), last - 2];
  else if (left() >= 2 && directionAt(last - 1)) [direction, last] = [directionAt(last - 1), last - 1];
  if (type === null && left() >= 2 && typeAt(first)) [type, typeFirst, first] = [typeAt(first), true, first + 1];
  if (direction === null && left() >= 2 && directionAt(first)) [direction, first] = [directionAt(first), first + 1];
  if (type === null && tokens.length === 1 && typeAt(0)) return null;
  const core = tokens.slice(first, last).map(expandNameToken);
  if (core.length === 0 || core.every((token) => /^\d+$/.test(token) && type === null)) return null;
  const coreText = core.join(' ');
  const key = [typeFirst ? type : null, coreText, typeFirst ? null : type, direction].filter((part) => part !== null).join(' ');
  return { key, core: coreText, type, typeFirst, direction, display: displayName(cleaned, typeFirst) };
}

/** "BEAR ST" -> "Bear Street", "Eagle Cres" -> "Eagle Crescent"; mixed-case names keep their own spelling. */
function displayName(cleaned: string, typeFirst: boolean): string {
  const mixedCase = /\p{Lu}/u.test(cleaned) && /\p{Ll}/u.test(cleaned);
  const rawWords = cleaned.split(' ');
  const expand = (token: string, i: number): string | null => {
    const fromEnd = rawWords.length - 1 - i;
    if (rawWords.length < 2) return null;
    if (i === 0) return streetDirection(token) ?? (typeFirst ? streetType(token) : null);
    if (fromEnd <= 1) return streetDirection(token) ?? (typeFirst ? null : streetType(token));
    return null;
  };
  return rawWords
    .map((word, i) => {
      const token = fold(word).replace(/[^\p{L}\p{N}]/gu, '');
      const canonical = token.length <= 4 ? expand(token, i) : null;
      if (canonical !== null && canonical !== token) return titleCase(canonical);
      return mixedCase ? word : titleCase(word);
    })
    .join(' ');
}

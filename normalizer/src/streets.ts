import { MIN_SLIP_LENGTH, isTypoOf } from './fuzzy.js';
import { fold } from './language.js';
import { BOOK, inAllLanguages, mergedFromAll, type LanguageWords, type WordBook } from './words.js';

/** Every spelling -> its canonical word, from every language's table; the first language to use a spelling keeps it. */
function spellingsOf(book: WordBook, pick: (words: LanguageWords) => Readonly<Record<string, readonly string[]>>) {
  const map = new Map<string, string>();
  for (const language of book.languages)
    for (const [canonical, spellings] of Object.entries(pick(book.byLanguage[language]!)))
      for (const spelling of [canonical, ...spellings]) if (!map.has(spelling)) map.set(spelling, canonical);
  return map;
}

/** What a words folder says about street names: types, directions, abbreviations and numbered names, in every language. */
export class StreetWords {
  private readonly types: Map<string, string>;
  private readonly directions: Map<string, string>;
  /**
   * the directions' spellings long enough to be read through a slip ("north", "oeste"), each with its direction: of
   * four letters, too many words sit one slip from one ("went" from "west", "esta" from "este")
   */
  private readonly directionWords: [spelling: string, direction: string][];
  /** the same kind of street in another language: "rue Bear" is Bear Street, "avenida Banff" is Banff Avenue */
  private readonly family: Map<string, string>;
  private readonly abbreviations: Map<string, string>;
  private readonly ordinalWords: Map<string, number>;
  /** the ordinal words by their first letter: a slip keeps its first letter (isTypoOf), so only these can fit */
  private readonly ordinalWordsByInitial = new Map<string, [string, number][]>();
  /** types French and Spanish write before the name ("rue Bear", "la calle Otter"), whatever the town's data says */
  readonly typeFirst: ReadonlySet<string>;
  /** types that are seldom anything but a street type, so they count even when they do not fit the street ("Bear Ave") */
  readonly unmistakable: ReadonlySet<string>;
  /** full type names typed with one slip ("stret", "avenu") still read as a type */
  readonly fullTypeNames: readonly string[];
  /** "5th", "1re": a number with an ordinal ending */
  readonly ordinal: RegExp;
  /** the small words inside names ("de", "del", "la"): "Paseo del Norte" is no north of anything */
  readonly particles: ReadonlySet<string>;
  /** "jr": left out as often as written */
  readonly nameSuffixes: ReadonlySet<string>;
  /** "dr", "rev": left out as often as written */
  readonly nameTitles: ReadonlySet<string>;
  /** "route", "hwy", "sr": "State Road 14" is also "highway 14" and "SR 14" */
  readonly routeWords: ReadonlySet<string>;

  constructor(book: WordBook) {
    this.types = spellingsOf(book, (words) => words.streets.types);
    this.directions = spellingsOf(book, (words) => words.streets.directions);
    this.directionWords = [...this.directions].filter(([spelling]) => spelling.length > MIN_SLIP_LENGTH);
    const sameAs = mergedFromAll((words) => words.streets.same_as, book);
    const root = (type: string): string => {
      const next = sameAs.get(type);
      return next === undefined || next === type ? type : root(next);
    };
    this.family = new Map([...new Set(this.types.values())].map((type) => [type, root(type)]));
    this.abbreviations = mergedFromAll((words) => words.streets.name_abbreviations, book);
    this.ordinalWords = mergedFromAll((words) => words.places.ordinal_words, book);
    for (const [word, value] of this.ordinalWords) {
      const same = this.ordinalWordsByInitial.get(word[0]!) ?? [];
      this.ordinalWordsByInitial.set(word[0]!, [...same, [word, value]]);
    }
    this.typeFirst = new Set(inAllLanguages((words) => words.streets.written_first, book));
    this.unmistakable = new Set(inAllLanguages((words) => words.streets.unmistakable, book));
    this.particles = new Set([
      ...inAllLanguages((words) => words.places.articles, book),
      ...inAllLanguages((words) => words.places.of_words, book),
      ...inAllLanguages((words) => words.crossings.second_street_fillers, book),
    ]);
    this.nameSuffixes = new Set(inAllLanguages((words) => words.streets.name_suffixes, book));
    this.nameTitles = new Set(inAllLanguages((words) => words.streets.name_titles, book));
    this.routeWords = new Set(inAllLanguages((words) => words.streets.route_words, book));
    this.fullTypeNames = [...new Set(this.types.values())].filter((name) => name.length >= 5);
    // longest first, so "1re" is not read as "1r" + "e"
    const endings = inAllLanguages((words) => words.streets.ordinal_endings, book).sort((a, b) => b.length - a.length);
    this.ordinal = new RegExp(`^(\\d+)(${endings.map(escapeRegExp).join('|') || '(?!)'})$`);
  }

  type = (token: string): string | null => this.types.get(token) ?? null;
  direction = (token: string): string | null => this.directions.get(token) ?? null;
  /** "nrth", "esat": the one direction a word is a slip of; null for a word that spells one or is none */
  directionSlip = (token: string): string | null => {
    if (this.directions.has(token)) return null;
    const directions = new Set(this.directionWords.filter(([spelling]) => isTypoOf(token, spelling)).map(([, direction]) => direction));
    return directions.size === 1 ? [...directions][0]! : null;
  };
  /** The kind of street a type is, whatever its language: "rue" and "street" are one kind. */
  kindOf = (type: string): string => this.family.get(type) ?? type;
  sameType = (a: string | null, b: string | null): boolean =>
    a === b || (a !== null && b !== null && this.family.get(a) !== undefined && this.family.get(a) === this.family.get(b));

  /** One spelling for a numbered street's name however it is written: "5th", "fifth", "5e", "cinquieme" are one. */
  private ordinalOf(token: string): string | null {
    // "5 Ave" in the data and "5th ave" in a message are one street: a number in a name is its ordinal
    const value = this.ordinal.exec(token)?.[1] ?? this.ordinalWords.get(token) ?? /^\d+$/.exec(token)?.[0];
    return value === undefined ? null : `${Number(value)}th`;
  }

  /** "ninth", "novena", "neuvième": a numbered street's name in words. */
  isOrdinalWord = (token: string): boolean => this.ordinalWords.has(token);

  /** "eigth", "fouth": a numbered street's name in words with a slip, in its one spelling ("8th"); null unless one fits. */
  ordinalSlip = (token: string): string | null => {
    if (this.ordinalWords.has(token)) return null;
    const near = this.ordinalWordsByInitial.get(token[0] ?? '') ?? [];
    const values = new Set(near.filter(([word]) => isTypoOf(token, word)).map(([, value]) => value));
    return values.size === 1 ? `${[...values][0]!}th` : null;
  };

  /** A name's word in one spelling: "st" -> "saint" ("St. Julien" is Saint Julien), "fifth" -> "5th". */
  expandNameToken = (token: string): string => this.abbreviations.get(token) ?? this.ordinalOf(token) ?? token;
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The number of a numbered road ("66" of Old Route 66, "1a" of Highway 1A): its name ends in a number and says it is a
 * road with a route word. Null for any other street ("5th" of Fifth Street).
 */
export function routeNumber(name: StreetName, words: StreetWords = STREET_WORDS): string | null {
  const tokens = name.core.split(' ');
  const number = /^(\d+[a-z]?)(?:th)?$/.exec(tokens.at(-1)!)?.[1];
  const said = [...(name.type === null ? [] : [name.type]), ...tokens.slice(0, -1)];
  return number !== undefined && said.some((token) => words.routeWords.has(token)) ? number : null;
}

/** The built-in languages' street words. */
export const STREET_WORDS = new StreetWords(BOOK);
export const sameStreetType = STREET_WORDS.sameType;
export const streetType = STREET_WORDS.type;

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

/** Marks that join two words of one name: "O'Brien", "Saint-Jean". */
const GLUE = /^['’-]\p{L}/u;

/** Parses a gazetteer or typed street name into its canonical parts; null when nothing is left of the name ("Drive"). */
export function parseStreetName(raw: string, words: StreetWords = STREET_WORDS): StreetName | null {
  const cleaned = raw
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const folded = fold(cleaned);
  const found = [...folded.matchAll(/[\p{L}\p{N}]+/gu)];
  const tokens = found.map((match) => match[0]);
  if (tokens.length === 0) return null;
  // The "o" of "O'Brien" is no west, as the "l" of "l'Est" is no street: a word glued to the next is part of the name.
  const glued = found.map((match) => GLUE.test(folded.slice(match.index + match[0].length)));
  let first = 0;
  let last = tokens.length; // exclusive
  const left = () => last - first;
  let type: string | null = null;
  let typeFirst = false;
  let direction: string | null = null;
  const typeAt = (i: number) => words.type(tokens[i]!);
  // "Paseo del Norte", "Chemin de l'Est": a direction after a particle is the name itself.
  const directionAt = (i: number) => (words.particles.has(tokens[i - 1] ?? '') || glued[i - 1] ? null : words.direction(tokens[i]!));
  if (left() >= 2 && typeAt(last - 1)) [type, last] = [typeAt(last - 1), last - 1];
  else if (left() >= 3 && directionAt(last - 1) && typeAt(last - 2))
    [direction, type, last] = [directionAt(last - 1), typeAt(last - 2), last - 2];
  else if (left() >= 2 && directionAt(last - 1)) [direction, last] = [directionAt(last - 1), last - 1];
  if (type === null && left() >= 2 && !glued[first] && typeAt(first)) [type, typeFirst, first] = [typeAt(first), true, first + 1];
  if (direction === null && left() >= 2 && !glued[first] && words.direction(tokens[first]!))
    [direction, first] = [words.direction(tokens[first]!), first + 1];
  if (type === null && tokens.length === 1 && typeAt(0)) return null;
  // "Martin Luther King Jr": the suffix is left out as often as written, so it is no part of the name's key.
  if (left() >= 3 && words.nameSuffixes.has(tokens[last - 1]!)) last -= 1;
  if (left() >= 3 && words.nameTitles.has(tokens[first]!)) first += 1;
  const written = tokens.slice(first, last);
  if (written.length === 0 || written.every((token) => /^\d+$/.test(token) && type === null)) return null;
  const core = written.map(words.expandNameToken);
  const coreText = core.join(' ');
  const key = [typeFirst ? type : null, coreText, typeFirst ? null : type, direction].filter((part) => part !== null).join(' ');
  return { key, core: coreText, type, typeFirst, direction, display: displayName(cleaned, typeFirst, words) };
}

/** "BEAR ST" -> "Bear Street", "Eagle Cres" -> "Eagle Crescent"; mixed-case names keep their own spelling. */
function displayName(cleaned: string, typeFirst: boolean, words: StreetWords): string {
  const mixedCase = /\p{Lu}/u.test(cleaned) && /\p{Ll}/u.test(cleaned);
  const rawWords = cleaned.split(' ');
  const expand = (token: string, i: number): string | null => {
    const fromEnd = rawWords.length - 1 - i;
    if (rawWords.length < 2) return null;
    if (i === 0) return words.direction(token) ?? (typeFirst ? words.type(token) : null);
    if (fromEnd <= 1) return words.direction(token) ?? (typeFirst ? null : words.type(token));
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

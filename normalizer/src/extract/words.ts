import { STREET_WORDS, StreetWords } from '../streets.js';
import { BOOK, inAllLanguages, type LanguageWords, type WordBook } from '../words.js';
import { NUMBER_WORDS, numberWordsOf, type NumberWords } from './numbers.js';

/** The words the extractor reads places by, from every language of a words folder (see normalizer/words/README.md). */
export interface PlaceWords {
  streets: StreetWords;
  numbers: NumberWords;
  /** "&", "at", "meets": between two streets, surely a corner */
  connectors: ReadonlySet<string>;
  /** "and", "n", "et", "y": a corner only when the streets around say so */
  weakConnectors: ReadonlySet<string>;
  /** words a crossing phrase puts before its second street: "et de la rue X", "y la calle X" */
  secondStreetFillers: ReadonlySet<string>;
  cornerWords: ReadonlySet<string>;
  /** "between", "entre": "calle X entre A y B" is on X, not at the corner of A and B */
  betweenWords: ReadonlySet<string>;
  /** words between a corner word and its first street: "the corner of", "au coin de la" */
  cornerFillers: ReadonlySet<string>;
  /** words before a bare capitalized street name that make it a place: "on Bear", "sur Caribou" */
  locationWords: ReadonlySet<string>;
  unitWords: ReadonlySet<string>;
  blockWords: ReadonlySet<string>;
  ofWords: ReadonlySet<string>;
  articles: ReadonlySet<string>;
  /** the small words inside names ("de", "du", "la"): not what tells one street from another */
  particles: ReadonlySet<string>;
  /** place words that may sit between a street and its number: "on Nahanni Dr in front of 142" */
  betweenStreetAndNumber: ReadonlySet<string>;
  numberMarks: ReadonlySet<string>;
  /** "no sorry", "je veux dire": the place said before is taken back (word lists) */
  corrections: readonly (readonly string[])[];
  /** "my address is": the writer's own place follows */
  ownAddress: readonly string[];
  /** "um", "euh": no word of the place, read past */
  hesitations: ReadonlySet<string>;
  /** "a", "y": a street named by one ("A Street") is one only with its number or a capital letter inside a sentence */
  letterWords: ReadonlySet<string>;
  /** "first", "second": a numbered street named by one alone is one only with a capital */
  everydayOrdinals: ReadonlySet<string>;
  /** "la": before a number or an ordinal, the street it stands for ("en la 5"), where "the 5th" is a date */
  streetArticles: ReadonlySet<string>;
}

/** Marks that are no language's words: "&", "@", "/", "+" between streets, "#" before a unit or a number. */
const CONNECTOR_MARKS = ['&', '@', '/', '+'];
const UNIT_MARKS = ['#'];
const NUMBER_MARKS = ['#', 'nº'];

export function placeWordsOf(book: WordBook, streets = new StreetWords(book), numbers = numberWordsOf(book)): PlaceWords {
  const all = (pick: (words: LanguageWords) => readonly string[], marks: readonly string[] = []) =>
    new Set([...marks, ...inAllLanguages(pick, book)]);
  return {
    streets,
    numbers,
    connectors: all((w) => w.crossings.connectors, CONNECTOR_MARKS),
    weakConnectors: all((w) => w.crossings.weak_connectors),
    secondStreetFillers: all((w) => w.crossings.second_street_fillers),
    cornerWords: all((w) => w.crossings.corner_words),
    betweenWords: all((w) => w.crossings.between_words),
    cornerFillers: all((w) => w.crossings.corner_fillers),
    locationWords: all((w) => w.places.location_words),
    unitWords: all((w) => w.places.unit_words, UNIT_MARKS),
    blockWords: all((w) => w.places.block_words),
    ofWords: all((w) => w.places.of_words),
    articles: all((w) => w.places.articles),
    particles: streets.particles,
    betweenStreetAndNumber: all((w) => w.places.between_street_and_number),
    numberMarks: all((w) => w.places.number_marks, NUMBER_MARKS),
    corrections: inAllLanguages((w) => w.places.corrections, book).map((phrase) => phrase.split(' ')),
    ownAddress: inAllLanguages((w) => w.places.own_address, book),
    hesitations: all((w) => w.places.hesitations),
    letterWords: all((w) => w.places.letter_words),
    everydayOrdinals: all((w) => w.places.everyday_ordinals),
    streetArticles: all((w) => w.places.street_articles),
  };
}

/** The built-in languages' place words. */
export const PLACE_WORDS: PlaceWords = placeWordsOf(BOOK, STREET_WORDS, NUMBER_WORDS);

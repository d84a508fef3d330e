import { englishUses } from '../english.js';
import { houseNumberAt, numberAfter, numberBefore, unitAfter } from './house-numbers.js';
import { crossingAt } from './crossings.js';
import { findMentions } from './mentions.js';
import {
  distinctive,
  ordinalName,
  query,
  slipBesideRight,
  spanOf,
  withParticle,
  type Extracted,
  type Mention,
  type Token,
} from './tokens.js';
import type { Vocabulary } from './vocabulary.js';
import type { PlaceWords } from './words.js';

/** A location word right before a name, or before its article: "on Bear", "sur la St-Jean-Baptiste". */
function placedBy(tokens: Token[], start: number, words: PlaceWords): boolean {
  const before = words.articles.has(tokens[start - 1]?.norm ?? '') ? start - 2 : start - 1;
  return words.locationWords.has(tokens[before]?.norm ?? '');
}

/** Words that may follow a street's name in a phrase of place: "la quinta y la 9", "en la quinta frente al 121". */
const placeWordAfter = (token: Token | undefined, words: PlaceWords) =>
  token === undefined ||
  !token.word ||
  [words.connectors, words.weakConnectors, words.betweenWords, words.locationWords, words.betweenStreetAndNumber].some((set) =>
    set.has(token.norm),
  ) ||
  words.streets.direction(token.norm) !== null;

/**
 * "on 9th", "on ninth", "en la quinta": a numbered street alone after a location word, but not after an article
 * other than one standing for a street ("on the 5th" is a date) and not an ordinal of everyday speech ("at first").
 * An ordinal in words after such an article is the street's only where no noun follows it ("por la quinta vez").
 */
function numberedAlone(tokens: Token[], mention: Mention, words: PlaceWords): boolean {
  const first = tokens[mention.start]!;
  const article = tokens[mention.start - 1]?.norm ?? '';
  if (!ordinalName(tokens, mention, words) || (words.articles.has(article) && !words.streetArticles.has(article))) return false;
  const next = tokens[mention.end];
  if (words.ofWords.has(next?.norm ?? '') || words.numbers.months.has(next?.norm ?? '')) return false;
  if (words.streetArticles.has(article) && words.streets.isOrdinalWord(first.norm) && !placeWordAfter(next, words)) return false;
  return !words.everydayOrdinals.has(first.norm);
}

/** Shorter than this, a lower-case name is too likely a word of some language ("oak", "sol"). */
const MIN_UNCOMMON_NAME = 4;

/**
 * "663 lavoie", "hillcrest": a name that is no English word (WordNet does not know it) is as surely a
 * name written lower case as capitalized; "maple", "des pins" and "jackson's" are not.
 */
function uncommonName(text: string, tokens: Token[], mention: Mention, words: PlaceWords): boolean {
  const next = tokens[mention.end];
  if (next?.norm === 's' && /['’]/.test(text[next.start - 1] ?? '')) return false;
  const content = mention.entry.tokens.filter((token) => !words.particles.has(token));
  return (
    content.length > 0 && content.every((token) => token.length >= MIN_UNCOMMON_NAME && !/\d/.test(token) && englishUses(token) === null)
  );
}

/**
 * "on hartwell": a name of no particles that is no English word reads as its street after a location word; one with
 * them reads as words of its language ("tombée sur des lilas").
 */
const bareUncommonName = (text: string, tokens: Token[], mention: Mention, words: PlaceWords) =>
  mention.entry.tokens.every((token) => !words.particles.has(token)) && uncommonName(text, tokens, mention, words);

/** "on Los Pinos" of Avenida de los Pinos: a capital on the article inside a sentence says the words are a name. */
const namedByArticle = (tokens: Token[], mention: Mention, words: PlaceWords) => {
  const first = tokens[mention.start]!;
  return words.articles.has(first.norm) && first.capitalized && !first.opensSentence;
};

/** The place one mention of a street makes, by what is written around it: a number, a type, a preposition. */
function streetPlace(text: string, tokens: Token[], mention: Mention, next: Mention | undefined, words: PlaceWords): Extracted | null {
  if (mention.typeOnly) return null;
  const number = numberBefore(tokens, mention, words);
  const trailing = number === null ? numberAfter(tokens, mention, next, words) : null;
  // A misspelt name is a street when written as names are: typed, capitalized or with its particle ("625, du mooulin"),
  // or when a word of its is written right beside the slip ("265 de viista hermosa").
  const acceptable = !mention.fuzzy || mention.typed || mention.capitalized || withParticle(mention, words) || slipBesideRight(mention);
  if (number && acceptable) {
    const unit = number.unit === null && !number.block ? unitAfter(tokens, mention.end, words) : null;
    const span = spanOf(text, tokens, number.start, unit?.end ?? mention.end);
    const nameLike = mention.capitalized || ordinalName(tokens, mention, words) || uncommonName(text, tokens, mention, words);
    const score = mention.typed ? 1 : nameLike || number.hash ? 0.9 : 0.6;
    const kind = number.block ? 'street' : 'address';
    return {
      ...span,
      score: number.block ? Math.min(score, 0.95) : score,
      kind: 'query',
      query: query({ kind, raw: span.raw, number: number.number, unit: number.unit ?? unit?.unit ?? null, street: mention.text }),
    };
  }
  if (trailing) {
    const span = spanOf(text, tokens, mention.start, trailing.end);
    return {
      ...span,
      score: trailing.score,
      kind: 'query',
      query: query({ kind: 'address', raw: span.raw, number: trailing.number, street: mention.text }),
    };
  }
  if (mention.plainWord) return null;
  const bareButPlaced =
    !mention.fuzzy &&
    (!mention.entry.partial || namedByArticle(tokens, mention, words)) &&
    !mention.entry.placeName &&
    (mention.capitalized ||
      distinctive(mention) ||
      numberedAlone(tokens, mention, words) ||
      bareUncommonName(text, tokens, mention, words)) &&
    placedBy(tokens, mention.start, words);
  if (!mention.typed && !bareButPlaced) return null;
  const span = spanOf(text, tokens, mention.start, mention.end);
  return {
    ...span,
    score: mention.typed ? 0.8 : 0.6,
    kind: 'query',
    query: query({ kind: 'street', raw: span.raw, street: mention.text }),
  };
}

/**
 * "on Oak St between 5th and 6th", "en la calle X entre A y B": the block of the first street between two others,
 * as surely a place as the corner of those two would be; never that corner.
 */
function blockBetween(
  text: string,
  tokens: Token[],
  street: Mention,
  from: Mention | undefined,
  to: Mention | undefined,
  words: PlaceWords,
): Extracted | null {
  const between = tokens[street.end];
  const article = words.articles.has(tokens[street.end + 1]?.norm ?? '') ? 1 : 0;
  if (!from || !between || !words.betweenWords.has(between.norm) || from.start !== street.end + 1 + article) return null;
  const bounds = crossingAt(text, tokens, from, to, words);
  if (bounds === null || street.plainWord || street.typeOnly || (street.fuzzy && !street.typed)) return null;
  const span = spanOf(text, tokens, street.start, to!.end);
  return { ...span, score: bounds.score, kind: 'query', query: query({ kind: 'street', raw: span.raw, street: street.text }) };
}

/** Addresses, corners and streets of the town's street list named in the text. */
export function streetCandidates(text: string, tokens: Token[], vocabulary: Vocabulary): Extracted[] {
  const { words } = vocabulary;
  const mentions = findMentions(tokens, vocabulary);
  const found: Extracted[] = [];
  const crossUsed = new Set<Mention>();
  mentions.forEach((mention, m) => {
    if (crossUsed.has(mention)) return;
    const next = mentions[m + 1];
    const block = blockBetween(text, tokens, mention, next, mentions[m + 2], words);
    if (block) {
      found.push(block);
      crossUsed.add(next!).add(mentions[m + 2]!);
      return;
    }
    const crossing = crossingAt(text, tokens, mention, next, words);
    if (crossing) {
      found.push(crossing);
      crossUsed.add(next!);
      return;
    }
    const place = streetPlace(text, tokens, mention, next, words);
    if (place) found.push(place);
  });
  return found;
}

export function landmarkCandidates(text: string, tokens: Token[], vocabulary: Vocabulary): Extracted[] {
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
export function unknownStreetCandidates(text: string, tokens: Token[], taken: readonly Extracted[], words: PlaceWords): Extracted[] {
  const found: Extracted[] = [];
  const overlaps = (start: number, end: number) => taken.some((t) => t.start < end && start < t.end);
  const isType = (token: Token) => words.streets.type(token.norm) !== null;
  for (let k = 0; k < tokens.length; k++) {
    if (!houseNumberAt(tokens, k, words)) continue;
    // the longest name first: in "Cedar Hollow Lane" the "Hollow" is the name's, the type is "Lane"
    for (let length = 3; length >= 1; length--) {
      const name = tokens.slice(k + 1, k + 1 + length);
      const type = tokens[k + 1 + length];
      const named = name.length === length && name.every((t) => t.word && t.capitalized) && !isType(name[0]!);
      if (!named || !type || !isType(type)) continue;
      const span = spanOf(text, tokens, k, k + length + 2);
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

import type { ServiceDefinition } from '@intake/core';
import type { Term } from './terms.js';
import { LANGUAGES, stem, words, type Language } from './language.js';
import { CONCEPTS, type Concept } from './lexicon.js';

/** Where a catalogue names a concept says how surely the service is about it: its name more than its group. */
const FIELD_WEIGHT = { name: 1, keyword: 1, description: 0.6, group: 0.3 } as const;
/** A broad catalogue word ("road", "utilities") ties a concept to a service half as surely as one of its terms. */
const ANCHOR_FACTOR = 0.5;
/** Links weaker than this, relative to the concept's and the service's strongest, are noise ("traffic light" is not about street lights). */
const MIN_LINK = 0.25;

interface Field {
  tokens: string[];
  /** the tokens' stems in each language */
  stems: Record<Language, string[]>;
  weight: number;
  /** every word, stem ("en:pothol") and word pair written as one: a phrase whose start is not here is not in the field */
  keys: Set<string>;
}

interface Phrase {
  tokens: string[];
  /** the language to stem it in; anchors may be in any */
  languages: readonly Language[];
  stems: Record<Language, string[]>;
  factor: number;
  /** the keys of a field (see Field.keys) any of which the phrase needs to start there */
  starts: string[];
}

const stemsOf = (tokens: readonly string[], languages: readonly Language[]) =>
  Object.fromEntries(languages.map((language) => [language, tokens.map((token) => stem(token, language))])) as Record<Language, string[]>;

/** A language the stemmers know, else null: a term of a language without a stemmer is matched as written, in any text. */
const stemmable = (language: string): Language | null =>
  (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : null;

function parseTerm(raw: string, language: string, concept: Concept): Omit<Term, 'targets'> {
  const [text, weight] = raw.split(':');
  return {
    tokens: words(text!),
    language: stemmable(language),
    weight: (weight === undefined ? 1 : Number(weight)) * concept.salience,
    topics: [concept.id],
  };
}

const termsOf = (concept: Concept) =>
  concept.terms.map(({ language, raw }) => parseTerm(raw, language, concept)).filter((term) => term.tokens.length > 0);

const phraseOf = (tokens: string[], language: Language | null, factor: number): Phrase => {
  const languages = language === null ? LANGUAGES : [language];
  const stems = stemsOf(tokens, languages);
  const first = tokens[0]!;
  const starts = [first, `${first}s`, first.replace(/s$/, ''), tokens.join(''), ...languages.map((l) => `${l}:${stems[l][0]}`)];
  return { tokens, languages, stems, factor, starts };
};

function fieldsOf(service: ServiceDefinition): Field[] {
  const field = (text: string | undefined, weight: number): Field[] => {
    const tokens = text ? words(text) : [];
    if (tokens.length === 0) return [];
    const stems = stemsOf(tokens, LANGUAGES);
    const keys = new Set([
      ...tokens,
      ...tokens.slice(1).map((token, i) => tokens[i]! + token),
      ...LANGUAGES.flatMap((l) => stems[l].map((stemmed) => `${l}:${stemmed}`)),
    ]);
    return [{ tokens, stems, weight, keys }];
  };
  return [
    ...field(service.name, FIELD_WEIGHT.name),
    ...service.keywords.flatMap((keyword) => field(keyword, FIELD_WEIGHT.keyword)),
    ...field(service.description, FIELD_WEIGHT.description),
    ...field(service.group, FIELD_WEIGHT.group),
  ];
}

/**
 * Whether field token i starts the phrase: the same words (or plurals, or stems), or the phrase written as one word.
 * A word the lexicon spells out is only itself: "parking" is not the stem of "park".
 */
function saidAt(phrase: Phrase, field: Field, i: number, spelled: ReadonlySet<string>): boolean {
  const { tokens } = phrase;
  const sameAt = (k: number) => {
    const word = field.tokens[i + k];
    if (word === undefined) return false;
    const token = tokens[k]!;
    if (word === token || word === `${token}s` || token === `${word}s`) return true;
    return !spelled.has(word) && phrase.languages.some((l) => phrase.stems[l][k] === field.stems[l][i + k]);
  };
  if (tokens.every((_, k) => sameAt(k))) return true;
  const joined = tokens.join('');
  if (tokens.length > 1) return field.tokens[i] === joined;
  return field.tokens[i + 1] !== undefined && field.tokens[i]! + field.tokens[i + 1]! === joined;
}

function saidIn(phrase: Phrase, field: Field, spelled: ReadonlySet<string>): boolean {
  return phrase.starts.some((key) => field.keys.has(key)) && field.tokens.some((_, i) => saidAt(phrase, field, i, spelled));
}

/** Where a service's catalogue entry says a phrase: the weight of the surest field that does, 0 when none. */
function whereSaid(phrase: Phrase, fields: readonly Field[], spelled: ReadonlySet<string>): number {
  let where = 0;
  for (const field of fields) if (field.weight > where && saidIn(phrase, field, spelled)) where = field.weight;
  return where;
}

/** A term the catalogue itself uses goes first where it is used, and the concept's other services count this much. */
const ELSEWHERE_FACTOR = 0.5;

/**
 * Where a term goes: to the services whose entry says it ("fire hydrant" to Fire hydrant damage, though its concept,
 * water, is most about water main breaks), and less to the others its concept goes to; as its concept where no entry says it.
 */
function ownLinks(said: readonly number[], codes: readonly string[], conceptLinks: ReadonlyMap<string, number>): Map<string, number> {
  const best = Math.max(0, ...said);
  if (best === 0) return new Map(conceptLinks);
  const links = new Map([...conceptLinks].map(([code, link]) => [code, link * ELSEWHERE_FACTOR]));
  said.forEach((strength, s) => {
    const link = strength / best;
    if (link >= MIN_LINK) links.set(codes[s]!, Math.max(links.get(codes[s]!) ?? 0, Math.round(link * 100) / 100));
  });
  return links;
}

/**
 * The lexicon's terms with the services each points to in this catalogue. A concept goes to the services that speak
 * of it most (the distinct phrases their entries use, by where), each weighed against the concept's best service and
 * against the concept the service is most about, so "street lights" goes to Streetlight out, not to a sign service
 * that lists "traffic light"; a term an entry says goes there first.
 */
export function linkConcepts(services: readonly ServiceDefinition[], lexicon: readonly Concept[] = CONCEPTS): Term[] {
  const fields = services.map(fieldsOf);
  const codes = services.map((service) => service.code);
  const spelled = new Set(lexicon.flatMap(termsOf).flatMap((term) => term.tokens));
  const concepts = lexicon.map((concept) => {
    const terms = termsOf(concept);
    const phrases = [
      ...terms.map((term) => phraseOf(term.tokens, term.language, 1)),
      ...concept.anchors.map((anchor) => phraseOf(words(anchor), null, ANCHOR_FACTOR)),
    ];
    // phrase -> service -> where its entry says it
    const said = phrases.map((phrase) => fields.map((serviceFields) => whereSaid(phrase, serviceFields, spelled)));
    const strengths = services.map((_, s) => phrases.reduce((total, phrase, p) => total + phrase.factor * said[p]![s]!, 0));
    return { terms, said, strengths };
  });
  const serviceBest = services.map((_, s) => Math.max(0, ...concepts.map((concept) => concept.strengths[s]!)));
  const linksOf = (strengths: readonly number[]) => {
    const conceptBest = Math.max(0, ...strengths);
    const links = new Map<string, number>();
    strengths.forEach((strength, s) => {
      // A service may answer for several concepts ("Animal services": wildlife and pets), so its side counts less.
      const link = strength === 0 ? 0 : (strength / conceptBest) * Math.sqrt(strength / serviceBest[s]!);
      if (link >= MIN_LINK) links.set(codes[s]!, Math.round(link * 100) / 100);
    });
    return links;
  };
  const conceptLinks = new Map(lexicon.map((concept, c) => [concept.id, linksOf(concepts[c]!.strengths)]));
  // A concept no service is most about ("bulky items" where the town offers no pickup) goes where its `otherwise` goes.
  const ownService = (strengths: readonly number[]) => strengths.some((strength, s) => strength > 0 && strength === serviceBest[s]);
  const byKey = new Map<string, Term>();
  lexicon.forEach((concept, c) => {
    const { terms, said, strengths } = concepts[c]!;
    const otherwise = concept.otherwise === undefined ? undefined : conceptLinks.get(concept.otherwise);
    const links = otherwise !== undefined && !ownService(strengths) ? otherwise : conceptLinks.get(concept.id)!;
    terms.forEach((term, t) => {
      const key = term.tokens.join(' ');
      const known = byKey.get(key);
      // A word that tells nothing of the problem ("parking lot") only keeps its place from other readings.
      const targets = term.weight > 0 ? ownLinks(said[t]!, codes, links) : new Map<string, number>();
      const alternative =
        otherwise === undefined || term.weight <= 0 ? {} : { otherwise: { topic: concept.otherwise!, targets: otherwise } };
      if (!known) byKey.set(key, { ...term, targets, ...alternative });
      else {
        // One word in two languages or two concepts: any language, the stronger weight, every service.
        if (known.language !== term.language) known.language = null;
        known.weight = Math.max(known.weight, term.weight);
        known.topics = [...new Set([...known.topics, ...term.topics])];
        for (const [code, link] of targets) known.targets.set(code, Math.max(known.targets.get(code) ?? 0, link));
        known.otherwise ??= alternative.otherwise;
      }
    });
  });
  return [...byKey.values()];
}

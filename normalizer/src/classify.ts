import type { ServiceDefinition } from '@intake/core';
import { SETTING_FACTOR, damagedMatches, isModifier, settingFactor, unclearedMatches } from './grammar.js';
import { broaderWords, englishUses } from './english.js';
import { detectLanguage, isStopword, LANGUAGES, words, type Language } from './language.js';
import { CONCEPTS, type Concept } from './lexicon.js';
import { PAST_FIRST_MENTION_BONUS, similarities, trainCentroids, wordsByPosition, type LearnedModel } from './learn.js';
import { linkConcepts } from './lexicon-links.js';
import { inAllLanguages, WORDS } from './words.js';
import { TermIndex, wordsWithBreaks, type Match, type Term } from './terms.js';

export interface Classification {
  /** the best service, or null when nothing in the text points to one */
  code: string | null;
  /** 0..1: grows with the evidence for the best service and shrinks with a close second */
  confidence: number;
  language: Language;
  /** what the text speaks of, whatever its language: lexicon concepts ("wildlife") or catalogue services ("service:POTHOLE") */
  topics: string[];
}

export interface Classifier {
  /** `language`, when the caller has detected it already on these words or the message they come from */
  classify(text: string, language?: Language): Classification;
}

/**
 * What a report names first is usually its subject ("bear in the bins" is wildlife): up to this much more weight,
 * for words that name a problem; a thing named first ("the sidewalk ... is a sheet of ice") is often only where.
 */
const FIRST_MENTION_BONUS = 0.5;
const MIN_SUBJECT_WEIGHT = 0.7;
/** A noun that qualifies the next one names a kind, not the subject: "bear bin", "no parking sign", "panneau de stationnement". */
const MODIFIER_FACTOR = 0.3;
/** A thing said to be broken is the problem itself ("the curb is broken"), not just where it is. */
const DAMAGED_WEIGHT = 1;
const DAMAGE_BOOST = 1.2;
/**
 * A catalogue's own keyword said as written ("dumped" for Illegal dumping), alone or inside a longer lexicon phrase
 * ("manhole" in "manhole cover"), and not as where ("through a crack in the road") nor as an aside, outweighs the lexicon's words for
 * the other services: theirs count this much less. Two services whose keywords are both said stay as even as they were.
 */
const OWN_KEYWORD_BONUS = 2;
/**
 * How much the town's past says a text is of a service (the regression's probability, 0..1) counts beside the
 * lexicon's evidence. 5 rather than 10: on Port Aldine's history, 5-fold cross-validated through the whole
 * classifier, 93.7 against 93.2% (and dev 80.4 against 79.0%).
 */
const LEARNED_WEIGHT = 5;
/**
 * ...and its likeness to the name and description of a service the town gave no keywords; half as much beside a
 * town's past, which says more than a line of description (Port Aldine dev: 5 against 10 with its history).
 */
const DESCRIBED_WEIGHT = 10;
const DESCRIBED_WEIGHT_BESIDE_HISTORY = 5;
/** The service no catalogue has: where the words point when they name a problem the town does not list. */
const ELSEWHERE = '';
/** ...but less surely than a word for a listed service: "the dog has been barking" is a noise complaint. */
const ELSEWHERE_SHARE = 0.5;

/**
 * A concern introduced as secondary ("Also ...", "Oh and ...", "While you're at it, ...") after the one the message
 * opens with is not what it is about: its words count this much.
 */
const ASIDE_FACTOR = 0.4;

/**
 * A word no term knows is likened to a catalogue's descriptions by what it is a kind of too ("recliner": armchair,
 * chair, seat; the description says "furniture"): so many steps up WordNet's hypernyms, counting this much.
 */
const BROADER_STEPS = 1;
const BROADER_WEIGHT = 0.5;

/**
 * The words of secondary concerns: from a clause, after the first, that opens with an aside word ("Also ...") to the
 * end, and any clause after the first that says it can wait ("(a mattress was dumped too but that can wait)").
 */
function asideWords(tokens: readonly string[], breaks: ReadonlySet<number>, language: Language): (i: number) => boolean {
  const { aside_starts: starts, aside_ends: ends } = WORDS[language].intent;
  const saysAt = (phrases: readonly string[], i: number) =>
    phrases.some((phrase) => phrase.split(' ').every((word, k) => tokens[i + k] === word));
  const clauses = [0, ...[...breaks].filter((i) => i > 0).sort((a, b) => a - b), tokens.length];
  let from = Infinity;
  const spans: [number, number][] = [];
  clauses.slice(0, -1).forEach((start, c) => {
    const end = clauses[c + 1]!;
    if (start > 0 && from === Infinity && saysAt(starts, start)) from = start;
    if (start > 0 && tokens.slice(start, end).some((_, k) => saysAt(ends, start + k))) spans.push([start, end]);
  });
  return (i) => i >= from || spans.some(([start, end]) => i >= start && i < end);
}

/** What the words no term matched are kinds of, as one text (WordNet is English: none for other languages). */
function broaderText(tokens: readonly string[], matches: readonly Match[], language: Language, isAside: (i: number) => boolean): string {
  if (language !== 'en') return '';
  const matched = (i: number) => matches.some((match) => i >= match.start && i < match.end);
  return tokens
    .filter((token, i) => !isAside(i) && !matched(i) && !isStopword(token, language))
    .flatMap((token) => broaderWords(token, BROADER_STEPS))
    .join(' ');
}

function score(
  matches: readonly Match[],
  tokens: readonly string[],
  breaks: ReadonlySet<number>,
  language: Language,
  isAside: (i: number) => boolean,
): Map<string, number> {
  // A word said twice is one piece of evidence ("bear ... the bear"): what adds up is different words for a problem.
  const byWords = new Map<string, Map<string, number>>();
  const ownKeywordSaid = new Set<string>();
  const damagedOnes = damagedMatches(tokens, matches, language);
  const unclearedOnes = unclearedMatches(tokens, breaks, matches);
  const named = new Set(topicsOf(matches));
  let previous: { end: number; setting: number } | null = null;
  matches.forEach((match, m) => {
    let setting = unclearedOnes.has(match) ? SETTING_FACTOR : settingFactor(tokens, breaks, match.start, previous);
    previous = { end: match.end, setting };
    const damage = damagedOnes.get(match);
    const damaged = damage === 'named after' || (damage === 'named first' && setting === 1);
    if (damage === 'named after') setting = 1;
    const factor =
      match.quality *
      setting *
      (isModifier(tokens, breaks, matches, m, language) ? MODIFIER_FACTOR : 1) *
      (isAside(match.start) ? ASIDE_FACTOR : 1);
    const firstness = 1 + FIRST_MENTION_BONUS * (1 - match.start / tokens.length);
    const said = tokens.slice(match.start, match.end).join(' ');
    const evidence = byWords.get(said) ?? new Map<string, number>();
    for (const term of match.terms) {
      const weight = damaged && term.weight > 0 ? Math.max(term.weight, DAMAGED_WEIGHT) * DAMAGE_BOOST : term.weight;
      const subject = weight >= MIN_SUBJECT_WEIGHT ? firstness : 1;
      const targets = term.otherwise !== undefined && named.has(term.otherwise.topic) ? term.otherwise.targets : term.targets;
      for (const [code, share] of targets) {
        if (match.quality === 1 && setting === 1 && !isAside(match.start) && term.keywordOf?.has(code) === true) ownKeywordSaid.add(code);
        evidence.set(code, Math.max(evidence.get(code) ?? 0, factor * subject * weight * share));
      }
    }
    byWords.set(said, evidence);
  });
  const scores = new Map<string, number>();
  for (const evidence of byWords.values()) for (const [code, value] of evidence) scores.set(code, (scores.get(code) ?? 0) + value);
  if (ownKeywordSaid.size > 0)
    for (const [code, value] of scores) if (!ownKeywordSaid.has(code)) scores.set(code, value / OWN_KEYWORD_BONUS);
  return scores;
}

/** What the matched terms speak of, whatever the language: lexicon concepts ("wildlife") or services ("service:X"). */
const topicsOf = (matches: readonly Match[]) =>
  [...new Set(matches.flatMap((match) => match.terms.filter((term) => term.weight > 0).flatMap((term) => term.topics)))].sort();

/**
 * Classifies free text against the catalogue: its own keywords, and the built-in lexicon of common 311 words in
 * English, French and Spanish tied to the services that name them. Accents are ignored, stems and slips forgiven.
 */
export function buildClassifier(
  services: readonly ServiceDefinition[],
  fallbackCode: string | null = null,
  lexicon: readonly Concept[] = CONCEPTS,
  learned: LearnedModel | null = null,
): Classifier {
  const index = new TermIndex(catalogueTerms(services, fallbackCode, lexicon));
  const known = new Set(services.map((service) => service.code));
  const likenesses = [
    {
      model: describedModel(services, fallbackCode, (text) => topicsOf(index.findAll(wordsWithBreaks(text).tokens, detectLanguage(text)))),
      weight: learned ? DESCRIBED_WEIGHT_BESIDE_HISTORY : DESCRIBED_WEIGHT,
      kinds: true,
      firstBonus: 0,
    },
    { model: learned, weight: LEARNED_WEIGHT, kinds: false, firstBonus: PAST_FIRST_MENTION_BONUS },
  ].filter((likeness): likeness is { model: LearnedModel; weight: number; kinds: boolean; firstBonus: number } => likeness.model !== null);
  return {
    classify(text, detected) {
      const { tokens, breaks } = wordsWithBreaks(text);
      const language = detected ?? detectLanguage(text);
      const matches = index.findAll(tokens, language);
      const topics = topicsOf(matches);
      const isAside = asideWords(tokens, breaks, language);
      const scores = score(matches, tokens, breaks, language, isAside);
      // each word as its own weighed part: an aside's less, and for the town's past the first ones more
      const said = (firstBonus: number) => wordsByPosition(tokens, firstBonus, (i) => (isAside(i) ? ASIDE_FACTOR : 1));
      const broader = { text: broaderText(tokens, matches, language, isAside), weight: BROADER_WEIGHT };
      // what the catalogue's own descriptions and the town's past requests say, for the services it still has
      for (const { model, weight, kinds, firstBonus } of likenesses)
        for (const [code, similarity] of similarities(model, kinds ? [...said(firstBonus), broader] : said(firstBonus), language, topics))
          if (known.has(code)) scores.set(code, (scores.get(code) ?? 0) + weight * similarity);
      const ranked = [...scores.entries()].filter(([, value]) => value > 0).sort((a, b) => b[1] - a[1]);
      const [top, second] = ranked;
      if (!top || top[0] === ELSEWHERE) return { code: null, confidence: 0, language, topics };
      const strength = 1 - Math.exp(-top[1]);
      const share = top[1] / (top[1] + (second?.[1] ?? 0));
      return { code: top[0], confidence: Math.round(Math.sqrt(strength) * share * 100) / 100, language, topics };
    },
  };
}

/**
 * Every term the classifier looks for: the catalogue's keywords point to their own service, the lexicon's terms to
 * the services their concept is linked to. Where both know a word, the catalogue says where it goes and the lexicon
 * how telling it is.
 */
function catalogueTerms(
  services: readonly ServiceDefinition[],
  fallbackCode: string | null = null,
  lexicon: readonly Concept[] = CONCEPTS,
): Term[] {
  const keywords = new Map<string, Term & { keywordOf: Set<string> }>();
  for (const service of services) {
    for (const phrase of service.keywords) {
      const tokens = words(phrase);
      if (tokens.length === 0) continue;
      const key = tokens.join(' ');
      const term = keywords.get(key) ?? {
        tokens,
        language: null,
        weight: 1,
        targets: new Map<string, number>(),
        topics: [] as string[],
        keywordOf: new Set<string>(),
      };
      term.targets.set(service.code, 1);
      term.keywordOf.add(service.code);
      term.topics.push(`service:${service.code}`);
      keywords.set(key, term);
    }
  }
  const byKey = new Map<string, Term>(keywords);
  // The catch-all service ("Other") is where no evidence leads, so its own words are none.
  for (const term of namedTerms(services.filter((service) => service.code !== fallbackCode)))
    if (!byKey.has(term.tokens.join(' '))) byKey.set(term.tokens.join(' '), term);
  for (const lexical of linkConcepts(services, lexicon)) {
    if (lexical.tokens.length === 1 && STREET_ABBREVIATIONS.has(lexical.tokens[0]!)) continue;
    const known = byKey.get(lexical.tokens.join(' '));
    // A problem this catalogue has no service for ("the playground swing is broken") is evidence for none of them.
    if (!known && lexical.targets.size === 0 && lexical.weight >= MIN_SUBJECT_WEIGHT)
      byKey.set(lexical.tokens.join(' '), { ...lexical, targets: new Map([[ELSEWHERE, ELSEWHERE_SHARE]]) });
    else if (!known) byKey.set(lexical.tokens.join(' '), lexical);
    else {
      // The lexicon knows the word's language ("stationnement" is not the English "station") and how telling it is,
      // but for a town's own keyword that is only a place word to it ("parking lot"): a description's "alley" says nothing.
      known.language = lexical.language;
      known.topics = lexical.topics;
      if (lexical.weight > 0 || !keywords.has(lexical.tokens.join(' '))) known.weight = lexical.weight;
    }
  }
  for (const term of byKey.values()) if (term.tokens.length > 1) term.keywordOf = keywordsWithin(term, keywords.values());
  return [...byKey.values()];
}

/** The services whose keyword a phrase holds, as written ("manhole cover" holds "manhole"), that the phrase points to. */
function keywordsWithin(phrase: Term, keywords: Iterable<Term & { keywordOf: Set<string> }>): Set<string> {
  const holds = (inner: readonly string[]) => phrase.tokens.some((_, i) => inner.every((word, k) => phrase.tokens[i + k] === word));
  const owners = new Set(phrase.keywordOf ?? []);
  for (const keyword of keywords)
    if (keyword.tokens.length < phrase.tokens.length && holds(keyword.tokens))
      for (const code of keyword.keywordOf) if (phrase.targets.has(code)) owners.add(code);
  return owners;
}

/** Words that say where, not what ("in front of", "down the block", "near the corner"): no service's evidence. */
const WHERE_WORDS: ReadonlySet<string> = new Set(
  inAllLanguages((w) => [
    ...w.places.location_words,
    ...w.places.between_street_and_number,
    ...w.places.block_words,
    ...w.crossings.corner_words,
  ]),
);

/**
 * How streets are written short ("ave", "st", "cres"): in a text such a word is a street's, wherever it stands (the
 * writer's own "759 W 6th Ave" too), never the lexicon's word that happens to be spelled alike (Spanish "ave", a bird).
 */
const STREET_ABBREVIATIONS: ReadonlySet<string> = (() => {
  const types = inAllLanguages((w) => Object.keys(w.streets.types));
  const spellings = inAllLanguages((w) => Object.values(w.streets.types).flat());
  return new Set(spellings.filter((spelling) => !types.includes(spelling)));
})();

/** How telling a word of a service's own name, or of its description, is when the town gives it no keywords. */
const NAME_WORD_WEIGHT = 1;
const DESCRIPTION_WORD_WEIGHT = 0.7;
/** A word shared by more services than this ("repair", "public") tells none of them apart. */
const MAX_SERVICES_PER_WORD = 4;
const MIN_NAMED_WORD = 4;

/** A description word everyday English uses this often (WordNet's counts: "people" 290, "walking" 207) tells half as much. */
const COMMON_USES = 50;
/** How much a catalogue word tells of its service, by how seldom everyday English uses it: "guardrail" much, "people" little. */
const tellingness = (word: string) => 1 / (1 + (englishUses(word) ?? 0) / COMMON_USES);

/**
 * Terms from the names and descriptions of the services that have no keywords (a catalogue as a CRM exports it):
 * each content word points to the services that use it, less surely the more of them do.
 */
function namedTerms(services: readonly ServiceDefinition[]): Term[] {
  const content = (text: string | undefined) =>
    new Set(
      words(text ?? '').filter(
        (word) =>
          word.length >= MIN_NAMED_WORD &&
          !/\d/.test(word) &&
          !WHERE_WORDS.has(word) &&
          !LANGUAGES.some((language) => isStopword(word, language)),
      ),
    );
  const users = new Map<string, Map<string, number>>();
  for (const service of services.filter((s) => s.keywords.length === 0)) {
    const fromName = content(service.name);
    for (const word of new Set([...fromName, ...content(service.description)])) {
      const weight = fromName.has(word) ? NAME_WORD_WEIGHT : DESCRIPTION_WORD_WEIGHT;
      users.set(word, new Map([...(users.get(word) ?? []), [service.code, weight]]));
    }
  }
  return [...users]
    .filter(([, codes]) => codes.size <= MAX_SERVICES_PER_WORD)
    .map(([word, codes]) => ({
      tokens: [word],
      language: null,
      weight: (Math.max(...codes.values()) / codes.size) * tellingness(word),
      targets: new Map([...codes].map(([code, weight]) => [code, weight / Math.max(...codes.values())])),
      topics: [...codes.keys()].map((code) => `service:${code}`),
    }));
}

/**
 * The described services the town gave no keywords (a catalogue as a CRM exports it), each learned from its name and
 * description, with the lexicon's concepts read in them, as if they were one past request; null when there are none. A bare name ("Street lights") is left to
 * the lexicon, which knows that "street" says where: alone, it would be the whole of a service's likeness.
 */
function describedModel(
  services: readonly ServiceDefinition[],
  fallbackCode: string | null,
  topicsIn: (text: string) => string[],
): LearnedModel | null {
  const described = services
    .filter((service) => service.keywords.length === 0 && service.code !== fallbackCode && service.description)
    .map((service) => {
      const text = `${service.name}. ${service.description}`;
      return { text, code: service.code, topics: topicsIn(text) };
    });
  return described.length === 0 ? null : trainCentroids(described);
}

const classifiers = new WeakMap<readonly ServiceDefinition[], Classifier>();

/** One-off classification against a catalogue (the classifier is built once per catalogue array). */
export function classify(text: string, services: readonly ServiceDefinition[]): Classification {
  let classifier = classifiers.get(services);
  if (!classifier) {
    classifier = buildClassifier(services);
    classifiers.set(services, classifier);
  }
  return classifier.classify(text);
}

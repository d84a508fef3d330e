import type { ServiceDefinition } from '@intake/core';
import { isTypoOf } from './fuzzy.js';
import { detectLanguage, isStopword, LANGUAGES, stem, words, type Language } from './language.js';

export interface Classification {
  /** the best service, or null when nothing in the text points to one */
  code: string | null;
  /** 0..1: grows with the evidence for the best service and shrinks with a close second */
  confidence: number;
  language: Language;
}

interface Keyword {
  code: string;
  tokens: string[];
  stems: Record<Language, string[]>;
  /** "pot hole" also matches "pothole"; "streetlight" also "street light" */
  joined: string;
  weight: number;
}

export interface Classifier {
  classify(text: string): Classification;
}

/** A typo or a compound costs a little certainty: "potholle" and "snowbank" are likely, not sure. */
const TYPO_WEIGHT = 0.8;
const MIN_TYPO_LENGTH = 6;
const MIN_COMPOUND_LENGTH = 4;
/** What a report names first is usually its subject ("bear in the bins" is wildlife): up to this much more weight. */
const FIRST_MENTION_BONUS = 0.5;

function keywordOf(code: string, phrase: string): Keyword | null {
  const tokens = words(phrase);
  if (tokens.length === 0) return null;
  const stems = Object.fromEntries(LANGUAGES.map((language) => [language, tokens.map((token) => stem(token, language))])) as Record<Language, string[]>;
  // A phrase says more than a word: "hole in the road" is surer than "hole".
  return { code, tokens, stems, joined: tokens.join(''), weight: 1 + 0.5 * (tokens.length - 1) };
}

/** Whether text token i spells keyword token k: the same word, the same stem in the message's language, or a slip. */
function tokenMatches(keyword: Keyword, k: number, token: string, tokenStem: string, language: Language): number {
  const wanted = keyword.tokens[k]!;
  if (token === wanted || tokenStem === keyword.stems[language][k]) return 1;
  if (wanted.length >= MIN_COMPOUND_LENGTH && keyword.tokens.length === 1 && token.startsWith(wanted)) return TYPO_WEIGHT;
  return wanted.length >= MIN_TYPO_LENGTH && isTypoOf(token, wanted) ? TYPO_WEIGHT : 0;
}

function matchAt(keyword: Keyword, tokens: string[], stems: string[], i: number, language: Language): number {
  if (keyword.tokens.length === 1 && isStopword(tokens[i]!, language)) return 0; // "ours" is a bear in French, not in English
  if (keyword.tokens.length > 1 && tokens[i] === keyword.joined) return 1;
  if (keyword.tokens.length === 1 && tokens[i + 1] !== undefined && tokens[i]! + tokens[i + 1]! === keyword.joined) return 1;
  let least = 1;
  for (let k = 0; k < keyword.tokens.length; k++) {
    const token = tokens[i + k];
    if (token === undefined) return 0;
    least = Math.min(least, tokenMatches(keyword, k, token, stems[i + k]!, language));
    if (least === 0) return 0;
  }
  return least;
}

/** Classifies free text against the catalogue's keywords, in English, French and Spanish, accents ignored. */
export function buildClassifier(services: readonly ServiceDefinition[]): Classifier {
  const keywords = services.flatMap((service) => service.keywords.map((phrase) => keywordOf(service.code, phrase)).filter((k): k is Keyword => k !== null));
  return {
    classify(text) {
      const tokens = words(text);
      const language = detectLanguage(text);
      const stems = tokens.map((token) => stem(token, language));
      const scores = new Map<string, number>();
      for (const keyword of keywords) {
        let found = 0;
        for (let i = 0; i < tokens.length && found === 0; i++) {
          const match = matchAt(keyword, tokens, stems, i, language);
          if (match > 0) found = match * (1 + FIRST_MENTION_BONUS * (1 - i / tokens.length));
        }
        if (found > 0) scores.set(keyword.code, (scores.get(keyword.code) ?? 0) + found * keyword.weight);
      }
      const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
      const [best, second] = ranked;
      if (!best) return { code: null, confidence: 0, language };
      const strength = 1 - Math.exp(-best[1]);
      const share = best[1] / (best[1] + (second?.[1] ?? 0));
      return { code: best[0], confidence: Math.round(Math.sqrt(strength) * share * 100) / 100, language };
    },
  };
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

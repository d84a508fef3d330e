import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';
import { detectLanguage, isStopword, LANGUAGES, stem, words, type Language } from './language.js';

/** A sparse vector, one weight a feature or a service: what a model keeps. */
const Scores = z.record(z.string(), z.number());

const common = {
  version: z.literal(3),
  trained_at: z.string(),
  examples: z.number().int().nonnegative(),
  /** feature (a stem, "#" and a 4-gram, or "@" and a lexicon concept) -> inverse document frequency */
  idf: Scores,
  /** the share of held-out examples it got right, by k-fold cross-validation at training */
  cross_validated_accuracy: z.number().min(0).max(1).nullable(),
};

/**
 * What a classifier learns from example texts, over the TF-IDF weights of their stems, character 4-grams (they
 * forgive the slips citizens make: "sidwalk" shares most of "sidewalk's") and lexicon concepts. A town's own past
 * (`intake learn`, from a CSV of description and service_code or an Open311 requests.json, kept in the data dir) is
 * a multinomial logistic regression: its weights say which features tell one service from the others, where a
 * centroid counts every word a service's requests share ("the", "street", "please") as much as the telling ones.
 * A catalogue's descriptions, one text a service, are a centroid each: with one example a class there is nothing to
 * tell apart by. The classifier adds either's likenesses to the lexicon's evidence.
 */
export const LearnedModel = z.discriminatedUnion('kind', [
  z.strictObject({
    ...common,
    kind: z.literal('centroids'),
    /** service code -> its unit-length centroid, feature -> weight */
    centroids: z.record(z.string(), Scores),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('logistic'),
    /** feature -> service code -> weight (the small ones left out) */
    weights: z.record(z.string(), Scores),
    /** service code -> bias */
    bias: Scores,
  }),
]);
export type LearnedModel = z.infer<typeof LearnedModel>;

export interface Example {
  /** a text, or its words as weighed parts (see wordsByPosition) */
  text: string | readonly WeightedText[];
  code: string;
  /** the lexicon's concepts the classifier reads in it ("wildlife"), so a past "raccoon" teaches of a new "skunk" */
  topics?: readonly string[];
}

const MIN_FEATURE = 3;
const FOLDS = 5;
const GRAM = 4;
/**
 * A 4-gram says less than a whole stem: on Port Aldine's history, 5-fold cross-validated, stems alone 80.2%, with
 * 4-grams at this weight 81.7% (at 0.3 81.3%, at 1 81.2%).
 */
const GRAM_WEIGHT = 0.5;
/** A concept the lexicon reads in the text counts as a stem (cross-validated 81.7 -> 82.3%; at 2 80.2%). */
const TOPIC_WEIGHT = 1;

/** Part of a text and how much it counts: a secondary concern ("Oh and ...") less than the one a message opens with. */
export interface WeightedText {
  text: string;
  weight: number;
}

/** A past request as read from the town's history. */
export type PastRequest = Example & { text: string };

/**
 * In the likeness to a town's past, as in the lexicon's evidence, a word counts more the nearer the start it stands,
 * up to this much more for the first: "the tree has grown over the streetlight" is about the tree, "the sidewalk
 * slab is lifted by a tree root" about the sidewalk. Read so in new messages: Port Aldine with its history, dev
 * 80.4 -> 84.8% (at 0.5 82.6%, at 2 84.1%), 5-fold cross-validated through the whole classifier 93.8 -> 94.8%; and
 * in the past requests it learns from too: dev 85.5%, cross-validated 95.5% (the regression alone, as `intake learn`
 * reports it, 89.1 -> 92.2%). Not in the likeness to a catalogue's
 * descriptions, where it loses: names-only dev 79.7 -> 78.3% (at 0.5 79.0%).
 */
export const PAST_FIRST_MENTION_BONUS = 1;

/** Words as weighed parts: each up to 1 + firstBonus the nearer the start it stands, times what `factor` says of it. */
export const wordsByPosition = (tokens: readonly string[], firstBonus: number, factor: (i: number) => number = () => 1): WeightedText[] =>
  tokens.map((token, i) => ({ text: token, weight: factor(i) * (1 + firstBonus * (1 - i / tokens.length)) }));

const contentWords = (text: string) =>
  words(text).filter((word) => word.length >= MIN_FEATURE && !/^\d+$/.test(word) && !LANGUAGES.some((l) => isStopword(word, l)));

/**
 * The content words' stems, the 4-grams of the words with a space either side, and the lexicon's concepts ("@wildlife";
 * a catalogue's own "service:" topics are its words, already here): what the model compares. A feature said in
 * several parts counts as in the part that weighs most.
 */
function featuresOf(said: string | readonly WeightedText[], language?: Language, topics: readonly string[] = []): Map<string, number> {
  const parts = typeof said === 'string' ? [{ text: said, weight: 1 }] : said;
  const lang = language ?? detectLanguage(parts.map((part) => part.text).join(' '));
  const features = new Map<string, number>();
  const add = (feature: string, value: number) => features.set(feature, Math.max(features.get(feature) ?? 0, value));
  for (const { text, weight } of parts) {
    const content = contentWords(text);
    for (const word of content) {
      const padded = ` ${word} `;
      for (let i = 0; i + GRAM <= padded.length; i++) add(`#${padded.slice(i, i + GRAM)}`, GRAM_WEIGHT * weight);
    }
    for (const word of content) add(stem(word, lang), weight);
  }
  for (const topic of topics) if (!topic.startsWith('service:')) add(`@${topic}`, TOPIC_WEIGHT);
  return features;
}

/** A vector scaled to length 1 (an empty one stays empty). */
function unit(vector: Map<string, number>): Map<string, number> {
  const length = Math.sqrt([...vector.values()].reduce((sum, value) => sum + value * value, 0));
  return length === 0 ? vector : new Map([...vector].map(([key, value]) => [key, value / length]));
}

const weighted = (features: ReadonlyMap<string, number>, idf: Readonly<Record<string, number>>) =>
  unit(
    new Map([...features].filter(([feature]) => idf[feature] !== undefined).map(([feature, value]) => [feature, value * idf[feature]!])),
  );

interface Document {
  vector: Map<string, number>;
  code: string;
}

/** The examples as TF-IDF vectors of unit length, and the inverse document frequencies they are weighted by. */
function documentsOf(examples: readonly Example[]): { idf: Record<string, number>; documents: Document[] } {
  const features = examples.map(({ text, topics }) => featuresOf(text, undefined, topics));
  const frequency = new Map<string, number>();
  for (const vector of features) for (const feature of vector.keys()) frequency.set(feature, (frequency.get(feature) ?? 0) + 1);
  const idf = Object.fromEntries([...frequency].map(([feature, n]) => [feature, Math.log(examples.length / n)]));
  return { idf, documents: examples.map(({ code }, i) => ({ vector: weighted(features[i]!, idf), code })) };
}

const headerOf = (examples: readonly Example[], idf: Record<string, number>, crossValidated: number | null) => ({
  version: 3 as const,
  trained_at: new Date().toISOString(),
  examples: examples.length,
  idf,
  cross_validated_accuracy: crossValidated,
});

/** A centroid a service: what a catalogue's descriptions, one text a service, are learned as. */
export function trainCentroids(examples: readonly Example[]): LearnedModel {
  const { idf, documents } = documentsOf(examples);
  const sums = new Map<string, Map<string, number>>();
  for (const { vector, code } of documents) {
    const sum = sums.get(code) ?? new Map<string, number>();
    for (const [feature, value] of vector) sum.set(feature, (sum.get(feature) ?? 0) + value);
    sums.set(code, sum);
  }
  const centroids = Object.fromEntries([...sums].map(([code, sum]) => [code, Object.fromEntries(unit(sum))]));
  return { ...headerOf(examples, idf, null), kind: 'centroids', centroids };
}

/**
 * How the regression is fitted: passes of stochastic gradient descent over the examples, its step and the L2
 * penalty that keeps a feature seen in a few requests from deciding alone. On Port Aldine's history, 5-fold
 * cross-validated: 89.1%, where centroids of the same features got 83.5% (and 88.1 against 93.7% in the whole
 * classifier, lexicon and catalogue descriptions beside it).
 */
const EPOCHS = 30;
const STEP = 0.5;
const PENALTY = 1e-4;
/** Weights smaller than this are left out of the kept model: they change no answer and would fill its file. */
const KEPT_WEIGHT = 1e-3;

/** Scores made probabilities (softmax). */
function softmax(scores: Float64Array): Float64Array {
  const top = Math.max(...scores);
  const powers = scores.map((score) => Math.exp(score - top));
  const total = powers.reduce((sum, power) => sum + power, 0);
  return powers.map((power) => power / total);
}

/** The examples in an order that is the same every run and unrelated to the file's (a CRM export may be sorted by service). */
function shuffled(count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let seed = 311;
  for (let i = count - 1; i > 0; i--) {
    seed = (seed * 16807) % 2147483647;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** A multinomial logistic regression over the documents: a weight a feature and service, a bias a service. */
function fitRegression(documents: readonly Document[], codes: readonly string[]) {
  const weights = new Map<string, Float64Array>();
  const bias = new Float64Array(codes.length);
  const rowOf = (feature: string) => {
    const row = weights.get(feature) ?? new Float64Array(codes.length);
    weights.set(feature, row);
    return row;
  };
  const targets = documents.map(({ code }) => codes.indexOf(code));
  const features = documents.map(({ vector }) => [...vector].map(([feature, value]) => ({ row: rowOf(feature), value })));
  const scores = new Float64Array(codes.length);
  const order = shuffled(documents.length);
  for (let epoch = 0; epoch < EPOCHS; epoch++)
    for (const d of order) {
      scores.set(bias);
      for (const { row, value } of features[d]!) for (let k = 0; k < codes.length; k++) scores[k] = scores[k]! + row[k]! * value;
      const probabilities = softmax(scores);
      for (let k = 0; k < codes.length; k++) {
        const error = probabilities[k]! - Number(k === targets[d]);
        bias[k] = bias[k]! - STEP * error;
        for (const { row, value } of features[d]!) row[k] = row[k]! - STEP * (error * value + PENALTY * row[k]!);
      }
    }
  return { weights, bias };
}

/** A town's past requests learned as a logistic regression (see LearnedModel). */
export function trainRegression(examples: readonly Example[], crossValidated: number | null = null): LearnedModel {
  const { idf, documents } = documentsOf(examples);
  const codes = [...new Set(examples.map(({ code }) => code))].sort();
  const fitted = fitRegression(documents, codes);
  const kept = (row: Float64Array) =>
    Object.fromEntries(codes.flatMap((code, k) => (Math.abs(row[k]!) < KEPT_WEIGHT ? [] : [[code, Number(row[k]!.toPrecision(4))]])));
  const weights = Object.fromEntries([...fitted.weights].map(([feature, row]) => [feature, kept(row)]));
  const bias = Object.fromEntries(codes.map((code, k) => [code, fitted.bias[k]!]));
  return { ...headerOf(examples, idf, crossValidated), kind: 'logistic', weights, bias };
}

/**
 * How like each service's examples a text is, 0..1: the cosine to its centroid, or the regression's probability;
 * empty when the text has no feature the model knows.
 */
export function similarities(
  model: LearnedModel,
  said: string | readonly WeightedText[],
  language?: Language,
  topics: readonly string[] = [],
): Map<string, number> {
  const vector = weighted(featuresOf(said, language, topics), model.idf);
  if (vector.size === 0) return new Map();
  if (model.kind === 'centroids')
    return new Map(
      Object.entries(model.centroids).map(([code, centroid]) => [
        code,
        [...vector].reduce((sum, [feature, value]) => sum + value * (centroid[feature] ?? 0), 0),
      ]),
    );
  const codes = Object.keys(model.bias);
  const scores = Float64Array.from(codes, (code) => model.bias[code]!);
  const index = new Map(codes.map((code, k) => [code, k]));
  for (const [feature, value] of vector)
    for (const [code, weight] of Object.entries(model.weights[feature] ?? {})) {
      const k = index.get(code)!;
      scores[k] = scores[k]! + weight * value;
    }
  const probabilities = softmax(scores);
  return new Map(codes.map((code, k) => [code, probabilities[k]!]));
}

/** Trains the town's model on all but one fold and counts the right answers on it, fold by fold (examples taken in turn). */
export function crossValidate(examples: readonly Example[], folds = FOLDS): number {
  let right = 0;
  for (let fold = 0; fold < folds; fold++) {
    const model = trainRegression(examples.filter((_, i) => i % folds !== fold));
    for (const { text, code, topics } of examples.filter((_, i) => i % folds === fold)) {
      const [best] = [...similarities(model, text, undefined, topics)].sort((a, b) => b[1] - a[1]);
      right += Number(best?.[0] === code);
    }
  }
  return examples.length === 0 ? 0 : right / examples.length;
}

/** Past requests from a CSV with `description` and `service_code` columns, or an Open311 GeoReport requests.json. */
export function readExamples(file: string): PastRequest[] {
  const text = readFileSync(file, 'utf8');
  const rows: unknown[] = file.endsWith('.json')
    ? z.array(z.unknown()).parse(JSON.parse(text))
    : Papa.parse<Record<string, string>>(text.replace(/\r\n?/g, '\n'), { header: true, skipEmptyLines: true }).data;
  const Row = z.object({ description: z.string().trim().min(1), service_code: z.string().trim().min(1) });
  return rows.flatMap((row) => {
    const parsed = Row.safeParse(row);
    return parsed.success ? [{ text: parsed.data.description, code: parsed.data.service_code }] : [];
  });
}

/** Where a town's learned model is kept: `<data dir>/learned/<jurisdiction id>.json`. */
export const learnedModelFile = (dataDir: string, jurisdictionId: string) =>
  path.join(dataDir, 'learned', `${jurisdictionId.replace(/[^\w.-]/g, '_')}.json`);

export function saveLearnedModel(file: string, model: LearnedModel) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(model));
}

/** The model kept for the town, or null when none was learned; a damaged file is an error that says so. */
export function readLearnedModel(file: string): LearnedModel | null {
  if (!existsSync(file)) return null;
  const parsed = LearnedModel.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: not a learned model (${parsed.error.issues[0]?.message ?? 'invalid'}); run intake learn again`);
  return parsed.data;
}

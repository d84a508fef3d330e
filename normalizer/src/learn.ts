import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';
import { detectLanguage, isStopword, LANGUAGES, stem, words, type Language } from './language.js';

/**
 * A town's own past, learned: a TF-IDF centroid per service over the stems and the character 4-grams of its past
 * requests' descriptions (the 4-grams forgive the slips citizens make: "sidwalk" shares most of "sidewalk's").
 * `intake learn` trains it from a CSV (description, service_code) or an Open311 requests.json and keeps it in the
 * data dir; the classifier adds its similarities to the lexicon's and the catalogue's evidence.
 */
export const LearnedModel = z.strictObject({
  version: z.literal(2),
  trained_at: z.string(),
  examples: z.number().int().nonnegative(),
  /** feature (a stem, or "#" and a 4-gram) -> inverse document frequency */
  idf: z.record(z.string(), z.number()),
  /** service code -> its unit-length centroid, stem -> weight */
  centroids: z.record(z.string(), z.record(z.string(), z.number())),
  /** the share of held-out examples it got right, by k-fold cross-validation at training */
  cross_validated_accuracy: z.number().min(0).max(1).nullable(),
});
export type LearnedModel = z.infer<typeof LearnedModel>;

export interface Example {
  text: string;
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

export function train(examples: readonly Example[], crossValidated: number | null = null): LearnedModel {
  const documents = examples.map(({ text, code, topics }) => ({ features: featuresOf(text, undefined, topics), code }));
  const frequency = new Map<string, number>();
  for (const { features } of documents) for (const feature of features.keys()) frequency.set(feature, (frequency.get(feature) ?? 0) + 1);
  const idf = Object.fromEntries([...frequency].map(([feature, n]) => [feature, Math.log(examples.length / n)]));
  const sums = new Map<string, Map<string, number>>();
  for (const { features, code } of documents) {
    const sum = sums.get(code) ?? new Map<string, number>();
    for (const [feature, value] of weighted(features, idf)) sum.set(feature, (sum.get(feature) ?? 0) + value);
    sums.set(code, sum);
  }
  const centroids = Object.fromEntries([...sums].map(([code, sum]) => [code, Object.fromEntries(unit(sum))]));
  return {
    version: 2,
    trained_at: new Date().toISOString(),
    examples: examples.length,
    idf,
    centroids,
    cross_validated_accuracy: crossValidated,
  };
}

/** How like each service's past requests a text is, 0..1 (cosine); empty when it has no word the model knows. */
export function similarities(
  model: LearnedModel,
  said: string | readonly WeightedText[],
  language?: Language,
  topics: readonly string[] = [],
): Map<string, number> {
  const vector = weighted(featuresOf(said, language, topics), model.idf);
  if (vector.size === 0) return new Map();
  return new Map(
    Object.entries(model.centroids).map(([code, centroid]) => [
      code,
      [...vector].reduce((sum, [feature, value]) => sum + value * (centroid[feature] ?? 0), 0),
    ]),
  );
}

/** Trains on all but one fold and counts the right answers on it, fold by fold (examples taken in turn). */
export function crossValidate(examples: readonly Example[], folds = FOLDS): number {
  let right = 0;
  for (let fold = 0; fold < folds; fold++) {
    const model = train(examples.filter((_, i) => i % folds !== fold));
    for (const { text, code, topics } of examples.filter((_, i) => i % folds === fold)) {
      const [best] = [...similarities(model, text, undefined, topics)].sort((a, b) => b[1] - a[1]);
      right += Number(best?.[0] === code);
    }
  }
  return examples.length === 0 ? 0 : right / examples.length;
}

/** Past requests from a CSV with `description` and `service_code` columns, or an Open311 GeoReport requests.json. */
export function readExamples(file: string): Example[] {
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

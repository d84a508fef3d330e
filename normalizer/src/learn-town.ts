import type { ServiceDefinition } from '@intake/core';
import { buildClassifier } from './classify.js';
import {
  crossValidate,
  learnedModelFile,
  readExamples,
  saveLearnedModel,
  PAST_FIRST_MENTION_BONUS,
  trainRegression,
  wordsByPosition,
  type Example,
  type LearnedModel,
  type PastRequest,
} from './learn.js';
import { wordsWithBreaks } from './terms.js';

/** What `intake learn` needs of a town's config. */
interface Town {
  services: readonly ServiceDefinition[];
  fallbackCode: string | null;
  jurisdictionId: string;
}

/**
 * Past requests read as the classifier will read a new message: with the lexicon's concepts in each (the model then
 * learns that the town's "raccoon in the attic" goes where a "skunk under the porch" will), and their first words
 * weighing more.
 */
function withTopics(services: readonly ServiceDefinition[], fallbackCode: string | null, examples: readonly PastRequest[]): Example[] {
  const classifier = buildClassifier(services, fallbackCode);
  return examples.map((example) => ({
    code: example.code,
    text: wordsByPosition(wordsWithBreaks(example.text).tokens, PAST_FIRST_MENTION_BONUS),
    topics: classifier.classify(example.text).topics,
  }));
}

/** A town's model from its past requests, read with its catalogue's lexicon. */
export const trainTown = (
  services: readonly ServiceDefinition[],
  fallbackCode: string | null,
  examples: readonly PastRequest[],
): LearnedModel => trainRegression(withTopics(services, fallbackCode, examples));

export interface LearnReport {
  /** rows read, and those kept: a row for a service the catalogue no longer has teaches nothing */
  read: number;
  used: number;
  unknownCodes: string[];
  services: number;
  crossValidatedAccuracy: number;
  file: string;
}

/** `intake learn`: trains the town's model from its past requests, checks it by cross-validation, and keeps it. */
export function learnTown(town: Town, historyFile: string, dataDir: string): LearnReport {
  const examples = readExamples(historyFile);
  const codes = new Set(town.services.map((service) => service.code));
  const used = withTopics(
    town.services,
    town.fallbackCode,
    examples.filter((example) => codes.has(example.code)),
  );
  if (used.length === 0)
    throw new Error(
      `${historyFile}: no row with a description and a service code of this catalogue (want columns description,service_code)`,
    );
  const accuracy = crossValidate(used);
  const file = learnedModelFile(dataDir, town.jurisdictionId);
  saveLearnedModel(file, trainRegression(used, accuracy));
  return {
    read: examples.length,
    used: used.length,
    unknownCodes: [...new Set(examples.filter((example) => !codes.has(example.code)).map((example) => example.code))],
    services: new Set(used.map((example) => example.code)).size,
    crossValidatedAccuracy: accuracy,
    file,
  };
}

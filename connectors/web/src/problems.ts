import { IntakeError, type LoadedConfig } from '@intake/core';
import type { Texts } from '@intake/i18n';
import { describeProblems, InvalidReport, type ReportProblem, type SayProblem } from './report.js';

/** Refusals a citizen can meet on the form, by error code, and the field each is about (null: the report as a whole). */
const REFUSALS: Record<string, string | null> = {
  photo_too_large: 'photo',
  too_many_photos: 'photo',
  unsupported_media_type: 'photo',
  media_store_unavailable: 'photo',
  queue_unavailable: null,
  rate_limited: null,
};

export const problemSayer =
  (texts: Texts, language: string): SayProblem =>
  ({ key, values }) =>
    texts.t(language, key, values);

/** The photo size limit as the citizen's language writes it: "0,2 Mo", "10 MB". */
const sizeIn = (language: string, bytes: number) =>
  new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1024 / 1024);

/** Why a post was turned down, as catalogue texts: each field's problem, or the one refusal. */
export function problemsOf(error: IntakeError, config: LoadedConfig, language: string): ReportProblem[] {
  if (error instanceof InvalidReport) return error.problems;
  const known = error.code in REFUSALS;
  const values = {
    size: sizeIn(language, config.media.max_bytes),
    count: config.media.max_photos,
    seconds: error.headers['Retry-After'] ?? '',
  };
  return [{ field: known ? REFUSALS[error.code]! : null, key: `refusal.${known ? error.code : 'other'}`, values }];
}

/** The same refusal, worded in the language the post named (the form's script shows the message as it comes). */
export function reworded(error: IntakeError, config: LoadedConfig, texts: Texts, language: string): IntakeError {
  const problems = problemsOf(error, config, language);
  return new IntakeError(error.status, error.code, describeProblems(problems, problemSayer(texts, language)), error.headers);
}

import { badRequest, IntakeError, type InboundMessageInput, type SavedPhoto } from '@intake/core';
import type { TextValues } from '@intake/i18n';
import { compile } from 'html-to-text';
import { z } from 'zod';

/**
 * What is wrong with a posted report: the field (null for the report as a whole) and the catalogue text
 * (`validation.*`) that says it, so the form can say it in the citizen's language.
 */
export interface ReportProblem {
  field: string | null;
  key: string;
  values?: TextValues;
}

/** A problem in words, in the language of whoever posted. */
export type SayProblem = (problem: ReportProblem) => string;

/** Problems as one line for an API client: `field: what is wrong; ...`. */
export const describeProblems = (problems: ReportProblem[], say: SayProblem) =>
  problems.map((problem) => (problem.field === null ? say(problem) : `${problem.field}: ${say(problem)}`)).join('; ');

/** A report that cannot be accepted; keeps each problem so the form can show it beside its field. */
export class InvalidReport extends IntakeError {
  constructor(
    readonly problems: ReportProblem[],
    say: SayProblem,
    code = 'invalid_report',
  ) {
    super(400, code, describeProblems(problems, say));
  }
}

/** Forms post empty fields and JSON clients send nulls: both mean "not given". */
const blankToUndefined = (value: unknown) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
// the schema's messages are catalogue keys; the limits they name come from the issue (see problemOf)
const text = (max: number) => optional(z.string({ error: 'validation.not_text' }).trim().max(max, 'validation.too_long'));

const coordinate = (limit: number) =>
  optional(
    z.preprocess(
      (value) => (typeof value === 'string' ? Number(value) : value),
      z.number({ error: 'validation.not_number' }).min(-limit, 'validation.between').max(limit, 'validation.between'),
    ),
  );

/** Text as a reader sees it: script and style bodies, images and link targets are markup, not words. */
const visibleText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
  ],
});
const hasWords = (description: string) => !description.includes('<') || visibleText(description).trim() !== '';

const PHONE = /^\+?[\d\s().-]{3,32}(?:\s*(?:ext\.?|x)\s*\d{1,6})?$/i;

export const ReportBody = z
  .strictObject({
    description: z
      .string({ error: (issue) => (issue.input === undefined ? 'validation.required' : 'validation.not_text') })
      .trim()
      .min(1, 'validation.required')
      .max(5000, 'validation.too_long')
      .refine(hasWords, 'validation.words'),
    service_code: text(100),
    address: text(500),
    lat: coordinate(90),
    long: coordinate(180),
    name: text(200),
    email: optional(z.string({ error: 'validation.not_text' }).trim().max(320, 'validation.too_long').pipe(z.email('validation.email'))),
    phone: optional(z.string({ error: 'validation.not_text' }).trim().regex(PHONE, 'validation.phone')),
    /** set by the form once it has asked where the problem is */
    asked_where: text(5),
    /** the language of the form the citizen filled in, so that answers come in it */
    language: text(35),
    /** the signed links of photos the form kept while it asked where (no JavaScript); only our own are taken */
    kept_photo: optional(
      z.preprocess(
        (value) => (typeof value === 'string' ? [value] : value),
        z.array(z.string().max(2048, 'validation.too_long'), { error: 'validation.urls' }).max(10, 'validation.too_many_urls'),
      ),
    ),
    media_urls: optional(
      z
        .array(z.url({ protocol: /^https?$/, error: 'validation.url' }).max(2048, 'validation.too_long'), { error: 'validation.urls' })
        .max(10, 'validation.too_many_urls'),
    ),
  })
  .superRefine((report, ctx) => {
    if ((report.lat === undefined) !== (report.long === undefined)) {
      const missing = report.lat === undefined ? 'lat' : 'long';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'validation.other_coordinate' });
    }
  });
export type ReportBody = z.infer<typeof ReportBody>;

/** 1 to 255 printable ASCII characters (RFC draft "The Idempotency-Key HTTP Header Field"). */
const IDEMPOTENCY_KEY = /^[\x20-\x7E]{1,255}$/;

export function parseIdempotencyKey(header: string | undefined): string | null {
  if (header === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(header))
    throw badRequest('Idempotency-Key must be 1 to 255 printable ASCII characters', 'invalid_idempotency_key');
  return header;
}

/** A zod issue as a catalogue text: the schema's own key, with the limit it broke; zod's own wording otherwise. */
function problemOf(issue: z.core.$ZodIssue): ReportProblem {
  const field = issue.path.length > 0 ? issue.path.join('.') : null;
  if (issue.message.startsWith('validation.')) {
    const limit = issue.code === 'too_big' ? issue.maximum : issue.code === 'too_small' ? issue.minimum : undefined;
    return { field, key: issue.message, values: limit === undefined ? {} : { max: Math.abs(Number(limit)) } };
  }
  if (issue.code === 'invalid_type' && field === null) return { field, key: 'validation.not_object' };
  if (issue.code === 'unrecognized_keys') return { field, key: 'validation.unknown_fields', values: { fields: issue.keys.join(', ') } };
  return { field, key: 'validation.invalid' };
}

/** Validates a posted report against the schema and the service catalogue; throws InvalidReport, worded by `say`. */
export function parseReport(body: unknown, serviceCodes: ReadonlySet<string>, say: SayProblem): ReportBody {
  const result = ReportBody.safeParse(body ?? {});
  if (!result.success) throw new InvalidReport(result.error.issues.map(problemOf), say);
  const code = result.data.service_code;
  if (code !== undefined && !serviceCodes.has(code)) {
    throw new InvalidReport([{ field: 'service_code', key: 'validation.unknown_service', values: { code } }], say, 'unknown_service_code');
  }
  return result.data;
}

export function toInboundMessage(report: ReportBody, externalId: string | null, photos: SavedPhoto[] = []): InboundMessageInput {
  const email = report.email ?? null;
  return {
    channel: 'web',
    external_id: externalId,
    sender: { name: report.name ?? null, phone: report.phone ?? null, email, handle: null },
    text: report.description,
    service_code: report.service_code ?? null,
    address: report.address ?? null,
    point: report.lat !== undefined && report.long !== undefined ? { lat: report.lat, long: report.long } : null,
    media: [
      ...photos.map((photo) => photo.media),
      ...(report.media_urls ?? []).map((url) => ({ url, content_type: null, name: null, bytes: null })),
    ],
    photo_point: photos.find((photo) => photo.point !== null)?.point ?? null,
    language: report.language ?? null,
    reply_to: email === null ? null : { channel: 'email', to: email, from: null, thread: [], subject: null },
  };
}

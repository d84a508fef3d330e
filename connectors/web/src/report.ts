import { badRequest, IntakeError, type InboundMessageInput, type SavedPhoto } from '@intake/core';
import { compile } from 'html-to-text';
import { z } from 'zod';

export interface ReportProblem {
  /** the body field it is about, or null for the report as a whole */
  field: string | null;
  message: string;
}

/** A report that cannot be accepted; keeps each problem so the form can show it beside its field. */
export class InvalidReport extends IntakeError {
  constructor(
    readonly problems: ReportProblem[],
    code = 'invalid_report',
  ) {
    super(400, code, problems.map(({ field, message }) => (field === null ? message : `${field}: ${message}`)).join('; '));
  }
}

/** Forms post empty fields and JSON clients send nulls: both mean "not given". */
const blankToUndefined = (value: unknown) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const text = (max: number) => optional(z.string({ error: 'must be text' }).trim().max(max, `must be at most ${max} characters`));

const coordinate = (limit: number) =>
  optional(
    z.preprocess(
      (value) => (typeof value === 'string' ? Number(value) : value),
      z
        .number({ error: 'must be a number' })
        .min(-limit, `must be between -${limit} and ${limit}`)
        .max(limit, `must be between -${limit} and ${limit}`),
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
      .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
      .trim()
      .min(1, 'is required')
      .max(5000, 'must be at most 5000 characters')
      .refine(hasWords, 'must describe the problem in words, not only HTML'),
    service_code: text(100),
    address: text(500),
    lat: coordinate(90),
    long: coordinate(180),
    name: text(200),
    email: optional(z.string({ error: 'must be text' }).trim().max(320, 'is too long').pipe(z.email('is not a valid email address'))),
    phone: optional(z.string({ error: 'must be text' }).trim().regex(PHONE, 'is not a valid phone number')),
    /** set by the form once it has asked where the problem is */
    asked_where: text(5),
    /** the language of the form the citizen filled in, so that answers come in it */
    language: text(35),
    media_urls: optional(
      z
        .array(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048, 'must be at most 2048 characters'), {
          error: 'must be a list of URLs',
        })
        .max(10, 'must hold at most 10 URLs'),
    ),
  })
  .superRefine((report, ctx) => {
    if ((report.lat === undefined) !== (report.long === undefined)) {
      const missing = report.lat === undefined ? 'lat' : 'long';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'is required when the other coordinate is given' });
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

/** Validates a posted report against the schema and the service catalogue; throws InvalidReport. */
export function parseReport(body: unknown, serviceCodes: ReadonlySet<string>): ReportBody {
  const result = ReportBody.safeParse(body ?? {});
  if (!result.success) {
    throw new InvalidReport(
      result.error.issues.map((issue) => ({ field: issue.path.length > 0 ? issue.path.join('.') : null, message: issue.message })),
    );
  }
  const code = result.data.service_code;
  if (code !== undefined && !serviceCodes.has(code)) {
    throw new InvalidReport([{ field: 'service_code', message: `"${code}" is not in the service catalogue` }], 'unknown_service_code');
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

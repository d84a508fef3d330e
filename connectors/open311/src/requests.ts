import { currentStatus, type RequestReader, type StoredRequest } from '@intake/core';
import { z } from 'zod';
import { publicDescription } from './public-text.js';

const DAY_MS = 86_400_000;
/** GeoReport v2: a query spans at most 90 days and answers at most 1000 requests unless told otherwise. */
export const MAX_SPAN_DAYS = 90;
export const MAX_RESULTS = 1000;
const MAX_IDS = 200;
const DESCRIPTION_MAX = 4000;

/** GeoReport v2 knows two statuses: a request is open until its CRM's word means closed. */
export const open311Status = (stored: Pick<StoredRequest, 'timeline'>): 'open' | 'closed' =>
  currentStatus(stored) === 'closed' ? 'closed' : 'open';

/** The CRM's latest public note, as `status_notes`. */
const latestNote = (stored: StoredRequest) =>
  stored.timeline.flatMap((event) => (event.kind === 'status' && event.note !== null ? [event.note] : [])).at(-1) ?? null;

const httpUrl = (url: string) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * A stored request as GeoReport v2 shows it. Nothing about the reporter is included, in the description neither: listings are public.
 * `status_notes` carries the CRM's latest note ("Filled on Tuesday.") once it has given one.
 */
export function toOpen311Request(stored: StoredRequest) {
  const { record } = stored;
  const media = record.media.find((item) => httpUrl(item.url));
  const description = publicDescription(record);
  return {
    service_request_id: record.id,
    reference: record.reference,
    status: open311Status(stored),
    status_notes: latestNote(stored),
    service_name: record.service_name,
    // the schema wants a string: an unclassified request has the empty code
    service_code: record.service_code ?? '',
    description: description === '' ? null : truncate(description, DESCRIPTION_MAX),
    agency_responsible: null,
    service_notice: null,
    requested_datetime: record.received_at,
    updated_datetime: stored.updated_at,
    expected_datetime: null,
    address: record.location.address,
    address_id: null,
    zipcode: null,
    lat: record.location.lat,
    long: record.location.long,
    media_url: media?.url ?? null,
  };
}
export type Open311Request = ReturnType<typeof toOpen311Request>;

const splitList = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** Lists "can be declared multiple times, comma delimited" (`status=open,closed` or `status=open&status=closed`). */
const list = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? splitList(value)
      : Array.isArray(value)
        ? value.flatMap((item) => (typeof item === 'string' ? splitList(item) : [item]))
        : value,
  z.array(z.string(), { error: 'must be text, comma-delimited' }),
);

const dateTime = z
  .string({ error: 'must be given once' })
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)),
    'must be a W3C date-time such as 2026-11-22T10:00:00Z',
  )
  .transform((value) => Date.parse(value));

export const RequestsQuery = z
  .object({
    jurisdiction_id: z.string({ error: 'must be given once' }).optional(),
    service_request_id: list.pipe(z.array(z.string().max(100)).max(MAX_IDS, `must name at most ${MAX_IDS} requests`)).optional(),
    service_code: list.optional(),
    status: list.pipe(z.array(z.enum(['open', 'closed'], { error: 'must be open and/or closed' }))).optional(),
    start_date: dateTime.optional(),
    end_date: dateTime.optional(),
  })
  .transform((query, ctx) => {
    const to = query.end_date ?? (query.start_date === undefined ? Date.now() : query.start_date + MAX_SPAN_DAYS * DAY_MS);
    const from = query.start_date ?? to - MAX_SPAN_DAYS * DAY_MS;
    if (from > to) ctx.addIssue({ code: 'custom', path: ['start_date'], message: 'must be before end_date' });
    else if (to - from > MAX_SPAN_DAYS * DAY_MS)
      ctx.addIssue({ code: 'custom', path: ['end_date'], message: `the range may not span more than ${MAX_SPAN_DAYS} days` });
    return { ...query, from, to };
  });
export type RequestsQuery = z.infer<typeof RequestsQuery>;

/** What GET requests.json answers: the named requests, or the newest matches within the date range. */
export async function findRequests(requests: RequestReader, query: RequestsQuery): Promise<Open311Request[]> {
  if (query.service_request_id !== undefined) {
    // "This overrides all other arguments" (GeoReport v2)
    const found = await Promise.all(query.service_request_id.map((id) => requests.find(id)));
    return found.filter((stored): stored is StoredRequest => stored !== null).map(toOpen311Request);
  }
  const codes = query.service_code === undefined ? null : new Set(query.service_code);
  const statuses = query.status === undefined ? null : new Set(query.status);
  const onlyCode = codes?.size === 1 ? [...codes][0] : undefined;
  const matches: Open311Request[] = [];
  for await (const stored of requests.received({ from: query.from, to: query.to, service_code: onlyCode })) {
    const request = toOpen311Request(stored);
    if (codes !== null && !codes.has(request.service_code)) continue;
    if (statuses !== null && !statuses.has(request.status)) continue;
    matches.push(request);
    if (matches.length === MAX_RESULTS) break;
  }
  return matches;
}

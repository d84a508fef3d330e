import {
  PermanentDeliveryError,
  type CrmStatus,
  type DeliveryEvent,
  type DestinationPlugin,
  type Logger,
  type Receipt,
  type ServiceRequest,
} from '@intake/core';
import { z } from 'zod';
import { HTTP_API_CONCURRENCY, destinationOptions } from '../options.js';
import { parseAnswer, type Open311Fields } from './answers.js';

export const Open311Options = destinationOptions('open311', HTTP_API_CONCURRENCY).extend({
  /** the GeoReport v2 base, e.g. https://crm.example.org/open311/v2 */
  url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).transform((url) => url.replace(/\/+$/, '')),
  api_key: z.string().min(1),
  jurisdiction_id: z.string().min(1).optional(),
  /** Intake service code -> the CRM's; codes not listed are sent as they are */
  service_code_map: z.record(z.string(), z.string().min(1)).default({}),
  /** sent for requests Intake could not classify; without it they are refused (the CRM requires a code) */
  default_service_code: z.string().min(1).optional(),
  timeout_ms: z.number().int().positive().default(10_000),
  format: z.enum(['json', 'xml']).default('json'),
  /** how often to ask the CRM for the status of open requests; 0 never asks */
  poll_seconds: z.number().min(0).default(300),
});
export type Open311Options = z.infer<typeof Open311Options>;

const USER_AGENT = 'Intake/0.1 (311 intake gateway; +open311)';
/** GeoReport v2's limit on a description */
const DESCRIPTION_MAX = 4000;

/** A retry may fix a server error, a timeout or throttling; any other 4xx will be refused again. */
const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

const networkCause = (error: unknown) => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
};

/** `${url}/${resource}.${format}` with a query; errors name it without the query. */
function endpoint(options: Open311Options, resource: string, query: Record<string, string | undefined> = {}): URL {
  const url = new URL(`${options.url}/${resource}.${options.format}`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  return url;
}

/** "POST https://crm.example.org/open311/v2/requests.json": the query is left out, it may name people's requests. */
const describe = (method: string, url: URL) => `${method} ${url.origin}${url.pathname}`;

async function call(options: Open311Options, url: URL, init: RequestInit = {}): Promise<{ status: number; ok: boolean; text: string }> {
  const what = describe(init.method ?? 'GET', url);
  try {
    const response = await fetch(url, {
      ...init,
      headers: { 'User-Agent': USER_AGENT, Accept: options.format === 'json' ? 'application/json' : 'text/xml', ...init.headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeout_ms),
    });
    return { status: response.status, ok: response.ok, text: await response.text() };
  } catch (error) {
    const cause = (error as { name?: string }).name === 'TimeoutError' ? `no answer within ${options.timeout_ms} ms` : networkCause(error);
    throw new Error(`${what} failed: ${cause}`);
  }
}

function serviceCodeFor(options: Open311Options, request: ServiceRequest): string {
  const code = request.service_code === null ? options.default_service_code : (options.service_code_map[request.service_code] ?? request.service_code);
  if (code === undefined) throw new PermanentDeliveryError('the request has no service code and the destination sets no default_service_code');
  return code;
}

const httpUrl = (url: string) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);

/** "Jane Q. Doe" -> first_name Jane, last_name "Q. Doe". */
function nameParts(name: string | null): { first_name?: string; last_name?: string } {
  const [first, ...rest] = (name ?? '').trim().split(/\s+/).filter(Boolean);
  return { first_name: first, last_name: rest.length > 0 ? rest.join(' ') : undefined };
}

/** GeoReport v2 "POST Service Request" arguments, form-encoded as the spec has them. */
function form(options: Open311Options, request: ServiceRequest): URLSearchParams {
  const { location, reporter } = request;
  const fields: Record<string, string | undefined> = {
    api_key: options.api_key,
    jurisdiction_id: options.jurisdiction_id,
    service_code: serviceCodeFor(options, request),
    lat: location.lat === null ? undefined : String(location.lat),
    long: location.long === null ? undefined : String(location.long),
    address_string: location.address ?? undefined,
    description: request.description.slice(0, DESCRIPTION_MAX) || undefined,
    email: reporter.email ?? undefined,
    ...nameParts(reporter.name),
    phone: reporter.phone ?? undefined,
    media_url: request.media.find((media) => httpUrl(media.url))?.url,
  };
  return new URLSearchParams(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** A refusal with the CRM's own words when it gave an error list. */
function refusal(what: string, status: number, text: string): Error {
  const { errors } = parseAnswer(text);
  const message = `${what} answered ${status}: ${errors.length > 0 ? errors.join('; ') : text.slice(0, 200)}`;
  return retryable(status) ? new Error(message) : new PermanentDeliveryError(message);
}

/** A token is the CRM's promise of an id: asks once for it (GET tokens/{token}); null while the CRM has none yet. */
async function resolveToken(options: Open311Options, token: string, log: Logger): Promise<string | null> {
  try {
    const answer = await call(options, endpoint(options, `tokens/${encodeURIComponent(token)}`, { jurisdiction_id: options.jurisdiction_id }));
    const id = answer.ok ? (parseAnswer(answer.text).requests.find((fields) => fields.service_request_id)?.service_request_id ?? null) : null;
    if (id === null) log.warn({ token, status: answer.status }, 'open311 token not resolved yet: the request is delivered without the CRM id');
    return id;
  } catch (error) {
    log.warn({ token, err: (error as Error).message }, 'open311 token lookup failed: the request is delivered without the CRM id');
    return null;
  }
}

async function receiptFrom(options: Open311Options, status: number, created: Open311Fields | undefined, log: Logger): Promise<Receipt> {
  const notice = created?.service_notice ?? null;
  const id = created?.service_request_id ?? null;
  const token = created?.token ?? null;
  if (id === null && token !== null) return { status, external_id: await resolveToken(options, token, log), token, service_notice: notice };
  // the CRM took it (a 2xx): a retry would file it twice, so it is delivered without an id
  if (id === null) log.warn({ status }, 'open311 answer named no service_request_id or token');
  return { status, external_id: id, service_notice: notice };
}

async function deliver(options: Open311Options, request: ServiceRequest, event: DeliveryEvent, log: Logger): Promise<Receipt> {
  const url = endpoint(options, 'requests');
  const answer = await call(options, url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': event.idempotency_key },
    body: form(options, request),
  });
  const what = describe('POST', url);
  if (!answer.ok) throw refusal(what, answer.status, answer.text);
  const { requests, errors } = parseAnswer(answer.text);
  // some servers answer an error list with a 200
  if (errors.length > 0) throw new PermanentDeliveryError(`${what} answered ${answer.status} with errors: ${errors.join('; ')}`);
  return receiptFrom(options, answer.status, requests[0], log);
}

/** GET requests.{format}?service_request_id=a,b,c: what the CRM says now, one entry per request it knows. */
async function pollStatus(options: Open311Options, externalIds: string[]): Promise<CrmStatus[]> {
  if (externalIds.length === 0) return [];
  const url = endpoint(options, 'requests', { jurisdiction_id: options.jurisdiction_id, service_request_id: externalIds.join(',') });
  const answer = await call(options, url);
  if (!answer.ok) throw refusal(describe('GET', url), answer.status, answer.text);
  const asked = new Set(externalIds);
  return parseAnswer(answer.text).requests.flatMap((fields): CrmStatus[] => {
    const id = fields.service_request_id;
    // San Francisco writes "Open" and "Closed"
    const status = fields.status?.toLowerCase();
    if (!id || !asked.has(id) || !status) return [];
    return [{ external_id: id, status, notes: fields.status_notes ?? null, closed: status === 'closed' }];
  });
}

/** A city's Open311 GeoReport v2 endpoint: creates requests there and asks for their status. */
export const open311Destination: DestinationPlugin<Open311Options> = {
  type: 'open311',
  options: Open311Options,
  create(options, { log }) {
    const polling = options.poll_seconds > 0 ? { pollStatus: (ids: string[]) => pollStatus(options, ids), pollIntervalMs: options.poll_seconds * 1000 } : {};
    return { type: 'open311', deliver: (request, event) => deliver(options, request, event, log), ...polling };
  },
};

import { refusalOf, type CrmAnswer, type CrmCall } from '../http.js';
import { parseAnswer } from './answers.js';
import type { Open311Options } from './options.js';

const USER_AGENT = 'Intake/0.1 (311 intake gateway; +open311)';

/** GeoReport v2's limit on a description */
export const DESCRIPTION_MAX = 4000;

export const httpUrl = (url: string) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);

/** "Jane Q. Doe" -> first_name Jane, last_name "Q. Doe". */
export function nameParts(name: string | null): { first_name?: string; last_name?: string } {
  const [first, ...rest] = (name ?? '').trim().split(/\s+/).filter(Boolean);
  return { first_name: first, last_name: rest.length > 0 ? rest.join(' ') : undefined };
}

/** `${url}/${resource}.${format}` with a query; errors name it without the query. */
export function endpoint(options: Open311Options, resource: string, query: Record<string, string | undefined> = {}): URL {
  const url = new URL(`${options.url}/${resource}.${options.format}`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  return url;
}

/** A GeoReport v2 call: the CRM's format asked for, the destination's timeout. */
export function crmCall(options: Open311Options, url: URL, post?: { headers: Record<string, string>; body: URLSearchParams }): CrmCall {
  const accept = options.format === 'json' ? 'application/json' : 'text/xml';
  return {
    method: post ? 'POST' : 'GET',
    url,
    headers: { 'User-Agent': USER_AGENT, Accept: accept, ...post?.headers },
    body: post?.body,
    timeoutMs: options.timeout_ms,
  };
}

/** A refusal with the CRM's own words when it gave an error list. */
export function refusal(call: CrmCall, answer: CrmAnswer): Error {
  const { errors } = parseAnswer(answer.text);
  return refusalOf(call, answer, errors.length > 0 ? errors.join('; ') : answer.text);
}

import { PermanentDeliveryError } from '@intake/core';
import { request } from 'undici';

/** A retry may fix a server error, a timeout or throttling; any other 4xx will be refused again. */
const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

/** "POST https://crm.example.org/intake": the query is left out, it may carry a token or name people's requests. */
export function describeCall(method: string, url: URL | string): string {
  const parsed = new URL(url);
  return `${method} ${parsed.origin}${parsed.pathname}`;
}

/** Why a call got no answer: the network's own code (ECONNREFUSED, ENOTFOUND), else the error's words. */
function networkCause(error: unknown, timeoutMs: number): string {
  if ((error as { name?: string }).name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const { code, message } = error as { code?: string; message: string };
  return code ?? message;
}

/** The answer's headers as fetch gives them, for the callers that read one (a redirect's location). */
function headersOf(received: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(received))
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  return headers;
}

export interface CrmCall {
  method: 'GET' | 'POST';
  url: URL | string;
  headers: Headers | Record<string, string>;
  body?: Buffer | URLSearchParams | string;
  timeoutMs: number;
}

export interface CrmAnswer {
  status: number;
  ok: boolean;
  headers: Headers;
  text: string;
}

/**
 * One HTTP call to a CRM, as every HTTP destination makes it: no redirects followed (a 301/302 would turn a POST into
 * a GET; the operator should configure the final URL), a timeout, and a failure that names the call and the cause.
 * Throws (retryable) when no answer came; any answer, good or bad, is returned. undici's own request, not fetch: fetch
 * cost a delivery 0.5 ms more CPU (its web streams and Response), a tenth of the pipeline's per message.
 */
export async function callCrm(call: CrmCall): Promise<CrmAnswer> {
  try {
    const response = await request(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body instanceof URLSearchParams ? call.body.toString() : call.body,
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    const text = await response.body.text();
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    return { status: response.statusCode, ok, headers: headersOf(response.headers), text };
  } catch (error) {
    throw new Error(`${describeCall(call.method, call.url)} failed: ${networkCause(error, call.timeoutMs)}`, { cause: error });
  }
}

/** A CRM's refusal as the delivery error it is: retried when a retry may fix it, else permanent. */
export function refusalOf(call: Pick<CrmCall, 'method' | 'url'>, answer: Pick<CrmAnswer, 'status' | 'headers'>, detail: string): Error {
  const location = answer.headers.get('location');
  const message = `${describeCall(call.method, call.url)} answered ${answer.status}${location ? ` (redirect to ${location})` : ''}: ${detail.slice(0, 200)}`;
  return retryable(answer.status) ? new Error(message) : new PermanentDeliveryError(message);
}

import { PermanentDeliveryError } from '@intake/core';

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
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
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
 * Throws (retryable) when no answer came; any answer, good or bad, is returned.
 */
export async function callCrm(call: CrmCall): Promise<CrmAnswer> {
  try {
    const response = await fetch(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    return { status: response.status, ok: response.ok, headers: response.headers, text: await response.text() };
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

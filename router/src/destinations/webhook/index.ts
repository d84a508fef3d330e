import { createHmac } from 'node:crypto';
import { PermanentDeliveryError, type DeliveryEvent, type DestinationPlugin, type Receipt, type ServiceRequest } from '@intake/core';
import { z } from 'zod';
import { HTTP_API_CONCURRENCY, destinationOptions } from '../options.js';

export const WebhookOptions = destinationOptions('webhook', HTTP_API_CONCURRENCY).extend({
  url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }),
  /** signs every body; the receiver checks X-Intake-Signature with it */
  secret: z.string().min(1),
  /** extra headers, e.g. the CRM's own API key */
  headers: z.record(z.string(), z.string()).default({}),
  timeout_ms: z.number().int().positive().default(10_000),
});
export type WebhookOptions = z.infer<typeof WebhookOptions>;

const USER_AGENT = 'Intake/0.1 (311 intake gateway; +webhook)';

const signature = (body: Uint8Array | string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** A retry may fix a server error, a timeout or throttling; any other 4xx will be refused again. */
const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

/** The CRM's id for the request, when its JSON answer names one (Open311 answers with a one-element array). */
function crmId(text: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const body = (Array.isArray(parsed) ? parsed[0] : parsed) as Record<string, unknown> | null | undefined;
  if (body === null || typeof body !== 'object') return null;
  const id = body.service_request_id ?? body.id ?? body.external_id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

function headersFor(options: WebhookOptions, body: Buffer, event: DeliveryEvent): Headers {
  const headers = new Headers({ 'User-Agent': USER_AGENT, ...options.headers });
  // Set after the configured extras, so that none of them can replace the contract's headers.
  headers.set('Content-Type', 'application/json');
  headers.set('Idempotency-Key', event.idempotency_key);
  headers.set('X-Intake-Signature', signature(body, options.secret));
  return headers;
}

const networkCause = (error: unknown) => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
};

/** The URL without its query string, which may carry a token. */
const where = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
};

async function post(options: WebhookOptions, body: Buffer, event: DeliveryEvent): Promise<Response> {
  try {
    return await fetch(options.url, {
      method: 'POST',
      headers: headersFor(options, body, event),
      body,
      // A 301/302 would turn the POST into a GET; the operator should configure the final URL instead.
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeout_ms),
    });
  } catch (error) {
    const cause = (error as { name?: string }).name === 'TimeoutError' ? `no answer within ${options.timeout_ms} ms` : networkCause(error);
    throw new Error(`POST ${where(options.url)} failed: ${cause}`);
  }
}

async function deliver(options: WebhookOptions, request: ServiceRequest, event: DeliveryEvent): Promise<Receipt> {
  const body = Buffer.from(JSON.stringify(request));
  const response = await post(options, body, event);
  const text = await response.text();
  if (response.ok) return { status: response.status, external_id: crmId(text) };
  const location = response.headers.get('location');
  const message = `POST ${where(options.url)} answered ${response.status}${location ? ` (redirect to ${location})` : ''}: ${text.slice(0, 200)}`;
  throw retryable(response.status) ? new Error(message) : new PermanentDeliveryError(message);
}

/** POSTs the record as JSON, signed with HMAC-SHA256, to any HTTP endpoint a CRM or integration exposes. */
export const webhookDestination: DestinationPlugin<WebhookOptions> = {
  type: 'webhook',
  options: WebhookOptions,
  create(options) {
    return { type: 'webhook', deliver: (request, event) => deliver(options, request, event) };
  },
};

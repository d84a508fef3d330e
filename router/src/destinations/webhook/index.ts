import { createHmac } from 'node:crypto';
import type { DeliveryEvent, DestinationPlugin, Receipt, ServiceRequest } from '@intake/core';
import { z } from 'zod';
import { callCrm, refusalOf } from '../http.js';
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

/**
 * The configured extras, then the contract's headers, which none of them can replace (header names are compared in
 * lower case, as HTTP does). A plain object: building a fetch Headers cost more than the call's own work.
 */
function headersFor(options: WebhookOptions, body: Buffer, event: DeliveryEvent): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT };
  for (const [name, value] of Object.entries(options.headers)) headers[name.toLowerCase()] = value;
  headers['content-type'] = 'application/json';
  headers['idempotency-key'] = event.idempotency_key;
  headers['x-intake-signature'] = signature(body, options.secret);
  return headers;
}

async function deliver(options: WebhookOptions, request: ServiceRequest, event: DeliveryEvent): Promise<Receipt> {
  const body = Buffer.from(JSON.stringify(request));
  const call = {
    method: 'POST',
    url: options.url,
    headers: headersFor(options, body, event),
    body,
    timeoutMs: options.timeout_ms,
  } as const;
  const answer = await callCrm(call);
  if (answer.ok) return { status: answer.status, external_id: crmId(answer.text) };
  throw refusalOf(call, answer, answer.text);
}

/** POSTs the record as JSON, signed with HMAC-SHA256, to any HTTP endpoint a CRM or integration exposes. */
export const webhookDestination: DestinationPlugin<WebhookOptions> = {
  type: 'webhook',
  options: WebhookOptions,
  create(options) {
    return { type: 'webhook', deliver: (request, event) => deliver(options, request, event) };
  },
};

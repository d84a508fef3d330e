import type { LoadedConfig } from '@intake/core';
import { deliveredRecords } from './harness.js';
import { startLoopbackServer, waitFor, type LoopbackServer } from '@intake/testkit';
import { getExpectedTwilioSignature } from 'twilio';

/** The town's Twilio account in these tests; the REST API is a loopback stand-in. */
export const TWILIO = {
  accountSid: 'AC00000000000000000000000000000001',
  authToken: 'gateway-test-twilio-token',
  number: '+14035550100',
};

export interface TwilioStandIn extends LoopbackServer {
  /** the SMS and WhatsApp messages sent through `POST /2010-04-01/Accounts/<sid>/Messages.json`, oldest first */
  messages(): { To: string; From: string; Body: string }[];
  /** serves `bytes` at the media URL it returns, to the account's credentials only, as Twilio does for MMS */
  addMedia(bytes: Buffer, contentType: string): string;
}

const NOT_FOUND = { status: 404, body: JSON.stringify({ code: 20404, message: 'The requested resource was not found', status: 404 }) };
const hex32 = (n: number) => n.toString(16).padStart(32, '0');

/** Twilio's REST API on loopback: records message creations and answers as Twilio does (201 with the message), and serves MMS media. */
export async function startTwilioStandIn(): Promise<TwilioStandIn> {
  const path = `/2010-04-01/Accounts/${TWILIO.accountSid}/Messages.json`;
  const media = new Map<string, { bytes: Buffer; contentType: string }>();
  const credentials = `Basic ${Buffer.from(`${TWILIO.accountSid}:${TWILIO.authToken}`).toString('base64')}`;
  const server = await startLoopbackServer((request, index) => {
    if (request.method === 'POST' && request.url === path)
      return { status: 201, body: JSON.stringify({ sid: `SM${String(index).padStart(32, '0')}`, status: 'queued' }) };
    const item = request.method === 'GET' ? media.get(request.url) : undefined;
    if (item === undefined) return NOT_FOUND;
    if (request.headers.authorization !== credentials)
      return { status: 401, body: JSON.stringify({ code: 20003, message: 'Authenticate', status: 401 }) };
    return { status: 200, body: item.bytes, headers: { 'content-type': item.contentType } };
  });
  return Object.assign(server, {
    addMedia(bytes: Buffer, contentType: string) {
      const mediaPath = `/2010-04-01/Accounts/${TWILIO.accountSid}/Messages/MM${hex32(media.size + 1)}/Media/ME${hex32(media.size + 1)}`;
      media.set(mediaPath, { bytes, contentType });
      return `${server.url}${mediaPath}`;
    },
    messages: () =>
      server.requests
        .filter((request) => request.url === path)
        .map((request) => Object.fromEntries(new URLSearchParams(request.body)) as { To: string; From: string; Body: string }),
  });
}

export const smsChannel = (twilioApi: TwilioStandIn) => ({
  auth_token: TWILIO.authToken,
  account_sid: TWILIO.accountSid,
  from: TWILIO.number,
  api_url: twilioApi.url,
});

/** POSTs a form as Twilio does, signed over the gateway's public URL (the harness puts it behind a pretend proxy). */
export function postAsTwilio(
  gatewayUrl: string,
  config: LoadedConfig,
  path: string,
  params: Record<string, string>,
  authToken = TWILIO.authToken,
) {
  const signature = getExpectedTwilioSignature(authToken, `${config.server.public_url}${path}`, params);
  return fetch(`${gatewayUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
}

/** The record a webhook CRM received for a request id, parsed. */
export const deliveredRecord = (crm: LoopbackServer, id: string) => deliveredRecords(crm).find((record) => record.id === id);

/** Lets queued work that should not happen have its chance to happen. */
export const settle = (ms = 700) => new Promise((resolve) => setTimeout(resolve, ms));

/** The intake routes answer 503 until the gateway's Redis connection is up. */
export const untilReady = (gatewayUrl: string) =>
  waitFor(async () => (await fetch(`${gatewayUrl}/readyz`)).status === 200, 5_000, 'readiness');

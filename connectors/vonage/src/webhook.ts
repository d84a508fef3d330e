import { IntakeError, badRequest, type InboundMessageInput, type MessagePart } from '@intake/core';
import { SMS } from '@vonage/sms';
import { z } from 'zod';
import { SIGNATURE_METHODS, type VonageSettings } from './settings.js';

export const VONAGE_CHANNEL = 'vonage-sms';

const partNumber = z.coerce.number().int().min(1).max(255);

/** The fields of Vonage's inbound SMS webhook that make a message; the rest (type, keyword) are signed, not kept. */
const InboundSms = z.object({
  msisdn: z.string().regex(/^\d{6,15}$/, 'must be the sender number in international format'),
  to: z.string().min(1).max(64),
  messageId: z.string().min(1).max(100),
  text: z.string().max(20_000).default(''),
  api_key: z.string().min(1),
  timestamp: z.string().regex(/^\d+$/, 'must be the signing time in seconds'),
  sig: z.string().min(1),
  /** a long text comes as parts, each its own webhook: `concat-ref` ties them, `concat-part` of `concat-total` orders them */
  concat: z.enum(['true', 'false']).optional(),
  'concat-ref': z.string().min(1).max(64).optional(),
  'concat-part': partNumber.optional(),
  'concat-total': partNumber.optional(),
});

/** A text as the webhook gave it: the whole message, or one part of it to be joined with the others. */
export interface VerifiedSms {
  message: InboundMessageInput;
  part: (MessagePart & { key: string }) | null;
}

/** Vonage signs the values as strings, GET query or POST body alike. */
function asStrings(params: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => [key, String(value)]),
  );
}

const forbidden = (message: string) => new IntakeError(401, 'invalid_signature', message);

/**
 * Checks the webhook's signature with Vonage's own code (@vonage/sms verifySignature), that it is for this account
 * and recent, and turns it into a message. Throws a 401 on any doubt about the sender, a 400 on a malformed body.
 */
export function verifiedMessage(raw: Record<string, unknown>, settings: VonageSettings, now = Date.now()): VerifiedSms {
  const params = asStrings(raw);
  if (params.sig === undefined) throw forbidden('the webhook is not signed: turn on signed webhooks for the account');
  const parsed = InboundSms.safeParse(params);
  if (!parsed.success)
    throw badRequest(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '), 'invalid_webhook');
  const sms = parsed.data;
  // the SMS client is only the holder of the check here: it sends nothing, so its credentials are not used
  const verifier = new SMS({ apiKey: settings.api_key, apiSecret: 'unused' });
  if (!verifier.verifySignature(sms.sig, params, settings.signature_secret, SIGNATURE_METHODS[settings.signature_method])) {
    throw forbidden('the signature does not match');
  }
  if (sms.api_key !== settings.api_key) throw forbidden('the webhook is for another Vonage account');
  if (Math.abs(now / 1000 - Number(sms.timestamp)) > settings.max_age_seconds) throw forbidden('the signature is too old');
  const phone = `+${sms.msisdn}`;
  const part = partOf(sms);
  return {
    message: {
      channel: VONAGE_CHANNEL,
      // the parts of one text share its reference, not a message id: the joined text is known by the reference
      external_id: part === null ? sms.messageId : part.key,
      sender: { name: null, phone, email: null, handle: null },
      text: sms.text,
      reply_to: { channel: VONAGE_CHANNEL, to: phone, from: sms.to, thread: [], subject: null },
    },
    part,
  };
}

function partOf(sms: z.infer<typeof InboundSms>): VerifiedSms['part'] {
  if (sms.concat !== 'true') return null;
  const { 'concat-ref': ref, 'concat-part': index, 'concat-total': total } = sms;
  if (ref === undefined || index === undefined || total === undefined || index > total)
    throw badRequest('a concatenated part needs concat-ref, and a concat-part no greater than concat-total', 'invalid_webhook');
  return { key: `concat-${sms.msisdn}-${ref}`, index, total, text: sms.text };
}

import { maskPhone, type LoadedConfig, type Logger, type OutboundReply, type ReplyAddress, type Responder } from '@intake/core';
import { request } from 'undici';
import { smsSettings } from './settings.js';

/** Twilio's own client waits this long for an answer; a reply that gets none is retried by the reply queue. */
const SEND_TIMEOUT_MS = 30_000;

/** Twilio addresses WhatsApp numbers as `whatsapp:+1...`; replies keep the bare number. */
const twilioAddress = (channel: ReplyAddress['channel'], number: string) =>
  channel === 'whatsapp' && !number.startsWith('whatsapp:') ? `whatsapp:${number}` : number;

/** What the Messages API answers: the message's sid, or why it refused (`code`, `message`). */
interface MessagesAnswer {
  sid?: string;
  code?: number;
  message?: string;
}

/**
 * Replies by SMS or WhatsApp through Twilio's REST API (a POST to the account's Messages resource, under `api_url`,
 * whose path prefix is kept: a stand-in or an egress proxy); null when `channels.sms` has no account to send with.
 * One undici request rather than twilio's client, whose axios stack cost about as much CPU as the rest of a reply.
 */
export function createTwilioResponder(config: LoadedConfig, log: Logger): Responder | null {
  const sms = smsSettings(config);
  if (sms?.account_sid === undefined) return null;
  const apiUrl = new URL(sms.api_url);
  const messagesUrl = new URL(`${apiUrl.pathname.replace(/\/+$/, '')}/2010-04-01/Accounts/${sms.account_sid}/Messages.json`, apiUrl.origin);
  const headers = {
    authorization: `Basic ${Buffer.from(`${sms.account_sid}:${sms.auth_token}`).toString('base64')}`,
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  return {
    channels: ['sms', 'whatsapp'],
    async send(to, reply: OutboundReply) {
      const from = to.from ?? sms.from;
      if (from === undefined) throw new Error('no number to send from: set channels.sms.from');
      const body = new URLSearchParams({ To: twilioAddress(to.channel, to.to), From: twilioAddress(to.channel, from), Body: reply.text });
      const response = await request(messagesUrl, {
        method: 'POST',
        headers,
        body: body.toString(),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      const answer = (await response.body.json().catch(() => ({}))) as MessagesAnswer;
      if (response.statusCode < 200 || response.statusCode >= 300)
        throw new Error(
          `Twilio refused the message (${response.statusCode}${answer.code === undefined ? '' : `, code ${answer.code}`}): ${answer.message ?? 'no reason given'}`,
        );
      log.info(
        { channel: to.channel, kind: reply.kind, reference: reply.reference, recipient: maskPhone(to.to), sid: answer.sid },
        'reply sent',
      );
    },
  };
}

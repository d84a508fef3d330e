import { maskPhone, type LoadedConfig, type Logger, type OutboundReply, type ReplyAddress, type Responder } from '@intake/core';
import twilio, { RequestClient } from 'twilio';
import { smsSettings } from './settings.js';

const TWILIO_API_HOST = 'api.twilio.com';

type RequestOptions<T> = Parameters<RequestClient['request']>[0] & { data?: T };

/** Sends the client's requests to another base URL (a stand-in in tests, or an egress proxy), path and query kept. */
class RebasedRequestClient extends RequestClient {
  constructor(private readonly base: URL) {
    super();
  }

  override request<TData>(options: RequestOptions<TData>) {
    const target = new URL(options.uri);
    const prefix = this.base.pathname.replace(/\/+$/, '');
    return super.request<TData>({ ...options, uri: new URL(`${prefix}${target.pathname}${target.search}`, this.base.origin).href });
  }
}

/** Twilio addresses WhatsApp numbers as `whatsapp:+1...`; replies keep the bare number. */
const twilioAddress = (channel: ReplyAddress['channel'], number: string) =>
  channel === 'whatsapp' && !number.startsWith('whatsapp:') ? `whatsapp:${number}` : number;

/** Replies by SMS or WhatsApp through Twilio's REST API; null when `channels.sms` has no account to send with. */
export function createTwilioResponder(config: LoadedConfig, log: Logger): Responder | null {
  const sms = smsSettings(config);
  if (sms?.account_sid === undefined) return null;
  const apiUrl = new URL(sms.api_url);
  const client = twilio(sms.account_sid, sms.auth_token, {
    httpClient: apiUrl.hostname === TWILIO_API_HOST ? undefined : new RebasedRequestClient(apiUrl),
  });
  return {
    channels: ['sms', 'whatsapp'],
    async send(to, reply: OutboundReply) {
      const from = to.from ?? sms.from;
      if (from === undefined) throw new Error('no number to send from: set channels.sms.from');
      const message = await client.messages.create({
        to: twilioAddress(to.channel, to.to),
        from: twilioAddress(to.channel, from),
        body: reply.text,
      });
      log.info(
        { channel: to.channel, kind: reply.kind, reference: reply.reference, recipient: maskPhone(to.to), sid: message.sid },
        'reply sent',
      );
    },
  };
}

import { maskPhone, type LoadedConfig, type Logger, type OutboundReply, type Responder } from '@intake/core';
import { SMS } from '@vonage/sms';
import { vonageSettings } from './settings.js';
import { VONAGE_CHANNEL } from './webhook.js';

/** What Vonage's SMS API says of a message it did not take (`status` other than "0", with `error-text`). */
interface Refusal {
  getFailedMessages(): { status: string; errorText?: string }[];
}

const refusalText = (error: unknown): string => {
  const failed = (error as Partial<Refusal>).getFailedMessages?.() ?? [];
  return failed.length === 0 ? (error as Error).message : failed.map((m) => `status ${m.status}: ${m.errorText ?? 'refused'}`).join('; ');
};

/**
 * Replies through Vonage's SMS API (@vonage/sms, which signs in with the account's key and secret), from the number
 * the citizen wrote to; null when `channels.vonage` has no `api_secret` to send with.
 */
export function createVonageResponder(config: LoadedConfig, log: Logger): Responder | null {
  const settings = vonageSettings(config);
  if (settings?.api_secret === undefined) return null;
  const client = new SMS({ apiKey: settings.api_key, apiSecret: settings.api_secret }, { restHost: settings.api_url.replace(/\/+$/, '') });
  return {
    channels: [VONAGE_CHANNEL],
    async send(to, reply: OutboundReply) {
      if (to.from === null) throw new Error('no Vonage number to send from: the reply address has none');
      // Vonage writes numbers without the "+"
      const sent = await client.send({ to: to.to.replace(/^\+/, ''), from: to.from, text: reply.text }).catch((error: unknown) => {
        throw new Error(`Vonage did not send the reply: ${refusalText(error)}`, { cause: error });
      });
      log.info(
        { channel: to.channel, kind: reply.kind, reference: reply.reference, recipient: maskPhone(to.to), id: sent.messages[0]?.messageId },
        'reply sent',
      );
    },
  };
}

import type { LoadedConfig, Logger, OutboundReply, ReplyAddress, Responder } from '@intake/core';
import type { Texts } from '@intake/i18n';
import { WebClient } from '@slack/web-api';
import { webClientOptions } from './client.js';
import { slackSettings } from './settings.js';
import { escapeMarkup } from './text.js';

/** The metadata type on every message we post: a reply in its thread finds the request again through it. */
export const REPLY_EVENT_TYPE = 'intake_reply';

function replyMarkup(reply: OutboundReply, texts: Texts): string {
  const text = escapeMarkup(reply.text);
  // only a thread reply can be matched to the request; a new message in the DM would be a new report
  return reply.kind === 'question'
    ? `${text}\n_${escapeMarkup(texts.t(reply.language, 'reply.thread_hint', { reference: reply.reference }))}_`
    : text;
}

/**
 * Posts to where the report came from: the thread of the mention or direct message, or, for a form, a direct
 * message to the person (a channel id of a user opens the app's DM with them).
 */
export function createSlackResponder(config: LoadedConfig, log: Logger, texts: Texts): Responder | null {
  const slack = slackSettings(config);
  if (slack === undefined) return null;
  const client = new WebClient(slack.bot_token, webClientOptions(slack, log));
  return {
    channels: ['slack'],
    async send(to: ReplyAddress, reply: OutboundReply) {
      const posted = await client.chat.postMessage({
        channel: to.from ?? to.to,
        thread_ts: to.thread[0],
        text: replyMarkup(reply, texts),
        unfurl_links: false,
        unfurl_media: false,
        metadata: {
          event_type: REPLY_EVENT_TYPE,
          event_payload: { request_id: reply.request_id, reference: reply.reference, kind: reply.kind },
        },
      });
      log.info({ channel: 'slack', kind: reply.kind, reference: reply.reference, user: to.to, ts: posted.ts }, 'reply sent');
    },
  };
}

import { createHash } from 'node:crypto';
import {
  QueueUnavailableError,
  publicLink,
  type Accepted,
  type Connector,
  type ConnectorContext,
  type FollowUp,
  type RepeatKey,
} from '@intake/core';
import type { Router } from 'express';
import { parseTwilioMessage, type ParsedSms } from './message.js';
import { fetchTwilioMedia } from './media.js';
import { createTwilioResponder } from './responder.js';
import { SMS_KEY, SmsSettings, TEXTING_TRAITS, smsSettings } from './settings.js';
import { messagingTwiml } from './twiml.js';
import { sendTwiml, twilioWebhook } from './webhook.js';

export { describeIssues } from './issues.js';
export { parseTwilioMessage, keywordOf, type ParsedSms, type Keyword, type SmsChannel } from './message.js';
export { createTwilioResponder } from './responder.js';
export { SmsSettings, TEXTING_TRAITS, smsSettings } from './settings.js';
export { fetchTwilioMedia } from './media.js';
export { publicBase, publicUrl, sendTwiml, twilioWebhook } from './webhook.js';

export const SMS_ROUTE = '/webhooks/twilio/sms';

/**
 * STOP/START/HELP are answered here, as carriers require, and make no request; the keywords are English, so is the
 * answer unless the town's default differs. STATUS is not among them: it is the citizen's question (`ctx.followUp`).
 */
async function answerKeyword(ctx: ConnectorContext, sms: ParsedSms): Promise<string> {
  const { texts } = ctx;
  const language = texts.defaultLanguage;
  switch (sms.keyword) {
    case 'stop':
      await ctx.optOuts.optOut(sms.channel, sms.phone);
      return texts.t(language, 'sms.stopped');
    case 'start':
      await ctx.optOuts.optIn(sms.channel, sms.phone);
      return texts.t(language, 'sms.started');
    default: {
      const url = ctx.config.server.public_url;
      return url === undefined ? texts.t(language, 'sms.help') : texts.t(language, 'sms.help_with_web', { url });
    }
  }
}

/** What the text is to the sender's reports: STATUS, a follow-up that asks or adds, thanks, or a new message. */
async function followUpOf(ctx: ConnectorContext, sms: ParsedSms): Promise<FollowUp> {
  if (ctx.followUp === undefined) return { kind: 'new' };
  const message = { address: sms.phone, text: sms.message.text ?? '', media: sms.message.media?.length ?? 0 };
  return ctx.followUp({ ...message, request_id: null, latest_counts: true });
}

/** What the TwiML reply says, the report it answers (none for a keyword or a status) and, for an acknowledgement, its repeat key. */
interface Answer {
  text: string;
  accepted: Accepted | null;
  once?: RepeatKey;
}

/** The answer, or null when the sender opted out: a report still counts, but we stay silent. */
async function answer(ctx: ConnectorContext, sms: ParsedSms): Promise<Answer | null> {
  if (sms.keyword !== null || sms.empty) return { text: await answerKeyword(ctx, sms), accepted: null };
  // read before the write: a Redis failure here is a 503 with nothing written, and none after the write can turn
  // an acknowledged message into an error
  const [optedOut, followUp] = await Promise.all([ctx.optOuts.isOptedOut(sms.channel, sms.phone), followUpOf(ctx, sms)]).catch(
    (error: unknown) => {
      throw new QueueUnavailableError(error);
    },
  );
  // asking makes no request, and thanks are nothing to act on
  if (followUp.kind === 'status') return optedOut ? null : { text: followUp.answer.text, accepted: null };
  if (followUp.kind === 'nothing') return null;
  const accepted = await ctx.accept(followUp.kind === 'adds' ? { ...sms.message, continues: followUp.request_id } : sms.message);
  if (optedOut) return null;
  if (accepted.continues === null) {
    const language = ctx.texts.forText(sms.message.text ?? '');
    const link = accepted.tracking_path === null ? null : publicLink(ctx.config.server.public_url, accepted.tracking_path);
    // a question asks for no work: it is told it was passed on, as the acknowledgement sent later tells other channels
    const asks = ctx.intentOf?.(sms.message.text ?? '') === 'question';
    const thanks = ctx.texts.t(language, asks ? 'reply.question_passed_on' : 'reply.acknowledgement', { reference: accepted.reference });
    const text = link === null ? thanks : `${thanks} ${ctx.texts.t(language, 'reply.follow', { link })}`;
    // Twilio sending the same MessageSid again lost our first answer: it gets it again, so only a new one is a repeat
    return { text, accepted, ...(!accepted.duplicate && { once: repeatOf(ctx, sms) }) };
  }
  const language = await conversationLanguage(ctx, accepted.continues);
  return { text: ctx.texts.t(language, 'reply.continued', { reference: accepted.reference }), accepted };
}

/** The words of a text as a repeat would spell them again: case, accents, spacing and punctuation aside. */
const gist = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();

/**
 * A number that sends the same words again within the sender window (a flood, or a citizen's impatience) gets
 * one acknowledgement, not one each.
 */
function repeatOf(ctx: ConnectorContext, sms: ParsedSms): RepeatKey {
  const digest = createHash('sha256')
    .update(`${sms.channel}\n${sms.phone}\n${gist(sms.message.text ?? '')}`)
    .digest('base64url')
    .slice(0, 22);
  return { key: `sms-ack:${digest}`, seconds: Math.max(60, ctx.config.dedupe.sender_window_minutes * 60) };
}

/** An answer ("211 Bear St") says little of its language: the conversation goes on in the report's. */
async function conversationLanguage(ctx: ConnectorContext, requestId: string): Promise<string> {
  const report = await ctx.requests?.get(requestId).catch(() => null);
  return ctx.texts.pick(report?.record.language);
}

/** Logs the answer to a report, and tells whether it is to be given: a repeat's is not. */
async function said(ctx: ConnectorContext, sms: ParsedSms, answered: Answer): Promise<boolean> {
  if (answered.accepted === null || ctx.answered === undefined) return true;
  return ctx.answered(answered.accepted, sms.channel, answered.text, answered.once);
}

function mount(router: Router, ctx: ConnectorContext): void {
  const authToken = smsSettings(ctx.config)?.auth_token;
  if (authToken === undefined) return;
  router.post(SMS_ROUTE, ...twilioWebhook(ctx.config, authToken, 'sms'), async (req, res) => {
    const sms = parseTwilioMessage(req.body);
    const answered = await answer(ctx, sms);
    sendTwiml(res, messagingTwiml(answered !== null && (await said(ctx, sms, answered)) ? answered.text : null));
  });
}

/** SMS, MMS and WhatsApp through Twilio: the signed webhook in, replies out through Twilio's REST API. */
export const smsConnector: Connector<SmsSettings> = {
  key: SMS_KEY,
  channels: [
    { name: 'sms', traits: TEXTING_TRAITS },
    { name: 'whatsapp', traits: TEXTING_TRAITS },
  ],
  settings: SmsSettings,
  enabled: (config) => smsSettings(config) !== undefined,
  mount,
  responder: createTwilioResponder,
  fetchMedia: fetchTwilioMedia,
};

import type { Connector, ConnectorContext } from '@intake/core';
import type { Router } from 'express';
import { twiml } from 'twilio';
import { parseTwilioMessage, type ParsedSms } from './message.js';
import { createTwilioResponder } from './responder.js';
import { smsText } from './texts.js';
import { sendTwiml, twilioWebhook } from './webhook.js';

export { describeIssues } from './issues.js';
export { parseTwilioMessage, keywordOf, type ParsedSms, type Keyword, type SmsChannel } from './message.js';
export { createTwilioResponder } from './responder.js';
export { publicBase, publicUrl, sendTwiml, twilioWebhook } from './webhook.js';

export const SMS_ROUTE = '/webhooks/twilio/sms';

/** STOP/START/HELP are answered here, as carriers require, and make no request. */
async function answerKeyword(ctx: ConnectorContext, sms: ParsedSms): Promise<string> {
  switch (sms.keyword) {
    case 'stop':
      await ctx.optOuts.optOut(sms.channel, sms.phone);
      return smsText.stopped(ctx.config);
    case 'start':
      await ctx.optOuts.optIn(sms.channel, sms.phone);
      return smsText.started(ctx.config);
    default:
      return smsText.help(ctx.config);
  }
}

/** The TwiML reply's text, or null when the sender opted out: a report still counts, but we stay silent. */
async function answer(ctx: ConnectorContext, sms: ParsedSms): Promise<string | null> {
  if (sms.keyword !== null || sms.empty) return answerKeyword(ctx, sms);
  const accepted = await ctx.accept(sms.message);
  if (await ctx.optOuts.isOptedOut(sms.channel, sms.phone)) return null;
  return accepted.continues === null ? smsText.acknowledgement(ctx.config, accepted.id) : smsText.continued(ctx.config, accepted.continues);
}

function mount(router: Router, ctx: ConnectorContext): void {
  const authToken = ctx.config.channels.sms?.auth_token;
  if (authToken === undefined) return;
  router.post(SMS_ROUTE, ...twilioWebhook(ctx.config, authToken, 'sms'), async (req, res) => {
    const reply = new twiml.MessagingResponse();
    const text = await answer(ctx, parseTwilioMessage(req.body));
    if (text !== null) reply.message(text);
    sendTwiml(res, reply);
  });
}

/** SMS, MMS and WhatsApp through Twilio: the signed webhook in, replies out through Twilio's REST API. */
export const smsConnector: Connector = {
  channel: 'sms',
  enabled: (config) => config.channels.sms !== undefined,
  mount,
  responder: createTwilioResponder,
};

import type { Connector, ConnectorContext } from '@intake/core';
import express, { type Request, type Router } from 'express';
import { createVonageResponder } from './responder.js';
import { VONAGE_KEY, VonageSettings, vonageSettings } from './settings.js';
import { VONAGE_CHANNEL, verifiedMessage } from './webhook.js';

export { createVonageResponder } from './responder.js';
export { VonageSettings } from './settings.js';
export { verifiedMessage, VONAGE_CHANNEL } from './webhook.js';

export const VONAGE_ROUTE = '/webhooks/vonage/sms';
/** Vonage delivers the parts of one text within moments; a day covers its retries of any of them. */
const PARTS_KEPT_SECONDS = 24 * 3600;

function mount(router: Router, ctx: ConnectorContext): void {
  const settings = vonageSettings(ctx.config);
  if (settings === undefined) return;
  const limit = ctx.config.server.body_limit;
  // the account chooses GET, POST or POST-JSON for its inbound webhook; all three carry the same signed fields
  const take = async (params: Request['query'] | Record<string, unknown>) => {
    const { message, part } = verifiedMessage(params, settings);
    if (part === null) return ctx.accept(message);
    const texts = await ctx.parts(`${VONAGE_CHANNEL}:${part.key}`, part, PARTS_KEPT_SECONDS);
    // a part is taken (204) while the others are on their way; the last one makes the message
    return texts === null ? null : ctx.accept({ ...message, text: texts.join('') });
  };
  router.get(VONAGE_ROUTE, async (req, res) => {
    await take(req.query);
    res.status(204).end();
  });
  router.post(VONAGE_ROUTE, express.json({ limit }), express.urlencoded({ extended: false, limit }), async (req, res) => {
    await take((req.body ?? {}) as Record<string, unknown>);
    res.status(204).end();
  });
}

/** Texts to a Vonage number (Vonage's SMS API inbound webhook, signed). Vonage retries anything but a 2xx. */
export const vonageConnector: Connector<VonageSettings> = {
  key: VONAGE_KEY,
  channels: [{ name: VONAGE_CHANNEL, traits: { followUpBySender: true, repliesByPhone: true } }],
  settings: VonageSettings,
  enabled: (config) => vonageSettings(config) !== undefined,
  mount,
  responder: createVonageResponder,
};

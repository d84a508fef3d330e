import type { Connector, ConnectorContext } from '@intake/core';
import express, { type Request, type Router } from 'express';
import { VONAGE_KEY, VonageSettings, vonageSettings } from './settings.js';
import { VONAGE_CHANNEL, verifiedMessage } from './webhook.js';

export { VonageSettings } from './settings.js';
export { verifiedMessage, VONAGE_CHANNEL } from './webhook.js';

export const VONAGE_ROUTE = '/webhooks/vonage/sms';

function mount(router: Router, ctx: ConnectorContext): void {
  const settings = vonageSettings(ctx.config);
  if (settings === undefined) return;
  const limit = ctx.config.server.body_limit;
  // the account chooses GET, POST or POST-JSON for its inbound webhook; all three carry the same signed fields
  const take = async (params: Request['query'] | Record<string, unknown>) => ctx.accept(verifiedMessage(params, settings));
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
};

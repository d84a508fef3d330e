import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  IntakeError,
  OptOuts,
  createLogger,
  parseConfig,
  type Accepted,
  type ConfigInput,
  type Connector,
  type ConnectorContext,
  type InboundMessageInput,
  type LoadedConfig,
} from '@intake/core';
import { REDIS_URL, deletePrefix, uniquePrefix } from '@intake/testkit';
import express, { type ErrorRequestHandler, type Router } from 'express';
import { Redis } from 'ioredis';
import { getExpectedTwilioSignature } from 'twilio';

export const AUTH_TOKEN = 'sms-test-auth-token';
export const PUBLIC_URL = 'https://intake.springfield.example/gateway';

/** A town that is not Banff: nothing in the connector may depend on the demo data. */
export const testConfig = (channels: ConfigInput['channels'] = { sms: { auth_token: AUTH_TOKEN } }): LoadedConfig =>
  parseConfig(
    {
      jurisdiction: { id: 'springfield.example', name: 'City of Springfield', country: 'US' },
      server: { public_url: PUBLIC_URL, body_limit: '16kb' },
      channels,
      services: [{ code: 'POTHOLE', name: 'Pothole' }],
      router: { destinations: {} },
    },
    { base_dir: __dirname, source: 'test' },
  );

/** The gateway's error handler in miniature: IntakeError and body-parser errors as `{ error: { code, message } }`. */
const jsonErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  if (error instanceof IntakeError) {
    res.status(error.status).json({ error: { code: error.code, message: error.message } });
    return;
  }
  const status = (error as { status?: unknown }).status;
  res.status(typeof status === 'number' ? status : 500).json({ error: { code: 'bad_request', message: (error as Error).message } });
};

export interface ConnectorApp {
  url: string;
  config: LoadedConfig;
  /** every message the connector handed to accept, in order */
  accepted: InboundMessageInput[];
  optOuts: OptOuts;
  /** what accept answers next; by default a fresh id that continues nothing */
  answer: (message: InboundMessageInput) => Accepted;
  close(): Promise<void>;
}

/**
 * A connector mounted on a real express server (port 0) with a ConnectorContext stand-in that records what it accepts;
 * opt-outs are the real ones, on Redis under a unique prefix.
 */
export async function startConnectorApp(
  mount: (router: Router, ctx: ConnectorContext) => void,
  config: LoadedConfig = testConfig(),
): Promise<ConnectorApp> {
  const prefix = uniquePrefix('sms');
  const redis = new Redis(REDIS_URL);
  const optOuts = new OptOuts(redis, prefix);
  const app: Omit<ConnectorApp, 'url' | 'close'> = {
    config,
    accepted: [],
    optOuts,
    answer: () => ({ id: `01JTEST${randomUUID().replace(/-/g, '').slice(0, 19).toUpperCase()}`, duplicate: false, continues: null }),
  };
  const ctx: ConnectorContext = {
    config,
    log: createLogger({ level: 'silent' }),
    suggestAddresses: () => [],
    optOuts,
    async accept(message) {
      app.accepted.push(message);
      return app.answer(message);
    },
  };
  const server = express();
  const router = express.Router();
  mount(router, ctx);
  server.use(router);
  server.use(jsonErrors);
  const listening = server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => listening.once('listening', resolve));
  const { port } = listening.address() as AddressInfo;
  return Object.assign(app, {
    url: `http://127.0.0.1:${port}`,
    async close() {
      listening.closeAllConnections();
      await new Promise((resolve) => listening.close(resolve));
      redis.disconnect();
      await deletePrefix(prefix);
    },
  });
}

/** POSTs a form as Twilio does: signed with the auth token over the public URL of the path. */
export function postSigned(url: string, path: string, params: Record<string, string>, options: { authToken?: string; publicUrl?: string } = {}) {
  const signature = getExpectedTwilioSignature(options.authToken ?? AUTH_TOKEN, `${options.publicUrl ?? PUBLIC_URL}${path}`, params);
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
}

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  createFastFailRedis,
  createLogger,
  InboundMessage,
  IntakeError,
  parseConfig,
  QUEUE,
  OptOuts,
  QueueUnavailableError,
  type AddressSuggestion,
  type ConfigInput,
  type ConnectorContext,
  type LoadedConfig,
} from '@intake/core';
import { Queue } from 'bullmq';
import express, { type ErrorRequestHandler } from 'express';
import { webConnector } from '../src/index.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A town that is not Banff: nothing in the connector may depend on the demo data. */
export const ADDRESSES: AddressSuggestion[] = [
  { label: '12 Maple Street', lat: 44.6521, long: -63.5874 },
  { label: '14 Maple Street', lat: 44.6523, long: -63.5876 },
  { label: '210 Harbour Road', lat: 44.6488, long: -63.5752 },
  { label: '211 Harbour Road', lat: 44.6489, long: -63.5754 },
  { label: '5 Mill Lane', lat: 44.6555, long: -63.5901 },
];

export const baseConfig = (): ConfigInput => ({
  jurisdiction: { id: 'testville.example', name: 'Town of Testville', country: 'CA' },
  server: { body_limit: '16kb' },
  channels: { web: {} },
  services: [
    { code: 'POTHOLE', name: 'Pothole', group: 'Streets' },
    { code: 'STREETLIGHT', name: 'Streetlight out', group: 'Streets' },
    { code: 'GRAFFITI', name: 'Graffiti', group: 'Parks' },
    { code: 'OTHER', name: 'Something else' },
  ],
  router: { destinations: {} },
});

/** The gateway's error handler in miniature: IntakeError and body-parser errors as `{ error: { code, message } }`. */
const jsonErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  if (error instanceof IntakeError) {
    res.status(error.status).set(error.headers).json({ error: { code: error.code, message: error.message } });
    return;
  }
  const status = (error as { status?: unknown }).status;
  const clientError = typeof status === 'number' && status >= 400 && status < 500;
  res.status(clientError ? status : 500).json({ error: { code: clientError ? 'bad_request' : 'internal', message: (error as Error).message } });
};

export interface WebApp {
  url: string;
  config: LoadedConfig;
  queue: Queue;
  /** jobs on the intake queue, oldest first */
  jobs(): Promise<InboundMessage[]>;
  close(): Promise<void>;
}

/** The web connector on a real express server (port 0), accepting into a real BullMQ queue on a unique prefix. */
export async function startWebApp(options: { config?: ConfigInput; redisUrl?: string } = {}): Promise<WebApp> {
  const config = parseConfig(options.config ?? baseConfig(), { base_dir: __dirname, source: 'test' });
  const connection = createFastFailRedis(options.redisUrl ?? REDIS_URL, { retryStrategy: () => null });
  connection.on('error', () => undefined);
  const prefix = `test-${randomUUID()}`;
  const queue = new Queue(QUEUE.intake, { connection, prefix });
  queue.on('error', () => undefined);
  const seen = new Map<string, string>();

  const ctx: ConnectorContext = {
    config,
    log: createLogger({ level: 'silent' }),
    optOuts: new OptOuts(connection, prefix),
    suggestAddresses: (query, limit) => ADDRESSES.filter((a) => a.label.toLowerCase().includes(query.toLowerCase())).slice(0, limit),
    async accept(input) {
      const earlier = input.external_id ? seen.get(input.external_id) : undefined;
      if (earlier !== undefined) return { id: earlier, duplicate: true, continues: null };
      const message = InboundMessage.parse({ ...input, id: randomUUID(), received_at: new Date().toISOString() });
      try {
        await queue.add('inbound', message, { jobId: message.id });
      } catch (error) {
        throw new QueueUnavailableError(error);
      }
      if (message.external_id) seen.set(message.external_id, message.id);
      return { id: message.id, duplicate: false, continues: null };
    },
  };

  const app = express();
  const router = express.Router();
  webConnector.mount(router, ctx);
  app.use(router);
  app.use(jsonErrors);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    config,
    queue,
    async jobs() {
      const jobs = await queue.getJobs(['waiting'], 0, -1, true);
      return jobs.map((job) => job.data as InboundMessage);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      if (connection.status === 'ready') await queue.obliterate({ force: true });
      await queue.close();
      // a connection that never opened has already ended; disconnecting it again leaves a 2 s timer behind
      if (connection.status !== 'end') await connection.quit();
    },
  };
}

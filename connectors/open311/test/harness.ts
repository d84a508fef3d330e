import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  InboundMessage,
  OptOuts,
  QUEUE,
  QueueUnavailableError,
  RequestStore,
  createFastFailRedis,
  createLogger,
  parseConfig,
  type ConfigInput,
  type ConnectorContext,
  type LoadedConfig,
  type ServiceRequest,
  type StoredRequest,
} from '@intake/core';
import { REDIS_URL, deletePrefix } from '@intake/testkit';
import { Queue } from 'bullmq';
import express from 'express';
import { open311Connector } from '../src/index.js';

export const API_KEY = 'app-key-1';

/** A town that is not Banff: nothing in the connector may depend on the demo data. */
export const baseConfig = (): ConfigInput => ({
  jurisdiction: { id: 'testville.example', name: 'Town of Testville', country: 'CA' },
  server: { body_limit: '16kb' },
  channels: { open311: { api_keys: ['old-key', API_KEY] } },
  services: [
    { code: 'POTHOLE', name: 'Pothole', group: 'Streets', description: 'A hole in the road', keywords: ['pothole', 'pot hole'] },
    { code: 'STREETLIGHT', name: 'Streetlight out', group: 'Streets' },
    { code: 'OTHER', name: 'Something else' },
  ],
  router: { destinations: {} },
});

export interface Open311App {
  url: string;
  config: LoadedConfig;
  store: RequestStore;
  /** messages on the intake queue, oldest first */
  queued(): Promise<InboundMessage[]>;
  /** a stored request as the normalizer would have saved it */
  save(change: Partial<ServiceRequest>, extra?: Partial<StoredRequest>): Promise<StoredRequest>;
  close(): Promise<void>;
}

/** A record as the normalizer makes it, for a town near 44.65,-63.58. */
export function buildRecord(change: Partial<ServiceRequest> = {}): ServiceRequest {
  return {
    id: randomUUID(),
    event: 'service_request.created',
    channel: 'sms',
    received_at: new Date().toISOString(),
    reporter: { name: 'Jane Doe', phone: '+19025550123', email: 'jane@example.org' },
    description: 'big pothole outside 12 Maple Street',
    service_code: 'POTHOLE',
    service_name: 'Pothole',
    location: { lat: 44.6521, long: -63.5874, address: '12 Maple Street', precision: 'address', source: 'gazetteer', in_jurisdiction: true },
    media: [],
    source: { external_id: null, conversation_id: null },
    duplicate_of: null,
    routing: { rule: null, priority: 'normal' },
    ...change,
  };
}

/** The connector on a real express server (port 0): accepting into a real BullMQ queue, reading a real RequestStore. */
export async function startOpen311App(options: { config?: ConfigInput; redisUrl?: string; withRequests?: boolean } = {}): Promise<Open311App> {
  const config = parseConfig(options.config ?? baseConfig(), { base_dir: __dirname, source: 'test' });
  const connection = createFastFailRedis(options.redisUrl ?? REDIS_URL, { retryStrategy: () => null });
  connection.on('error', () => undefined);
  const prefix = `test-${randomUUID()}`;
  const queue = new Queue(QUEUE.intake, { connection, prefix });
  queue.on('error', () => undefined);
  const store = new RequestStore(connection, prefix);

  const ctx: ConnectorContext = {
    config,
    log: createLogger({ level: 'silent' }),
    optOuts: new OptOuts(connection, prefix),
    suggestAddresses: () => [],
    requests: options.withRequests === false ? undefined : store,
    async accept(input) {
      const message = InboundMessage.parse({ ...input, id: randomUUID(), received_at: new Date().toISOString() });
      try {
        await queue.add('inbound', message, { jobId: message.id });
      } catch (error) {
        throw new QueueUnavailableError(error);
      }
      return { id: message.id, duplicate: false, continues: null };
    },
  };

  const app = express();
  const router = express.Router();
  open311Connector.mount(router, ctx);
  app.use(router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    config,
    store,
    async queued() {
      const jobs = await queue.getJobs(['waiting'], 0, -1, true);
      return jobs.map((job) => job.data as InboundMessage);
    },
    async save(change, extra = {}) {
      const stored: StoredRequest = {
        record: buildRecord(change),
        state: 'routed',
        reply_to: null,
        service_confidence: 1,
        crm: { status: null, external_id: null },
        updated_at: new Date().toISOString(),
        ...extra,
      };
      await store.save(stored);
      return stored;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await queue.close();
      await deletePrefix(prefix);
      connection.disconnect();
    },
  };
}

import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  InboundMessage,
  IntakeError,
  OptOuts,
  partsOn,
  QUEUE,
  QueueUnavailableError,
  RedisSettings,
  createFastFailRedis,
  createLogger,
  textsFor,
  newReference,
  trackingPath,
  type Accepted,
  type Connector,
  type ConnectorContext,
  type InboundMessageInput,
  type LoadedConfig,
  type RedisClient,
} from '@intake/core';
import { LocalMediaStore, createMediaService, type MediaStore } from '@intake/media';
import { Queue } from 'bullmq';
import express, { type ErrorRequestHandler } from 'express';
import { REDIS_URL, deletePrefix } from './redis.js';

/** The app's own Redis: one connection and a key/BullMQ prefix no other test file uses. */
export interface TestRedis {
  connection: RedisClient;
  prefix: string;
}

/** Puts a message on the intake queue as the gateway's accept does: a fresh id, no duplicate check. */
export type Enqueue = (message: InboundMessageInput) => Promise<Accepted>;

export interface ConnectorAppOptions {
  connector: Pick<Connector, 'mount'>;
  config: LoadedConfig;
  /** stands in for the gateway's accept; by default `enqueue` */
  accept?: (message: InboundMessageInput, enqueue: Enqueue) => Promise<Accepted>;
  /** by default there is no gazetteer: no suggestions */
  suggestAddresses?: ConnectorContext['suggestAddresses'];
  /** by default there is no geocoder: every report counts as placed, and the form never asks where */
  locates?: ConnectorContext['locates'];
  /** context the connector reads beyond the basics (e.g. `requests`), on the app's Redis */
  extraContext?: (redis: TestRedis) => Partial<ConnectorContext>;
  /** another Redis, e.g. one that is down, to see the connector refuse */
  redisUrl?: string;
  /** by default files under `mediaDir`; e.g. one that fills up, to see what a failing store leaves */
  mediaStore?: (mediaDir: string) => MediaStore;
}

export interface ConnectorApp extends TestRedis {
  url: string;
  config: LoadedConfig;
  /** the intake queue that `enqueue` adds to */
  queue: Queue;
  /** the real opt-outs, on the app's Redis */
  optOuts: OptOuts;
  /** the folder the app's media store keeps its files in */
  mediaDir: string;
  /** messages on the intake queue, oldest first */
  queued(): Promise<InboundMessage[]>;
  close(): Promise<void>;
}

/** The gateway's error handler in miniature: IntakeError and body-parser errors as `{ error: { code, message } }`. */
const jsonErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  if (error instanceof IntakeError) {
    res
      .status(error.status)
      .set(error.headers)
      .json({ error: { code: error.code, message: error.message } });
    return;
  }
  const status = (error as { status?: unknown }).status;
  const clientError = typeof status === 'number' && status >= 400 && status < 500;
  res
    .status(clientError ? status : 500)
    .json({ error: { code: clientError ? 'bad_request' : 'internal', message: (error as Error).message } });
};

/** Resolves once the connection is usable or has given up: it has no offline queue, so commands sent earlier fail. */
function settled(connection: RedisClient): Promise<void> {
  if (connection.status === 'ready' || connection.status === 'end') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      connection.off('ready', done).off('end', done);
      resolve();
    };
    connection.once('ready', done).once('end', done);
  });
}

function openRedis(url: string): TestRedis {
  // fails fast instead of retrying, so that a Redis that is down shows as QueueUnavailableError
  const connection = createFastFailRedis(RedisSettings.parse({ url }), { retryStrategy: () => null });
  connection.on('error', () => undefined);
  return { connection, prefix: `test-${randomUUID()}` };
}

function enqueueOnto(queue: Queue): Enqueue {
  return async (input) => {
    const message = InboundMessage.parse({
      ...input,
      id: randomUUID(),
      received_at: new Date().toISOString(),
      tracking: { reference: newReference(), token: 'test-token-0123456789' },
    });
    try {
      await queue.add('inbound', message, { jobId: message.id });
    } catch (error) {
      throw new QueueUnavailableError(error);
    }
    return {
      id: message.id,
      reference: message.tracking!.reference,
      tracking_path: trackingPath(message.tracking!),
      duplicate: false,
      continues: null,
    };
  };
}

/**
 * A connector mounted on a real express server (port 0) with a ConnectorContext stand-in: real opt-outs and a real
 * BullMQ intake queue on Redis under a unique prefix, the gateway's JSON error handler behind it.
 */
export async function startConnectorApp(options: ConnectorAppOptions): Promise<ConnectorApp> {
  const { config } = options;
  const redis = openRedis(options.redisUrl ?? REDIS_URL);
  const { connection, prefix } = redis;
  const queue = new Queue(QUEUE.intake, { connection, prefix });
  queue.on('error', () => undefined);
  const optOuts = new OptOuts(connection, prefix);
  const enqueue = enqueueOnto(queue);
  const accept = options.accept ?? enqueue;

  // listening first, so that media links name the app's own port
  const app = express();
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const log = createLogger({ level: process.env.LOG_LEVEL ?? 'silent' });
  const mediaDir = mkdtempSync(path.join(tmpdir(), 'intake-media-'));
  const store = options.mediaStore?.(mediaDir) ?? new LocalMediaStore(mediaDir);
  const media = createMediaService(config, log, { store, base: `http://127.0.0.1:${port}` });

  const ctx: ConnectorContext = {
    config,
    log,
    optOuts,
    parts: partsOn(connection, prefix),
    suggestAddresses: options.suggestAddresses ?? (() => []),
    locates: options.locates ?? (async () => true),
    accept: (message) => accept(message, enqueue),
    texts: textsFor(config),
    media: media.intake,
    ...options.extraContext?.(redis),
  };
  const router = express.Router();
  options.connector.mount(router, ctx);
  app.use(media.router());
  app.use(router);
  app.use(jsonErrors);
  await settled(connection);

  return {
    url: `http://127.0.0.1:${port}`,
    config,
    connection,
    prefix,
    queue,
    optOuts,
    mediaDir,
    async queued() {
      const jobs = await queue.getJobs(['waiting'], 0, -1, true);
      return jobs.map((job) => job.data as InboundMessage);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await queue.close();
      await deletePrefix(prefix);
      // a connection that never opened has already ended; ending it again leaves a timer behind
      if (connection.status !== 'end') connection.disconnect();
    },
  };
}

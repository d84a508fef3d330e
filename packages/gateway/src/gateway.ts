import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  OptOuts,
  RateLimits,
  partsOn,
  QUEUE,
  RequestStore,
  createFastFailRedis,
  createLogger,
  createWorkerRedis,
  untilReplicated,
  openQueue,
  textsFor,
  type ConnectorContext,
  type IntakeJob,
  type LoadedConfig,
  type Logger,
  withTimeout,
  type RedisClient,
} from '@intake/core';
import { createMediaService } from '@intake/media';
import { createNormalizer, detectLanguage, learnedModelFile, readLearnedModel, type Normalizer } from '@intake/normalizer';
import { createRouter, type IntakeRouter } from '@intake/router';
import type { Express } from 'express';
import {
  Conversations,
  FollowUps,
  RecentReports,
  Replies,
  RequestStatuses,
  StatusAnswers,
  addUpdate,
  trackingRouter,
} from '@intake/citizen';
import { createConsole, indexFeederFor, openRequestIndex } from '@intake/console';
import { dataDir } from './config.js';
import { createAccept, logAnswer } from './accept.js';
import { startHeartbeat } from './health.js';
import { createHttpApp, createMetricsApp } from './http.js';
import { readerWithPending } from './pending.js';
import { createScrape, type OtherThreadsMetrics } from './metrics.js';
import { connectors as allConnectors, channels } from './plugins.js';
import { startPipelineWorkers } from './workers.js';

export interface GatewayOptions {
  config: LoadedConfig;
  log?: Logger;
  /** serve HTTP (connectors, operator routes); default true */
  http?: boolean;
  /** run the pipeline workers in this process; default true */
  workers?: boolean;
  /** run the delivery workers (and the CRMs' status polling) in this process; default as `workers` */
  deliveries?: boolean;
  /** listen for /metrics on `server.metrics.port` when it has one; default true (the workers' thread leaves it to HTTP's) */
  servesMetricsPort?: boolean;
  /** counters kept by the other threads of this process, served with this one's */
  otherThreadsMetrics?: OtherThreadsMetrics;
}

export interface Gateway {
  config: LoadedConfig;
  app: Express;
  context: ConnectorContext;
  store: RequestStore;
  normalizer: Normalizer;
  router: IntakeRouter;
  /** listens on `port` (0 for any free one) when HTTP is on, and starts workers and pollers; returns the bound port */
  start(port?: number): Promise<number | null>;
  /** the port /metrics listens on when `server.metrics.port` gives it one of its own (0: any free one), once started */
  metricsPort(): number | null;
  stop(): Promise<void>;
}

/** Gives a Redis that is up the moment to connect, so the first request is not refused; a Redis that is down is not waited for. */
async function untilReady(redis: RedisClient, ms: number): Promise<void> {
  if (redis.status === 'ready') return;
  await withTimeout(new Promise((resolve) => redis.once('ready', resolve)), ms, 'connecting to Redis').catch(() => undefined);
}

/** Wires connectors, the intake queue, the normalizer, the router and the workers for one process. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const log = options.log ?? createLogger();
  const redis = createFastFailRedis(config.redis);
  const workerRedis = createWorkerRedis(config.redis);
  // BullMQ loads its scripts onto the connections of its queues, and every multi() or pipeline() on such a connection
  // copies them all: the store, dedupe and identity have plain connections of their own. The routes' one sends what
  // they ask at the same moment in one write (ioredis's auto-pipelining), theirs and concurrent requests' alike; so
  // does the workers' one, for the jobs running side by side (a socket write per command was a tenth of their CPU).
  const dataRedis = createFastFailRedis(config.redis, { enableAutoPipelining: true });
  const workerDataRedis = createWorkerRedis(config.redis, { enableAutoPipelining: true });
  const connections = [redis, workerRedis, dataRedis, workerDataRedis];
  for (const connection of connections)
    connection.on('error', (error: Error) => log.debug({ err: error.message }, 'redis connection error'));
  const store = new RequestStore(dataRedis, config.redis.prefix, config.redis.retention_days);
  const workerStore = new RequestStore(workerDataRedis, config.redis.prefix, config.redis.retention_days);
  const intakeQueue = openQueue<IntakeJob>(QUEUE.intake, redis, config.redis.prefix, log);
  const hostData = dataDir();
  const learned = readLearnedModel(learnedModelFile(hostData, config.jurisdiction.id));
  const normalizer = await createNormalizer({ config, redis: workerDataRedis, store: workerStore, log, channels, learned });
  const connectors = allConnectors.filter((connector) => connector.enabled(config));
  const texts = textsFor(config, detectLanguage);
  const media = createMediaService(config, log);
  const conversations = new Conversations(workerDataRedis, config, channels);
  const replies = new Replies({ config, log, texts, store: workerStore, redis: workerRedis, connectors });
  const statuses = new RequestStatuses({ config, store: workerStore, replies });
  const router = createRouter({
    config,
    store: workerStore,
    log,
    outgoingMail: connectors.map((connector) => connector.outgoingMail?.(config)).find((smtp) => smtp !== undefined),
    // the router hands over the request it has just written: read again, it would only say the same
    onDelivered: (_id, _destination, _receipt, request) => statuses.passedOn(request),
    // what an Open311 CRM reports when asked goes the way of the status route's updates
    onStatus: async (id, report) => {
      const recorded = await statuses.record(id, { status: report.status, note: report.notes }).catch((error: Error) => {
        // a word the town has not mapped: nothing to record, and the operator is the one who can fix it
        log.warn({ id, err: error.message }, 'status not recorded');
        return undefined;
      });
      return { stored: recorded !== null };
    },
  });
  const rateLimits = new RateLimits(dataRedis, config.redis.prefix, config.server.rate_limits);
  const retentionSeconds = config.redis.retention_days * 86_400;
  const followUps = new FollowUps(
    new StatusAnswers({ config, texts, store, recent: new RecentReports(dataRedis, config.redis.prefix, retentionSeconds) }),
    (text) => normalizer.locates({ address: null, description: text }),
  );
  const context: ConnectorContext = {
    accept: createAccept({
      intakeQueue,
      store,
      conversations: new Conversations(dataRedis, config, channels),
      senderLimit: rateLimits,
      // the intake queue writes on `redis`, and WAIT counts that connection's writes
      replicated: () => untilReplicated(redis, config.redis.wait_for_replicas),
    }),
    answered: logAnswer(store, log),
    config,
    log,
    texts,
    media: media.intake,
    suggestAddresses: (query, limit) => normalizer.suggestAddresses(query, limit),
    locates: (report) => normalizer.locates(report),
    optOuts: new OptOuts(dataRedis, config.redis.prefix),
    parts: partsOn(dataRedis, config.redis.prefix),
    requests: readerWithPending(store, intakeQueue, config),
    // an Open311 client's comment reaches the CRMs that took the request, as a citizen's follow-up does
    addUpdate: async (idOrReference, update) => {
      const added = await addUpdate(store, idOrReference, update);
      if (added !== null) await router.deliverUpdate(added.request.record.id, added.index);
      return added;
    },
    followUp: (message) => followUps.read(message),
    intentOf: (text) => normalizer.intentOf(text),
    rateLimits,
  };
  const routeQueue = openQueue(QUEUE.route, redis, config.redis.prefix, log);
  const scrape = createScrape([intakeQueue, routeQueue], () => router.queueDepths(), options.otherThreadsMetrics);
  // The index is fed where the console reads it: each HTTP node keeps its own SQLite file (or shares PostgreSQL).
  const serving = options.http !== false;
  const opened = serving ? await openRequestIndex(config, hostData) : null;
  const feeder = opened && indexFeederFor(config, opened, { store: workerStore, redis: workerRedis, log });
  const console = opened && createConsole({ config, redis, store, router, index: opened.index, channels: channels.names, log, rateLimits });
  const app = createHttpApp({
    context,
    connectors,
    store,
    redis,
    router,
    scrape,
    statuses: new RequestStatuses({ config, store, replies }),
    mediaRoutes: media.router(),
    trackingRoutes: trackingRouter({ config, texts, requests: store }),
    ...(console && { console: console.router }),
  });

  let server: Server | null = null;
  let stopHeartbeat: () => void = () => undefined;
  let pipeline: { close(): Promise<void> } | null = null;

  let metricsServer: Server | null = null;

  async function listenForMetrics(port: number): Promise<void> {
    const listening = createMetricsApp(scrape, config.server.metrics?.token, rateLimits, log, redis).listen(port, config.server.host);
    metricsServer = listening;
    await once(listening, 'listening');
  }

  async function listen(port: number): Promise<number> {
    const { headers_timeout_ms: headersTimeout, request_timeout_ms: requestTimeout } = config.server;
    // Node checks these timeouts on an interval (30 s by default): check often enough for the limits to hold
    const connectionsCheckingInterval = Math.min(1000, Math.ceil(headersTimeout / 2));
    const listening = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval }, app).listen(port, config.server.host);
    server = listening;
    await new Promise<void>((resolve, reject) => {
      listening.once('listening', resolve);
      listening.once('error', reject);
    });
    return (listening.address() as AddressInfo).port;
  }

  return {
    config,
    app,
    context,
    store,
    normalizer,
    router,
    async start(port = config.server.port) {
      await Promise.all([redis, dataRedis].map((connection) => untilReady(connection, 2000)));
      if (options.workers !== false) {
        stopHeartbeat = startHeartbeat(workerDataRedis, config);
        pipeline = startPipelineWorkers({
          config,
          log,
          store: workerStore,
          normalizer,
          router,
          conversations,
          replies,
          recentReports: new RecentReports(workerDataRedis, config.redis.prefix, retentionSeconds),
          channels,
          connectors,
          media: media.intake,
        });
        await Promise.all(connectors.map((connector) => connector.start?.(context)));
      }
      if (options.deliveries ?? options.workers !== false) router.startDeliveryWorkers();
      feeder?.start();
      if (config.server.metrics?.port !== undefined && options.servesMetricsPort !== false)
        await listenForMetrics(config.server.metrics.port);
      return options.http === false ? null : listen(port);
    },
    metricsPort: () => (metricsServer === null ? null : (metricsServer.address() as AddressInfo).port),
    async stop() {
      for (const closing of [server, metricsServer])
        if (closing !== null) await new Promise<void>((resolve) => closing.close(() => resolve()));
      if (pipeline !== null) await Promise.all(connectors.map((connector) => connector.stop?.()));
      stopHeartbeat();
      await pipeline?.close();
      await feeder?.stop();
      await console?.close();
      await opened?.index.close();
      await replies.close();
      await router.close();
      await normalizer.close();
      await Promise.all([intakeQueue.close(), routeQueue.close()]);
      for (const connection of connections) connection.disconnect();
    },
  };
}

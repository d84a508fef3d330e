import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisSettings } from './config-schema.js';

/** A connection to wherever `redis` points: one server, a Sentinel-watched primary, or a Redis Cluster. */
export type RedisClient = Redis | Cluster;

/** The password, user and TLS of `url`, which every node of a Sentinel set or a Cluster is reached with. */
function credentialsOf(url: string): RedisOptions {
  const { username, password, protocol } = new URL(url);
  return {
    ...(username !== '' && { username: decodeURIComponent(username) }),
    ...(password !== '' && { password: decodeURIComponent(password) }),
    ...(protocol === 'rediss:' && { tls: {} }),
  };
}

/**
 * A Cluster takes the offline queue, lazy connecting and retrying for itself, and passes the rest to each node's
 * connection; its failover waits are kept short so a moved slot costs a request little.
 */
function clusterOf(settings: RedisSettings & { cluster: NonNullable<RedisSettings['cluster']> }, options: RedisOptions): Cluster {
  const { enableOfflineQueue, lazyConnect, retryStrategy, ...nodeOptions } = options;
  const clusterOptions: ClusterOptions = {
    redisOptions: { ...credentialsOf(settings.url), ...nodeOptions },
    retryDelayOnFailover: 200,
    ...(enableOfflineQueue !== undefined && { enableOfflineQueue }),
    ...(lazyConnect !== undefined && { lazyConnect }),
    ...(retryStrategy !== undefined && { clusterRetryStrategy: retryStrategy }),
  };
  return new Cluster(settings.cluster, clusterOptions);
}

/** A connection to the `redis` of the configuration, through ioredis's own Sentinel and Cluster clients. */
export function connectRedis(settings: RedisSettings, options: RedisOptions = {}): RedisClient {
  if (settings.cluster !== undefined) return clusterOf({ ...settings, cluster: settings.cluster }, options);
  if (settings.sentinels !== undefined)
    return new Redis({ ...credentialsOf(settings.url), sentinels: settings.sentinels, name: settings.name, ...options });
  return new Redis(settings.url, options);
}

/**
 * For request paths: commands fail at once while Redis is away (no offline queue),
 * so an intake route can answer 503 instead of hanging.
 */
export function createFastFailRedis(settings: RedisSettings, options: RedisOptions = {}): RedisClient {
  return connectRedis(settings, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    lazyConnect: false,
    ...options,
  });
}

/** For BullMQ workers and blocking commands: waits out outages (and failovers) and reconnects. */
export function createWorkerRedis(settings: RedisSettings, options: RedisOptions = {}): RedisClient {
  return connectRedis(settings, { maxRetriesPerRequest: null, ...options });
}

/**
 * After a write on `connection`: resolves once `replicas` replicas hold it (Redis WAIT), and throws when they do not
 * within `timeoutMs`, so what is acknowledged survives the primary's death.
 */
export async function untilReplicated(connection: RedisClient, replicas: number, timeoutMs = 1000): Promise<void> {
  if (replicas === 0) return;
  const holding = await (connection as Redis).wait(replicas, timeoutMs);
  if (holding < replicas) throw new Error(`${holding} of ${replicas} replicas hold the write after ${timeoutMs} ms`);
}

/** True once Redis answers PING within the timeout. */
export async function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

import { hostname } from 'node:os';
import { createFastFailRedis, type LoadedConfig, type RedisClient } from '@intake/core';

const BEAT_MS = 10_000;
/** three missed beats and the host's workers count as gone */
const BEAT_TTL_MS = 3 * BEAT_MS;

/** Workers say they are alive in Redis, per host: how a container without HTTP (`--workers-only`) is health-checked. */
const heartbeatKey = (config: LoadedConfig, host: string) => `${config.redis.prefix}:heartbeat:${host}`;

/** Beats while the workers run; the returned function stops it. A beat lost to a Redis outage is simply missed. */
export function startHeartbeat(redis: RedisClient, config: LoadedConfig, host = hostname()): () => void {
  const beat = () => redis.set(heartbeatKey(config, host), String(Date.now()), 'PX', BEAT_TTL_MS).catch(() => undefined);
  void beat();
  const timer = setInterval(beat, BEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** True when Redis answers and the workers of this host beat recently (`intake health --workers`). */
export async function workersAlive(config: LoadedConfig, host = hostname()): Promise<boolean> {
  const redis = createFastFailRedis(config.redis, { lazyConnect: true, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.exists(heartbeatKey(config, host))) === 1;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** True when this host's HTTP side answers /readyz (Redis reachable) on `port` (`intake health`). */
export async function httpReady(port: number): Promise<boolean> {
  const answer = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
  return answer?.ok === true;
}

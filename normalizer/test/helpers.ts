import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  createLogger,
  InboundMessage as InboundMessageSchema,
  loadConfig,
  RequestStore,
  schemasOf,
  type InboundMessage,
  type InboundMessageInput,
  type LoadedConfig,
} from '@intake/core';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { geocoderPlugins } from '../src/index.js';

/** The channels as their connectors declare them, for createNormalizer. */
export { corpusChannels as channels } from '../src/eval/channels.js';

const DEMO_DIR = path.resolve(__dirname, '../../packages/gateway/demo');
export const DEMO_CONFIG = path.join(DEMO_DIR, 'intake.yaml');
export const DEMO_CSV = path.join(DEMO_DIR, 'addresses.csv');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const pluginSchemas = {
  destinations: { file: z.looseObject({ type: z.literal('file') }) },
  geocoders: schemasOf(geocoderPlugins),
};

/** A config file read the way the gateway reads it, with a key prefix of its own so test files never meet. */
export function testConfig(file = DEMO_CONFIG): LoadedConfig {
  const config = loadConfig({ file, env: {}, plugins: pluginSchemas });
  return { ...config, redis: { ...config.redis, url: REDIS_URL, prefix: `test-${randomUUID()}` } };
}

export const silentLog = createLogger({ level: 'silent' });

export function redisFor(): Redis {
  return new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
}

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
}

export const storeFor = (redis: Redis, config: LoadedConfig) => new RequestStore(redis, config.redis.prefix, config.redis.retention_days);

export function message(input: Partial<InboundMessageInput> & { text?: string; id?: string }): InboundMessage {
  return InboundMessageSchema.parse({ channel: 'sms', id: randomUUID(), received_at: new Date().toISOString(), ...input });
}

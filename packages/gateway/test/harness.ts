import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, parseConfig, type LoadedConfig } from '@intake/core';
import { REDIS_URL, deletePrefix, uniquePrefix } from '@intake/testkit';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { DEMO_CONFIG, createGateway, type Gateway } from '../src/index.js';
import { pluginSchemas } from '../src/plugins.js';

export const ADMIN_TOKEN = 'test-admin-token';

/** The demo town's configuration with test overrides: its own Redis prefix and data folder, quick retries. */
export function demoConfig(overrides: (raw: Record<string, any>) => void = () => undefined): LoadedConfig {
  const raw = parse(readFileSync(DEMO_CONFIG, 'utf8')) as Record<string, any>;
  raw.redis = { url: REDIS_URL, prefix: uniquePrefix('gw') };
  raw.server = { port: 0, host: '127.0.0.1', admin_token: ADMIN_TOKEN, public_url: 'http://127.0.0.1' };
  raw.delivery = { attempts: 3, backoff_ms: 50 };
  overrides(raw);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'intake-gw-'));
  return parseConfig(raw, {
    base_dir: path.dirname(DEMO_CONFIG),
    source: 'test',
    env: { INTAKE_DATA_DIR: dataDir },
    plugins: pluginSchemas,
  });
}

export interface Running {
  gateway: Gateway;
  url: string;
  stop(): Promise<void>;
}

export async function startGateway(config: LoadedConfig, options: { workers?: boolean } = {}): Promise<Running> {
  const gateway = await createGateway({
    config,
    log: createLogger({ level: process.env.LOG_LEVEL ?? 'silent' }),
    workers: options.workers,
  });
  const port = await gateway.start(0);
  return {
    gateway,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await gateway.stop();
      await deletePrefix(config.redis.prefix);
    },
  };
}

export const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}` };

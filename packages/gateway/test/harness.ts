import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createLogger,
  parseConfig,
  type ConfigInput,
  type DeliveryState,
  type LoadedConfig,
  type ServiceRequest,
  type StoredRequest,
} from '@intake/core';
import { REDIS_URL, deletePrefix, uniquePrefix, type LoopbackServer } from '@intake/testkit';
import { parse, stringify } from 'yaml';
import { DEMO_CONFIG, createGateway, type Gateway } from '../src/index.js';
import { pluginSchemas } from '../src/plugins.js';

export const ADMIN_TOKEN = 'test-admin-token';

/** The demo town's intake.yaml as a test rewrites it: the sections the demo file has are there. */
type DemoInput = Omit<ConfigInput, 'geocoding'> &
  Required<Pick<ConfigInput, 'redis' | 'server' | 'channels'>> & {
    redis: NonNullable<ConfigInput['redis']>;
    server: NonNullable<ConfigInput['server']>;
    channels: NonNullable<ConfigInput['channels']>;
    geocoding: { providers: { [key: string]: unknown; type: string; file?: string }[] };
  };
export type Overrides = (raw: DemoInput) => void;

const readDemo = (): DemoInput => parse(readFileSync(DEMO_CONFIG, 'utf8')) as DemoInput;

/** The demo town's configuration with test overrides: its own Redis prefix and data folder, quick retries. */
export function demoConfig(overrides: Overrides = () => undefined): LoadedConfig {
  const raw = readDemo();
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

/** What the admin API's GET /api/v1/requests/:id answers: the stored request and its deliveries by destination. */
export type RequestLookup = StoredRequest & { deliveries: Partial<Record<string, DeliveryState>> };

export async function lookUp(running: Pick<Running, 'url'>, idOrReference: string): Promise<RequestLookup> {
  return (await (await fetch(`${running.url}/api/v1/requests/${idOrReference}`, { headers: adminHeaders })).json()) as RequestLookup;
}

/** A router that hands every request to one webhook CRM stand-in, at its `/intake`. */
export const everythingTo = (crm: Pick<LoopbackServer, 'url'>) => ({
  destinations: { crm: { type: 'webhook', url: `${crm.url}/intake`, secret: 'crm-secret' } },
  rules: [],
  default: { deliver_to: ['crm'] },
});

/** The records a webhook CRM stand-in received, as it received them. */
export const deliveredRecords = (crm: Pick<LoopbackServer, 'requests'>): ServiceRequest[] =>
  crm.requests.map((received) => JSON.parse(received.body) as ServiceRequest);

/** The `code` of a JSON error answer, `{ error: { code, message } }`. */
export const errorCodeOf = async (response: Response): Promise<string> =>
  ((await response.json()) as { error: { code: string } }).error.code;

/**
 * The demo town's intake.yaml with the test's Redis and overrides, written to a temp folder for a CLI process to read
 * (the demo's own files named absolutely); no destinations unless the overrides add some.
 */
export function writeDemoConfig(
  settings: { redisUrl: string; prefix: string; port?: number },
  overrides: Overrides,
): { file: string; dir: string } {
  const raw = readDemo();
  const demoDir = path.dirname(DEMO_CONFIG);
  raw.redis = { url: settings.redisUrl, prefix: settings.prefix };
  raw.server = { port: settings.port ?? 0, host: '127.0.0.1', admin_token: ADMIN_TOKEN, public_url: 'http://127.0.0.1' };
  raw.geocoding.providers = raw.geocoding.providers.map((provider) =>
    provider.file === undefined ? provider : { ...provider, file: path.join(demoDir, provider.file) },
  );
  raw.router = { destinations: {}, rules: [], default: { deliver_to: [] } };
  overrides(raw);
  const dir = mkdtempSync(path.join(tmpdir(), 'intake-cli-'));
  const file = path.join(dir, 'intake.yaml');
  writeFileSync(file, stringify(raw));
  return { file, dir };
}

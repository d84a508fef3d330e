import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import { parseConfig, type LoadedConfig } from '@intake/core';
import { getExpectedTwilioSignature } from 'twilio';
import { parse } from 'yaml';
import { DEMO_CONFIG } from '../config.js';
import { pluginSchemas } from '../plugins.js';

/** What the bench tells its server processes: where Redis, the CRM stand-in and Twilio's stand-in are. */
export interface BenchEnv {
  redisUrl: string;
  prefix: string;
  sinkUrl: string;
  twilioUrl: string;
  /** another checkout, built (BENCH_AGAINST): where the `intake-earlier` server is started from */
  against?: string;
}

export const BENCH_SECRETS = {
  webhook: 'bench-webhook-secret',
  twilioToken: 'bench-twilio-token',
  twilioSid: 'AC00000000000000000000000000000000',
};
/** The URL Twilio is told to call; signatures are computed over it, whatever port the gateway listens on. */
export const PUBLIC_URL = 'http://127.0.0.1';

export const signWebhook = (body: string) => `sha256=${createHmac('sha256', BENCH_SECRETS.webhook).update(body).digest('hex')}`;
export const signTwilio = (routePath: string, params: Record<string, string>) =>
  getExpectedTwilioSignature(BENCH_SECRETS.twilioToken, `${PUBLIC_URL}${routePath}`, params);

/**
 * Each server's own files (its console index): servers measured side by side, or one run after another, never feed
 * one SQLite file, where each would wait on the other's writes and, started with a prefix of its own, sweep the
 * other's requests out as expired.
 */
export const benchDataDir = (prefix: string) => path.join(tmpdir(), `intake-${prefix}`);

/** The parts of the demo town's intake.yaml the bench rewrites. */
interface DemoConfig {
  [key: string]: unknown;
  channels?: Record<string, unknown>;
  console?: Record<string, unknown>;
  router: { destinations: Record<string, unknown>; rules?: { then: { deliver_to: string[] } }[]; default: { deliver_to: string[] } };
}

/**
 * The demo town as a user runs it, with every destination replaced by one webhook CRM (the bench's stand-in) and SMS on
 * (Twilio's REST API is a stand-in too). Its rules are kept, pointed at that CRM, so routing costs what it does.
 */
export function benchConfig(env: BenchEnv): LoadedConfig {
  const raw = parse(readFileSync(DEMO_CONFIG, 'utf8')) as DemoConfig;
  raw.redis = { url: env.redisUrl, prefix: env.prefix };
  // one loopback client stands for a whole town: its limits never trigger, but they are counted, at their cost
  const unreachable = { max: 1_000_000_000, per_seconds: 60 };
  raw.server = {
    port: 0,
    host: '127.0.0.1',
    admin_token: 'bench-admin-token',
    public_url: PUBLIC_URL,
    rate_limits: { per_client: unreachable, per_sender: unreachable, key_failures: unreachable },
  };
  raw.channels = {
    ...raw.channels,
    sms: { auth_token: BENCH_SECRETS.twilioToken, account_sid: BENCH_SECRETS.twilioSid, from: '+15005550006', api_url: env.twilioUrl },
  };
  raw.console = { ...raw.console, index: { type: 'sqlite', path: path.join(benchDataDir(env.prefix), 'index.sqlite') } };
  raw.router.destinations = { crm: { type: 'webhook', url: env.sinkUrl, secret: BENCH_SECRETS.webhook } };
  for (const rule of raw.router.rules ?? []) rule.then.deliver_to = ['crm'];
  raw.router.default.deliver_to = ['crm'];
  return parseConfig(raw, { base_dir: path.dirname(DEMO_CONFIG), source: 'bench', env: process.env, plugins: pluginSchemas });
}

interface CorpusEntry {
  text: string;
  expected: { lat: number | null };
}

/** The normalizer's labelled corpus, the messages with a place: real, varied texts in every language it has. */
export function corpusTexts(): string[] {
  const file = path.resolve(__dirname, '../../../../normalizer/eval/corpus.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusEntry)
    .filter((entry) => entry.expected.lat !== null)
    .map((entry) => entry.text);
}

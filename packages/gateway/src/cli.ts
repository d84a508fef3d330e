#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { indexFeederFor, openRequestIndex } from '@intake/console';
import {
  ConfigError,
  RequestStore,
  ServiceRequest,
  createLogger,
  createWorkerRedis,
  parseExplained,
  serviceRequestFrom,
  withTimeout,
  type LoadedConfig,
} from '@intake/core';
import { checkGazetteers, learnTown } from '@intake/normalizer';
import { createRules } from '@intake/router';
import { dataDir, loadGatewayConfig } from './config.js';
import { channelKeysTable } from './config-keys.js';
import { pluginSchemas } from './plugins.js';
import { createGateway } from './gateway.js';
import { httpReady, workersAlive } from './health.js';
import { ensureRedis } from './redis-autostart.js';
import { startIntake, type StartMode } from './topology.js';

const USAGE = `usage: intake <command> [--config intake.yaml]
  start [--workers-only | --http-only] [--port N]   run the gateway (HTTP and workers by default)
  config check                                      validate the configuration and summarise it
  config keys                                       list every key each channel takes (a Markdown table)
  rules test <request.json>                         show which rule a request matches, and why
  dead-letters list [--destination d]               deliveries that gave up
  dead-letters inspect|replay|purge <id>            one entry, or every entry of a request id
  dead-letters replay|purge --all [--destination d] every entry (of one destination)
  index rebuild                                     build this host's request index (or the PostgreSQL one) again from Redis
  users hash                                        read a password on standard input, print its hash for console.users
  learn <history.csv | requests.json>               learn the town's service words from its past requests (a CSV of
                                                    description,service_code or an Open311 requests.json), into the data dir
  health [--workers] [--port N]                     exit 0 when this host's HTTP side answers /readyz (--workers: its workers beat)`;

/** How long SIGTERM waits for a clean close: under the 10 s a container runtime gives before SIGKILL. */
const STOP_GRACE_MS = 6_000;

async function start(values: { config?: string; 'workers-only'?: boolean; 'http-only'?: boolean; port?: string }) {
  const log = createLogger();
  const config = loadGatewayConfig(values.config);
  for (const warning of config.warnings) log.warn(warning);
  // a Sentinel set or a Cluster is the operator's to run: only a single local server is started when missing
  const singleServer = config.redis.sentinels === undefined && config.redis.cluster === undefined;
  const redisServer = singleServer ? await ensureRedis(config.redis.url, path.join(dataDir(), 'redis'), log) : null;
  const mode: StartMode = values['workers-only'] ? 'workers-only' : values['http-only'] ? 'http-only' : 'all';
  const exit = (code: number) => {
    redisServer?.kill();
    log.flush();
    process.exit(code);
  };
  const started = await startIntake({
    config,
    log,
    mode,
    ...(values.port !== undefined && { port: Number(values.port) }),
    // what the workers held is taken up again by another worker when its lock runs out; a supervisor restarts this one
    onWorkersLost: (error) => {
      log.fatal({ err: error.message }, 'the workers stopped: exiting');
      exit(1);
    },
  });
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    // With Redis down, BullMQ's closes wait for a connection that never comes: stop waiting after the grace period.
    // Nothing is lost by it: a message is acknowledged only once Redis has it, and a job held here is taken up again
    // by another worker when its lock runs out.
    await withTimeout(started.stop(), STOP_GRACE_MS, 'closing the queues and connections').catch((error: unknown) =>
      log.warn({ err: (error as Error).message }, 'stopped without closing cleanly (is Redis down?)'),
    );
    exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // said once the signals are handled: a supervisor (or a test) that stops Intake on this line must not kill it unhandled
  log.info(
    { config: config.source, port: started.port, jurisdiction: config.jurisdiction.id },
    started.port === null ? 'Intake workers running' : `Intake listening on http://localhost:${started.port}`,
  );
}

/** For container health checks: a workers-only process opens no port, so its heartbeat in Redis is checked instead. */
async function health(values: { config?: string; workers?: boolean; port?: string }) {
  const config = loadGatewayConfig(values.config);
  const healthy = values.workers ? await workersAlive(config) : await httpReady(Number(values.port ?? config.server.port));
  console.log(healthy ? 'healthy' : 'unhealthy');
  process.exitCode = healthy ? 0 : 1;
}

/** Where photos go, as an operator checks it: never the credentials, only where they come from. */
function mediaStoreSummary(store: LoadedConfig['media']['store']): string {
  if (store.type === 'local') return `files under ${store.dir}`;
  const where = store.endpoint ?? `AWS ${store.region}`;
  const credentials =
    store.access_key_id === undefined ? 'credentials from the AWS SDK chain (environment, profile, role)' : 'credentials from the config';
  return `S3 bucket ${store.bucket}${store.prefix === '' ? '' : ` (keys under ${store.prefix})`} at ${where}${store.force_path_style ? ', path-style' : ''}, ${credentials}`;
}

function checkConfig(file?: string) {
  const config = loadGatewayConfig(file);
  for (const warning of config.warnings) console.warn(`warning: ${warning}`);
  const gazetteers = checkGazetteers(config);
  if (gazetteers.problems.length > 0) throw new ConfigError(gazetteers.problems);
  for (const summary of gazetteers.summaries) console.log(summary);
  console.log(`media: ${mediaStoreSummary(config.media.store)}`);
  const channels = Object.keys(config.channels).join(', ');
  console.log(
    `${config.source}: OK — ${config.jurisdiction.name} (${config.jurisdiction.id}), ${config.services.length} services, channels: ${channels}, ` +
      `${Object.keys(config.router.destinations).length} destinations, ${config.router.rules.length} rules`,
  );
}

function testRules(file: string | undefined, configFile?: string) {
  if (file === undefined) throw new Error('rules test needs a JSON file with the request to route');
  const config = loadGatewayConfig(configFile);
  const request = parseExplained(ServiceRequest.partial().strict(), JSON.parse(readFileSync(file, 'utf8')), file);
  console.log(JSON.stringify(createRules(config).decide(serviceRequestFrom(request)), null, 2));
}

interface DeadLetterOptions {
  all?: boolean;
  destination?: string;
  config?: string;
}

/** `list`, `inspect <id>`, `replay <id>` / `replay --all [--destination d]`, `purge` the same; an id is an entry's or a request's. */
async function deadLetters(action: string | undefined, id: string | undefined, options: DeadLetterOptions) {
  const config = loadGatewayConfig(options.config);
  const gateway = await createGateway({ config, log: createLogger({ level: 'warn' }), http: false, workers: false });
  const { router } = gateway;
  const matching = async (entryOrRequestId: string) => {
    const entries = await router.findDeadLetters(entryOrRequestId);
    if (entries.length === 0) throw new Error(`no dead letter ${entryOrRequestId} (neither an entry id nor a request id with entries)`);
    return entries;
  };
  try {
    if (action === 'list')
      console.log(
        JSON.stringify(
          (await router.deadLetters(10_000)).filter(
            (entry) => options.destination === undefined || entry.destination === options.destination,
          ),
          null,
          2,
        ),
      );
    else if (action === 'inspect' && id !== undefined) console.log(JSON.stringify(await matching(id), null, 2));
    else if (action === 'replay' && options.all) console.log(`replayed ${await router.replayAll(options.destination)} dead letters`);
    else if (action === 'purge' && options.all)
      console.log(
        `purged ${await router.purge(options.destination === undefined ? {} : { destination: options.destination })} dead letters`,
      );
    else if ((action === 'replay' || action === 'purge') && id !== undefined) {
      const entries = await matching(id);
      for (const entry of entries) await (action === 'replay' ? router.replay(entry.entry_id) : router.purge({ entry_id: entry.entry_id }));
      console.log(`${action === 'replay' ? 'replayed' : 'purged'} ${entries.map((entry) => entry.entry_id).join(', ')}`);
    } else throw new Error(USAGE);
  } finally {
    await gateway.stop();
  }
}

/** The console's index from what Redis keeps now: after restoring a backup, or when the index missed more than the feed kept. */
async function rebuildIndex(configFile?: string) {
  const config = loadGatewayConfig(configFile);
  const redis = createWorkerRedis(config.redis);
  const opened = await openRequestIndex(config, dataDir());
  const store = new RequestStore(redis, config.redis.prefix, config.redis.retention_days);
  const feeder = indexFeederFor(config, opened, { store, redis, log: createLogger({ level: 'warn' }) });
  try {
    const { indexed, forgotten } = await feeder.rebuild();
    console.log(`indexed ${indexed} requests into the ${opened.index.kind} index; removed ${forgotten} that Redis no longer keeps`);
  } finally {
    await feeder.stop();
    await opened.index.close();
    redis.disconnect();
  }
}

/** The password comes on standard input, never as an argument that shell history and `ps` would keep. */
async function hashPassword() {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password.length < 8) throw new Error('give a password of at least 8 characters on standard input');
  console.log(await hash(password));
}

function learn(file: string | undefined, configFile?: string) {
  if (file === undefined) throw new Error('usage: intake learn <history.csv | requests.json> [--config intake.yaml]');
  const config = loadGatewayConfig(configFile);
  const town = { services: config.services, fallbackCode: config.classification.fallback_code, jurisdictionId: config.jurisdiction.id };
  const report = learnTown(town, file, dataDir());
  console.log(
    `learned ${report.used} past requests of ${report.services} services (${report.read - report.used} rows skipped` +
      `${report.unknownCodes.length > 0 ? `, codes not in the catalogue: ${report.unknownCodes.join(', ')}` : ''})`,
  );
  console.log(`cross-validated accuracy: ${(100 * report.crossValidatedAccuracy).toFixed(1)}% (5 folds); kept in ${report.file}`);
}

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string', short: 'c' },
      'workers-only': { type: 'boolean' },
      all: { type: 'boolean' },
      destination: { type: 'string' },
      'http-only': { type: 'boolean' },
      workers: { type: 'boolean' },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || command === undefined) return console.log(USAGE);
  if (command === 'start') return start(values);
  if (command === 'health') return health(values);
  if (command === 'config' && sub === 'check') return checkConfig(values.config);
  if (command === 'config' && sub === 'keys') return console.log(channelKeysTable(pluginSchemas.channels!));
  if (command === 'rules' && sub === 'test') return testRules(arg, values.config);
  if (command === 'users' && sub === 'hash') return hashPassword();
  if (command === 'learn') return learn(sub, values.config);
  if (command === 'index' && sub === 'rebuild') return rebuildIndex(values.config);
  if (command === 'dead-letters') return deadLetters(sub, arg, values);
  throw new Error(USAGE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, ServiceRequest, createLogger, serviceRequestFrom } from '@intake/core';
import { checkGazetteers } from '@intake/normalizer';
import { createRules } from '@intake/router';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './gateway.js';
import { httpReady, workersAlive } from './health.js';
import { ensureRedis } from './redis-autostart.js';

const USAGE = `usage: intake <command> [--config intake.yaml]
  start [--workers-only | --http-only] [--port N]   run the gateway (HTTP and workers by default)
  config check                                      validate the configuration and summarise it
  rules test <request.json>                         show which rule a request matches, and why
  dead-letters list | dead-letters replay <id>      list or replay deliveries that gave up
  health [--workers] [--port N]                     exit 0 when this host's HTTP side answers /readyz (--workers: its workers beat)`;

async function start(values: { config?: string; 'workers-only'?: boolean; 'http-only'?: boolean; port?: string }) {
  const log = createLogger();
  const config = loadGatewayConfig(values.config);
  for (const warning of config.warnings) log.warn(warning);
  const redisServer = await ensureRedis(config.redis.url, path.resolve(process.env.INTAKE_DATA_DIR || '.intake', 'redis'), log);
  const gateway = await createGateway({ config, log, http: !values['workers-only'], workers: !values['http-only'] });
  const port = await gateway.start(values.port === undefined ? undefined : Number(values.port));
  log.info({ config: config.source, port, jurisdiction: config.jurisdiction.id }, port === null ? 'Intake workers running' : `Intake listening on http://localhost:${port}`);
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await gateway.stop();
    redisServer?.kill();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** For container health checks: a workers-only process opens no port, so its heartbeat in Redis is checked instead. */
async function health(values: { config?: string; workers?: boolean; port?: string }) {
  const config = loadGatewayConfig(values.config);
  const healthy = values.workers ? await workersAlive(config) : await httpReady(Number(values.port ?? config.server.port));
  console.log(healthy ? 'healthy' : 'unhealthy');
  process.exitCode = healthy ? 0 : 1;
}

function checkConfig(file?: string) {
  const config = loadGatewayConfig(file);
  for (const warning of config.warnings) console.warn(`warning: ${warning}`);
  const gazetteers = checkGazetteers(config);
  if (gazetteers.problems.length > 0) throw new ConfigError(gazetteers.problems);
  for (const summary of gazetteers.summaries) console.log(summary);
  const channels = Object.keys(config.channels).join(', ');
  console.log(`${config.source}: OK — ${config.jurisdiction.name} (${config.jurisdiction.id}), ${config.services.length} services, channels: ${channels}, ` +
    `${Object.keys(config.router.destinations).length} destinations, ${config.router.rules.length} rules`);
}

function testRules(file: string | undefined, configFile?: string) {
  if (file === undefined) throw new Error('rules test needs a JSON file with the request to route');
  const config = loadGatewayConfig(configFile);
  const request = ServiceRequest.partial().parse(JSON.parse(readFileSync(file, 'utf8')));
  console.log(JSON.stringify(createRules(config).decide(serviceRequestFrom(request)), null, 2));
}

async function deadLetters(action: string | undefined, id: string | undefined, configFile?: string) {
  const config = loadGatewayConfig(configFile);
  const gateway = await createGateway({ config, log: createLogger({ level: 'warn' }), http: false, workers: false });
  try {
    if (action === 'replay' && id !== undefined) {
      await gateway.router.replay(id);
      console.log(`replayed ${id}`);
    } else if (action === 'list') console.log(JSON.stringify(await gateway.router.deadLetters(), null, 2));
    else throw new Error(USAGE);
  } finally {
    await gateway.stop();
  }
}

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { config: { type: 'string', short: 'c' }, 'workers-only': { type: 'boolean' }, 'http-only': { type: 'boolean' }, workers: { type: 'boolean' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, sub, arg] = positionals;
  if (values.help || command === undefined) return console.log(USAGE);
  if (command === 'start') return start(values);
  if (command === 'health') return health(values);
  if (command === 'config' && sub === 'check') return checkConfig(values.config);
  if (command === 'rules' && sub === 'test') return testRules(arg, values.config);
  if (command === 'dead-letters') return deadLetters(sub, arg, values.config);
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

import type { AddressInfo } from 'node:net';
import { QUEUE, createFastFailRedis, createLogger, openQueue } from '@intake/core';
import express from 'express';
import { loadGatewayConfig } from '../config.js';
import { createGateway } from '../gateway.js';

/**
 * The servers under test, in a process of their own so the load generator does not share their event loop:
 * the floor (a bare express route adding one BullMQ job) and the gateway's HTTP side. Prints both URLs as JSON.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = process.env.BENCH_PREFIX ?? `bench-${process.pid}`;

async function floorServer(): Promise<string> {
  const log = createLogger({ level: 'warn' });
  const queue = openQueue(QUEUE.intake, createFastFailRedis(REDIS_URL), `${prefix}-bare`, log);
  const app = express();
  app.post('/bare', express.json(), async (req, res) => {
    const job = await queue.add('bare', req.body);
    res.status(202).json({ id: job.id });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/bare`;
}

async function main() {
  const config = loadGatewayConfig(undefined, { ...process.env, REDIS_URL, INTAKE_REDIS_PREFIX: `${prefix}-gw`, LOG_LEVEL: 'warn' });
  const gateway = await createGateway({ config, log: createLogger({ level: 'warn' }), workers: false });
  const port = await gateway.start(0);
  console.log(JSON.stringify({ floor: await floorServer(), intake: `http://127.0.0.1:${port}/api/v1/reports` }));
}

void main();

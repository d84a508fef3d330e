import type { AddressInfo } from 'node:net';
import { QUEUE, createFastFailRedis, createLogger } from '@intake/core';
import autocannon from 'autocannon';
import { deletePrefix } from '@intake/testkit';
import { Queue } from 'bullmq';
import express from 'express';

import { loadGatewayConfig } from '../config.js';
import { createGateway } from '../gateway.js';

/**
 * `pnpm bench`: intake throughput against a floor measured in the same run on the same machine —
 * a bare express route that adds one BullMQ job per request. The ratio is the figure that matters.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 32;
const BODY = JSON.stringify({ description: 'big pothole outside 211 Bear St, almost lost a tire', phone: '403 555 0123' });
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function listen(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

async function measure(url: string): Promise<number> {
  const result = await autocannon({ url, method: 'POST', connections: CONNECTIONS, duration: SECONDS, headers: { 'content-type': 'application/json' }, body: BODY });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

async function bareFloor(prefix: string) {
  const connection = createFastFailRedis(REDIS_URL);
  const queue = new Queue(QUEUE.intake, { connection, prefix });
  const app = express();
  app.post('/bare', express.json(), async (req, res) => {
    const job = await queue.add('bare', req.body);
    res.status(202).json({ id: job.id });
  });
  const server = await listen(app);
  return { url: `${server.url}/bare`, close: async () => (await server.close(), await queue.close(), connection.disconnect()) };
}

async function main() {
  const prefix = `bench-${process.pid}`;
  const config = { ...loadGatewayConfig(undefined, { ...process.env, REDIS_URL, INTAKE_REDIS_PREFIX: `${prefix}-gw` }) };
  const gateway = await createGateway({ config, log: createLogger({ level: 'warn' }), workers: false });
  const port = await gateway.start(0);
  const floor = await bareFloor(`${prefix}-bare`);
  const intakeUrl = `http://127.0.0.1:${port}/api/v1/reports`;
  const rows: { round: number; floor: number; intake: number }[] = [];
  try {
    await measure(floor.url);
    await measure(intakeUrl);
    for (let round = 1; round <= ROUNDS; round += 1) rows.push({ round, floor: await measure(floor.url), intake: await measure(intakeUrl) });
  } finally {
    await floor.close();
    await gateway.stop();
    await Promise.all([deletePrefix(`${prefix}-gw`, REDIS_URL), deletePrefix(`${prefix}-bare`, REDIS_URL)]);
  }
  console.log(`intake throughput, ${CONNECTIONS} connections, ${SECONDS} s a run, alternating with the floor`);
  console.log('round  floor req/s  intake req/s  ratio');
  for (const { round, floor: f, intake } of rows) console.log(`${String(round).padStart(5)}  ${f.toFixed(0).padStart(11)}  ${intake.toFixed(0).padStart(12)}  ${(intake / f).toFixed(2)}`);
  const ratio = rows.reduce((sum, r) => sum + r.intake, 0) / rows.reduce((sum, r) => sum + r.floor, 0);
  console.log(`overall ratio intake/floor: ${ratio.toFixed(2)} (target >= 0.70)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

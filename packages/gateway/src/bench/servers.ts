import type { AddressInfo } from 'node:net';
import { QUEUE, RedisSettings, createFastFailRedis, createLogger, createWorkerRedis, openQueue } from '@intake/core';
import { Worker, type Queue } from 'bullmq';
import express, { type Express } from 'express';
import { validateRequest } from 'twilio';
import { startIntake, type StartMode } from '../topology.js';
import { BENCH_SECRETS, PUBLIC_URL, benchConfig, signWebhook, type BenchEnv } from './town.js';

/**
 * One server under test per process, so the load generator never shares its event loop: started by the bench with
 * BENCH_SERVER naming which, it sends its base URL to the parent once it listens.
 * - `route-floor`: express + one BullMQ add per request (JSON, or a Twilio form checked with twilio's validator);
 * - `pipeline-floor`: the same route, then three BullMQ hops, the last POSTing the signed record to the CRM;
 * - `intake-http` / `intake`: the gateway as `intake start --http-only` / `pnpm start` run it, logging at info
 *   (the CPU asked of this process counts every thread of it, the workers' one too).
 */
const env = JSON.parse(process.env.BENCH_ENV!) as BenchEnv;
const HOP_CONCURRENCY = 16;

async function listen(app: Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The bare routes: what any express app that hands its work to BullMQ costs. */
function floorApp(queue: Queue): Express {
  const app = express();
  app.post('/api/v1/reports', express.json(), async (req, res) => {
    const job = await queue.add('report', req.body);
    res.status(202).json({ id: job.id });
  });
  app.post('/webhooks/twilio/sms', express.urlencoded({ extended: false }), async (req, res) => {
    const signature = req.get('x-twilio-signature') ?? '';
    if (!validateRequest(BENCH_SECRETS.twilioToken, signature, `${PUBLIC_URL}${req.originalUrl}`, req.body)) {
      res.status(403).end();
      return;
    }
    await queue.add('sms', req.body);
    res.status(200).type('text/xml').send('<Response/>');
  });
  return app;
}

const silent = createLogger({ level: 'warn' });
const benchRedis = RedisSettings.parse({ url: env.redisUrl, prefix: env.prefix });

async function routeFloor(): Promise<string> {
  return listen(floorApp(openQueue(QUEUE.intake, createFastFailRedis(benchRedis), env.prefix, silent)));
}

/** Three hops as Intake has them (intake, route, delivery), each a worker adding to the next; the last one POSTs. */
async function pipelineFloor(): Promise<string> {
  const connection = createWorkerRedis(benchRedis);
  const hops = ['hop-1', 'hop-2', 'hop-3'].map((name) => openQueue(name, createFastFailRedis(benchRedis), env.prefix, silent));
  const deliver = async (record: unknown) => {
    const body = JSON.stringify(record);
    const response = await fetch(env.sinkUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-signature': signWebhook(body) },
      body,
    });
    if (!response.ok) throw new Error(`sink answered ${response.status}`);
  };
  hops.forEach((queue, i) => {
    const next = hops[i + 1];
    new Worker(queue.name, async (job) => (next ? next.add(job.name, { id: job.id, ...job.data }) : deliver(job.data)), {
      connection,
      prefix: env.prefix,
      concurrency: HOP_CONCURRENCY,
    });
  });
  return listen(floorApp(hops[0]!));
}

/** Intake started as `intake start` starts it (topology.ts): with workers, they run on their own thread. */
async function intake(mode: StartMode): Promise<string> {
  const { port } = await startIntake({ config: benchConfig(env), log: createLogger({ level: 'info' }), mode, port: 0 });
  return `http://127.0.0.1:${port}`;
}

const servers: Record<string, () => Promise<string>> = {
  'route-floor': routeFloor,
  'pipeline-floor': pipelineFloor,
  'intake-http': () => intake('http-only'),
  intake: () => intake('all'),
};

// the bench asks for this process's CPU time around each round
process.on('message', () => process.send!({ cpu: process.cpuUsage() }));

servers[process.env.BENCH_SERVER!]!().then(
  (url) => process.send!({ url }),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

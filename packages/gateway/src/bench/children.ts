import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { QUEUE, deliveryQueueName, indexFeedKey } from '@intake/core';
import { deletePrefix } from '@intake/testkit';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { benchDataDir, type BenchEnv } from './town.js';

/** `intake-earlier`: the gateway as another checkout builds it (BENCH_AGAINST), for a change measured against the code before it */
export type ServerKind = 'route-floor' | 'pipeline-floor' | 'intake-http' | 'intake' | 'intake-earlier';

export interface ServerProcess {
  kind: ServerKind;
  url: string;
  prefix: string;
  /** CPU time (user + system) the server process has used so far, in ms */
  cpuMs(): Promise<number>;
  /** resolves once the queues this server works on have nothing waiting or running (delayed jobs excepted), and its index is fed */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

const DRAIN_GIVE_UP_MS = 120_000;

const fieldsOf = (reply: unknown[]) => new Map(reply.flatMap((value, i) => (i % 2 === 0 ? [[value, reply[i + 1]]] : [])));

/**
 * Whether every console index has read and indexed every change of the store's feed: a gateway that is still
 * indexing the last round's requests would start the next round busy (and its deliveries share the thread).
 */
async function feedCaughtUp(connection: Redis, prefix: string): Promise<boolean> {
  const key = indexFeedKey(prefix);
  if ((await connection.exists(key)) === 0) return true;
  const last = fieldsOf((await connection.xinfo('STREAM', key)) as unknown[]).get('last-generated-id');
  const groups = (await connection.xinfo('GROUPS', key)) as unknown[][];
  return groups.map(fieldsOf).every((group) => group.get('last-delivered-id') === last && Number(group.get('pending')) === 0);
}

/** Where a kind of server's servers.js is: this build's, or for `intake-earlier` the one of the checkout given. */
const serversScript = (kind: ServerKind, env: BenchEnv, own: string) =>
  kind === 'intake-earlier' ? path.resolve(env.against!, 'packages/gateway/dist/bench/servers.js') : own;

/** Starts one server under test in a process of its own (servers.ts), with its own key prefix. */
export async function startServer(kind: ServerKind, env: BenchEnv): Promise<ServerProcess> {
  const prefix = `${env.prefix}-${kind}`;
  const child: ChildProcess = fork(serversScript(kind, env, path.join(__dirname, 'servers.js')), [], {
    env: { ...process.env, BENCH_SERVER: kind === 'intake-earlier' ? 'intake' : kind, BENCH_ENV: JSON.stringify({ ...env, prefix }) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const [ready] = (await once(child, 'message')) as [{ url: string }];
  const connection = new Redis(env.redisUrl, { maxRetriesPerRequest: null });
  const gateway = kind === 'intake' || kind === 'intake-earlier';
  const queueNames = gateway ? [QUEUE.intake, QUEUE.route, QUEUE.reply, deliveryQueueName('crm')] : ['hop-1', 'hop-2', 'hop-3'];
  const queues = queueNames.map((name) => new Queue(name, { connection, prefix }));
  return {
    kind,
    url: ready.url,
    prefix,
    async cpuMs() {
      child.send('cpu');
      const [usage] = (await once(child, 'message')) as [{ cpu: NodeJS.CpuUsage }];
      return (usage.cpu.user + usage.cpu.system) / 1000;
    },
    async drained() {
      if (kind === 'route-floor' || kind === 'intake-http') return;
      const giveUp = Date.now() + DRAIN_GIVE_UP_MS;
      for (;;) {
        const counts = await Promise.all(queues.map((queue) => queue.getJobCounts('waiting', 'active', 'prioritized')));
        const left = counts.reduce((sum, count) => sum + Object.values(count).reduce((a, b) => a + b, 0), 0);
        if (left === 0 && (!gateway || (await feedCaughtUp(connection, prefix)))) return;
        if (Date.now() > giveUp)
          throw new Error(`${kind}: ${left} jobs still queued, or its index not fed, after ${DRAIN_GIVE_UP_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async stop() {
      await Promise.all(queues.map((queue) => queue.close()));
      connection.disconnect();
      child.kill();
      await once(child, 'exit');
      await deletePrefix(prefix, env.redisUrl);
      rmSync(benchDataDir(prefix), { recursive: true, force: true });
    },
  };
}

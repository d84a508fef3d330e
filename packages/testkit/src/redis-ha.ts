import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports.js';
import { startRedisServer, untilAnswering, type RedisServer } from './redis-server.js';
import { waitFor } from './wait.js';

const run = promisify(execFile);
const nodeName = (port: number) => `127.0.0.1:${port}`;

/** A primary with its replicas and the sentinels that watch it, each a process of its own on loopback. */
export interface SentinelSet {
  /** the primary's name the sentinels watch */
  name: string;
  primary: RedisServer;
  replicas: RedisServer[];
  /** the sentinels as `host:port`, as `redis.sentinels` takes them */
  sentinels: string[];
  /** the port of the primary the sentinels name now (after a failover, a former replica's) */
  currentPrimary(): Promise<number>;
  stop(): Promise<void>;
}

async function startSentinel(primaryPort: number, name: string, dir: string): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const file = path.join(dir, `sentinel-${port}.conf`);
  // quick to notice a dead primary, so a test's failover takes seconds; a quorum of two of the three
  writeFileSync(
    file,
    [
      `port ${port}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      `sentinel monitor ${name} 127.0.0.1 ${primaryPort} 2`,
      `sentinel down-after-milliseconds ${name} 2000`,
      `sentinel failover-timeout ${name} 10000`,
      `sentinel parallel-syncs ${name} 2`,
    ].join('\n') + '\n',
  );
  const child = spawn('redis-server', [file, '--sentinel'], { stdio: 'ignore' });
  await untilAnswering(`redis://127.0.0.1:${port}`);
  return { port, child };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** Starts a primary, `replicaCount` replicas of it and three sentinels, and waits until the sentinels see them all. */
export async function startSentinelSet(replicaCount = 2, name = 'intake-primary'): Promise<SentinelSet> {
  const dir = mkdtempSync(path.join(tmpdir(), 'intake-sentinel-'));
  const primary = await startRedisServer();
  const replicas = await Promise.all(
    Array.from({ length: replicaCount }, () => startRedisServer(['--replicaof', '127.0.0.1', String(primary.port)])),
  );
  const sentinels = await Promise.all([1, 2, 3].map(() => startSentinel(primary.port, name, dir)));
  const ask = (...args: string[]) => run('redis-cli', ['-p', String(sentinels[0]!.port), ...args]).then(({ stdout }) => stdout);
  await waitFor(
    async () => {
      const master = await ask('sentinel', 'master', name);
      const seen = /num-slaves\n(\d+)\n[\s\S]*num-other-sentinels\n(\d+)/.exec(master);
      return seen !== null && Number(seen[1]) === replicaCount && Number(seen[2]) === 2;
    },
    30_000,
    'the sentinels to see the replicas and each other',
  );
  return {
    name,
    primary,
    replicas,
    sentinels: sentinels.map(({ port }) => nodeName(port)),
    async currentPrimary() {
      const [, port] = (await ask('sentinel', 'get-master-addr-by-name', name)).trim().split('\n');
      return Number(port);
    },
    async stop() {
      await Promise.all(sentinels.map(({ child }) => stopChild(child)));
      await Promise.all([primary, ...replicas].map((server) => server.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Redis Cluster of primaries only, each a redis-server of its own on loopback. */
export interface RedisCluster {
  /** its nodes as `host:port`, as `redis.cluster` takes them */
  nodes: string[];
  servers: RedisServer[];
  stop(): Promise<void>;
}

/** Starts `primaries` cluster-enabled servers, joins them with `redis-cli --cluster create`, and waits until the cluster is ok. */
export async function startRedisCluster(primaries = 3): Promise<RedisCluster> {
  const servers = await Promise.all(
    Array.from({ length: primaries }, () =>
      startRedisServer(['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '5000']),
    ),
  );
  const nodes = servers.map(({ port }) => nodeName(port));
  await run('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-yes']);
  await waitFor(
    async () => {
      const states = await Promise.all(servers.map(({ port }) => run('redis-cli', ['-p', String(port), 'cluster', 'info'])));
      return states.every(({ stdout }) => /cluster_state:ok/.test(stdout));
    },
    30_000,
    'the cluster to be ok on every node',
  );
  return {
    nodes,
    servers,
    async stop() {
      await Promise.all(servers.map((server) => server.stop()));
    },
  };
}

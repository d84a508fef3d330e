import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './ports.js';

/** A redis-server of a test's own, on a free loopback port, that the test may kill and restart. */
export interface RedisServer {
  port: number;
  url: string;
  /** SIGKILL: no shutdown, no final save; only what the AOF holds survives */
  kill(): Promise<void>;
  /** starts it again on the same port and folder, replaying the AOF; resolves once it answers PING */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Resolves once a Redis (or a sentinel) answers PING at `url`. */
export async function untilAnswering(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    const answered = await client
      .connect()
      .then(
        () => client.ping(),
        () => null,
      )
      .catch(() => null);
    client.disconnect();
    if (answered === 'PONG') return;
    if (Date.now() > deadline) throw new Error(`redis-server did not answer at ${url} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts redis-server with AOF `appendfsync always`, as docker/compose.yaml runs it: an acknowledged write survives a kill. */
export async function startRedisServer(extraArgs: string[] = []): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'intake-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  async function start() {
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      ...extraArgs,
    ];
    child = spawn('redis-server', args, { stdio: 'ignore' });
    await untilAnswering(url);
  }

  async function kill() {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  }

  await start();
  return {
    port,
    url,
    kill,
    start,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

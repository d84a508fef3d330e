import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { redisAnswers, type Logger } from '@intake/core';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

const NO_REDIS_HELP = (url: string) =>
  `Intake needs Redis and nothing answers at ${url}. Install it and run it (Debian/Ubuntu: "sudo apt-get install redis-server"; ` +
  `macOS: "brew install redis && brew services start redis"; Docker: "docker run -p 6379:6379 redis:7"), ` +
  `or point REDIS_URL (or redis.url in intake.yaml) at a Redis you already have. When redis-server is on the PATH and the URL ` +
  `is on this machine, "pnpm start" starts one itself with its data under .intake/redis.`;

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

async function waitUntilAnswers(url: string, tries: number): Promise<boolean> {
  for (let i = 0; i < tries; i += 1) {
    if (await redisAnswers(url, 500)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/**
 * Makes sure Redis answers at `url`: when it does not, the URL is local and redis-server is installed,
 * starts one with AOF persistence under `dataDir`. Returns the child to stop on exit, or throws the help text.
 */
export async function ensureRedis(url: string, dataDir: string, log: Logger, command = 'redis-server'): Promise<ChildProcess | null> {
  if (await redisAnswers(url)) return null;
  const { hostname, port } = new URL(url);
  if (!LOOPBACK.has(hostname) || !onPath(command)) throw new Error(NO_REDIS_HELP(url));
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const child = spawn(command, ['--port', port || '6379', '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''], {
    stdio: 'ignore',
  });
  if (!(await waitUntilAnswers(url, 50))) {
    child.kill();
    throw new Error(NO_REDIS_HELP(url));
  }
  log.info({ url, dir }, `nothing answered at ${url}, so Intake started redis-server itself (AOF on, data in ${dir})`);
  return child;
}

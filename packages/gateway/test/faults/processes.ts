import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { freePort } from '@intake/testkit';
import { writeDemoConfig, type Overrides } from '../harness.js';

/**
 * Node's arguments for the CLI run from its TypeScript sources. tsx's require hook, not its `--import` one: Node 20
 * runs a `--require` again in every worker thread, and `intake start` runs its workers on a thread of their own.
 */
export const FROM_SOURCES = ['--conditions=source', '--require', require.resolve('tsx/cjs')];
export const CLI = path.resolve(__dirname, '../../src/cli.ts');

/** The demo town's intake.yaml for a process on a free port of its own (see writeDemoConfig). */
export async function writeConfig(
  redisUrl: string,
  prefix: string,
  overrides: Overrides,
): Promise<{ file: string; port: number; dir: string }> {
  const port = await freePort();
  return { ...writeDemoConfig({ redisUrl, prefix, port }, overrides), port };
}

/** The deployment every fault test runs: the web form (and signed SMS) in, one webhook CRM out, many quick delivery retries. */
export function faultDeployment(raw: Record<string, unknown>, crmUrl: string, sms?: Record<string, unknown>): void {
  raw.channels = sms === undefined ? { web: {} } : { web: {}, sms };
  raw.router = {
    destinations: { crm: { type: 'webhook', url: `${crmUrl}/intake`, secret: 'fault-secret' } },
    rules: [],
    default: { deliver_to: ['crm'] },
  };
  raw.delivery = { attempts: 30, backoff_ms: 100 };
}

export type Mode = 'all' | 'http-only' | 'workers-only';

/** One `intake start` process run from the TypeScript sources, as `pnpm start` runs the compiled one. */
export interface GatewayProcess {
  readonly mode: Mode;
  /** resolves with how the process ended */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL and wait for the end (no-op when it has ended) */
  kill(): Promise<void>;
}

export async function startGatewayProcess(configFile: string, mode: Mode, logDir: string): Promise<GatewayProcess> {
  const args = [...FROM_SOURCES, CLI, 'start', '--config', configFile, ...(mode === 'all' ? [] : [`--${mode}`])];
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'info' },
  });
  const log = createWriteStream(path.join(logDir, `${mode}-${child.pid}.log`));
  child.stderr!.pipe(log);
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      seen += chunk.toString('utf8');
      if (/Intake (listening|workers running)/.test(seen)) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (seen += chunk.toString('utf8')));
    void ended.then(({ code, signal }) =>
      reject(new Error(`intake start ${mode} ended (${code ?? signal}) before it was ready:\n${seen.slice(-2000)}`)),
    );
  });
  return {
    mode,
    exited: () => ended,
    signal: (signal) => child.kill(signal),
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await ended;
    },
  };
}

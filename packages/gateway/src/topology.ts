import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadedConfig, Logger } from '@intake/core';
import { createGateway } from './gateway.js';
import type { ThreadMetrics } from './metrics.js';

export type StartMode = 'all' | 'http-only' | 'workers-only';

/** What the HTTP thread hands the workers' thread: the configuration it validated, and how much to log. */
export interface WorkersThreadData {
  config: LoadedConfig;
  logLevel: string;
}

export type ToWorkersThread = { type: 'metrics'; id: number } | { type: 'stop' };
type FromWorkersThread = { type: 'ready' } | { type: 'stopped' } | { type: 'metrics'; id: number; metrics: ThreadMetrics };

export interface StartOptions {
  config: LoadedConfig;
  log: Logger;
  mode: StartMode;
  /** the HTTP port (0: any free one); default `server.port` */
  port?: number;
  /** the workers' thread ended unasked (a crash): this process no longer does all of its work */
  onWorkersLost?: (error: Error) => void;
}

export interface Started {
  /** the port HTTP listens on; null when this process serves none */
  port: number | null;
  /** HTTP stops taking requests and answers those under way, the workers finish their jobs */
  stop(): Promise<void>;
}

interface WorkersThread {
  metrics(): Promise<ThreadMetrics>;
  stop(): Promise<void>;
}

/** A thread that has not answered by then is left out of a scrape: the HTTP thread's counters are still served. */
const METRICS_ASK_MS = 2_000;

/** Starts workers-thread.js (its .ts source where the CLI runs from sources) and resolves once its workers run. */
async function startWorkersThread(config: LoadedConfig, log: Logger, onLost: (error: Error) => void): Promise<WorkersThread> {
  const file = path.join(__dirname, `workers-thread${path.extname(__filename)}`);
  const thread = new Worker(file, { workerData: { config, logLevel: log.level } satisfies WorkersThreadData });
  const asked = new Map<number, (metrics: ThreadMetrics) => void>();
  let asks = 0;
  let state: 'starting' | 'running' | 'stopping' = 'starting';
  let stopped = () => undefined as void;
  await new Promise<void>((resolve, reject) => {
    const ended = (error: Error) => {
      if (state === 'starting') reject(error);
      else if (state === 'running') onLost(error);
      state = 'stopping';
    };
    thread.on('message', (message: FromWorkersThread) => {
      if (message.type === 'ready') {
        state = 'running';
        resolve();
      } else if (message.type === 'stopped') stopped();
      else asked.get(message.id)?.(message.metrics);
    });
    thread.once('error', ended);
    thread.once('exit', (code) => ended(new Error(`the workers' thread ended (exit code ${code})`)));
  });
  return {
    metrics: () =>
      new Promise((resolve) => {
        const id = asks++;
        const answered = (metrics: ThreadMetrics) => {
          clearTimeout(timer);
          asked.delete(id);
          resolve(metrics);
        };
        const timer = setTimeout(() => answered([]), METRICS_ASK_MS);
        asked.set(id, answered);
        thread.postMessage({ type: 'metrics', id } satisfies ToWorkersThread);
      }),
    async stop() {
      state = 'stopping';
      const done = new Promise<void>((resolve) => {
        stopped = resolve;
        thread.once('exit', () => resolve());
      });
      thread.postMessage({ type: 'stop' } satisfies ToWorkersThread);
      await done;
      await thread.terminate();
    },
  };
}

/**
 * `intake start` as it runs. With HTTP and workers both (the default), the pipeline workers run on a thread of their
 * own, as `--workers-only` would: the normalizer's CPU never holds up the routes' event loop, and a second core works.
 * The deliveries, which mostly wait on the CRM, run on the HTTP thread, so that neither thread does most of the work:
 * measured end to end against the deliveries on the workers' thread, 1.07 and 1.17 times the throughput over two
 * runs of alternating rounds at the same CPU a message. The price: while the workers lag behind a burst, the routes
 * answer fewer requests a second (web 0.30 -> 0.22 of the bare route's, Twilio SMS 0.17 -> 0.10). SIGKILL still
 * ends both at once, and everything between them goes through Redis as between processes.
 */
export async function startIntake({ config, log, mode, port, onWorkersLost = () => undefined }: StartOptions): Promise<Started> {
  if (mode !== 'all') {
    const gateway = await createGateway({ config, log, http: mode === 'http-only', workers: mode === 'workers-only' });
    return { port: await gateway.start(port), stop: () => gateway.stop() };
  }
  const workers = await startWorkersThread(config, log, onWorkersLost);
  try {
    const gateway = await createGateway({
      config,
      log,
      workers: false,
      deliveries: true,
      otherThreadsMetrics: async () => [await workers.metrics()],
    });
    const listening = await gateway.start(port);
    return {
      port: listening,
      stop: async () => {
        await Promise.all([gateway.stop(), workers.stop()]);
      },
    };
  } catch (error) {
    await workers.stop();
    throw error;
  }
}

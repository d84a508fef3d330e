import { parentPort, workerData } from 'node:worker_threads';
import { createLogger, metricsRegistry } from '@intake/core';
import { createGateway } from './gateway.js';
import type { ToWorkersThread, WorkersThreadData } from './topology.js';

/**
 * The workers' thread of `intake start` (topology.ts): the pipeline workers, the connectors' pollers and the
 * heartbeat, as `--workers-only` runs them but for the deliveries (the HTTP thread's), answering the HTTP thread's
 * asks for its counters and its stop.
 */
async function run(port: NonNullable<typeof parentPort>, { config, logLevel }: WorkersThreadData): Promise<void> {
  const log = createLogger({ level: logLevel });
  const gateway = await createGateway({ config, log, http: false, workers: true, deliveries: false, servesMetricsPort: false });
  await gateway.start();
  port.on('message', (message: ToWorkersThread) => {
    if (message.type === 'metrics')
      void metricsRegistry.getMetricsAsJSON().then((metrics) => port.postMessage({ type: 'metrics', id: message.id, metrics }));
    else
      void gateway.stop().finally(() => {
        log.flush();
        port.postMessage({ type: 'stopped' });
      });
  });
  port.postMessage({ type: 'ready' });
}

// a failure to start is an unhandled rejection, which ends the thread: its 'error' event tells the HTTP thread
void run(parentPort!, workerData as WorkersThreadData);

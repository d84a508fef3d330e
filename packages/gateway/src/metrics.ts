import { metricsRegistry } from '@intake/core';
import type { Queue } from 'bullmq';
import { Gauge } from 'prom-client';

const queueJobs = new Gauge({
  name: 'intake_queue_jobs',
  help: 'Jobs per queue and state',
  labelNames: ['queue', 'state'],
  registers: [metricsRegistry],
});

export interface QueueDepths {
  refresh(): Promise<void>;
}

type Depths = Record<string, Record<string, number>>;

/** Queue depths are read from Redis when /metrics is scraped, so every node reports the shared truth. */
export function createQueueDepths(queues: Queue[], deliveryDepths: () => Promise<Depths>): QueueDepths {
  return {
    async refresh() {
      const pipeline = await Promise.all(
        queues.map(async (queue) => [queue.name, await queue.getJobCounts('waiting', 'active', 'delayed', 'failed')] as const),
      );
      for (const [queue, byState] of [...pipeline, ...Object.entries(await deliveryDepths())]) {
        for (const [state, n] of Object.entries(byState)) queueJobs.set({ queue, state }, n);
      }
    },
  };
}

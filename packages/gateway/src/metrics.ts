import { metricsRegistry, withTimeout } from '@intake/core';
import type { Queue } from 'bullmq';
import { AggregatorRegistry, Gauge, type MetricObjectWithValues, type MetricValue } from 'prom-client';

const queueJobs = new Gauge({
  name: 'intake_queue_jobs',
  help: 'Jobs per queue and state',
  labelNames: ['queue', 'state'],
  registers: [metricsRegistry],
});

/** One thread's counters, as its registry gives them to be summed with another's. */
export type ThreadMetrics = MetricObjectWithValues<MetricValue<string>>[];

/** The counters of the other threads of this process (the workers' thread of `intake start`), served with this one's. */
export type OtherThreadsMetrics = () => Promise<ThreadMetrics[]>;

/** What /metrics answers, in Prometheus text. */
export interface Scrape {
  text(): Promise<string>;
}

type Depths = Record<string, Record<string, number>>;

const QUEUE_DEPTHS_MS = 2_000;

/**
 * Queue depths are read from Redis when /metrics is scraped, so every node reports the shared truth; the counters are
 * this thread's, summed with the other threads' when there are any.
 */
export function createScrape(queues: Queue[], deliveryDepths: () => Promise<Depths>, otherThreads?: OtherThreadsMetrics): Scrape {
  async function refreshDepths() {
    const pipeline = await Promise.all(
      queues.map(async (queue) => [queue.name, await queue.getJobCounts('waiting', 'active', 'delayed', 'failed')] as const),
    );
    for (const [queue, byState] of [...pipeline, ...Object.entries(await deliveryDepths())]) {
      for (const [state, n] of Object.entries(byState)) queueJobs.set({ queue, state }, n);
    }
  }
  return {
    async text() {
      await withTimeout(refreshDepths(), QUEUE_DEPTHS_MS, 'reading queue depths').catch(() => undefined);
      if (otherThreads === undefined) return metricsRegistry.metrics();
      const [own, others] = await Promise.all([metricsRegistry.getMetricsAsJSON(), otherThreads()]);
      return AggregatorRegistry.aggregate([own, ...others]).metrics();
    },
  };
}

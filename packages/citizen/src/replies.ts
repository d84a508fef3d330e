import {
  OptOuts,
  QUEUE,
  WORKER_RECOVERY_OPTIONS,
  metricsRegistry,
  openQueue,
  type Channel,
  type Connector,
  type LoadedConfig,
  type Logger,
  type OutboundReply,
  type CatalogueText,
  type ReplyJob,
  type RequestStore,
  type Responder,
} from '@intake/core';
import type { Texts } from '@intake/i18n';
import { Worker, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Counter } from 'prom-client';

const repliesSent = new Counter({ name: 'intake_replies_total', help: 'Replies to citizens, by channel and outcome', labelNames: ['channel', 'kind', 'outcome'], registers: [metricsRegistry] });


export interface ReplyDeps {
  config: LoadedConfig;
  log: Logger;
  texts: Texts;
  store: RequestStore;
  redis: Redis;
  connectors: Connector[];
}

/** The reply queue: anything said to a citizen after their webhook was answered goes through here, with retries. */
export class Replies {
  private readonly queue: Queue<ReplyJob>;
  private readonly responders = new Map<Channel, Responder>();
  private worker: Worker<ReplyJob> | null = null;
  private readonly optOuts: OptOuts;

  constructor(private readonly deps: ReplyDeps) {
    this.queue = openQueue<ReplyJob>(QUEUE.reply, deps.redis, deps.config.redis.prefix, deps.log);
    this.optOuts = new OptOuts(deps.redis, deps.config.redis.prefix);
    for (const connector of deps.connectors) {
      const responder = connector.responder?.(deps.config, deps.log, deps.texts);
      for (const channel of responder?.channels ?? []) this.responders.set(channel, responder!);
    }
  }

  canAnswer(channel: Channel | undefined): boolean {
    return channel !== undefined && this.responders.has(channel);
  }

  /** Queues catalogue texts (or a CRM's own words) for the citizen; they are put into the citizen's language when sent. */
  async enqueue(requestId: string, kind: OutboundReply['kind'], texts: (CatalogueText | string)[], jobKey: string = kind): Promise<void> {
    await this.queue.add(kind, { request_id: requestId, kind, texts }, {
      jobId: `${requestId}.${jobKey}`,
      attempts: 6,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 86_400 },
      removeOnFail: { age: 7 * 86_400 },
    });
  }

  private async send(job: Job<ReplyJob>): Promise<void> {
    const { request_id: id, kind, texts } = job.data;
    const stored = await this.deps.store.get(id);
    const to = stored?.reply_to;
    if (!stored || !to) return;
    const responder = this.responders.get(to.channel);
    if (responder === undefined) return;
    if (await this.optOuts.isOptedOut(to.channel, to.to)) {
      repliesSent.inc({ channel: to.channel, kind, outcome: 'opted_out' });
      return;
    }
    const language = this.deps.texts.pick(stored.record.language);
    const { reference } = stored.record;
    const text = texts.map((part) => (typeof part === 'string' ? part : this.deps.texts.t(language, part.key, { reference, ...part.values }))).join(' ');
    await responder.send(to, { request_id: id, reference, kind, text, language });
    repliesSent.inc({ channel: to.channel, kind, outcome: 'sent' });
  }

  start(connection: Redis): void {
    this.worker = new Worker<ReplyJob>(QUEUE.reply, (job) => this.send(job), { connection, prefix: this.deps.config.redis.prefix, concurrency: 8, ...WORKER_RECOVERY_OPTIONS });
    this.worker.on('failed', (job, error) => {
      repliesSent.inc({ channel: 'unknown', kind: job?.data.kind ?? 'unknown', outcome: 'failed' });
      this.deps.log.warn({ job: job?.id, attempts: job?.attemptsMade, err: error.message }, 'reply failed');
    });
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    await Promise.all([...new Set(this.responders.values())].map((responder) => responder.close?.()));
  }
}

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
  type ReplyAddress,
  type ReplyJob,
  type StoredRequest,
  type RequestStore,
  type Responder,
  type RedisClient,
  openWorker,
} from '@intake/core';
import type { Texts } from '@intake/i18n';
import type { Job, Queue, Worker } from 'bullmq';
import { Counter } from 'prom-client';
import { Recipients } from './recipients.js';

const repliesSent = new Counter({
  name: 'intake_replies_total',
  help: 'Replies to citizens, by channel and outcome',
  labelNames: ['channel', 'kind', 'outcome'],
  registers: [metricsRegistry],
});

export interface ReplyDeps {
  config: LoadedConfig;
  log: Logger;
  texts: Texts;
  store: RequestStore;
  redis: RedisClient;
  connectors: Connector[];
}

/** The reply queue: anything said to a citizen after their webhook was answered goes through here, with retries. */
export class Replies {
  private readonly queue: Queue<ReplyJob>;
  private readonly responders = new Map<Channel, Responder>();
  private worker: Worker<ReplyJob> | null = null;
  private readonly optOuts: OptOuts;
  private readonly recipients: Recipients;

  constructor(private readonly deps: ReplyDeps) {
    this.queue = openQueue<ReplyJob>(QUEUE.reply, deps.redis, deps.config.redis.prefix, deps.log);
    this.optOuts = new OptOuts(deps.redis, deps.config.redis.prefix);
    this.recipients = new Recipients(
      deps.redis,
      deps.config.redis.prefix,
      deps.config.conversations.unconfirmed_daily_limit,
      deps.config.redis.retention_days * 86_400,
    );
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
    await this.queue.add(
      kind,
      { request_id: requestId, kind, texts },
      {
        jobId: `${requestId}.${jobKey}`,
        attempts: 6,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: { age: 86_400 },
        removeOnFail: { age: 7 * 86_400 },
      },
    );
  }

  /** The address wrote to us on the channel we answer on: it is no stranger's, and is no longer limited. */
  async confirmRecipient(to: ReplyAddress): Promise<void> {
    await this.recipients.confirm(to);
  }

  /** A repeat of the same sender's earlier report is answered by that report's messages, not again. */
  private async repeatsSender(stored: StoredRequest, to: ReplyAddress): Promise<boolean> {
    const first = stored.record.duplicate_of === null ? null : await this.deps.store.get(stored.record.duplicate_of);
    return first?.reply_to?.channel === to.channel && first.reply_to.to === to.to;
  }

  /** Why nothing is sent: the citizen opted out, already heard about this report, or is a typed address at its daily limit. */
  private async silence(stored: StoredRequest, to: ReplyAddress): Promise<string | null> {
    if (await this.optOuts.isOptedOut(to.channel, to.to)) return 'opted_out';
    if (await this.repeatsSender(stored, to)) return 'repeat';
    return (await this.recipients.mayWrite(to)) ? null : 'limited';
  }

  private async send(job: Job<ReplyJob>): Promise<void> {
    const { request_id: id, kind, texts } = job.data;
    const stored = await this.deps.store.get(id);
    const to = stored?.reply_to;
    if (!stored || !to) return;
    const responder = this.responders.get(to.channel);
    if (responder === undefined) return;
    const silence = await this.silence(stored, to);
    if (silence !== null) {
      repliesSent.inc({ channel: to.channel, kind, outcome: silence });
      return;
    }
    const language = this.deps.texts.pick(stored.record.language);
    const { reference } = stored.record;
    const text = texts
      .map((part) => (typeof part === 'string' ? part : this.deps.texts.t(language, part.key, { reference, ...part.values })))
      .join(' ');
    await responder.send(to, { request_id: id, reference, kind, text, language });
    await this.deps.store.addTurn(id, { at: new Date().toISOString(), from: 'intake', channel: to.channel, kind, text });
    repliesSent.inc({ channel: to.channel, kind, outcome: 'sent' });
  }

  start(connection: RedisClient): void {
    this.worker = openWorker<ReplyJob>(
      QUEUE.reply,
      (job) => this.send(job),
      { connection, prefix: this.deps.config.redis.prefix, concurrency: 8, ...WORKER_RECOVERY_OPTIONS },
      this.deps.log,
    );
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

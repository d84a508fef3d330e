import { once } from 'node:events';
import { hostname } from 'node:os';
import { createWorkerRedis, indexFeedKey, type Logger, type RequestStore, type RedisClient, type RedisSettings } from '@intake/core';
import type { Aggregates } from '../reports/aggregates.js';
import { toIndexed } from './document.js';
import type { RequestIndex } from './request-index.js';

export interface FeederOptions {
  redis: RedisSettings;
  /** one consumer group per index: every SQLite file, or the one PostgreSQL schema, sees the whole stream */
  group: string;
  store: RequestStore;
  index: RequestIndex;
  aggregates: Aggregates;
  log: Logger;
  batch?: number;
}

type StreamEntries = [id: string, fields: string[]][];
type StreamReply = [stream: string, entries: StreamEntries][] | null;

/** Entries a consumer took and did not acknowledge this long ago are taken over: its process died. */
const ORPHANED_MS = 30_000;

/**
 * Keeps an index and the report counters fed from the store's change stream. A consumer group per index means
 * several processes can feed one PostgreSQL index between them, and an entry is acknowledged only once indexed,
 * so a crash re-reads it. Each entry names a request; the current record is read, so order does not matter.
 */
export class IndexFeeder {
  private readonly redis: RedisClient;
  private readonly consumer = `${hostname()}:${process.pid}`;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(private readonly options: FeederOptions) {
    // No offline queue: while Redis is away a command fails at once and the loop waits, so stop() is never stuck
    // behind a command that would only be answered once Redis is back.
    this.redis = createWorkerRedis(options.redis, { enableOfflineQueue: false });
    this.redis.on('error', (error: Error) => options.log.debug({ err: error.message }, 'index feed connection error'));
  }

  private get key() {
    return indexFeedKey(this.options.redis.prefix);
  }

  /** From the stream's start, so an index created after requests were stored still gets those the feed keeps. */
  private async ensureGroup(): Promise<void> {
    await this.redis.xgroup('CREATE', this.key, this.options.group, '0', 'MKSTREAM').catch((error: Error) => {
      if (!error.message.includes('BUSYGROUP')) throw error;
    });
  }

  /** Returns at once: a Redis that is down is waited for in the background, not by the gateway's start. */
  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  private async index(entries: StreamEntries): Promise<number> {
    if (entries.length === 0) return 0;
    const ids = [...new Set(entries.map(([, fields]) => fields[fields.indexOf('id') + 1]).filter((id): id is string => id !== undefined))];
    const found = await this.options.store.manyWithDeliveries(ids);
    const present = found.filter((pair): pair is [NonNullable<(typeof pair)[0]>, (typeof pair)[1]] => pair[0] !== null);
    await this.options.index.upsert(present.map(([stored, deliveries]) => toIndexed(stored, deliveries)));
    for (const [stored, deliveries] of present) await this.options.aggregates.record(stored, deliveries);
    await this.redis.xack(this.key, this.options.group, ...entries.map(([id]) => id));
    return entries.length;
  }

  /** Takes over what a dead consumer left, reads what is new (waiting up to a second when `block`), indexes both. */
  private async next(block: boolean): Promise<number> {
    const count = this.options.batch ?? 500;
    const [, orphaned] = (await this.redis.xautoclaim(this.key, this.options.group, this.consumer, ORPHANED_MS, '0', 'COUNT', count)) as [
      string,
      StreamEntries,
    ];
    const { group } = this.options;
    const reply = (
      block
        ? await this.redis.xreadgroup('GROUP', group, this.consumer, 'COUNT', count, 'BLOCK', 1000, 'STREAMS', this.key, '>')
        : await this.redis.xreadgroup('GROUP', group, this.consumer, 'COUNT', count, 'STREAMS', this.key, '>')
    ) as StreamReply;
    return (await this.index(orphaned)) + (await this.index(reply?.[0]?.[1] ?? []));
  }

  /** Indexes everything waiting now and returns, instead of start(): for tests and one-off rebuilds. */
  async drain(): Promise<void> {
    if (this.redis.status !== 'ready') await once(this.redis, 'ready');
    await this.ensureGroup();
    while ((await this.next(false)) > 0);
  }

  private async run() {
    let grouped = false;
    while (this.running) {
      try {
        if (!grouped) await this.ensureGroup();
        grouped = true;
        await this.next(true);
      } catch (error) {
        if (!this.running) return;
        this.options.log.warn({ err: (error as Error).message }, 'index feed failed, retrying');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1000);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    this.redis.disconnect();
    await this.loop;
  }
}

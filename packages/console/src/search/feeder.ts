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
  /** how long Redis keeps a request (`redis.retention_days`): only rows received before then can have expired */
  retentionDays: number;
  batch?: number;
}

type StreamEntries = [id: string, fields: string[]][];
type StreamReply = [stream: string, entries: StreamEntries][] | null;

/** Entries a consumer took and did not acknowledge this long ago are taken over: its process died. */
const ORPHANED_MS = 30_000;
/** How often a running feeder forgets expired requests and trims what every index has read. */
const UPKEEP_EVERY_MS = 10 * 60_000;
const SWEEP_BATCH = 500;
/**
 * Having indexed what was new, the feed waits this long before it reads again: a request changes several times within
 * moments (saved, routed, its delivery queued, delivered), and changes read together index and count it once.
 */
const LINGER_MS = 250;
const RETRY_MS = 1000;

/** Stream ids ("ms-seq") in order. */
const streamIdOrder = (id: string) => id.split('-').map(BigInt) as [bigint, bigint];
const earlierStreamId = (a: string, b: string) => {
  const [am, as] = streamIdOrder(a);
  const [bm, bs] = streamIdOrder(b);
  return am < bm || (am === bm && as < bs);
};
/** The id right after one: what a group has read up to and including it. */
const afterStreamId = (id: string) => {
  const [ms, seq] = streamIdOrder(id);
  return `${ms}-${seq + 1n}`;
};

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
  private upkeepDue = 0;
  private prepared = false;
  private rebuildDue = false;
  private everConnected = false;

  constructor(private readonly options: FeederOptions) {
    // No offline queue and no retry: while Redis is away a command fails at once and the loop waits, so stop() is
    // never stuck behind a command that would only be answered once Redis is back. Without maxRetriesPerRequest 0, a
    // read in flight when Redis died was kept for resending, and disconnect() during the reconnect never settled it.
    this.redis = createWorkerRedis(options.redis, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    this.redis.on('error', (error: Error) => options.log.debug({ err: error.message }, 'index feed connection error'));
    this.redis.once('ready', () => (this.everConnected = true));
  }

  private get key() {
    return indexFeedKey(this.options.redis.prefix);
  }

  /**
   * A new group starts at the stream's end and its index is built from the store instead, as is an index found
   * empty (a new file or layout): the stream keeps only what existing groups have yet to read.
   */
  private async prepare(): Promise<void> {
    if (this.prepared) return;
    const created = await this.redis.xgroup('CREATE', this.key, this.options.group, '$', 'MKSTREAM').then(
      () => true,
      (error: Error) => {
        if (!error.message.includes('BUSYGROUP')) throw error;
        return false;
      },
    );
    // remembered, so that a rebuild cut short by a failure is done again on the retry
    this.rebuildDue ||= created || (await this.options.index.count()) === 0;
    if (this.rebuildDue) await this.rebuild();
    this.rebuildDue = false;
    this.prepared = true;
  }

  /**
   * Indexes every request Redis keeps and forgets the rows of those it does not (`intake index rebuild`): for a new
   * index, or one that missed more than the stream kept. Safe beside a running feed: both write the current record.
   */
  async rebuild(): Promise<{ indexed: number; forgotten: number }> {
    let indexed = 0;
    for await (const ids of this.options.store.ids(SWEEP_BATCH)) indexed += await this.indexRequests(ids);
    const forgotten = await this.forgetExpired();
    await this.options.index.analyze();
    this.options.log.info({ indexed, forgotten, group: this.options.group }, 'request index rebuilt from the store');
    return { indexed, forgotten };
  }

  /** Removes the rows of requests Redis no longer keeps, of those received before `receivedBefore` (all by default). */
  private async forgetExpired(receivedBefore?: number): Promise<number> {
    const { index, store } = this.options;
    let before: { received_at: number; id: string } | undefined;
    let forgotten = 0;
    for (;;) {
      const rows = await index.search({
        limit: SWEEP_BATCH,
        ...(receivedBefore !== undefined && { to_ms: receivedBefore }),
        ...(before && { before }),
      });
      if (rows.length === 0) return forgotten;
      const kept = await store.stored(rows.map((row) => row.id));
      const gone = rows.filter((row) => !kept.has(row.id)).map((row) => row.id);
      await index.remove(gone);
      forgotten += gone.length;
      const last = rows.at(-1)!;
      before = { received_at: last.received_at, id: last.id };
    }
  }

  /** Deletes the entries every group has read and acknowledged: the stream holds only what some index still needs. */
  private async trimConsumed(): Promise<void> {
    const groups = (await this.redis.xinfo('GROUPS', this.key)) as (string | number | null)[][];
    let needed: string | null = null;
    for (const fields of groups) {
      const info = new Map<unknown, unknown>(fields.flatMap((value, i) => (i % 2 === 0 ? [[value, fields[i + 1]]] : [])));
      const [pending, oldestPending] = (await this.redis.xpending(this.key, String(info.get('name')))) as [number, string | null];
      const first = pending > 0 && oldestPending !== null ? oldestPending : afterStreamId(String(info.get('last-delivered-id')));
      if (needed === null || earlierStreamId(first, needed)) needed = first;
    }
    if (needed !== null) await this.redis.xtrim(this.key, 'MINID', needed);
  }

  /** Retention and trimming, done now and then: neither needs doing at every entry. */
  private async upkeep(): Promise<void> {
    const forgotten = await this.forgetExpired(Date.now() - this.options.retentionDays * 86_400_000);
    if (forgotten > 0) this.options.log.info({ forgotten }, 'expired requests removed from the index');
    await this.trimConsumed();
    this.upkeepDue = Date.now() + UPKEEP_EVERY_MS;
  }

  /** Returns at once: a Redis that is down is waited for in the background, not by the gateway's start. */
  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Indexes and counts the requests as stored now; those gone are skipped. Returns how many were found. */
  private async indexRequests(ids: string[]): Promise<number> {
    const found = await this.options.store.manyWithDeliveries(ids);
    const present = found.filter((pair): pair is [NonNullable<(typeof pair)[0]>, (typeof pair)[1]] => pair[0] !== null);
    await this.options.index.upsert(present.map(([stored, deliveries]) => toIndexed(stored, deliveries)));
    // counted side by side: one round trip for the batch, not one after another
    await Promise.all(present.map(([stored, deliveries]) => this.options.aggregates.record(stored, deliveries)));
    return present.length;
  }

  private async index(entries: StreamEntries): Promise<number> {
    if (entries.length === 0) return 0;
    await this.indexRequests([
      ...new Set(entries.map(([, fields]) => fields[fields.indexOf('id') + 1]).filter((id): id is string => id !== undefined)),
    ]);
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
    await this.prepare();
    while ((await this.next(false)) > 0);
    await this.upkeep();
  }

  private async run() {
    while (this.running) {
      try {
        await this.prepare();
        const indexed = await this.next(true);
        if (Date.now() >= this.upkeepDue) await this.upkeep();
        if (indexed > 0) await this.pause(LINGER_MS);
      } catch (error) {
        if (!this.running) return;
        // before the connection first comes up, a command fails at once: that is a start, not a failure to tell
        if (this.everConnected) this.options.log.warn({ err: (error as Error).message }, 'index feed failed, retrying');
        await this.pause(RETRY_MS);
      }
    }
  }

  /** A wait that stop() cuts short; it never holds a process open by itself (what keeps one open is the server it feeds). */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms).unref();
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    this.redis.disconnect();
    await this.loop;
  }
}

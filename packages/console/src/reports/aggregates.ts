import { pointInAreas, type DeliveryState, type StoredRequest, type RedisClient } from '@intake/core';
import { streetOf } from '../search/document.js';
import type { NamedArea } from './areas.js';

/** Council reports look back years, longer than requests are kept: a day's counts name no one. */
const KEEP_DAY_SECONDS = 3 * 366 * 86_400;
const NO_SERVICE = '-';

/**
 * Counts a fact about a request once, however often the feed shows it: a marker set NX and the increments,
 * atomically. The marker is the request's own and goes with it: each sight of the request keeps it as long as the
 * request's keys, which every change (and so every sight) renews. ARGV: the marker's TTL, the day's, the fields.
 */
const COUNT_ONCE = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  for i = 3, #ARGV do redis.call('HINCRBY', KEYS[2], ARGV[i], 1) end
  redis.call('EXPIRE', KEYS[2], ARGV[2])
  return 1
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 0`;

/** Time to CRM in quarter-powers of two of seconds: ~19% wide buckets, enough for a median and a 95th percentile. */
export const timeBucket = (ms: number) => Math.max(0, Math.floor(Math.log2(Math.max(ms, 1000) / 1000) * 4));
export const bucketSeconds = (bucket: number) => 2 ** ((bucket + 0.5) / 4);

/** One day's counters, by area, channel and service ("kind|area|channel|service[|detail]"), so any filter is a sum of fields. */
export type DayCounters = Record<string, number>;

export interface Fact {
  kind: 'n' | 'dup' | 'st' | 't' | 'dead';
  /** '*' for the whole town, or the name of an area the request lies in (each fact is counted once for each) */
  area: string;
  channel: string;
  service: string;
  /** the street, the time bucket or the destination */
  detail?: string;
}

const factField = (fact: Fact) =>
  [fact.kind, fact.area, fact.channel, fact.service, ...(fact.detail === undefined ? [] : [fact.detail])].join('|');

export function parseField(field: string): Fact {
  const [kind, area = '*', channel = '', service = '', ...detail] = field.split('|');
  return { kind: kind as Fact['kind'], area, channel, service, ...(detail.length > 0 ? { detail: detail.join('|') } : {}) };
}

const WHOLE_TOWN = '*';

/**
 * The feed shows a request again at each of its changes (saved, routed, delivered) within seconds: a fact this process
 * counted less than this long ago is not sent again. Markers outlive the request by as much, so a sighting skipped
 * here never shortens one to less than the request's own keys.
 */
const REMEMBERED_MS = 3_600_000;
const REMEMBERED_MARKERS = 50_000;

/** Kept as the pipeline runs, per local day in Redis hashes, so a report never reads every request. */
export class Aggregates {
  private readonly localDate: Intl.DateTimeFormat;
  private readonly markerSeconds: number;
  /** markers this process set or renewed, and when */
  private readonly counted = new Map<string, number>();

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    timezone: string,
    private readonly areas: NamedArea[] = [],
    /** how long Redis keeps a request (`redis.retention_days`) */
    retentionDays = 90,
  ) {
    this.markerSeconds = Math.round(retentionDays * 86_400 + REMEMBERED_MS / 1000);
    this.localDate = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    if (typeof (redis as unknown as { intakeCountOnce?: unknown }).intakeCountOnce !== 'function') {
      redis.defineCommand('intakeCountOnce', { numberOfKeys: 2, lua: COUNT_ONCE });
    }
  }

  dayOf(ms: number): string {
    return this.localDate.format(new Date(ms));
  }

  dayKey(day: string) {
    return `${this.prefix}:agg:${day}`;
  }

  private async countOnce(marker: string, day: string, facts: Fact[]) {
    const now = Date.now();
    if (now - (this.counted.get(marker) ?? -Infinity) < REMEMBERED_MS) return;
    const redis = this.redis as unknown as { intakeCountOnce(...args: (string | number)[]): Promise<number> };
    await redis.intakeCountOnce(
      `${this.prefix}:agg-seen:${marker}`,
      this.dayKey(day),
      this.markerSeconds,
      KEEP_DAY_SECONDS,
      ...facts.map(factField),
    );
    if (this.counted.size >= REMEMBERED_MARKERS) this.counted.clear();
    this.counted.set(marker, now);
  }

  /** Counts what is new about a request: routed (once), first delivered (time to CRM), each destination that gave up. */
  async record(stored: StoredRequest, deliveries: DeliveryState[]): Promise<void> {
    const { record } = stored;
    const receivedMs = Date.parse(record.received_at);
    if (!Number.isFinite(receivedMs) || stored.state !== 'routed') return;
    const day = this.dayOf(receivedMs);
    const { lat, long } = record.location;
    const inAreas =
      lat === null || long === null ? [] : this.areas.filter((area) => pointInAreas({ lat, long }, area.areas)).map((area) => area.name);
    // each fact once for the whole town and once for every area the request lies in
    const everywhere = (fact: Omit<Fact, 'area' | 'channel' | 'service'>): Fact[] =>
      [WHOLE_TOWN, ...inAreas].map((area) => ({ ...fact, area, channel: record.channel, service: record.service_code ?? NO_SERVICE }));
    const street = streetOf(record.location.address);
    const facts = everywhere({ kind: 'n' });
    if (record.duplicate_of !== null) facts.push(...everywhere({ kind: 'dup' }));
    if (street !== null) facts.push(...everywhere({ kind: 'st', detail: street }));
    await this.countOnce(`n:${record.id}`, day, facts);
    const delivered = deliveries.filter((delivery) => delivery.status === 'delivered').map((delivery) => Date.parse(delivery.updated_at));
    if (delivered.length > 0) {
      await this.countOnce(
        `t:${record.id}`,
        day,
        everywhere({ kind: 't', detail: String(timeBucket(Math.min(...delivered) - receivedMs)) }),
      );
    }
    for (const dead of deliveries.filter((delivery) => delivery.status === 'dead')) {
      await this.countOnce(`dead:${record.id}:${dead.destination}`, day, everywhere({ kind: 'dead', detail: dead.destination }));
    }
  }

  /** The counters of each local day from `from` to `to` inclusive (YYYY-MM-DD), one HGETALL per day. */
  async days(from: string, to: string): Promise<Map<string, DayCounters>> {
    const days: string[] = [];
    for (let at = Date.parse(`${from}T12:00:00Z`); at <= Date.parse(`${to}T12:00:00Z`); at += 86_400_000)
      days.push(new Date(at).toISOString().slice(0, 10));
    const pipeline = this.redis.pipeline();
    for (const day of days) pipeline.hgetall(this.dayKey(day));
    const results = (await pipeline.exec()) ?? [];
    return new Map(
      days.map((day, i) => {
        const [, hash] = results[i] ?? [null, {}];
        return [day, Object.fromEntries(Object.entries((hash ?? {}) as Record<string, string>).map(([field, n]) => [field, Number(n)]))];
      }),
    );
  }
}

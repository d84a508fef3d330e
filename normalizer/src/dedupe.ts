import { createHash } from 'node:crypto';
import { distanceMeters, type LoadedConfig } from '@intake/core';
import type { Redis } from 'ioredis';
import { similarity } from './language.js';

export interface DedupeInput {
  id: string;
  received_at: string;
  service_code: string | null;
  point: { lat: number; long: number } | null;
  /** who sent it: E.164 phone, email, or a channel handle; null when anonymous */
  sender: string | null;
  /** content-word stems of the description */
  stems: string[];
}

export interface DedupeVerdict {
  duplicate_of: string | null;
  kind: 'sender' | 'near' | null;
}

interface Remembered {
  id: string;
  at: number;
  code: string | null;
  point: { lat: number; long: number } | null;
  stems: string[];
  /** the first request of its group, when this one was a duplicate */
  root: string | null;
}

/** Candidates looked at per report: the nearest ones in the radius are the ones that matter. */
const NEAR_LIMIT = 50;
/** Expired members removed from a geo index per check, so cleaning costs the same however busy the town. */
const CLEANUP_BATCH = 100;

const hash = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

/**
 * Finds repeats on Redis: the same sender again within minutes, and the same problem reported nearby within hours
 * (a GEO index per service code, so a check costs the same with ten open requests or ten thousand).
 */
export class Deduper {
  private readonly prefix: string;
  private readonly radius: number;
  private readonly windowMs: number;
  private readonly senderWindowMs: number;
  private readonly minSimilarity: number;

  constructor(
    private readonly redis: Redis,
    config: LoadedConfig,
  ) {
    this.prefix = `${config.redis.prefix}:dedupe`;
    this.radius = config.dedupe.radius_m;
    this.windowMs = config.dedupe.window_hours * 3_600_000;
    this.senderWindowMs = config.dedupe.sender_window_minutes * 60_000;
    this.minSimilarity = config.dedupe.text_similarity;
  }

  private infoKey = (id: string) => `${this.prefix}:info:${id}`;
  private geoKey = (code: string) => `${this.prefix}:geo:${hash(code)}`;
  private timeKey = (code: string) => `${this.prefix}:time:${hash(code)}`;
  private senderKey = (sender: string) => `${this.prefix}:sender:${hash(sender)}`;

  /** Records the request and says which earlier one it repeats, if any. Safe to call again for the same id. */
  async check(input: DedupeInput): Promise<DedupeVerdict> {
    const at = Date.parse(input.received_at);
    const self: Remembered = { id: input.id, at, code: input.service_code, point: input.point, stems: input.stems, root: null };
    const ttlMs = Math.max(this.windowMs, this.senderWindowMs, 1000);
    // One transaction reads the earlier requests and adds this one, so two reports racing each other still meet.
    const transaction = this.redis.multi();
    const senderKey = input.sender !== null && this.senderWindowMs > 0 ? this.senderKey(input.sender) : null;
    if (senderKey) {
      transaction
        .zremrangebyscore(senderKey, '-inf', at - this.senderWindowMs - 1)
        .zrangebyscore(senderKey, at - this.senderWindowMs, '+inf')
        .zadd(senderKey, at, input.id)
        .pexpire(senderKey, this.senderWindowMs);
    }
    const near = input.service_code !== null && input.point !== null;
    if (near) {
      const geo = this.geoKey(input.service_code!);
      const time = this.timeKey(input.service_code!);
      transaction
        .geosearch(geo, 'FROMLONLAT', input.point!.long, input.point!.lat, 'BYRADIUS', this.radius, 'm', 'ASC', 'COUNT', NEAR_LIMIT)
        .geoadd(geo, input.point!.long, input.point!.lat, input.id)
        .zadd(time, at, input.id)
        .pexpire(geo, this.windowMs)
        .pexpire(time, this.windowMs);
    }
    transaction.set(this.infoKey(input.id), JSON.stringify(self), 'PX', ttlMs);
    const results = (await transaction.exec()) ?? [];
    for (const [error] of results) if (error) throw error;
    const senderIds = senderKey ? (results[1]![1] as string[]) : [];
    const nearIds = near ? (results[senderKey ? 4 : 0]![1] as string[]) : [];

    const verdict = (await this.firstMatch(senderIds, (other) => this.sameSenderRepeat(self, other), 'sender')) ?? (await this.firstMatch(nearIds, (other) => this.nearRepeat(self, other), 'near'));
    if (near) await this.forgetExpired(input.service_code!, at);
    if (verdict === null) return { duplicate_of: null, kind: null };
    await this.redis.set(this.infoKey(input.id), JSON.stringify({ ...self, root: verdict.duplicate_of }), 'PX', ttlMs);
    return verdict;
  }

  private async firstMatch(ids: string[], matches: (other: Remembered) => boolean, kind: 'sender' | 'near'): Promise<DedupeVerdict | null> {
    const others = ids.filter((id) => id !== '' && id !== undefined);
    if (others.length === 0) return null;
    const infos = await this.redis.mget(others.map(this.infoKey));
    const found = infos
      .filter((json): json is string => json !== null)
      .map((json) => JSON.parse(json) as Remembered)
      .filter(matches)
      .sort((a, b) => a.at - b.at)[0];
    return found ? { duplicate_of: found.root ?? found.id, kind } : null;
  }

  private similar(a: Remembered, b: Remembered): boolean {
    return similarity(a.stems, b.stems) >= this.minSimilarity;
  }

  /** The same person again within minutes about the same thing, not a second problem elsewhere. */
  private sameSenderRepeat(self: Remembered, other: Remembered): boolean {
    if (other.id === self.id || Math.abs(self.at - other.at) > this.senderWindowMs) return false;
    if (self.point && other.point && distanceMeters(self.point, other.point) > this.radius) return false;
    return (self.code !== null && self.code === other.code) || this.similar(self, other);
  }

  private nearRepeat(self: Remembered, other: Remembered): boolean {
    return other.id !== self.id && other.code === self.code && Math.abs(self.at - other.at) <= this.windowMs && this.similar(self, other);
  }

  private async forgetExpired(code: string, now: number): Promise<void> {
    const time = this.timeKey(code);
    const expired = await this.redis.zrangebyscore(time, '-inf', now - this.windowMs - 1, 'LIMIT', 0, CLEANUP_BATCH);
    if (expired.length === 0) return;
    await this.redis.multi().zrem(this.geoKey(code), ...expired).zrem(time, ...expired).exec();
  }
}

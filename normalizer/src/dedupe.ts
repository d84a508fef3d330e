import { createHash } from 'node:crypto';
import { distanceMeters, type LoadedConfig } from '@intake/core';
import type { ChainableCommander, Redis } from 'ioredis';
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
  /** what it speaks of whatever the language (the classifier's topics): "ours" and "bear" are both wildlife */
  topics: string[];
  /** the streets its place is on, in canonical form ("bear street"); two for a corner */
  streets: string[];
  /** false when the place is only a street: the problem may be anywhere along it, not at its middle point */
  precise: boolean;
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
  // optional: entries written before these were known still read
  topics?: string[];
  precise?: boolean;
  /** the first request of its group, when this one was a duplicate */
  root: string | null;
}

/** Candidates looked at per report: the nearest ones in the radius are the ones that matter. */
const NEAR_LIMIT = 50;
/** Expired members removed from a geo index per check, so cleaning costs the same however busy the town. */
const CLEANUP_BATCH = 100;

/** How many of the fewer topics the other report shares, 0..1. */
function topicOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [fewer, more] = a.length <= b.length ? [a, b] : [b, a];
  return fewer.filter((topic) => more.includes(topic)).length / fewer.length;
}

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
  private streetKey = (code: string, street: string) => `${this.prefix}:street:${hash(`${code}|${street}`)}`;
  /** only the reports placed by their street alone: all a precise report must be compared with along its street */
  private vagueStreetKey = (code: string, street: string) => `${this.prefix}:vague:${hash(`${code}|${street}`)}`;

  /** Records the request and says which earlier one it repeats, if any. Safe to call again for the same id. */
  async check(input: DedupeInput): Promise<DedupeVerdict> {
    const at = Date.parse(input.received_at);
    const self = this.remembered(input);
    // One transaction reads the earlier requests and adds this one, so two reports racing each other still meet.
    const transaction = this.redis.multi();
    // where the next command's reply will be in the results (the queue also holds MULTI)
    const nextReply = () => transaction.length - 1;
    const senderKey = this.senderKeyOf(input);
    let senderReply = -1;
    if (senderKey) {
      transaction.zremrangebyscore(senderKey, '-inf', at - this.senderWindowMs - 1);
      senderReply = nextReply();
      transaction.zrangebyscore(senderKey, at - this.senderWindowMs, '+inf');
    }
    let nearReply = -1;
    let expiredReply = -1;
    if (input.service_code !== null && input.point !== null) {
      nearReply = nextReply();
      transaction.geosearch(
        this.geoKey(input.service_code),
        'FROMLONLAT',
        input.point.long,
        input.point.lat,
        'BYRADIUS',
        this.radius,
        'm',
        'ASC',
        'COUNT',
        NEAR_LIMIT,
      );
      expiredReply = nextReply();
      transaction.zrangebyscore(this.timeKey(input.service_code), '-inf', at - this.windowMs - 1, 'LIMIT', 0, CLEANUP_BATCH);
    }
    // A place known only by its street is anywhere along it: reports on the same street are compared whatever the
    // distance when either of the two is placed so. A precise report reads only the vague ones, which stay few however
    // busy the street; a vague report reads the latest few of all.
    const streetReplies: number[] = [];
    for (const { all, vague } of this.streetKeysOf(input)) {
      for (const key of [all, vague]) transaction.zremrangebyscore(key, '-inf', at - this.windowMs - 1);
      streetReplies.push(nextReply());
      transaction.zrevrangebyscore(input.precise ? vague : all, '+inf', at - this.windowMs, 'LIMIT', 0, NEAR_LIMIT);
    }
    Deduper.expire(transaction, this.add(transaction, input, self));
    const results = (await transaction.exec()) ?? [];
    for (const [error] of results) if (error) throw error;
    const idsAt = (reply: number) => (reply < 0 ? [] : (results[reply]![1] as string[]));
    const nearIds = new Set(idsAt(nearReply));
    const streetIds = new Set(streetReplies.flatMap(idsAt).filter((id) => !nearIds.has(id)));
    const alongStreet = (other: Remembered) => self.precise === false || other.precise === false;

    const verdict =
      (await this.firstMatch(idsAt(senderReply), (other) => this.sameSenderRepeat(self, other), 'sender')) ??
      (await this.firstMatch(
        [...nearIds, ...streetIds],
        (other) => this.nearRepeat(self, other) && (nearIds.has(other.id) || alongStreet(other)),
        'near',
      ));
    await this.forget(input.service_code, idsAt(expiredReply));
    if (verdict === null) return { duplicate_of: null, kind: null };
    await this.redis.set(this.infoKey(input.id), JSON.stringify({ ...self, root: verdict.duplicate_of }), 'PX', this.infoTtlMs());
    return verdict;
  }

  /**
   * Adds requests to the indexes without checking them: open requests known from elsewhere (an import, the bench's
   * big city). Later checks find them as they find checked ones.
   */
  async remember(inputs: readonly DedupeInput[]): Promise<void> {
    const pipeline = this.redis.pipeline();
    const expiring = new Map<string, number>();
    for (const input of inputs) for (const [key, ms] of this.add(pipeline, input, this.remembered(input))) expiring.set(key, ms);
    Deduper.expire(pipeline, expiring);
    const failed = ((await pipeline.exec()) ?? []).find(([error]) => error !== null);
    if (failed) throw failed[0];
  }

  private remembered(input: DedupeInput): Remembered {
    return {
      id: input.id,
      at: Date.parse(input.received_at),
      code: input.service_code,
      point: input.point,
      stems: input.stems,
      topics: input.topics,
      precise: input.precise,
      root: null,
    };
  }

  private senderKeyOf(input: DedupeInput): string | null {
    return input.sender !== null && this.senderWindowMs > 0 ? this.senderKey(input.sender) : null;
  }

  private streetKeysOf({ service_code: code, streets }: DedupeInput): { all: string; vague: string }[] {
    return code === null ? [] : streets.map((street) => ({ all: this.streetKey(code, street), vague: this.vagueStreetKey(code, street) }));
  }

  private infoTtlMs(): number {
    return Math.max(this.windowMs, this.senderWindowMs, 1000);
  }

  /**
   * The writes that make a request findable: by sender, by place, along its streets, and its details. Gives the keys
   * to expire and after how long, so a batch expires each key once.
   */
  private add(commands: ChainableCommander, input: DedupeInput, self: Remembered): Map<string, number> {
    const expiring = new Map<string, number>();
    const senderKey = this.senderKeyOf(input);
    if (senderKey) {
      commands.zadd(senderKey, self.at, input.id);
      expiring.set(senderKey, this.senderWindowMs);
    }
    if (input.service_code !== null && input.point !== null) {
      const geo = this.geoKey(input.service_code);
      const time = this.timeKey(input.service_code);
      commands.geoadd(geo, input.point.long, input.point.lat, input.id).zadd(time, self.at, input.id);
      for (const key of [geo, time]) expiring.set(key, this.windowMs);
    }
    for (const { all, vague } of this.streetKeysOf(input)) {
      for (const key of input.precise ? [all] : [all, vague]) {
        commands.zadd(key, self.at, input.id);
        expiring.set(key, this.windowMs);
      }
    }
    commands.set(this.infoKey(input.id), JSON.stringify(self), 'PX', this.infoTtlMs());
    return expiring;
  }

  private static expire(commands: ChainableCommander, expiring: Map<string, number>): void {
    for (const [key, ms] of expiring) commands.pexpire(key, ms);
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

  /** Similar words, or the same things named in other words or another language ("nid de poule", "pothole"). */
  private similar(a: Remembered, b: Remembered): boolean {
    return Math.max(similarity(a.stems, b.stems), topicOverlap(a.topics ?? [], b.topics ?? [])) >= this.minSimilarity;
  }

  /**
   * The same sender's latest request within the sender window at the same place (or with no place to compare), so
   * "still there!! 40 minutes now" carries on what they reported a moment ago.
   */
  async lastFromSender(
    sender: string,
    receivedAt: string,
    point: { lat: number; long: number } | null,
  ): Promise<{ id: string; service_code: string | null } | null> {
    if (this.senderWindowMs <= 0) return null;
    const at = Date.parse(receivedAt);
    const ids = await this.redis.zrangebyscore(this.senderKey(sender), at - this.senderWindowMs, at);
    if (ids.length === 0) return null;
    const infos = (await this.redis.mget(ids.map(this.infoKey)))
      .filter((json): json is string => json !== null)
      .map((json) => JSON.parse(json) as Remembered);
    const samePlace = (other: Remembered) => point === null || other.point === null || distanceMeters(point, other.point) <= this.radius;
    const latest = infos.filter(samePlace).sort((a, b) => b.at - a.at)[0];
    return latest ? { id: latest.id, service_code: latest.code } : null;
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

  /** Takes requests past the window out of a code's geo index (found by the check's own transaction). */
  private async forget(code: string | null, expired: string[]): Promise<void> {
    if (code === null || expired.length === 0) return;
    await this.redis
      .multi()
      .zrem(this.geoKey(code), ...expired)
      .zrem(this.timeKey(code), ...expired)
      .exec();
  }
}

import { createHash } from 'node:crypto';
import { distanceMeters, type LoadedConfig, type RedisClient } from '@intake/core';
import type { ChainableCommander, Result } from 'ioredis';
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

const parseDetails = (details: Details): Remembered[] =>
  details.filter((json): json is string => json !== null).map((json) => JSON.parse(json) as Remembered);

/** The earliest of the candidates that matches: a group's first request is the one the others repeat. */
function firstMatch(others: Remembered[], matches: (other: Remembered) => boolean, kind: 'sender' | 'near'): DedupeVerdict | null {
  const found = others.filter(matches).sort((a, b) => a.at - b.at)[0];
  return found ? { duplicate_of: found.root ?? found.id, kind } : null;
}

const hash = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

/**
 * One request's whole visit to the indexes, in one round trip however many earlier requests it meets. When checking
 * (ARGV[16] '1') it first reads the same sender's recent requests, those within the radius (and takes a batch of
 * expired ones out of the geo index) and those along its streets, each with its details; then it adds the request.
 * KEYS: the sender's zset, the code's geo and time indexes, then per street its index of all and of vague reports.
 * ARGV: received (ms); where the sender window starts ('' for no sender) and where the window starts; long and lat
 * ('' for no place); radius (m); candidates per read; expired taken out per check; precise ('1'); the details' key
 * prefix; the id; its details; the sender window, the window and the details' lifetime (ms); checking ('1').
 * Returns the details of the sender's, the near and the along-the-street requests (false where they expired).
 */
const VISIT = `
local at, senderFrom, windowFrom = ARGV[1], ARGV[2], ARGV[3]
local long, lat, radius, limit, batch = ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local precise, infoPrefix, id = ARGV[9] == '1', ARGV[10], ARGV[11]
local hasSender, hasPlace = senderFrom ~= '', long ~= ''
local function details(ids)
  if #ids == 0 then return {} end
  local keys = {}
  for i, other in ipairs(ids) do keys[i] = infoPrefix .. other end
  return redis.call('MGET', unpack(keys))
end
local sender, near, along = {}, {}, {}
if ARGV[16] == '1' then
  if hasSender then
    redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. senderFrom)
    sender = details(redis.call('ZRANGEBYSCORE', KEYS[1], senderFrom, '+inf'))
  end
  local seen = {}
  if hasPlace then
    local ids = redis.call('GEOSEARCH', KEYS[2], 'FROMLONLAT', long, lat, 'BYRADIUS', radius, 'm', 'ASC', 'COUNT', limit)
    for _, other in ipairs(ids) do seen[other] = true end
    near = details(ids)
    local expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', '(' .. windowFrom, 'LIMIT', 0, batch)
    if #expired > 0 then
      redis.call('ZREM', KEYS[2], unpack(expired))
      redis.call('ZREM', KEYS[3], unpack(expired))
    end
  end
  local alongIds = {}
  for i = 4, #KEYS, 2 do
    redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', '(' .. windowFrom)
    redis.call('ZREMRANGEBYSCORE', KEYS[i + 1], '-inf', '(' .. windowFrom)
    local ids = redis.call('ZREVRANGEBYSCORE', precise and KEYS[i + 1] or KEYS[i], '+inf', windowFrom, 'LIMIT', 0, limit)
    for _, other in ipairs(ids) do
      if not seen[other] then
        seen[other] = true
        alongIds[#alongIds + 1] = other
      end
    end
  end
  along = details(alongIds)
end
if hasSender then
  redis.call('ZADD', KEYS[1], at, id)
  redis.call('PEXPIRE', KEYS[1], ARGV[13])
end
if hasPlace then
  redis.call('GEOADD', KEYS[2], long, lat, id)
  redis.call('ZADD', KEYS[3], at, id)
  redis.call('PEXPIRE', KEYS[2], ARGV[14])
  redis.call('PEXPIRE', KEYS[3], ARGV[14])
end
for i = 4, #KEYS, 2 do
  redis.call('ZADD', KEYS[i], at, id)
  redis.call('PEXPIRE', KEYS[i], ARGV[14])
  if not precise then
    redis.call('ZADD', KEYS[i + 1], at, id)
    redis.call('PEXPIRE', KEYS[i + 1], ARGV[14])
  end
end
redis.call('SET', infoPrefix .. id, ARGV[12], 'PX', ARGV[15])
return { sender, near, along }`;

/** A request's details as the indexes keep them, null for one that expired. */
type Details = (string | null)[];

declare module 'ioredis' {
  interface RedisCommander<Context> {
    intakeDedupeVisit(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Result<[Details, Details, Details], Context>;
  }
}

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
    private readonly redis: RedisClient,
    config: LoadedConfig,
  ) {
    this.prefix = `${config.redis.prefix}:dedupe`;
    this.radius = config.dedupe.radius_m;
    this.windowMs = config.dedupe.window_hours * 3_600_000;
    this.senderWindowMs = config.dedupe.sender_window_minutes * 60_000;
    this.minSimilarity = config.dedupe.text_similarity;
    redis.defineCommand('intakeDedupeVisit', { lua: VISIT });
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
    const { verdict, recorded } = await this.decide(input);
    await recorded;
    return verdict;
  }

  /**
   * As `check`, but the verdict comes as soon as it is known: a duplicate's group is written into its details after
   * the verdict, and `recorded` settles when that write does. The caller awaits it with its own next write (the
   * request's save), so the write travels in the same round trip instead of costing one of its own; a failed write
   * still fails the caller.
   */
  async decide(input: DedupeInput): Promise<{ verdict: DedupeVerdict; recorded: Promise<unknown> }> {
    const self = this.remembered(input);
    // One script reads the earlier requests and adds this one, so two reports racing each other still meet.
    const [sender, near, along] = (await this.visit(this.redis, input, self, true)).map(parseDetails) as [
      Remembered[],
      Remembered[],
      Remembered[],
    ];
    const nearIds = new Set(near.map((other) => other.id));
    // A place known only by its street is anywhere along it: reports on the same street are compared whatever the
    // distance when either of the two is placed so. A precise report reads only the vague ones, which stay few however
    // busy the street; a vague report reads the latest few of all.
    const alongStreet = (other: Remembered) => self.precise === false || other.precise === false;
    const verdict =
      firstMatch(sender, (other) => this.sameSenderRepeat(self, other), 'sender') ??
      firstMatch([...near, ...along], (other) => this.nearRepeat(self, other) && (nearIds.has(other.id) || alongStreet(other)), 'near');
    if (verdict === null) return { verdict: { duplicate_of: null, kind: null }, recorded: Promise.resolve() };
    const recorded = this.redis.set(
      this.infoKey(input.id),
      JSON.stringify({ ...self, root: verdict.duplicate_of }),
      'PX',
      this.infoTtlMs(),
    );
    // Handled here only so a failure while the caller finishes its own work does not end the process as unhandled:
    // the caller's await of `recorded` still throws it.
    recorded.catch(() => undefined);
    return { verdict, recorded };
  }

  /**
   * Adds requests to the indexes without checking them: open requests known from elsewhere (an import, the bench's
   * big city). Later checks find them as they find checked ones.
   */
  async remember(inputs: readonly DedupeInput[]): Promise<void> {
    const pipeline = this.redis.pipeline();
    // A request older than the sender window cannot be a sender repeat of any report arriving now: it is not indexed
    // by its sender, or importing a town's open requests would leave a sender key for each, all expiring at once.
    const senderFrom = Date.now() - this.senderWindowMs;
    for (const input of inputs) {
      const self = this.remembered(input);
      void this.visit(pipeline, self.at < senderFrom ? { ...input, sender: null } : input, self, false);
    }
    const failed = ((await pipeline.exec()) ?? []).find(([error]) => error !== null);
    if (failed) throw failed[0];
  }

  /** The VISIT script for one request, sent at once or queued in a pipeline. */
  private visit(commands: RedisClient | ChainableCommander, input: DedupeInput, self: Remembered, checking: boolean) {
    const code = input.service_code;
    const sender = input.sender !== null && this.senderWindowMs > 0 ? this.senderKey(input.sender) : null;
    const place = code !== null && input.point !== null ? input.point : null;
    const streetKeys =
      code === null ? [] : input.streets.flatMap((street) => [this.streetKey(code, street), this.vagueStreetKey(code, street)]);
    // unused keys are still named, so the street keys always start at KEYS[4]
    const keys = [sender ?? this.senderKey(''), this.geoKey(code ?? ''), this.timeKey(code ?? ''), ...streetKeys];
    return commands.intakeDedupeVisit(
      keys.length,
      ...keys,
      self.at,
      sender === null ? '' : self.at - this.senderWindowMs,
      self.at - this.windowMs,
      place?.long ?? '',
      place?.lat ?? '',
      this.radius,
      NEAR_LIMIT,
      CLEANUP_BATCH,
      input.precise ? '1' : '0',
      this.infoKey(''),
      input.id,
      JSON.stringify(self),
      this.senderWindowMs,
      this.windowMs,
      this.infoTtlMs(),
      checking ? '1' : '0',
    ) as Promise<[Details, Details, Details]>;
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

  private infoTtlMs(): number {
    return Math.max(this.windowMs, this.senderWindowMs, 1000);
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
}

import { createHash } from 'node:crypto';
import type { ChainableCommander, Result } from 'ioredis';
import { z } from 'zod';
import { pooledBytes } from './ids.js';
import { newReference, parseReference, type RandomIndex } from './reference.js';
import { DeliveryState, Media, PublicStatus, ReplyAddress, ServiceRequest } from './schemas.js';
import type { RedisClient } from './redis.js';

export const RequestState = z.enum(['received', 'awaiting_location', 'routed']);
export type RequestState = z.infer<typeof RequestState>;

/** One step in a request's public timeline after it was received. */
export const TimelineEvent = z.discriminatedUnion('kind', [
  /** delivered to a destination: `team` says to whom in plain words, when the config says */
  z.object({ kind: z.literal('passed_on'), at: z.string(), destination: z.string(), team: z.string().nullable() }),
  /** the CRM's status (its own word and what it maps to) and its public note */
  z.object({ kind: z.literal('status'), at: z.string(), status: PublicStatus, crm_status: z.string(), note: z.string().nullable() }),
  /** something added later, by the citizen (a follow-up, a photo) or by an Open311 client */
  z.object({
    kind: z.literal('update'),
    at: z.string(),
    note: z.string(),
    from: z.string(),
    media: z.array(Media).default([]),
    /** the message it came from, so that a retried job adds it once */
    message_id: z.string().nullable().default(null),
  }),
]);
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** The delivered record plus what Intake needs to keep the conversation going. */
export const StoredRequest = z.object({
  record: ServiceRequest,
  state: RequestState,
  reply_to: ReplyAddress.nullable().default(null),
  /** how sure the classifier was of service_code, 0..1 */
  service_confidence: z.number().nullable().default(null),
  /** the CRM's own status and id, once a destination reports them */
  crm: z.object({ status: z.string().nullable(), external_id: z.string().nullable() }).default({ status: null, external_id: null }),
  /** the earlier request this one follows up ("my report from yesterday", a quoted reference); optional, so older records still read */
  related_to: z.string().nullable().optional(),
  /** with the reference, opens the citizen's tracking page; optional, so older records still read */
  tracking_token: z.string().nullable().default(null),
  /** what happened since it was received, oldest first */
  timeline: z.array(TimelineEvent).default([]),
  updated_at: z.string(),
});
export type StoredRequest = z.infer<typeof StoredRequest>;

/** Where a request stands: its latest CRM status, else received. */
export function currentStatus(request: Pick<StoredRequest, 'timeline'>): PublicStatus {
  return request.timeline.findLast((event) => event.kind === 'status')?.status ?? 'received';
}

/** One turn of the conversation on a request: what the citizen wrote, or what Intake answered. */
export const ConversationTurn = z.object({
  at: z.string(),
  from: z.enum(['citizen', 'intake']),
  channel: z.string(),
  /** for Intake's turns: acknowledgement, question, status; for the citizen's: the message's channel id */
  kind: z.string().nullable().default(null),
  text: z.string(),
});
export type ConversationTurn = z.infer<typeof ConversationTurn>;
/** Names an answer given once for a while (`seconds`): a repeat of the same message within it is not answered again. */
export interface RepeatKey {
  key: string;
  seconds: number;
}
/** A runaway conversation (an auto-responder) keeps only its latest turns. */
const MAX_TURNS = 200;

const hash = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

const MAX_UPDATE_ATTEMPTS = 50;

/**
 * KEYS: the record, the index feed, its delivery states, then its received indexes. ARGV: the JSON it must still hold
 * ('' for any), the new JSON, the TTL, the index score, the id, the score below which index entries have expired, the
 * feed's length, how many of the pairs that follow are set, then destination and state JSON pairs: those set first (a
 * delivery's outcome), then those to start where the request has none yet (a repeat never resets a delivery under way
 * or done). Returns 1 when written, 0 when not.
 */
const WRITE_REQUEST = `
if ARGV[1] ~= '' and redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[7], '*', 'id', ARGV[5])
if #ARGV > 8 then
  local setUntil = 8 + 2 * tonumber(ARGV[8])
  for i = 9, #ARGV, 2 do redis.call(i < setUntil and 'HSET' or 'HSETNX', KEYS[3], ARGV[i], ARGV[i + 1]) end
  redis.call('EXPIRE', KEYS[3], ARGV[3])
end
for i = 4, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[4], ARGV[5])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', '(' .. ARGV[6])
  redis.call('EXPIRE', KEYS[i], ARGV[3])
end
return 1`;

/** KEYS: a request's delivery states, the index feed. ARGV: the destination, its state JSON, the TTL, the id, the feed's length. */
const SET_DELIVERY = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[5], '*', 'id', ARGV[4])
return 1`;

/** Claims a reference for a request (KEYS: reference, the request's tracking; ARGV: id, tracking JSON, ttl): 1 when won. */
const CLAIM_REFERENCE = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[3]) then
  redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
  return 1
end
return 0`;

/** KEYS: a conversation. ARGV: the turn's JSON, its kind, the turns kept (negative), the TTL. 1 when added, 0 when one of that kind is there. */
const ADD_TURN_ONCE = `
for _, turn in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
  if cjson.decode(turn).kind == ARGV[2] then return 0 end
end
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], ARGV[3], -1)
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1`;

/**
 * Logs an answer in a conversation (KEYS[1]), unless the repeat key (KEYS[2], when given) says one was given already
 * within its window. ARGV: the turn's JSON, the turns kept (negative), the TTL, the repeat window in seconds. 1 when logged.
 */
const ADD_TURN = `
if KEYS[2] and not redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[4]) then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], ARGV[2], -1)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1`;

/**
 * Claims a channel id (KEYS[2]) for the request the intake job (KEYS[1], a BullMQ job hash, its message JSON under
 * 'data') holds, which may be another delivery's; ARGV: the TTL. Returns that request's id, or once the job is gone
 * (processed, so its worker claimed it) the claim there is.
 */
const CLAIM_FOR_JOB = `
local data = redis.call('HGET', KEYS[1], 'data')
if not data then return redis.call('GET', KEYS[2]) end
local held = cjson.decode(data).id
redis.call('SET', KEYS[2], held, 'EX', ARGV[1], 'NX')
return held`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    intakeWriteRequest(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Result<number, Context>;
    intakeSetDelivery(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Result<number, Context>;
    intakeClaimReference(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Result<number, Context>;
    intakeAddTurnOnce(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Result<number, Context>;
    intakeAddTurn(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Result<number, Context>;
    intakeClaimForJob(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Result<string | null, Context>;
  }
}

/** Scripts run through EVALSHA on any connection; defining them twice on one is harmless. */
function defineScripts(redis: RedisClient): void {
  redis.defineCommand('intakeWriteRequest', { lua: WRITE_REQUEST });
  redis.defineCommand('intakeSetDelivery', { lua: SET_DELIVERY });
  redis.defineCommand('intakeClaimReference', { lua: CLAIM_REFERENCE });
  redis.defineCommand('intakeAddTurnOnce', { lua: ADD_TURN_ONCE });
  redis.defineCommand('intakeAddTurn', { lua: ADD_TURN });
  redis.defineCommand('intakeClaimForJob', { lua: CLAIM_FOR_JOB });
}

export interface ReceivedRange {
  from: number;
  to: number;
  service_code?: string;
}

/** What a channel may read of stored requests (Open311's GET routes): lookups and listings, never writes. */
export type RequestReader = Pick<RequestStore, 'get' | 'find' | 'received' | 'timelineBetween'>;

/** A status or an update in a request's timeline, as Open311's service request updates list them. */
export interface TimelineEntry {
  request: StoredRequest;
  event: TimelineEvent;
  /** its place in the request's timeline: with the request id, a stable update id */
  index: number;
}

/** The timeline events that Open311 clients follow as updates; deliveries are Intake's own business. */
const LISTED_EVENTS: ReadonlySet<TimelineEvent['kind']> = new Set(['status', 'update']);

/** Fresh references tried before giving up: at a million live requests a draw collides about once in 800. */
const REFERENCE_ATTEMPTS = 10;

/**
 * How a citizen finds their request again: the reference they can quote, and the token that, with it, opens the
 * tracking page (the reference alone, which anyone may guess or overhear, shows nothing).
 */
export const Tracking = z.object({ reference: z.string(), token: z.string() });
export type Tracking = z.infer<typeof Tracking>;

/** 96 random bits: the tracking link cannot be guessed from the reference. */
const newTrackingToken = () => pooledBytes(12).toString('base64url');

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;

const parseDeliveries = (all: Record<string, string>) => Object.values(all).map((json) => DeliveryState.parse(JSON.parse(json)));

/** The stream every change to a request is written to, atomically with the change: what keeps search indexes fed. */
export const indexFeedKey = (prefix: string) => `${prefix}:index-feed`;
/** Roughly how many changes the feed keeps for an index that was away; a longer absence needs a rebuild. */
const FEED_LENGTH = 1_000_000;

/** Delivery states written with a record: `set` whatever was there, `start` only where there was none. */
interface DeliveryStates {
  set: readonly DeliveryState[];
  start: readonly DeliveryState[];
}
const NO_STATES: DeliveryStates = { set: [], start: [] };

/** Requests and their delivery states in Redis; every key expires after the retention period. */
export class RequestStore {
  private readonly ttlSeconds: number;
  /** the JSON each request read was parsed from, or written as: a change of it can be written while the record is still that, unread */
  private readonly readFrom = new WeakMap<StoredRequest, string>();

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    retentionDays = 90,
  ) {
    this.ttlSeconds = Math.round(retentionDays * 86_400);
    defineScripts(redis);
  }

  private key(id: string) {
    return `${this.prefix}:request:${id}`;
  }
  private deliveriesKey(id: string) {
    return `${this.prefix}:request:${id}:deliveries`;
  }
  private referenceKey(reference: string) {
    return `${this.prefix}:reference:${reference}`;
  }
  private trackingKey(id: string) {
    return `${this.prefix}:request:${id}:tracking`;
  }
  private seenKey(channel: string, externalId: string) {
    return `${this.prefix}:seen:${channel}:${hash(externalId)}`;
  }
  private repeatKey(key: string) {
    return `${this.prefix}:first:${key}`;
  }

  /** Request ids by the time they were received (all, and per service code), for listings such as Open311's. */
  /** Timeline events by when they happened (`{id}#{index}`), for Open311's service request updates. */
  private updatesKey() {
    return `${this.prefix}:updates`;
  }

  private receivedKey(serviceCode?: string) {
    return serviceCode === undefined ? `${this.prefix}:received` : `${this.prefix}:received:${serviceCode}`;
  }

  /**
   * Writes a request unconditionally (a new one, or one whose every field the caller owns), with the delivery states
   * it starts (kept where a destination has one already). It is typed, not parsed: the normalizer builds it field by
   * field, and parsing the whole record again took 7% of the stage's CPU.
   */
  async save(request: StoredRequest, starting: readonly DeliveryState[] = []): Promise<void> {
    await this.write(request, null, { set: [], start: starting });
  }

  /**
   * Writes the request, its index entries (unless `indexed` says they hold it already) and the delivery states to set
   * and to start in one script; with `expected`, only while the stored JSON is still that.
   */
  private async write(
    request: StoredRequest,
    expected: string | null,
    states: DeliveryStates = NO_STATES,
    indexed = false,
  ): Promise<boolean> {
    const { id, received_at: receivedAt, service_code: serviceCode } = request.record;
    const at = Date.parse(receivedAt);
    const indexes = indexed ? [] : serviceCode === null ? [this.receivedKey()] : [this.receivedKey(), this.receivedKey(serviceCode)];
    const json = JSON.stringify(request);
    const args = [
      expected ?? '',
      json,
      this.ttlSeconds,
      Number.isFinite(at) ? at : Date.now(),
      id,
      Date.now() - this.ttlSeconds * 1000,
      FEED_LENGTH,
      states.set.length,
      ...[...states.set, ...states.start].flatMap((state) => [state.destination, JSON.stringify(state)]),
    ];
    const keys = [this.key(id), indexFeedKey(this.prefix), this.deliveriesKey(id), ...indexes];
    const written = (await this.redis.intakeWriteRequest(keys.length, ...keys, ...args)) === 1;
    // a change that follows at once (routing a request just saved) starts from what was written, unread
    if (written) this.readFrom.set(request, json);
    return written;
  }

  private async exec(change: ChainableCommander): Promise<void> {
    const failed = (await change.exec())?.find(([error]) => error !== null);
    if (failed) throw failed[0];
  }

  /** Every stored request's id, a batch at a time (a SCAN: for rebuilding what is derived from the store, not for pages). */
  async *ids(batch = 500): AsyncGenerator<string[]> {
    const base = `${this.prefix}:request:`;
    // a glob character in the prefix matches only itself
    const pattern = `${base.replace(/[*?[\]\\]/g, '\\$&')}*`;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', batch);
      cursor = next;
      // the record's own key, not its deliveries, tracking or conversation
      const ids = keys.map((key) => key.slice(base.length)).filter((id) => !id.includes(':'));
      if (ids.length > 0) yield ids;
    } while (cursor !== '0');
  }

  /** Which of these requests Redis still keeps (the others expired). */
  async stored(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.exists(this.key(id));
    const results = (await pipeline.exec()) ?? [];
    return new Set(ids.filter((_, i) => results[i]?.[1] === 1));
  }

  async get(id: string): Promise<StoredRequest | null> {
    const json = await this.redis.get(this.key(id));
    return json === null ? null : this.parsed(json);
  }

  private parsed(json: string): StoredRequest {
    const request = StoredRequest.parse(JSON.parse(json));
    this.readFrom.set(request, json);
    return request;
  }

  /** A request by its id or by its reference, as a citizen or a clerk may quote either. */
  async find(idOrReference: string): Promise<StoredRequest | null> {
    if (ULID.test(idOrReference)) return this.get(idOrReference.toUpperCase());
    const id = await this.idByReference(idOrReference);
    return this.get(id ?? idOrReference);
  }

  /** The id of the request a reference names, in any case or with the usual "#" and dashes; null when none does. */
  async idByReference(reference: string): Promise<string | null> {
    const printed = parseReference(reference);
    return printed === null ? null : this.redis.get(this.referenceKey(printed));
  }

  /** The reference and tracking token given to a request id, once allocated (before the record itself is saved). */
  async trackingOf(id: string): Promise<Tracking | null> {
    const json = await this.redis.get(this.trackingKey(id));
    return json === null ? null : Tracking.parse(JSON.parse(json));
  }

  /**
   * Gives a request a reference no live request has: each candidate is claimed with SET NX for the retention period,
   * and a taken one is drawn again. Throws when every draw collided (the reference space is nearly full).
   */
  async allocateReference(id: string, random?: RandomIndex): Promise<Tracking> {
    for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
      const tracking: Tracking = { reference: newReference(random), token: newTrackingToken() };
      const won = await this.redis.intakeClaimReference(
        2,
        this.referenceKey(tracking.reference),
        this.trackingKey(id),
        id,
        JSON.stringify(tracking),
        this.ttlSeconds,
      );
      if (won === 1) return tracking;
    }
    throw new Error(`no free reference after ${REFERENCE_ATTEMPTS} draws`);
  }

  /** Frees a reference whose request was never written (its queue write failed). */
  async releaseReference(id: string, reference: string): Promise<void> {
    if ((await this.redis.get(this.referenceKey(reference))) === id)
      await this.redis.del(this.referenceKey(reference), this.trackingKey(id));
  }

  /**
   * Stored requests received between `from` and `to` (ms since the epoch), newest first, read a page at a time.
   * A service code narrows the index read; callers still check the record, whose code may have changed since.
   */
  async *received(range: ReceivedRange, pageSize = 200): AsyncGenerator<StoredRequest> {
    const key = this.receivedKey(range.service_code);
    for (let offset = 0; ; offset += pageSize) {
      const ids = await this.redis.zrevrangebyscore(key, range.to, range.from, 'LIMIT', offset, pageSize);
      if (ids.length === 0) return;
      for (const json of await this.redis.mget(ids.map((id) => this.key(id)))) {
        if (json !== null) yield StoredRequest.parse(JSON.parse(json));
      }
      if (ids.length < pageSize) return;
    }
  }

  /**
   * Changes a stored request atomically: `change` is applied to the latest version and written only if nobody wrote
   * in between, else applied again to the newer one. It may run more than once, so it must only compute. The delivery
   * states `starting` gives for the changed request are written with it, for the destinations that have none yet.
   * `read`, the request as this store last read or wrote it, is changed first without reading it again, the write
   * still refused if anyone wrote since.
   */
  async update(
    id: string,
    change: (request: StoredRequest) => StoredRequest,
    starting?: (request: StoredRequest) => readonly DeliveryState[],
    read?: StoredRequest,
  ): Promise<StoredRequest | null> {
    return this.changeWithStates(id, change, (next) => ({ set: [], start: starting?.(next) ?? [] }), read);
  }

  /**
   * A destination took the request: its delivery state and what the record gains by it (the CRM's id, a timeline
   * event) in one write, `change` applied as by `update`, first to `read` (the request as this store read it for the
   * delivery), which saves reading it again while nobody changed it. When the request is no longer stored, the state
   * alone is written.
   */
  async recordDelivery(
    id: string,
    state: DeliveryState,
    change: (request: StoredRequest) => StoredRequest,
    read?: StoredRequest,
  ): Promise<StoredRequest | null> {
    const request = await this.changeWithStates(id, change, () => ({ set: [state], start: [] }), read);
    if (request === null) await this.setDelivery(id, state);
    return request;
  }

  private async changeWithStates(
    id: string,
    change: (request: StoredRequest) => StoredRequest,
    states: (request: StoredRequest) => DeliveryStates,
    read?: StoredRequest,
  ): Promise<StoredRequest | null> {
    const readJson = read === undefined ? undefined : this.readFrom.get(read);
    let seen = read !== undefined && readJson !== undefined ? { json: readJson, request: read } : null;
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      const json = seen?.json ?? (await this.redis.get(this.key(id)));
      if (json === null) return null;
      // the stored JSON is parsed (older records get their defaults); what `change` returns is typed, not parsed again
      const current = seen?.request ?? StoredRequest.parse(JSON.parse(json));
      seen = null;
      const next = { ...change(current), updated_at: new Date().toISOString() };
      // routing or a delivery leaves the indexes as they are: six commands of each such write, saved
      const indexed = next.record.service_code === current.record.service_code && next.record.received_at === current.record.received_at;
      if (await this.write(next, json, states(next), indexed)) return next;
    }
    throw new Error(`request ${id} was changed by other writers ${MAX_UPDATE_ATTEMPTS} times in a row; not updated`);
  }

  /** Adds an event to a request's timeline (and to the updates listing when clients follow it); null when not stored. */
  async appendTimeline(id: string, added: z.input<typeof TimelineEvent>): Promise<StoredRequest | null> {
    const event = TimelineEvent.parse(added);
    const request = await this.update(id, (stored) => ({ ...stored, timeline: [...stored.timeline, event] }));
    if (request === null || !LISTED_EVENTS.has(event.kind)) return request;
    const key = this.updatesKey();
    const at = Date.parse(event.at);
    await this.redis
      .multi()
      .zadd(key, Number.isFinite(at) ? at : Date.now(), `${id}#${request.timeline.length - 1}`)
      .zremrangebyscore(key, '-inf', `(${Date.now() - this.ttlSeconds * 1000}`)
      .expire(key, this.ttlSeconds)
      .exec();
    return request;
  }

  /** Statuses and updates recorded between `from` and `to` (ms since the epoch), oldest first, at most `limit`. */
  async timelineBetween(from: number, to: number, limit = 1000): Promise<TimelineEntry[]> {
    const members = await this.redis.zrangebyscore(this.updatesKey(), from, to, 'LIMIT', 0, limit);
    const requests = new Map<string, StoredRequest | null>();
    const entries: TimelineEntry[] = [];
    for (const member of members) {
      const [id, position] = member.split('#') as [string, string];
      if (!requests.has(id)) requests.set(id, await this.get(id));
      const request = requests.get(id);
      const event = request?.timeline[Number(position)];
      if (request && event) entries.push({ request, event, index: Number(position) });
    }
    return entries;
  }

  async setDelivery(id: string, state: DeliveryState): Promise<void> {
    const keys = [this.deliveriesKey(id), indexFeedKey(this.prefix)];
    await this.redis.intakeSetDelivery(keys.length, ...keys, state.destination, JSON.stringify(state), this.ttlSeconds, id, FEED_LENGTH);
  }

  async deliveries(id: string): Promise<DeliveryState[]> {
    return parseDeliveries(await this.redis.hgetall(this.deliveriesKey(id)));
  }

  /** A request (null when no longer stored) with its delivery states, in one round trip. */
  async withDeliveries(id: string): Promise<[StoredRequest | null, DeliveryState[]]> {
    return (await this.manyWithDeliveries([id]))[0]!;
  }

  /** Many requests with their delivery states, in one round trip: null for one no longer stored. */
  async manyWithDeliveries(ids: readonly string[]): Promise<[StoredRequest | null, DeliveryState[]][]> {
    if (ids.length === 0) return [];
    const reads = this.redis.pipeline();
    for (const id of ids) reads.get(this.key(id)).hgetall(this.deliveriesKey(id));
    const replies = (await reads.exec()) ?? [];
    const failed = replies.find(([error]) => error !== null);
    if (failed) throw failed[0];
    return ids.map((_, i) => {
      const json = replies[2 * i]![1] as string | null;
      return [json === null ? null : this.parsed(json), parseDeliveries(replies[2 * i + 1]![1] as Record<string, string>)];
    });
  }

  private conversationKey(id: string) {
    return `${this.prefix}:request:${id}:conversation`;
  }

  /**
   * Adds a turn unless the conversation holds one of its kind already (a retried job's message, named by its id),
   * checked and added in one round trip. Returns whether it was added.
   */
  async addTurnOnce(id: string, turn: z.input<typeof ConversationTurn> & { kind: string }): Promise<boolean> {
    const added = await this.redis.intakeAddTurnOnce(
      1,
      this.conversationKey(id),
      JSON.stringify(ConversationTurn.parse(turn)),
      turn.kind,
      -MAX_TURNS,
      this.ttlSeconds,
    );
    return added === 1;
  }

  /**
   * Adds a turn, in one round trip. With `once`, only when no turn under that key was added within its seconds (the
   * same answer to a repeated message, say), which `once.key` names; returns whether it was added.
   */
  async addTurn(id: string, turn: z.input<typeof ConversationTurn>, once?: RepeatKey): Promise<boolean> {
    const json = JSON.stringify(ConversationTurn.parse(turn));
    const keys = once === undefined ? [this.conversationKey(id)] : [this.conversationKey(id), this.repeatKey(once.key)];
    const seconds = Math.max(1, Math.round(once?.seconds ?? 1));
    return (await this.redis.intakeAddTurn(keys.length, ...keys, json, -MAX_TURNS, this.ttlSeconds, seconds)) === 1;
  }

  /** In the order things were said: a webhook's own answer is logged before the worker logs the message it answers. */
  async conversation(id: string): Promise<ConversationTurn[]> {
    const turns = (await this.redis.lrange(this.conversationKey(id), 0, -1)).map((json) => ConversationTurn.parse(JSON.parse(json)));
    return turns.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || 0);
  }

  /** The request id that holds a channel id, or null. A claim is only ever written once that request's job exists. */
  async externalIdHolder(channel: string, externalId: string): Promise<string | null> {
    return this.redis.get(this.seenKey(channel, externalId));
  }

  /**
   * Once an intake job is written, claims its channel id for the request the job holds (another delivery's, when
   * that one wrote it first), in one round trip; returns that request's id, or null when neither job nor claim is there.
   */
  async claimExternalIdForJob(channel: string, externalId: string, jobKey: string): Promise<string | null> {
    return this.redis.intakeClaimForJob(2, jobKey, this.seenKey(channel, externalId), this.ttlSeconds);
  }

  /** Records that a request holds a channel id; returns the id that held it already, or null when this one now does. */
  async claimExternalId(channel: string, externalId: string, id: string): Promise<string | null> {
    return this.redis.set(this.seenKey(channel, externalId), id, 'EX', this.ttlSeconds, 'NX', 'GET');
  }
}

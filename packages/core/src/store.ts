import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { DeliveryState, ReplyAddress, ServiceRequest } from './schemas.js';

export const RequestState = z.enum(['received', 'awaiting_location', 'routed']);
export type RequestState = z.infer<typeof RequestState>;

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
  updated_at: z.string(),
});
export type StoredRequest = z.infer<typeof StoredRequest>;

const hash = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

export interface ReceivedRange {
  from: number;
  to: number;
  service_code?: string;
}

/** What a channel may read of stored requests (Open311's GET routes): lookups and listings, never writes. */
export type RequestReader = Pick<RequestStore, 'get' | 'received'>;

/** Requests and their delivery states in Redis; every key expires after the retention period. */
export class RequestStore {
  private readonly ttlSeconds: number;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    retentionDays = 90,
  ) {
    this.ttlSeconds = Math.round(retentionDays * 86_400);
  }

  private key(id: string) {
    return `${this.prefix}:request:${id}`;
  }
  private deliveriesKey(id: string) {
    return `${this.prefix}:request:${id}:deliveries`;
  }
  private seenKey(channel: string, externalId: string) {
    return `${this.prefix}:seen:${channel}:${hash(externalId)}`;
  }

  /** Request ids by the time they were received (all, and per service code), for listings such as Open311's. */
  private receivedKey(serviceCode?: string) {
    return serviceCode === undefined ? `${this.prefix}:received` : `${this.prefix}:received:${serviceCode}`;
  }

  async save(request: StoredRequest): Promise<void> {
    const parsed = StoredRequest.parse(request);
    const { id, received_at: receivedAt, service_code: serviceCode } = parsed.record;
    const at = Date.parse(receivedAt);
    const expired = Date.now() - this.ttlSeconds * 1000;
    const save = this.redis.multi().set(this.key(id), JSON.stringify(parsed), 'EX', this.ttlSeconds);
    // Entries past the retention period leave the index as their records expire.
    for (const key of serviceCode === null ? [this.receivedKey()] : [this.receivedKey(), this.receivedKey(serviceCode)]) {
      save.zadd(key, Number.isFinite(at) ? at : Date.now(), id).zremrangebyscore(key, '-inf', `(${expired}`).expire(key, this.ttlSeconds);
    }
    const failed = (await save.exec())?.find(([error]) => error !== null);
    if (failed) throw failed[0];
  }

  async get(id: string): Promise<StoredRequest | null> {
    const json = await this.redis.get(this.key(id));
    return json === null ? null : StoredRequest.parse(JSON.parse(json));
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

  async update(id: string, change: (request: StoredRequest) => StoredRequest): Promise<StoredRequest | null> {
    const current = await this.get(id);
    if (current === null) return null;
    const next = { ...change(current), updated_at: new Date().toISOString() };
    await this.save(next);
    return next;
  }

  async setDelivery(id: string, state: DeliveryState): Promise<void> {
    const key = this.deliveriesKey(id);
    await this.redis.multi().hset(key, state.destination, JSON.stringify(state)).expire(key, this.ttlSeconds).exec();
  }

  async deliveries(id: string): Promise<DeliveryState[]> {
    const all = await this.redis.hgetall(this.deliveriesKey(id));
    return Object.values(all).map((json) => DeliveryState.parse(JSON.parse(json)));
  }

  /** Claims a channel id for a request id; returns the id that claimed it first, or null when this claim won. */
  async claimExternalId(channel: string, externalId: string, id: string): Promise<string | null> {
    const previous = await this.redis.set(this.seenKey(channel, externalId), id, 'EX', this.ttlSeconds, 'NX', 'GET');
    return previous;
  }

  async releaseExternalId(channel: string, externalId: string, id: string): Promise<void> {
    const key = this.seenKey(channel, externalId);
    if ((await this.redis.get(key)) === id) await this.redis.del(key);
  }
}

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
  updated_at: z.string(),
});
export type StoredRequest = z.infer<typeof StoredRequest>;

const hash = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

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

  async save(request: StoredRequest): Promise<void> {
    await this.redis.set(this.key(request.record.id), JSON.stringify(StoredRequest.parse(request)), 'EX', this.ttlSeconds);
  }

  async get(id: string): Promise<StoredRequest | null> {
    const json = await this.redis.get(this.key(id));
    return json === null ? null : StoredRequest.parse(JSON.parse(json));
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

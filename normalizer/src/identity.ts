import { createHash, randomUUID } from 'node:crypto';
import type { LoadedConfig, RedisClient } from '@intake/core';
import type { ChainableCommander } from 'ioredis';

/** A person's requests kept for "my report from yesterday": the latest ones are the ones people follow up. */
const MAX_REMEMBERED = 50;

const hash = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

/**
 * The same person across channels, on Redis: each contact (an E.164 phone, a lower-cased email, hashed so no key
 * shows it) points to a person id, and each person to their recent request ids. A message that carries two contacts
 * (a web form with phone and email, an email signed with a phone number, a call with the caller's number) joins them;
 * two people found to be one are merged. Everything expires after `redis.retention_days`.
 */
export class IdentityIndex {
  private readonly prefix: string;
  private readonly ttlSeconds: number;

  constructor(
    private readonly redis: RedisClient,
    config: LoadedConfig,
  ) {
    this.prefix = `${config.redis.prefix}:identity`;
    this.ttlSeconds = Math.round(config.redis.retention_days * 86_400);
  }

  private contactKey = (contact: string) => `${this.prefix}:contact:${hash(contact)}`;
  private requestsKey = (person: string) => `${this.prefix}:person:${person}:requests`;
  private contactsKey = (person: string) => `${this.prefix}:person:${person}:contacts`;

  /**
   * The person these contacts ("phone:+1403…", "email:a@b.org") belong to, joining them (null without contacts),
   * with the request, when given, recorded as theirs.
   */
  async personOf(contacts: readonly string[], request?: { id: string; received_at: string }): Promise<string | null> {
    const unique = [...new Set(contacts)];
    const known =
      unique.length === 0
        ? []
        : [...new Set((await this.redis.mget(unique.map(this.contactKey))).filter((person): person is string => person !== null))];
    const person = unique.length === 0 ? null : (known[0] ?? randomUUID());
    for (const other of known.slice(1)) await this.merge(other, person!);
    // NX with GET: a contact that another message gave to someone else meanwhile is merged, not overwritten.
    const claims = this.redis.pipeline();
    for (const contact of unique)
      claims.set(this.contactKey(contact), person!, 'EX', this.ttlSeconds, 'NX', 'GET').expire(this.contactKey(contact), this.ttlSeconds);
    if (person !== null) claims.sadd(this.contactsKey(person), ...unique).expire(this.contactsKey(person), this.ttlSeconds);
    if (request) this.remember(claims, person, request.id, request.received_at);
    const results = (await claims.exec()) ?? [];
    if (person === null) return null;
    for (const [i, contact] of unique.entries()) {
      const claimed = results[2 * i]?.[1] as string | null;
      if (claimed !== null && claimed !== person) {
        await this.merge(claimed, person);
        await this.redis.set(this.contactKey(contact), person, 'EX', this.ttlSeconds);
      }
    }
    return person;
  }

  /** Moves everything of `from` to `into`: its contacts point to `into`, its requests join `into`'s. */
  private async merge(from: string, into: string): Promise<void> {
    const contacts = await this.redis.smembers(this.contactsKey(from));
    const transaction = this.redis.multi();
    for (const contact of contacts) transaction.set(this.contactKey(contact), into, 'EX', this.ttlSeconds);
    if (contacts.length > 0) transaction.sadd(this.contactsKey(into), ...contacts).expire(this.contactsKey(into), this.ttlSeconds);
    transaction
      .zunionstore(this.requestsKey(into), 2, this.requestsKey(into), this.requestsKey(from), 'AGGREGATE', 'MAX')
      .expire(this.requestsKey(into), this.ttlSeconds)
      .del(this.requestsKey(from), this.contactsKey(from));
    await transaction.exec();
  }

  /** Queues what records a request as the person's (when known). */
  private remember(queue: ChainableCommander, person: string | null, requestId: string, receivedAt: string): void {
    const at = Date.parse(receivedAt);
    if (person === null) return;
    const key = this.requestsKey(person);
    queue
      .zadd(key, Number.isFinite(at) ? at : Date.now(), requestId)
      .zremrangebyrank(key, 0, -MAX_REMEMBERED - 1)
      .expire(key, this.ttlSeconds);
  }

  /** The person's requests, newest first. */
  async requestsOf(person: string, limit: number): Promise<string[]> {
    return this.redis.zrevrange(this.requestsKey(person), 0, limit - 1);
  }
}

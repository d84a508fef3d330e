import session from 'express-session';
import type { RedisClient } from '@intake/core';

/** express-session's store on the gateway's own ioredis: sessions outlive a node and are shared by every node. */
export class RedisSessionStore extends session.Store {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {
    super();
  }

  private key(sid: string) {
    return `${this.prefix}:admin-session:${sid}`;
  }

  override get(sid: string, done: (error: unknown, data?: session.SessionData | null) => void): void {
    this.redis.get(this.key(sid)).then((json) => done(null, json === null ? null : (JSON.parse(json) as session.SessionData)), done);
  }

  override set(sid: string, data: session.SessionData, done?: (error?: unknown) => void): void {
    this.redis.set(this.key(sid), JSON.stringify(data), 'EX', this.ttlSeconds).then(
      () => done?.(),
      (error: unknown) => done?.(error),
    );
  }

  override destroy(sid: string, done?: (error?: unknown) => void): void {
    this.redis.del(this.key(sid)).then(
      () => done?.(),
      (error: unknown) => done?.(error),
    );
  }

  override touch(sid: string, _data: session.SessionData, done?: () => void): void {
    this.redis.expire(this.key(sid), this.ttlSeconds).then(
      () => done?.(),
      () => done?.(),
    );
  }
}

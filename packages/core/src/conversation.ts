import type { RedisClient } from './redis.js';

/** True the first time a key is seen within `seconds`, on every node (Redis SET NX EX): to answer a repeat only once. */
export type FirstTime = (key: string, seconds: number) => Promise<boolean>;

export function firstTimeOn(redis: RedisClient, prefix: string): FirstTime {
  return async (key, seconds) => (await redis.set(`${prefix}:first:${key}`, '1', 'EX', Math.max(1, Math.round(seconds)), 'NX')) === 'OK';
}

/** Numbers and addresses that texted STOP: nothing is sent to them until they text START. */
export class OptOuts {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  private key(channel: string) {
    return `${this.prefix}:optout:${channel}`;
  }

  async optOut(channel: string, address: string): Promise<void> {
    await this.redis.sadd(this.key(channel), address);
  }

  async optIn(channel: string, address: string): Promise<void> {
    await this.redis.srem(this.key(channel), address);
  }

  async isOptedOut(channel: string, address: string): Promise<boolean> {
    return (await this.redis.sismember(this.key(channel), address)) === 1;
  }
}

import type { Redis } from 'ioredis';

/** The short reference a citizen sees and can quote: the random tail of the request's ULID. */
export function shortReference(id: string): string {
  return id.slice(-6).toUpperCase();
}

/** Numbers and addresses that texted STOP: nothing is sent to them until they text START. */
export class OptOuts {
  constructor(
    private readonly redis: Redis,
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

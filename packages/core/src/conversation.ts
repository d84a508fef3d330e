import type { Redis } from 'ioredis';

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

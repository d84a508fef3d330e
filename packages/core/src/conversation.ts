import type { RedisClient } from './redis.js';

/** One part of a message the network split (a long SMS): its place, counted from 1, of `total`. */
export interface MessagePart {
  index: number;
  total: number;
  text: string;
}

/**
 * Gathers a message that arrives in parts: each is kept under the message's key (for `seconds`) until all have come,
 * then every part's text is given back in order; null until then. A part sent again is kept once, and the last
 * parts arriving together may each get the whole: the caller's message id makes that one message.
 */
export type PartsCollector = (key: string, part: MessagePart, seconds: number) => Promise<string[] | null>;

export function partsOn(redis: RedisClient, prefix: string): PartsCollector {
  return async (key, part, seconds) => {
    const hash = `${prefix}:parts:${key}`;
    const replies = await redis
      .multi()
      .hset(hash, String(part.index), part.text)
      .expire(hash, Math.max(1, Math.round(seconds)))
      .hgetall(hash)
      .exec();
    const kept = (replies?.[2]?.[1] ?? {}) as Record<string, string>;
    const texts = Array.from({ length: part.total }, (_, i) => kept[String(i + 1)]);
    return texts.every((text) => text !== undefined) ? (texts as string[]) : null;
  };
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

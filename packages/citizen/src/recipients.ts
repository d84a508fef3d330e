import { createHash } from 'node:crypto';
import type { ReplyAddress, RedisClient } from '@intake/core';

const DAY_SECONDS = 86_400;
const hash = (address: string) => createHash('sha256').update(address.trim().toLowerCase()).digest('base64url').slice(0, 22);

/**
 * Who may be written to, and how often. An address someone typed into a form may be anyone's: it gets at most
 * `dailyLimit` messages a day until it has written to us itself, so a stranger cannot be mail-bombed through us.
 * Kept in Redis, so every worker counts the same.
 */
export class Recipients {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly dailyLimit: number,
    private readonly retentionSeconds: number,
  ) {}

  private key(kind: 'confirmed' | 'sent', to: Pick<ReplyAddress, 'channel' | 'to'>) {
    return `${this.prefix}:recipient:${kind}:${to.channel}:${hash(to.to)}`;
  }

  /** The address wrote to us on its own channel: it is someone who wants our answers. */
  async confirm(to: Pick<ReplyAddress, 'channel' | 'to'>): Promise<void> {
    await this.redis.set(this.key('confirmed', to), '1', 'EX', this.retentionSeconds);
  }

  /** Counts one message to `to` and says whether it may go. */
  async mayWrite(to: ReplyAddress): Promise<boolean> {
    if ((await this.redis.exists(this.key('confirmed', to))) === 1) return true;
    const sent = this.key('sent', to);
    // the day starts with the first message; INCR keeps the expiry SET gave it
    const [, count] = (await this.redis.multi().set(sent, 0, 'EX', DAY_SECONDS, 'NX').incr(sent).exec()) ?? [];
    return Number(count?.[1]) <= this.dailyLimit;
  }
}

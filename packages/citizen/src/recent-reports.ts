import { createHash } from 'node:crypto';
import type { RedisClient } from '@intake/core';

/** An email address and a phone number never look alike: one key space serves every channel. */
const hash = (address: string) => createHash('sha256').update(address.trim().toLowerCase()).digest('base64url').slice(0, 22);

/** A citizen's latest report, and when it came. */
export interface RecentReport {
  id: string;
  at: string;
}

/**
 * Each reply address's latest report, kept in Redis for the retention period: "STATUS" alone asks about it, and a
 * message from the same address soon after may follow it up. The address is hashed, as opt-outs' recipients are.
 */
export class RecentReports {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly retentionSeconds: number,
  ) {}

  private key(address: string) {
    return `${this.prefix}:recent-report:${hash(address)}`;
  }

  async remember(address: string, report: RecentReport): Promise<void> {
    await this.redis.set(this.key(address), JSON.stringify(report), 'EX', this.retentionSeconds);
  }

  async latest(address: string): Promise<RecentReport | null> {
    const json = await this.redis.get(this.key(address));
    return json === null ? null : (JSON.parse(json) as RecentReport);
  }
}

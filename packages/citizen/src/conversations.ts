import type { ChannelRegistry, InboundMessageInput, LoadedConfig, ReplyAddress, RedisClient } from '@intake/core';

/**
 * Open questions ("where is it?") waiting for the citizen's answer, kept in Redis so any node can match them.
 * They are keyed by where the question went (a call's question goes out by SMS, so the caller's text answers it).
 */
export class Conversations {
  constructor(
    private readonly redis: RedisClient,
    private readonly config: LoadedConfig,
    private readonly channels: ChannelRegistry,
  ) {}

  /** Channels where the next message from the same sender, soon after our question, answers it. */
  private bySender(channel: string): boolean {
    return this.channels.traits(channel).followUpBySender;
  }

  private key(channel: string, address: string) {
    return `${this.config.redis.prefix}:conversation:${channel}:${address}`;
  }

  /** The request a new message answers, if its sender has an open question. */
  async openFor(message: InboundMessageInput): Promise<string | null> {
    if (message.continues) return message.continues;
    const phone = message.sender?.phone;
    if (!this.bySender(message.channel) || !phone) return null;
    return this.redis.get(this.key(message.channel, phone));
  }

  /** Opens a question asked at `to`; returns how long it stays open, in ms. */
  async open(to: ReplyAddress, requestId: string): Promise<number> {
    if (!this.bySender(to.channel)) return this.config.conversations.email_window_hours * 3_600_000;
    const windowMs = this.config.conversations.sms_window_minutes * 60_000;
    await this.redis.set(this.key(to.channel, to.to), requestId, 'PX', windowMs);
    return windowMs;
  }

  async close(to: ReplyAddress | null): Promise<void> {
    if (to !== null && this.bySender(to.channel)) await this.redis.del(this.key(to.channel, to.to));
  }
}

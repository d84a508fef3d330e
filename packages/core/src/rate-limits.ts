import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitSettings } from './config-schema.js';
import { IntakeError } from './errors.js';
import type { InboundMessageInput } from './schemas.js';
import type { RedisClient } from './redis.js';

type Kind = keyof RateLimitSettings;

const tooMany = (msBeforeNext: number) => {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new IntakeError(429, 'rate_limited', `too many requests; retry in ${seconds} s`, { 'Retry-After': String(seconds) });
};

// keys hold no phone number or address in clear
const keyOf = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

const senderOf = (message: InboundMessageInput): string | null => {
  const sender = message.sender?.phone ?? message.sender?.email ?? message.sender?.handle;
  return sender ? `${message.channel}:${sender}` : null;
};

/**
 * Limits that an attacker meets, counted in Redis so they hold across HTTP nodes (rate-limiter-flexible).
 * While Redis is away nothing is limited: the write that follows answers 503 anyway.
 */
export class RateLimits {
  private readonly limiters = new Map<Kind, RateLimiterRedis>();

  constructor(redis: RedisClient, prefix: string, settings: RateLimitSettings) {
    for (const [kind, limit] of Object.entries(settings) as [Kind, RateLimitSettings[Kind]][]) {
      if (limit === null) continue;
      this.limiters.set(
        kind,
        new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:limit:${kind}`, points: limit.max, duration: limit.per_seconds }),
      );
    }
  }

  /** For routes citizens' own clients call (the web form, Open311 apps): a 429 once one address sent too many. */
  readonly perClient: RequestHandler = (req, _res, next) => {
    this.take('per_client', req.ip ?? 'unknown').then(() => next(), next);
  };

  /** A 429 once one phone, email or handle sent too many new messages on a channel. */
  async perSender(message: InboundMessageInput): Promise<void> {
    const sender = senderOf(message);
    if (sender !== null) await this.take('per_sender', sender);
  }

  /** Gives back what `perSender` counted for a message that turned out not to be new (a retry). */
  async refundSender(message: InboundMessageInput): Promise<void> {
    const sender = senderOf(message);
    if (sender !== null) await this.limiters.get('per_sender')?.reward(keyOf(sender), 1);
  }

  /** A 429 while the address has failed too many secrets, whatever it sends now. */
  private async keyGuard(client: string | undefined): Promise<void> {
    const limiter = this.limiters.get('key_failures');
    const used = await limiter?.get(keyOf(client ?? 'unknown')).catch(() => null);
    if (limiter && used && used.consumedPoints >= limiter.points) throw tooMany(used.msBeforeNext);
  }

  /** Counts one wrong secret from the address. */
  private async keyFailed(client: string | undefined): Promise<void> {
    await this.limiters
      .get('key_failures')
      ?.consume(keyOf(client ?? 'unknown'))
      .catch(() => undefined);
  }

  /**
   * What checking a secret the address sent (a key, a token, a password) gives, after a 429 for an address that
   * failed too many; a falsy outcome (false, null) is a wrong secret and counts against the address.
   */
  async secretTried<T>(client: string | undefined, check: () => T | Promise<T>): Promise<T> {
    await this.keyGuard(client);
    const outcome = await check();
    if (!outcome) await this.keyFailed(client);
    return outcome;
  }

  private async take(kind: Kind, key: string): Promise<void> {
    const limiter = this.limiters.get(kind);
    if (limiter === undefined) return;
    try {
      await limiter.consume(keyOf(key));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw tooMany(rejection.msBeforeNext);
    }
  }
}

/** The per-client limit of a connector context, or nothing when the context has none (connector tests). */
export const perClientLimit = (limits: RateLimits | undefined): RequestHandler => limits?.perClient ?? ((_req, _res, next) => next());

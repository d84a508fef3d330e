import { RateLimit } from '@intake/core';
import { z } from 'zod';

/** What every destination accepts besides its own keys: how its delivery queue is worked. */
export const QueueSettings = z.object({
  /** overrides `delivery.rate_limit` for this destination */
  rate_limit: RateLimit.optional(),
  /** deliveries in flight at once, per worker process */
  concurrency: z.number().int().min(1).max(100).default(4),
});
export type QueueSettings = z.infer<typeof QueueSettings>;

/** The base of a destination's options schema; strict, so a misspelt key is a config error, not a silent default. */
export const destinationOptions = <T extends string>(type: T) => z.strictObject({ type: z.literal(type), ...QueueSettings.shape });

import { RateLimit } from '@intake/core';
import { z } from 'zod';

/** What every destination accepts besides its own keys: how its delivery queue is worked. */
export const QueueSettings = z.object({
  /** overrides `delivery.rate_limit` for this destination */
  rate_limit: RateLimit.optional(),
  /** deliveries in flight at once, per worker process */
  concurrency: z.number().int().min(1).max(100).default(4),
  /** who works on what this destination receives, in plain words ("Public Works"): the citizen's timeline says so */
  team: z.string().min(1).max(100).optional(),
});
export type QueueSettings = z.infer<typeof QueueSettings>;

/**
 * The base of a destination's options schema; strict, so a misspelt key is a config error, not a silent default.
 * `concurrency` defaults to what suits the kind: an HTTP API mostly waits on the network, so more deliveries overlap.
 */
export const destinationOptions = <T extends string>(type: T, defaultConcurrency = 4) =>
  z.strictObject({
    type: z.literal(type),
    ...QueueSettings.shape,
    concurrency: QueueSettings.shape.concurrency.removeDefault().default(defaultConcurrency),
  });

/** Deliveries in flight at once by default for a destination that is an HTTP API (webhook, Open311). */
export const HTTP_API_CONCURRENCY = 16;

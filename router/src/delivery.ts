import {
  PermanentDeliveryError,
  metrics,
  type DeadLetterJob,
  type DeliveryJob,
  type DeliveryState,
  type Destination,
  type Logger,
  type Receipt,
  type RequestStore,
  type StoredRequest,
} from '@intake/core';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';

export interface DeliveryContext {
  store: RequestStore;
  log: Logger;
  deadLetters: Queue<DeadLetterJob>;
  onDelivered?: DeliveredHook;
}

/** Told once per destination that took a request, with the request as delivered, e.g. to tell the citizen. */
export type DeliveredHook = (id: string, destination: string, receipt: Receipt, request: StoredRequest) => Promise<void>;

/** The same on every retry and replay, so a CRM can drop a repeat it already took. */
const idempotencyKey = (id: string, destination: string) => `${id}:${destination}`;

export async function setDeliveryState(
  store: RequestStore,
  id: string,
  destination: string,
  change: Pick<DeliveryState, 'status' | 'attempts'> & Partial<Pick<DeliveryState, 'receipt' | 'error'>>,
): Promise<void> {
  await store.setDelivery(id, { destination, receipt: null, error: null, ...change, updated_at: new Date().toISOString() });
}

const DEAD_LETTER_JOB = 'dead-letter';

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Records a failed attempt: 'retrying' while attempts remain, else the dead-letter queue and 'dead'. Always throws. */
async function fail(job: Job<DeliveryJob>, destination: string, attempt: number, error: unknown, ctx: DeliveryContext): Promise<never> {
  const { id } = job.data;
  const message = errorMessage(error);
  metrics.failed.inc({ destination });
  const permanent = error instanceof PermanentDeliveryError;
  if (!permanent && attempt < (job.opts.attempts ?? 1)) {
    await setDeliveryState(ctx.store, id, destination, { status: 'retrying', attempts: attempt, error: message });
    ctx.log.warn({ id, destination, attempt, err: message }, 'delivery failed, will retry');
    throw error;
  }
  const entry: DeadLetterJob = { id, destination, error: message, attempts: attempt, failed_at: new Date().toISOString() };
  // The delivery job's id names the entry: a worker that crashes here and runs the job again adds no second entry.
  await ctx.deadLetters.add(DEAD_LETTER_JOB, entry, { jobId: job.id });
  await setDeliveryState(ctx.store, id, destination, { status: 'dead', attempts: attempt, error: message });
  metrics.deadLettered.inc({ destination });
  ctx.log.error({ id, destination, attempt, permanent, err: message }, 'delivery gave up: dead-lettered');
  throw new UnrecoverableError(message);
}

/** The work of one destination's queue: deliver the stored record once, however often the job runs. */
export function deliveryProcessor(destinationName: string, destination: Destination, ctx: DeliveryContext) {
  return async (job: Job<DeliveryJob>): Promise<Receipt | null> => {
    const { id } = job.data;
    const attempt = job.attemptsMade + 1;
    // both read in one round trip: the request is nearly always still to deliver
    const [stored, deliveries] = await ctx.store.withDeliveries(id);
    const current = deliveries.find((state) => state.destination === destinationName);
    if (current?.status === 'delivered') {
      ctx.log.info({ id, destination: destinationName }, 'already delivered, skipped');
      return current.receipt;
    }
    if (stored === null) return fail(job, destinationName, attempt, new PermanentDeliveryError(`request ${id} is no longer stored`), ctx);
    let receipt: Receipt;
    try {
      receipt = await destination.deliver(stored.record, {
        destination: destinationName,
        attempt,
        idempotency_key: idempotencyKey(id, destinationName),
      });
    } catch (error) {
      return fail(job, destinationName, attempt, error, ctx);
    }
    // the CRM's id first: whoever sees the delivery as done can read the id from the request
    if (receipt.external_id) {
      const externalId = receipt.external_id;
      await ctx.store.update(id, (request) =>
        request.crm.external_id ? request : { ...request, crm: { ...request.crm, external_id: externalId } },
      );
    }
    await setDeliveryState(ctx.store, id, destinationName, { status: 'delivered', attempts: attempt, receipt });
    metrics.delivered.inc({ destination: destinationName });
    await ctx.onDelivered?.(id, destinationName, receipt, stored);
    ctx.log.info({ id, destination: destinationName, attempt, external_id: receipt.external_id ?? null }, 'delivered');
    return receipt;
  };
}

import {
  PermanentDeliveryError,
  metrics,
  type DeadLetterJob,
  type DeliveryEvent,
  type DeliveryJob,
  type DeliveryState,
  type Destination,
  type ServiceRequest,
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

/** The destination a delivery worker serves: its name in the config, its plugin's instance, who works on what it takes. */
export interface DeliveringTo {
  name: string;
  destination: Destination;
  team: string | null;
}

/**
 * Told once per destination that took a request, with the request as stored then (its timeline saying where it was
 * passed on), e.g. to tell the citizen.
 */
export type DeliveredHook = (id: string, destination: string, receipt: Receipt, request: StoredRequest) => Promise<void>;

/** The same on every retry and replay, so a CRM can drop a repeat it already took. */
const idempotencyKey = (id: string, destination: string, update?: number) =>
  update === undefined ? `${id}:${destination}` : `${id}:${destination}:update-${update}`;

/** Where an update's delivery state is kept beside the request's own (`@` is never in a destination's name). */
export const deliveryStateKey = (destination: string, update?: number) =>
  update === undefined ? destination : `${destination}@update-${update}`;

type DeliveryChange = Pick<DeliveryState, 'status' | 'attempts'> & Partial<Pick<DeliveryState, 'receipt' | 'error'>>;

/** A destination's delivery state as of now. */
export const deliveryState = (destination: string, change: DeliveryChange): DeliveryState => ({
  destination,
  receipt: null,
  error: null,
  ...change,
  updated_at: new Date().toISOString(),
});

export async function setDeliveryState(store: RequestStore, id: string, destination: string, change: DeliveryChange): Promise<void> {
  await store.setDelivery(id, deliveryState(destination, change));
}

const DEAD_LETTER_JOB = 'dead-letter';

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Records a failed attempt: 'retrying' while attempts remain, else the dead-letter queue and 'dead'. Always throws. */
async function fail(job: Job<DeliveryJob>, destination: string, attempt: number, error: unknown, ctx: DeliveryContext): Promise<never> {
  const { id, update } = job.data;
  const stateKey = deliveryStateKey(destination, update);
  const message = errorMessage(error);
  metrics.failed.inc({ destination });
  const permanent = error instanceof PermanentDeliveryError;
  if (!permanent && attempt < (job.opts.attempts ?? 1)) {
    await setDeliveryState(ctx.store, id, stateKey, { status: 'retrying', attempts: attempt, error: message });
    ctx.log.warn({ id, destination, update, attempt, err: message }, 'delivery failed, will retry');
    throw error;
  }
  const entry: DeadLetterJob = {
    id,
    destination,
    ...(update === undefined ? {} : { update }),
    error: message,
    attempts: attempt,
    failed_at: new Date().toISOString(),
  };
  // The delivery job's id names the entry: a worker that crashes here and runs the job again adds no second entry.
  await ctx.deadLetters.add(DEAD_LETTER_JOB, entry, { jobId: job.id });
  await setDeliveryState(ctx.store, id, stateKey, { status: 'dead', attempts: attempt, error: message });
  metrics.deadLettered.inc({ destination });
  ctx.log.error({ id, destination, attempt, permanent, err: message }, 'delivery gave up: dead-lettered');
  throw new UnrecoverableError(message);
}

/**
 * The record as an update travels: the request the destination took, `service_request.updated`, with what was added
 * (and its photos among the request's). Null when the update is not (or no longer) in the timeline.
 */
function updatedRecord(stored: StoredRequest, index: number): ServiceRequest | null {
  const event = stored.timeline[index];
  if (event?.kind !== 'update') return null;
  const update = { id: `${stored.record.id}-${index}`, at: event.at, from: event.from, note: event.note, media: event.media };
  return { ...stored.record, event: 'service_request.updated', update };
}

/** Sends an update to a destination that took the request: by its own call when it has one, else the record again. */
async function sendUpdate(
  destination: Destination,
  stored: StoredRequest,
  job: DeliveryJob & { update: number },
  deliveries: DeliveryState[],
  event: DeliveryEvent,
): Promise<Receipt> {
  const record = updatedRecord(stored, job.update);
  if (record === null) throw new PermanentDeliveryError(`request ${job.id} has no update ${job.update}`);
  const taken = deliveries.find((state) => state.destination === job.destination);
  // the update follows the request; until the CRM has taken it (and said its id), it waits with the retries
  if (taken?.status !== 'delivered') throw new Error(`the update waits for ${job.destination} to take request ${job.id} first`);
  return destination.deliverUpdate === undefined
    ? destination.deliver(record, event)
    : destination.deliverUpdate(record, taken.receipt ?? {}, event);
}

/** The work of one destination's queue: deliver the stored record (or an update of it) once, however often the job runs. */
export function deliveryProcessor({ name: destinationName, destination, team }: DeliveringTo, ctx: DeliveryContext) {
  return async (job: Job<DeliveryJob>): Promise<Receipt | null> => {
    const { id, update } = job.data;
    const stateKey = deliveryStateKey(destinationName, update);
    const attempt = job.attemptsMade + 1;
    // both read in one round trip: the request is nearly always still to deliver
    const [stored, deliveries] = await ctx.store.withDeliveries(id);
    const current = deliveries.find((state) => state.destination === stateKey);
    if (current?.status === 'delivered') {
      ctx.log.info({ id, destination: destinationName, update }, 'already delivered, skipped');
      return current.receipt;
    }
    if (stored === null) return fail(job, destinationName, attempt, new PermanentDeliveryError(`request ${id} is no longer stored`), ctx);
    const event = { destination: destinationName, attempt, idempotency_key: idempotencyKey(id, destinationName, update) };
    let receipt: Receipt;
    try {
      receipt =
        update === undefined
          ? await destination.deliver(stored.record, event)
          : await sendUpdate(destination, stored, { ...job.data, update }, deliveries, event);
    } catch (error) {
      return fail(job, destinationName, attempt, error, ctx);
    }
    if (update !== undefined) {
      await setDeliveryState(ctx.store, id, stateKey, { status: 'delivered', attempts: attempt, receipt });
      metrics.delivered.inc({ destination: destinationName });
      ctx.log.info({ id, destination: destinationName, update, attempt }, 'update delivered');
      return receipt;
    }
    // the state, the CRM's id and the timeline's passed_on in one write: whoever sees the delivery as done can read
    // the id from the request, and a worker that stops after it leaves no delivery the timeline does not show
    const passedOn = { kind: 'passed_on' as const, at: new Date().toISOString(), destination: destinationName, team };
    const delivered = await ctx.store.recordDelivery(
      id,
      deliveryState(destinationName, { status: 'delivered', attempts: attempt, receipt }),
      (request) => ({
        ...request,
        crm: request.crm.external_id || !receipt.external_id ? request.crm : { ...request.crm, external_id: receipt.external_id },
        timeline: [...request.timeline, passedOn],
      }),
      stored,
    );
    metrics.delivered.inc({ destination: destinationName });
    await ctx.onDelivered?.(id, destinationName, receipt, delivered ?? stored);
    ctx.log.info({ id, destination: destinationName, attempt, external_id: receipt.external_id ?? null }, 'delivered');
    return receipt;
  };
}

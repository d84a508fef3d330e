import {
  InboundMessage,
  InboundMessageInput,
  PIPELINE_JOB_OPTIONS,
  QUEUE,
  QueueUnavailableError,
  badRequest,
  metrics,
  newRequestId,
  type Accepted,
  type IntakeJob,
  type RequestStore,
  withTimeout,
} from '@intake/core';
import type { Queue } from 'bullmq';
import { decodeTime } from 'ulid';
import type { Conversations } from './conversations.js';

/** A claim younger than this may belong to a write still under way: trust it rather than take it over. */
const IN_FLIGHT_MS = 30_000;
const QUEUE_WRITE_TIMEOUT_MS = 3_000;

export interface AcceptDeps {
  intakeQueue: Queue<IntakeJob>;
  store: RequestStore;
  conversations: Conversations;
}

/**
 * The whole hot path of every intake route: validate, then one queue write.
 * A channel id (MessageSid, Message-ID, Idempotency-Key) adds one SET NX so a retry returns the first request's id;
 * an SMS adds one GET to find the question it may answer.
 */
export function createAccept({ intakeQueue, store, conversations }: AcceptDeps) {
  async function isLive(id: string): Promise<boolean> {
    if (Date.now() - decodeTime(id) < IN_FLIGHT_MS) return true;
    return (await intakeQueue.getJob(id)) !== undefined || (await store.get(id)) !== null;
  }

  async function claim(message: InboundMessage): Promise<string | null> {
    const { channel, external_id: externalId, id } = message;
    if (externalId === null) return null;
    const earlier = await store.claimExternalId(channel, externalId, id);
    if (earlier === null || (await isLive(earlier))) return earlier;
    // the earlier claim outlived a write that never happened: this message takes the channel id over
    await store.releaseExternalId(channel, externalId, earlier);
    return store.claimExternalId(channel, externalId, id);
  }

  return async function accept(input: InboundMessageInput): Promise<Accepted> {
    const parsed = InboundMessageInput.safeParse(input);
    if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 'invalid_message');
    const message: InboundMessage = { ...parsed.data, id: newRequestId(), received_at: parsed.data.received_at ?? new Date().toISOString() };
    try {
      const earlier = await withTimeout(claim(message), QUEUE_WRITE_TIMEOUT_MS);
      if (earlier !== null) return { id: earlier, duplicate: true, continues: null };
      message.continues = await withTimeout(conversations.openFor(message), QUEUE_WRITE_TIMEOUT_MS);
      await withTimeout(intakeQueue.add(QUEUE.intake, message, { ...PIPELINE_JOB_OPTIONS, jobId: message.id }), QUEUE_WRITE_TIMEOUT_MS);
    } catch (error) {
      if (message.external_id !== null) await store.releaseExternalId(message.channel, message.external_id, message.id).catch(() => undefined);
      metrics.rejected.inc({ channel: message.channel, reason: 'queue_unavailable' });
      throw new QueueUnavailableError(error);
    }
    metrics.received.inc({ channel: message.channel });
    return { id: message.id, duplicate: false, continues: message.continues };
  };
}

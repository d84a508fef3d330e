import {
  InboundMessage,
  InboundMessageInput,
  PIPELINE_JOB_OPTIONS,
  QUEUE,
  QueueUnavailableError,
  badRequest,
  intakeJobId,
  metrics,
  newRequestId,
  type Accepted,
  type IntakeJob,
  type RequestStore,
  withTimeout,
} from '@intake/core';
import type { Queue } from 'bullmq';
import type { Conversations } from './conversations.js';

const QUEUE_WRITE_TIMEOUT_MS = 3_000;

export interface AcceptDeps {
  intakeQueue: Queue<IntakeJob>;
  store: RequestStore;
  conversations: Conversations;
}

/**
 * The whole hot path of every intake route: validate, then one queue write.
 *
 * A message with a channel id (MessageSid, Message-ID, Idempotency-Key) is written as a job whose id derives from
 * that channel id, so the write itself is idempotent: two deliveries of one message, concurrent or one retrying
 * after a failure half-way, add one job, and both answer with the id of the request that job holds. The claim
 * (`seen` key) that answers retries once the job is gone is recorded only after the job exists, here and again by
 * the worker that processes it, so a claim always names a message that was written.
 */
export function createAccept({ intakeQueue, store, conversations }: AcceptDeps) {
  async function write(message: InboundMessage): Promise<Accepted> {
    const { channel, external_id: externalId } = message;
    if (externalId !== null) {
      const earlier = await store.externalIdHolder(channel, externalId);
      if (earlier !== null) return { id: earlier, duplicate: true, continues: null };
    }
    message.continues = await conversations.openFor(message);
    const jobId = intakeJobId(message);
    await intakeQueue.add(QUEUE.intake, message, { ...PIPELINE_JOB_OPTIONS, jobId });
    if (externalId === null) return { id: message.id, duplicate: false, continues: message.continues };

    // the job may be another delivery's of the same message: what it holds is the answer
    const held = (await intakeQueue.getJob(jobId))?.data.id ?? (await store.externalIdHolder(channel, externalId));
    if (held === null) throw new Error(`the intake job ${jobId} vanished before its claim was recorded`);
    // the write happened: a claim that cannot be recorded now is recorded by the worker
    await store.claimExternalId(channel, externalId, held).catch(() => undefined);
    return held === message.id ? { id: held, duplicate: false, continues: message.continues } : { id: held, duplicate: true, continues: null };
  }

  return async function accept(input: InboundMessageInput): Promise<Accepted> {
    const parsed = InboundMessageInput.safeParse(input);
    if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 'invalid_message');
    const message: InboundMessage = { ...parsed.data, id: newRequestId(), received_at: parsed.data.received_at ?? new Date().toISOString() };
    let accepted: Accepted;
    try {
      accepted = await withTimeout(write(message), QUEUE_WRITE_TIMEOUT_MS, 'the intake write');
    } catch (error) {
      metrics.rejected.inc({ channel: message.channel, reason: 'queue_unavailable' });
      throw new QueueUnavailableError(error);
    }
    if (!accepted.duplicate) metrics.received.inc({ channel: message.channel });
    return accepted;
  };
}

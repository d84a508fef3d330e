import {
  InboundMessage,
  InboundMessageInput,
  IntakeError,
  PIPELINE_JOB_OPTIONS,
  QUEUE,
  QueueUnavailableError,
  badRequest,
  intakeJobId,
  metrics,
  newRequestId,
  trackingPath,
  type Accepted,
  type ConnectorContext,
  type IntakeJob,
  type Logger,
  type RateLimits,
  type RepeatKey,
  type RequestStore,
  type Tracking,
  withTimeout,
} from '@intake/core';
import type { Conversations } from '@intake/citizen';
import type { Queue } from 'bullmq';

const QUEUE_WRITE_TIMEOUT_MS = 3_000;

export interface AcceptDeps {
  intakeQueue: Queue<IntakeJob>;
  store: RequestStore;
  conversations: Conversations;
  /** a 429 for a sender who sent too many new messages (`perSender`), and the point given back by a retry */
  senderLimit?: Pick<RateLimits, 'perSender' | 'refundSender'>;
  /** resolves once the queue write is on enough replicas (`redis.wait_for_replicas`), throws when it is not */
  replicated?: () => Promise<void>;
}

/** A repeat of a message whose first write predates references has neither a reference nor a link. */
function acceptedTracking(tracking: Tracking | null): Pick<Accepted, 'reference' | 'tracking_path'> {
  return tracking === null
    ? { reference: '', tracking_path: null }
    : { reference: tracking.reference, tracking_path: trackingPath(tracking) };
}

/**
 * The whole hot path of every intake route: validate, claim a reference, then one queue write.
 *
 * A message with a channel id (MessageSid, Message-ID, Idempotency-Key) is written as a job whose id derives from
 * that channel id, so the write itself is idempotent: two deliveries of one message, concurrent or one retrying
 * after a failure half-way, add one job, and both answer with the id of the request that job holds. The claim
 * (`seen` key) that answers retries once the job is gone is recorded only after the job exists, here and again by
 * the worker that processes it, so a claim always names a message that was written.
 *
 * The reference is claimed before the job is written, so whoever finds the job finds its reference. One whose job
 * was never written (a failure half-way) is not freed: it expires unused, which costs nothing.
 */
export function createAccept({ intakeQueue, store, conversations, senderLimit, replicated }: AcceptDeps) {
  const repeatOf = async (id: string): Promise<Accepted> => ({
    id,
    ...acceptedTracking(await store.trackingOf(id)),
    duplicate: true,
    continues: null,
  });

  /** What the citizen is told: the tracking of the report an answer completes, else the message's own. */
  async function shownTracking(message: InboundMessage, own: Tracking): Promise<Tracking> {
    if (message.continues === null) return own;
    return (await store.trackingOf(message.continues)) ?? own;
  }

  /** A retry of a message already taken: what it took on the way is given back, and it is answered with the written one. */
  async function retried(message: InboundMessage, own: Tracking, earlier: string): Promise<Accepted> {
    const [repeat] = await Promise.all([
      repeatOf(earlier),
      store.releaseReference(message.id, own.reference).catch(() => undefined),
      senderLimit?.refundSender(message).catch(() => undefined),
    ]);
    return repeat;
  }

  async function write(message: InboundMessage): Promise<Accepted> {
    const { channel, external_id: externalId } = message;
    // What the write needs is read and taken at once, in one round trip: whether the channel id was taken, the
    // sender's limit, a reference, the open conversation. The rarer retry then gives back its point and reference
    // (a retry is never limited), and a limited message its reference.
    const [earlier, limited, own, continues] = await Promise.all([
      externalId === null ? null : store.externalIdHolder(channel, externalId),
      senderLimit?.perSender(message).then(
        () => null,
        (error: unknown) => (error instanceof IntakeError ? error : Promise.reject(error)),
      ) ?? null,
      store.allocateReference(message.id),
      conversations.openFor(message),
    ]);
    if (earlier !== null) return retried(message, own, earlier);
    if (limited !== null) {
      await store.releaseReference(message.id, own.reference).catch(() => undefined);
      throw limited;
    }
    message.tracking = own;
    message.continues = continues;
    const fresh: Accepted = {
      id: message.id,
      ...acceptedTracking(await shownTracking(message, own)),
      duplicate: false,
      continues: message.continues,
    };
    const jobId = intakeJobId(message);
    await intakeQueue.add(QUEUE.intake, message, { ...PIPELINE_JOB_OPTIONS, jobId });
    // not on enough replicas yet: a 503, and the sender's retry finds the job (by its id) and waits again
    await replicated?.();
    if (externalId === null) return fresh;

    // the job may be another delivery's of the same message: what it holds is the answer, and what the claim names
    const held = await store.claimExternalIdForJob(channel, externalId, intakeQueue.toKey(jobId));
    if (held === null) throw new Error(`the intake job ${jobId} vanished before its claim was recorded`);
    if (held === message.id) return fresh;
    await store.releaseReference(message.id, own.reference).catch(() => undefined);
    return repeatOf(held);
  }

  return async function accept(input: InboundMessageInput): Promise<Accepted> {
    const parsed = InboundMessageInput.safeParse(input);
    if (!parsed.success)
      throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 'invalid_message');
    const message: InboundMessage = {
      ...parsed.data,
      id: newRequestId(),
      received_at: parsed.data.received_at ?? new Date().toISOString(),
      tracking: null,
    };
    let accepted: Accepted;
    try {
      accepted = await withTimeout(write(message), QUEUE_WRITE_TIMEOUT_MS, 'the intake write');
    } catch (error) {
      if (error instanceof IntakeError) {
        metrics.rejected.inc({ channel: message.channel, reason: error.code });
        throw error;
      }
      metrics.rejected.inc({ channel: message.channel, reason: 'queue_unavailable' });
      throw new QueueUnavailableError(error);
    }
    if (!accepted.duplicate) metrics.received.inc({ channel: message.channel });
    return accepted;
  };
}

/**
 * A channel's own answer joins the conversation of the request it answers, unless `once` says the same answer was
 * given a moment ago; a repeat's was logged the first time. In doubt (Redis gone), the answer is given.
 */
export function logAnswer(store: RequestStore, log: Logger): NonNullable<ConnectorContext['answered']> {
  return async (accepted, channel, text, once?: RepeatKey) => {
    if (accepted.duplicate) return true;
    const id = accepted.continues ?? accepted.id;
    return store
      .addTurn(id, { at: new Date().toISOString(), from: 'intake', channel, kind: 'acknowledgement', text }, once)
      .catch((error: Error) => {
        log.warn({ id, err: error.message }, 'the answer was sent but not logged in the conversation');
        return true;
      });
  };
}

import { createHash } from 'node:crypto';
import { Queue, Worker, type Processor, type WorkerOptions } from 'bullmq';
import type { Logger } from './logger.js';
import type { InboundMessage } from './schemas.js';
import type { RedisClient } from './redis.js';

/** Queue names: every process derives the same names from the config, nothing else is shared. */
export const QUEUE = {
  /** InboundMessage from connectors, consumed by the normalizer stage */
  intake: 'intake',
  /** request ids ready to be routed (delayed while a conversation waits for a location) */
  route: 'route',
  /** replies and status updates to citizens */
  reply: 'reply',
  /** deliveries that gave up, for an operator to list and replay */
  deadLetter: 'dead-letter',
} as const;

/** Pipeline stages retry a few times and keep finished jobs for an hour, so a repeated add with the same id is a no-op. */
export const PIPELINE_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 86_400 },
} as const;

/**
 * The intake job's id: derived from the channel id when there is one, so that adding the same message twice,
 * concurrently or after a failure half-way, is one job (BullMQ's add is a no-op while a job with that id exists).
 */
export function intakeJobId(message: Pick<InboundMessage, 'id' | 'channel' | 'external_id'>): string {
  if (message.external_id === null) return message.id;
  const digest = createHash('sha256').update(`${message.channel}\n${message.external_id}`).digest('base64url').slice(0, 27);
  return `${message.channel}-${digest}`;
}

/**
 * Lock and stall settings of every worker, so that work a crashed process held resumes within 10 s: its lock lapses
 * after 4 s (renewed every 2 s while the job runs, and no job here blocks the event loop that long) and the stalled
 * check, every 3 s, hands it to a live worker. A job is given up as stalled only after 3 such crashes.
 */
export const WORKER_RECOVERY_OPTIONS = { lockDuration: 4000, lockRenewTime: 2000, stalledInterval: 3000, maxStalledCount: 3 } as const;

export const deliveryQueueName = (destination: string) => `deliver-${destination}`;

export type IntakeJob = InboundMessage;
export interface RouteJob {
  id: string;
}
export interface DeliveryJob {
  id: string;
  destination: string;
  /** an update of a request the destination took: its place in the request's timeline */
  update?: number;
}
export interface DeadLetterJob extends DeliveryJob {
  error: string;
  attempts: number;
  failed_at: string;
}
/** A text of the message catalogue: it is put into the citizen's language when it is sent. */
export interface CatalogueText {
  key: string;
  values?: Record<string, string | number>;
}
export interface ReplyJob {
  request_id: string;
  kind: 'acknowledgement' | 'question' | 'status';
  /** the catalogue texts, joined by a space: e.g. the status update, then the CRM's own note */
  texts: (CatalogueText | string)[];
}

/**
 * A BullMQ queue whose connection errors go to the log (BullMQ prints them to the console otherwise):
 * an outage is already reported by /readyz and by the callers' failures.
 */
export function openQueue<T>(name: string, connection: RedisClient, prefix: string, log: Logger): Queue<T> {
  const queue = new Queue<T>(name, { connection, prefix });
  queue.on('error', (error: Error) => log.debug({ queue: name, err: error.message }, 'queue connection error'));
  return queue;
}

/**
 * A BullMQ worker whose errors go to the log as one line: without a listener BullMQ prints each, stack and all, to
 * the console, and while Redis is down that is every reconnection attempt.
 */
export function openWorker<T>(name: string, processor: Processor<T>, options: WorkerOptions, log: Logger): Worker<T> {
  const worker = new Worker<T>(name, processor, options);
  worker.on('error', (error: Error) => log.warn({ queue: name, err: error.message }, 'worker error'));
  return worker;
}

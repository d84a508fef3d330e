import type { InboundMessage } from './schemas.js';

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

export const deliveryQueueName = (destination: string) => `deliver-${destination}`;

export type IntakeJob = InboundMessage;
export interface RouteJob {
  id: string;
}
export interface DeliveryJob {
  id: string;
  destination: string;
}
export interface DeadLetterJob extends DeliveryJob {
  error: string;
  attempts: number;
  failed_at: string;
}
export interface ReplyJob {
  request_id: string;
  kind: 'acknowledgement' | 'question' | 'status';
  text: string;
}

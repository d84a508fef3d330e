import { Counter, Registry } from 'prom-client';

/** One registry per process; every stage counts into it and the gateway serves it at /metrics. */
export const metricsRegistry = new Registry();

const counter = (name: string, help: string, labelNames: string[]) => new Counter({ name, help, labelNames, registers: [metricsRegistry] });

export const metrics = {
  received: counter('intake_received_total', 'Messages accepted onto the intake queue', ['channel']),
  rejected: counter('intake_rejected_total', 'Inbound requests refused (bad input, bad signature, queue down)', ['channel', 'reason']),
  normalized: counter('intake_normalized_total', 'Messages turned into service requests', ['channel']),
  duplicates: counter('intake_duplicates_total', 'Requests found to repeat an earlier one', ['kind']),
  routed: counter('intake_routed_total', 'Requests routed, by the rule that matched', ['rule']),
  delivered: counter('intake_delivered_total', 'Deliveries a destination accepted', ['destination']),
  failed: counter('intake_delivery_failed_total', 'Delivery attempts that failed', ['destination']),
  deadLettered: counter('intake_dead_lettered_total', 'Deliveries that gave up and went to the dead-letter queue', ['destination']),
};

import { currentStatus, type DeliveryState, type StoredRequest } from '@intake/core';
import { z } from 'zod';

/** One request as the console lists, searches and maps it: the record flattened to what a query needs. */
export const IndexedRequest = z.object({
  id: z.string(),
  reference: z.string(),
  received_at: z.number(),
  channel: z.string(),
  service_code: z.string().nullable(),
  /** the CRM's status (mapped to received, acknowledged, in_progress, closed) once it gave one, else 'failed' when a delivery gave up, else where Intake is with it */
  status: z.string(),
  description: z.string(),
  address: z.string().nullable(),
  street: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  duplicate_of: z.string().nullable(),
});
export type IndexedRequest = z.infer<typeof IndexedRequest>;

/** "211 Bear Street" -> "Bear Street"; an intersection or a street without a number is kept as it is. */
export function streetOf(address: string | null): string | null {
  if (address === null) return null;
  const street = address.replace(/^\s*#?\d+[A-Za-z]?(-\d+)?\s+/, '').trim();
  return street === '' ? null : street;
}

function statusOf(stored: StoredRequest, deliveries: DeliveryState[]): string {
  if (stored.timeline.some((event) => event.kind === 'status')) return currentStatus(stored);
  if (deliveries.some((delivery) => delivery.status === 'dead')) return 'failed';
  if (deliveries.length > 0 && deliveries.every((delivery) => delivery.status === 'delivered')) return 'delivered';
  return stored.state;
}

export function toIndexed(stored: StoredRequest, deliveries: DeliveryState[]): IndexedRequest {
  const { record } = stored;
  return {
    id: record.id,
    reference: record.reference,
    received_at: Date.parse(record.received_at),
    channel: record.channel,
    service_code: record.service_code,
    status: statusOf(stored, deliveries),
    description: record.description,
    address: record.location.address,
    street: streetOf(record.location.address),
    lat: record.location.lat,
    long: record.location.long,
    phone: record.reporter.phone,
    email: record.reporter.email?.toLowerCase() ?? null,
    duplicate_of: record.duplicate_of,
  };
}

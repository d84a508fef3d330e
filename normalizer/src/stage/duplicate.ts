import { metrics, type ServiceRequest } from '@intake/core';
import type { Deduper } from '../dedupe.js';
import { streetsOf } from '../location.js';

export const pointOf = ({ lat, long }: ServiceRequest['location']) => (lat !== null && long !== null ? { lat, long } : null);

/**
 * Whether the record repeats an open report (by place, words and topics, or the same sender a moment ago). `recorded`
 * settles when the dedupe indexes have all of it: await it with the request's save.
 */
export async function checkDuplicate(deduper: Deduper, record: ServiceRequest, sender: string | null, stems: string[], topics: string[]) {
  const { location } = record;
  const place = { point: pointOf(location), streets: streetsOf(location), precise: location.precision !== 'street' };
  const { verdict, recorded } = await deduper.decide({
    id: record.id,
    received_at: record.received_at,
    service_code: record.service_code,
    sender,
    stems,
    topics,
    ...place,
  });
  if (verdict.kind) metrics.duplicates.inc({ kind: verdict.kind });
  return {
    found: {
      event: verdict.duplicate_of === null ? ('service_request.created' as const) : ('service_request.duplicate' as const),
      duplicate_of: verdict.duplicate_of,
    },
    recorded,
  };
}

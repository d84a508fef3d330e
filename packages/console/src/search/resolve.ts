import { normalizePhone } from '@intake/normalizer';
import { nextDay, startOfLocalDay } from '../local-dates.js';
import type { IndexQuery, RequestFilters } from './query.js';
import type { RequestIndex } from './request-index.js';
import type { IndexedRequest } from './document.js';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;
const REFERENCE = /^[0-9A-Z]{4,12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_LIKE = /^\+?[\d\s().-]{7,20}$/;

export interface Resolved {
  query: IndexQuery;
  /** what the box was taken as, to say so on the page */
  understood: 'id' | 'reference' | 'phone' | 'email' | 'words' | 'nothing';
}

/** Turns the filters into an index query: dates to instants in the town's zone, the box to one exact field or words. */
export function resolveFilters(filters: RequestFilters, options: { timezone: string; country: string; limit: number }): Resolved[] {
  const base: IndexQuery = {
    limit: options.limit,
    ...(filters.street && { street: filters.street }),
    ...(filters.service && { service_code: filters.service }),
    ...(filters.channel && { channel: filters.channel }),
    ...(filters.status && { status: filters.status }),
    ...(filters.from && { from_ms: startOfLocalDay(filters.from, options.timezone) }),
    ...(filters.to && { to_ms: startOfLocalDay(nextDay(filters.to), options.timezone) }),
  };
  const q = filters.q;
  if (q === undefined) return [{ query: base, understood: 'nothing' }];
  if (ULID.test(q)) return [{ query: { ...base, id: q.toUpperCase() }, understood: 'id' }];
  if (EMAIL.test(q)) return [{ query: { ...base, email: q.toLowerCase() }, understood: 'email' }];
  const phone = PHONE_LIKE.test(q) ? normalizePhone(q, options.country) : null;
  if (phone !== null) return [{ query: { ...base, phone }, understood: 'phone' }];
  // A short code may be a reference or a word ("POTHOLE"): the reference is tried first, the words if it finds nothing.
  const words: Resolved = { query: { ...base, words: q }, understood: 'words' };
  return REFERENCE.test(q) ? [{ query: { ...base, reference: q.toUpperCase() }, understood: 'reference' }, words] : [words];
}

/** The first reading of the box that finds something, or the last one tried. */
export async function searchResolved(index: RequestIndex, candidates: Resolved[]): Promise<{ rows: IndexedRequest[]; resolved: Resolved }> {
  for (const [i, resolved] of candidates.entries()) {
    const rows = await index.search(resolved.query);
    if (rows.length > 0 || i === candidates.length - 1) return { rows, resolved };
  }
  throw new Error('no reading of the search box');
}

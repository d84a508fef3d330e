import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => (value === '' ? undefined : value));
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value))
  .pipe(z.iso.date().optional());

/** The list's filters as query parameters; also the reports' and the exports' (the same names everywhere). */
export const RequestFilters = z.object({
  /** a reference, an id, an exact phone or email, or words of the description and address */
  q: optionalText,
  street: optionalText,
  service: optionalText,
  channel: optionalText,
  status: optionalText,
  /** local dates, inclusive: YYYY-MM-DD */
  from: optionalDate,
  to: optionalDate,
});
export type RequestFilters = z.infer<typeof RequestFilters>;

/** What an index is asked: filters already resolved to exact fields and a time range in ms. */
export interface IndexQuery {
  words?: string;
  reference?: string;
  id?: string;
  phone?: string;
  email?: string;
  street?: string;
  service_code?: string;
  channel?: string;
  status?: string;
  /** the duplicates of this request */
  duplicate_of?: string;
  from_ms?: number;
  to_ms?: number;
  /** keyset paging: only requests received before this one (received_at, id) */
  before?: { received_at: number; id: string };
  limit: number;
}

/** Words for full-text search: letters and digits only, each a prefix match, all required (no query syntax reaches the engine). */
export function searchTerms(words: string): string[] {
  return (words.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

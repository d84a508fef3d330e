import type { IndexedRequest } from './document.js';
import type { IndexQuery } from './query.js';

/** The console's read side: built for listing and searching, fed from the store's change stream. */
export interface RequestIndex {
  readonly kind: 'sqlite' | 'postgres';
  /** adds or replaces requests; returns how many rows it wrote (one that is already as given is left alone) */
  upsert(requests: IndexedRequest[]): Promise<number>;
  /** requests Redis no longer keeps (expired by retention) */
  remove(ids: string[]): Promise<void>;
  /** newest first, `limit` rows at most */
  search(query: IndexQuery): Promise<IndexedRequest[]>;
  count(): Promise<number>;
  /** after a bulk load (a rebuild): refreshes what the query planner knows, so the first searches are not planned blind */
  analyze(): Promise<void>;
  close(): Promise<void>;
}

/** The exact-match filters every implementation applies the same way, as column and value. */
export function exactFilters(query: IndexQuery): [keyof IndexedRequest, string][] {
  const pairs: [keyof IndexedRequest, string | undefined][] = [
    ['id', query.id],
    ['reference', query.reference],
    ['phone', query.phone],
    ['email', query.email],
    ['street', query.street],
    ['service_code', query.service_code],
    ['channel', query.channel],
    ['status', query.status],
    ['duplicate_of', query.duplicate_of],
  ];
  return pairs.filter((pair): pair is [keyof IndexedRequest, string] => pair[1] !== undefined);
}

export const COLUMNS = [
  'id',
  'reference',
  'received_at',
  'channel',
  'service_code',
  'status',
  'description',
  'address',
  'street',
  'lat',
  'long',
  'phone',
  'email',
  'duplicate_of',
] as const;

import type { RequestStore, StoredRequest } from '@intake/core';

export interface AddedUpdate {
  /** the note as it was added */
  note: string;
  /** who added it: `open311` (an Open311 client's comment), `citizen` (a follow-up by text or mail) */
  from: string;
}

/**
 * Something added to a request after it was received: a comment an Open311 client posts, a citizen's follow-up.
 * It joins the timeline (and the service request updates Open311 clients read); null when the request is not stored.
 */
export async function addUpdate(
  store: RequestStore,
  idOrReference: string,
  update: AddedUpdate,
): Promise<{ request: StoredRequest; update_id: string } | null> {
  const found = await store.find(idOrReference);
  if (found === null) return null;
  const request = await store.appendTimeline(found.record.id, {
    kind: 'update',
    at: new Date().toISOString(),
    note: update.note,
    from: update.from,
  });
  return request === null ? null : { request, update_id: `${request.record.id}-${request.timeline.length - 1}` };
}

import type { InboundMessage, Media, RequestStore, StoredRequest } from '@intake/core';
import { composeDescription } from '@intake/normalizer';

export interface AddedUpdate {
  /** the note as it was added */
  note: string;
  /** who added it: `open311` (an Open311 client's comment), `citizen` (a follow-up by text or mail) */
  from: string;
  media?: Media[];
  /** the message it came from, so that a retry adds it once */
  message_id?: string;
}

export interface Added {
  request: StoredRequest;
  /** `{request id}-{index}`, as Open311's service request updates list it */
  update_id: string;
  /** its place in the request's timeline: what the router delivers */
  index: number;
}

const addedAt = (request: StoredRequest, index: number): Added => ({ request, update_id: `${request.record.id}-${index}`, index });

/**
 * Something added to a request after it was received: a comment an Open311 client posts, a citizen's follow-up.
 * It joins the timeline (and the service request updates Open311 clients read), its photos join the request's;
 * null when the request is not stored. An update from a message already added is not added twice.
 */
export async function addUpdate(store: RequestStore, idOrReference: string, update: AddedUpdate): Promise<Added | null> {
  const found = await store.find(idOrReference);
  if (found === null) return null;
  const earlier =
    update.message_id === undefined
      ? -1
      : found.timeline.findIndex((event) => event.kind === 'update' && event.message_id === update.message_id);
  if (earlier >= 0) return addedAt(found, earlier);
  const media = update.media ?? [];
  const request = await store.appendTimeline(found.record.id, {
    kind: 'update',
    at: new Date().toISOString(),
    note: update.note,
    from: update.from,
    media,
    message_id: update.message_id ?? null,
  });
  if (request === null) return null;
  const index = request.timeline.length - 1;
  if (media.length === 0) return addedAt(request, index);
  const withPhotos = await store.update(request.record.id, (stored) => ({
    ...stored,
    record: { ...stored.record, media: [...stored.record.media, ...media] },
  }));
  return withPhotos === null ? null : addedAt(withPhotos, index);
}

/**
 * A citizen's message that adds to an earlier report of theirs (`continues` names it, and it is not waiting for a
 * place, which an answer gives): their words and photos become an update of that report. Null when it names no
 * stored report, or one still waiting for its place (the normalizer completes that one).
 */
export async function addFollowUp(store: RequestStore, message: InboundMessage): Promise<Added | null> {
  if (message.continues === null) return null;
  const target = await store.get(message.continues);
  if (target === null || target.state === 'awaiting_location') return null;
  return addUpdate(store, target.record.id, {
    note: composeDescription(message),
    from: 'citizen',
    media: message.media,
    message_id: message.id,
  });
}

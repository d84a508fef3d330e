import type { InboundMessage, ServiceRequest, StoredRequest } from '@intake/core';
import { contentStems } from '../language.js';
import { locate } from '../location.js';
import { composeDescription } from '../text.js';
import { checkDuplicate } from './duplicate.js';
import { zonesOf, type Normalized, type Parts } from './parts.js';
import { contactsOf, senderKey } from './senders.js';

/** The citizen's answer to our question: its place (and photos) complete the waiting request, which keeps its id. */
export async function answerToWhere(parts: Parts, waiting: StoredRequest, message: InboundMessage): Promise<Normalized> {
  const { config, log, store, classifier } = parts;
  const words = composeDescription(message);
  const { location } = await locate(parts.locator, {
    point: message.point,
    address: message.address,
    description: words,
    zones: zonesOf(parts.channels, message, words),
    photoPoint: message.photo_point,
  });
  const found = location.precision !== 'none';
  const original = waiting.record;
  const record: ServiceRequest = {
    ...original,
    description: words === '' ? original.description : `${original.description}\n${words}`,
    location: found ? location : original.location,
    media: [...original.media, ...message.media],
  };
  const contacts = contactsOf(parts.channels, message, original.reporter, { description: '', zones: [] }, config.jurisdiction.country);
  const sender = senderKey(await parts.identity.personOf(contacts));
  const { language, topics } = classifier.classify(record.description);
  const { found: duplicate, recorded } = found
    ? await checkDuplicate(parts.deduper, record, sender, contentStems(record.description, language), topics)
    : { found: {}, recorded: undefined };
  const request: StoredRequest = { ...waiting, record: { ...record, ...duplicate }, updated_at: new Date().toISOString() };
  await Promise.all([store.save(request), recorded]);
  log.debug({ id: original.id, precision: request.record.location.precision }, 'answer added to the waiting request');
  return { request, needs_location: !found };
}

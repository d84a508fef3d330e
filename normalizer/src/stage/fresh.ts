import { NO_LOCATION, type InboundMessage, type LoadedConfig, type Logger, type ServiceRequest, type StoredRequest } from '@intake/core';
import type { Classification } from '../classify.js';
import { normalizeEmail, normalizePhone } from '../contact.js';
import type { Extracted } from '../extract/index.js';
import { relatedRequest } from '../followup.js';
import { asksOpeningHours, intentOf, type Intent } from '../intent.js';
import { contentStems, detectLanguage } from '../language.js';
import { locate } from '../location.js';
import { cleanText, composeDescription } from '../text.js';
import type { Zone } from '../zones.js';
import { checkDuplicate, pointOf } from './duplicate.js';
import { zonesOf, type Normalized, type Parts, type Settle } from './parts.js';
import { contactsOf, replyAddress, senderKey } from './senders.js';

/**
 * The citizen's words without the place names in them, so "Bear St" or "Park Ave" never reads as a bear or parking,
 * and without what only a forwarding clerk wrote ("please log this").
 */
function problemWords(description: string, mentions: readonly Extracted[], zones: readonly Zone[]): string {
  let text = description;
  const spans = [...mentions, ...zones.filter((zone) => zone.kind === 'forward')];
  for (const { start, end } of spans) text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  return text;
}

/**
 * The service given with the message, else the classifier's when it is sure enough, else the catch-all for a report
 * and the town's choice for a question (none by default: "what are city hall hours?" asks about no service); `sure`
 * says which.
 */
function chooseService(config: LoadedConfig, message: InboundMessage, classification: Classification, intent: Intent, log: Logger) {
  const given = message.service_code === null ? undefined : config.services.find((service) => service.code === message.service_code);
  if (given) return { code: given.code, confidence: 1, sure: true };
  if (message.service_code !== null)
    log.warn({ id: message.id, service_code: message.service_code }, 'unknown service code ignored, classifying instead');
  const { code, confidence } = classification;
  const sure = code !== null && confidence >= config.classification.min_confidence;
  const unsure = intent === 'question' ? config.classification.question_fallback_code : config.classification.fallback_code;
  return { code: sure ? code : unsure, confidence, sure };
}

/**
 * The service when the classifier is unsure: the earlier request this one follows up, else what the same sender
 * reported a moment ago at the same place ("still there!! 40 minutes now").
 */
async function carriedOverCode(
  parts: Parts,
  related: StoredRequest | null,
  sender: string | null,
  receivedAt: string,
  location: ServiceRequest['location'],
): Promise<string | null> {
  if (related !== null) return related.record.service_code;
  if (sender === null) return null;
  return (await parts.deduper.lastFromSender(sender, receivedAt, pointOf(location)))?.service_code ?? null;
}

/** Who sent it (the person behind its contacts) and the earlier report it follows up, if any. */
async function threadOf(
  parts: Parts,
  message: InboundMessage,
  signed: { description: string; zones: readonly Zone[] },
  reporter: ServiceRequest['reporter'],
  sureCode: string | null,
) {
  const { identity, store, config } = parts;
  const contacts = contactsOf(parts.channels, message, reporter, signed, config.jurisdiction.country);
  const person = await identity.personOf(contacts, { id: message.id, received_at: message.received_at });
  const related = await relatedRequest({ identity, store }, { id: message.id, text: signed.description, person, service_code: sureCode });
  return { person, sender: senderKey(person), related };
}

/** Everything a new message becomes, settled by the caller and saved; dedupe sees it once it has what it needs. */
export async function freshRequest(parts: Parts, message: InboundMessage, settle?: Settle): Promise<Normalized> {
  const { config, log, store } = parts;
  const description = composeDescription(message);
  const zones = zonesOf(parts.channels, message, description);
  const located = await locate(parts.locator, {
    point: message.point,
    address: message.address,
    description,
    zones,
    photoPoint: message.photo_point,
  });
  const problem = problemWords(description, located.mentions, zones);
  // detected once, on the words as sent (as the SMS webhook does for its acknowledgement, so both answers agree)
  const textLanguage = detectLanguage(message.text === '' ? description : message.text);
  const classification = parts.classifier.classify(problem, textLanguage);
  const intent = intentOf(description, classification.language);
  // "is the dump open saturday?" names a place to ask about, not the service it brings to mind
  const openingHours = intent === 'question' && asksOpeningHours(description, classification.language);
  const chosen = chooseService(config, message, openingHours ? { ...classification, code: null } : classification, intent, log);
  const reporter = {
    name: cleanText(message.sender.name) || null,
    phone: normalizePhone(message.sender.phone, config.jurisdiction.country),
    email: normalizeEmail(message.sender.email),
  };
  const { sender, related } = await threadOf(parts, message, { description, zones }, reporter, chosen.sure ? chosen.code : null);
  // A question that names a landmark asks about the landmark ("is the town hall open friday?"): no problem is there.
  const location = intent === 'question' && located.atLandmark ? NO_LOCATION : located.location;
  const code = chosen.sure ? chosen.code : ((await carriedOverCode(parts, related, sender, message.received_at, location)) ?? chosen.code);
  const tracking = message.tracking ?? (await store.allocateReference(message.id));
  const record: ServiceRequest = {
    id: message.id,
    reference: tracking.reference,
    event: 'service_request.created',
    channel: message.channel,
    received_at: message.received_at,
    reporter,
    description,
    service_code: code,
    service_name: config.services.find((service) => service.code === code)?.name ?? null,
    location,
    media: message.media,
    source: {
      external_id: message.external_id,
      conversation_id: related ? (related.record.source.conversation_id ?? related.record.id) : message.conversation_id,
      details: message.source_details,
    },
    duplicate_of: null,
    language: message.language ?? textLanguage,
    intent,
    routing: { rule: null, priority: 'normal' },
    update: null,
  };
  // A follow-up relates to its report rather than repeating it: it is a duplicate only when it names the same
  // problem at the same place itself, not by the place it took over.
  const { found, recorded } = await checkDuplicate(
    parts.deduper,
    { ...record, location: located.location },
    related === null ? sender : null,
    contentStems(problem, classification.language),
    classification.topics,
  );
  const request: StoredRequest = {
    record: { ...record, ...found },
    state: 'received',
    reply_to: replyAddress(parts.channels, message, reporter.phone, config.jurisdiction.country),
    service_confidence: chosen.confidence,
    crm: { status: null, external_id: null },
    related_to: related?.record.id ?? null,
    tracking_token: tracking.token,
    timeline: [],
    updated_at: new Date().toISOString(),
  };
  // A follow-up that names no place is not asked where: the report it follows has the place. It is given none
  // itself, as "I already called about the noise" may be about another place, or another problem.
  const needsLocation = location.precision === 'none' && related === null;
  const settled = settle?.({ request, needs_location: needsLocation }) ?? { request, deliveries: [] };
  await Promise.all([store.save(settled.request, settled.deliveries), recorded]);
  return { request: settled.request, needs_location: needsLocation };
}

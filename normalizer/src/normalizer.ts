import {
  ConfigError,
  metrics,
  type AddressSuggestion,
  type Geocoder,
  type GeocoderPlugin,
  type InboundMessage,
  type LoadedConfig,
  type Logger,
  type ReplyAddress,
  type RequestStore,
  type ServiceRequest,
  type StoredRequest,
  type ChannelRegistry,
} from '@intake/core';
import type { Redis } from 'ioredis';
import { GeocoderChain } from './chain.js';
import { buildClassifier, type Classification } from './classify.js';
import { normalizeEmail, normalizePhone, phonesIn } from './contact.js';
import { Deduper } from './dedupe.js';
import { buildVocabulary, type Extracted } from './extract/index.js';
import { GazetteerGeocoder, type Gazetteer } from './geocoders/gazetteer/index.js';
import { geocoderPlugins } from './geocoders/index.js';
import { relatedRequest } from './followup.js';
import { IdentityIndex } from './identity.js';
import { jurisdictionCheck } from './jurisdiction.js';
import { intentOf } from './intent.js';
import { contentStems, detectLanguage } from './language.js';
import { locate, streetsOf, type Locator } from './location.js';
import { cleanText, composeDescription } from './text.js';
import { emailZones, type Zone } from './zones.js';

export interface NormalizerDeps {
  config: LoadedConfig;
  redis: Redis;
  store: RequestStore;
  log: Logger;
  /** what each channel's connector declares (mail quotes, phone replies, clerk handles) */
  channels: ChannelRegistry;
}

export interface Normalized {
  request: StoredRequest;
  /** no usable location was found: ask the citizen where */
  needs_location: boolean;
}

export interface Normalizer {
  /** InboundMessage -> StoredRequest (state 'received'), saved with deps.store.save, dedupe indexes updated */
  normalize(message: InboundMessage): Promise<Normalized>;
  /** completions for the web form's address box, from the gazetteer */
  suggestAddresses(query: string, limit: number): AddressSuggestion[];
  /** whether an address field or the words of a report name a place the geocoders find */
  locates(report: { address: string | null; description: string }): Promise<boolean>;
  close(): Promise<void>;
}

function createGeocoders(deps: NormalizerDeps, plugins: readonly GeocoderPlugin[]): Geocoder[] {
  return deps.config.geocoding.providers.map((options, i) => {
    const plugin = plugins.find((p) => p.type === options.type);
    if (!plugin)
      throw new ConfigError([
        `geocoding.providers.${i}.type: unknown type "${options.type}" (known: ${plugins.map((p) => p.type).join(', ')})`,
      ]);
    const parsed = plugin.options.safeParse(options);
    if (!parsed.success)
      throw new ConfigError(parsed.error.issues.map((issue) => `geocoding.providers.${i}.${issue.path.join('.')}: ${issue.message}`));
    return plugin.create(parsed.data, { config: deps.config, log: deps.log });
  });
}

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

/** Forwarding notes, quotes and signatures, on the channels that carry them (mail), told apart from the report. */
const zonesOf = (channels: ChannelRegistry, message: InboundMessage, description: string) =>
  channels.traits(message.channel).quotesAndSignatures ? emailZones(description) : [];

/** Where to answer: phone numbers in E.164, so the answer's sender and opt-outs match them. */
function replyAddress(channels: ChannelRegistry, message: InboundMessage, phone: string | null, country: string): ReplyAddress | null {
  const to = message.reply_to;
  if (to === null || !channels.traits(to.channel).repliesByPhone) return to;
  const e164 = to.to === message.sender.phone && phone !== null ? phone : normalizePhone(to.to, country);
  return { ...to, to: e164 ?? to.to };
}

/** Who sent it, for "the same person again": the person behind its contacts. */
const senderKey = (person: string | null) => (person === null ? null : `person:${person}`);

/** The ways to reach the sender this message shows: phone, email, a phone in an email's signature, a Slack handle. */
function contactsOf(
  channels: ChannelRegistry,
  message: InboundMessage,
  phone: string | null,
  email: string | null,
  description: string,
  zones: readonly Zone[],
  country: string,
): string[] {
  const signed = zones
    .filter((zone) => zone.kind === 'signature')
    .flatMap((zone) => phonesIn(description.slice(zone.start, zone.end), country));
  const phones = [...(phone ? [phone] : []), ...signed].map((number) => `phone:${number}`);
  // on calls the handle is the clerk who took them, not the person reporting
  const handle =
    message.sender.handle && !channels.traits(message.channel).handledByClerk ? [`${message.channel}:${message.sender.handle}`] : [];
  return [...phones, ...(email ? [`email:${email}`] : []), ...handle];
}

/** The service given with the message, else the classifier's when it is sure enough; `sure` says which. */
function chooseService(config: LoadedConfig, message: InboundMessage, classification: Classification, log: Logger) {
  const given = message.service_code === null ? undefined : config.services.find((service) => service.code === message.service_code);
  if (given) return { code: given.code, confidence: 1, sure: true };
  if (message.service_code !== null)
    log.warn({ id: message.id, service_code: message.service_code }, 'unknown service code ignored, classifying instead');
  const { code, confidence } = classification;
  const sure = code !== null && confidence >= config.classification.min_confidence;
  return { code: sure ? code : config.classification.fallback_code, confidence, sure };
}

const pointOf = ({ lat, long }: ServiceRequest['location']) => (lat !== null && long !== null ? { lat, long } : null);

/** Loads the gazetteer and the other read-only indexes once, and returns the stage that turns messages into requests. */
export async function createNormalizer(deps: NormalizerDeps, plugins: readonly GeocoderPlugin[] = geocoderPlugins): Promise<Normalizer> {
  const { config, log, store } = deps;
  const geocoders = createGeocoders(deps, plugins);
  const gazetteers: Gazetteer[] = geocoders.filter((g): g is GazetteerGeocoder => g instanceof GazetteerGeocoder).map((g) => g.gazetteer);
  const locator: Locator = {
    chain: new GeocoderChain(geocoders, log),
    vocabulary: buildVocabulary(
      gazetteers.flatMap((g) => g.streetNames()),
      config.jurisdiction.landmarks,
      [config.jurisdiction.name],
    ),
    gazetteers,
    inJurisdiction: jurisdictionCheck(config, gazetteers),
  };
  const classifier = buildClassifier(config.services, config.classification.fallback_code);
  const deduper = new Deduper(deps.redis, config);
  const identity = new IdentityIndex(deps.redis, config);
  log.info(
    {
      streets: gazetteers.reduce((n, g) => n + g.streets.size, 0),
      addresses: gazetteers.reduce((n, g) => n + g.size, 0),
      geocoders: geocoders.map((g) => g.name),
    },
    'normalizer ready',
  );
  const serviceNamed = (code: string | null) => config.services.find((service) => service.code === code) ?? null;

  /**
   * The service when the classifier is unsure: the earlier request this one follows up, else what the same sender
   * reported a moment ago at the same place ("still there!! 40 minutes now").
   */
  async function carriedOverCode(
    related: StoredRequest | null,
    sender: string | null,
    receivedAt: string,
    location: ServiceRequest['location'],
  ): Promise<string | null> {
    if (related !== null) return related.record.service_code;
    if (sender === null) return null;
    return (await deduper.lastFromSender(sender, receivedAt, pointOf(location)))?.service_code ?? null;
  }

  /** Who sent it (the person behind its contacts) and the earlier report it follows up, if any. */
  async function threadOf(
    message: InboundMessage,
    description: string,
    zones: readonly Zone[],
    reporter: ServiceRequest['reporter'],
    sureCode: string | null,
  ) {
    const contacts = contactsOf(deps.channels, message, reporter.phone, reporter.email, description, zones, config.jurisdiction.country);
    const person = await identity.personOf(contacts, { id: message.id, received_at: message.received_at });
    const related = await relatedRequest({ identity, store }, { id: message.id, text: description, person, service_code: sureCode });
    return { person, sender: senderKey(person), related };
  }

  /** Everything a new message becomes, saved; dedupe sees it once it has what it needs. */
  async function fresh(message: InboundMessage): Promise<Normalized> {
    const description = composeDescription(message);
    const zones = zonesOf(deps.channels, message, description);
    const located = await locate(locator, {
      point: message.point,
      address: message.address,
      description,
      zones,
      photoPoint: message.photo_point,
    });
    const problem = problemWords(description, located.mentions, zones);
    // detected once, on the words as sent (as the SMS webhook does for its acknowledgement, so both answers agree)
    const textLanguage = detectLanguage(message.text === '' ? description : message.text);
    const classification = classifier.classify(problem, textLanguage);
    const chosen = chooseService(config, message, classification, log);
    const reporter = {
      name: cleanText(message.sender.name) || null,
      phone: normalizePhone(message.sender.phone, config.jurisdiction.country),
      email: normalizeEmail(message.sender.email),
    };
    const { sender, related } = await threadOf(message, description, zones, reporter, chosen.sure ? chosen.code : null);
    // A follow-up with no place of its own is about the place of the report it follows.
    const location = located.location.precision === 'none' && related !== null ? related.record.location : located.location;
    const code = chosen.sure ? chosen.code : ((await carriedOverCode(related, sender, message.received_at, location)) ?? chosen.code);
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
      service_name: serviceNamed(code)?.name ?? null,
      location,
      media: message.media,
      source: {
        external_id: message.external_id,
        conversation_id: related ? (related.record.source.conversation_id ?? related.record.id) : message.conversation_id,
        details: message.source_details,
      },
      duplicate_of: null,
      language: message.language ?? textLanguage,
      intent: intentOf(description, classification.language),
      routing: { rule: null, priority: 'normal' },
    };
    // A follow-up relates to its report rather than repeating it: it is a duplicate only when it names the same
    // problem at the same place itself, not by the place it took over.
    const verdict = await checkDuplicate(
      { ...record, location: located.location },
      related === null ? sender : null,
      contentStems(problem, classification.language),
      classification.topics,
    );
    const request: StoredRequest = {
      record: { ...record, ...verdict },
      state: 'received',
      reply_to: replyAddress(deps.channels, message, reporter.phone, config.jurisdiction.country),
      service_confidence: chosen.confidence,
      crm: { status: null, external_id: null },
      related_to: related?.record.id ?? null,
      tracking_token: tracking.token,
      timeline: [],
      updated_at: new Date().toISOString(),
    };
    await store.save(request);
    return { request, needs_location: location.precision === 'none' };
  }

  async function checkDuplicate(record: ServiceRequest, sender: string | null, stems: string[], topics: string[]) {
    const { location } = record;
    const place = { point: pointOf(location), streets: streetsOf(location), precise: location.precision !== 'street' };
    const verdict = await deduper.check({
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
      event: verdict.duplicate_of === null ? ('service_request.created' as const) : ('service_request.duplicate' as const),
      duplicate_of: verdict.duplicate_of,
    };
  }

  /** The citizen's answer to our question: its place (and photos) complete the waiting request, which keeps its id. */
  async function answer(waiting: StoredRequest, message: InboundMessage): Promise<Normalized> {
    const words = composeDescription(message);
    const { location } = await locate(locator, {
      point: message.point,
      address: message.address,
      description: words,
      zones: zonesOf(deps.channels, message, words),
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
    const contacts = contactsOf(
      deps.channels,
      message,
      original.reporter.phone,
      original.reporter.email,
      '',
      [],
      config.jurisdiction.country,
    );
    const sender = senderKey(await identity.personOf(contacts));
    const { language, topics } = classifier.classify(record.description);
    const completed = found
      ? { ...record, ...(await checkDuplicate(record, sender, contentStems(record.description, language), topics)) }
      : record;
    const request: StoredRequest = { ...waiting, record: completed, updated_at: new Date().toISOString() };
    await store.save(request);
    log.debug({ id: original.id, precision: completed.location.precision }, 'answer added to the waiting request');
    return { request, needs_location: !found };
  }

  return {
    async normalize(message) {
      const waiting = message.continues === null ? null : await store.get(message.continues);
      const normalized =
        waiting?.state === 'awaiting_location' ? await answer(waiting, message) : await fresh({ ...message, continues: null });
      const { record } = normalized.request;
      metrics.normalized.inc({ channel: message.channel });
      log.debug(
        { id: record.id, service_code: record.service_code, precision: record.location.precision, duplicate_of: record.duplicate_of },
        'normalized',
      );
      return normalized;
    },
    async locates({ address, description }) {
      const { location } = await locate(locator, { point: null, address, description: description.slice(0, 5000) });
      return location.precision !== 'none';
    },
    suggestAddresses(query, limit) {
      const trimmed = query.trim().slice(0, 200);
      if (trimmed === '') return [];
      return gazetteers.flatMap((gazetteer) => gazetteer.suggest(trimmed, limit)).slice(0, limit);
    },
    async close() {
      // The Redis connection belongs to the caller; nothing else holds resources.
    },
  };
}

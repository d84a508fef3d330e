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
} from '@intake/core';
import type { Redis } from 'ioredis';
import { GeocoderChain } from './chain.js';
import { buildClassifier, type Classifier } from './classify.js';
import { normalizeEmail, normalizePhone } from './contact.js';
import { Deduper } from './dedupe.js';
import { buildVocabulary, type Extracted } from './extract/index.js';
import { GazetteerGeocoder, type Gazetteer } from './geocoders/gazetteer/index.js';
import { geocoderPlugins } from './geocoders/index.js';
import { jurisdictionCheck } from './jurisdiction.js';
import { contentStems } from './language.js';
import { locate, type Locator } from './location.js';
import { cleanText, composeDescription } from './text.js';

export interface NormalizerDeps {
  config: LoadedConfig;
  redis: Redis;
  store: RequestStore;
  log: Logger;
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
  close(): Promise<void>;
}

function createGeocoders(deps: NormalizerDeps, plugins: readonly GeocoderPlugin[]): Geocoder[] {
  return deps.config.geocoding.providers.map((options, i) => {
    const plugin = plugins.find((p) => p.type === options.type);
    if (!plugin) throw new ConfigError([`geocoding.providers.${i}.type: unknown type "${options.type}" (known: ${plugins.map((p) => p.type).join(', ')})`]);
    const parsed = plugin.options.safeParse(options);
    if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `geocoding.providers.${i}.${issue.path.join('.')}: ${issue.message}`));
    return plugin.create(parsed.data, { config: deps.config, log: deps.log });
  });
}

/** The citizen's words without the place names in them, so "Bear St" or "Park Ave" never reads as a bear or parking. */
function withoutPlaces(description: string, mentions: readonly Extracted[]): string {
  let text = description;
  for (const { start, end } of mentions) text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  return text;
}

/** Where to answer: phone numbers in E.164, so the answer's sender and opt-outs match them. */
function replyAddress(message: InboundMessage, phone: string | null, country: string): ReplyAddress | null {
  const to = message.reply_to;
  if (to === null || (to.channel !== 'sms' && to.channel !== 'whatsapp')) return to;
  const e164 = to.to === message.sender.phone && phone !== null ? phone : normalizePhone(to.to, country);
  return { ...to, to: e164 ?? to.to };
}

/** The sender's identity for "the same person again": phone, else email, else the channel's own handle. */
function senderKey(message: InboundMessage, phone: string | null, email: string | null): string | null {
  if (phone) return `phone:${phone}`;
  if (email) return `email:${email}`;
  return message.sender.handle ? `${message.channel}:${message.sender.handle}` : null;
}

function chooseService(config: LoadedConfig, classifier: Classifier, message: InboundMessage, text: string, log: Logger) {
  const given = message.service_code === null ? undefined : config.services.find((service) => service.code === message.service_code);
  const { code, confidence, language } = classifier.classify(text);
  if (given) return { service: given, confidence: 1, language };
  if (message.service_code !== null) log.warn({ id: message.id, service_code: message.service_code }, 'unknown service code ignored, classifying instead');
  const chosen = code !== null && confidence >= config.classification.min_confidence ? code : config.classification.fallback_code;
  return { service: config.services.find((service) => service.code === chosen) ?? null, confidence, language };
}

/** Loads the gazetteer and the other read-only indexes once, and returns the stage that turns messages into requests. */
export async function createNormalizer(deps: NormalizerDeps, plugins: readonly GeocoderPlugin[] = geocoderPlugins): Promise<Normalizer> {
  const { config, log, store } = deps;
  const geocoders = createGeocoders(deps, plugins);
  const gazetteers: Gazetteer[] = geocoders.filter((g): g is GazetteerGeocoder => g instanceof GazetteerGeocoder).map((g) => g.gazetteer);
  const locator: Locator = {
    chain: new GeocoderChain(geocoders, log),
    vocabulary: buildVocabulary(gazetteers.flatMap((g) => g.streetNames()), config.jurisdiction.landmarks, [config.jurisdiction.name]),
    gazetteers,
    inJurisdiction: jurisdictionCheck(config, gazetteers),
  };
  const classifier = buildClassifier(config.services);
  const deduper = new Deduper(deps.redis, config);
  log.info({ streets: gazetteers.reduce((n, g) => n + g.streets.size, 0), addresses: gazetteers.reduce((n, g) => n + g.size, 0), geocoders: geocoders.map((g) => g.name) }, 'normalizer ready');

  /** Everything a new message becomes, saved; dedupe sees it once it has what it needs. */
  async function fresh(message: InboundMessage): Promise<Normalized> {
    const description = composeDescription(message);
    const { location, mentions } = await locate(locator, { point: message.point, address: message.address, description });
    const problem = withoutPlaces(description, mentions);
    const { service, confidence, language } = chooseService(config, classifier, message, problem, log);
    const phone = normalizePhone(message.sender.phone, config.jurisdiction.country);
    const email = normalizeEmail(message.sender.email);
    const record: ServiceRequest = {
      id: message.id,
      event: 'service_request.created',
      channel: message.channel,
      received_at: message.received_at,
      reporter: { name: cleanText(message.sender.name) || null, phone, email },
      description,
      service_code: service?.code ?? null,
      service_name: service?.name ?? null,
      location,
      media: message.media,
      source: { external_id: message.external_id, conversation_id: message.conversation_id },
      duplicate_of: null,
      routing: { rule: null, priority: 'normal' },
    };
    const stems = contentStems(problem, language);
    const verdict = await checkDuplicate(record, senderKey(message, phone, email), stems);
    const request: StoredRequest = {
      record: { ...record, ...verdict },
      state: 'received',
      reply_to: replyAddress(message, phone, config.jurisdiction.country),
      service_confidence: confidence,
      crm: { status: null, external_id: null },
      updated_at: new Date().toISOString(),
    };
    await store.save(request);
    return { request, needs_location: location.precision === 'none' };
  }

  async function checkDuplicate(record: ServiceRequest, sender: string | null, stems: string[]) {
    const { location } = record;
    const point = location.lat !== null && location.long !== null ? { lat: location.lat, long: location.long } : null;
    const verdict = await deduper.check({ id: record.id, received_at: record.received_at, service_code: record.service_code, point, sender, stems });
    if (verdict.kind) metrics.duplicates.inc({ kind: verdict.kind });
    return { event: verdict.duplicate_of === null ? ('service_request.created' as const) : ('service_request.duplicate' as const), duplicate_of: verdict.duplicate_of };
  }

  /** The citizen's answer to our question: its place (and photos) complete the waiting request, which keeps its id. */
  async function answer(waiting: StoredRequest, message: InboundMessage): Promise<Normalized> {
    const words = composeDescription(message);
    const { location } = await locate(locator, { point: message.point, address: message.address, description: words });
    const found = location.precision !== 'none';
    const original = waiting.record;
    const record: ServiceRequest = {
      ...original,
      description: words === '' ? original.description : `${original.description}\n${words}`,
      location: found ? location : original.location,
      media: [...original.media, ...message.media],
    };
    const sender = senderKey(message, original.reporter.phone, original.reporter.email);
    const completed = found ? { ...record, ...(await checkDuplicate(record, sender, contentStems(record.description))) } : record;
    const request: StoredRequest = { ...waiting, record: completed, updated_at: new Date().toISOString() };
    await store.save(request);
    log.debug({ id: original.id, precision: completed.location.precision }, 'answer added to the waiting request');
    return { request, needs_location: !found };
  }

  return {
    async normalize(message) {
      const waiting = message.continues === null ? null : await store.get(message.continues);
      const normalized = waiting?.state === 'awaiting_location' ? await answer(waiting, message) : await fresh({ ...message, continues: null });
      const { record } = normalized.request;
      metrics.normalized.inc({ channel: message.channel });
      log.debug({ id: record.id, service_code: record.service_code, precision: record.location.precision, duplicate_of: record.duplicate_of }, 'normalized');
      return normalized;
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

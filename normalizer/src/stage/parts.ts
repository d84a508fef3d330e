import {
  ConfigError,
  type ChannelRegistry,
  type DeliveryState,
  type GeocoderPlugin,
  type Geocoder,
  type InboundMessage,
  type LoadedConfig,
  type Logger,
  type RequestStore,
  type StoredRequest,
  type RedisClient,
} from '@intake/core';
import { GeocoderChain } from '../chain.js';
import { buildClassifier, type Classifier } from '../classify.js';
import { Deduper } from '../dedupe.js';
import { buildVocabulary } from '../extract/index.js';
import { GazetteerGeocoder, type Gazetteer } from '../geocoders/gazetteer/index.js';
import { IdentityIndex } from '../identity.js';
import { jurisdictionCheck } from '../jurisdiction.js';
import type { LearnedModel } from '../learn.js';
import type { Locator } from '../location.js';
import { emailZones, inlineSignatures, type Zone } from '../zones.js';

export interface NormalizerDeps {
  config: LoadedConfig;
  redis: RedisClient;
  store: RequestStore;
  log: Logger;
  /** what each channel's connector declares (mail quotes, phone replies, clerk handles) */
  channels: ChannelRegistry;
  /** what `intake learn` learned from the town's past requests, if it was run */
  learned?: LearnedModel | null;
}

export interface Normalized {
  request: StoredRequest;
  /** no usable location was found: ask the citizen where */
  needs_location: boolean;
}

/**
 * What the caller makes of a new request before its first write (routes it, or holds it to ask where): the request
 * as it is to be stored and the delivery states it starts, written in that one write.
 */
export type Settle = (normalized: Normalized) => { request: StoredRequest; deliveries: readonly DeliveryState[] };

/** What the stage is made of, built once per process: the town's indexes and the Redis-backed ones. */
export interface Parts extends NormalizerDeps {
  locator: Locator;
  gazetteers: Gazetteer[];
  classifier: Classifier;
  deduper: Deduper;
  identity: IdentityIndex;
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

/** Loads the gazetteers and builds the read-only indexes (street vocabulary, classifier) once. */
export function buildParts(deps: NormalizerDeps, plugins: readonly GeocoderPlugin[]): Parts {
  const { config, log } = deps;
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
  log.info(
    {
      streets: gazetteers.reduce((n, g) => n + g.streets.size, 0),
      addresses: gazetteers.reduce((n, g) => n + g.size, 0),
      geocoders: geocoders.map((g) => g.name),
    },
    'normalizer ready',
  );
  return {
    ...deps,
    locator,
    gazetteers,
    classifier: buildClassifier(config.services, config.classification.fallback_code, undefined, deps.learned ?? null),
    deduper: new Deduper(deps.redis, config),
    identity: new IdentityIndex(deps.redis, config),
  };
}

/**
 * Forwarding notes, quotes and signatures, on the channels that carry them (mail), told apart from the report; and a
 * signature inside a line on any channel the citizen writes themselves (a clerk's "thank you, Maria" is no sign-off).
 */
export function zonesOf(channels: ChannelRegistry, message: InboundMessage, description: string): Zone[] {
  const traits = channels.traits(message.channel);
  const inline = traits.handledByClerk ? [] : inlineSignatures(description);
  return traits.quotesAndSignatures ? [...emailZones(description), ...inline] : inline;
}

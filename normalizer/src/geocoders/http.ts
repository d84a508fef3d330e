import type { AddressQuery, GeocodeResult, Geocoder, GeocoderPlugin, LoadedConfig, Logger, PluginOptions } from '@intake/core';
import { RateLimiter } from 'limiter';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';

/** Options every HTTP geocoder shares: where, how long to wait, how often to ask, how much to remember. */
export const HttpOptions = {
  url: z.string().url(),
  timeout_ms: z.number().int().positive().default(3000),
  /** the provider's usage policy (Nominatim's public servers allow 1 per second) */
  requests_per_second: z.number().positive().default(1),
  cache_size: z.number().int().nonnegative().default(1000),
  cache_ttl_minutes: z
    .number()
    .positive()
    .default(24 * 60),
  user_agent: z.string().default('Intake 311 gateway (https://github.com/intake-311)'),
  /** appended to every query to keep the answer in town, e.g. "Banff, Alberta" */
  locality: z.string().optional(),
};
export type HttpGeocoderOptions = {
  url: string;
  timeout_ms: number;
  requests_per_second: number;
  cache_size: number;
  cache_ttl_minutes: number;
  user_agent: string;
  locality?: string;
};

export interface HttpProvider {
  name: string;
  /** the URL to ask for this query, or null when the provider cannot answer this kind of query */
  url(query: AddressQuery, text: string): URL | null;
  /** the best usable answer in the provider's response, or null when it found nothing precise enough */
  parse(body: unknown, query: AddressQuery): Omit<GeocodeResult, 'source'> | null;
}

/** The words an HTTP geocoder is asked for. */
export function queryText(query: AddressQuery): string {
  switch (query.kind) {
    case 'address':
      return [query.number, query.street].filter(Boolean).join(' ') || query.raw;
    case 'intersection':
      return `${query.street} & ${query.cross_street}`;
    case 'street':
      return query.street ?? query.raw;
    default:
      return query.raw;
  }
}

/** Pauses until the rate allows a request, or fails at once when the wait would outlast the timeout. */
function rateLimiter(perSecond: number, timeoutMs: number) {
  const tokens = Math.max(1, Math.round(perSecond));
  const limiter = new RateLimiter({ tokensPerInterval: tokens, interval: (tokens / perSecond) * 1000 });
  return async () => {
    if (limiter.tryRemoveTokens(1)) return;
    if (limiter.getWaitTime(1) > timeoutMs) throw new Error('rate limit reached');
    await limiter.removeTokens(1);
  };
}

type Cached = { result: GeocodeResult | null };

/** A geocoder over HTTP with a timeout, an in-memory LRU cache (misses too) and a rate limit. */
export function createHttpGeocoder(provider: HttpProvider, options: HttpGeocoderOptions, log: Logger): Geocoder {
  const cache =
    options.cache_size > 0 ? new LRUCache<string, Cached>({ max: options.cache_size, ttl: options.cache_ttl_minutes * 60_000 }) : null;
  const waitTurn = rateLimiter(options.requests_per_second, options.timeout_ms);
  return {
    name: provider.name,
    async geocode(query) {
      const text = [queryText(query), options.locality].filter(Boolean).join(', ');
      const url = provider.url(query, text);
      if (url === null) return null;
      const key = url.toString();
      const hit = cache?.get(key);
      if (hit) return hit.result;
      await waitTurn();
      const response = await fetch(url, {
        headers: { 'User-Agent': options.user_agent, Accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeout_ms),
      });
      if (!response.ok) throw new Error(`${provider.name} answered HTTP ${response.status}`);
      const answer = provider.parse(await response.json(), query);
      const result = answer && { ...answer, source: provider.name };
      cache?.set(key, { result });
      log.debug({ geocoder: provider.name, found: result !== null }, 'geocoded over HTTP');
      return result;
    },
  };
}

/** Joins the configured base URL and a path without losing the base's own path. */
function endpoint(base: string, path: string): URL {
  return new URL(path, base.endsWith('/') ? base : `${base}/`);
}

/** What one HTTP geocoder declares; `httpGeocoderPlugin` makes the plugin, so a provider is its query and its parser. */
export interface HttpGeocoderSpec<O extends HttpGeocoderOptions & PluginOptions> {
  type: string;
  options: z.ZodType<O>;
  /** the search path under the configured base URL */
  path: string;
  /** the query string for one lookup; undefined values are left out */
  params(text: string, options: O, config: LoadedConfig): Record<string, string | undefined>;
  parse: HttpProvider['parse'];
}

export function httpGeocoderPlugin<O extends HttpGeocoderOptions & PluginOptions>(spec: HttpGeocoderSpec<O>): GeocoderPlugin<O> {
  return {
    type: spec.type,
    options: spec.options,
    create(options, ctx) {
      const provider: HttpProvider = {
        name: spec.type,
        url(_query, text) {
          const url = endpoint(options.url, spec.path);
          for (const [name, value] of Object.entries(spec.params(text, options, ctx.config)))
            if (value !== undefined) url.searchParams.set(name, value);
          return url;
        },
        parse: spec.parse,
      };
      return createHttpGeocoder(provider, options, ctx.log);
    },
  };
}

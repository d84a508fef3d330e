import type { AddressQuery, GeocodeResult, Precision } from '@intake/core';
import { z } from 'zod';
import { HttpOptions, httpGeocoderPlugin } from '../http.js';

export const PeliasOptions = z.object({
  type: z.literal('pelias'),
  ...HttpOptions,
  /** geocode.earth and other hosted Pelias need a key */
  api_key: z.string().optional(),
  /** ISO 3166-1 alpha-2 or alpha-3; default: the jurisdiction's country */
  country: z.string().optional(),
  /** [lat, long] to bias results toward the town */
  focus: z.tuple([z.number(), z.number()]).optional(),
});
export type PeliasOptions = z.infer<typeof PeliasOptions>;

const PeliasFeature = z.object({
  geometry: z.object({ coordinates: z.tuple([z.number(), z.number()]).rest(z.number()) }),
  properties: z.object({
    layer: z.string(),
    label: z.string().optional(),
    name: z.string().optional(),
    confidence: z.number().optional(),
  }),
});
const PeliasResponse = z.object({ features: z.array(PeliasFeature) });

const PRECISION_BY_LAYER: Record<string, Precision> = {
  address: 'address',
  venue: 'address',
  intersection: 'intersection',
  street: 'street',
};

export function parsePelias(body: unknown, _query: AddressQuery): Omit<GeocodeResult, 'source'> | null {
  const parsed = PeliasResponse.safeParse(body);
  const feature = parsed.success ? parsed.data.features[0] : undefined;
  if (!feature) return null;
  const precision = PRECISION_BY_LAYER[feature.properties.layer];
  if (!precision) return null;
  const [long, lat] = feature.geometry.coordinates;
  const address = feature.properties.name ?? feature.properties.label ?? '';
  return { lat, long, address, precision, confidence: Math.min(1, Math.max(0, feature.properties.confidence ?? 0.5)) };
}

export const peliasPlugin = httpGeocoderPlugin<PeliasOptions>({
  type: 'pelias',
  options: PeliasOptions,
  path: 'v1/search',
  params: (text, options, config) => ({
    text,
    size: '1',
    'boundary.country': options.country ?? config.jurisdiction.country,
    'focus.point.lat': options.focus && String(options.focus[0]),
    'focus.point.lon': options.focus && String(options.focus[1]),
    api_key: options.api_key,
  }),
  parse: parsePelias,
});

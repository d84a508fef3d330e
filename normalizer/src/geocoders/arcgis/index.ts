import type { AddressQuery, GeocodeResult, Precision } from '@intake/core';
import { z } from 'zod';
import { HttpOptions, httpGeocoderPlugin } from '../http.js';

export const ArcgisOptions = z.object({
  type: z.literal('arcgis'),
  ...HttpOptions,
  url: z.string().url().default('https://geocode-api.arcgis.com/arcgis/rest/services/World/GeocodeServer'),
  /** an ArcGIS access token (API key) */
  token: z.string().optional(),
  /** ISO 3166-1 alpha-2 or alpha-3; default: the jurisdiction's country */
  country: z.string().optional(),
});
export type ArcgisOptions = z.infer<typeof ArcgisOptions>;

const ArcgisResponse = z.object({
  candidates: z.array(
    z.object({
      address: z.string(),
      location: z.object({ x: z.number(), y: z.number() }),
      score: z.number(),
      attributes: z.object({ Addr_type: z.string().optional() }).loose().default({}),
    }),
  ),
});

const PRECISION_BY_TYPE: Record<string, Precision> = {
  PointAddress: 'address',
  Subaddress: 'address',
  StreetAddress: 'address',
  StreetAddressExt: 'address',
  POI: 'address',
  StreetInt: 'intersection',
  StreetBetween: 'street',
  StreetMidBlock: 'street',
  StreetName: 'street',
};

export function parseArcgis(body: unknown, _query: AddressQuery): Omit<GeocodeResult, 'source'> | null {
  const parsed = ArcgisResponse.safeParse(body);
  const candidate = parsed.success ? parsed.data.candidates[0] : undefined;
  if (!candidate) return null;
  const precision = PRECISION_BY_TYPE[candidate.attributes.Addr_type ?? ''];
  if (!precision) return null;
  return {
    lat: candidate.location.y,
    long: candidate.location.x,
    address: candidate.address.split(',')[0]!.trim(),
    precision,
    confidence: Math.min(1, candidate.score / 100),
  };
}

export const arcgisPlugin = httpGeocoderPlugin<ArcgisOptions>({
  type: 'arcgis',
  options: ArcgisOptions,
  path: 'findAddressCandidates',
  params: (text, options, config) => ({
    SingleLine: text,
    f: 'json',
    maxLocations: '1',
    outFields: 'Addr_type',
    outSR: '4326',
    sourceCountry: options.country ?? config.jurisdiction.country,
    token: options.token,
  }),
  parse: parseArcgis,
});

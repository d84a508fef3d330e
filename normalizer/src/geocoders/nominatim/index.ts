import type { AddressQuery, GeocodeResult, Precision } from '@intake/core';
import { z } from 'zod';
import { HttpOptions, httpGeocoderPlugin } from '../http.js';

export const NominatimOptions = z.object({
  type: z.literal('nominatim'),
  ...HttpOptions,
  /** ISO 3166-1 alpha-2 codes; default: the jurisdiction's country */
  countrycodes: z.string().optional(),
  /** minLon,minLat,maxLon,maxLat: prefer (or with bounded, only take) results inside */
  viewbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  bounded: z.boolean().default(false),
  /** Nominatim asks heavy users for a contact address */
  email: z.string().optional(),
});
export type NominatimOptions = z.infer<typeof NominatimOptions>;

const NominatimPlace = z.object({
  lat: z.coerce.number(),
  lon: z.coerce.number(),
  display_name: z.string(),
  category: z.string().optional(),
  class: z.string().optional(),
  type: z.string().optional(),
  place_rank: z.number().optional(),
  name: z.string().optional(),
  address: z.record(z.string(), z.string()).optional(),
});
type NominatimPlace = z.infer<typeof NominatimPlace>;

/** Street level needs rank 26+ (roads); 30 is a building or a house number. Towns and regions are no use to a crew. */
function precisionOf(place: NominatimPlace): Precision | null {
  if (place.address?.house_number) return 'address';
  const rank = place.place_rank ?? 0;
  if (rank >= 30) return 'address';
  if (rank >= 26 || (place.category ?? place.class) === 'highway') return 'street';
  return null;
}

function labelOf(place: NominatimPlace): string {
  const road = place.address?.road;
  if (road) return place.address?.house_number ? `${place.address.house_number} ${road}` : road;
  return place.name || place.display_name.split(',').slice(0, 2).join(',').trim();
}

export function parseNominatim(body: unknown, query: AddressQuery): Omit<GeocodeResult, 'source'> | null {
  const places = z.array(NominatimPlace).safeParse(body);
  const place = places.success ? places.data[0] : undefined;
  if (!place) return null;
  const precision = precisionOf(place);
  if (precision === null) return null;
  const asked = query.kind === 'address' && query.number !== null ? 'address' : query.kind === 'intersection' ? 'intersection' : 'street';
  const confidence = precision === asked || (asked === 'street' && precision === 'address') ? 0.85 : 0.45;
  return { lat: place.lat, long: place.lon, address: labelOf(place), precision, confidence };
}

export const nominatimPlugin = httpGeocoderPlugin<NominatimOptions>({
  type: 'nominatim',
  options: NominatimOptions,
  path: 'search',
  params: (text, options, config) => ({
    q: text,
    format: 'jsonv2',
    addressdetails: '1',
    limit: '1',
    countrycodes: (options.countrycodes ?? config.jurisdiction.country).toLowerCase(),
    viewbox: options.viewbox?.join(','),
    bounded: options.bounded ? '1' : undefined,
    email: options.email,
  }),
  parse: parseNominatim,
});

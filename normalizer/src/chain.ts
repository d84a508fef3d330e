import type { AddressQuery, GeocodeResult, Geocoder, Logger } from '@intake/core';

/** Asks each geocoder in the configured order; one that fails or times out is skipped, not fatal. */
export class GeocoderChain {
  constructor(
    readonly geocoders: readonly Geocoder[],
    private readonly log: Logger,
  ) {}

  async geocode(query: AddressQuery, accept: (result: GeocodeResult) => boolean = () => true): Promise<GeocodeResult | null> {
    for (const geocoder of this.geocoders) {
      try {
        const result = await geocoder.geocode(query);
        if (result && accept(result)) return result;
      } catch (error) {
        this.log.warn({ geocoder: geocoder.name, kind: query.kind, err: (error as Error).message }, 'geocoder failed, trying the next');
      }
    }
    return null;
  }
}

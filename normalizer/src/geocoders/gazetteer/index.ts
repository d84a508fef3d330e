import { existsSync, statSync } from 'node:fs';
import {
  resolveConfigPath,
  type AddressQuery,
  type LoadedConfig,
  type GeocodeResult,
  type Geocoder,
  type GeocoderPlugin,
} from '@intake/core';
import { z } from 'zod';
import { Gazetteer } from './gazetteer.js';
import { geocodeWithGazetteer } from './geocode.js';

export { Gazetteer } from './gazetteer.js';
export type { LatLong } from './geometry.js';
export { readOpenAddresses, type AddressRow, type ReadReport } from './read.js';
export { geocodeWithGazetteer } from './geocode.js';

export const GazetteerOptions = z.object({
  type: z.literal('gazetteer'),
  /** an OpenAddresses CSV, relative to the config file */
  file: z.string().min(1),
});
export type GazetteerOptions = z.infer<typeof GazetteerOptions>;

/** The offline geocoder; it also lends its street list to the extractor and its points to the form's suggestions. */
export class GazetteerGeocoder implements Geocoder {
  readonly name = 'gazetteer';
  constructor(readonly gazetteer: Gazetteer) {}

  async geocode(query: AddressQuery): Promise<GeocodeResult | null> {
    const answer = geocodeWithGazetteer(this.gazetteer, query);
    return answer && { ...answer, source: this.name };
  }
}

// Each process reads a file once, however many normalizers (workers, tests) ask for it.
const loaded = new Map<string, Gazetteer>();

export function loadGazetteer(file: string): Gazetteer {
  const key = `${file}:${statSync(file).mtimeMs}`;
  let gazetteer = loaded.get(key);
  if (!gazetteer) {
    gazetteer = Gazetteer.fromFile(file);
    loaded.set(key, gazetteer);
  }
  return gazetteer;
}

export const gazetteerPlugin: GeocoderPlugin<GazetteerOptions> = {
  type: 'gazetteer',
  options: GazetteerOptions,
  create: (options, ctx) => new GazetteerGeocoder(loadGazetteer(resolveConfigPath(ctx.config, options.file))),
};

/** What `config check` says of each gazetteer: its size, and problems when it is missing or mostly unreadable. */
export function checkGazetteers(config: LoadedConfig): { summaries: string[]; problems: string[] } {
  const summaries: string[] = [];
  const problems: string[] = [];
  config.geocoding.providers.forEach((provider, i) => {
    if (provider.type !== 'gazetteer') return;
    const where = `geocoding.providers.${i}.file`;
    const file = resolveConfigPath(config, String(provider.file));
    if (!existsSync(file)) return void problems.push(`${where}: no such file ${file}`);
    try {
      const { report } = loadGazetteer(file);
      summaries.push(`${file}: ${report.rows} address rows read, ${report.skipped} skipped`);
      if (report.skipped > report.rows)
        problems.push(`${where}: most rows of ${file} are unreadable (${report.skipped} skipped, ${report.rows} read)`);
    } catch (error) {
      problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return { summaries, problems };
}

import { pointInAreas, readAreas, resolveConfigPath, type LoadedConfig } from '@intake/core';
import type { Gazetteer, LatLong } from './geocoders/gazetteer/index.js';

/** Addresses on the town's edge sit inside its hull; a point this near one of them still counts as in town. */
const HULL_MARGIN_M = 250;

/** Whether a point is in the jurisdiction: its boundary file, else the gazetteer's extent; null when neither is known. */
export type JurisdictionCheck = (point: LatLong) => boolean | null;

export function jurisdictionCheck(config: LoadedConfig, gazetteers: readonly Gazetteer[]): JurisdictionCheck {
  if (config.jurisdiction.boundary !== undefined) {
    const areas = readAreas(resolveConfigPath(config, config.jurisdiction.boundary));
    return (point) => pointInAreas(point, areas);
  }
  const hulls = gazetteers.map((gazetteer) => ({ gazetteer, hull: gazetteer.hull() }));
  if (hulls.length === 0) return () => null;
  return (point) =>
    hulls.some(({ gazetteer, hull }) => (hull !== null && pointInAreas(point, [hull])) || gazetteer.nearest(point, HULL_MARGIN_M) !== null);
}

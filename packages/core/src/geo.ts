import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type Area = Feature<Polygon | MultiPolygon>;

/** Reads a GeoJSON file (Feature, FeatureCollection or bare geometry) into its polygon features. */
export function readAreas(file: string): Area[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { type?: string; features?: unknown[]; geometry?: unknown };
  const candidates: unknown[] =
    json.type === 'FeatureCollection'
      ? (json.features ?? [])
      : json.type === 'Feature'
        ? [json]
        : [{ type: 'Feature', properties: {}, geometry: json }];
  const areas = candidates.filter((feature): feature is Area => {
    const type = (feature as Area | undefined)?.geometry?.type;
    return type === 'Polygon' || type === 'MultiPolygon';
  });
  if (areas.length === 0) throw new Error(`${file} holds no Polygon or MultiPolygon`);
  return areas;
}

export function pointInAreas(point: { lat: number; long: number }, areas: Area[]): boolean {
  return areas.some((area) => booleanPointInPolygon([point.long, point.lat], area));
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres. */
export function distanceMeters(a: { lat: number; long: number }, b: { lat: number; long: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLong = (b.long - a.long) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

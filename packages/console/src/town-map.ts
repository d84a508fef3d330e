import { readAreas, resolveConfigPath, type Area, type LoadedConfig } from '@intake/core';
import { loadGazetteer, readOpenAddresses, type AddressRow } from '@intake/normalizer';
import { html, type Html } from './html.js';
import { tilesFor } from './tiles.js';

type LongLat = [number, number];

/** The town drawn from its own data: the boundary (or the gazetteer's hull) and each street through its addresses. */
export interface TownMap {
  boundary: LongLat[][];
  streets: { name: string; line: LongLat[] }[];
  /** west, south, east, north */
  bbox: [number, number, number, number];
}

const ringsOf = (areas: Area[]): LongLat[][] =>
  areas.flatMap((area) =>
    area.geometry.type === 'Polygon' ? [area.geometry.coordinates[0]!] : area.geometry.coordinates.map((polygon) => polygon[0]!),
  ) as LongLat[][];

/** Addresses this close along the street (in degrees, ~30 m) are one point of its centre line: both sides averaged. */
const STEP_DEGREES = 0.0003;

/**
 * A street's centre line: its addresses in order along its main direction, averaged in steps so that the two sides
 * of the street do not zigzag. A fair drawing of the straight and gently bending streets of a town.
 */
function streetLine(rows: AddressRow[]): LongLat[] {
  const n = rows.length;
  const meanLong = rows.reduce((sum, row) => sum + row.long, 0) / n;
  const meanLat = rows.reduce((sum, row) => sum + row.lat, 0) / n;
  let sxx = 0,
    sxy = 0,
    syy = 0;
  for (const row of rows) {
    const x = row.long - meanLong,
      y = row.lat - meanLat;
    sxx += x * x;
    sxy += x * y;
    syy += y * y;
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const along = (row: AddressRow) => (row.long - meanLong) * Math.cos(angle) + (row.lat - meanLat) * Math.sin(angle);
  const steps = new Map<number, AddressRow[]>();
  for (const row of rows) {
    const step = Math.round(along(row) / STEP_DEGREES);
    const on = steps.get(step);
    if (on === undefined) steps.set(step, [row]);
    else on.push(row);
  }
  return [...steps]
    .sort(([a], [b]) => a - b)
    .map(
      ([, on]) =>
        [on.reduce((sum, row) => sum + row.long, 0) / on.length, on.reduce((sum, row) => sum + row.lat, 0) / on.length] as LongLat,
    );
}

export function loadTownMap(config: LoadedConfig): TownMap | null {
  const files = config.geocoding.providers
    .filter((provider) => provider.type === 'gazetteer' && typeof provider.file === 'string')
    .map((provider) => resolveConfigPath(config, provider.file as string));
  const byStreet = new Map<string, AddressRow[]>();
  const add = (row: AddressRow) => {
    const on = byStreet.get(row.street);
    if (on === undefined) byStreet.set(row.street, [row]);
    else on.push(row);
  };
  for (const file of files) readOpenAddresses(file, add);
  const streets = [...byStreet].filter(([, on]) => on.length >= 2).map(([name, on]) => ({ name, line: streetLine(on) }));
  const boundary =
    config.jurisdiction.boundary !== undefined
      ? ringsOf(readAreas(resolveConfigPath(config, config.jurisdiction.boundary)))
      : files.flatMap((file) => {
          const hull = loadGazetteer(file).hull();
          return hull === null ? [] : ringsOf([hull]);
        });
  const all = [...boundary.flat(), ...streets.flatMap((street) => street.line)];
  if (all.length === 0) return null;
  const longs = all.map(([long]) => long),
    lats = all.map(([, lat]) => lat);
  return { boundary, streets, bbox: [Math.min(...longs), Math.min(...lats), Math.max(...longs), Math.max(...lats)] };
}

export interface MapMarker {
  lat: number;
  long: number;
  label: string;
  /** a CSS class: the service's colour */
  kind?: string;
  href?: string;
}

const WIDTH = 800;

/**
 * An SVG of the town with markers; nothing is fetched from outside unless a tile URL is configured, then its tiles
 * are drawn beneath. Longitudes are scaled by cos(latitude): at a town's size the difference from Web Mercator is
 * well under a street's width.
 */
export function mapSvg(map: TownMap, markers: MapMarker[], title: string, tileUrl?: string): Html {
  const [west, south, east, north] = map.bbox;
  const pad = Math.max(east - west, north - south) * 0.03;
  const scaleX = Math.cos(((south + north) / 2) * (Math.PI / 180));
  const spanX = (east - west + 2 * pad) * scaleX,
    spanY = north - south + 2 * pad;
  const height = Math.max(200, Math.round((WIDTH * spanY) / spanX));
  const x = (long: number) => (((long - west + pad) * scaleX) / spanX) * WIDTH;
  const y = (lat: number) => ((north + pad - lat) / spanY) * height;
  const path = (line: LongLat[]) =>
    line.map(([long, lat], i) => `${i === 0 ? 'M' : 'L'}${x(long).toFixed(1)},${y(lat).toFixed(1)}`).join('');
  // a picture, unless its markers are links: then a group whose links a keyboard and a screen reader can reach
  const role = markers.some((marker) => marker.href !== undefined) ? 'group' : 'img';
  return html`<svg class="map" viewBox="0 0 ${WIDTH} ${height}" role="${role}" aria-labelledby="map-title" xmlns="http://www.w3.org/2000/svg">
    <title id="map-title">${title}</title>
    ${tileUrl === undefined ? '' : tilesFor(tileUrl, map.bbox).map((tile) => html`<image href="${tile.url}" x="${x(tile.west).toFixed(1)}" y="${y(tile.north).toFixed(1)}" width="${(x(tile.east) - x(tile.west)).toFixed(1)}" height="${(y(tile.south) - y(tile.north)).toFixed(1)}" preserveAspectRatio="none" opacity="0.8"/>`)}
    ${map.boundary.map((ring) => html`<path class="boundary" d="${path(ring)}Z" fill="#f1f5ee" stroke="#6b8f5e" stroke-width="2"/>`)}
    ${map.streets.map((street) => html`<path class="street" d="${path(street.line)}" fill="none" stroke="#b9c0c8" stroke-width="3" stroke-linecap="round"><title>${street.name}</title></path>`)}
    ${markers.map((marker) => {
      const dot = html`<circle class="marker ${marker.kind ?? ''}" cx="${x(marker.long).toFixed(1)}" cy="${y(marker.lat).toFixed(1)}" r="6" fill="#c0392b" fill-opacity="0.75" stroke="#fff"><title>${marker.label}</title></circle>`;
      return marker.href === undefined ? dot : html`<a href="${marker.href}" aria-label="${marker.label}">${dot}</a>`;
    })}
  </svg>`;
}

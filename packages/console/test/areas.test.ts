import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '@intake/core';
import { loadAreas } from '../src/reports/areas.js';

const square = (west: number, south: number, size = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});
const feature = (name: string | undefined, west: number) => ({
  type: 'Feature',
  properties: name === undefined ? {} : { name },
  geometry: square(west, 45),
});

describe('the areas a report can be narrowed to', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'intake-areas-'));
  const write = (file: string, json: unknown) => writeFileSync(path.join(dir, file), JSON.stringify(json));
  write('wards.geojson', {
    type: 'FeatureCollection',
    features: [feature('Ward 1', -100), feature('Ward 2', -99.99), feature('Ward 2', -99.98), feature('Ward | 3', -99.97)],
  });
  write('downtown.geojson', feature(undefined, -100));
  write('park.geojson', feature('Riverside Park', -99.99));
  write('boundary.geojson', { type: 'FeatureCollection', features: [feature(undefined, -100), feature(undefined, -99.99)] });
  const config = (extra: Record<string, unknown>) =>
    parseConfig(
      {
        jurisdiction: { id: 'springfield.example', name: 'City of Springfield', boundary: './boundary.geojson' },
        services: [{ code: 'POTHOLE', name: 'Pothole', group: 'Streets' }],
        router: {
          destinations: {},
          rules: [
            { name: 'downtown', when: { within: './downtown.geojson' }, then: { deliver_to: [] } },
            { name: 'parks', when: { within: './park.geojson' }, then: { deliver_to: [] } },
          ],
        },
        ...extra,
      },
      { base_dir: dir, source: 'test' },
    );

  it("offers each named polygon of a file of several, the rules' areas and the jurisdiction's boundary", () => {
    const areas = loadAreas(config({ console: { areas: { wards: './wards.geojson', centre: './downtown.geojson' } } }));
    expect(areas.map((area) => [area.name, area.areas.length])).toEqual([
      ['Ward 1', 1],
      ['Ward 2', 2],
      ['Ward / 3', 1],
      ['centre', 1],
      // a rule's file named in console.areas already is not offered twice; a single named polygon keeps its file's name
      ['park', 1],
      ['City of Springfield', 2],
    ]);
  });

  it("offers the rules' areas and the boundary when console.areas names none", () => {
    expect(loadAreas(config({})).map((area) => area.name)).toEqual(['downtown', 'park', 'City of Springfield']);
  });
});

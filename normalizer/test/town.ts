import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A made-up town on a grid, so the tests know the true answers: Main Street runs north-south along long -75.000
 * and Oak Street along -75.002, Elm Avenue east-west along lat 45.002. Addresses sit 15 m back on both sides.
 */
export const TOWN = { main: -75.0, oak: -75.002, elm: 45.002 };

function townRows(): string[] {
  const rows: string[] = [];
  const setback = 0.0002;
  for (let i = 0; i <= 10; i++) {
    const lat = 45.0 + i * 0.0004;
    if (Math.abs(lat - TOWN.elm) < 0.0003) continue;
    if (i === 5) continue; // 110 and 111 Main Street are missing: interpolation fills them
    rows.push(`${TOWN.main - setback},${lat},${101 + i * 2},Main St,,,,,,`, `${TOWN.main + setback},${lat},${100 + i * 2},MAIN ST,,,,,,`);
    rows.push(
      `${TOWN.oak - setback},${lat},${201 + i * 2},Oak Street,,,,,,`,
      `${TOWN.oak + setback},${lat},${200 + i * 2},Oak Street,,,,,,`,
    );
  }
  for (let j = -6; j <= 6; j++) {
    const long = -75.0 + j * 0.0005;
    if (Math.abs(long - TOWN.main) < 0.0003 || Math.abs(long - TOWN.oak) < 0.0003) continue;
    rows.push(
      `${long},${TOWN.elm + 0.00015},${500 + (j + 6) * 2},Elm Ave,,,,,,`,
      `${long},${TOWN.elm - 0.00015},${501 + (j + 6) * 2},Elm Ave,,,,,,`,
    );
  }
  rows.push('-75.0002,45.0004,103,Main St,2,,,,,'); // a unit at 103 Main
  rows.push('-75.001,45.001,,,,,,,,'); // no street: skipped
  return rows;
}

/** Writes the town's CSV and an intake.yaml (in French and Spanish too) into a fresh folder; returns the config path. */
export function writeTown(extraYaml = ''): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'intake-town-'));
  writeFileSync(path.join(dir, 'points.csv'), ['LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID', ...townRows()].join('\n'));
  writeFileSync(
    path.join(dir, 'town.yaml'),
    `jurisdiction:
  id: example.town
  name: Ville de Exampleton
  country: FR
  landmarks:
    - { name: Old Mill, aliases: [le moulin], lat: 45.0035, long: -75.0015 }
services:
  - { code: ROAD, name: Road damage, keywords: [pothole, nid de poule, bache] }
  - { code: LIGHT, name: Light out, keywords: [streetlight, lampadaire, farola] }
  - { code: TRIAGE, name: Triage, keywords: [] }
classification: { fallback_code: TRIAGE, min_confidence: 0.5 }
geocoding:
  providers:
    - { type: gazetteer, file: ./points.csv }
dedupe: { radius_m: 50, window_hours: 24, sender_window_minutes: 10, text_similarity: 0.2 }
router:
  destinations: { out: { type: file } }
  default: { deliver_to: [out] }
${extraYaml}`,
  );
  return path.join(dir, 'town.yaml');
}

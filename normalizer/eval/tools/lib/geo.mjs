// Geography helpers for the eval corpus: reads the town's OpenAddresses CSV and derives every
// label point from it (address points, street central points, intersections). Plain Node, no deps.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CSV_PATH = path.resolve(here, '../../../../packages/gateway/demo/addresses.csv');

const COS_LAT = Math.cos((51.17 * Math.PI) / 180);
const M_PER_DEG = 111320;

/** Equirectangular distance in metres (fine at town scale). */
export function distM(a, b) {
  const dy = (a.lat - b.lat) * M_PER_DEG;
  const dx = (a.long - b.long) * M_PER_DEG * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

/** Moves a point by dx/dy metres. */
export function offsetM(p, dxM, dyM) {
  return { lat: p.lat + dyM / M_PER_DEG, long: p.long + dxM / (M_PER_DEG * COS_LAT) };
}

function parseCsv(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.length);
  const head = lines[0].split(',');
  return lines.slice(1).map((line, i) => {
    const cells = line.split(','); // the file has no quoted fields (checked in validate.mjs)
    const row = { row: i + 2 };
    head.forEach((h, j) => (row[h] = cells[j] ?? ''));
    return row;
  });
}

// Streets that are not streets a citizen would name (rights of way, parcels).
const NOT_A_STREET = new Set([
  'Cpr Right Of Way', 'Cpr R/W Sprt Of Xmas', 'Cpr R/W Petrocan', 'Transformer Site', 'Drive',
  'Eagle Cres(Rear)', 'Tatanga Common Property', 'Rainbow Park',
]);

export function loadGazetteer(csvPath = CSV_PATH) {
  const rows = parseCsv(fs.readFileSync(csvPath, 'utf8'));
  const points = rows
    .filter((r) => r.STREET && r.STREET.trim())
    .map((r) => ({ row: r.row, number: r.NUMBER, street: r.STREET, lat: Number(r.LAT), long: Number(r.LON) }));

  // Address index: "<number> <street>" -> rows. Duplicated keys are kept only when every copy is within
  // 10 m of the first (then the first row in file order is the label point); number 0 is never an address.
  const byKey = new Map();
  for (const p of points) {
    const key = `${p.number} ${p.street}`;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(p);
  }
  const addresses = new Map();
  for (const [key, list] of byKey) {
    const first = list[0];
    if (first.number === '0' || !/^\d{1,4}$/.test(first.number)) continue;
    if (NOT_A_STREET.has(first.street)) continue;
    const spread = Math.max(...list.map((p) => distM(first, p)));
    if (spread > 10) continue;
    addresses.set(key, { key, number: first.number, street: first.street, lat: first.lat, long: first.long, copies: list.length });
  }

  // Street point sets: all rows of the street with a non-zero number.
  const streetPts = new Map();
  for (const p of points) {
    if (NOT_A_STREET.has(p.street) || p.number === '0') continue;
    if (!streetPts.has(p.street)) streetPts.set(p.street, []);
    streetPts.get(p.street).push(p);
  }
  const streetPtsWithZero = new Map();
  for (const p of points) {
    if (NOT_A_STREET.has(p.street)) continue;
    if (!streetPtsWithZero.has(p.street)) streetPtsWithZero.set(p.street, []);
    streetPtsWithZero.get(p.street).push(p);
  }
  return { rows, points, addresses, streetPts, streetPtsWithZero };
}

/** Principal axis (unit vector in local metres) of a set of points. */
function axis(pts) {
  const mx = pts.reduce((s, p) => s + p.long, 0) / pts.length;
  const my = pts.reduce((s, p) => s + p.lat, 0) / pts.length;
  let sxx = 0, syy = 0, sxy = 0;
  for (const p of pts) {
    const x = (p.long - mx) * COS_LAT, y = p.lat - my;
    sxx += x * x; syy += y * y; sxy += x * y;
  }
  const th = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { mx, my, ux: Math.cos(th), uy: Math.sin(th), deg: (th * 180) / Math.PI };
}

/**
 * Central point of a street: its address points (non-zero numbers) sorted along the street's principal
 * axis; the point at index floor((n-1)/2) (ties in position broken by CSV row order).
 */
function medianPoint(pts) {
  if (!pts.length) return null;
  const a = axis(pts);
  const proj = pts.map((p) => ({ p, t: (p.long - a.mx) * COS_LAT * a.ux + (p.lat - a.my) * a.uy }));
  proj.sort((u, v) => u.t - v.t || u.p.row - v.p.row);
  const m = proj[Math.floor((proj.length - 1) / 2)].p;
  return { lat: m.lat, long: m.long, row: m.row, number: m.number };
}

export function streetCentre(g, street) {
  return medianPoint(g.streetPts.get(street) || []);
}

/** Central point of the "<hundreds> block" of a street: same rule over numbers in [block, block+99]. */
export function blockCentre(g, street, block) {
  const pts = (g.streetPts.get(street) || []).filter((p) => Number(p.number) >= block && Number(p.number) < block + 100);
  return pts.length ? { ...medianPoint(pts), count: pts.length } : null;
}

function closestPair(A, B) {
  let best = null;
  for (const p of A) for (const q of B) {
    const d = distM(p, q);
    if (!best || d < best.d) best = { d, p, q };
  }
  return best;
}

/**
 * Intersection point of two streets: the midpoint of the closest pair of address points, one from each
 * street (rows with a non-zero number).
 */
export function intersection(g, s1, s2) {
  const cp = closestPair(g.streetPts.get(s1) || [], g.streetPts.get(s2) || []);
  if (!cp) return null;
  return { lat: (cp.p.lat + cp.q.lat) / 2, long: (cp.p.long + cp.q.long) / 2, gap: cp.d, a: cp.p, b: cp.q };
}

/** Local orientation (degrees) of a street around a point, from its points within r metres. */
function localDeg(g, street, at, r = 160) {
  const pts = (g.streetPts.get(street) || []).filter((p) => distM(p, at) <= r);
  if (pts.length < 3) return null;
  return axis(pts).deg;
}

/**
 * Street pairs usable as intersections in the corpus. Both streets need >= 5 points, the closest pair must
 * be <= 50 m apart, the streets must cross at an angle (local axes >= 45 deg apart), and the answer must not
 * change if number-0 rows were included. The list is then filtered by hand in CROSSINGS below to pairs
 * that really meet on the ground in Banff.
 */
function candidateIntersections(g) {
  const names = [...g.streetPts.keys()].filter((s) => g.streetPts.get(s).length >= 5).sort();
  const out = [];
  for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) {
    const x = intersection(g, names[i], names[j]);
    if (!x || x.gap > 50) continue;
    const d1 = localDeg(g, names[i], x), d2 = localDeg(g, names[j], x);
    let ang = d1 == null || d2 == null ? null : Math.abs(d1 - d2) % 180;
    if (ang != null && ang > 90) ang = 180 - ang;
    const withZero = closestPair(g.streetPtsWithZero.get(names[i]), g.streetPtsWithZero.get(names[j]));
    const stable = withZero.d >= x.gap - 1e-9;
    out.push({ a: names[i], b: names[j], gap: x.gap, angle: ang, stable, lat: x.lat, long: x.long });
  }
  return out;
}

export function round(x, n) {
  const f = 10 ** n;
  return Math.round(x * f) / f;
}

// Deterministic generator for the Pawnee Bend (synthetic, Kansas-style grid town) evaluation corpus.
// Writes ../addresses.csv, ../intake.yaml and ../corpus.jsonl. Run: node tools/generate.mjs
// Labels are decided here from the generator's own choices (the place and service it wrote about),
// never from any parser: see ../README.md for the conventions.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------- seeded randomness ----------
let seed = 5170329;
function rnd() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
function weighted(obj) {
  const entries = Object.entries(obj);
  let r = rnd() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) { r -= w; if (r < 0) return k; }
  return entries[entries.length - 1][0];
}

// ---------- gazetteer ----------
const LAT0 = 39.613, LON0 = -98.872, BLOCK = 110;
const M_LAT = 111320, M_LON = 111320 * Math.cos((LAT0 * Math.PI) / 180);
const CITY = 'Pawnee Bend', REGION = 'KS', POSTCODE = '67990', DISTRICT = 'Osage Plains County';
const ORD = (n) => n + (n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] || 'th');

const streets = [];
const rows = [];
function makeStreet(dir, dirPos, core, type) {
  const name = [dirPos === 'pre' ? dir : null, core, type, dirPos === 'suf' ? dir : null].filter(Boolean).join(' ');
  const s = { name, dir, dirPos, core, type, numbered: /^\d/.test(core), rows: [] };
  streets.push(s);
  return s;
}
const inPark = (x, y) => x > 2 * BLOCK && x < 3 * BLOCK && y > 3 * BLOCK && y < 4 * BLOCK;
function addRow(st, num, x, y, unit = '') {
  if (inPark(x, y)) return;
  const row = {
    lon: +(LON0 + x / M_LON).toFixed(7), lat: +(LAT0 + y / M_LAT).toFixed(7),
    number: String(num), street: st.name, unit, x, y,
  };
  rows.push(row);
  st.rows.push(row);
}
// Houses along an east-west street: numbers grow with |x| (100 per block), odd on the north side.
function eastWest(st, yb, x0, x1, perSide, curve = () => 0) {
  st.orient = 'ew';
  for (let b = x0; b < x1; b++) {
    const blk = Math.min(Math.abs(b), Math.abs(b + 1));
    for (const side of [1, -1]) for (let i = 0; i < perSide; i++) {
      if (chance(0.08)) continue;
      const offset = 10 + i * Math.floor(72 / perSide) + ri(0, 3) * 2;
      const x = (b >= 0 ? b + offset / 100 : b + 1 - offset / 100) * BLOCK + (rnd() - 0.5) * 3;
      const y = yb * BLOCK + curve(x) + side * 15 + (rnd() - 0.5) * 3;
      addRow(st, blk * 100 + offset + (side > 0 ? 1 : 0), x, y);
    }
  }
}
// Houses along a north-south street: numbers grow with |y|, odd on the east side.
function northSouth(st, xb, y0, y1, perSide) {
  st.orient = 'ns';
  for (let b = y0; b < y1; b++) {
    const blk = Math.min(Math.abs(b), Math.abs(b + 1));
    for (const side of [1, -1]) for (let i = 0; i < perSide; i++) {
      if (chance(0.08)) continue;
      const offset = 12 + i * Math.floor(72 / perSide) + ri(0, 3) * 2;
      const y = (b >= 0 ? b + offset / 100 : b + 1 - offset / 100) * BLOCK + (rnd() - 0.5) * 3;
      const x = xb * BLOCK + side * 15 + (rnd() - 0.5) * 3;
      addRow(st, blk * 100 + offset + (side > 0 ? 1 : 0), x, y);
    }
  }
}
for (let j = 1; j <= 10; j++) {
  eastWest(makeStreet('W', 'pre', ORD(j), 'Ave'), j, -10, 0, 5);
  eastWest(makeStreet('E', 'pre', ORD(j), 'Ave'), j, 0, 15, 5);
}
eastWest(makeStreet('W', 'suf', 'Center', 'St'), 0, -10, 0, 4);
eastWest(makeStreet('E', 'suf', 'Center', 'St'), 0, 0, 15, 4);
for (let j = 1; j <= 7; j++) {
  eastWest(makeStreet('SW', 'suf', ORD(j), 'St'), -j, -8, 0, 5);
  eastWest(makeStreet('SE', 'suf', ORD(j), 'St'), -j, 0, 12, 5);
}
eastWest(makeStreet(null, null, 'West Lake', 'Dr'), 11, -10, 0, 3, (x) => 22 * Math.sin(x / 170));
eastWest(makeStreet(null, null, 'East Ridge', 'Rd'), 11, 0, 15, 3, (x) => 22 * Math.sin(x / 170));
eastWest(makeStreet(null, null, 'South Fork', 'Rd'), -8, -8, 12, 2);
const NAMED_EAST = ['Main', 'Oak', 'Elm', 'Maple', 'Cedar', 'Walnut', 'Pine', 'Hickory', 'Birch'];
const NAMED_WEST = ['Washington', 'Adams', 'Jefferson', 'Madison', 'Monroe', 'Jackson', 'Van Buren'];
northSouth(makeStreet('N', 'pre', 'Division', 'St'), 0, 0, 11, 3);
northSouth(makeStreet('S', 'pre', 'Division', 'St'), 0, -8, 0, 3);
NAMED_EAST.forEach((n, i) => {
  northSouth(makeStreet('N', 'pre', n, 'St'), i + 1, 0, 11, 3);
  northSouth(makeStreet('S', 'pre', n, 'St'), i + 1, -8, 0, 3);
});
NAMED_WEST.forEach((n, i) => {
  northSouth(makeStreet('N', 'pre', n, 'St'), -(i + 1), 0, 11, 3);
  northSouth(makeStreet('S', 'pre', n, 'St'), -(i + 1), -8, 0, 3);
});
for (let k = 10; k <= 15; k++) northSouth(makeStreet('NE', 'pre', ORD(k), 'St'), k, 0, 11, 3);
['Depot', 'Airport', 'Industrial'].forEach((n, i) =>
  northSouth(makeStreet('SE', 'pre', n, i === 0 ? 'St' : i === 1 ? 'Rd' : 'Dr'), 10 + i, -8, 0, 2));
['Prairie', 'Sunset', 'Meadow'].forEach((n, i) => northSouth(makeStreet('NW', 'suf', n, 'Ave'), -(8 + i), 0, 11, 3));
northSouth(makeStreet('SW', 'pre', 'Quarry', 'Rd'), -8, -8, 0, 2);

// A few apartment buildings: extra rows with units at the same point (labels drop units).
for (let i = 0; i < 25; i++) {
  const r = pick(rows.filter((q) => !q.unit));
  for (let u = 1; u <= 4; u++) rows.push({ ...r, unit: `APT ${u}` });
}
rows.forEach((r, i) => (r.id = `pb-${String(i + 1).padStart(6, '0')}`));

// ---------- geometry used for labels ----------
const dist = (a, b) => {
  const dx = (a.lon - b.lon) * M_LON, dy = (a.lat - b.lat) * M_LAT;
  return Math.hypot(dx, dy);
};
function centralRow(st) {
  const pts = st.rows.filter((r) => r.number !== '0' && !r.unit);
  const mx = pts.reduce((s, r) => s + r.lon * M_LON, 0) / pts.length;
  const my = pts.reduce((s, r) => s + r.lat * M_LAT, 0) / pts.length;
  let sxx = 0, syy = 0, sxy = 0;
  for (const r of pts) { const dx = r.lon * M_LON - mx, dy = r.lat * M_LAT - my; sxx += dx * dx; syy += dy * dy; sxy += dx * dy; }
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  let ux = Math.cos(theta), uy = Math.sin(theta);
  if (Math.abs(ux) >= Math.abs(uy) ? ux < 0 : uy < 0) { ux = -ux; uy = -uy; }
  const sorted = [...pts].sort((a, b) => (a.lon * M_LON * ux + a.lat * M_LAT * uy) - (b.lon * M_LON * ux + b.lat * M_LAT * uy));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
function blockRow(st, hundred) {
  const pts = st.rows.filter((r) => !r.unit && +r.number >= hundred && +r.number <= hundred + 99)
    .sort((a, b) => +a.number - +b.number);
  return pts.length ? pts[Math.floor((pts.length - 1) / 2)] : null;
}
const crossings = [];
{
  const bbox = (s) => ({
    x0: Math.min(...s.rows.map((r) => r.lon)), x1: Math.max(...s.rows.map((r) => r.lon)),
    y0: Math.min(...s.rows.map((r) => r.lat)), y1: Math.max(...s.rows.map((r) => r.lat)),
  });
  const boxes = streets.map(bbox);
  const padLon = 60 / M_LON, padLat = 60 / M_LAT;
  for (let i = 0; i < streets.length; i++) for (let j = i + 1; j < streets.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (streets[i].orient === streets[j].orient) continue; // continuations and parallels never cross
    if (a.x0 > b.x1 + padLon || b.x0 > a.x1 + padLon || a.y0 > b.y1 + padLat || b.y0 > a.y1 + padLat) continue;
    let best = null;
    for (const p of streets[i].rows) for (const q of streets[j].rows) {
      const d = dist(p, q);
      if (!best || d < best.d) best = { d, p, q };
    }
    if (best.d <= 50) {
      const [A, B] = [streets[i], streets[j]].sort((s, t) => (s.name < t.name ? -1 : 1));
      crossings.push({ A, B, lat: +((best.p.lat + best.q.lat) / 2).toFixed(7), lon: +((best.p.lon + best.q.lon) / 2).toFixed(7) });
    }
  }
}

// ---------- services ----------
const SERVICES = [
  { code: 'PAVE-01', name: 'Pavement & pothole repair', group: 'Streets',
    keywords: ['pothole', 'pot hole', 'hole in the road', 'road damage', 'cracked pavement', 'asphalt', 'bache', 'hoyo en la calle'] },
  { code: 'LITE-02', name: 'Street light outage', group: 'Streets',
    keywords: ['streetlight', 'street light', 'light out', 'light pole', 'lamp post', 'dark street', 'farola', 'poste de luz', 'lampara'] },
  { code: 'SIGN-03', name: 'Traffic sign or signal problem', group: 'Traffic',
    keywords: ['stop sign', 'traffic light', 'traffic signal', 'yield sign', 'street sign', 'sign down', 'semaforo', 'letrero', 'senal de alto'] },
  { code: 'SNOW-04', name: 'Snow & ice removal', group: 'Streets',
    keywords: ['snow', 'ice', 'icy', 'plow', 'unplowed', 'slick', 'nieve', 'hielo'] },
  { code: 'WALK-05', name: 'Sidewalk & curb repair', group: 'Streets',
    keywords: ['sidewalk', 'curb', 'trip hazard', 'heaved', 'banqueta', 'acera'] },
  { code: 'GRAF-06', name: 'Graffiti removal', group: 'Neighborhoods',
    keywords: ['graffiti', 'tagged', 'tagging', 'spray paint', 'grafiti', 'pintas'] },
  { code: 'TRSH-07', name: 'Missed trash or recycling collection', group: 'Solid Waste',
    keywords: ['trash', 'garbage', 'recycling', 'missed pickup', 'not picked up', 'cart', 'basura', 'reciclaje', 'no recogieron'] },
  { code: 'DUMP-08', name: 'Illegal dumping', group: 'Solid Waste',
    keywords: ['dumped', 'dumping', 'mattress', 'tires dumped', 'pile of junk', 'tiraron', 'tiradero'] },
  { code: 'BULK-09', name: 'Bulky item pickup request', group: 'Solid Waste',
    keywords: ['bulky', 'large item', 'furniture pickup', 'appliance', 'haul away', 'recoger muebles', 'articulos grandes'] },
  { code: 'TREE-10', name: 'Tree or limb on public property', group: 'Forestry',
    keywords: ['tree', 'limb', 'branch', 'fallen tree', 'arbol', 'rama'] },
  { code: 'WATR-11', name: 'Water main break or hydrant leak', group: 'Utilities',
    keywords: ['water main', 'hydrant', 'water leak', 'leaking', 'gushing', 'fuga de agua', 'hidrante'] },
  { code: 'STRM-12', name: 'Storm drain or street flooding', group: 'Utilities',
    keywords: ['storm drain', 'flooding', 'flooded', 'clogged drain', 'standing water', 'inundada', 'coladera', 'alcantarilla'] },
  { code: 'DEAD-13', name: 'Dead animal removal', group: 'Animal Services',
    keywords: ['dead animal', 'dead deer', 'dead dog', 'dead cat', 'carcass', 'roadkill', 'animal muerto'] },
  { code: 'DOGS-14', name: 'Loose or stray dog', group: 'Animal Services',
    keywords: ['loose dog', 'stray dog', 'dog running loose', 'dogs running', 'perro suelto', 'perros sueltos'] },
  { code: 'WEED-15', name: 'Tall grass & weeds', group: 'Code Enforcement',
    keywords: ['tall grass', 'weeds', 'overgrown', 'not mowed', 'pasto alto', 'maleza', 'hierba'] },
  { code: 'VEHC-16', name: 'Abandoned vehicle', group: 'Code Enforcement',
    keywords: ['abandoned car', 'abandoned vehicle', 'junk car', 'flat tires', 'carro abandonado', 'coche abandonado'] },
  { code: 'GENL-99', name: 'General inquiry / other', group: 'General', keywords: [] },
];
const FALLBACK = 'GENL-99';

const at = (bx, by) => ({ lat: +(LAT0 + (by * BLOCK) / M_LAT).toFixed(7), lon: +(LON0 + (bx * BLOCK) / M_LON).toFixed(7) });
const LANDMARKS = [
  { name: 'Heritage Park', aliases: ['heritage park', 'the park on oak'], ...at(2.5, 3.5) },
  { name: 'Pawnee Bend Public Library', aliases: ['the public library', 'the library'], ...at(1.5, 1.5) },
  { name: 'Pawnee Bend Aquatic Center', aliases: ['the aquatic center', 'the city pool'], ...at(4.5, -3.5) },
];

// ---------- how people write street names ----------
const DIR_WORD = { N: 'North', S: 'South', E: 'East', W: 'West', NE: 'Northeast', NW: 'Northwest', SE: 'Southeast', SW: 'Southwest' };
const TYPE_WORD = { St: 'Street', Ave: 'Avenue', Rd: 'Road', Dr: 'Drive' };
const ORD_WORD = ['zero', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth'];
const cap = (w) => w.replace(/\b\w/g, (c) => c.toUpperCase());
function typo(word) {
  const i = ri(1, word.length - 2);
  switch (ri(0, 3)) {
    case 0: return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1: return word.slice(0, i) + word.slice(i + 1);
    case 2: return word.slice(0, i) + word[i] + word.slice(i);
    default: return word.slice(0, i) + pick('aeiourstn'.split('').filter((c) => c !== word[i])) + word.slice(i + 1);
  }
}
// The streets a reader could take a mention for, given what the mention kept.
const readings = (st, kept) => streets.filter((s) => s.core === st.core
  && (!kept.type || s.type === st.type) && (!kept.dir || s.dir === st.dir));

function renderStreet(st, style) {
  const lower = style.lower;
  const kept = { dir: !!st.dir && !(style.dropDir && chance(0.5)), type: !(style.dropType && chance(0.5)) };
  let core = st.core;
  if (st.numbered && style.words && chance(0.5)) core = cap(ORD_WORD[parseInt(st.core, 10)]);
  else if (!st.numbered && style.typo && st.core.length >= 5 && !st.core.includes(' ')) {
    core = typo(st.core);
    if (st.core.length >= 7 && chance(0.4)) core = typo(core);
  }
  const fullWords = style.full && chance(0.6);
  const dirText = kept.dir ? (fullWords ? DIR_WORD[st.dir] : st.dir + (style.dots && st.dir.length === 1 ? '.' : '')) : null;
  const typeText = kept.type ? (fullWords ? TYPE_WORD[st.type] : st.type + (style.dots ? '.' : '')) : null;
  const moved = kept.dir && style.moveDir && chance(0.5);
  const pre = (st.dirPos === 'pre') !== moved;
  const parts = [pre ? dirText : null, core, typeText, pre ? null : dirText].filter(Boolean);
  let text = parts.join(' ');
  if (lower) text = text.toLowerCase();
  return { text, kept };
}
function uniqueStreetMention(st, style) {
  for (let t = 0; t < 8; t++) {
    const m = renderStreet(st, style);
    if (readings(st, m.kept).length === 1) return m.text;
  }
  return style.lower ? st.name.toLowerCase() : st.name;
}
function uniqueCrossingMention(c, style) {
  for (let t = 0; t < 10; t++) {
    const a = renderStreet(c.A, style), b = renderStreet(c.B, style);
    const ra = readings(c.A, a.kept), rb = readings(c.B, b.kept);
    const n = crossings.filter((x) => (ra.includes(x.A) && rb.includes(x.B)) || (ra.includes(x.B) && rb.includes(x.A))).length;
    if (n === 1) return chance(0.5) ? [a.text, b.text] : [b.text, a.text];
  }
  const n = style.lower ? [c.A.name.toLowerCase(), c.B.name.toLowerCase()] : [c.A.name, c.B.name];
  return chance(0.5) ? n : n.reverse();
}

// ---------- places ----------
const houseRows = rows.filter((r) => !r.unit || r.unit === 'APT 1');
const streetWeight = (s) => Math.sqrt(s.rows.length);
function pickStreet() {
  let r = rnd() * streets.reduce((a, s) => a + streetWeight(s), 0);
  for (const s of streets) { r -= streetWeight(s); if (r < 0) return s; }
  return streets[0];
}
const streetOf = (name) => streets.find((s) => s.name === name);
function addressPlace(row = null) {
  if (!row) { const st = pickStreet(); row = pick(st.rows.filter((r) => !r.unit || r.unit === 'APT 1')); }
  return { kind: 'address', row, st: streetOf(row.street), unit: row.unit || chance(0.06) ? `${pick(['apt', 'Apt', 'unit', 'apt.'])} ${ri(1, 4)}` : null,
    label: { address: `${row.number} ${row.street}`, precision: 'address', lat: row.lat, long: row.lon } };
}
function crossingPlace(c = pick(crossings)) {
  return { kind: 'intersection', c, label: { address: `${c.A.name} & ${c.B.name}`, precision: 'intersection', lat: c.lat, long: c.lon } };
}
function streetPlace() {
  const st = pickStreet();
  const r = chance(0.35) ? 'block' : chance(0.3) ? 'missing' : 'plain';
  if (r === 'block') {
    const nums = [...new Set(st.rows.map((q) => Math.floor(+q.number / 100) * 100))].filter((h) => h >= 100);
    if (nums.length) {
      const h = pick(nums), row = blockRow(st, h);
      return { kind: 'block', st, hundred: h, label: { address: st.name, precision: 'street', lat: row.lat, long: row.lon } };
    }
  }
  const row = centralRow(st);
  if (r === 'missing') {
    const max = Math.max(...st.rows.map((q) => +q.number));
    const num = max + ri(2, 40) * 2 + 100;
    return { kind: 'missingNumber', st, num, label: { address: st.name, precision: 'street', lat: row.lat, long: row.lon } };
  }
  return { kind: 'street', st, label: { address: st.name, precision: 'street', lat: row.lat, long: row.lon } };
}
const COORD_FORMS = ['raw', 'google2', 'googleq', 'raw', 'googlell', 'apple', 'osm', 'google2', 'osmhash', 'geo', 'raw'];
let coordCount = 0;
function coordinatePlace() {
  const base = pick(houseRows);
  const lat = +(base.lat + (rnd() - 0.5) * 0.0004).toFixed(pick([5, 6, 6])), lon = +(base.lon + (rnd() - 0.5) * 0.0005).toFixed(pick([5, 6]));
  const form = COORD_FORMS[coordCount++ % COORD_FORMS.length];
  return { kind: 'coords', lat, lon, form, label: { address: null, precision: 'coordinates', lat, long: lon } };
}
function landmarkPlace() {
  const l = pick(LANDMARKS);
  return { kind: 'landmark', l, label: { address: null, precision: 'coordinates', lat: l.lat, long: l.lon } };
}
const nonePlace = () => ({ kind: 'none', label: { address: null, precision: 'none', lat: null, long: null } });

function coordText(p) {
  const { lat, lon } = p;
  const vlat = (lat + 0.0011).toFixed(7), vlon = (lon - 0.0013).toFixed(7);
  switch (p.form) {
    case 'google2': return `https://www.google.com/maps/place/${lat},${lon}/@${vlat},${vlon},17z/data=!3m1!4b1!4m4!3m3!8m2!3d${lat}!4d${lon}`;
    case 'googleq': return `https://maps.google.com/?q=${lat},${lon}`;
    case 'googlell': return `https://maps.google.com/maps?ll=${lat},${lon}&z=18`;
    case 'apple': return `https://maps.apple.com/?ll=${lat},${lon}&q=Dropped%20Pin`;
    case 'osm': return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${vlat}/${vlon}`;
    case 'osmhash': return `https://www.openstreetmap.org/#map=19/${lat}/${lon}`;
    case 'geo': return `geo:${lat},${lon}`;
    default: return pick([`${lat}, ${lon}`, `${lat},${lon}`, `lat ${lat} long ${lon}`, `GPS ${lat} ${lon}`]);
  }
}

// The street crossing the address's street closest to it (within 120 m): "212 E 5th Ave near Oak".
function nearestCross(place) {
  let best = null;
  for (const c of crossings) {
    if (c.A !== place.st && c.B !== place.st) continue;
    const d = dist(place.row, c);
    if (d < 120 && (!best || d < best.d)) best = { d, other: c.A === place.st ? c.B : c.A };
  }
  return best && best.other;
}

// ---------- language tables ----------
const STYLE = {
  sms: () => ({ lower: chance(0.7), dropType: true, dropDir: true, moveDir: true, words: chance(0.2), typo: chance(0.2) }),
  whatsapp: () => ({ lower: chance(0.5), dropType: true, dropDir: true, moveDir: true, words: chance(0.2), typo: chance(0.2) }),
  web: () => ({ full: chance(0.4), dots: chance(0.15), moveDir: chance(0.2), words: chance(0.25), typo: chance(0.1) }),
  email: () => ({ full: chance(0.5), dots: chance(0.2), moveDir: chance(0.2), words: chance(0.3), typo: chance(0.1) }),
  transcript: () => ({ full: true, words: chance(0.5), moveDir: chance(0.3), dropType: chance(0.4) }),
};
const PLACE_EN = {
  address: ['at {a}', 'outside {a}', 'in front of {a}', 'near {a}', 'across from {a}', 'by {a}', '{a}'],
  intersection: ['at {A} and {B}', 'at the corner of {A} and {B}', 'on the corner of {A} & {B}', 'at {A} & {B}', 'at {A}/{B}',
    'where {A} meets {B}', '{A} and {B}', 'near {A} and {B}'],
  street: ['on {S}', 'along {S}', 'all down {S}', 'on {S} somewhere'],
  block: ['in the {N} block of {S}', 'on the {N} block of {S}', '{N} block of {S}'],
  landmark: ['at {L}', 'by {L}', 'outside {L}', 'in the lot at {L}'],
  coords: ['at {C}', 'here: {C}', 'location {C}', '{C}'],
  none: ['on my street', 'by the school', 'downtown', 'near the church', 'in the alley near me', 'out by the highway',
    'around the corner from me', 'on our block', '', ''],
};
const PLACE_ES = {
  address: ['en {a}', 'frente al {a}', 'enfrente de {a}', 'cerca del {a}', 'afuera del {a}', 'en el {a}'],
  intersection: ['en la esquina de {A} y {B}', 'en el cruce de {A} con {B}', 'en {A} y {B}', 'esquina {A} y {B}'],
  street: ['en la {S}', 'en la calle {S}', 'por la {S}', 'a lo largo de la {S}'],
  block: ['en la cuadra {N} de {S}', 'en la cuadra {N} de la {S}'],
  landmark: ['en {L}', 'cerca de {L}', 'afuera de {L}'],
  coords: ['aquí: {C}', 'ubicación {C}', 'en {C}', '{C}'],
  none: ['en mi calle', 'cerca de la escuela', 'en el centro', 'por la iglesia', 'en mi cuadra', '', ''],
};
// Per service: sentences with {p} (a place phrase with its preposition) and noun phrases for calls.
const PROBLEMS = {
  'PAVE-01': {
    en: ['huge pothole {p}, almost lost a tire', 'there is a deep pothole {p} that keeps getting bigger',
      'Pothole {p} — cars are swerving into the other lane to miss it', 'road is all broken up {p}, chunks of asphalt everywhere',
      'please fix the pot hole {p}', 'the pavement has a big crack and a hole {p}'],
    es: ['hay un bache enorme {p}', 'el bache {p} ya está muy grande, casi me poncha una llanta', 'la calle está toda rota {p}, hay hoyos'],
    np: { en: ['a pothole', 'a really bad pothole', 'a hole in the road'], es: ['un bache', 'un hoyo en la calle'] },
  },
  'LITE-02': {
    en: ['streetlight out {p}', 'the street light {p} has been dark for a week', 'light pole {p} keeps flickering on and off',
      'Street lamp is out {p}, very dark at night', 'two lights out {p}, feels unsafe walking home'],
    es: ['la lámpara de la calle no prende {p}', 'está apagado el poste de luz {p}', 'no hay luz en el poste {p}, está muy oscuro'],
    np: { en: ['a street light that is out', 'a streetlight flickering'], es: ['un poste de luz apagado', 'una lámpara de la calle fundida'] },
  },
  'SIGN-03': {
    en: ['stop sign knocked down {p}', 'the traffic light {p} is stuck on red', 'yield sign is bent over {p}, you can\'t see it',
      'street sign missing {p}', 'signal {p} is flashing yellow all directions'],
    es: ['tumbaron la señal de alto {p}', 'el semáforo {p} no funciona', 'falta el letrero de la calle {p}'],
    np: { en: ['a stop sign that got knocked over', 'a traffic signal not working'], es: ['un semáforo descompuesto', 'una señal de alto tirada'] },
  },
  'SNOW-04': {
    en: ['street never got plowed {p}', 'solid ice {p}, cars sliding through the stop', 'the plow left a wall of snow {p}',
      'very icy {p}, someone is going to get hurt'],
    es: ['no han quitado la nieve {p}', 'hay mucho hielo {p}, los carros se resbalan'],
    np: { en: ['a street that was never plowed', 'ice all over the road'], es: ['la nieve que no han quitado', 'hielo en la calle'] },
  },
  'WALK-05': {
    en: ['sidewalk is heaved up {p}, big trip hazard', 'broken curb {p}', 'the sidewalk {p} is cracked and sinking',
      'my mom tripped on the uneven sidewalk {p}'],
    es: ['la banqueta está levantada {p}, alguien se va a caer', 'la acera está rota {p}'],
    np: { en: ['a broken sidewalk', 'a curb that is crumbling'], es: ['la banqueta rota', 'la acera levantada'] },
  },
  'GRAF-06': {
    en: ['graffiti on the wall {p}', 'someone tagged the fence {p} last night', 'spray paint all over the bus shelter {p}',
      'new graffiti {p}, looks gang related'],
    es: ['pintaron grafiti en la pared {p}', 'hay grafiti {p}'],
    np: { en: ['graffiti on a building', 'somebody spray painting a fence'], es: ['grafiti en una pared'] },
  },
  'TRSH-07': {
    en: ['trash was not picked up {p} this week', 'recycling got skipped again {p}', 'missed pickup {p}, carts still at the curb',
      'garbage truck skipped our side of the street {p}'],
    es: ['no recogieron la basura {p}', 'el camión de la basura no pasó {p}', 'no se llevaron el reciclaje {p}'],
    np: { en: ['trash that was not picked up', 'a missed recycling pickup'], es: ['la basura que no recogieron'] },
  },
  'DUMP-08': {
    en: ['someone dumped a mattress and a couch {p}', 'pile of tires dumped {p}', 'people keep dumping trash bags {p}',
      'construction debris dumped {p} overnight'],
    es: ['tiraron un colchón y basura {p}', 'alguien dejó llantas tiradas {p}', 'hay un tiradero de basura {p}'],
    np: { en: ['somebody dumping junk', 'a bunch of tires somebody dumped'], es: ['basura tirada', 'un colchón tirado'] },
  },
  'BULK-09': {
    en: ['I need a bulky item pickup for an old fridge {p}', 'can you haul away a sofa and a recliner {p}',
      'requesting large item pickup {p}: a washer and a dryer'],
    es: ['necesito que recojan un refrigerador viejo {p}', 'quiero pedir que recojan muebles grandes {p}'],
    np: { en: ['a pickup for an old couch', 'getting a washer hauled away'], es: ['recoger un sofá viejo'] },
  },
  'TREE-10': {
    en: ['big limb down {p}, blocking half the street', 'tree fell over {p} after the storm', 'branch hanging over the road {p}, about to fall',
      'dead tree in the parkway {p} is leaning over the sidewalk'],
    es: ['se cayó una rama grande {p}', 'hay un árbol caído {p}', 'una rama está a punto de caerse {p}'],
    np: { en: ['a tree limb that came down', 'a fallen tree'], es: ['una rama caída', 'un árbol caído'] },
  },
  'WATR-11': {
    en: ['water gushing out of the street {p}', 'fire hydrant leaking {p}', 'looks like a water main break {p}, water everywhere',
      'water bubbling up through the pavement {p}'],
    es: ['hay una fuga de agua {p}', 'el hidrante está tirando agua {p}', 'sale mucha agua de la calle {p}'],
    np: { en: ['water coming up out of the street', 'a leaking hydrant'], es: ['una fuga de agua', 'un hidrante que gotea'] },
  },
  'STRM-12': {
    en: ['storm drain clogged {p}, street is flooding', 'standing water {p} every time it rains', 'the drain {p} is full of leaves and the intersection floods',
      'street flooded {p}, water up to the curb'],
    es: ['la calle se inunda {p}', 'la coladera está tapada {p}', 'la alcantarilla está tapada con hojas {p}'],
    np: { en: ['a storm drain that is clogged', 'the street flooding'], es: ['una alcantarilla tapada', 'la calle inundada'] },
  },
  'DEAD-13': {
    en: ['dead deer in the road {p}', 'there is a dead dog {p}, please remove', 'dead raccoon {p}, it is starting to smell',
      'roadkill {p}, looks like a possum'],
    es: ['hay un perro muerto {p}', 'hay un venado muerto en la calle {p}', 'un gato muerto {p}, ya huele mal'],
    np: { en: ['a dead animal in the road', 'a dead deer'], es: ['un animal muerto', 'un perro muerto en la calle'] },
  },
  'DOGS-14': {
    en: ['two loose dogs running around {p}, one growled at my kid', 'stray dog {p} for three days now', 'pit bull loose {p}, no collar'],
    es: ['hay perros sueltos {p}', 'un perro callejero anda {p} y persigue a los niños'],
    np: { en: ['a loose dog', 'stray dogs'], es: ['unos perros sueltos'] },
  },
  'WEED-15': {
    en: ['grass is knee high {p}, vacant house', 'weeds taller than me {p}, nobody has mowed all summer', 'overgrown yard {p}, snakes and rats'],
    es: ['el pasto está muy alto {p}, la casa está abandonada', 'hay mucha maleza {p}'],
    np: { en: ['a yard that is never mowed', 'weeds and tall grass'], es: ['el pasto alto', 'maleza'] },
  },
  'VEHC-16': {
    en: ['abandoned car {p}, flat tires and expired tags', 'a junk truck has been parked {p} for a month', 'there is an abandoned van {p} with broken windows'],
    es: ['hay un carro abandonado {p}', 'una camioneta abandonada lleva semanas {p}'],
    np: { en: ['an abandoned car', 'a car that has not moved in weeks'], es: ['un carro abandonado'] },
  },
};
const QUESTIONS = [
  { code: null, en: 'is the dump open saturday?', es: '¿el basurero municipal abre el sábado?' },
  { code: null, en: 'what are city hall hours on Friday?', es: '¿a qué hora abre la alcaldía el viernes?' },
  { code: 'TRSH-07', en: 'what day is trash pickup on my street? we just moved in', es: '¿qué día pasa el camión de la basura en mi calle?' },
  { code: 'TRSH-07', en: 'is recycling still picked up the week of thanksgiving?', es: '¿recogen el reciclaje la semana de acción de gracias?' },
  { code: 'BULK-09', en: 'how do i schedule a bulky item pickup and is there a fee?', es: '¿cómo pido que recojan un sofá y cuánto cuesta?' },
  { code: 'TREE-10', en: 'does the city trim the trees between the sidewalk and the street or is that on me?', es: '¿la ciudad poda los árboles de la banqueta?' },
  { code: 'SNOW-04', en: 'which streets get plowed first when it snows?', es: '¿qué calles limpian primero cuando nieva?' },
  { code: null, en: 'who do I talk to about my water bill?', es: '¿con quién hablo sobre mi recibo del agua?' },
];
const FILLER_EN = ['', '', ' thanks', ' pls', ' Thank you!', ' asap please', ''];
const DISTRACT_EN = [
  () => ` been like this since ${ri(6, 11)}:${pick(['00', '15', '30', '45'])} this morning.`,
  () => ` I already called on ${ri(10, 11)}/${ri(2, 28)}.`,
  () => ` I pay $${ri(2, 4)},${ri(100, 900)} a year in property taxes for this?`,
  () => ` ${ri(2, 6)} neighbors have complained about it too.`,
  () => ` call me back at 785-555-01${ri(10, 99)}.`,
  () => ` saw a truck with plate ${pick(['KS', 'NE'])} ${ri(100, 999)} ${pick(['ABX', 'KLM', 'TRW', 'ZPD'])} there yesterday.`,
  () => ` about ${ri(20, 90)} minutes ago.`,
];
const DISTRACT_ES = [
  () => ` desde las ${ri(6, 11)}:${pick(['00', '15', '30'])} de la mañana.`,
  () => ` ya llamé el ${ri(2, 28)} de ${pick(['octubre', 'noviembre'])}.`,
  () => ` mi teléfono es 785-555-01${ri(10, 99)}.`,
  () => ` hace como ${ri(2, 5)} días.`,
];
const FIRST = ['Maria', 'James', 'Linda', 'Robert', 'Ana', 'Tom', 'Kelly', 'Jose', 'Patricia', 'Dale', 'Guadalupe', 'Brent', 'Shirley', 'Luis', 'Karen', 'Wes'];
const LAST = ['Hendricks', 'Garcia', 'Olson', 'Nguyen', 'Ramirez', 'Schultz', 'Baker', 'Lopez', 'Miller', 'Yoder', 'Hernandez', 'Price', 'Dvorak', 'Castillo'];

// ---------- composing messages ----------
const tidy = (s) => s.replace(/[ \t]+/g, ' ').replace(/([.!?])\./g, '$1').replace(/ ([,.!?])/g, '$1').replace(/[ \t]+$/gm, '').replace(/^ /gm, '').trim();
function placePhrase(place, lang, channel) {
  const T = lang === 'es' ? PLACE_ES : PLACE_EN;
  const style = STYLE[channel]();
  if (lang === 'es') style.words = false;
  switch (place.kind) {
    case 'address': {
      const s = uniqueStreetMention(place.st, style);
      const num = (chance(0.08) ? '#' : '') + place.row.number;
      let a = chance(0.15) ? `${s} ${place.row.number}` : `${num} ${s}`;
      if (place.unit && chance(0.7)) a += ` ${place.unit}`;
      const cross = chance(0.12) && nearestCross(place);
      if (cross) a += lang === 'es' ? ` cerca de ${uniqueStreetMention(cross, style)}` : pick([` near ${uniqueStreetMention(cross, style)}`, ` (cross street ${uniqueStreetMention(cross, style)})`]);
      return pick(T.address).replace('{a}', a);
    }
    case 'intersection': {
      const [A, B] = uniqueCrossingMention(place.c, style);
      const forms = lang === 'en' && (channel === 'sms' || channel === 'whatsapp') ? [...T.intersection, '{A} n {B}', '{A}/{B}', '{A} & {B}'] : T.intersection;
      return pick(forms).replace('{A}', A).replace('{B}', B);
    }
    case 'street': return pick(T.street).replace('{S}', uniqueStreetMention(place.st, style));
    case 'block': return pick(T.block).replace('{N}', place.hundred).replace('{S}', uniqueStreetMention(place.st, style));
    case 'missingNumber': return pick(T.address).replace('{a}', `${place.num} ${uniqueStreetMention(place.st, style)}`);
    case 'landmark': {
      const name = lang === 'en' && chance(0.6) ? pick(place.l.aliases) : place.l.name;
      return pick(T.landmark).replace('{L}', name);
    }
    case 'coords': return pick(T.coords).replace('{C}', coordText(place));
    default: return pick(T.none);
  }
}
function sentence(code, lang, place, channel) {
  const p = placePhrase(place, lang, channel);
  let s = pick(PROBLEMS[code][lang]).replace('{p}', p);
  if (chance(0.3)) s = s.replace(/[.!?]?$/, '.') + pick(lang === 'es' ? DISTRACT_ES : DISTRACT_EN)();
  if (channel === 'sms' && chance(0.6)) s = s.toLowerCase();
  return tidy(s);
}
const phone = () => `+1785555${String(ri(100, 199)).padStart(4, '0')}`;
const person = () => ({ first: pick(FIRST), last: pick(LAST) });
const emailOf = (n) => `${n.first}.${n.last}`.toLowerCase() + '@' + pick(['example.com', 'example.org', 'example.net']);
const localPhone = (e164) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;

function streetWords(st) { return st.name; }
function spokenPlace(place, lang) {
  const style = STYLE.transcript();
  if (lang === 'es') style.words = false;
  const es = lang === 'es';
  switch (place.kind) {
    case 'address': {
      const s = uniqueStreetMention(place.st, style);
      if (chance(0.45)) {
        let wrong = place.row.number.split('');
        const i = ri(0, wrong.length - 1);
        wrong[i] = String((+wrong[i] + ri(1, 8)) % 10);
        wrong = wrong.join('').replace(/^0+/, '') || '9';
        return es ? `Es el ${wrong}, no, perdón, el ${place.row.number} de la ${s}.` : `It's ${wrong}, no sorry, ${place.row.number} ${s}.`;
      }
      return es ? `Es en el ${place.row.number} de la ${s}.` : pick([`It's ${place.row.number} ${s}.`, `Right in front of ${place.row.number} ${s}.`, `${s}, the number is ${place.row.number}.`]);
    }
    case 'intersection': {
      const [A, B] = uniqueCrossingMention(place.c, style);
      return es ? pick([`En la esquina de ${A} y ${B}.`, `En el cruce de ${A} con ${B}.`]) : pick([`It's at the corner of ${A} and ${B}.`, `Right where ${A} meets ${B}.`, `${A} and ${B}.`]);
    }
    case 'street': return es ? `En la ${uniqueStreetMention(place.st, style)}, no sé el número.` : `It's on ${uniqueStreetMention(place.st, style)}, I don't know the number.`;
    case 'block': return es ? `En la cuadra ${place.hundred} de la ${uniqueStreetMention(place.st, style)}.` : `The ${place.hundred} block of ${uniqueStreetMention(place.st, style)}.`;
    case 'missingNumber': return es ? `Es el ${place.num} de la ${uniqueStreetMention(place.st, style)}.` : `It's ${place.num} ${uniqueStreetMention(place.st, style)}.`;
    case 'landmark': return es ? `Enfrente de ${place.l.name}.` : `Right outside ${pick([place.l.name, ...place.l.aliases])}.`;
    case 'coords': return es ? `Tengo las coordenadas: ${place.lat}, ${place.lon}.` : `I have the GPS, ${place.lat}, ${place.lon}.`;
    default: return es ? pick(['No sé la dirección, es cerca de la escuela.', 'En mi calle, no sé el nombre.']) : pick(["I don't know the address, it's by the school.", "Somewhere downtown, I didn't catch the street.", "On my street, I'd rather not say which."]);
  }
}
function transcript(code, lang, place) {
  const es = lang === 'es';
  const [C, K] = es ? ['Agente', 'Llamante'] : ['Clerk', 'Caller'];
  const np = pick(PROBLEMS[code].np[lang]);
  const clerk = pick(['Dana', 'Marcus', 'Jolene', 'Ray']);
  const lines = [
    `${C}: ${es ? `311 de Pawnee Bend, habla ${clerk}, ¿en qué le puedo ayudar?` : `Pawnee Bend 311, this is ${clerk}, how can I help you?`}`,
    `${K}: ${es ? `Hola, llamo por ${np}.` : `Hi, yeah, I'm calling about ${np}.`}`,
    `${C}: ${es ? '¿Dónde está exactamente?' : "Okay. What's the location?"}`,
    `${K}: ${spokenPlace(place, lang)}`,
  ];
  if (chance(0.4)) lines.push(`${C}: ${es ? '¿Algo más que debamos saber?' : 'Anything else we should know?'}`, `${K}: ${es ? `Ha estado así desde el ${ri(2, 28)} de noviembre.` : `It's been like that since ${pick(['Monday', 'last week', 'the 14th'])}, and I've called ${ri(2, 3)} times.`}`);
  lines.push(`${C}: ${es ? 'Gracias, ya quedó registrado.' : "Thanks, I've put that in."}`);
  return lines.join('\n');
}
const SUBJ = {
  'PAVE-01': ['Pothole', 'Road damage', 'Bache'], 'LITE-02': ['Street light out', 'Dark street', 'Luz de la calle'],
  'SIGN-03': ['Stop sign down', 'Traffic signal', 'Semáforo'], 'SNOW-04': ['Snow removal', 'Icy road', 'Nieve'],
  'WALK-05': ['Sidewalk', 'Broken curb', 'Banqueta'], 'GRAF-06': ['Graffiti', 'Vandalism', 'Grafiti'],
  'TRSH-07': ['Missed pickup', 'Trash not collected', 'Basura'], 'DUMP-08': ['Illegal dumping', 'Junk dumped', 'Basura tirada'],
  'BULK-09': ['Bulky pickup request', 'Large item pickup', 'Recoger muebles'], 'TREE-10': ['Tree down', 'Fallen limb', 'Árbol caído'],
  'WATR-11': ['Water leak', 'Hydrant', 'Fuga de agua'], 'STRM-12': ['Flooding', 'Storm drain', 'Inundación'],
  'DEAD-13': ['Dead animal', 'Roadkill', 'Animal muerto'], 'DOGS-14': ['Loose dogs', 'Stray dog', 'Perros sueltos'],
  'WEED-15': ['Tall grass', 'Overgrown lot', 'Pasto alto'], 'VEHC-16': ['Abandoned vehicle', 'Junk car', 'Carro abandonado'],
};
function signature(n, lang, ownRow, ph) {
  const lines = [lang === 'es' ? pick(['Saludos,', 'Gracias,']) : pick(['Thanks,', 'Regards,', 'Thank you,', '-']), `${n.first} ${n.last}`];
  if (ownRow) lines.push(`${ownRow.number} ${ownRow.street}`, `${CITY}, ${REGION} ${POSTCODE}`);
  if (ph) lines.push(localPhone(ph));
  return lines.join('\n');
}
function email(code, lang, place, n, ph, mode) {
  const es = lang === 'es';
  const subjectBase = pick(SUBJ[code].slice(0, es ? 3 : 2).filter((_, i) => es ? i === 2 : true));
  const greet = es ? pick(['Hola,', 'Buenos días:', 'Buenas tardes,']) : pick(['Hello,', 'Hi,', 'To whom it may concern,', 'Good morning,', '']);
  let body, subject = subjectBase;
  if (mode.kind === 'mine') {
    // "outside my house" with only the signature address: the signature is the place.
    const s = pick(PROBLEMS[code][lang]).replace('{p}', es ? 'frente a mi casa' : 'outside my house');
    body = `${greet ? greet + "\n\n" : ""}${tidy(s)}.\n\n${signature(n, lang, place.row, ph)}`;
  } else if (mode.kind === 'two') {
    const mine = mode.ownRow;
    const intro = es ? `Vivo en ${mine.number} ${mine.street}, pero esto es sobre otro lugar:` : `My address is ${mine.number} ${mine.street} but this is about somewhere else:`;
    body = `${greet ? greet + "\n\n" : ""}${intro} ${sentence(code, lang, place, 'email')}.\n\n${signature(n, lang, null, ph)}`;
  } else {
    body = `${greet ? greet + "\n\n" : ""}${sentence(code, lang, place, 'email')}.${es ? '' : pick(['', ' Please send someone out.', ' This has been going on for a while.', ''])}\n\n${signature(n, lang, mode.ownRow, ph)}`;
  }
  if (mode.reply) {
    subject = `Re: ${subjectBase}`;
    body += `\n\nOn Mon, Nov 2, 2026 at 9:14 AM Pawnee Bend 311 <311@pawneebend.example.org> wrote:\n> Thank you for contacting Pawnee Bend 311.\n> Can you tell us more about the problem and where it is?\n> Ref ${pick(['K7QX', 'HB3M', 'R9TW'])}-${ri(20, 99)}`;
  }
  if (mode.forward) {
    subject = `Fwd: ${subjectBase}`;
    body = `${pick(['Please log this one.', 'Forwarding from the front desk inbox.', 'Can someone enter this?'])} - ${pick(['Dana', 'Marcus'])}, City Clerk's office\n\n---------- Forwarded message ---------\nFrom: ${n.first} ${n.last} <${emailOf(n)}>\nDate: Tue, Nov 3, 2026\nSubject: ${subjectBase}\n\n${body}`;
  }
  return { subject, text: tidy(body) };
}
function textFor(channel, code, lang, place, ctx) {
  if (channel === 'transcript') return { text: transcript(code, lang, place), subject: null };
  if (channel === 'email') return email(code, lang, place, ctx.n, ctx.ph, ctx.mode);
  let s = sentence(code, lang, place, channel);
  if (channel === 'whatsapp') s = (lang === 'es' ? pick(['Hola! ', 'Buenas, ', '']) : pick(['Hi! ', 'hello ', '', 'Hey there, '])) + s + pick([' 🙏', ' 😡', '', ' 👍']);
  if (channel === 'web') s = s[0].toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.') + (lang === 'es' ? '' : pick(['', ' Please fix.', ' Thanks for your help.']));
  if (channel === 'sms') s += pick(FILLER_EN);
  return { text: tidy(s), subject: null };
}

// ---------- the corpus plan ----------
const CHANNELS = { sms: 30, email: 20, web: 20, transcript: 15, whatsapp: 15 };
const PRECISIONS = { address: 42, intersection: 20, street: 13, coordinates: 12, landmark: 3, none: 6 };
const REPORT_CODES = SERVICES.filter((s) => s.code !== FALLBACK).map((s) => s.code);
const T0 = Date.parse('2026-09-01T12:00:00Z'), SPAN_H = 24 * 88;
const messages = [];
function placeOf(kind) {
  switch (kind) {
    case 'address': return addressPlace();
    case 'intersection': return crossingPlace();
    case 'street': return streetPlace();
    case 'coordinates': return coordinatePlace();
    case 'landmark': return landmarkPlace();
    default: return nonePlace();
  }
}
function build(spec) {
  const { channel, lang, code, place, intent } = spec;
  const n = person(), ph = phone();
  const mode = spec.mode || { kind: 'plain', ownRow: chance(0.35) ? pick(houseRows) : null, reply: chance(0.12), forward: chance(0.15) };
  let out;
  if (spec.rawText) out = { text: spec.rawText, subject: spec.subject ?? null };
  else out = textFor(channel, code, lang, place, { n, ph, mode });
  const sender = channel === 'email' ? { phone: null, email: mode.forward ? 'clerk.office@pawneebend.example.org' : emailOf(n) }
    : channel === 'web' ? { phone: chance(0.5) ? ph : null, email: chance(0.6) ? emailOf(n) : null }
      : { phone: ph, email: null };
  return {
    id: null, channel, text: out.text, subject: channel === 'email' ? out.subject : null, sender, received_at: null,
    expected: { service_code: spec.labelCode !== undefined ? spec.labelCode : code, ...place.label, intent: intent || 'report' },
    dedupe_group: spec.group || null, lang, _t: spec.t ?? null,
  };
}
// Services tied to one household (a missed cart, a bulky pickup) are written about an address or no place.
const HOME_ONLY = new Set(['TRSH-07', 'BULK-09']);
function codeFor(place) {
  for (;;) {
    const c = pick(REPORT_CODES);
    if (!HOME_ONLY.has(c) || place.kind === 'address' || place.kind === 'none') return c;
  }
}
const TARGET = 300;
const plan = [];
for (let i = 0; i < 250; i++) {
  const channel = weighted(CHANNELS);
  const lang = chance(0.24) ? 'es' : 'en';
  const kind = weighted(PRECISIONS);
  const place = placeOf(kind);
  plan.push({ channel, lang, code: codeFor(place), place });
}
// Emails whose place is the signature ("outside my house"), and emails naming two addresses.
for (let i = 0; i < 4; i++) {
  const place = addressPlace();
  plan.push({ channel: 'email', lang: i === 3 ? 'es' : 'en', code: pick(['DEAD-13', 'TRSH-07', 'WALK-05', 'TREE-10']), place, mode: { kind: 'mine' } });
}
for (let i = 0; i < 6; i++) {
  plan.push({ channel: 'email', lang: i % 3 === 2 ? 'es' : 'en', code: pick(REPORT_CODES), place: addressPlace(), mode: { kind: 'two', ownRow: pick(houseRows) } });
}
for (let i = 0; i < 4; i++) {
  const mine = pick(houseRows), place = addressPlace();
  const es = i === 3;
  const s = es ? `vivo en ${mine.number} ${mine.street.toLowerCase()} pero el problema está ${placePhrase(place, 'es', 'sms')}: ${pick(PROBLEMS['PAVE-01'].es).replace(' {p}', '')}`
    : `my address is ${mine.number} ${mine.street} but this is about ${placePhrase(place, 'en', 'sms').replace(/^(at|outside|in front of|near|across from|by) /, 'the spot outside ')}, ${pick(PROBLEMS['PAVE-01'].en).replace(' {p}', '')}`;
  plan.push({ channel: i % 2 ? 'whatsapp' : 'sms', lang: es ? 'es' : 'en', code: 'PAVE-01', place, rawText: tidy(s) });
}
// Failed voice transcriptions: no place, no known service (triage).
for (let i = 0; i < 4; i++) plan.push({ channel: 'transcript', lang: 'en', code: FALLBACK, place: nonePlace(), rawText: 'Voice message from a caller. Transcription unavailable.' });
// Questions that report nothing.
for (const q of QUESTIONS) for (const lang of ['en', 'es']) {
  const channel = pick(['sms', 'web', 'whatsapp', 'email']);
  plan.push({ channel, lang, code: q.code, place: nonePlace(), intent: 'question', rawText: q[lang], subject: channel === 'email' ? (lang === 'es' ? 'Pregunta' : 'Question') : null });
}
// Near-duplicate reports of one real problem: same service, within ~60 m and 48 h.
const groups = [];
for (let g = 1; g <= 12; g++) {
  const first = chance(0.7) ? addressPlace() : crossingPlace();
  const code = codeFor(first);
  let t;
  do t = rnd() * (SPAN_H - 72); // unrelated groups of one service stay 150 m or 96 h apart
  while (plan.some((o) => o.group && o.code === code && dist({ lat: o.place.label.lat, lon: o.place.label.long }, { lat: first.label.lat, lon: first.label.long }) < 230 && Math.abs(o.t - t) < 140));
  const gid = `dup-${String(g).padStart(2, '0')}`;
  const size = chance(0.3) ? 3 : 2;
  const anchor = first.label;
  for (let k = 0; k < size; k++) {
    let place = first;
    if (k > 0 && first.kind === 'address' && chance(0.5)) {
      const near = first.st.rows.filter((r) => (!r.unit || r.unit === 'APT 1') && dist(r, first.row) < 35 && r !== first.row);
      if (near.length) place = addressPlace(pick(near));
    } else if (k > 0 && first.kind === 'intersection' && chance(0.5)) {
      const near = [...first.c.A.rows, ...first.c.B.rows].filter((r) => !r.unit && dist(r, { lat: anchor.lat, lon: anchor.long }) < 35);
      if (near.length) place = addressPlace(pick(near));
    }
    plan.push({ channel: weighted(CHANNELS), lang: chance(0.2) ? 'es' : 'en', code, place, group: gid, t: t + k * ri(1, 20) });
  }
  groups.push(gid);
}
for (let i = plan.length; i < TARGET; i++) {
  const place = placeOf(weighted(PRECISIONS));
  plan.push({ channel: weighted(CHANNELS), lang: chance(0.2) ? 'es' : 'en', code: codeFor(place), place });
}

// Assign times: group members keep theirs; others avoid any same-service message within 150 m and 96 h.
const point = (m) => (m.expected.lat == null ? null : { lat: m.expected.lat, lon: m.expected.long });
for (const spec of plan) messages.push(build(spec));
const placed = [];
for (const m of messages.filter((x) => x._t != null)) placed.push(m);
for (const m of messages.filter((x) => x._t == null)) {
  for (let tries = 0; ; tries++) {
    m._t = rnd() * SPAN_H;
    const p = point(m);
    const clash = p && m.expected.service_code && placed.some((o) => o.expected.service_code === m.expected.service_code && point(o)
      && dist(p, point(o)) < 150 && Math.abs(o._t - m._t) < 96);
    if (!clash) break;
    if (tries > 200) throw new Error('cannot place message in time');
  }
  placed.push(m);
}
messages.sort((a, b) => a._t - b._t);
const seq = {};
for (const m of messages) {
  seq[m.channel] = (seq[m.channel] || 0) + 1;
  m.id = `${m.channel}-${String(seq[m.channel]).padStart(4, '0')}`;
  m.received_at = new Date(T0 + Math.round(m._t * 60) * 60000).toISOString().replace('.000Z', 'Z');
  delete m._t;
}

// ---------- write ----------
const csv = ['LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID',
  ...rows.map((r) => [r.lon.toFixed(7), r.lat.toFixed(7), r.number, r.street, r.unit, CITY, DISTRICT, REGION, POSTCODE, r.id].join(','))];
fs.writeFileSync(path.join(OUT, 'addresses.csv'), csv.join('\n') + '\n');
fs.writeFileSync(path.join(OUT, 'corpus.jsonl'), messages.map((m) => JSON.stringify(m)).join('\n') + '\n');
const q = (s) => (/[:#&'"{}\[\],]|^\s|\s$/.test(s) ? JSON.stringify(s) : s);
const yaml = [
  '# Pawnee Bend, Kansas: a SYNTHETIC grid town for evaluating Intake (no such town exists; streets and points are generated).',
  '# Generated by tools/generate.mjs. Relative paths are read from this file\'s folder.',
  'jurisdiction:',
  '  id: pawneebend-ks.example',
  '  name: City of Pawnee Bend',
  '  country: US',
  '  timezone: America/Chicago',
  '  languages: [en, es]',
  '  landmarks:',
  ...LANDMARKS.map((l) => `    - { name: ${q(l.name)}, aliases: [${l.aliases.map(q).join(', ')}], lat: ${l.lat.toFixed(7)}, long: ${l.lon.toFixed(7)} }`),
  '',
  'server:',
  '  port: ${PORT:-3000}',
  '  public_url: ${INTAKE_PUBLIC_URL:-http://localhost:3000}',
  '  admin_token: ${INTAKE_ADMIN_TOKEN:-demo-admin-token}',
  '',
  'redis:',
  '  url: ${REDIS_URL:-redis://127.0.0.1:6379}',
  '',
  'channels:',
  '  web: {}',
  '  transcripts: { api_keys: ["${INTAKE_TRANSCRIPTS_KEY:-demo-transcripts-key}"] }',
  '',
  'services:',
  ...SERVICES.flatMap((s) => [`  - code: ${s.code}`, `    name: ${q(s.name)}`, `    group: ${q(s.group)}`, `    keywords: [${s.keywords.map(q).join(', ')}]`]),
  '',
  'geocoding:',
  '  providers:',
  '    - { type: gazetteer, file: ./addresses.csv }',
  '',
  `classification: { fallback_code: ${FALLBACK} }`,
  '',
  'dedupe: { radius_m: 75, window_hours: 72 }',
  '',
  'router:',
  '  destinations:',
  '    outbox: { type: file, path: "${INTAKE_DATA_DIR:-.intake}/outbox.jsonl" }',
  '  default: { deliver_to: [outbox] }',
  '',
];
fs.writeFileSync(path.join(OUT, 'intake.yaml'), yaml.join('\n'));
console.log(`streets ${streets.length}, address rows ${rows.length}, crossings ${crossings.length}, messages ${messages.length}`);

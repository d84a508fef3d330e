// Generator for the Coulee Ridge, AB blind evaluation corpus (synthetic town, quadrant addressing).
// Deterministic: mulberry32, seed 4035. No dependencies. Writes addresses.csv, intake.yaml and corpus.jsonl
// in the folder above this one. Usage: node tools/generate.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
function mulberry32(a) { return () => { a |= 0; a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
const rnd = mulberry32(4035);
const ri = (n) => Math.floor(rnd() * n);
const pick = (a) => a[ri(a.length)];
const chance = (p) => rnd() < p;

// ---------- geometry: local metres (x east, y north) from the Centre Street / Centre Avenue corner ----------
const LAT0 = 50.35, LON0 = -112.85;
const PHI = (LAT0 * Math.PI) / 180;
const M_LAT = 111132.92 - 559.82 * Math.cos(2 * PHI) + 1.175 * Math.cos(4 * PHI); // metres per degree of latitude
const M_LON = 111412.84 * Math.cos(PHI) - 93.5 * Math.cos(3 * PHI) + 0.118 * Math.cos(5 * PHI); // per degree of longitude
const r7 = (v) => Math.round(v * 1e7) / 1e7;
const toLL = (x, y) => ({ lat: r7(LAT0 + y / M_LAT), lon: r7(LON0 + x / M_LON) });

// ---------- streets and address points ----------
const streets = new Map(); // name -> {name, base, quad, kind, pts, num, type}
const points = [];
function street(name, base, quad, extra = {}) {
  if (!streets.has(name)) streets.set(name, { name, base, quad, pts: [], ...extra });
  return streets.get(name);
}
const EXCLUDE = [ // [x0,x1,y0,y1]: Town Hall + Memorial Park block, the arena block
  [-300, 0, 0, 100], [600, 700, -700, -600],
];
function addPoint(s, x, y, number) {
  if (EXCLUDE.some(([a, b, c, d]) => x > a && x < b && y > c && y < d)) return;
  for (const p of points) if (p.street !== s.name && Math.hypot(p.x - x, p.y - y) < 12) return;
  if (s.pts.some((p) => p.number === String(number))) return;
  const p = { x, y, number: String(number), street: s.name };
  s.pts.push(p); points.push(p);
}
const QUADS = { NE: [1, 1], NW: [-1, 1], SE: [1, -1], SW: [-1, -1] };
// numbered Streets: [quadrant, max street number, number of avenue blocks]
const ST_RANGE = { NE: [8, 8], NW: [6, 8], SW: [6, 6], SE: [8, 12] };
// numbered Avenues: [quadrant, max avenue number, number of street blocks]
const AV_RANGE = { NE: [7, 8], NW: [7, 6], SW: [5, 6], SE: [11, 8] };
const SD = [14, 30, 46, 62, 78]; // lot positions along a block of a Street (m from the lower avenue)
const AD = [38, 62]; // along a block of an Avenue
const VACANT = 0.07;
function streetLots(s, sx, sy, xLine, blocks) {
  for (let b = 0; b < blocks; b++) for (const d of SD) for (const side of [1, -1]) {
    if (chance(VACANT)) continue;
    // even numbers on the east side, odd on the west; the odd side is staggered 4 m along
    const along = 100 * b + d + (side < 0 ? 4 : 0);
    addPoint(s, xLine + side * 18, sy * along, 100 * b + d + (side < 0 ? 1 : 0));
  }
}
function avenueLots(s, sx, sy, yLine, blocks, sides = [1, -1]) {
  for (let b = 0; b < blocks; b++) for (const d of AD) for (const side of sides) {
    if (chance(VACANT)) continue;
    const along = 100 * b + d + (side < 0 ? 4 : 0); // even numbers on the north side, odd on the south
    addPoint(s, sx * along, yLine + side * 18, 100 * b + d + (side < 0 ? 1 : 0));
  }
}
for (const [q, [maxK, blocks]] of Object.entries(ST_RANGE)) {
  const [sx, sy] = QUADS[q];
  for (let k = 1; k <= maxK; k++) {
    const s = street(`${k} Street ${q}`, `${k} Street`, q, { kind: 'num', num: k, type: 'Street', dir: 'ns', line: sx * 100 * k, ext: [0, sy * 100 * blocks] });
    streetLots(s, sx, sy, sx * 100 * k, blocks);
  }
}
for (const [q, [maxA, blocks]] of Object.entries(AV_RANGE)) {
  const [sx, sy] = QUADS[q];
  for (let a = 1; a <= maxA; a++) {
    const s = street(`${a} Avenue ${q}`, `${a} Avenue`, q, { kind: 'num', num: a, type: 'Avenue', dir: 'ew', line: sy * 100 * a, ext: [0, sx * 100 * blocks] });
    avenueLots(s, sx, sy, sy * 100 * a, blocks);
  }
}
{
  const n = street('Centre Street N', 'Centre Street', 'N', { kind: 'centre', dir: 'ns', line: 0, ext: [0, 800] });
  streetLots(n, 1, 1, 0, 8);
  const s = street('Centre Street S', 'Centre Street', 'S', { kind: 'centre', dir: 'ns', line: 0, ext: [0, -1200] });
  streetLots(s, 1, -1, 0, 12);
  const a = street('Centre Avenue', 'Centre Avenue', '', { kind: 'centre', dir: 'ew', line: 0, ext: [0, 800] });
  avenueLots(a, 1, 1, 0, 8);
}
// named roads. Straight ones: {dir, line, ext}. Lots: positions along, side offsets, numbering.
function straightNamed(name, base, quad, dir, line, from, to, opts) {
  const s = street(name, base, quad, { kind: 'named', dir, line, ext: [from, to] });
  const { step, start, offset = 18, sides = [1, -1], number } = opts;
  const len = Math.abs(to - from), sgn = Math.sign(to - from);
  let i = 0;
  for (let t = start; t <= len - 10; t += step, i++) for (const side of sides) {
    if (chance(VACANT)) continue;
    const along = from + sgn * (t + (side < 0 ? 4 : 0));
    const x = dir === 'ew' ? along : line + side * offset, y = dir === 'ew' ? line + side * offset : along;
    addPoint(s, x, y, number(t, side, i, along));
  }
  return s;
}
// block-coded numbers for quadrant roads (100 per block, as on the grid)
const blockNo = (t, side) => { const n = Math.round(t); const even = n % 2 === 0 ? n : n + 1; return side > 0 ? even : even + 1; };
const seqNo = (base) => (t, side, i) => base + 4 * i + (side > 0 ? 0 : 1);
// Coulee Drive SW: along the coulee edge, south of 5 Avenue SW, houses on the north side only
for (let b = 0; b < 9; b++) for (const d of [35, 65]) { const s = street('Coulee Drive SW', 'Coulee Drive', 'SW', { kind: 'named', dir: 'ew', line: -600, ext: [0, -900] }); if (!chance(VACANT)) addPoint(s, -(100 * b + d), -582, 100 * b + d); }
straightNamed('Heritage Way NW', 'Heritage Way', 'NW', 'ew', 800, 0, -600, { step: 30, start: 35, number: blockNo });
straightNamed('Ridgeview Drive NE', 'Ridgeview Drive', 'NE', 'ew', 800, 0, 800, { step: 30, start: 35, number: blockNo });
straightNamed('Ridge Road', 'Ridge Road', '', 'ns', -300, 800, 1900, { step: 90, start: 70, offset: 25, number: (t, side) => blockNo(t, side) });
straightNamed('Badger Trail NW', 'Badger Trail', 'NW', 'ns', -550, 800, 1080, { step: 28, start: 40, number: seqNo(10) });
straightNamed('Sage Landing NE', 'Sage Landing', 'NE', 'ns', 450, 800, 1010, { step: 28, start: 40, number: seqNo(10) });
straightNamed('Ridge Heights NW', 'Ridge Heights', 'NW', 'ew', 250, -600, -790, { step: 26, start: 40, number: seqNo(12) });
straightNamed('Wheatland Place NW', 'Wheatland Place', 'NW', 'ew', 550, -600, -770, { step: 26, start: 40, number: seqNo(12) });
straightNamed('Coulee Gate SW', 'Coulee Gate', 'SW', 'ns', -820, -600, -470, { step: 26, start: 32, number: seqNo(10) });
straightNamed('Chinook Mews NE', 'Chinook Mews', 'NE', 'ew', 640, 800, 970, { step: 26, start: 40, number: seqNo(10) });
straightNamed('Aspen Close SE', 'Aspen Close', 'SE', 'ew', -250, 800, 960, { step: 26, start: 40, number: seqNo(10) });
straightNamed('Willow Bay SE', 'Willow Bay', 'SE', 'ew', -550, 800, 960, { step: 26, start: 40, number: seqNo(10) });
straightNamed('Ranchers Court SE', 'Ranchers Court', 'SE', 'ew', -850, 800, 960, { step: 26, start: 40, number: seqNo(10) });
straightNamed('Prairie Boulevard SE', 'Prairie Boulevard', 'SE', 'ns', 1100, -100, -1500, { step: 50, start: 25, offset: 20, number: (t, side) => blockNo(t + 100, side) });
{ const s = street('Railway Avenue SE', 'Railway Avenue', 'SE', { kind: 'named', dir: 'ew', line: -1200, ext: [0, 1100] });
  for (let b = 0; b < 11; b++) for (const d of [30, 70]) if (!chance(VACANT)) addPoint(s, 100 * b + d, -1182, 100 * b + d); }
straightNamed('Highway 3', 'Highway 3', '', 'ew', -1500, -2500, 3500, { step: 260, start: 120, offset: 30, number: (t, side, i, along) => blockNo(20000 + (along + 3000) / 2, side) });
straightNamed('Range Road 215', 'Range Road 215', '', 'ns', 2600, -3500, 2000, { step: 330, start: 150, offset: 30, number: (t, side, i, along) => blockNo(90000 + (along + 4000) / 2, side) });
function arcNamed(name, base, quad, cx, cy, r, a0, a1, firstNo) {
  const s = street(name, base, quad, { kind: 'named', dir: 'arc' });
  const len = (Math.abs(a1 - a0) * Math.PI * r) / 180;
  let i = 0;
  for (let t = 30; t <= len - 30; t += 24, i++) for (const side of [1, -1]) {
    if (chance(VACANT)) continue;
    const a = ((a0 + ((a1 - a0) * (t + (side < 0 ? 5 : 0))) / len) * Math.PI) / 180, rr = r + side * 18;
    addPoint(s, cx + rr * Math.cos(a), cy + rr * Math.sin(a), firstNo + 4 * i + (side > 0 ? 1 : 0));
  }
}
arcNamed('Prairie Rose Crescent NE', 'Prairie Rose Crescent', 'NE', 800, 350, 200, -90, 90, 10);
arcNamed('Ridge Crescent SW', 'Ridge Crescent', 'SW', -600, -300, 150, 90, 270, 10);

// ---------- CSV ----------
const csvRows = ['LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID'];
const order = [...streets.values()];
let idn = 0;
for (const s of order) {
  s.pts.sort((a, b) => Number(a.number) - Number(b.number));
  for (const p of s.pts) {
    const ll = toLL(p.x, p.y);
    p.lat = ll.lat; p.lon = ll.lon;
    idn++;
    csvRows.push(`${ll.lon.toFixed(7)},${ll.lat.toFixed(7)},${p.number},${s.name},,Coulee Ridge,Coulee Ridge,AB,,cr-${String(idn).padStart(6, '0')}`);
    p.lat = Number(ll.lat.toFixed(7)); p.lon = Number(ll.lon.toFixed(7));
  }
}
fs.writeFileSync(path.join(OUT, 'addresses.csv'), csvRows.join('\n') + '\n');

// ---------- crossings (centre lines of straight roads) ----------
const crossings = []; // {a, b, x, y}
const within = (v, [e0, e1], m) => v >= Math.min(e0, e1) - m && v <= Math.max(e0, e1) + m;
const straight = order.filter((s) => s.dir === 'ns' || s.dir === 'ew');
for (const a of straight) for (const b of straight) {
  if (a.dir !== 'ns' || b.dir !== 'ew') continue;
  const x = a.line, y = b.line;
  if (!a.pts.length || !b.pts.length) continue;
  if (!within(y, a.ext, 1) || !within(x, b.ext, 1)) continue;
  // the crossing must be near both streets' built parts (closest pair of points under 90 m)
  let best = Infinity;
  for (const p of a.pts) for (const q of b.pts) best = Math.min(best, Math.hypot(p.x - q.x, p.y - q.y));
  if (best > (a.name === 'Range Road 215' ? 250 : 90)) continue;
  const [n1, n2] = [a.name, b.name].sort();
  crossings.push({ a: n1, b: n2, x, y, ...toLL(x, y) });
}
const crossKey = new Set(crossings.map((c) => `${c.a}|${c.b}`));

// ---------- how people write streets ----------
const ORD_EN = (n) => n + (n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] || 'th');
const ORD_FR = (n) => (n === 1 ? '1re' : `${n}e`);
const QEN = { NE: ['NE', 'ne', 'N.E.', 'n.e.', 'NE', 'Northeast'], NW: ['NW', 'nw', 'N.W.', 'n.w.', 'NW', 'Northwest'], SE: ['SE', 'se', 'S.E.', 's.e.', 'SE', 'Southeast'], SW: ['SW', 'sw', 'S.W.', 's.w.', 'SW', 'Southwest'], N: ['N', 'N.', 'North', 'n'], S: ['S', 'S.', 'South', 's'] };
const QFR = { NE: ['NE', 'N.-E.', 'nord-est'], NW: ['NO', 'N.-O.', 'nord-ouest', 'NW'], SE: ['SE', 'S.-E.', 'sud-est'], SW: ['SO', 'S.-O.', 'sud-ouest', 'SW'], N: ['Nord', 'N'], S: ['Sud', 'S'] };
const NAMED = {
  'Coulee Drive': ['Coulee Drive', 'coulee dr', 'Coulee Dr.', 'coulee drive', 'Coulee Dr'],
  'Heritage Way': ['Heritage Way', 'heritage way', 'Heritage Wy', 'heritge way'],
  'Ridgeview Drive': ['Ridgeview Drive', 'ridgeview dr', 'Ridgeview Dr.', 'ridge view drive'],
  'Ridge Road': ['Ridge Road', 'ridge rd', 'Ridge Rd.', 'ridge road'],
  'Badger Trail': ['Badger Trail', 'badger trl', 'Badger Tr', 'badger trail'],
  'Sage Landing': ['Sage Landing', 'sage landing', 'Sage Lndg'],
  'Ridge Heights': ['Ridge Heights', 'ridge hts', 'Ridge Hts.', 'ridge heights'],
  'Wheatland Place': ['Wheatland Place', 'wheatland pl', 'Wheatland Pl.', 'wheatland place'],
  'Coulee Gate': ['Coulee Gate', 'coulee gate', 'Coulee Gt'],
  'Chinook Mews': ['Chinook Mews', 'chinook mews'],
  'Aspen Close': ['Aspen Close', 'aspen close', 'Aspen Cl'],
  'Willow Bay': ['Willow Bay', 'willow bay'],
  'Ranchers Court': ['Ranchers Court', 'ranchers ct', "Rancher's Court", 'ranchers court'],
  'Prairie Boulevard': ['Prairie Boulevard', 'prairie blvd', 'Prairie Blvd.', 'praire blvd'],
  'Railway Avenue': ['Railway Avenue', 'railway ave', 'Railway Ave.', 'railway av'],
  'Prairie Rose Crescent': ['Prairie Rose Crescent', 'prairie rose cres', 'Prairie Rose Cres.', 'prairie rose cr', 'praire rose crescent'],
  'Ridge Crescent': ['Ridge Crescent', 'ridge cres', 'Ridge Cres.', 'ridge crescent'],
  'Highway 3': ['Highway 3', 'hwy 3', 'Hwy #3', 'Hwy. 3', 'highway 3'],
  'Range Road 215': ['Range Road 215', 'RR 215', 'range rd 215', 'Rge Rd 215', 'rr 215'],
  'Centre Street': ['Centre Street', 'centre st', 'Centre St.', 'center st', 'Centre St'],
  'Centre Avenue': ['Centre Avenue', 'centre ave', 'Centre Ave.', 'center ave'],
};
// The streets a writer's words allow: same base, and every quadrant letter written is in the street's quadrant.
const compat = (base, wq) => order.filter((s) => s.base === base && (!wq || [...wq].every((c) => s.quad.includes(c))));
// Render a street. mode: 'full' (quadrant always), 'maybe' (may drop or shorten the quadrant; caller checks uniqueness)
function renderStreet(s, lang, wq) {
  let txt;
  if (s.kind === 'num') {
    if (lang === 'fr') {
      const t = s.type === 'Street' ? pick(['Rue', 'rue', 'Rue']) : pick(['Avenue', 'avenue', 'av.']);
      txt = `${ORD_FR(s.num)} ${t}`;
    } else {
      const n = chance(0.35) ? ORD_EN(s.num) : String(s.num);
      const typo = chance(0.08);
      const t = s.type === 'Street' ? (typo ? pick(['stret', 'steet', 'streeet']) : pick(['St', 'st', 'St.', 'Street', 'street', 'st', 'ST'])) : (typo ? pick(['avenu', 'avnue', 'aveune']) : pick(['Ave', 'ave', 'Ave.', 'Avenue', 'av', 'avenue', 'ave']));
      txt = `${n} ${t}`;
    }
  } else txt = pick(NAMED[s.base]);
  if (wq) txt += ' ' + pick((lang === 'fr' ? QFR : QEN)[wq]);
  return txt;
}
const art = (s, lang, t) => (lang === 'fr' && s.kind === 'num' ? `la ${t}` : t);
// choose what quadrant to write for a street, given a predicate that says whether a written quadrant is unambiguous
function chooseWq(s, ok, pDrop = 0.22) {
  if (!s.quad) return '';
  if (chance(pDrop)) {
    if (ok('')) return '';
    if (s.quad.length === 2) { const half = chance(0.5) ? s.quad[0] : s.quad[1]; if (s.kind === 'num' && ok(half) && chance(0.5)) return half; }
  }
  if (s.kind === 'named' && chance(0.35)) return ''; // named roads: a quadrant is often left off (each name is unique)
  return s.quad;
}
// a quadrant may be left off only when no other allowed street has any number in that hundred block
const ADDR_OK = (s, num) => (wq) => { const h = Math.floor(Number(num) / 100); const c = compat(s.base, wq).filter((t) => t.pts.some((p) => Math.floor(Number(p.number) / 100) === h)); return c.length === 1 && c[0] === s; };
const STREET_OK = (s) => (wq) => { const c = compat(s.base, wq); return c.length === 1 && c[0] === s; };
function renderAddress(p, lang) {
  const s = streets.get(p.street);
  const wq = chooseWq(s, ADDR_OK(s, p.number), 0.25);
  return { text: `${p.number} ${renderStreet(s, lang, wq)}`, wq };
}
function renderIntersection(c, lang) {
  const A = streets.get(c.a), B = streets.get(c.b);
  const okPair = (wa, wb) => { let n = 0; for (const x of compat(A.base, wa)) for (const y of compat(B.base, wb)) if (crossKey.has([x.name, y.name].sort().join('|'))) n++; return n === 1; };
  let first = chance(0.5) ? [A, B] : [B, A];
  let wq = [first[0].quad, first[1].quad];
  // shared quadrant written once at the end ("8 st and 10 ave se")
  if (first[0].quad && first[0].quad === first[1].quad && chance(0.45) && okPair(...(first[0] === A ? ['', A.quad] : [B.quad, '']))) wq[0] = '';
  else {
    for (const i of [0, 1]) if (first[i].quad && chance(first[i].kind === 'named' ? 0.5 : 0.15)) {
      const t = [...wq]; t[i] = '';
      const [wa, wb] = first[0] === A ? t : [t[1], t[0]];
      if (okPair(wa, wb)) wq = t;
    }
  }
  const [ta, tb] = [art(first[0], lang, renderStreet(first[0], lang, wq[0])), art(first[1], lang, renderStreet(first[1], lang, wq[1]))];
  return { ta, tb, first };
}

// ---------- services ----------
const SERVICES = [
  ['ROAD-POTHOLE', 'Pothole', 'Nid-de-poule', 'Roads', ['pothole', 'pot hole', 'hole in the road', 'nid-de-poule', 'nids-de-poule', 'trou dans la rue']],
  ['ROAD-LIGHT', 'Streetlight out', 'Lampadaire éteint', 'Roads', ['streetlight', 'street light', 'light pole', 'lamp post', 'lampadaire', 'lumière de rue']],
  ['ROAD-SIGN', 'Damaged or missing sign', 'Panneau endommagé ou manquant', 'Roads', ['stop sign', 'street sign', 'sign down', 'yield sign', 'panneau', "panneau d'arrêt"]],
  ['ROAD-SIDEWALK', 'Sidewalk or curb damage', 'Trottoir ou bordure endommagé', 'Roads', ['sidewalk', 'curb', 'slab', 'trip hazard', 'trottoir', 'bordure']],
  ['ROAD-SNOW', 'Snow and ice', 'Neige et glace', 'Roads', ['snow', 'ice', 'icy', 'plow', 'sanding', 'windrow', 'neige', 'glace', 'glacée', 'déneigement']],
  ['WASTE-GARBAGE', 'Missed garbage collection', 'Ordures non ramassées', 'Waste', ['garbage', 'black cart', 'trash', 'missed pickup', 'ordures', 'poubelle']],
  ['WASTE-RECYCLE', 'Missed recycling collection', 'Recyclage non ramassé', 'Waste', ['recycling', 'blue bin', 'blue cart', 'recyclage', 'bac bleu']],
  ['WASTE-DUMPING', 'Illegal dumping', 'Dépôt sauvage', 'Waste', ['dumped', 'dumping', 'mattress', 'couch', 'tires', 'dépôt sauvage', 'matelas']],
  ['UTIL-WATER', 'Water main, service or hydrant', "Aqueduc, entrée d'eau ou borne-fontaine", 'Utilities', ['water main', 'water leak', 'hydrant', 'no water', 'water pressure', "fuite d'eau", 'borne-fontaine', 'aqueduc']],
  ['UTIL-SEWER', 'Sewer or storm drain', 'Égout ou puisard', 'Utilities', ['sewer', 'sewage', 'storm drain', 'catch basin', 'manhole', 'égout', 'puisard', 'refoulement']],
  ['PARKS-TREE', 'Tree or branch', 'Arbre ou branche', 'Parks', ['tree', 'branch', 'limb', 'arbre', 'branche']],
  ['PARKS-PARK', 'Park or playground', 'Parc ou terrain de jeux', 'Parks', ['park', 'playground', 'swing', 'bench', 'picnic table', 'parc', 'balançoire', 'banc']],
  ['BYLAW-GRAFFITI', 'Graffiti', 'Graffiti', 'Bylaw', ['graffiti', 'graffitis', 'tagged', 'spray paint', 'tag']],
  ['BYLAW-NOISE', 'Noise complaint', 'Plainte de bruit', 'Bylaw', ['noise', 'loud music', 'party', 'barking', 'bruit', 'musique forte', 'fête']],
  ['BYLAW-PARKING', 'Parking or abandoned vehicle', 'Stationnement ou véhicule abandonné', 'Bylaw', ['parked', 'parking', 'abandoned car', 'blocking', 'stationné', 'stationnement', 'véhicule abandonné']],
  ['ANIMAL-DEAD', 'Dead animal', 'Animal mort', 'Animal Services', ['dead deer', 'dead animal', 'dead cat', 'roadkill', 'carcass', 'animal mort', 'chevreuil mort']],
  ['ANIMAL-CONTROL', 'Pets and wildlife', 'Animaux et faune', 'Animal Services', ['loose dog', 'dog at large', 'stray', 'coyote', 'skunk', 'wildlife', 'chien en liberté', 'mouffette']],
  ['GEN-OTHER', 'General inquiry', 'Demande générale', 'General', []],
];
// Problem phrases. {L} is the place phrase. Written by hand with the code a clerk would file them under.
const P_EN = {
  'ROAD-POTHOLE': ['huge pothole {L}, already lost a hubcap', 'there is a pot hole {L} that is getting deeper every day', 'Pothole {L}. Cars are swerving around it', 'big hole in the road {L}', 'pothole {L} full of water, you cant see how deep it is'],
  'ROAD-LIGHT': ['streetlight out {L}', 'the street light {L} has been flickering all week', 'light pole {L} is dark, very hard to see at night', 'street light {L} stays on all day'],
  'ROAD-SIGN': ['stop sign knocked over {L}', 'street sign missing {L}', 'the yield sign {L} is bent flat', 'no parking sign blown down {L}'],
  'ROAD-SIDEWALK': ['sidewalk slab heaved {L}, real trip hazard', 'cracked and sunken sidewalk {L}', 'broken curb {L}, chunks of concrete in the gutter'],
  'ROAD-SNOW': ['sidewalk not shovelled {L}, people walking on the road', 'the road is a sheet of ice {L}, needs sanding', 'plow left a windrow 3 feet high {L}, cant get out of the driveway', 'icy ruts {L}, my car got stuck', 'snow piled on the crosswalk {L}'],
  'WASTE-GARBAGE': ['garbage not picked up {L} this week', 'black cart missed again {L}', 'the truck skipped our garbage {L}', 'garbage cart lid broken off by the truck {L}'],
  'WASTE-RECYCLE': ['blue bin not emptied {L}', 'recycling was missed {L}, everyone else got picked up', 'recycling cart cracked {L}, need a new one'],
  'WASTE-DUMPING': ['someone dumped an old couch {L}', 'pile of tires dumped {L}', 'mattress and garbage bags dumped in the lane {L}', 'construction waste dumped {L} overnight'],
  'UTIL-WATER': ['water main break {L}, water running down the street', 'hydrant leaking {L}', 'no water {L} since this morning', 'water bubbling up through the boulevard {L}'],
  'UTIL-SEWER': ['sewer backing up into the basement {L}', 'storm drain plugged {L}, huge puddle across the road', 'manhole cover rattling loose {L}', 'catch basin frozen {L}, water pooling'],
  'PARKS-TREE': ['big branch down {L}', 'dead tree leaning over the sidewalk {L}', 'boulevard tree split in the wind {L}', 'tree branches hanging over the road {L}, trucks hit them'],
  'PARKS-PARK': ['broken swing at the playground {L}', 'picnic table smashed at the tot lot {L}', 'park bench broken {L}'],
  'BYLAW-GRAFFITI': ['graffiti sprayed on the fence {L}', 'someone tagged the utility box {L}', 'graffiti all over the bus shelter {L}'],
  'BYLAW-NOISE': ['loud party {L}, music still going at 2am', 'dog barking non stop {L} for hours', 'construction noise {L} starting at 6am'],
  'BYLAW-PARKING': ['car parked on the sidewalk {L}', 'truck blocking the fire hydrant {L}', 'abandoned car {L}, has not moved in weeks', 'RV parked on the street {L} for a month'],
  'ANIMAL-DEAD': ['dead deer on the road {L}', 'dead cat {L}', 'dead skunk {L}, smell is awful', 'roadkill {L}, looks like a porcupine'],
  'ANIMAL-CONTROL': ['loose dog {L} chasing kids', 'coyote hanging around {L} in broad daylight', 'skunk living under the deck {L}', 'two dogs running at large {L}'],
  'GEN-OTHER': ['bench at the bus stop {L} is missing', 'water meter reader left the gate open {L}', 'who do i call about a business sign {L}?'],
};
const P_FR = {
  'ROAD-POTHOLE': ['gros nid-de-poule {L}', 'il y a un nid-de-poule {L} qui grossit chaque jour', 'trou dans la rue {L}, les autos le contournent'],
  'ROAD-LIGHT': ['lampadaire éteint {L}', 'le lampadaire {L} clignote toute la nuit'],
  'ROAD-SIGN': ["panneau d'arrêt renversé {L}", 'panneau de rue manquant {L}'],
  'ROAD-SIDEWALK': ['trottoir brisé {L}, risque de chute', 'dalle de trottoir soulevée {L}'],
  'ROAD-SNOW': ['trottoir pas déneigé {L}', 'la rue est une patinoire {L}, il faut sabler', 'la déneigeuse a laissé un banc de neige énorme {L}'],
  'WASTE-GARBAGE': ['ordures pas ramassées {L} cette semaine', 'le camion a oublié notre poubelle {L}'],
  'WASTE-RECYCLE': ['bac bleu pas vidé {L}', 'le recyclage a été oublié {L}'],
  'WASTE-DUMPING': ['quelqu’un a jeté un vieux matelas {L}', 'dépôt sauvage de pneus {L}'],
  'UTIL-WATER': ["fuite d'eau {L}, l'eau coule dans la rue", 'borne-fontaine qui fuit {L}', "pas d'eau {L} depuis ce matin"],
  'UTIL-SEWER': ["l'égout refoule dans le sous-sol {L}", 'puisard bouché {L}, grosse flaque'],
  'PARKS-TREE': ['grosse branche tombée {L}', 'arbre mort penché sur le trottoir {L}'],
  'PARKS-PARK': ['balançoire brisée au terrain de jeux {L}', 'banc de parc cassé {L}'],
  'BYLAW-GRAFFITI': ['graffitis sur la clôture {L}', 'quelqu’un a tagué la boîte électrique {L}'],
  'BYLAW-NOISE': ['fête très bruyante {L}, musique forte à 2 h du matin', 'chien qui jappe sans arrêt {L}'],
  'BYLAW-PARKING': ['auto stationnée sur le trottoir {L}', 'camion stationné devant la borne-fontaine {L}', 'véhicule abandonné {L} depuis des semaines'],
  'ANIMAL-DEAD': ['chevreuil mort sur la route {L}', 'chat mort {L}'],
  'ANIMAL-CONTROL': ['chien en liberté {L}, il court après les enfants', 'un coyote rôde {L} en plein jour', 'une mouffette sous la galerie {L}'],
  'GEN-OTHER': ['le banc de l’arrêt d’autobus {L} a disparu'],
};
// Place phrases.
const AT_ADDR_EN = ['in front of {A}', 'at {A}', 'outside {A}', 'across from {A}', 'by {A}', 'near {A}', 'beside {A}'];
const AT_ADDR_FR = ['devant le {A}', 'au {A}', 'en face du {A}', 'près du {A}', 'à côté du {A}'];
const AT_X_EN = ['at {A} and {B}', 'on the corner of {A} & {B}', 'at the corner of {A} and {B}', 'at {A} & {B}', 'on {A} at {B}', 'at the intersection of {A} and {B}', 'where {A} meets {B}', 'at {A}/{B}', '@ {A} & {B}'];
const AT_X_FR = ['au coin de {A} et de {B}', "à l'intersection de {A} et de {B}"];
const AT_S_EN = ['on {S}', 'somewhere on {S}', 'along {S}', 'on {S}|(not sure of the number)', 'on {S}|, dont know the house number', 'all along {S}'];
const AT_S_FR = ['sur {S}', 'quelque part sur {S}', 'sur {S}|(je ne sais pas le numéro)'];
const NONE_EN = ['on my street', 'outside my building', 'by the school', 'downtown', 'in the back lane', 'near the grain elevator', 'on the walking path by the coulee', 'in our neighbourhood', 'somewhere in town', 'on my way to work'];
const NONE_FR = ['dans ma rue', "près de l'école", 'dans le quartier', 'au centre-ville', 'dans la ruelle'];
const LANDMARKS = [
  { name: 'Coulee Ridge Town Hall', aliases: ['town hall', 'the town office', "l'hôtel de ville"], x: -40, y: 50, en: ['outside the town hall', 'in front of the town office', 'at town hall'], fr: ["devant l'hôtel de ville"] },
  { name: 'Memorial Park', aliases: ['memorial park', 'the cenotaph park', 'le parc Memorial'], x: -200, y: 50, en: ['at memorial park', 'in Memorial Park by the cenotaph', 'in the cenotaph park'], fr: ['au parc Memorial'] },
  { name: 'Coulee Ridge Arena', aliases: ['the arena', 'the hockey rink', "l'aréna"], x: 650, y: -650, en: ['in the arena parking lot', 'behind the arena', 'by the hockey rink'], fr: ["dans le stationnement de l'aréna"] },
];
for (const l of LANDMARKS) Object.assign(l, toLL(l.x, l.y));

// ---------- people ----------
const FIRST = ['Dale', 'Sheila', 'Brent', 'Karen', 'Travis', 'Marlene', 'Kyle', 'Tanya', 'Wade', 'Lorna', 'Curtis', 'Janelle', 'Darcy', 'Gord', 'Rhonda', 'Shawn', 'Colleen', 'Reg', 'Amandeep', 'Priya', 'Jasmine', 'Hiro', 'Mateo', 'Olena'];
const FIRST_FR = ['Josée', 'Luc', 'Martine', 'Réal', 'Chantal', 'Denis', 'Sylvie', 'Gilles', 'Nathalie', 'Marc-André'];
const LAST = ['Friesen', 'Kowalchuk', 'Hutterli', 'Olson', 'Baker', 'Wiebe', 'Sandhu', 'Nakamura', 'Lindgren', 'Thiessen', 'Moroz', 'Harder', 'Bergeron', 'Gallant', 'Tremblay', 'Lapointe'];
let phoneN = 100;
const phone = () => `+1403555${String(100 + (phoneN = (phoneN * 37 + 11) % 900)).padStart(4, '0')}`;
const fmtPhone = (p) => pick([`403-555-${p.slice(-4)}`, `(403) 555-${p.slice(-4)}`, `403.555.${p.slice(-4)}`]);

// ---------- message assembly ----------
const T0 = Date.parse('2026-11-02T13:00:00Z'), SPAN = 84 * 24 * 3600e3;
const PLACED = []; // {code, lat, lon, t, g}
const metres = (a, b) => Math.hypot((a.lat - b.lat) * M_LAT, (a.lon - b.lon) * M_LON);
const clash = (code, pt, t, g) => PLACED.some((o) => o.code === code && o.lat != null && pt && (g == null || o.g !== g) && metres(o, pt) < 110 && Math.abs(o.t - t) < 90 * 3600e3);
const addrPts = points.filter((p) => !['Highway 3', 'Range Road 215'].includes(p.street));
const rural = points.filter((p) => ['Highway 3', 'Range Road 215'].includes(p.street));
const midpointOf = (s) => {
  // central address point: sort along the principal axis (oriented east or north), index floor((n-1)/2)
  const pts = s.pts, n = pts.length;
  const mx = pts.reduce((a, p) => a + p.x, 0) / n, my = pts.reduce((a, p) => a + p.y, 0) / n;
  let sxx = 0, sxy = 0, syy = 0;
  for (const p of pts) { sxx += (p.x - mx) ** 2; sxy += (p.x - mx) * (p.y - my); syy += (p.y - my) ** 2; }
  const th = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  let v = [Math.cos(th), Math.sin(th)];
  if ((Math.abs(v[0]) >= Math.abs(v[1]) && v[0] < 0) || (Math.abs(v[0]) < Math.abs(v[1]) && v[1] < 0)) v = [-v[0], -v[1]];
  const sorted = pts.map((p) => ({ p, t: p.x * v[0] + p.y * v[1] })).sort((a, b) => a.t - b.t);
  const i = Math.floor((n - 1) / 2);
  const gap = Math.min(i > 0 ? sorted[i].t - sorted[i - 1].t : 99, i + 1 < n ? sorted[i + 1].t - sorted[i].t : 99);
  return gap >= 1.5 ? sorted[i].p : null;
};
const blockMid = (s, h) => { const b = s.pts.filter((p) => Number(p.number) >= h && Number(p.number) <= h + 99).sort((a, c) => Number(a.number) - Number(c.number)); return b.length >= 3 ? b[Math.floor((b.length - 1) / 2)] : null; };
const streetChoices = order.filter((s) => s.pts.length >= 6 && midpointOf(s));

// A place: {kind, phrase(lang) -> string, label}
function placeAddress(p, lang, tmpl) {
  const a = renderAddress(p, lang);
  return { text: (tmpl || pick(lang === 'fr' ? AT_ADDR_FR : AT_ADDR_EN)).replace('{A}', a.text), bare: a.text, label: { address: `${p.number} ${p.street}`, precision: 'address', lat: p.lat, long: p.lon } };
}
function placeIntersection(c, lang) {
  const r = renderIntersection(c, lang);
  const tm = pick(lang === 'fr' ? AT_X_FR : AT_X_EN);
  return { text: tm.replace('{A}', r.ta).replace('{B}', r.tb), label: { address: `${c.a} & ${c.b}`, precision: 'intersection', lat: c.lat, long: c.lon } };
}
function placeStreet(s, lang) {
  const wq = chooseWq(s, STREET_OK(s), 0.25);
  if (s.kind === 'num' && chance(0.2)) {
    // "the 1000 block of 8 st se"
    const blocks = [...new Set(s.pts.map((p) => Math.floor(Number(p.number) / 100) * 100))].filter((h) => h >= 100 && blockMid(s, h));
    if (blocks.length) {
      const h = pick(blocks), p = blockMid(s, h);
      const st = art(s, lang, renderStreet(s, lang, wq));
      return { text: lang === 'fr' ? `dans le bloc ${h} de ${st}` : `in the ${h} block of ${st}`, label: { address: s.name, precision: 'street', lat: p.lat, long: p.lon } };
    }
  }
  const p = midpointOf(s);
  const st = art(s, lang, renderStreet(s, lang, wq));
  const [tx, tail] = pick(lang === 'fr' ? AT_S_FR : AT_S_EN).replace('{S}', st).split('|');
  return { text: tx, tail, label: { address: s.name, precision: 'street', lat: p.lat, long: p.lon } };
}
const f6 = (v, d = 6) => v.toFixed(d).replace(/0+$/, '').replace(/\.$/, '');
function placeCoords(p, lang, forceForm) {
  const ang = rnd() * 2 * Math.PI, dist = rnd() * 7;
  const ll = { lat: p.lat + (dist * Math.sin(ang)) / M_LAT, lon: p.lon + (dist * Math.cos(ang)) / M_LON };
  const d = pick([5, 6, 6]);
  const la = f6(ll.lat, d), lo = f6(ll.lon, d);
  const form = forceForm || pick(['q', 'q', 'at', 'geo', 'apple', 'bare', 'bare', 'wa']);
  let text;
  if (form === 'q') text = `https://www.google.com/maps?q=${la},${lo}`;
  else if (form === 'wa') text = `📍 https://maps.google.com/?q=${la},${lo}`;
  else if (form === 'geo') text = `geo:${la},${lo}${chance(0.5) ? '?z=18' : ''}`;
  else if (form === 'apple') text = `https://maps.apple.com/?ll=${la},${lo}&q=Dropped%20Pin`;
  else if (form === 'at') {
    // the map view is centred elsewhere; the pin (!3d!4d) is the place
    const cla = f6(ll.lat + (rnd() - 0.5) * 0.0012, 7), clo = f6(ll.lon + (rnd() - 0.5) * 0.002, 7);
    text = `https://www.google.com/maps/place/${la}N+${lo.replace('-', '')}W/@${cla},${clo},18z/data=!4m4!3m3!8m2!3d${la}!4d${lo}`;
  } else text = lang === 'fr' ? `aux coordonnées ${la}, ${lo}` : pick([`at ${la}, ${lo}`, `gps says ${la} ${lo}`, `(${la}, ${lo})`]);
  return { text, form, label: { address: null, precision: 'coordinates', lat: Number(la), long: Number(lo) } };
}
function placeLandmark(l, lang) { return { text: pick(lang === 'fr' ? l.fr : l.en), label: { address: null, precision: 'coordinates', lat: l.lat, long: l.lon } }; }
function placeNone(lang) { return { text: pick(lang === 'fr' ? NONE_FR : NONE_EN), label: { address: null, precision: 'none', lat: null, long: null } }; }

const EN_GREET = ['Hi,', 'Hello,', 'Good morning,', 'To whom it may concern,', 'Hi there,'];
const EN_SIGN = ['Thanks,', 'Thank you,', 'Regards,', 'Cheers,'];
const FR_GREET = ['Bonjour,', 'Bonjour à la Ville,'];
const FR_SIGN = ['Merci,', 'Merci beaucoup,', 'Cordialement,'];
const cap = (s) => s[0].toUpperCase() + s.slice(1);
function sentence(code, place, lang) {
  const t = pick((lang === 'fr' ? P_FR : P_EN)[code]);
  let out = t.replace('{L}', place.text).replace(/\.\./g, '.');
  if (place.tail) out = out.replace(/[.!?]?$/, '') + (place.tail.startsWith(',') ? '' : ' ') + place.tail;
  return out;
}
function homeAddress(lang, avoid) {
  for (;;) { const p = pick(addrPts); if (!avoid || p.street !== avoid) return { p, text: `${p.number} ${p.street}` }; }
}
function compose(channel, lang, code, place, opts = {}) {
  const ph = phone();
  const first = pick(lang === 'fr' ? FIRST_FR : FIRST), last = pick(LAST);
  const email = `${first.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '')}.${last.toLowerCase()}${chance(0.3) ? ri(90) + 10 : ''}@example.${pick(['ca', 'com', 'net'])}`;
  let body = opts.body || sentence(code, place, lang);
  if (opts.question) body = opts.question;
  if (opts.liveAt) {
    const home = opts.liveAt;
    body = lang === 'fr' ? `J'habite au ${home}, mais le problème est ailleurs : ${body}` : `I live at ${home} but the problem is not at my place: ${body}`;
  }
  let text, subject = null, sender;
  if (channel === 'sms') { text = chance(0.5) ? body.toLowerCase().replace(/(?<![\w/])([a-z]+)[.,](?![\w])/g, '$1') : cap(body); if (chance(0.3)) text += lang === 'fr' ? pick([' merci', ' svp', ' merci!']) : pick([' thx', ' thanks', ' pls fix']); sender = { phone: ph, email: null }; }
  else if (channel === 'whatsapp') { text = (chance(0.4) ? pick(['Hey, ', 'Hi ', 'Bonjour, ']) : '') + body + (chance(0.3) ? ' 🙏' : ''); if (lang === 'en' && text.startsWith('Bonjour')) text = text.replace('Bonjour, ', 'Hey, '); sender = { phone: ph, email: null }; }
  else if (channel === 'web') { text = cap(body) + (lang === 'fr' ? pick(['', ' Merci!', ' Merci de votre aide.']) : pick(['', ' Thanks.', ' Thanks for your help.', ' Please send someone.'])); sender = { phone: null, email }; }
  else if (channel === 'email') {
    const sigAddr = opts.sig === false ? null : homeAddress(lang, place.label.precision === 'address' ? place.label.address.replace(/^\S+ /, '') : place.label.address);
    const sig = [`${first} ${last}`];
    if (sigAddr) sig.push(sigAddr.text, 'Coulee Ridge, AB T0K 9Z9');
    if (chance(0.4)) sig.push(fmtPhone(ph));
    text = `${pick(lang === 'fr' ? FR_GREET : EN_GREET)}\n\n${cap(body).replace(/([^.!?])$/, '$1.')}${lang === 'fr' ? '' : pick(['', ' Please send someone to look at it.', ' It has been like this for a few days.'])}\n\n${pick(lang === 'fr' ? FR_SIGN : EN_SIGN)}\n${sig.join('\n')}${chance(0.25) ? '\n\nSent from my iPhone' : ''}`;
    subject = opts.subject || pick(lang === 'fr' ? ['Signalement', 'Problème dans la rue', 'Demande de service'] : ['Report', 'Service request', 'Problem on our street', 'Please fix', '311']);
    sender = { phone: null, email };
  } else { // transcript
    const fr = lang === 'fr';
    const C = fr ? 'Agent' : 'Clerk', K = fr ? 'Appelant' : 'Caller';
    const lines = [`${C}: ${fr ? 'Ville de Coulee Ridge, bonjour.' : pick(['Coulee Ridge 311, how can I help?', 'Town of Coulee Ridge, what are you reporting today?'])}`];
    if (opts.transcriptAddr) {
      const { p, problem, said, st } = opts.transcriptAddr;
      lines.push(`${K}: ${problem}`);
      lines.push(`${C}: ${fr ? "Quelle est l'adresse?" : 'What is the address there?'}`);
      lines.push(`${K}: ${said}`);
      lines.push(`${C}: ${p.number} ${st}${fr ? ', noté.' : ', got it.'}`);
    } else lines.push(`${K}: ${cap(body)}`);
    lines.push(`${C}: ${fr ? 'Un numéro pour vous rappeler?' : 'Can I get a callback number?'}`);
    lines.push(`${K}: ${fmtPhone(ph)}.`);
    lines.push(`${C}: ${fr ? "Merci, c'est transmis à l'équipe." : pick(['Thanks, I have sent that to the crew.', 'Alright, the ticket is in.'])}`);
    text = lines.join('\n');
    sender = { phone: ph, email: null };
  }
  return { text, subject, sender };
}

// ---------- plan the corpus ----------
const CODES = SERVICES.map((s) => s[0]).filter((c) => c !== 'GEN-OTHER');
const WEIGHT = { 'ROAD-POTHOLE': 3, 'ROAD-SNOW': 3, 'ROAD-LIGHT': 2, 'WASTE-GARBAGE': 2, 'BYLAW-NOISE': 2, 'BYLAW-PARKING': 2 };
const codeBag = [...CODES, 'GEN-OTHER'].flatMap((c) => Array(WEIGHT[c] || 1).fill(c));
const msgs = [];
const CHANNELS = ['sms', 'sms', 'sms', 'email', 'email', 'web', 'web', 'transcript', 'transcript', 'whatsapp', 'whatsapp'];
function push(m) { msgs.push(m); PLACED.push({ code: m.expected.service_code, lat: m.expected.lat, lon: m.expected.long, t: m.t, g: m.dedupe_group }); }
function mk(channel, lang, code, place, t, g = null, opts = {}) {
  const c = compose(channel, lang, code, place, opts);
  return { channel, text: c.text, subject: c.subject, sender: opts.sender || c.sender, t, expected: { service_code: code, ...place.label, intent: opts.question ? 'question' : 'report' }, dedupe_group: g, lang };
}
const randT = () => T0 + Math.floor(rnd() * SPAN / 60000) * 60000;

// dedupe groups first
const gridPts = addrPts.filter((p) => streets.get(p.street).kind !== 'named' || rnd() < 0.3);
for (let g = 1; g <= 14; g++) {
  const gid = `dg-${String(g).padStart(3, '0')}`;
  const code = pick(codeBag);
  let anchor, t0, tries = 0;
  do { anchor = pick(gridPts); t0 = randT(); tries++; } while (clash(code, anchor, t0, null) && tries < 200);
  const s = streets.get(anchor.street);
  const n = chance(0.35) ? 3 : 2;
  const forms = ['same', 'neighbour', 'coords', 'cross'].sort(() => rnd() - 0.5);
  const members = [];
  for (let i = 0; i < n; i++) {
    const lang = chance(0.15) ? 'fr' : 'en';
    let place = null;
    for (const f of [forms[i % forms.length], 'same']) {
      if (f === 'same') place = placeAddress(anchor, lang);
      else if (f === 'neighbour') { const nb = s.pts.filter((q) => q !== anchor && Math.hypot(q.x - anchor.x, q.y - anchor.y) < 40); if (nb.length) place = placeAddress(pick(nb), lang); }
      else if (f === 'coords') place = placeCoords(anchor, lang);
      else if (f === 'cross') { const c = crossings.filter((c) => c.a === s.name || c.b === s.name).find((c) => Math.hypot(c.x - anchor.x, c.y - anchor.y) < 45); if (c) place = placeIntersection(c, lang); }
      if (place) break;
    }
    const t = t0 + (i === 0 ? 0 : Math.floor(rnd() * 46 * 60) * 60000 + 30 * 60000);
    const ch = pick(CHANNELS);
    members.push(mk(ch, lang, code, place, t, gid));
  }
  const pts = members.map((m) => ({ lat: m.expected.lat, lon: m.expected.long }));
  if (pts.some((a) => pts.some((b) => metres(a, b) > 70))) { g--; continue; }
  for (const m of members) push(m);
}

// singles: [precision, count]
const PLAN = [['address', 112], ['intersection', 52], ['street', 40], ['coordinates', 24], ['landmark', 4], ['none', 26]];
for (const [kind, count] of PLAN) for (let i = 0; i < count; i++) {
  const lang = chance(0.12) ? 'fr' : 'en';
  let channel = pick(CHANNELS);
  if (kind === 'coordinates' && channel === 'transcript' && chance(0.7)) channel = 'whatsapp';
  const code = kind === 'none' && chance(0.25) ? null : pick(codeBag);
  let place, t, tries = 0, opts = {};
  for (;;) {
    t = randT();
    if (kind === 'address') place = placeAddress(chance(0.06) ? pick(rural) : pick(addrPts), lang);
    else if (kind === 'intersection') place = placeIntersection(pick(crossings), lang);
    else if (kind === 'street') place = placeStreet(pick(streetChoices), lang);
    else if (kind === 'coordinates') place = placeCoords(pick(addrPts), lang, channel === 'whatsapp' && chance(0.5) ? 'wa' : ['q', 'at', 'geo', 'apple', 'bare', 'at', 'q', 'bare'][i % 8]);
    else if (kind === 'landmark') place = placeLandmark(pick(LANDMARKS), lang);
    else place = placeNone(lang);
    const pt = place.label.lat == null ? null : { lat: place.label.lat, lon: place.label.long };
    if (!clash(code || 'Q', pt, t, null) || ++tries > 300) break;
  }
  let fcode = code;
  if (kind === 'none' && code === null) {
    // questions with no place
    const Q = lang === 'fr'
      ? [['WASTE-RECYCLE', 'Quel jour est la collecte du recyclage à Coulee Ridge?'], ['GEN-OTHER', 'Comment obtenir une licence pour mon chien?'], ['ROAD-SNOW', 'Quand la ville va-t-elle déneiger les rues résidentielles?']]
      : [['WASTE-GARBAGE', 'what day is garbage pickup? we just moved to town'], ['GEN-OTHER', 'How do I renew my dog licence?'], ['ROAD-SNOW', 'When does the town plow the residential streets after a storm?'], ['WASTE-RECYCLE', 'is glass accepted in the blue bin?'], ['GEN-OTHER', 'what are the hours at the town office over christmas?'], ['PARKS-PARK', 'are the outdoor rinks flooded yet this year?']];
    const [c2, q] = pick(Q);
    fcode = c2; opts.question = q;
  }
  // email signatures carry the writer's own address; some writers also say where they live
  if (kind === 'address' || kind === 'intersection' || kind === 'street') {
    if (channel !== 'transcript' && chance(0.07)) opts.liveAt = homeAddress(lang, place.label.precision === 'address' ? place.label.address.replace(/^\S+ /, '') : place.label.address).text;
  }
  if (kind === 'none' && channel === 'email') opts.sig = false;
  if (kind === 'address' && channel === 'transcript' && chance(0.55)) {
    const p = { number: place.label.address.split(' ')[0], street: place.label.address.replace(/^\S+ /, '') };
    const problem = cap(sentence(fcode, { text: lang === 'fr' ? 'devant chez nous' : pick(['in front of the house', 'on our block', 'out front']) }, lang));
    const st = place.bare.replace(/^\S+ /, '');
    let said;
    if (chance(0.35) && Number(p.number) >= 100) {
      let wrong = String(Number(p.number) + pick([-300, 200, 100, -100, 10]));
      said = lang === 'fr' ? `C'est le ${wrong}, non pardon, ${p.number} ${st}.` : `It's ${wrong}, no sorry, ${p.number} ${st}.`;
    } else said = lang === 'fr' ? `Au ${p.number} ${st}.` : pick([`It's ${p.number} ${st}.`, `${p.number} ${st}, right out front.`]);
    opts.transcriptAddr = { p, problem, said, st };
  }
  const m = mk(channel, lang, fcode, place, t, null, opts);
  push(m);
}

// ---------- finish: sort, number per channel ----------
msgs.sort((a, b) => a.t - b.t);
const perCh = {};
const lines = msgs.map((m) => {
  perCh[m.channel] = (perCh[m.channel] || 0) + 1;
  const o = { id: `${m.channel}-${String(perCh[m.channel]).padStart(4, '0')}`, channel: m.channel, text: m.text, subject: m.subject, sender: m.sender, received_at: new Date(m.t).toISOString().replace('.000Z', 'Z'), expected: m.expected, dedupe_group: m.dedupe_group, lang: m.lang };
  return JSON.stringify(o);
});
fs.writeFileSync(path.join(OUT, 'corpus.jsonl'), lines.join('\n') + '\n');

// ---------- intake.yaml ----------
const y = [];
y.push('# Coulee Ridge, Alberta: a SYNTHETIC prairie town with quadrant addressing, for evaluating Intake (no such town exists).');
y.push('# Generated by tools/generate.mjs. Relative paths are read from this file\'s folder.');
y.push('jurisdiction:', '  id: couleeridge-ab.example', '  name: Town of Coulee Ridge', '  names: { fr: Ville de Coulee Ridge }', '  country: CA', '  timezone: America/Edmonton', '  languages: [en, fr]', '  landmarks:');
for (const l of LANDMARKS) y.push(`    - { name: ${l.name}, aliases: [${l.aliases.map((a) => (/[':]/.test(a) ? `"${a}"` : a)).join(', ')}], lat: ${l.lat.toFixed(7)}, long: ${l.lon.toFixed(7)} }`);
y.push('', 'server:', '  port: ${PORT:-3000}', '  public_url: ${INTAKE_PUBLIC_URL:-http://localhost:3000}', '  admin_token: ${INTAKE_ADMIN_TOKEN:-demo-admin-token}', '', 'redis:', '  url: ${REDIS_URL:-redis://127.0.0.1:6379}', '', 'channels:', '  web: {}', '  transcripts: { api_keys: ["${INTAKE_TRANSCRIPTS_KEY:-demo-transcripts-key}"] }', '', 'services:');
const yq = (s) => (/[':,#&]/.test(s) ? `"${s}"` : s);
for (const [code, name, fr, group, kw] of SERVICES) y.push(`  - code: ${code}`, `    name: ${name}`, `    group: ${group}`, `    names: { fr: ${yq(fr)} }`, `    keywords: [${kw.map(yq).join(', ')}]`);
y.push('', 'geocoding:', '  providers:', '    - { type: gazetteer, file: ./addresses.csv }', '', 'classification: { fallback_code: GEN-OTHER }', '', 'dedupe: { radius_m: 75, window_hours: 72 }', '', 'router:', '  destinations:', '    outbox: { type: file, path: "${INTAKE_DATA_DIR:-.intake}/outbox.jsonl" }', '  default: { deliver_to: [outbox] }', '');
fs.writeFileSync(path.join(OUT, 'intake.yaml'), y.join('\n'));

// ---------- summary ----------
const cnt = (f) => msgs.filter(f).length;
console.log(`addresses.csv: ${points.length} points on ${streets.size} streets; ${crossings.length} crossings`);
console.log(`corpus.jsonl: ${msgs.length} messages`);
for (const k of ['address', 'intersection', 'street', 'coordinates', 'none']) console.log(`  ${k}: ${cnt((m) => m.expected.precision === k)}`);
for (const c of ['sms', 'email', 'transcript', 'web', 'whatsapp']) console.log(`  ${c}: ${cnt((m) => m.channel === c)}`);
console.log(`  fr: ${cnt((m) => m.lang === 'fr')}, en: ${cnt((m) => m.lang === 'en')}; groups: 14`);

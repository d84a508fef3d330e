// Deterministic generator for the Mesa Park (synthetic, Alberta-style quadrant town) evaluation corpus.
// Writes ../addresses.csv, ../intake.yaml and ../corpus.jsonl. Run: node tools/generate.mjs
// Every label is decided from the generator's own choice of place and service, never from any parser;
// ../README.md states the conventions.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------- seeded randomness ----------
let seed = 4031122;
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

// ---------- the town: a quadrant grid ----------
// Streets run north-south at x = k blocks (Centre St at k = 0), avenues east-west at y = j blocks (Centre Ave at j = 0).
// The quadrant suffix tells the side of Centre St (E/W) and of Centre Ave (N/S). House numbers count blocks from the
// centre lines (100 per block): on an avenue from Centre St, on a street from Centre Ave.
const LAT0 = 50.2986, LON0 = -112.7412, BLOCK = 120;
const M_LAT = 111320, M_LON = 111320 * Math.cos((LAT0 * Math.PI) / 180);
const CITY = 'Mesa Park', REGION = 'AB', DISTRICT = 'Coulee County';
const W_STREETS = 13, E_STREETS = 9, N_AVES = 8, S_AVES = 17;
const streets = new Map();
const rows = [];
function street(name, props = {}) {
  if (!streets.has(name)) streets.set(name, { name, rows: [], ...props });
  return streets.get(name);
}
const inPark = (x, y) => x > -3 * BLOCK && x < -1 * BLOCK && y > -6 * BLOCK && y < -4 * BLOCK; // Memorial Park
function addRow(st, num, x, y, unit = '') {
  if (inPark(x, y) || num <= 0) return null;
  const row = { lon: +(LON0 + x / M_LON).toFixed(7), lat: +(LAT0 + y / M_LAT).toFixed(7), number: String(num), street: st.name, unit, x, y };
  rows.push(row);
  st.rows.push(row);
  return row;
}
const quad = (x, y) => (y > 0 ? 'N' : 'S') + (x > 0 ? 'E' : 'W');
const aveName = (j, x) => (j === 0 ? `Centre Ave ${x > 0 ? 'E' : 'W'}` : `${Math.abs(j)} Ave ${quad(x, j)}`);
const stName = (k, y) => (k === 0 ? `Centre St ${y > 0 ? 'N' : 'S'}` : `${Math.abs(k)} St ${quad(k, y)}`);
const LOT_AVE = [24, 54, 84], LOT_ST = [40, 80];
// Lots along avenue j between street lines b and b+1: odd numbers on the north side.
function avenueBlock(j, b) {
  for (const side of [1, -1]) for (const off of LOT_AVE) {
    if (chance(0.08)) continue;
    const d = off + ri(-2, 2) * 2;
    const xAbs = (b >= 0 ? b : -b - 1) * BLOCK + d;
    const x = (b >= 0 ? xAbs : -xAbs) + (rnd() - 0.5) * 3;
    const y = j * BLOCK + side * 12 + (rnd() - 0.5) * 3;
    const num = Math.floor(xAbs / BLOCK) * 100 + Math.round(((xAbs % BLOCK) / BLOCK) * 98 / 2) * 2 + (side > 0 ? 1 : 0);
    addRow(street(aveName(j, x), { orient: 'ew', line: j }), num, x, y);
  }
}
// Lots along street k between avenue lines b and b+1: odd numbers on the east side.
function streetBlock(k, b) {
  for (const side of [1, -1]) for (const off of LOT_ST) {
    if (chance(0.08)) continue;
    const d = off + ri(-3, 3) * 2;
    const yAbs = (b >= 0 ? b : -b - 1) * BLOCK + d;
    const y = (b >= 0 ? yAbs : -yAbs) + (rnd() - 0.5) * 3;
    const x = k * BLOCK + side * 12 + (rnd() - 0.5) * 3;
    const num = Math.floor(yAbs / BLOCK) * 100 + Math.round(((yAbs % BLOCK) / BLOCK) * 98 / 2) * 2 + (side > 0 ? 1 : 0);
    addRow(street(stName(k, y), { orient: 'ns', line: k }), num, x, y);
  }
}
for (let j = -S_AVES; j <= N_AVES; j++) for (let b = -W_STREETS; b < E_STREETS; b++) avenueBlock(j, b);
for (let k = -W_STREETS; k <= E_STREETS; k++) for (let b = -S_AVES; b < N_AVES; b++) streetBlock(k, b);
// Three streets and four avenues continue out to the highways.
for (const k of [-4, 0, 6]) streetBlock(k, N_AVES);
for (const j of [-12, -6, 0, 2]) avenueBlock(j, E_STREETS);

// Highway 1A runs east-west along the north edge, Route 22 north-south along the east edge; their numbers count
// metres/10 from the town's west and south limits, as rural addressing does.
const HWY_Y = (N_AVES + 1) * BLOCK, RTE_X = (E_STREETS + 1) * BLOCK;
{
  const hwy = street('Highway 1A', { orient: 'ew', line: 'hwy' });
  for (let x = -W_STREETS * BLOCK + 30; x < RTE_X - 20; x += 38) for (const side of [1, -1]) {
    if (chance(0.3)) continue;
    const xx = x + ri(-4, 4), num = Math.round((xx + W_STREETS * BLOCK + 200) / 10) * 2 + (side > 0 ? 1 : 0) + 1000;
    addRow(hwy, num, xx, HWY_Y + side * 18 + (rnd() - 0.5) * 4);
  }
  const rte = street('Route 22', { orient: 'ns', line: 'rte' });
  for (let y = -S_AVES * BLOCK + 30; y < HWY_Y - 20; y += 40) for (const side of [1, -1]) {
    if (chance(0.3)) continue;
    const yy = y + ri(-4, 4), num = Math.round((yy + S_AVES * BLOCK + 200) / 10) * 2 + (side > 0 ? 1 : 0);
    addRow(rte, num, RTE_X + side * 18 + (rnd() - 0.5) * 4, yy);
  }
}

// Named subdivisions at the edges: crescents, drives, ways, closes and lanes with multi-word names.
function polyline(st, pts, spacing, start, sideOff = 14) {
  let num = start, acc = 0;
  for (let i = 0; i + 1 < pts.length; i++) {
    const [x0, y0] = pts[i], [x1, y1] = pts[i + 1];
    const len = Math.hypot(x1 - x0, y1 - y0), ux = (x1 - x0) / len, uy = (y1 - y0) / len;
    for (let t = (spacing - acc) % spacing || spacing / 2; t < len; t += spacing) {
      for (const side of [1, -1]) {
        if (chance(0.1)) continue;
        addRow(st, num + (side > 0 ? 1 : 0), x0 + ux * t - uy * side * sideOff + (rnd() - 0.5) * 2, y0 + uy * t + ux * side * sideOff + (rnd() - 0.5) * 2);
      }
      num += 4;
      acc = len - t;
    }
  }
}
const arc = (cx, cy, r, a0, a1, n) => Array.from({ length: n + 1 }, (_, i) => {
  const a = a0 + ((a1 - a0) * i) / n;
  return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
});
const B = BLOCK, WX = -W_STREETS * B, SY = -S_AVES * B;
// North-west: Ranchview, beyond 13 St NW
polyline(street('Ranchview Drive NW', { orient: 'ns' }), [[WX - 150, 60], [WX - 150, 7 * B]], 26, 1);
polyline(street('Ranchview Crescent NW', { orient: 'arc' }), arc(WX - 150, 4 * B, 170, Math.PI / 2, Math.PI * 1.5, 14), 26, 2);
polyline(street('Ranchview Close NW', { orient: 'ew' }), [[WX - 150, 1.5 * B], [WX - 330, 1.5 * B]], 24, 2);
polyline(street('Sage Meadows Way NW', { orient: 'ew' }), [[WX - 20, 7.5 * B], [WX - 420, 7.2 * B]], 28, 5);
// South-west: Coach Hill, beyond 17 Ave SW
polyline(street('Coach Hill Way SW', { orient: 'ew' }), [[-11 * B, SY - 160], [-8 * B, SY - 190], [-5 * B, SY - 160]], 26, 3);
polyline(street('Coach Hill Road SW', { orient: 'ns' }), [[-8 * B, SY - 12], [-8 * B, SY - 175]], 26, 101);
polyline(street('Coach Hill Place SW', { orient: 'ns' }), [[-6 * B, SY - 175], [-6 * B, SY - 330]], 24, 2);
polyline(street('Aspen Bluff Lane SW', { orient: 'ew' }), [[-11 * B, SY - 330], [-6.3 * B, SY - 330]], 30, 11);
// South-east: Prairie Sage and Willow Park, beyond 17 Ave SE
polyline(street('Willow Park Drive SE', { orient: 'ew' }), [[1 * B, SY - 150], [4 * B, SY - 200], [7 * B, SY - 150]], 27, 1);
polyline(street('Prairie Sage Close SE', { orient: 'ns' }), [[3 * B, SY - 188], [3 * B, SY - 330]], 24, 2);
polyline(street('Prairie Sage Crescent SE', { orient: 'arc' }), arc(5.5 * B, SY - 250, 110, Math.PI, Math.PI * 2, 10), 25, 1);
// North-east: Old Mill, between 9 St NE and Route 22
polyline(street('Old Mill Lane NE', { orient: 'ns' }), [[9.5 * B, 3 * B], [9.5 * B, HWY_Y - 30]], 30, 3);

// A few apartment buildings: extra rows with units at the same point (labels drop units).
const APT_HOSTS = [];
for (let i = 0; i < 20; i++) {
  const r = pick(rows.filter((w) => !w.unit && /Ave|St/.test(w.street) && Math.abs(w.x) < 4 * B && Math.abs(w.y) < 5 * B));
  if (APT_HOSTS.includes(r)) continue;
  APT_HOSTS.push(r);
  r.apartments = true;
  for (let u = 1; u <= 4; u++) {
    const row = { ...r, unit: `APT ${u}` };
    delete row.apartments;
    rows.push(row);
    streets.get(r.street).rows.push(row);
  }
}
// Keys duplicated at different points would make an address label ambiguous: drop later duplicates.
{
  const seen = new Map();
  const keep = [];
  for (const r of rows) {
    const k = `${r.number} ${r.street}`;
    const first = seen.get(k);
    if (first && (first.lat !== r.lat || first.lon !== r.lon)) continue;
    if (!first) seen.set(k, r);
    keep.push(r);
  }
  rows.length = 0;
  rows.push(...keep);
  const kept = new Set(keep);
  for (const st of streets.values()) st.rows = st.rows.filter((r) => kept.has(r));
}

// ---------- geometry for labels ----------
const metres = (a, b) => Math.hypot(a.x - b.x, a.y - b.y);
function axisOrder(pts) {
  const toM = (p) => [(p.lon - LON0) * M_LON, (p.lat - LAT0) * M_LAT];
  const xy = pts.map(toM);
  const mx = xy.reduce((s, p) => s + p[0], 0) / xy.length, my = xy.reduce((s, p) => s + p[1], 0) / xy.length;
  let sxx = 0, sxy = 0, syy = 0;
  for (const [x, y] of xy) { sxx += (x - mx) ** 2; sxy += (x - mx) * (y - my); syy += (y - my) ** 2; }
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  let v = [Math.cos(theta), Math.sin(theta)];
  if ((Math.abs(v[0]) >= Math.abs(v[1]) && v[0] < 0) || (Math.abs(v[0]) < Math.abs(v[1]) && v[1] < 0)) v = [-v[0], -v[1]];
  return pts.map((p, i) => ({ p, t: xy[i][0] * v[0] + xy[i][1] * v[1] })).sort((a, b) => a.t - b.t).map((e) => e.p);
}
function centralRow(st) {
  const sorted = axisOrder(st.rows.filter((r) => !r.unit && r.number !== '0'));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
function blockRow(st, hundred) {
  const inBlock = st.rows.filter((r) => !r.unit && +r.number >= hundred && +r.number <= hundred + 99).sort((a, b) => a.number - b.number);
  return inBlock.length ? inBlock[Math.floor((inBlock.length - 1) / 2)] : null;
}
// Crossings: two streets of different orientation whose closest pair of address points is at most 50 m apart.
const crossings = [];
{
  const list = [...streets.values()];
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
    const a = list[i], b = list[j];
    if (a.orient === b.orient) continue;
    let best = null;
    for (const p of a.rows) for (const q of b.rows) {
      const d = metres(p, q);
      if (!best || d < best.d) best = { d, p, q };
    }
    if (best.d > 50) continue;
    const [s1, s2] = a.name < b.name ? [a, b] : [b, a];
    crossings.push({ a: s1, b: s2, label: `${s1.name} & ${s2.name}`, lat: +((best.p.lat + best.q.lat) / 2).toFixed(9), lon: +((best.p.lon + best.q.lon) / 2).toFixed(9), x: (best.p.x + best.q.x) / 2, y: (best.p.y + best.q.y) / 2 });
  }
}

// ---------- services and landmarks ----------
const SERVICES = [
  ['RD-POTHOLE', 'Pothole', 'Roads', 'Baches', ['pothole', 'pot hole', 'hole in the road', 'bache', 'hoyo en la calle']],
  ['RD-SNOW', 'Snow and ice on roads', 'Roads', 'Nieve y hielo', ['snow', 'ice', 'icy', 'plow', 'sanding', 'nieve', 'hielo', 'quitanieves']],
  ['RD-SIGN', 'Damaged or missing sign', 'Traffic', 'Letrero dañado', ['stop sign', 'street sign', 'sign down', 'yield sign', 'letrero', 'senal de alto']],
  ['TR-SIGNAL', 'Traffic signal problem', 'Traffic', 'Semáforo', ['traffic light', 'traffic signal', 'signal not working', 'semaforo']],
  ['ST-LIGHT', 'Streetlight out', 'Roads', 'Farola apagada', ['streetlight', 'street light', 'light out', 'lamp post', 'farola', 'poste de luz', 'alumbrado']],
  ['SW-REPAIR', 'Sidewalk damage', 'Roads', 'Banqueta dañada', ['sidewalk', 'curb', 'trip hazard', 'acera', 'banqueta', 'bordillo']],
  ['WS-MISSED', 'Missed cart collection', 'Waste', 'Recolección no realizada', ['missed pickup', 'not picked up', 'black cart', 'blue cart', 'green cart', 'no recogieron', 'basura']],
  ['WS-DUMP', 'Illegal dumping', 'Waste', 'Tiradero ilegal', ['dumped', 'dumping', 'mattress', 'pile of junk', 'tiraron', 'tiradero']],
  ['GR-GRAFFITI', 'Graffiti on public property', 'Parks', 'Grafiti', ['graffiti', 'tagged', 'spray paint', 'grafiti', 'pintas']],
  ['PK-TREE', 'Tree or branch down', 'Parks', 'Árbol o rama caída', ['tree', 'branch', 'limb', 'fallen tree', 'arbol', 'rama']],
  ['UT-WATER', 'Water main break or leak', 'Utilities', 'Fuga de agua', ['water main', 'water leak', 'hydrant', 'leaking', 'fuga de agua', 'hidrante']],
  ['UT-DRAIN', 'Catch basin or street flooding', 'Utilities', 'Drenaje tapado', ['catch basin', 'storm drain', 'flooding', 'flooded', 'standing water', 'alcantarilla', 'inundada', 'coladera']],
  ['AN-DEAD', 'Dead animal on public land', 'Animal Services', 'Animal muerto', ['dead animal', 'dead deer', 'dead cat', 'carcass', 'roadkill', 'animal muerto']],
  ['AN-LOOSE', 'Loose dog or animal at large', 'Animal Services', 'Perro suelto', ['loose dog', 'stray dog', 'dog at large', 'perro suelto', 'perros sueltos']],
  ['BY-NOISE', 'Noise complaint', 'Bylaw', 'Ruido', ['noise', 'loud music', 'party', 'barking', 'ruido', 'musica alta', 'fiesta']],
  ['BY-PARKING', 'Parking or abandoned vehicle', 'Bylaw', 'Estacionamiento', ['parked', 'blocking', 'abandoned vehicle', 'abandoned car', 'estacionado', 'carro abandonado']],
  ['GEN-OTHER', 'General inquiry', 'General', 'Consulta general', []],
];
const FALLBACK = 'GEN-OTHER';
const rowAt = (name, num) => streets.get(name).rows.find((r) => r.number === String(num) && !r.unit) || streets.get(name).rows.filter((r) => !r.unit)[0];
const pointNear = (x, y) => ({ lat: +(LAT0 + y / M_LAT).toFixed(7), lon: +(LON0 + x / M_LON).toFixed(7), x, y });
const LANDMARKS = [
  { name: 'Mesa Park Civic Centre', en: ['the civic centre', 'the town office'], es: ['el centro cívico', 'la oficina del pueblo'], ...pointNear(30, 60) },
  { name: 'Memorial Park', en: ['memorial park'], es: ['el parque memorial', 'memorial park'], ...pointNear(-2 * B, -5 * B) },
  { name: 'Prairie Winds Aquatic Centre', en: ['the aquatic centre', 'the pool'], es: ['la piscina', 'el centro acuático'], ...pointNear(5.5 * B, -9.5 * B) },
];

// ---------- how people write street names ----------
const QW = {
  NW: ['NW', 'nw', 'N.W.', 'north west', 'Northwest', 'NW'], NE: ['NE', 'ne', 'N.E.', 'north east', 'Northeast', 'NE'],
  SW: ['SW', 'sw', 'S.W.', 'south west', 'Southwest', 'SW'], SE: ['SE', 'se', 'S.E.', 'south east', 'Southeast', 'SE'],
  N: ['N', 'n', 'North', 'N'], S: ['S', 's', 'South', 'S'], E: ['E', 'e', 'East', 'E'], W: ['W', 'w', 'West', 'W'],
};
const QW_ES = { NW: ['NW', 'noroeste'], NE: ['NE', 'noreste'], SW: ['SW', 'suroeste'], SE: ['SE', 'sureste'], N: ['N', 'norte'], S: ['S', 'sur'], E: ['E', 'este'], W: ['W', 'oeste'] };
const ORD_EN = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ORD_ES = ['', 'primera', 'segunda', 'tercera', 'cuarta', 'quinta', 'sexta', 'séptima', 'octava', 'novena', 'décima'];
const th = (n) => n + (n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] || 'th');
function typo(word) {
  if (word.length < 5) return word;
  const i = ri(1, word.length - 2);
  const kind = ri(0, 2);
  if (kind === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1);
  return word.slice(0, i) + word[i] + word.slice(i);
}
const TYPE_FORMS = {
  Drive: ['Drive', 'Dr', 'dr', 'Dr.'], Crescent: ['Crescent', 'Cres', 'cres', 'Cr'], Close: ['Close', 'Cl', 'close'], Way: ['Way', 'way'],
  Road: ['Road', 'Rd', 'rd'], Place: ['Place', 'Pl', 'pl'], Lane: ['Lane', 'Ln', 'ln'], Court: ['Court', 'Crt', 'Ct'],
};
// A named street's core may drop its type only when no other street shares the core.
const coreOf = (name) => name.replace(/ (Drive|Crescent|Close|Way|Road|Place|Lane|Court) (NW|NE|SW|SE)$/, '');
const typeOf = (name) => (name.match(/ (Drive|Crescent|Close|Way|Road|Place|Lane|Court) (NW|NE|SW|SE)$/) || [])[1];
const coreShared = (name) => [...streets.keys()].filter((n) => coreOf(n) === coreOf(name)).length > 1;

// render(street, lang, formal): the way a citizen writes the street. Numbered streets always keep their type and
// quadrant (both are needed to tell "5 St SW" from "5 Ave SW" and "5 St NW"); named ones may drop what is unique.
function renderStreet(name, lang, formal, opts = {}) {
  let m;
  if ((m = name.match(/^(\d+) (St|Ave) (NW|NE|SW|SE)$/))) {
    const n = +m[1], isAve = m[2] === 'Ave', q = opts.noQuad ? '' : m[3];
    const qw = (forms) => (q ? ' ' + pick(forms[q]) : '');
    if (formal) return `${n} ${isAve ? pick(['Avenue', 'Ave']) : pick(['Street', 'St'])}${q ? ' ' + (chance(0.8) ? q : pick(QW[q].slice(3, 5))) : ''}`;
    if (lang === 'es') {
      const f = weighted({ plain: 3, art: 3, ord: 1 });
      if (f === 'plain') return `${n} ${isAve ? pick(['Ave', 'Av', 'avenida']) : pick(['St', 'calle'])}${qw(QW_ES)}`;
      if (f === 'ord' && n <= 10) return `${ORD_ES[n]} ${isAve ? 'avenida' : 'calle'}${qw(QW_ES)}`;
      return `${isAve ? 'avenida' : 'calle'} ${n}${qw(QW_ES)}`;
    }
    const num = weighted({ [n]: 4, [th(n)]: 3, ...(n <= 10 ? { [ORD_EN[n]]: 1 } : {}) });
    const type = isAve ? pick(['ave', 'Ave', 'av', 'avenue', 'Avenue', 'ave.']) : pick(['st', 'St', 'street', 'Street', 'str', 'st.']);
    return `${num} ${type}${qw(QW)}`;
  }
  if ((m = name.match(/^Centre (St|Ave) ([NSEW])$/))) {
    const isAve = m[1] === 'Ave';
    if (formal) return `Centre ${isAve ? 'Avenue' : 'Street'} ${pick(QW[m[2]].slice(2, 3).concat(m[2]))}`;
    if (lang === 'es') return `${isAve ? 'avenida' : 'calle'} Centre ${pick(QW_ES[m[2]])}`;
    return `${pick(['centre', 'Centre', 'center'])} ${isAve ? pick(['ave', 'Ave', 'avenue']) : pick(['st', 'St', 'street'])} ${pick(QW[m[2]])}`;
  }
  // "the 1A" names the road but reads badly after a house number.
  if (name === 'Highway 1A') return formal ? pick(['Highway 1A', 'Hwy 1A']) : lang === 'es' ? pick(['la carretera 1A', 'Highway 1A', ...(opts.numbered ? [] : ['la 1A'])]) : pick(['hwy 1a', 'Highway 1A', 'Hwy 1A', 'highway 1A', ...(opts.numbered ? [] : ['the 1A'])]);
  if (name === 'Route 22') return formal ? pick(['Route 22', 'Rte 22']) : lang === 'es' ? pick(['la ruta 22', 'Route 22']) : pick(['route 22', 'Route 22', 'rte 22', 'Rte. 22']);
  const core = coreOf(name), type = typeOf(name), q = name.slice(-2);
  if (formal) return chance(0.7) ? name : `${core} ${TYPE_FORMS[type][1]} ${q}`;
  let c = chance(0.15) ? core.split(' ').map((w, i) => (i === 0 ? typo(w) : w)).join(' ') : core;
  if (chance(0.5)) c = c.toLowerCase();
  // "Willow Park" alone would read as a park, not the drive.
  const keepType = coreShared(name) || / Park$/.test(core) || chance(0.6);
  const t = keepType ? ' ' + pick(TYPE_FORMS[type]) : '';
  const qq = chance(0.55) ? ' ' + pick(QW[q]) : '';
  return `${c}${t}${qq}`;
}
// Spanish article before a street mention: "la 5 calle", "la avenida 17"; names without a Spanish generic go bare.
const esArt = (text) => (/^(la |el )/.test(text) ? text : /^(\d+ (calle|avenida|Ave|Av|St)|avenida|calle|primera|segunda|tercera|cuarta|quinta|sexta|séptima|octava|novena|décima)/.test(text) ? 'la ' + text : text);

// ---------- places ----------
const houseRows = rows.filter((r) => !r.unit);
const streetList = [...streets.values()];
function pickStreet() {
  const w = streetList.map((s) => Math.sqrt(s.rows.length) * (/^\d+ (St|Ave)/.test(s.name) ? 1 : /^(Highway|Route)/.test(s.name) ? 5 : 4));
  let r = rnd() * w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < streetList.length; i++) { r -= w[i]; if (r < 0) return streetList[i]; }
  return streetList[0];
}
function addressPlace(row) {
  const st = pickStreet();
  row = row || (chance(0.06) ? pick(APT_HOSTS) : pick(st.rows.filter((r) => !r.unit)));
  return { kind: 'address', row, x: row.x, y: row.y, label: { address: `${row.number} ${row.street}`, precision: 'address', lat: row.lat, long: row.lon } };
}
const crossingPlace = (c = pick(crossings)) => ({ kind: 'intersection', c, x: c.x, y: c.y, label: { address: c.label, precision: 'intersection', lat: c.lat, long: c.lon } });
function streetPlace() {
  const st = pickStreet();
  if (chance(0.3) && /^\d+ (St|Ave)|Centre/.test(st.name)) {
    const hundreds = [...new Set(st.rows.map((r) => Math.floor(r.number / 100) * 100))].filter((h) => h >= 100);
    const h = pick(hundreds), row = blockRow(st, h);
    if (row) return { kind: 'street', st, block: h, x: row.x, y: row.y, label: { address: st.name, precision: 'street', lat: row.lat, long: row.lon } };
  }
  const row = centralRow(st);
  return { kind: 'street', st, x: row.x, y: row.y, label: { address: st.name, precision: 'street', lat: row.lat, long: row.lon } };
}
const COORD_FORMS = ['raw', 'google', 'googleq', 'raw', 'googlell', 'apple', 'osm', 'google', 'osmhash', 'geo', 'raw', 'whatsapp'];
function coordinatePlace() {
  const r = pick(houseRows);
  const dec = pick([5, 6, 6]);
  const lat = +(r.lat + (rnd() - 0.5) * 0.00008).toFixed(dec), lon = +(r.lon + (rnd() - 0.5) * 0.00012).toFixed(dec);
  return { kind: 'coordinates', form: pick(COORD_FORMS), lat, lon, x: (lon - LON0) * M_LON, y: (lat - LAT0) * M_LAT, label: { address: null, precision: 'coordinates', lat, long: lon } };
}
const landmarkPlace = (l = pick(LANDMARKS)) => ({ kind: 'landmark', l, x: l.x, y: l.y, label: { address: null, precision: 'coordinates', lat: l.lat, long: l.lon } });
const nonePlace = () => ({ kind: 'none', label: { address: null, precision: 'none', lat: null, long: null } });
function coordText(p) {
  const { lat, lon } = p, v = (d) => d.toFixed(4);
  switch (p.form) {
    case 'google': return `https://www.google.com/maps/place/${lat},${lon}/@${v(lat + 0.0006)},${v(lon - 0.0011)},17z/data=!3m1!4b1!4m4!3m3!8m2!3d${lat}!4d${lon}`;
    case 'googleq': return `https://www.google.com/maps?q=${lat},${lon}`;
    case 'googlell': return `https://maps.google.com/maps?ll=${lat},${lon}&z=18`;
    case 'whatsapp': return `https://maps.google.com/?q=${lat},${lon}`;
    case 'apple': return `https://maps.apple.com/?ll=${lat},${lon}&q=Dropped%20Pin`;
    case 'osm': return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${v(lat + 0.0004)}/${v(lon + 0.0007)}`;
    case 'osmhash': return `https://www.openstreetmap.org/#map=19/${lat}/${lon}`;
    case 'geo': return `geo:${lat},${lon}${chance(0.5) ? '?z=19' : ''}`;
    default: return chance(0.5) ? `${lat}, ${lon}` : `${lat},${lon}`;
  }
}
// House number forms people use for an address, with the unit sometimes kept (the label drops it).
function renderAddress(row, lang, formal) {
  const st = renderStreet(row.street, lang, formal, { numbered: true });
  const apt = row.apartments && chance(0.7) ? pick(lang === 'es' ? ['depto 3', 'apto 2', '#4'] : ['apt 3', 'unit 2', 'suite 1', 'apt 2']) : null;
  const named = !/^\d+ (St|Ave)|^Centre/.test(row.street);
  if (lang === 'es') {
    const base = /^la /.test(st) || chance(0.5) ? `${row.number} de ${esArt(st)}` : `${row.number} ${st}`;
    return apt ? `${base}, ${apt}` : base;
  }
  if (!formal && (named || /Highway|Route/.test(row.street)) && chance(0.3)) return `${st} ${row.number}`;
  const base = `${row.number} ${st}`;
  if (apt) return chance(0.5) ? `${apt}, ${base}` : `${apt.replace(/\D+/, '')}-${base}`;
  return base;
}
// A crossing as written; "17 Ave and 4 St SW" writes a shared quadrant once.
function renderCrossing(c, lang, formal) {
  const qa = c.a.name.slice(-2), qb = c.b.name.slice(-2);
  const bothNumbered = /^\d+ (St|Ave) /.test(c.a.name) && /^\d+ (St|Ave) /.test(c.b.name);
  if (bothNumbered && qa === qb && !formal && chance(0.45)) {
    const [first, second] = chance(0.5) ? [c.a, c.b] : [c.b, c.a];
    return [renderStreet(first.name, lang, false, { noQuad: true }), renderStreet(second.name, lang, false)];
  }
  const pair = chance(0.5) ? [c.a, c.b] : [c.b, c.a];
  return pair.map((s) => renderStreet(s.name, lang, formal));
}

// ---------- language tables ----------
function placePhrase(place, lang, channel) {
  const formal = channel === 'email' || (channel === 'web' && chance(0.5));
  if (place.kind === 'address') {
    const a = renderAddress(place.row, lang, formal);
    if (lang === 'es') {
      const art = /^\d/.test(a) ? 'el ' : '';
      return pick([`en ${art}${a}`, `frente a${art ? 'l ' : ' '}${a}`, `cerca de${art ? 'l ' : ' '}${a}`, `enfrente de${art ? 'l ' : ' '}${a}`, `en ${art}${a}`]);
    }
    return pick([`at ${a}`, `in front of ${a}`, `outside ${a}`, `across from ${a}`, `near ${a}`, `at ${a}`, `by ${a}`]);
  }
  if (place.kind === 'intersection') {
    const [a, b] = renderCrossing(place.c, lang, formal);
    if (lang === 'es') return pick([`en la esquina de ${esArt(a)} y ${esArt(b)}`, `en el cruce de ${esArt(a)} con ${esArt(b)}`, `esquina ${a} y ${b}`, `en la esquina de ${a} y ${b}`]);
    return pick([`at the corner of ${a} and ${b}`, `at ${a} & ${b}`, `at ${a}/${b}`, `on ${a} at ${b}`, `at ${a} and ${b}`, `at the intersection of ${a} and ${b}`, `where ${a} meets ${b}`]);
  }
  if (place.kind === 'street') {
    const s = renderStreet(place.st.name, lang, formal);
    if (place.block !== undefined) return lang === 'es' ? `en la cuadra ${place.block} de ${esArt(s)}` : pick([`in the ${place.block} block of ${s}`, `on the ${place.block} block of ${s}`]);
    if (lang === 'es') return pick([`en ${esArt(s)}`, `por ${esArt(s)}`, `sobre ${esArt(s)}`, `en ${esArt(s)}, no sé el número`]);
    return pick([`on ${s}`, `along ${s}`, `somewhere on ${s}`, `on ${s} (not sure of the number)`, `on ${s} near the middle`]);
  }
  if (place.kind === 'coordinates') {
    const t = coordText(place);
    return lang === 'es' ? pick([`aquí: ${t}`, `en ${t}`, `(ubicación: ${t})`]) : pick([`here: ${t}`, `at ${t}`, `(location ${t})`, `right here ${t}`]);
  }
  if (place.kind === 'landmark') {
    const alias = pick(place.l[lang === 'es' ? 'es' : 'en']);
    return lang === 'es' ? pick([`en ${alias}`, `junto a ${alias}`, `afuera de ${alias}`]).replace('a el ', 'al ').replace('de el ', 'del ') : pick([`at ${alias}`, `by ${alias}`, `outside ${alias}`]);
  }
  return lang === 'es' ? pick(['en mi calle', 'cerca de la escuela', 'en el centro', 'por mi casa', 'en el callejón de atrás', 'en la parada del autobús'])
    : pick(['on my street', 'by the school', 'downtown', 'in the back alley', 'near the bus stop', 'by the rink', 'outside my building']);
}

// Per service: report sentences with {p}; every service is written in English and in Spanish.
const PROBLEMS = {
  'RD-POTHOLE': {
    en: ['huge pothole {p}, almost lost a tire', 'There is a deep pothole {p} that keeps getting bigger.', 'pot hole {p} full of water, cars swerving around it', 'pothole {p} bent my rim, $400 to fix', 'Big hole in the road {p}. Please fill it before someone gets hurt.'],
    es: ['hay un bache enorme {p}', 'Un bache muy hondo {p}, los carros se desvían', 'hoyo en la calle {p}, ya se llenó de agua'],
  },
  'RD-SNOW': {
    en: ['road not plowed {p}, cars stuck', 'sheet of ice {p}, needs sanding', 'The plow left a huge ridge of snow {p} and we cannot get out.', 'really icy {p}, saw two cars slide'],
    es: ['la calle está llena de hielo {p}', 'no han pasado el quitanieves {p}, los carros se atascan', 'mucha nieve {p}, no se puede pasar'],
  },
  'RD-SIGN': {
    en: ['stop sign knocked over {p}', 'The street sign {p} is bent and facing the wrong way.', 'yield sign missing {p} since the wind storm'],
    es: ['se cayó el letrero de alto {p}', 'el letrero de la calle está doblado {p}'],
  },
  'TR-SIGNAL': {
    en: ['traffic light stuck on red {p}', 'The traffic signal {p} is flashing and nobody knows who goes.', 'signal not working {p}, walk button dead too'],
    es: ['el semáforo no funciona {p}', 'semáforo parpadeando {p}, muy peligroso'],
  },
  'ST-LIGHT': {
    en: ['streetlight out {p}', 'The street light {p} has been out for a week, very dark walking home.', 'lamp post flickering on and off {p}', 'light out {p} again'],
    es: ['la farola está apagada {p}', 'no sirve el poste de luz {p}, está muy oscuro', 'el alumbrado no prende {p}'],
  },
  'SW-REPAIR': {
    en: ['sidewalk slab heaved {p}, trip hazard', 'The sidewalk {p} is cracked and lifted; my mother tripped on it.', 'curb broken {p}'],
    es: ['la acera está rota {p}, alguien se va a caer', 'banqueta levantada {p}'],
  },
  'WS-MISSED': {
    en: ['black cart not picked up {p}', 'Our blue cart was missed {p} this week.', 'green cart missed again {p}, whole side of the street'],
    es: ['no recogieron la basura {p}', 'no pasaron por el carrito azul {p}'],
  },
  'WS-DUMP': {
    en: ['someone dumped a mattress and a couch {p}', 'Pile of junk dumped {p} overnight, paint cans too.', 'illegal dumping {p}, bags of garbage and tires'],
    es: ['tiraron un colchón y muebles {p}', 'alguien dejó un tiradero de bolsas {p}'],
  },
  'GR-GRAFFITI': {
    en: ['graffiti on the utility box {p}', 'The bus shelter {p} was tagged with spray paint last night.', 'new graffiti on the fence {p}'],
    es: ['pintaron grafiti en la caja eléctrica {p}', 'hay pintas en la pared {p}'],
  },
  'PK-TREE': {
    en: ['big branch down {p} blocking half the road', 'A tree fell {p} in the wind and is leaning on the wires.', 'limb hanging over the sidewalk {p}'],
    es: ['se cayó una rama grande {p}', 'un árbol caído {p}, bloquea la banqueta'],
  },
  'UT-WATER': {
    en: ['water gushing out of the ground {p}', 'There is a water leak {p}, the road is covered in water and it is freezing.', 'hydrant leaking {p}'],
    es: ['fuga de agua {p}, sale mucha agua', 'el hidrante está goteando {p}'],
  },
  'UT-DRAIN': {
    en: ['catch basin plugged {p}, street flooded', 'The storm drain {p} is blocked and there is standing water up to the curb.', 'flooding {p} after the melt'],
    es: ['la alcantarilla está tapada {p}, se inunda todo', 'calle inundada {p}'],
  },
  'AN-DEAD': {
    en: ['dead deer {p}', 'There is a dead cat {p} on the boulevard.', 'roadkill {p}, a coyote i think'],
    es: ['hay un animal muerto {p}', 'un venado muerto {p}'],
  },
  'AN-LOOSE': {
    en: ['loose dog running in traffic {p}', 'Two dogs at large {p}, one growled at my kids.', 'stray dog {p} for 2 days now'],
    es: ['hay un perro suelto {p}, muy agresivo', 'perros sueltos {p} corriendo entre los carros'],
  },
  'BY-NOISE': {
    en: ['loud music {p} every night', 'Party {p} is still going, music shaking the windows.', 'dog barking nonstop {p}'],
    es: ['hay una fiesta con música alta {p}', 'mucho ruido {p} todas las noches'],
  },
  'BY-PARKING': {
    en: ['truck parked on the sidewalk {p}', 'A car has been abandoned {p} for weeks, flat tires.', 'car blocking the back lane {p}', 'grey pickup, plate CKR 4821, parked across the driveway {p} since 6am'],
    es: ['un carro abandonado {p} desde hace semanas', 'una camioneta estacionada bloqueando la entrada {p}'],
  },
};
// Household services are only written about a home address or no place.
const HOUSEHOLD = new Set(['WS-MISSED']);
const QUESTIONS = [
  ['en', 'WS-MISSED', 'when is the green cart pickup over the holidays?'], ['en', 'RD-SNOW', 'Which streets get plowed first after a storm?'],
  ['en', null, 'How do I get a dog licence?'], ['en', 'WS-DUMP', 'where can I drop off an old couch, is the transfer station open sundays?'],
  ['en', null, 'What time does the civic centre close today?'], ['en', 'ST-LIGHT', 'who do I call about a streetlight, is it the town or the power company?'],
  ['es', 'WS-MISSED', '¿qué día pasan por la basura en invierno?'], ['es', null, '¿dónde pago el agua?'],
  ['es', 'RD-SNOW', '¿cuándo pasa el quitanieves por las calles de la zona sur?'], ['es', null, '¿a qué hora abre la piscina los sábados?'],
  ['en', 'BY-PARKING', 'Is overnight parking allowed on the avenues in winter?'], ['es', 'AN-LOOSE', '¿cómo registro a mi perro?'],
  ['en', null, 'do you guys have a lost and found?'], ['es', 'PK-TREE', '¿el pueblo poda los árboles de la calle o lo tengo que hacer yo?'],
];
const DISTRACT_EN = [' since 7:30 this morning', ' for 3 days now', ' for about 2 weeks', '. My 2 kids walk by there', ' since Dec 3', ' since around 11pm', ' going on 40 minutes'];
const DISTRACT_ES = [' desde las 7:30', ' desde hace 3 días', ' desde hace 2 semanas', '. mis 2 hijos pasan por ahí', ' desde el 3 de diciembre'];
const FIRST = ['Maria', 'Darren', 'Priya', 'Jose', 'Shannon', 'Luis', 'Kyle', 'Guadalupe', 'Heather', 'Carlos', 'Brenda', 'Ana', 'Trevor', 'Rosa', 'Wes', 'Fernanda'];
const LAST = ['Kowalski', 'Garcia', 'Thiessen', 'Hernandez', 'MacLeod', 'Morales', 'Friesen', 'Ramirez', 'Nguyen', 'Castillo', 'Olsen', 'Vargas'];
const DOMAINS = ['example.com', 'example.ca', 'example.org', 'example.net'];

// ---------- composing messages ----------
const tidy = (s) => s.replace(/[ \t]+/g, ' ').replace(/ ([,.!?])/g, '$1').replace(/\.\./g, '.').replace(/[ \t]+$/gm, '').replace(/^ /gm, '').trim();
let phoneSeq = 0;
const newPhone = () => `+1403555${String(100 + (phoneSeq++ % 100)).padStart(4, '0')}`;
const fmtPhone = (p) => `(${p.slice(2, 5)}) ${p.slice(5, 8)}-${p.slice(8)}`;
function person() {
  const first = pick(FIRST), last = pick(LAST);
  return { first, last, phone: newPhone(), email: `${first.toLowerCase()}.${last.toLowerCase()}${chance(0.3) ? ri(1, 99) : ''}@${pick(DOMAINS)}` };
}
function sentence(code, lang, place, channel) {
  let s = pick(PROBLEMS[code][lang]).replace('{p}', placePhrase(place, lang, channel));
  if (chance(0.3)) s = s.replace(/[.!]?$/, '') + pick(lang === 'es' ? DISTRACT_ES : DISTRACT_EN);
  if (channel === 'sms' || channel === 'whatsapp') {
    if (chance(0.6)) s = s.toLowerCase();
    if (chance(0.3)) s += pick(lang === 'es' ? [' gracias', ' porfa', ' 🙏', ' urge'] : [' thx', ' pls', ' 🙏', ' asap', ' thanks!']);
  }
  return s;
}
function signature(p, lang, withAddress) {
  const lines = [lang === 'es' ? pick(['Saludos,', 'Gracias,', 'Atentamente,']) : pick(['Thanks,', 'Regards,', 'Thank you,', 'Cheers,']), `${p.first} ${p.last}`];
  if (withAddress) lines.push(`${withAddress.number} ${renderStreet(withAddress.street, 'en', true)}`, `${CITY}, AB T0L 9Z9`);
  if (chance(0.7)) lines.push(fmtPhone(p.phone));
  return lines.join('\n');
}
const SUBJECTS = {
  en: { default: ['Problem to report', 'Service request', 'Please help', 'Report'], 'RD-POTHOLE': ['Pothole'], 'ST-LIGHT': ['Streetlight out'], 'RD-SNOW': ['Snow removal'], 'BY-NOISE': ['Noise complaint'] },
  es: { default: ['Reporte', 'Un problema en mi calle', 'Solicitud'] },
};
const subjectFor = (code, lang) => pick((SUBJECTS[lang][code] || []).concat(SUBJECTS[lang].default));

function compose(code, lang, place, channel, who, extra = {}) {
  const body = code ? sentence(code, lang, place, channel) : '';
  switch (channel) {
    case 'sms': case 'whatsapp': return { text: tidy(body) };
    case 'web': return { text: tidy(body + (chance(0.4) ? (lang === 'es' ? ' Gracias.' : pick([' Thank you.', ' Thanks for your help.'])) : '')) };
    case 'email': {
      const greet = lang === 'es' ? pick(['Hola,', 'Buenos días,', 'Buenas tardes,']) : pick(['Hello,', 'Hi,', 'Good morning,', 'To whom it may concern,']);
      let text = `${greet}\n\n${body}\n\n${signature(who, lang, extra.sigAddress)}`;
      if (chance(0.2)) text += '\n\nSent from my iPhone';
      return { text: tidy(text), subject: subjectFor(code, lang) };
    }
    case 'transcript': return { text: transcript(code, lang, place, who) };
  }
  throw new Error(channel);
}
const SPELL = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  es: ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'],
};
const endDot = (s) => s.replace(/[.!?]*$/, '.');
const spellNum = (n, lang) => String(n).split('').map((d) => SPELL[lang][+d]).join(' ');
function transcript(code, lang, place, who) {
  const C = lang === 'es' ? 'Agente' : 'Clerk', P = lang === 'es' ? 'Llamante' : 'Caller';
  const hello = lang === 'es' ? 'Municipio de Mesa Park, ¿en qué le puedo ayudar?' : 'Town of Mesa Park, how can I help you?';
  const lines = [`${C}: ${hello}`];
  const s = pick(PROBLEMS[code][lang]);
  const [before, after] = s.split('{p}');
  if (place.kind === 'address' && chance(0.4)) {
    const n = +place.row.number, st = renderStreet(place.row.street, lang, false, { numbered: true });
    const wrong = n + pick([100, 200, 10]);
    const said = chance(0.5) ? spellNum(n, lang) : String(n);
    lines.push(`${P}: ${endDot(tidy(before + after))}`);
    lines.push(`${C}: ${lang === 'es' ? '¿Me da la dirección?' : 'What is the address?'}`);
    if (chance(0.5)) lines.push(`${P}: ${lang === 'es' ? `Es el ${wrong}, no, perdón, el ${said} ${st}.` : `It's ${wrong}, no sorry, ${said} ${st}.`}`);
    else lines.push(`${P}: ${lang === 'es' ? `El ${said} de ${esArt(st)}.` : `${said} ${st}.`}`);
    lines.push(`${C}: ${lang === 'es' ? `${n} ${renderStreet(place.row.street, 'es', true)}, anotado.` : `${n} ${renderStreet(place.row.street, 'en', true)}, got it.`}`);
  } else {
    lines.push(`${P}: ${endDot(tidy(s.replace('{p}', placePhrase(place, lang, 'transcript'))))}`);
    lines.push(`${C}: ${lang === 'es' ? '¿Me da un número de contacto?' : 'Can I get a callback number?'}`);
    lines.push(`${P}: ${fmtPhone(who.phone)}.`);
  }
  lines.push(`${C}: ${lang === 'es' ? 'Gracias, ya quedó registrado.' : 'Thanks, I have logged that for the crew.'}`);
  return lines.map((l) => l.replace(/\.\.$/, '.')).join('\n');
}

// ---------- the corpus plan ----------
const T0 = Date.parse('2026-11-02T13:00:00Z'), DAYS = 100;
const msgs = [];
const codes = Object.keys(PROBLEMS);
// Unrelated reports of one service stay at least 150 m or 96 h apart, so only dedupe groups are duplicates.
function tooClose(code, place, t) {
  if (place.label.lat === null) return false;
  return msgs.some((m) => m.expected.service_code === code && m.expected.lat !== null
    && Math.hypot((m.expected.long - place.label.long) * M_LON, (m.expected.lat - place.label.lat) * M_LAT) <= 150
    && Math.abs(Date.parse(m.received_at) - t) <= 96 * 3600e3);
}
const kindPlace = { address: addressPlace, intersection: crossingPlace, street: streetPlace, coordinates: coordinatePlace, landmark: landmarkPlace, none: nonePlace };
function add(channel, lang, code, place, t, who, parts, intent = 'report', group = null) {
  msgs.push({
    channel, text: parts.text, subject: channel === 'email' ? parts.subject : null,
    sender: { phone: channel === 'email' ? null : who.phone, email: channel === 'email' || (channel === 'web' && chance(0.6)) ? who.email : null },
    received_at: new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    expected: { service_code: code, ...place.label, intent }, dedupe_group: group, lang,
  });
}
const randTime = () => T0 + Math.floor(rnd() * DAYS * 1440) * 60e3;
const CHANNEL_W = { sms: 32, email: 13, transcript: 15, web: 20, whatsapp: 20 };
const KIND_W = { address: 44, intersection: 18, street: 13, coordinates: 9, landmark: 3, none: 7 };

// Ordinary single reports.
for (let i = 0; i < 225; i++) {
  const channel = weighted(CHANNEL_W), lang = chance(0.3) ? 'es' : 'en', code = pick(codes);
  let kind = weighted(KIND_W);
  if (HOUSEHOLD.has(code) && kind !== 'none') kind = 'address';
  if (channel === 'transcript' && kind === 'coordinates') kind = 'landmark';
  if (code === 'TR-SIGNAL' && (kind === 'address' || kind === 'street')) kind = 'intersection';
  let place, t, tries = 0;
  do { place = kindPlace[kind](); t = randTime(); } while (tooClose(code, place, t) && ++tries < 50);
  if (tries >= 50) continue;
  const who = person();
  add(channel, lang, code, place, t, who, compose(code, lang, place, channel, who));
}

// The writer's own address next to the problem's place: the problem's place is the label.
for (let i = 0; i < 12; i++) {
  const lang = i % 3 === 2 ? 'es' : 'en', channel = pick(['email', 'web', 'sms', 'email']), code = pick(codes.filter((c) => !HOUSEHOLD.has(c)));
  const home = pick(houseRows);
  let place, t;
  do { place = chance(0.7) ? addressPlace() : crossingPlace(); t = randTime(); } while (tooClose(code, place, t) || Math.hypot(place.x - home.x, place.y - home.y) < 200);
  const who = person();
  const homeText = renderAddress(home, lang, channel === 'email');
  const problem = sentence(code, lang, place, channel);
  const text = lang === 'es'
    ? pick([`Vivo en el ${homeText} pero el reporte es de otro lugar: ${problem}.`, `Mi dirección es ${homeText}, pero esto no es en mi casa: ${problem}.`])
    : pick([`My address is ${homeText} but this is about somewhere else: ${problem}.`, `I live at ${homeText}. Not at my place though, ${problem}.`, `(home: ${homeText}) ${problem}.`]);
  const parts = channel === 'email' ? { text: tidy(`${lang === 'es' ? 'Hola,' : 'Hello,'}\n\n${text}\n\n${signature(who, lang, null)}`), subject: subjectFor(code, lang) } : { text: tidy(text) };
  add(channel, lang, code, place, t, who, parts);
}

// "Outside my house" with the address only in the signature: the signature address is the place.
for (let i = 0; i < 4; i++) {
  const lang = i === 3 ? 'es' : 'en', code = pick(['ST-LIGHT', 'PK-TREE', 'WS-MISSED', 'UT-DRAIN', 'SW-REPAIR']);
  let place, t;
  do { place = addressPlace(); t = randTime(); } while (tooClose(code, place, t));
  const who = person();
  const body = lang === 'es' ? pick(PROBLEMS[code].es).replace('{p}', 'frente a mi casa') : pick(PROBLEMS[code].en).replace('{p}', pick(['outside my house', 'in front of my house']));
  add('email', lang, code, place, t, who, { text: tidy(`${lang === 'es' ? 'Hola,' : 'Hi,'}\n\n${body}.\n\n${signature(who, lang, place.row)}`), subject: subjectFor(code, lang) });
}

// A signature address that is not the place, with the problem somewhere named.
for (let i = 0; i < 6; i++) {
  const lang = i % 3 === 0 ? 'es' : 'en', code = pick(codes.filter((c) => !HOUSEHOLD.has(c)));
  let place, t;
  do { place = kindPlace[pick(['address', 'intersection', 'street', 'coordinates'])](); t = randTime(); } while (tooClose(code, place, t));
  const who = person();
  add('email', lang, code, place, t, who, compose(code, lang, place, 'email', who, { sigAddress: pick(houseRows) }));
}

// Forwarded e-mails and quoted replies.
for (let i = 0; i < 10; i++) {
  const lang = i % 4 === 1 ? 'es' : 'en', code = pick(codes.filter((c) => !HOUSEHOLD.has(c)));
  let place, t;
  do { place = kindPlace[pick(['address', 'address', 'intersection', 'street'])](); t = randTime(); } while (tooClose(code, place, t));
  const who = person();
  const body = sentence(code, lang, place, 'email');
  let text;
  const when = new Date(t - ri(2, 40) * 3600e3).toUTCString().replace(' GMT', '');
  if (i % 2 === 0) {
    const clerk = pick(['Dana Whitford', 'Ravi Sandhu', 'Lucia Ortega']);
    text = `FYI, this came to my personal inbox.\n\n${clerk}\nTown of Mesa Park | 100 Centre St N\n(403) 555-0100\n\n---------- Forwarded message ---------\nFrom: ${who.first} ${who.last} <${who.email}>\nDate: ${when}\nSubject: ${subjectFor(code, lang)}\n\n${body}\n\n${who.first}`;
    add('email', lang, code, place, t, { ...who, email: `${clerk.split(' ')[0].toLowerCase()}@mesapark.example.ca` }, { text: tidy(text), subject: `Fwd: ${subjectFor(code, lang)}` });
  } else {
    const ref = `MP-${ri(20000, 29999)}`;
    const old = lang === 'es' ? `> Gracias por su reporte (referencia ${ref}). ¿Nos puede indicar dónde está exactamente?` : `> Thank you for your report (reference ${ref}). Can you tell us exactly where it is?`;
    text = `${lang === 'es' ? 'Claro,' : 'Sure,'} ${body}.\n\n${who.first}\n\nOn ${when}, Mesa Park 311 <311@mesapark.example.ca> wrote:\n${old}\n> \n> Town of Mesa Park`;
    add('email', lang, code, place, t, who, { text: tidy(text), subject: `Re: ${subjectFor(code, lang)}` });
  }
}

// Questions that report nothing, and failed voice transcriptions.
for (const [lang, code, q] of QUESTIONS) {
  const channel = pick(['sms', 'web', 'email', 'whatsapp']), who = person();
  const parts = channel === 'email' ? { text: tidy(`${lang === 'es' ? 'Hola,' : 'Hi,'}\n\n${q}\n\n${signature(who, lang, chance(0.4) ? pick(houseRows) : null)}`), subject: lang === 'es' ? 'Pregunta' : 'Question' } : { text: q };
  add(channel, lang, code, nonePlace(), randTime(), who, parts, 'question');
}
for (let i = 0; i < 4; i++) {
  const lang = i === 3 ? 'es' : 'en', who = person();
  const text = lang === 'es' ? 'Mensaje de voz de una persona que llamó. Transcripción no disponible.' : 'Voice message from a caller. Transcription unavailable.';
  add('transcript', lang, FALLBACK, nonePlace(), randTime(), who, { text });
}

// Dedupe groups: one problem reported 2-3 times within 40 h, places within 35 m of the first report.
function nearbyPlaces(base) {
  const out = [];
  if (base.kind === 'address') out.push({ ...base, kind: 'address' });
  for (const r of houseRows) if (r !== base.row && Math.hypot(r.x - base.x, r.y - base.y) <= 35) out.push(addressPlace(r));
  for (const c of crossings) if (Math.hypot(c.x - base.x, c.y - base.y) <= 35) out.push(crossingPlace(c));
  const near = coordinatePlace();
  const r0 = houseRows.reduce((best, r) => (Math.hypot(r.x - base.x, r.y - base.y) < Math.hypot(best.x - base.x, best.y - base.y) ? r : best));
  near.lat = +(r0.lat + 0.00002).toFixed(6); near.lon = +(r0.lon - 0.00002).toFixed(6);
  near.label = { ...near.label, lat: near.lat, long: near.lon };
  near.x = (near.lon - LON0) * M_LON; near.y = (near.lat - LAT0) * M_LAT;
  if (Math.hypot(near.x - base.x, near.y - base.y) <= 35) out.push(near);
  return out;
}
for (let g = 1; g <= 13; g++) {
  const code = pick(codes.filter((c) => !HOUSEHOLD.has(c))), group = `dg-${String(g).padStart(2, '0')}`;
  let base, t;
  do { base = chance(0.6) ? addressPlace() : crossingPlace(); t = randTime(); } while (tooClose(code, base, t) || tooClose(code, base, t + 40 * 3600e3));
  const size = chance(0.35) ? 3 : 2;
  const sameSender = g % 6 === 0;
  const first = person(), groupLang = chance(0.3) ? 'es' : 'en';
  for (let k = 0; k < size; k++) {
    const place = k === 0 ? base : pick(nearbyPlaces(base));
    const tk = k === 0 ? t : t + (sameSender ? ri(6, 15) * 60e3 * k : ri(1, 40) * 3600e3 * (k / (size - 1)));
    let channel = sameSender ? 'sms' : weighted(CHANNEL_W);
    if (channel === 'transcript' && place.kind === 'coordinates') channel = 'web';
    const lang = sameSender ? groupLang : chance(0.3) ? 'es' : 'en';
    const who = sameSender ? first : person();
    if (sameSender && k > 0) {
      add(channel, lang, code, base, tk, who, { text: lang === 'es' ? `sigue igual!! ya van ${ri(20, 50)} minutos. ${sentence(code, lang, base, channel)}` : `still there!! ${ri(20, 50)} minutes now. ${sentence(code, lang, base, channel)}` }, 'report', group);
    } else add(channel, lang, code, place, tk, who, compose(code, lang, place, channel, who), 'report', group);
  }
}

// ---------- order, ids, files ----------
msgs.sort((a, b) => a.received_at.localeCompare(b.received_at));
const perChannel = {};
const lines = msgs.map((m) => {
  perChannel[m.channel] = (perChannel[m.channel] || 0) + 1;
  const { channel, text, subject, sender, received_at, expected, dedupe_group, lang } = m;
  const id = `${channel}-${String(perChannel[channel]).padStart(4, '0')}`;
  return JSON.stringify({ id, channel, text, subject, sender, received_at, expected: { service_code: expected.service_code, address: expected.address, precision: expected.precision, lat: expected.lat, long: expected.long, intent: expected.intent }, dedupe_group, lang });
});
fs.writeFileSync(path.join(OUT, 'corpus.jsonl'), lines.join('\n') + '\n');

const csvLines = ['LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID'];
rows.forEach((r, i) => csvLines.push([r.lon.toFixed(7), r.lat.toFixed(7), r.number, r.street, r.unit, CITY, DISTRICT, REGION, 'T0L 9Z9', `mp-${String(i + 1).padStart(6, '0')}`].join(',')));
fs.writeFileSync(path.join(OUT, 'addresses.csv'), csvLines.join('\n') + '\n');

const yq = (s) => (/[:#&,[\]{}]/.test(s) ? JSON.stringify(s) : s);
const yaml = [
  '# Mesa Park, Alberta: a SYNTHETIC quadrant-grid town for evaluating Intake (no such town exists; streets and points are generated).',
  '# Generated by tools/generate.mjs. Relative paths are read from this file\'s folder.',
  'jurisdiction:',
  '  id: mesapark-ab.example',
  '  name: Town of Mesa Park',
  '  names: { es: Municipio de Mesa Park }',
  '  country: CA',
  '  timezone: America/Edmonton',
  '  languages: [en, es]',
  '  landmarks:',
  ...LANDMARKS.map((l) => `    - { name: ${l.name}, aliases: [${[...new Set([...l.en, ...l.es])].map(yq).join(', ')}], lat: ${l.lat.toFixed(7)}, long: ${l.lon.toFixed(7)} }`),
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
  ...SERVICES.flatMap(([code, name, group, es, kw]) => [
    `  - code: ${code}`, `    name: ${yq(name)}`, `    group: ${group}`, `    names: { es: ${yq(es)} }`, `    keywords: [${kw.map(yq).join(', ')}]`,
  ]),
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
];
fs.writeFileSync(path.join(OUT, 'intake.yaml'), yaml.join('\n') + '\n');

const tally = (f) => msgs.reduce((o, m) => ((o[f(m)] = (o[f(m)] || 0) + 1), o), {});
console.log(`${rows.length} address rows, ${streets.size} streets, ${crossings.length} crossings, ${msgs.length} messages`);
console.log('precision', tally((m) => m.expected.precision));
console.log('channel', tally((m) => m.channel));
console.log('lang', tally((m) => m.lang));

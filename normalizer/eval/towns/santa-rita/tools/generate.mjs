// Deterministic generator for the Santa Rita (synthetic, New Mexico-style) evaluation corpus.
// Writes ../addresses.csv, ../intake.yaml and ../corpus.jsonl. Run: node tools/generate.mjs
// Every label is decided from the generator's own choice of place and service, never from any parser;
// ../README.md states the conventions (those of ../mesa-park).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------- seeded randomness ----------
let seed = 5050814;
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

// ---------- the town ----------
// A downtown grid between Martin Luther King Jr Boulevard (south) and Old Route 66 (north, slightly slanted), O'Brien Road
// (west) and State Road 14 (east). East-west streets are spelled-out ordinals (First Street ... Twelfth Street); north-south
// ones are Spanish-named west of St. Francis Drive and First ... Fourth Avenue east of it. House numbers go 100 per block:
// on east-west streets eastward from O'Brien Road, on north-south streets northward from MLK. Odd numbers on the north and
// east sides. Subdivisions of loops, trails, courts, circles, ways and places lie north of Old Route 66 (off Paseo del
// Norte), south of MLK (off Vista Hermosa Drive), west (off Los Ranchos Road) and east (off State Road 14).
const LAT0 = 34.38, LON0 = -105.78, BX = 130, BY = 110;
const M_LAT = 111320, M_LON = 111320 * Math.cos((LAT0 * Math.PI) / 180);
const CITY = 'Santa Rita', REGION = 'NM', DISTRICT = 'Torreón County', ZIP = '87099';
const NS = {
  '-7': "O'Brien Road", '-6': 'Via Serena', '-5': 'Calle Ocho', '-4': 'Avenida de los Pinos', '-3': 'Camino del Rey', '-2': 'Calle de la Luna',
  '-1': 'Calle del Sol', 0: 'St. Francis Drive', 1: 'First Avenue', 2: 'Second Avenue', 3: 'Third Avenue', 4: 'Fourth Avenue', 5: 'Calle Real',
  6: 'Kit Carson Road', 7: 'Camino Viejo', 8: 'State Road 14',
};
const ORD_WORDS = ['', 'First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth', 'Eleventh', 'Twelfth'];
const EW = { 0: 'Martin Luther King Jr Boulevard', 13: 'Old Route 66' };
for (let j = 1; j <= 12; j++) EW[j] = `${ORD_WORDS[j]} Street`;
const WEST_X = -7 * BX, EAST_X = 8 * BX;
const y66 = (x) => 13 * BY + 20 + 0.06 * x; // Old Route 66 runs a little north-east
const PASEO_Y = 1700, HERMOSA_Y = -280;

const streets = new Map();
const rows = [];
function street(name, props = {}) {
  if (!streets.has(name)) streets.set(name, { name, rows: [], ...props });
  return streets.get(name);
}
const inPlaza = (x, y) => x > -1 * BX && x < 0 && y > 6 * BY && y < 7 * BY; // La Plaza: a block with no addresses
function addRow(st, num, x, y, unit = '') {
  if (inPlaza(x, y) || num <= 0) return null;
  const row = { lon: +(LON0 + x / M_LON).toFixed(7), lat: +(LAT0 + y / M_LAT).toFixed(7), number: String(num), street: st.name, unit, x, y };
  rows.push(row);
  st.rows.push(row);
  return row;
}
// 100 per block, even numbers across the block's 98, odd on the north/east side.
const gridNumber = (pos, origin, block, odd) => {
  const u = (pos - origin) / block;
  return (Math.floor(u) + 1) * 100 + Math.round((u - Math.floor(u)) * 49) * 2 + (odd ? 1 : 0);
};
const ewNumber = (x, north) => gridNumber(x, WEST_X, BX, north);
const nsNumber = (y, east) => gridNumber(y, 0, BY, east);
const nearLine = (v, lines, gap) => lines.some((l) => Math.abs(v - l) < gap);
const NS_XS = Object.keys(NS).map((k) => +k * BX);

// East-west grid streets: lots along each block between north-south lines.
for (let j = 0; j <= 12; j++) {
  const st = street(EW[j], { orient: 'ew', grid: true });
  for (let k = -7; k < 8; k++) for (const side of [1, -1]) for (const off of [22, 48, 80, 106]) {
    if (chance(0.1)) continue;
    const x = k * BX + off + ri(-2, 2) * 2 + (rnd() - 0.5) * 2, y = j * BY + side * 12 + (rnd() - 0.5) * 3;
    addRow(st, ewNumber(x, side > 0), x, y);
  }
}
// Old Route 66, from the west edge out past State Road 14; lots wider apart (motels, shops, yards).
{
  const st = street('Old Route 66', { orient: 'ew', grid: true });
  for (let x = WEST_X + 20; x < EAST_X + 520; x += 34) for (const side of [1, -1]) {
    if (chance(0.25) || nearLine(x, NS_XS, 18)) continue;
    const xx = x + ri(-3, 3);
    addRow(st, ewNumber(xx, side > 0), xx, y66(xx) + side * 16 + (rnd() - 0.5) * 3);
  }
}
// North-south grid streets between MLK and Old Route 66.
for (const [k, name] of Object.entries(NS)) {
  const kx = +k * BX;
  const st = street(name, { orient: 'ns', grid: true });
  const rural = name === 'State Road 14';
  for (let j = 0; j < 13; j++) for (const side of [1, -1]) for (const off of rural ? [30, 75] : [26, 55, 84]) {
    if (chance(rural ? 0.3 : 0.1)) continue;
    const x = kx + side * (rural ? 16 : 12) + (rnd() - 0.5) * 3, y = j * BY + off + ri(-2, 2) * 2 + (rnd() - 0.5) * 2;
    if (y > y66(x) - 20) continue;
    addRow(st, nsNumber(y, side > 0), x, y);
  }
}
// St. Francis Drive and State Road 14 run on north to Arroyo Seco Way / out of town, numbers continuing.
for (const [name, x0, yEnd, step] of [['St. Francis Drive', 0, 2000, 32], ['State Road 14', EAST_X, 2400, 44]]) {
  const st = streets.get(name);
  for (let y = y66(x0) + 30; y < yEnd; y += step) for (const side of [1, -1]) {
    if (chance(0.2) || Math.abs(y - PASEO_Y) < 22) continue;
    const yy = y + ri(-3, 3);
    addRow(st, nsNumber(yy, side > 0), x0 + side * 14 + (rnd() - 0.5) * 3, yy);
  }
}
// Paseo del Norte: the northern arterial, grid-numbered by x.
{
  const st = street('Paseo del Norte', { orient: 'ew', grid: true });
  for (let x = WEST_X + 100; x < EAST_X - 20; x += 30) for (const side of [1, -1]) {
    if (chance(0.15) || nearLine(x, [-700, -480, -300, 0, 250, 800], 24)) continue;
    const xx = x + ri(-3, 3);
    addRow(st, ewNumber(xx, side > 0), xx, PASEO_Y + side * 14 + (rnd() - 0.5) * 3);
  }
}

// Subdivision streets: lots along a polyline, numbered from `start` by 4 a station (odd on the left).
function polyline(st, pts, spacing, start, sideOff = 14) {
  let num = start, next = spacing / 2; // distance along the segment of the next station, carried over bends
  for (let i = 0; i + 1 < pts.length; i++) {
    const [x0, y0] = pts[i], [x1, y1] = pts[i + 1];
    const len = Math.hypot(x1 - x0, y1 - y0), ux = (x1 - x0) / len, uy = (y1 - y0) / len;
    let t = next;
    for (; t < len; t += spacing) {
      for (const side of [1, -1]) {
        if (chance(0.1)) continue;
        addRow(st, num + (side > 0 ? 1 : 0), x0 + ux * t - uy * side * sideOff + (rnd() - 0.5) * 2, y0 + uy * t + ux * side * sideOff + (rnd() - 0.5) * 2);
      }
      num += 4;
    }
    next = t - len;
  }
}
const arc = (cx, cy, r, a0, a1, n) => Array.from({ length: n + 1 }, (_, i) => {
  const a = a0 + ((a1 - a0) * i) / n;
  return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
});
const PI = Math.PI;
// North, off Paseo del Norte
polyline(street('Mesa Verde Trail', { orient: 'ns' }), [[-700, PASEO_Y + 16], [-700, 2000]], 26, 2);
polyline(street('Mesa Verde Court', { orient: 'ew' }), [[-716, 1860], [-900, 1860]], 24, 1);
polyline(street('Cholla Way', { orient: 'ns' }), [[-480, PASEO_Y + 16], [-480, 2000]], 26, 102);
polyline(street('Yucca Place', { orient: 'ns' }), [[-300, PASEO_Y + 16], [-300, 1860]], 24, 2);
polyline(street('Piñon Loop', { orient: 'arc' }), arc(-150, PASEO_Y, 100, 0.14 * PI, 0.86 * PI, 12), 24, 1);
polyline(street('Coyote Trail', { orient: 'ns' }), [[250, PASEO_Y + 16], [250, 2000]], 26, 5);
polyline(street('Juniper Court', { orient: 'ew' }), [[266, 1900], [430, 1900]], 24, 2);
polyline(street('Sandia Circle', { orient: 'arc' }), arc(520, PASEO_Y, 90, 0.14 * PI, 0.86 * PI, 10), 24, 1);
polyline(street('Sierra Vista Drive', { orient: 'ns' }), [[800, PASEO_Y + 16], [800, 2060]], 28, 11);
polyline(street('Sierra Vista Loop', { orient: 'arc' }), arc(800, 2160, 95, -0.38 * PI, 1.38 * PI, 18), 25, 2);
polyline(street('Arroyo Seco Way', { orient: 'ew' }), [[-700, 2016], [250, 2016]], 30, 101);
polyline(street('Tierra Blanca Circle', { orient: 'arc' }), arc(-520, PASEO_Y, 95, 1.14 * PI, 1.86 * PI, 10), 24, 2);
// South, between MLK and Vista Hermosa Drive and beyond
polyline(street('Vista Hermosa Drive', { orient: 'ew' }), [[-800, HERMOSA_Y], [900, HERMOSA_Y]], 30, 101);
polyline(street('Agua Fria Trail', { orient: 'ns' }), [[-650, -28], [-650, HERMOSA_Y + 16]], 26, 2);
polyline(street('Ocotillo Way', { orient: 'ns' }), [[-390, -28], [-390, HERMOSA_Y + 16]], 26, 1);
polyline(street('Desert Willow Place', { orient: 'ns' }), [[-130, -28], [-130, HERMOSA_Y + 16]], 26, 2);
polyline(street('Kiva Court', { orient: 'ew' }), [[-146, -150], [-300, -150]], 24, 1);
polyline(street('Chamisa Trail', { orient: 'ns' }), [[700, -28], [700, HERMOSA_Y + 16]], 26, 6);
polyline(street('Chamisa Court', { orient: 'ew' }), [[716, -150], [900, -150]], 24, 1);
polyline(street('Roadrunner Loop', { orient: 'arc' }), arc(150, HERMOSA_Y, 100, 1.14 * PI, 1.86 * PI, 12), 24, 1);
polyline(street('Encino Circle', { orient: 'arc' }), arc(-180, HERMOSA_Y, 80, 1.14 * PI, 1.86 * PI, 10), 24, 2);
polyline(street('Tumbleweed Circle', { orient: 'arc' }), arc(-500, HERMOSA_Y, 90, 1.14 * PI, 1.86 * PI, 10), 24, 1);
polyline(street('Quail Run Trail', { orient: 'ns' }), [[420, HERMOSA_Y - 16], [420, -600]], 26, 3);
polyline(street('Paloma Court', { orient: 'ew' }), [[436, -450], [600, -450]], 24, 2);
polyline(street('Mariposa Loop', { orient: 'arc' }), arc(720, HERMOSA_Y, 90, 1.14 * PI, 1.86 * PI, 10), 24, 1);
polyline(street('Saguaro Place', { orient: 'ns' }), [[-650, HERMOSA_Y - 16], [-650, -450]], 24, 2);
polyline(street('Buena Vista Way', { orient: 'ew' }), [[100, -616], [700, -616]], 30, 101);
polyline(street('Lomas Trail', { orient: 'ns' }), [[150, -632], [150, -820]], 26, 2);
// West, off Los Ranchos Road; east, off State Road 14
polyline(street('Los Ranchos Road', { orient: 'ew' }), [[WEST_X - 30, 700], [-1750, 700]], 44, 1001, 18);
polyline(street('Casa Grande Court', { orient: 'ns' }), [[-1200, 718], [-1200, 900]], 24, 2);
polyline(street('Cielo Azul Loop', { orient: 'arc' }), arc(-1480, 700, 100, 1.14 * PI, 1.86 * PI, 12), 24, 1);
polyline(street('Frontier Place', { orient: 'ew' }), [[EAST_X + 30, 600], [EAST_X + 280, 600]], 26, 2);
polyline(street('Alameda Place', { orient: 'ew' }), [[EAST_X + 30, 300], [EAST_X + 240, 300]], 26, 1);
polyline(street('Rodeo Road', { orient: 'ew' }), [[EAST_X + 30, 900], [EAST_X + 520, 900]], 40, 2001, 18);

// A few apartment buildings downtown: extra rows with units at the same point (labels drop units).
const APT_HOSTS = [];
for (let i = 0; i < 16; i++) {
  const r = pick(rows.filter((w) => !w.unit && streets.get(w.street).grid && w.y > 3 * BY && w.y < 10 * BY && Math.abs(w.x) < 4 * BX));
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
// Crossings: two streets of different orientation (arcs cross either) whose closest pair of points is at most 50 m apart.
const crossings = [];
{
  const list = [...streets.values()];
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
    const a = list[i], b = list[j];
    if (a.orient === b.orient) continue;
    let best = null, second = null;
    for (const p of a.rows) for (const q of b.rows) {
      const d = metres(p, q);
      if (!best || d < best.d) { second = best; best = { d, p, q }; } else if (!second || d < second.d) second = { d, p, q };
    }
    // A near-tie between two pairs would make the label point hang on rounding: such corners are not used.
    // A loop's or circle's ends sit near other streets without meeting them: they need a tighter gap.
    if (best.d > (a.orient === 'arc' || b.orient === 'arc' ? 30 : 50) || (second && second.d - best.d < 0.5)) continue;
    const [s1, s2] = a.name < b.name ? [a, b] : [b, a];
    crossings.push({ a: s1, b: s2, label: `${s1.name} & ${s2.name}`, lat: +((best.p.lat + best.q.lat) / 2).toFixed(9), lon: +((best.p.lon + best.q.lon) / 2).toFixed(9), x: (best.p.x + best.q.x) / 2, y: (best.p.y + best.q.y) / 2 });
  }
}

// ---------- services and landmarks ----------
const SERVICES = [
  ['ST-POTHOLE', 'Pothole', 'Streets', 'Baches', ['pothole', 'pot hole', 'hole in the road', 'bache', 'baches', 'hoyo en la calle']],
  ['ST-GRADING', 'Dirt road grading', 'Streets', 'Camino de tierra', ['washboard', 'needs grading', 'grader', 'dirt road', 'ruts', 'camino de tierra', 'nivelar', 'hoyos en el camino']],
  ['ST-LIGHT', 'Streetlight out', 'Streets', 'Lámpara apagada', ['streetlight', 'street light', 'light out', 'light pole', 'lamp post', 'lámpara', 'poste de luz', 'alumbrado']],
  ['ST-SIGN', 'Damaged or missing sign', 'Traffic', 'Señal dañada', ['stop sign', 'street sign', 'sign down', 'yield sign', 'letrero', 'señal de alto']],
  ['ST-SIGNAL', 'Traffic signal problem', 'Traffic', 'Semáforo', ['traffic light', 'traffic signal', 'stoplight', 'signal not working', 'semáforo']],
  ['ST-SIDEWALK', 'Sidewalk or curb damage', 'Streets', 'Banqueta dañada', ['sidewalk', 'curb', 'trip hazard', 'banqueta', 'acera', 'cordón']],
  ['SW-MISSED', 'Missed trash or recycling pickup', 'Solid Waste', 'Basura no recogida', ['missed pickup', 'not picked up', 'trash can', 'recycling', 'roll cart', 'no recogieron', 'bote de basura']],
  ['SW-DUMPING', 'Illegal dumping', 'Solid Waste', 'Tiradero ilegal', ['dumped', 'dumping', 'mattress', 'pile of junk', 'tiraron', 'tiradero', 'colchón']],
  ['PR-GRAFFITI', 'Graffiti', 'Parks and Recreation', 'Grafiti', ['graffiti', 'tagged', 'tagging', 'spray paint', 'grafiti', 'pintas']],
  ['PR-WEEDS', 'Weeds and overgrown lots', 'Parks and Recreation', 'Maleza', ['weeds', 'tumbleweeds', 'overgrown', 'goatheads', 'maleza', 'hierba', 'yerba']],
  ['WA-LEAK', 'Water leak or main break', 'Water', 'Fuga de agua', ['water main', 'water leak', 'hydrant', 'leaking', 'fuga de agua', 'hidrante']],
  ['WA-WASTE', 'Water waste', 'Water', 'Desperdicio de agua', ['sprinklers', 'sprinkler', 'watering', 'wasting water', 'desperdicio de agua', 'regando', 'aspersores']],
  ['WA-FLOOD', 'Flooded street or arroyo crossing', 'Water', 'Calle inundada', ['flooded', 'flooding', 'arroyo', 'standing water', 'storm drain', 'culvert', 'inundada', 'alcantarilla']],
  ['AC-DEAD', 'Dead animal', 'Animal Control', 'Animal muerto', ['dead animal', 'dead dog', 'dead cat', 'carcass', 'roadkill', 'animal muerto']],
  ['AC-LOOSE', 'Loose or aggressive dog', 'Animal Control', 'Perro suelto', ['loose dog', 'stray dog', 'dogs running loose', 'perro suelto', 'perros sueltos']],
  ['CE-NOISE', 'Noise complaint', 'Code Enforcement', 'Ruido', ['noise', 'loud music', 'party', 'barking', 'ruido', 'música alta', 'fiesta']],
  ['CE-VEHICLE', 'Parking or abandoned vehicle', 'Code Enforcement', 'Vehículo abandonado', ['parked', 'blocking', 'abandoned vehicle', 'abandoned car', 'junk car', 'estacionado', 'carro abandonado']],
  ['GEN-OTHER', 'General inquiry', 'General', 'Consulta general', []],
];
const FALLBACK = 'GEN-OTHER';
const pointNear = (x, y) => ({ lat: +(LAT0 + y / M_LAT).toFixed(7), lon: +(LON0 + x / M_LON).toFixed(7), x, y });
const LANDMARKS = [
  { name: 'Santa Rita City Hall', en: ['city hall', 'the city offices'], es: ['la alcaldía', 'las oficinas de la ciudad'], ...pointNear(40, 6.5 * BY) },
  { name: 'La Plaza', en: ['the plaza', 'la plaza'], es: ['la plaza'], ...pointNear(-0.5 * BX, 6.5 * BY) },
  { name: 'Santa Rita Community Center', en: ['the community center', 'the rec center'], es: ['el centro comunitario', 'el centro recreativo'], ...pointNear(3.5 * BX, -140) },
];

// ---------- how people write street names ----------
const ORD_NUM = Object.fromEntries(ORD_WORDS.map((w, i) => [w, i]));
const ORD_ES = ['', 'primera', 'segunda', 'tercera', 'cuarta', 'quinta', 'sexta', 'séptima', 'octava', 'novena', 'décima', 'once', 'doce'];
const th = (n) => n + (n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] || 'th');
function typo(word) {
  if (word.length < 5) return word;
  const i = ri(1, word.length - 2);
  const kind = ri(0, 2);
  if (kind === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1);
  return word.slice(0, i) + word[i] + word.slice(i);
}
const TYPES = ['Street', 'Avenue', 'Drive', 'Road', 'Trail', 'Court', 'Circle', 'Loop', 'Way', 'Place', 'Boulevard'];
const TYPE_FORMS = {
  Street: ['Street', 'St', 'st', 'st.'], Avenue: ['Avenue', 'Ave', 'ave', 'av'], Drive: ['Drive', 'Dr', 'dr'], Road: ['Road', 'Rd', 'rd'],
  Trail: ['Trail', 'Trl', 'trl', 'trail'], Court: ['Court', 'Ct', 'ct'], Circle: ['Circle', 'Cir', 'cir'], Loop: ['Loop', 'loop', 'Lp'],
  Way: ['Way', 'way'], Place: ['Place', 'Pl', 'pl'],
};
const TYPE_RE = new RegExp(` (${TYPES.join('|')})$`);
const coreOf = (name) => name.replace(TYPE_RE, '');
const typeOf = (name) => (name.match(TYPE_RE) || [])[1];
const coreShared = (name) => [...streets.keys()].filter((n) => coreOf(n) === coreOf(name)).length > 1;
// Spanish-named streets: the forms people use, and the article a Spanish sentence puts before them.
const SPANISH_FORMS = {
  'Via Serena': { en: ['via serena', 'Via Serena', 'Vía Serena'], formal: ['Via Serena'], art: 'la ' },
  'Calle Ocho': { en: ['calle ocho', 'Calle Ocho', 'C. Ocho'], formal: ['Calle Ocho'], art: 'la ' },
  'Avenida de los Pinos': { en: ['avenida de los pinos', 'los pinos', 'Ave de los Pinos', 'av. de los pinos', 'Los Pinos'], formal: ['Avenida de los Pinos', 'Ave. de los Pinos'], art: 'la ' },
  'Camino del Rey': { en: ['camino del rey', 'Camino Del Rey', 'del rey', 'Camino del Rey'], formal: ['Camino del Rey'], art: 'el ' },
  'Calle de la Luna': { en: ['calle de la luna', 'luna', 'Calle de la Luna', 'calle luna', 'Luna'], formal: ['Calle de la Luna'], art: 'la ' },
  'Calle del Sol': { en: ['calle del sol', 'Calle del Sol', 'calle sol'], formal: ['Calle del Sol'], art: 'la ' },
  'Calle Real': { en: ['calle real', 'Calle Real'], formal: ['Calle Real'], art: 'la ' },
  'Camino Viejo': { en: ['camino viejo', 'Camino Viejo'], formal: ['Camino Viejo'], art: 'el ' },
  'Paseo del Norte': { en: ['paseo del norte', 'Paseo del Norte', 'paseo'], formal: ['Paseo del Norte'], art: 'el ' },
};
// render: the way a citizen writes a street. A shared core (First Street / First Avenue, Mesa Verde Court / Trail) always
// keeps its type; a unique one may drop it.
function renderStreet(name, lang, formal, opts = {}) {
  const es = lang === 'es';
  let m;
  if ((m = name.match(/^(\w+) (Street|Avenue)$/)) && ORD_NUM[m[1]]) {
    const n = ORD_NUM[m[1]], isAve = m[2] === 'Avenue', keepType = coreShared(name) || chance(0.55);
    if (formal) return `${chance(0.6) ? m[1] : th(n)} ${isAve ? pick(['Avenue', 'Ave']) : pick(['Street', 'St'])}`;
    if (es) {
      const f = weighted({ calle: 3, ord: 2, eng: 2 });
      if (f === 'calle') return `${isAve ? 'avenida' : 'calle'} ${n}`;
      // "la quinta calle", but "la calle once": Spanish puts the cardinal after the noun above ten.
      if (f === 'ord' && n > 10) return `calle ${ORD_ES[n]}`;
      if (f === 'ord') return keepType ? `${ORD_ES[n]} ${isAve ? 'avenida' : 'calle'}` : ORD_ES[n];
      return `${th(n)} ${isAve ? 'Ave' : 'St'}`;
    }
    const num = weighted({ [th(n)]: 5, [m[1].toLowerCase()]: 2, [m[1]]: 1 });
    if (!keepType) return num;
    return `${num} ${isAve ? pick(['ave', 'Ave', 'av', 'avenue', 'Avenue']) : pick(['st', 'St', 'street', 'Street', 'st.'])}`;
  }
  if (name === 'Martin Luther King Jr Boulevard') {
    if (formal) return pick(['Martin Luther King Jr Boulevard', 'Martin Luther King Jr. Blvd', 'MLK Jr. Blvd', 'Martin Luther King Blvd']);
    if (es) return pick(['el bulevar MLK', 'la MLK', 'el Martin Luther King', 'MLK Blvd']);
    return pick(['MLK', 'mlk', 'MLK Blvd', 'mlk blvd', 'Martin Luther King', 'M.L.K. Blvd', 'MLK Jr Blvd']);
  }
  if (name === 'St. Francis Drive') {
    if (formal) return pick(['St. Francis Drive', 'Saint Francis Drive', 'St Francis Dr', 'St. Francis Dr.']);
    const core = pick(['st francis', 'St. Francis', 'saint francis', 'St Francis', 'st. francis', 'st frances']);
    return (es ? 'la ' : '') + core + (chance(0.45) ? ' ' + pick(['dr', 'Dr', 'drive', 'Dr.']) : '');
  }
  if (name === 'Old Route 66') {
    if (formal) return pick(['Old Route 66', 'Old Rte 66', 'Old Route 66']);
    if (es) return pick(['la 66', 'la Ruta 66', 'la Old 66', 'la vieja 66']);
    return pick(['old 66', 'Old Route 66', 'old route 66', 'route 66', 'Rt 66', 'Old Rt. 66', ...(opts.numbered ? [] : ['the old highway'])]).replace('the old highway', 'old highway 66');
  }
  if (name === 'State Road 14') {
    if (formal) return pick(['State Road 14', 'NM 14', 'NM-14', 'State Rd 14']);
    if (es) return pick(['la carretera 14', 'la NM 14', 'la 14', 'la State Road 14']);
    return pick(['NM 14', 'nm 14', 'SR-14', 'SR 14', 'state road 14', 'hwy 14', 'NM-14', 'State Rd 14']);
  }
  if (name === "O'Brien Road") {
    const core = formal ? pick(["O'Brien", "O'Brien"]) : pick(["o'brien", "O'Brien", 'obrien', 'OBrien', 'O’Brien', "o'brian"]);
    const t = formal ? pick([' Road', ' Rd']) : chance(0.6) ? ' ' + pick(['rd', 'Rd', 'road', 'Road']) : '';
    return (es && !formal ? pick(['la ', 'el camino ']) : '') + core + (es && !formal ? '' : t);
  }
  if (SPANISH_FORMS[name]) {
    const f = SPANISH_FORMS[name];
    if (formal) return pick(f.formal);
    // After the article only a form with its generic reads right ("el Camino del Rey", not "el del rey").
    if (es) return f.art + pick(f.formal.concat(f.en.filter((s) => /^(calle|camino|avenida|av|ave|paseo|via|vía|c\.) /i.test(s))));
    return pick(f.en);
  }
  if (name === 'Kit Carson Road') return formal ? pick(['Kit Carson Road', 'Kit Carson Rd']) : (es ? 'la ' : '') + pick(['kit carson', 'Kit Carson Rd', 'kit carson rd', 'Kit Carson']);
  const core = coreOf(name), type = typeOf(name);
  if (formal) return chance(0.7) ? name : `${core} ${TYPE_FORMS[type][1]}`;
  let c = chance(0.12) ? core.split(' ').map((w, i) => (i === 0 ? typo(w) : w)).join(' ') : core;
  if (chance(0.3)) c = c.replace('ñ', 'n');
  if (chance(0.5)) c = c.toLowerCase();
  // A bare one-word core reads as a plant or a bird, not a street: it keeps its type.
  const keepType = coreShared(name) || !/ /.test(core) || chance(0.6);
  return `${c}${keepType ? ' ' + pick(TYPE_FORMS[type]) : ''}`;
}
const esArt = (text) => (/^(la |el |las |los )/.test(text) ? text : /^(calle|avenida|primera|segunda|tercera|cuarta|quinta|sexta|séptima|octava|novena|décima|once|doce|carretera)\b|^\d+(st|nd|rd|th) /i.test(text) ? 'la ' + text : text);
const noArt = (text) => text.replace(/^(la|el) /, '');
const deArt = (text) => ('de ' + esArt(text)).replace(/^de el /, 'del ');

// ---------- places ----------
const houseRows = rows.filter((r) => !r.unit);
const streetList = [...streets.values()];
const MANY_FORMS = new Set(['Martin Luther King Jr Boulevard', "O'Brien Road", 'St. Francis Drive', 'Old Route 66', 'State Road 14']);
function pickStreet() {
  // The names people write in many ways (MLK, O'Brien, St. Francis, Old Route 66, State Road 14) come up more often.
  const w = streetList.map((s) => Math.sqrt(s.rows.length) * (MANY_FORMS.has(s.name) ? 4 : s.grid ? (/Street$|Avenue$/.test(s.name) ? 1.2 : 2) : 2.2));
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
  if (chance(0.35) && st.grid) {
    const hundreds = [...new Set(st.rows.map((r) => Math.floor(r.number / 100) * 100))].filter((h) => h >= 100);
    const h = pick(hundreds), row = blockRow(st, h);
    if (row) return { kind: 'street', st, block: h, x: row.x, y: row.y, label: { address: st.name, precision: 'street', lat: row.lat, long: row.lon } };
  }
  const row = centralRow(st);
  return { kind: 'street', st, x: row.x, y: row.y, label: { address: st.name, precision: 'street', lat: row.lat, long: row.lon } };
}
const COORD_FORMS = ['raw', 'google', 'googleq', 'google', 'googlell', 'apple', 'osm', 'google', 'osmhash', 'geo', 'raw', 'whatsapp', 'osmhash', 'geo'];
function coordinatePlace(near) {
  const r = near || pick(houseRows);
  const dec = pick([5, 6, 6]);
  const lat = +(r.lat + (rnd() - 0.5) * 0.00008).toFixed(dec), lon = +(r.lon + (rnd() - 0.5) * 0.0001).toFixed(dec);
  return { kind: 'coordinates', form: pick(COORD_FORMS), lat, lon, x: (lon - LON0) * M_LON, y: (lat - LAT0) * M_LAT, label: { address: null, precision: 'coordinates', lat, long: lon } };
}
const landmarkPlace = (l = pick(LANDMARKS)) => ({ kind: 'landmark', l, x: l.x, y: l.y, label: { address: null, precision: 'coordinates', lat: l.lat, long: l.lon } });
const nonePlace = () => ({ kind: 'none', label: { address: null, precision: 'none', lat: null, long: null } });
function coordText(p) {
  const { lat, lon } = p, v = (d) => d.toFixed(4);
  switch (p.form) {
    case 'google': return `https://www.google.com/maps/place/${lat},${lon}/@${v(lat + 0.0005)},${v(lon - 0.0012)},18z/data=!3m1!4b1!4m4!3m3!8m2!3d${lat}!4d${lon}`;
    case 'googleq': return `https://www.google.com/maps?q=${lat},${lon}`;
    case 'googlell': return `https://maps.google.com/maps?ll=${lat},${lon}&z=18`;
    case 'whatsapp': return `https://maps.google.com/?q=${lat},${lon}`;
    case 'apple': return `https://maps.apple.com/?ll=${lat},${lon}&q=Dropped%20Pin`;
    case 'osm': return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${v(lat + 0.0004)}/${v(lon + 0.0006)}`;
    case 'osmhash': return `https://www.openstreetmap.org/#map=19/${lat}/${lon}`;
    case 'geo': return `geo:${lat},${lon}${chance(0.5) ? '?z=19' : ''}`;
    default: return chance(0.5) ? `${lat}, ${lon}` : `${lat},${lon}`;
  }
}
function renderAddress(row, lang, formal) {
  const st = renderStreet(row.street, lang, formal, { numbered: true });
  const apt = row.apartments && chance(0.7) ? pick(lang === 'es' ? ['apt 3', 'apto 2', '#4', 'depto 1'] : ['apt 3', 'unit 2', 'apt 4', '#4']) : null;
  if (lang === 'es') {
    const base = /^(la|el) /.test(st) || chance(0.4) ? `${row.number} ${deArt(st)}` : `${row.number} ${st.replace(/^(la|el) /, '')}`;
    return apt ? `${base}, ${apt}` : base;
  }
  const base = `${row.number} ${st}`;
  if (apt) return chance(0.6) ? `${base} ${apt}` : `${apt}, ${base}`;
  return base;
}
const renderCrossing = (c, lang, formal) => (chance(0.5) ? [c.a, c.b] : [c.b, c.a]).map((s) => renderStreet(s.name, lang, formal));

// ---------- language tables ----------
const formalFor = (channel) => channel === 'email' || (channel === 'web' && chance(0.5));
function placePhrase(place, lang, channel, atEnd = false) {
  const formal = formalFor(channel);
  const es = lang === 'es';
  if (place.kind === 'address') {
    const a = renderAddress(place.row, lang, formal);
    if (es) return pick([`en el ${a}`, `frente al ${a}`, `cerca del ${a}`, `enfrente del ${a}`, `en el ${a}`, `por el ${a}`]);
    return pick([`at ${a}`, `in front of ${a}`, `outside ${a}`, `across from ${a}`, `near ${a}`, `at ${a}`, `by ${a}`]);
  }
  if (place.kind === 'intersection') {
    const [a, b] = renderCrossing(place.c, lang, formal);
    if (es) return pick([`en la esquina ${deArt(a)} y ${esArt(b)}`, `en el cruce ${deArt(a)} con ${esArt(b)}`, `esquina ${deArt(a)} y ${esArt(b)}`, `en la esquina ${noArt(a)} y ${noArt(b)}`]);
    // A bare crossing ("pothole luna and 5th") only ends a sentence; mid-sentence it reads as a list.
    if (!formal && atEnd && chance(0.4)) return pick([`${a} and ${b}`, `${a} n ${b}`, `${a}/${b}`]);
    return pick([`at the corner of ${a} and ${b}`, `at ${a} & ${b}`, `at ${a}/${b}`, `on ${a} at ${b}`, `at ${a} and ${b}`, `at the intersection of ${a} and ${b}`, `where ${a} meets ${b}`, `on the corner of ${a} & ${b}`]);
  }
  if (place.kind === 'street') {
    const s = renderStreet(place.st.name, lang, formal);
    if (place.block !== undefined) return es ? `en la cuadra ${place.block} ${deArt(s)}` : pick([`in the ${place.block} block of ${s}`, `on the ${place.block} block of ${s}`]);
    if (es) return pick([`en ${esArt(s)}`, `por ${esArt(s)}`, `sobre ${esArt(s)}`, `en ${esArt(s)} (no sé el número)`]);
    return pick([`on ${s}`, `along ${s}`, `somewhere on ${s}`, `on ${s} (not sure of the number)`, `on ${s} about halfway down`]);
  }
  if (place.kind === 'coordinates') {
    const t = coordText(place);
    return es ? pick([`aquí: ${t}`, `en ${t}`, `(ubicación: ${t})`, `aquí está el pin ${t}`]) : pick([`here: ${t}`, `at ${t}`, `(location ${t})`, `right here ${t}`, `pin: ${t}`]);
  }
  if (place.kind === 'landmark') {
    const alias = pick(place.l[es ? 'es' : 'en']);
    return es ? pick([`en ${alias}`, `junto a ${alias}`, `afuera de ${alias}`]).replace('a el ', 'al ').replace('de el ', 'del ') : pick([`at ${alias}`, `by ${alias}`, `outside ${alias}`]);
  }
  return es ? pick(['en mi calle', 'cerca de la escuela', 'en el centro', 'por mi casa', 'en el callejón', 'en la parada del bus', 'por el arroyo'])
    : pick(['on my street', 'by the school', 'downtown', 'in the alley behind us', 'near the bus stop', 'by the arroyo', 'outside my apartment']);
}

// Per service: report sentences with {p}; every service is written in English and in Spanish.
const PROBLEMS = {
  'ST-POTHOLE': {
    en: ['huge pothole {p}, almost lost a tire', 'There is a deep pothole {p} that gets bigger every time it rains.', 'pot hole {p} full of water after the storm', 'pothole {p} bent my rim, $380 at the tire shop', 'Big hole in the road {p}. Somebody put a cone in it but it needs fixing.'],
    es: ['hay un bache bien grande {p}', 'un bache muy hondo {p}, los carros se tienen que desviar', 'hoyo en la calle {p}, ya se llenó de agua con la lluvia'],
  },
  'ST-GRADING': {
    en: ['the dirt road {p} is all washboard, needs grading', 'Ruts {p} are so deep after the rains my car bottoms out.', 'can you send the grader {p}? caliche is washing out'],
    es: ['el camino de tierra {p} está lleno de hoyos, hay que nivelarlo', 'con las lluvias el camino {p} quedó todo lavado, no pasan los carros'],
  },
  'ST-LIGHT': {
    en: ['streetlight out {p}', 'The street light {p} has been out for a week, very dark walking the dog.', 'light pole flickering on and off {p}', 'light out {p} again'],
    es: ['la lámpara de la calle está apagada {p}', 'no sirve el poste de luz {p}, está bien oscuro', 'el alumbrado no prende {p}'],
  },
  'ST-SIGN': {
    en: ['stop sign knocked over {p}', 'The street sign {p} is bent over and facing the wrong way.', 'yield sign missing {p} since the windstorm'],
    es: ['se cayó la señal de alto {p}', 'el letrero de la calle está doblado {p}'],
  },
  'ST-SIGNAL': {
    en: ['traffic light stuck on red {p}', 'The traffic signal {p} is flashing red all directions and people are confused.', 'stoplight out {p}, walk button dead too'],
    es: ['el semáforo no funciona {p}', 'semáforo parpadeando {p}, bien peligroso'],
  },
  'ST-SIDEWALK': {
    en: ['sidewalk heaved up {p}, trip hazard', 'The sidewalk {p} is cracked and lifted; my mother tripped on it.', 'curb broken off {p}'],
    es: ['la banqueta está quebrada {p}, alguien se va a caer', 'banqueta levantada {p}'],
  },
  'SW-MISSED': {
    en: ['trash not picked up {p}', 'Our recycling was missed {p} this week.', 'roll cart missed again {p}, whole side of the street'],
    es: ['no recogieron la basura {p}', 'no pasaron por el bote de basura {p} esta semana'],
  },
  'SW-DUMPING': {
    en: ['someone dumped a mattress and a couch {p}', 'Pile of junk dumped {p} overnight, paint cans too.', 'illegal dumping {p}, bags of trash and old tires'],
    es: ['tiraron un colchón y muebles {p}', 'alguien dejó un tiradero de bolsas {p}'],
  },
  'PR-GRAFFITI': {
    en: ['graffiti on the utility box {p}', 'The bus shelter {p} got tagged with spray paint last night.', 'new tagging on the wall {p}'],
    es: ['pintaron grafiti en la caja de luz {p}', 'hay pintas en la pared {p}'],
  },
  'PR-WEEDS': {
    en: ['tumbleweeds piled up {p}, blocking the road', 'The vacant lot {p} is overgrown with weeds taller than me, fire hazard.', 'goatheads all over the path {p}, kids cant walk there'],
    es: ['hay un montón de maleza {p}, peligro de incendio', 'se juntaron las tumbleweeds {p} y tapan la calle'],
  },
  'WA-LEAK': {
    en: ['water gushing out of the ground {p}', 'There is a water leak {p}, water running down the gutter all day.', 'hydrant leaking {p}'],
    es: ['fuga de agua {p}, sale mucha agua', 'el hidrante está tirando agua {p}'],
  },
  'WA-WASTE': {
    en: ['sprinklers running in the middle of the day {p}, water all over the street', 'Someone is watering {p} on a no-watering day, it runs down the street every afternoon.', 'sprinkler head broken {p} spraying the road'],
    es: ['están regando a mediodía {p}, el agua se va a la calle', 'los aspersores {p} llevan horas prendidos, puro desperdicio de agua'],
  },
  'WA-FLOOD': {
    en: ['road flooded {p} after the storm, cars stalling', 'The arroyo crossing {p} is running and a car tried to go through.', 'storm drain plugged {p}, standing water curb to curb'],
    es: ['la calle está inundada {p}, no se puede pasar', 'el arroyo se desbordó {p} y está corriendo el agua por la calle'],
  },
  'AC-DEAD': {
    en: ['dead dog {p}', 'There is a dead coyote {p}, looks like it got hit.', 'roadkill {p}, looks like a skunk'],
    es: ['hay un animal muerto {p}', 'un coyote muerto {p}, ya huele'],
  },
  'AC-LOOSE': {
    en: ['loose dog running in traffic {p}', 'Two dogs running loose {p}, one went after my kids.', 'stray dog {p} for 2 days now'],
    es: ['hay un perro suelto {p}, está bravo', 'perros sueltos {p} corriendo entre los carros'],
  },
  'CE-NOISE': {
    en: ['loud music {p} every night', 'Party {p} is still going, bass shaking the windows.', 'dog barking nonstop {p}'],
    es: ['hay una fiesta con música alta {p}', 'mucho ruido {p} todas las noches'],
  },
  'CE-VEHICLE': {
    en: ['truck parked on the sidewalk {p}', 'A car has been abandoned {p} for weeks, flat tires and no plates.', 'car blocking the alley {p}', 'white pickup, plate BKT 482, parked in the bike lane {p} since 6am'],
    es: ['un carro abandonado {p} desde hace semanas', 'una troca estacionada tapando la entrada {p}'],
  },
};
// Household services are written about a home address or no place; signals only at crossings.
const HOUSEHOLD = new Set(['SW-MISSED', 'WA-WASTE']);
const QUESTIONS = [
  ['en', 'SW-MISSED', 'is trash pickup still on monday for labor day week?'], ['en', 'WA-WASTE', 'What days am I allowed to water my yard this summer?'],
  ['en', null, 'How do I get a dog license?'], ['en', 'SW-DUMPING', 'where can I take an old couch, is the transfer station open saturdays?'],
  ['en', null, 'What time does city hall close on Fridays?'], ['en', 'ST-LIGHT', 'who do I call about a streetlight, you guys or the electric coop?'],
  ['es', 'SW-MISSED', '¿qué día pasa la basura en mi colonia?'], ['es', null, '¿dónde pago el recibo del agua?'],
  ['es', 'WA-WASTE', '¿qué días se puede regar?'], ['es', null, '¿a qué hora abre el centro comunitario los sábados?'],
  ['en', 'CE-VEHICLE', 'Can I park my trailer on the street overnight?'], ['es', 'AC-LOOSE', '¿cómo registro a mi perro?'],
  ['en', null, 'do you have a lost and found at the pool?'], ['es', 'ST-GRADING', '¿cuándo van a pasar a nivelar los caminos de tierra?'],
];
const DISTRACT_EN = [' since 7:30 this morning', ' for 3 days now', ' for about 2 weeks', '. My 2 kids walk by there', ' since Aug 3', ' since around 11pm', ' going on 40 minutes', ' since the 4th of July'];
const DISTRACT_ES = [' desde las 7:30', ' desde hace 3 días', ' desde hace 2 semanas', '. mis 2 hijos pasan por ahí', ' desde el 3 de agosto'];
const FIRST = ['Maria', 'Dolores', 'Priya', 'Jose', 'Shannon', 'Luis', 'Travis', 'Guadalupe', 'Renee', 'Carlos', 'Brenda', 'Ana', 'Eloy', 'Rosa', 'Darlene', 'Fernando', 'Tyrone', 'Kateri'];
const LAST = ['Baca', 'Garcia', 'Trujillo', 'Chavez', 'Montoya', 'Lucero', 'Begay', 'Romero', 'Sandoval', 'Martinez', 'Olguin', 'Archuleta', 'Johnson', 'Vigil'];
const DOMAINS = ['example.com', 'example.org', 'example.net', 'example.us'];

// ---------- composing messages ----------
const tidy = (s) => s.replace(/[ \t]+/g, ' ').replace(/ ([,.!?])/g, '$1').replace(/\.\./g, '.').replace(/,\./g, '.').replace(/[ \t]+$/gm, '').replace(/^ /gm, '').trim();
let phoneSeq = 0;
const newPhone = () => `+1505555${String(100 + (phoneSeq++ % 100)).padStart(4, '0')}`;
const fmtPhone = (p) => pick([`(${p.slice(2, 5)}) ${p.slice(5, 8)}-${p.slice(8)}`, `${p.slice(2, 5)}-${p.slice(5, 8)}-${p.slice(8)}`, `${p.slice(2, 5)}.${p.slice(5, 8)}.${p.slice(8)}`]);
function person() {
  const first = pick(FIRST), last = pick(LAST);
  return { first, last, phone: newPhone(), email: `${first.toLowerCase()}.${last.toLowerCase()}${chance(0.3) ? ri(1, 99) : ''}@${pick(DOMAINS)}` };
}
// Mountain daylight time (UTC-6) over the whole corpus window.
const localHour = (t) => (new Date(t).getUTCHours() + 18) % 24;
function greeting(lang, t) {
  const h = localHour(t);
  if (lang === 'es') return h < 12 ? pick(['Buenos días,', 'Hola,']) : h < 19 ? pick(['Buenas tardes,', 'Hola,']) : pick(['Buenas noches,', 'Hola,']);
  return h < 12 ? pick(['Good morning,', 'Hello,', 'Hi,']) : h < 18 ? pick(['Good afternoon,', 'Hello,', 'To whom it may concern,']) : pick(['Hi,', 'Hello,', 'Good evening,']);
}
function sentence(code, lang, place, channel) {
  const template = pick(PROBLEMS[code][lang]);
  let s = template.replace('{p}', placePhrase(place, lang, channel, /\{p\}[.!]?$/.test(template)));
  if (chance(0.3) && !/since|desde|last night|overnight|week|every|again|days now|after the|semana|noches|hace|lluvia/.test(s)) s = s.replace(/[.!]?$/, '') + pick(lang === 'es' ? DISTRACT_ES : DISTRACT_EN);
  if (channel === 'sms' || channel === 'whatsapp') {
    if (chance(0.6)) s = s.toLowerCase();
    if (chance(0.3)) s += pick(lang === 'es' ? [' gracias', ' porfa', ' 🙏', ' urge'] : [' thx', ' pls', ' 🙏', ' asap', ' thanks!']);
  }
  return s;
}
function signature(p, lang, withAddress) {
  const lines = [lang === 'es' ? pick(['Saludos,', 'Gracias,', 'Atentamente,']) : pick(['Thanks,', 'Regards,', 'Thank you,', 'Sincerely,']), `${p.first} ${p.last}`];
  if (withAddress) lines.push(`${withAddress.number} ${renderStreet(withAddress.street, 'en', true)}`, `${CITY}, NM ${ZIP}`);
  if (chance(0.7)) lines.push(fmtPhone(p.phone));
  return lines.join('\n');
}
const SUBJECTS = {
  en: { default: ['Problem to report', 'Service request', 'Please help', 'Report', 'Complaint'], 'ST-POTHOLE': ['Pothole'], 'ST-LIGHT': ['Streetlight out'], 'WA-FLOOD': ['Flooding'], 'CE-NOISE': ['Noise complaint'], 'PR-WEEDS': ['Weeds'] },
  es: { default: ['Reporte', 'Un problema en mi calle', 'Queja', 'Solicitud'] },
};
const subjectFor = (code, lang) => pick((SUBJECTS[lang][code] || []).concat(SUBJECTS[lang].default));

function compose(code, lang, place, channel, who, t, extra = {}) {
  const body = sentence(code, lang, place, channel);
  switch (channel) {
    case 'sms': case 'whatsapp': return { text: tidy(body) };
    case 'web': return { text: tidy(chance(0.4) ? endDot(body) + (lang === 'es' ? ' Gracias.' : pick([' Thank you.', ' Thanks for your help.'])) : body) };
    case 'email': {
      let text = `${greeting(lang, t)}\n\n${body}\n\n${signature(who, lang, extra.sigAddress)}`;
      if (chance(0.2)) text += lang === 'es' ? '\n\nEnviado desde mi iPhone' : '\n\nSent from my iPhone';
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
// A wrong number said first: one digit off ("1019, no sorry, 1319").
function wrongNumber(n) {
  const s = String(n), i = ri(0, s.length - 1);
  let d = (+s[i] + ri(1, 8)) % 10;
  if (i === 0 && d === 0) d = 1;
  return s.slice(0, i) + d + s.slice(i + 1);
}
function transcript(code, lang, place, who) {
  const es = lang === 'es';
  const C = es ? 'Agente' : 'Clerk', P = es ? 'Llamante' : 'Caller';
  const hello = es ? 'Ciudad de Santa Rita, ¿en qué le puedo ayudar?' : pick(['City of Santa Rita, how can I help you?', 'Santa Rita 311, what can I do for you?']);
  const lines = [`${C}: ${hello}`];
  const s = pick(PROBLEMS[code][lang]);
  const [before, after] = s.split('{p}');
  if (place.kind === 'address' && chance(0.7)) {
    const n = +place.row.number, st = renderStreet(place.row.street, lang, false, { numbered: true });
    const said = chance(0.5) ? spellNum(n, lang) : String(n);
    lines.push(`${P}: ${endDot(tidy(before + after))}`);
    lines.push(`${C}: ${es ? '¿Me da la dirección?' : 'What is the address?'}`);
    if (chance(0.6)) lines.push(`${P}: ${es ? `Es el ${wrongNumber(n)}, no, perdón, el ${said} ${deArt(st)}.` : `It's ${wrongNumber(n)}, no sorry, ${said} ${st}.`}`);
    else lines.push(`${P}: ${es ? `El ${said} ${deArt(st)}.` : `${said} ${st}.`}`);
    lines.push(`${C}: ${es ? `${n} ${renderStreet(place.row.street, 'en', true)}, anotado.` : `${n} ${renderStreet(place.row.street, 'en', true)}, got it.`}`);
  } else {
    lines.push(`${P}: ${endDot(tidy(s.replace('{p}', placePhrase(place, lang, 'transcript'))))}`);
    lines.push(`${C}: ${es ? '¿Me da un número para llamarle?' : 'Can I get a callback number?'}`);
    lines.push(`${P}: ${fmtPhone(who.phone)}.`);
  }
  lines.push(`${C}: ${es ? 'Gracias, ya quedó el reporte.' : pick(['Thanks, I have put that in for the crew.', 'Okay, I have that logged. Thank you.'])}`);
  return lines.map((l) => l.replace(/\.\.$/, '.')).join('\n');
}

// ---------- the corpus plan ----------
const T0 = Date.parse('2026-07-06T13:00:00Z'), DAYS = 100;
const msgs = [];
const codes = Object.keys(PROBLEMS);
// Services any kind of place can be written with (not household ones, not signals, which stand at crossings).
const ANYWHERE = codes.filter((c) => !HOUSEHOLD.has(c) && c !== 'ST-SIGNAL');
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
const CHANNEL_W = { sms: 30, email: 13, transcript: 18, web: 19, whatsapp: 20 };
const KIND_W = { address: 28, intersection: 19, street: 14, coordinates: 20, landmark: 4, none: 8 };
// Dirt roads are the outlying ones: grading is reported off the paved downtown grid.
const PAVED = new Set([...streets.values()].filter((s) => s.grid && s.name !== "O'Brien Road").map((s) => s.name));
const onPaved = (place) => (place.row && PAVED.has(place.row.street)) || (place.st && PAVED.has(place.st.name)) || (place.c && PAVED.has(place.c.a.name) && PAVED.has(place.c.b.name));
const unfit = (code, place) => code === 'ST-GRADING' && (onPaved(place) || place.kind === 'coordinates' || place.kind === 'landmark');
const placeFor = (code, kind) => {
  if (HOUSEHOLD.has(code) && kind !== 'none') return 'address';
  if (code === 'ST-SIGNAL' && (kind === 'address' || kind === 'street')) return 'intersection';
  return kind;
};

// Ordinary single reports.
for (let i = 0; i < 212; i++) {
  const channel = weighted(CHANNEL_W), lang = chance(0.34) ? 'es' : 'en', code = pick(codes);
  let kind = placeFor(code, weighted(KIND_W));
  if (channel === 'transcript' && kind === 'coordinates') kind = 'landmark';
  let place, t, tries = 0;
  do { place = kindPlace[kind](); t = randTime(); } while ((tooClose(code, place, t) || unfit(code, place)) && ++tries < 50);
  if (tries >= 50) continue;
  const who = person();
  add(channel, lang, code, place, t, who, compose(code, lang, place, channel, who, t));
}

// The writer's own address next to the problem's place: the problem's place is the label.
for (let i = 0; i < 12; i++) {
  const lang = i % 3 === 2 ? 'es' : 'en', channel = pick(['email', 'web', 'sms', 'whatsapp']), code = pick(ANYWHERE);
  const home = pick(houseRows);
  let place, t;
  do { place = chance(0.7) ? addressPlace() : crossingPlace(); t = randTime(); } while (tooClose(code, place, t) || unfit(code, place) || Math.hypot(place.x - home.x, place.y - home.y) < 200);
  const who = person();
  const homeText = renderAddress(home, lang, channel === 'email');
  const problem = sentence(code, lang, place, channel);
  const bare = place.kind === 'address' ? renderAddress(place.row, lang, channel === 'email') : null;
  const text = lang === 'es'
    ? pick([`Vivo en el ${homeText} pero el reporte es de otro lugar: ${problem}.`, `Mi dirección es ${homeText}, pero esto no es en mi casa: ${problem}.`])
    : pick([`I live at ${homeText} but the problem is ${bare ? 'at ' + bare : 'somewhere else'}: ${pick(PROBLEMS[code].en).replace(' {p}', bare ? ' there' : ' ' + placePhrase(place, lang, channel))}`,
      `My address is ${homeText} but this is about somewhere else: ${problem}.`, `(home: ${homeText}) ${problem}.`]);
  const parts = channel === 'email' ? { text: tidy(`${greeting(lang, t)}\n\n${text}\n\n${signature(who, lang, null)}`), subject: subjectFor(code, lang) } : { text: tidy(text) };
  add(channel, lang, code, place, t, who, parts);
}

// "Outside my house" with the address only in the signature: the signature address is the place.
for (let i = 0; i < 4; i++) {
  const lang = i === 3 ? 'es' : 'en', code = pick(['ST-LIGHT', 'PR-WEEDS', 'SW-MISSED', 'WA-FLOOD', 'ST-SIDEWALK']);
  let place, t;
  do { place = addressPlace(); t = randTime(); } while (tooClose(code, place, t) || unfit(code, place));
  const who = person();
  const body = lang === 'es' ? pick(PROBLEMS[code].es).replace('{p}', 'frente a mi casa') : pick(PROBLEMS[code].en).replace('{p}', pick(['outside my house', 'in front of my house']));
  add('email', lang, code, place, t, who, { text: tidy(`${greeting(lang, t)}\n\n${body}.\n\n${signature(who, lang, place.row)}`), subject: subjectFor(code, lang) });
}

// A signature address that is not the place, with the problem somewhere named.
for (let i = 0; i < 8; i++) {
  const lang = i % 3 === 0 ? 'es' : 'en', code = pick(ANYWHERE);
  let place, t;
  do { place = kindPlace[pick(['address', 'intersection', 'street', 'coordinates'])](); t = randTime(); } while (tooClose(code, place, t) || unfit(code, place));
  const who = person();
  add('email', lang, code, place, t, who, compose(code, lang, place, 'email', who, t, { sigAddress: pick(houseRows) }));
}

// Forwarded e-mails and quoted replies.
for (let i = 0; i < 10; i++) {
  const lang = i % 4 === 1 ? 'es' : 'en', code = pick(ANYWHERE);
  let place, t;
  do { place = kindPlace[pick(['address', 'address', 'intersection', 'street'])](); t = randTime(); } while (tooClose(code, place, t) || unfit(code, place));
  const who = person();
  const body = sentence(code, lang, place, 'email');
  let text;
  const earlier = new Date(t - ri(2, 40) * 3600e3);
  const when = earlier.toUTCString().replace(' GMT', '');
  const whenEs = `${earlier.getUTCDate()}/${earlier.getUTCMonth() + 1}/${earlier.getUTCFullYear()} a las ${earlier.toISOString().slice(11, 16)}`;
  if (i % 2 === 0) {
    const clerk = pick(['Yvonne Chavez', 'Marcus Lee', 'Andrea Lucero']);
    text = `Forwarding this one, it came to the front desk inbox.\n\n${clerk}\nCity of Santa Rita | 711 St. Francis Drive\n(505) 555-0100\n\n---------- Forwarded message ---------\nFrom: ${who.first} ${who.last} <${who.email}>\nDate: ${when}\nSubject: ${subjectFor(code, lang)}\n\n${body}\n\n${who.first}`;
    add('email', lang, code, place, t, { ...who, email: `${clerk.split(' ')[0].toLowerCase()}@santarita.example.us` }, { text: tidy(text), subject: `Fwd: ${subjectFor(code, lang)}` });
  } else {
    const ref = `SR-${ri(40000, 49999)}`;
    const old = lang === 'es' ? `> Gracias por su reporte (número ${ref}). ¿Nos puede decir dónde está exactamente?` : `> Thank you for your report (reference ${ref}). Can you tell us exactly where it is?`;
    const header = lang === 'es' ? `El ${whenEs}, Santa Rita 311 <311@santarita.example.us> escribió:` : `On ${when}, Santa Rita 311 <311@santarita.example.us> wrote:`;
    text = `${lang === 'es' ? 'Claro,' : 'Sure,'} ${body}.\n\n${who.first}\n\n${header}\n${old}\n> \n> City of Santa Rita\n> 711 St. Francis Drive`;
    add('email', lang, code, place, t, who, { text: tidy(text), subject: `Re: ${subjectFor(code, lang)}` });
  }
}

// Questions that report nothing, and failed voice transcriptions.
for (const [lang, code, q] of QUESTIONS) {
  const channel = pick(['sms', 'web', 'email', 'whatsapp']), who = person(), t = randTime();
  const parts = channel === 'email' ? { text: tidy(`${greeting(lang, t)}\n\n${q}\n\n${signature(who, lang, chance(0.4) ? pick(houseRows) : null)}`), subject: lang === 'es' ? 'Pregunta' : 'Question' } : { text: q };
  add(channel, lang, code, nonePlace(), t, who, parts, 'question');
}
for (let i = 0; i < 3; i++) {
  const lang = i === 2 ? 'es' : 'en', who = person();
  const text = lang === 'es' ? 'Mensaje de voz. Transcripción no disponible.' : 'Voice message from a caller. Transcription unavailable.';
  add('transcript', lang, FALLBACK, nonePlace(), randTime(), who, { text });
}

// Dedupe groups: one problem reported 2-4 times within 60 h, places within 35 m of the first report.
function nearbyPlaces(base) {
  const out = [];
  if (base.kind === 'address') out.push({ ...base });
  for (const r of houseRows) if (r !== base.row && Math.hypot(r.x - base.x, r.y - base.y) <= 35) out.push(addressPlace(r));
  for (const c of crossings) if (Math.hypot(c.x - base.x, c.y - base.y) <= 35) out.push(crossingPlace(c));
  const r0 = houseRows.reduce((best, r) => (Math.hypot(r.x - base.x, r.y - base.y) < Math.hypot(best.x - base.x, best.y - base.y) ? r : best));
  const near = coordinatePlace(r0);
  if (Math.hypot(near.x - base.x, near.y - base.y) <= 35) out.push(near);
  return out;
}
for (let g = 1; g <= 15; g++) {
  const code = pick(ANYWHERE), group = `dg-${String(g).padStart(2, '0')}`;
  let base, t;
  do { base = chance(0.6) ? addressPlace() : crossingPlace(); t = randTime(); } while (tooClose(code, base, t) || tooClose(code, base, t + 60 * 3600e3) || unfit(code, base));
  const size = weighted({ 2: 6, 3: 4, 4: 2 });
  const sameSender = g % 6 === 0;
  const first = person(), groupLang = chance(0.3) ? 'es' : 'en';
  for (let k = 0; k < +size; k++) {
    const place = k === 0 ? base : pick(nearbyPlaces(base));
    const tk = k === 0 ? t : t + (sameSender ? ri(6, 15) * 60e3 * k : Math.round(ri(1, 60) * 3600e3 * (k / (size - 1))));
    let channel = sameSender ? 'sms' : weighted(CHANNEL_W);
    if (channel === 'transcript' && place.kind === 'coordinates') channel = 'web';
    const lang = sameSender ? groupLang : chance(0.34) ? 'es' : 'en';
    const who = sameSender ? first : person();
    if (sameSender && k > 0) {
      const waited = Math.round((tk - t) / 60e3);
      add(channel, lang, code, base, tk, who, { text: lang === 'es' ? `sigue igual!! ya van ${waited} minutos. ${sentence(code, lang, base, channel)}` : `still there!! ${waited} minutes now. ${sentence(code, lang, base, channel)}` }, 'report', group);
    } else add(channel, lang, code, place, tk, who, compose(code, lang, place, channel, who, tk), 'report', group);
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

const csvField = (s) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csvLines = ['LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID'];
rows.forEach((r, i) => csvLines.push([r.lon.toFixed(7), r.lat.toFixed(7), r.number, csvField(r.street), r.unit, CITY, DISTRICT, REGION, ZIP, `sr-${String(i + 1).padStart(6, '0')}`].join(',')));
fs.writeFileSync(path.join(OUT, 'addresses.csv'), csvLines.join('\n') + '\n');

const yq = (s) => (/[:#&,[\]{}']/.test(s) ? JSON.stringify(s) : s);
const yaml = [
  '# Santa Rita, New Mexico: a SYNTHETIC south-western town for evaluating Intake (no such town exists; streets and points are generated).',
  '# Generated by tools/generate.mjs. Relative paths are read from this file\'s folder.',
  'jurisdiction:',
  '  id: santarita-nm.example',
  '  name: City of Santa Rita',
  '  names: { es: Ciudad de Santa Rita }',
  '  country: US',
  '  timezone: America/Denver',
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

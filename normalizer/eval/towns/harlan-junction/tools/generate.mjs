// Generator for the Harlan Junction blind evaluation corpus (a SYNTHETIC Tennessee town).
// Deterministic (seed 3141), Node 20 standard library only. Rerunning rewrites addresses.csv, intake.yaml and
// corpus.jsonl byte for byte. Labels are computed from the place chosen here, never from the rendered text
// (except pasted coordinates, whose label is the printed number).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
let seed = 3141;
function rnd() { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));

// ---------------- the town (local metres, x east, y north) ----------------
const LAT0 = 36.16, LON0 = -87.57;
const KY = 111320, KX = 111320 * Math.cos((LAT0 * Math.PI) / 180);
const toLL = (x, y) => ({ lat: +(LAT0 + y / KY).toFixed(7), lon: +(LON0 + x / KX).toFixed(7) });

// kind: grid = 100 per 120 m block from the start; rural = base + 2*round(d/unit); sub = base + 2*round(d/unit)
const S = [];
const st = (name, pts, kind, o = {}) => S.push({ name, pts, kind, spacing: o.spacing || (kind === 'grid' ? 13 : kind === 'rural' ? 40 : 17), base: o.base || 100, unit: o.unit || 5, letters: o.letters || false });
const G = [-360, -240, -120, 0, 120, 240, 360];
// downtown north-south (numbers count north from Depot Street)
st('Walnut Street', [[-360, -360], [-360, 360]], 'grid');
st('Oak Avenue', [[-240, -360], [-240, 360]], 'grid', { letters: true });
st('Cherry Street', [[-120, -360], [-120, 360]], 'grid', { letters: true });
st('Main Street', [[0, -360], [0, 360]], 'grid', { letters: true });
st('Poplar Street', [[120, -360], [120, 360]], 'grid');
st('Dr. Martin Luther King Jr. Boulevard', [[240, -360], [240, 1100]], 'grid');
st('Jackson Street', [[360, -360], [360, 360]], 'grid');
// downtown east-west (numbers count east from Walnut Street)
st('Depot Street', [[-360, -360], [360, -360]], 'grid');
st('Market Street', [[-360, -240], [360, -240]], 'grid');
st('Church Street', [[-360, -120], [480, -120]], 'grid', { letters: true });
st('Oak Street', [[-360, 0], [360, 0]], 'grid');
st('College Street', [[-360, 120], [360, 120]], 'grid');
st('Spring Street', [[-360, 240], [360, 240]], 'grid', { letters: true });
st('Maple Street', [[-360, 360], [360, 360]], 'grid');
st('North Main Street', [[0, 360], [0, 1500]], 'grid');
st('South Main Street', [[0, -360], [0, -1500]], 'grid');
// roads
st('State Route 31', [[-1800, 1100], [1800, 1100]], 'rural', { base: 3000, unit: 5.5 });
st('US Highway 41', [[700, -1600], [800, 1600]], 'rural', { base: 8000, unit: 5.5 });
st('County Road 12', [[-1800, -900], [1500, -900]], 'rural', { base: 13600, unit: 5 });
st('Old Highway 64', [[-360, 360], [-1500, 1300]], 'rural', { base: 1000, unit: 5 });
st('Mill Road', [[0, -620], [-1600, -620]], 'rural', { base: 100, unit: 4, spacing: 32 });
st('Mill Creek Road', [[-800, -620], [-800, -1500]], 'rural', { base: 100, unit: 4, spacing: 32 });
st('Old Oak Road', [[-360, 0], [-1700, 100]], 'rural', { base: 100, unit: 4, spacing: 32 });
st('Mount Pleasant Road', [[0, 650], [771, 650]], 'rural', { base: 100, unit: 3, spacing: 30 });
st('Hartwell Pike', [[0, -1200], [1300, -1650]], 'rural', { base: 100, unit: 4, spacing: 32 });
st('Heritage Parkway', [[0, -480], [1300, -480]], 'rural', { base: 100, unit: 3, spacing: 35 });
st('Chickasaw Trace', [[-400, 1100], [-400, 1800]], 'rural', { base: 100, unit: 4, spacing: 40 });
st('Church Lane', [[480, -120], [480, -480]], 'sub', { spacing: 26 });
// subdivision east (off Mount Pleasant Road)
st('Saint Andrews Way', [[420, 650], [420, 900], [660, 900]], 'sub');
st('Heron Cove', [[420, 790], [300, 790]], 'sub');
st('Magnolia Court', [[560, 900], [560, 1030]], 'sub');
st('Sycamore Place', [[600, 650], [600, 540]], 'sub');
st('Willow Bend', [[420, 650], [420, 540], [330, 470]], 'sub');
// subdivision west (off Old Oak Road)
st('Oak Hill Drive', [[-800, 33], [-800, 330], [-1100, 450]], 'sub');
st('Red Oak Lane', [[-800, 200], [-560, 200]], 'sub');
st('Dogwood Circle', [[-800, 300], [-960, 300], [-960, 170], [-830, 170]], 'sub');
st('Acorn Court', [[-1000, 47], [-1000, -120]], 'sub');
st('Hickory Place', [[-1250, 65], [-1250, 230]], 'sub');
// subdivision south (off Hartwell Pike)
st('Cardinal Loop', [[300, -1304], [300, -1100], [600, -1100], [600, -1408]], 'sub');
st('Bluebird Lane', [[300, -1200], [600, -1200]], 'sub');
st('Wren Court', [[450, -1100], [450, -980]], 'sub');
st('Mockingbird Place', [[900, -1512], [900, -1300]], 'sub');
// north (off North Main Street and State Route 31)
st('Meadow Lane', [[0, 1300], [-300, 1300]], 'sub');
st('Pleasant Ridge Drive', [[0, 1220], [300, 1220], [300, 1500]], 'sub');
st('Crestview Circle', [[300, 1350], [480, 1350], [480, 1480], [330, 1480]], 'sub');
st('Laurel Cove', [[-300, 1300], [-300, 1420]], 'sub');
st('Briar Court', [[-150, 1300], [-150, 1180]], 'sub');
st('Deer Trace', [[-400, 1450], [-700, 1450]], 'sub');
st('Quarry Pass', [[-1015, 900], [-1015, 660]], 'sub');
// rural side roads
st('Turkey Bend', [[-800, -1200], [-1150, -1200], [-1300, -1350]], 'rural', { base: 100, unit: 3, spacing: 35 });
st('Cane Hollow', [[1000, -900], [1000, -600], [1200, -450]], 'rural', { base: 100, unit: 3, spacing: 35 });
st('Station Place', [[360, -480], [360, -600]], 'sub');
st('Commerce Court', [[1000, -480], [1000, -330]], 'sub');
st('Pecan Street', [[-360, -480], [0, -480]], 'sub', { spacing: 22 });

// ---------------- geometry helpers ----------------
function segDist(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay, L = dx * dx + dy * dy;
  let t = L ? ((px - ax) * dx + (py - ay) * dy) / L : 0; t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
const lineDist = (px, py, pts) => Math.min(...pts.slice(1).map((b, i) => segDist(px, py, pts[i], b)));
function along(pts, d) {
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1], [bx, by] = pts[i], L = Math.hypot(bx - ax, by - ay);
    if (d <= L || i === pts.length - 1) { const t = Math.min(d / L, 1); return { x: ax + t * (bx - ax), y: ay + t * (by - ay), ux: (bx - ax) / L, uy: (by - ay) / L }; }
    d -= L;
  }
}
const lengthOf = (pts) => pts.slice(1).reduce((s, b, i) => s + Math.hypot(b[0] - pts[i][0], b[1] - pts[i][1]), 0);

// ---------------- address points ----------------
const rows = [];
for (const s of S) {
  const L = lengthOf(s.pts);
  const others = S.filter((o) => o !== s);
  for (const side of [0, 1]) {
    for (let d = 15 + side * 6; d <= L - 10; d += s.spacing) {
      let dd = d;
      if (s.kind === 'grid') { const w = d % 120; if (w < 16 || w > 106) continue; }
      const a = along(s.pts, dd);
      const off = side ? -12 : 12; // side 0 = left of travel, odd numbers
      const x = a.x - a.uy * off, y = a.y + a.ux * off;
      if (others.some((o) => lineDist(x, y, o.pts) < 14)) continue;
      let num;
      if (s.kind === 'grid') { const k = Math.floor(d / 120), w = d - 120 * k; num = 100 * (k + 1) + 2 * Math.floor(w * 0.4) + (side ? 0 : 1); }
      else num = s.base + 2 * Math.round(d / s.unit) + (side ? 0 : 1);
      const ll = toLL(x, y);
      if (s.letters && side === 1 && Math.floor(d / s.spacing) % 5 === 2) {
        for (const [suf, sh] of [['A', -4], ['B', 4]]) rows.push({ ...toLL(x + a.ux * sh, y + a.uy * sh), number: `${num}${suf}`, street: s.name, x: x + a.ux * sh, y: y + a.uy * sh });
      } else rows.push({ ...ll, number: String(num), street: s.name, x, y });
    }
  }
}
const keyCount = new Map();
for (const r of rows) keyCount.set(r.number + ' ' + r.street, (keyCount.get(r.number + ' ' + r.street) || 0) + 1);
for (const [k, n] of keyCount) if (n > 1) throw new Error('duplicate ' + k);
rows.forEach((r, i) => { r.id = `hj-${String(i + 1).padStart(6, '0')}`; });
const byStreet = new Map(S.map((s) => [s.name, rows.filter((r) => r.street === s.name)]));
const metres = (a, b) => Math.hypot((a.lon - b.lon) * KX, (a.lat - b.lat) * KY);

// crossings: polylines that meet (within 3 m) and whose closest address pair is at most 50 m, no near-tie
function polyMeet(a, b) {
  for (const p of a.pts) if (lineDist(p[0], p[1], b.pts) < 3) return true;
  for (const p of b.pts) if (lineDist(p[0], p[1], a.pts) < 3) return true;
  for (let i = 1; i < a.pts.length; i++) for (let j = 1; j < b.pts.length; j++) {
    const [p, q] = [a.pts[i - 1], a.pts[i]], [r, s] = [b.pts[j - 1], b.pts[j]];
    const d = (q[0] - p[0]) * (s[1] - r[1]) - (q[1] - p[1]) * (s[0] - r[0]);
    if (!d) continue;
    const t = ((r[0] - p[0]) * (s[1] - r[1]) - (r[1] - p[1]) * (s[0] - r[0])) / d, u = ((r[0] - p[0]) * (q[1] - p[1]) - (r[1] - p[1]) * (q[0] - p[0])) / d;
    if (t >= 0 && t <= 1 && u >= 0 && u <= 1) return true;
  }
  return false;
}
const crossings = [];
for (let i = 0; i < S.length; i++) for (let j = i + 1; j < S.length; j++) {
  if (!polyMeet(S[i], S[j])) continue;
  if (/Main Street$/.test(S[i].name) && /Main Street$/.test(S[j].name)) continue; // one line, renamed at Depot and Maple
  const [A, B] = [S[i].name, S[j].name].sort();
  let best = null, second = Infinity;
  for (const p of byStreet.get(A)) for (const q of byStreet.get(B)) {
    const d = metres(p, q);
    if (!best || d < best.d) { if (best) second = best.d; best = { d, lat: (p.lat + q.lat) / 2, lon: (p.lon + q.lon) / 2, p, q }; } else if (d < second) second = d;
  }
  if (!best || best.d > 50 || second - best.d < 0.5) continue;
  // A loop ending near another street of its subdivision is not a crossing unless the lines really meet: polyMeet did that.
  crossings.push({ a: A, b: B, ...best });
}

// street centres (principal axis, oriented east or north, median index) and block medians
function centre(name) {
  const pts = byStreet.get(name);
  const xs = pts.map((p) => p.lon * KX), ys = pts.map((p) => p.lat * KY);
  const mx = xs.reduce((a, b) => a + b) / xs.length, my = ys.reduce((a, b) => a + b) / ys.length;
  let a = 0, b = 0, c = 0;
  pts.forEach((_, i) => { const x = xs[i] - mx, y = ys[i] - my; a += x * x; b += x * y; c += y * y; });
  const th = 0.5 * Math.atan2(2 * b, a - c);
  let v = [Math.cos(th), Math.sin(th)];
  if ((Math.abs(v[0]) >= Math.abs(v[1]) && v[0] < 0) || (Math.abs(v[0]) < Math.abs(v[1]) && v[1] < 0)) v = [-v[0], -v[1]];
  const ev = ((a + c) + Math.hypot(a - c, 2 * b)) / 2, ev2 = ((a + c) - Math.hypot(a - c, 2 * b)) / 2;
  const ord = pts.map((p, i) => ({ p, t: xs[i] * v[0] + ys[i] * v[1] })).sort((x, y) => x.t - y.t);
  const m = Math.floor((ord.length - 1) / 2);
  const gap = Math.min(m > 0 ? ord[m].t - ord[m - 1].t : 99, m + 1 < ord.length ? ord[m + 1].t - ord[m].t : 99);
  return { p: ord[m].p, ok: gap > 1 && ev > 2 * ev2 };
}
const CENTRE = new Map(S.map((s) => [s.name, centre(s.name)]));
function blockMedian(name, h) {
  const pts = byStreet.get(name).filter((p) => Number(p.number) >= h && Number(p.number) <= h + 99).sort((x, y) => Number(x.number) - Number(y.number));
  return pts.length ? pts[Math.floor((pts.length - 1) / 2)] : null;
}

// ---------------- how people write the streets ----------------
const FAMILY = new Set(['Oak Street', 'Oak Avenue', 'Old Oak Road', 'Red Oak Lane', 'Oak Hill Drive', 'Church Street', 'Church Lane', 'Main Street', 'North Main Street', 'South Main Street', 'Mill Road', 'Mill Creek Road']);
const FORMS = {
  'Oak Street': ['Oak St', 'oak st', 'Oak Street', 'oak street', 'Oak St.'],
  'Oak Avenue': ['Oak Ave', 'oak ave', 'Oak Avenue', 'oak av', 'Oak Ave.'],
  'Old Oak Road': ['Old Oak Rd', 'old oak rd', 'Old Oak Road', 'old oak road', 'old oak'],
  'Red Oak Lane': ['Red Oak Ln', 'red oak ln', 'Red Oak Lane', 'red oak lane'],
  'Oak Hill Drive': ['Oak Hill Dr', 'oak hill dr', 'Oak Hill Drive', 'oak hill'],
  'Church Street': ['Church St', 'church st', 'Church Street', 'church street'],
  'Church Lane': ['Church Ln', 'church ln', 'Church Lane', 'church lane'],
  'Main Street': ['Main St', 'main st', 'Main Street', 'main', 'Main'],
  'North Main Street': ['N Main St', 'north main', 'North Main St', 'n. main st', 'N. Main Street', 'n main'],
  'South Main Street': ['S Main St', 'south main', 'South Main Street', 's. main st', 'S Main', 's main st'],
  'Mill Road': ['Mill Rd', 'mill rd', 'Mill Road', 'mill road'],
  'Mill Creek Road': ['Mill Creek Rd', 'mill creek rd', 'Mill Creek Road', 'mill creek road'],
  'Dr. Martin Luther King Jr. Boulevard': ['MLK', 'mlk blvd', 'MLK Blvd', 'Martin Luther King', 'Dr. Martin Luther King Jr. Blvd', 'M.L.K. Blvd', 'MLK Jr Blvd', 'martin luther king blvd'],
  'Saint Andrews Way': ['St Andrews Way', 'St. Andrew\'s Way', 'Saint Andrews Way', 'st andrews', 'St. Andrews', 'st andrews way'],
  'Pleasant Ridge Drive': ['Pleasant Ridge Dr', 'pleasant ridge dr', 'Pleasant Ridge Drive', 'pleasant ridge'],
  'Mount Pleasant Road': ['Mt Pleasant Rd', 'mt. pleasant road', 'Mount Pleasant Rd', 'mt pleasant', 'Mount Pleasant Road'],
  'US Highway 41': ['Hwy 41', 'hwy 41', 'US-41', '41 highway', 'US Hwy 41', 'highway 41', 'us 41', 'US Highway 41'],
  'State Route 31': ['SR 31', 'State Route 31', 'hwy 31', 'route 31', 'TN-31', 'sr-31', 'state rte 31'],
  'County Road 12': ['CR 12', 'county rd 12', 'County Road 12', 'co rd 12', 'cr 12', 'CR-12'],
  'Old Highway 64': ['Old Hwy 64', 'old highway 64', 'old 64', 'Old Hwy. 64', 'old hwy 64'],
};
const FORMS_ES = {
  'Dr. Martin Luther King Jr. Boulevard': ['el bulevar MLK', 'la MLK', 'el bulevar Martin Luther King'],
  'US Highway 41': ['la carretera 41', 'la US-41', 'la Hwy 41', 'la 41'],
  'State Route 31': ['la ruta 31', 'la carretera 31', 'la SR 31'],
  'County Road 12': ['la CR 12', 'el county road 12', 'la carretera del condado 12'],
  'Old Highway 64': ['la Old Hwy 64', 'la vieja carretera 64'],
};
const ABBR = { Street: ['St', 'st', 'Street', 'street', 'St.'], Avenue: ['Ave', 'ave'], Road: ['Rd', 'rd', 'Road', 'road'], Lane: ['Ln', 'ln', 'Lane', 'lane'], Drive: ['Dr', 'dr', 'Drive'], Court: ['Ct', 'ct', 'Court'], Place: ['Pl', 'pl', 'Place'], Circle: ['Cir', 'cir', 'Circle'], Loop: ['Loop', 'loop', 'Lp'], Way: ['Way', 'way'], Pike: ['Pike', 'pike', 'Pk'], Parkway: ['Pkwy', 'pkwy', 'Parkway', 'parkway'], Trace: ['Trace', 'trace', 'Trce'], Pass: ['Pass', 'pass'], Cove: ['Cove', 'cv', 'Cv'], Bend: ['Bend', 'bend'], Hollow: ['Hollow', 'hollow', 'Holw'] };
const DROP_OK = new Set(['Street', 'Road', 'Lane', 'Drive', 'Pike', 'Parkway']);
let typoCount = 0, formCount = 0;
function typo(w) {
  const i = ri(1, w.length - 2), k = rnd();
  if (k < 0.4) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2); // swap
  if (k < 0.75) return w.slice(0, i) + w.slice(i + 1); // drop
  return w.slice(0, i) + w[i] + w.slice(i); // double
}
function writeStreet(name, lang, noTypo = false) {
  formCount++;
  if (lang === 'es' && FORMS_ES[name] && chance(0.75)) return pick(FORMS_ES[name]);
  if (FORMS[name]) return pick(FORMS[name]);
  const m = name.match(/^(.+) (\S+)$/);
  let core = m[1], type = m[2];
  if (!noTypo && chance(0.33) && core.split(' ')[0].length >= 5) { const ws = core.split(' '); ws[0] = typo(ws[0]); core = ws.join(' '); typoCount++; }
  const lower = chance(0.45);
  if (lower) core = core.toLowerCase();
  if (DROP_OK.has(type) && chance(0.25)) return core;
  const t = pick(ABBR[type] || [type]);
  return `${core} ${lower ? t.toLowerCase() : t}`;
}
// Spanish: "la calle X" is natural for plain names; names that already carry an article are used as is.
function esStreet(name) {
  const w = writeStreet(name, 'es');
  if (/^(el|la) /.test(w)) return w;
  return / (St|st|Street|street|St\.)$/.test(w) && chance(0.5) ? `la calle ${w.replace(/ (St|st|Street|street|St\.)$/, '')}` : `la ${w}`;
}
const stripArt = (w) => w.replace(/^(el|la) /, '');

// numbers said in words
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const two = (n) => (n < 20 ? ONES[n] : TENS[Math.floor(n / 10)] + (n % 10 ? '-' + ONES[n % 10] : ''));
function spoken(num) {
  const m = num.match(/^(\d+)([A-Z]?)$/); const n = Number(m[1]); let s;
  if (n < 100) s = two(n);
  else if (n < 1000) s = ONES[Math.floor(n / 100)] + ' ' + (n % 100 === 0 ? 'hundred' : n % 100 < 10 ? 'oh ' + ONES[n % 100] : two(n % 100));
  else if (n < 10000) s = two(Math.floor(n / 100)) + ' ' + (n % 100 === 0 ? 'hundred' : n % 100 < 10 ? 'oh ' + ONES[n % 100] : two(n % 100));
  else s = two(Math.floor(n / 1000)) + ' ' + (n % 1000 < 100 ? 'oh ' + two(n % 1000) : ONES[Math.floor((n % 1000) / 100)] + ' ' + (n % 100 < 10 ? 'oh ' + ONES[n % 100] : two(n % 100)));
  return s + (m[2] ? ' ' + m[2] : '');
}

// ---------------- places ----------------
const label = (precision, address, p) => ({ precision, address, lat: p ? p.lat : null, long: p ? p.lon : null });
const usableRows = rows.filter((r) => !r.street.startsWith('zz'));
const lettered = rows.filter((r) => /[A-Z]$/.test(r.number));
const ruralBig = rows.filter((r) => ['County Road 12', 'US Highway 41', 'State Route 31', 'Old Highway 64'].includes(r.street));
function pickRow() {
  const k = rnd();
  if (k < 0.08) return pick(lettered);
  if (k < 0.22) return pick(ruralBig);
  return pick(usableRows);
}
function addrPhrase(r, lang, opts = {}) {
  const num = chance(0.15) && /[A-Z]$/.test(r.number) ? r.number.toLowerCase() : r.number;
  if (lang === 'es') {
    const w = writeStreet(r.street, 'es');
    const bare = stripArt(w);
    if (/^(el|la) /.test(w)) return pick([`en el ${num} de ${w}`, `frente al ${num} de ${w}`, `cerca del ${num} de ${w}`]);
    return pick([`en el ${num} de ${/^(el|la) /.test(w) ? w : 'la ' + w}`, `frente al ${num} ${bare}`, `cerca del ${num} ${bare}`, `en el ${num} ${bare}`, `enfrente del ${num} ${bare}`]);
  }
  const w = writeStreet(r.street, 'en');
  if (opts.after !== false && chance(0.1)) return `on ${w} ${num}`;
  return pick([`at ${num} ${w}`, `in front of ${num} ${w}`, `at ${num} ${w}`, `outside ${num} ${w}`, `near ${num} ${w}`, `across from ${num} ${w}`, `by ${num} ${w}`, `at ${num} ${w}`]);
}
function interPhrase(c, lang, atEnd) {
  const [a, b] = chance(0.5) ? [c.a, c.b] : [c.b, c.a];
  if (lang === 'es') {
    const A = esStreet(a), B = esStreet(b);
    return pick([`en la esquina de ${A} y ${B}`, `en el cruce de ${A} con ${B}`, `en la esquina de ${A} y ${B}`, `por el cruce de ${A} con ${B}`]).replace(/de el /g, 'del ').replace(/con el /g, 'con el ');
  }
  const A = writeStreet(a, 'en'), B = writeStreet(b, 'en');
  const forms = [`at the corner of ${A} and ${B}`, `on the corner of ${A} & ${B}`, `at ${A} & ${B}`, `on ${A} at ${B}`, `at the intersection of ${A} and ${B}`, `where ${A} meets ${B}`, `at ${A} and ${B}`];
  if (atEnd) forms.push(`at ${A}/${B}`, `@ ${A} & ${B}`, `, ${A}/${B}`);
  return pick(forms);
}
function streetPhrase(name, lang, block) {
  if (block) return lang === 'es' ? `en la cuadra ${block} de ${esStreet(name)}` : pick([`in the ${block} block of ${writeStreet(name, 'en')}`, `on the ${block} block of ${writeStreet(name, 'en')}`]);
  if (lang === 'es') return pick([`en ${esStreet(name)}`, `sobre ${esStreet(name)}`, `en ${esStreet(name)} (no sé el número)`, `por ${esStreet(name)}`]);
  const w = writeStreet(name, 'en');
  return pick([`on ${w}`, `somewhere on ${w}`, `along ${w}`, `on ${w} (not sure of the number)`, `on ${w}, don't know the house number`]);
}
const f6 = (v, d) => Number(v.toFixed(d));
const LINK_KINDS = ['bare', 'g@', 'gpin', 'gq', 'wa', 'gsearch', 'apple', 'osm', 'osmmap', 'geo'];
function coordPhrase(anchor, lang, kind) {
  const ang = rnd() * 2 * Math.PI, dist = rnd() * 7;
  const lat0 = anchor.lat + (dist * Math.sin(ang)) / KY, lon0 = anchor.lon + (dist * Math.cos(ang)) / KX;
  const d = kind === 'bare' ? pick([5, 6]) : 6;
  const lat = f6(lat0, d), lon = f6(lon0, d);
  const here = lang === 'es' ? pick([', aquí: ', ', ubicación: ', 'en ', 'acá ']) : pick([', here: ', ', location: ', 'at ', ', pin: ', 'right here ']);
  let text;
  switch (kind) {
    case 'bare': text = lang === 'es' ? `en las coordenadas ${lat}, ${lon}` : pick([`at ${lat}, ${lon}`, `gps ${lat},${lon}`, `at coordinates ${lat} ${lon}`]); break;
    case 'g@': text = here + `https://www.google.com/maps/@${lat},${lon},18z`; break;
    case 'gpin': { const c = `${f6(lat + 0.0004, 7)},${f6(lon - 0.0006, 7)}`; text = here + `https://www.google.com/maps/place/${lat},${lon}/@${c},17z/data=!3m1!4b1!4m6!3m5!1s0x0:0x0!7e2!8m2!3d${lat}!4d${lon}`; break; }
    case 'gq': text = here + `https://www.google.com/maps?q=${lat},${lon}`; break;
    case 'wa': text = `📍 https://maps.google.com/?q=${lat},${lon}`; break;
    case 'gsearch': text = here + `https://www.google.com/maps/search/?api=1&query=${lat},${lon}`; break;
    case 'apple': text = here + `https://maps.apple.com/?ll=${lat},${lon}&q=Dropped%20Pin`; break;
    case 'osm': text = here + `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${f6(lat + 0.0003, 4)}/${f6(lon + 0.0004, 4)}`; break;
    case 'osmmap': text = here + `https://www.openstreetmap.org/#map=19/${lat}/${lon}`; break;
    case 'geo': text = here + `geo:${lat},${lon}` + (chance(0.5) ? '?z=19' : ''); break;
  }
  return { text, p: { lat, lon } };
}
// Callers do not read out links: on the phone a point is read from the map app (no random draw, so the stream is unchanged).
const spokenPoint = (p, lang) => (lang === 'es' ? `, mi teléfono marca ${p.lat}, ${p.lon}` : `, my phone says ${p.lat}, ${p.lon}`);
// landmarks (config points, not address points)
const LM = [
  { name: 'Harlan Junction Town Hall', aliases: ['town hall', 'city hall', 'el ayuntamiento', 'la alcaldía'], at: [60, -60] },
  { name: 'Old Depot Museum', aliases: ['the old depot', 'the depot museum', 'el museo del depósito'], at: [-60, -420] },
  { name: 'Veterans Park', aliases: ['veterans park', 'the park on college', 'el parque de los veteranos'], at: [-180, 180] },
].map((l) => ({ ...l, ...toLL(...l.at) }));
function lmPhrase(l, lang) {
  const al = l.aliases.filter((a) => (lang === 'es') === /^(el|la) /.test(a));
  const a = pick(al);
  if (lang === 'es') return pick([`frente a${a.startsWith('el ') ? 'l ' + a.slice(3) : ' ' + a}`, `junto a${a.startsWith('el ') ? 'l ' + a.slice(3) : ' ' + a}`, `cerca de${a.startsWith('el ') ? 'l ' + a.slice(3) : ' ' + a}`]);
  return pick([`in front of ${a}`, `by ${a}`, `outside ${a}`, `at ${a}`]);
}
const NONE_EN = ['on my street', 'by the school', 'downtown', 'near the creek', 'behind the dollar store', 'in the alley behind us', 'out by the ballfields', 'on the road to the lake', 'in our neighborhood', 'at the end of our road'];
const NONE_ES = ['en mi calle', 'por la escuela', 'en el centro', 'cerca del arroyo', 'en el callejón detrás de la casa', 'en mi colonia'];

// ---------------- services ----------------
const SERVICES = [
  ['ST-POTHOLE', 'Pothole', 'Streets', 'Baches', ['pothole', 'pot hole', 'hole in the road', 'bache', 'baches', 'hoyo en la calle']],
  ['ST-LIGHT', 'Streetlight out', 'Streets', 'Lámpara apagada', ['streetlight', 'street light', 'light out', 'light pole', 'lamp post', 'lámpara', 'poste de luz', 'alumbrado']],
  ['ST-SIGNAL', 'Traffic signal problem', 'Traffic', 'Semáforo', ['traffic light', 'traffic signal', 'stoplight', 'red light', 'signal', 'semáforo']],
  ['ST-SIGN', 'Damaged or missing sign', 'Traffic', 'Señal dañada', ['stop sign', 'street sign', 'sign down', 'yield sign', 'letrero', 'señal de alto']],
  ['SW-TRASH', 'Missed trash pickup', 'Solid Waste', 'Basura no recogida', ['trash', 'garbage', 'missed pickup', 'not picked up', 'trash can', 'basura', 'no recogieron']],
  ['SW-RECYCLE', 'Missed recycling pickup', 'Solid Waste', 'Reciclaje no recogido', ['recycling', 'recycle bin', 'blue bin', 'reciclaje']],
  ['SW-BULKY', 'Bulky item pickup', 'Solid Waste', 'Recolección de objetos grandes', ['bulky', 'bulk pickup', 'couch', 'furniture', 'appliance', 'muebles', 'sofá']],
  ['SW-DUMPING', 'Illegal dumping', 'Solid Waste', 'Tiradero ilegal', ['dumped', 'dumping', 'mattress', 'pile of tires', 'tiraron', 'tiradero', 'colchón', 'llantas']],
  ['PW-TREE', 'Tree or limb down', 'Public Works', 'Árbol caído', ['tree down', 'fallen tree', 'limb', 'branch', 'árbol caído', 'rama']],
  ['WA-LEAK', 'Water leak or main break', 'Water', 'Fuga de agua', ['water main', 'water leak', 'hydrant', 'leaking', 'fuga de agua', 'hidrante']],
  ['WA-SEWER', 'Sewer backup or overflow', 'Water', 'Drenaje', ['sewer', 'sewage', 'manhole', 'backing up', 'drenaje', 'aguas negras']],
  ['WA-DRAIN', 'Drainage or flooding', 'Water', 'Inundación', ['flooded', 'flooding', 'ditch', 'culvert', 'storm drain', 'standing water', 'inundada', 'cuneta', 'alcantarilla']],
  ['AC-STRAY', 'Stray or loose animal', 'Animal Control', 'Animal suelto', ['stray', 'loose dog', 'dogs running loose', 'perro suelto', 'perros sueltos']],
  ['AC-DEAD', 'Dead animal', 'Animal Control', 'Animal muerto', ['dead animal', 'dead dog', 'dead deer', 'carcass', 'roadkill', 'animal muerto', 'venado muerto']],
  ['CE-NOISE', 'Noise complaint', 'Code Enforcement', 'Ruido', ['noise', 'loud music', 'party', 'barking', 'ruido', 'música alta', 'fiesta']],
  ['CE-VEHICLE', 'Abandoned vehicle', 'Code Enforcement', 'Vehículo abandonado', ['abandoned vehicle', 'abandoned car', 'junk car', 'sitting for weeks', 'carro abandonado']],
  ['GEN-OTHER', 'General inquiry', 'General', 'Consulta general', []],
];
// Problem sentences. {L} is the place phrase; it always ends the clause.
const T = {
  'ST-POTHOLE': { en: ['big pothole {L}', 'pothole {L} is getting deeper every day', 'theres a hole in the road {L}, almost lost a tire', 'deep pot hole {L}', 'can someone fix the potholes {L}'], es: ['hay un bache grande {L}', 'un bache muy hondo {L}'] },
  'ST-LIGHT': { en: ['streetlight out {L}', 'the street light {L} has been out for a week', 'light pole {L} is flickering all night', 'street light is dark {L}'], es: ['la lámpara de la calle está apagada {L}', 'el poste de luz no prende {L}'] },
  'ST-SIGNAL': { en: ['traffic light is stuck on red {L}', 'signal is flashing yellow all directions {L}', 'stoplight out {L}, cars are not stopping', 'the left turn arrow never comes on {L}'], es: ['el semáforo no funciona {L}', 'el semáforo está en rojo todo el tiempo {L}'] },
  'ST-SIGN': { en: ['stop sign knocked down {L}', 'street sign missing {L}', 'someone ran over the yield sign {L}', 'stop sign is bent over and hard to see {L}'], es: ['tumbaron la señal de alto {L}', 'falta el letrero de la calle {L}'] },
  'SW-TRASH': { en: ['trash was not picked up {L}', 'garbage truck skipped us {L}', 'missed pickup {L}, the can was out by 6am'], es: ['no recogieron la basura {L}', 'la basura sigue sin recoger {L}'] },
  'SW-RECYCLE': { en: ['recycling was not picked up {L}', 'blue bin still full {L}, they skipped the recycling', 'recycle bin missed again {L}'], es: ['no recogieron el reciclaje {L}'] },
  'SW-BULKY': { en: ['need a bulk pickup for an old couch {L}', 'can you schedule a bulky pickup for a fridge {L}', 'old furniture out by the curb for bulk pickup {L}'], es: ['necesito que recojan un sofá viejo {L}', 'tengo muebles viejos para recoger {L}'] },
  'SW-DUMPING': { en: ['someone dumped a mattress and bags of trash {L}', 'pile of tires dumped {L}', 'illegal dumping {L} again, looks like a whole house cleanout', 'people keep dumping junk {L}'], es: ['tiraron un colchón y basura {L}', 'alguien tiró llantas {L}'] },
  'PW-TREE': { en: ['tree down across the road {L}', 'big limb hanging over the road {L}', 'fallen tree blocking one lane {L}', 'branch down on the sidewalk {L} after the storm'], es: ['se cayó un árbol {L}', 'hay una rama grande tirada {L}'] },
  'WA-LEAK': { en: ['water leak {L}, water running down the street', 'hydrant leaking {L}', 'looks like a water main break {L}, water bubbling up from the pavement', 'water coming up out of the ground {L}'], es: ['hay una fuga de agua {L}', 'el hidrante está tirando agua {L}'] },
  'WA-SEWER': { en: ['sewer is backing up {L}, smells terrible', 'manhole overflowing {L}', 'sewage coming up in the yard {L}'], es: ['el drenaje se está regresando {L}', 'salen aguas negras {L}'] },
  'WA-DRAIN': { en: ['road is flooded {L}', 'ditch is clogged and the water is over the road {L}', 'culvert blocked {L}, standing water everywhere', 'storm drain plugged with leaves {L}'], es: ['la calle está inundada {L}', 'la cuneta está tapada y se inunda {L}'] },
  'AC-STRAY': { en: ['two loose dogs running around {L}', 'stray dog chasing kids {L}', 'dogs running loose {L}, one tried to bite my son', 'a stray pit mix hanging around {L}'], es: ['hay perros sueltos {L}', 'un perro suelto persiguiendo a los niños {L}'] },
  'AC-DEAD': { en: ['dead deer {L}', 'dead dog on the side of the road {L}', 'roadkill {L}, a possum i think', 'dead animal {L}, starting to smell'], es: ['hay un venado muerto {L}', 'un perro muerto {L}'] },
  'CE-NOISE': { en: ['loud music {L} every night', 'party {L} going on past midnight', 'dog barking nonstop {L}', 'loud noise from a generator {L} all night'], es: ['hay música alta {L}', 'una fiesta con mucho ruido {L}'] },
  'CE-VEHICLE': { en: ['abandoned car {L}, been sitting for weeks', 'junk car with flat tires {L}', 'abandoned vehicle {L}, no plates', 'a truck has been sitting {L} for a month'], es: ['hay un carro abandonado {L}', 'un carro abandonado desde hace semanas {L}'] },
  'GEN-OTHER': { en: ['the bench at the bus stop is broken {L}', 'somebody spray painted graffiti on the wall {L}', 'the sidewalk is buckled and my mom tripped {L}', 'park restroom is locked {L}'], es: ['la banca está rota {L}', 'pintaron grafiti en la pared {L}'] },
};
const PLACE_OK = {
  address: ['GEN-OTHER', 'ST-POTHOLE', 'ST-LIGHT', 'ST-SIGN', 'SW-TRASH', 'SW-RECYCLE', 'SW-BULKY', 'SW-DUMPING', 'PW-TREE', 'WA-LEAK', 'WA-SEWER', 'WA-DRAIN', 'AC-STRAY', 'AC-DEAD', 'CE-NOISE', 'CE-VEHICLE'],
  intersection: ['GEN-OTHER', 'ST-POTHOLE', 'ST-LIGHT', 'ST-SIGNAL', 'ST-SIGN', 'SW-DUMPING', 'PW-TREE', 'WA-LEAK', 'WA-DRAIN', 'AC-DEAD', 'AC-STRAY', 'ST-SIGNAL', 'ST-SIGNAL'],
  street: ['ST-POTHOLE', 'ST-LIGHT', 'PW-TREE', 'WA-DRAIN', 'AC-STRAY', 'AC-DEAD', 'SW-DUMPING', 'CE-VEHICLE', 'WA-LEAK'],
  coordinates: ['ST-POTHOLE', 'ST-LIGHT', 'ST-SIGN', 'SW-DUMPING', 'PW-TREE', 'WA-LEAK', 'WA-DRAIN', 'AC-DEAD', 'AC-STRAY', 'CE-VEHICLE', 'WA-SEWER'],
  landmark: ['ST-LIGHT', 'SW-DUMPING', 'PW-TREE', 'WA-LEAK', 'GEN-OTHER', 'AC-STRAY', 'CE-NOISE'],
  none: ['ST-POTHOLE', 'ST-LIGHT', 'SW-TRASH', 'SW-DUMPING', 'PW-TREE', 'WA-DRAIN', 'AC-STRAY', 'CE-NOISE', 'CE-VEHICLE', 'AC-DEAD', 'WA-SEWER'],
};
const fill = (tpl, L) => tpl.replace('{L}', L);

// distractor tails (never places)
const TAIL_EN = ['', '', '', ', noticed it about 7:30 this morning', ', been like that for 3 days now', '. 2nd time reporting this', '. I called last Tuesday too', '. ref #20931 from last time', '. my number is 615-555-0142', ', been that way since Oct 12', '. 4 kids walk by there every day', '. please send someone before the weekend', '. it has been 2 weeks'];
const TAIL_SVC = { 'ST-POTHOLE': ['. cost me $180 for a new tire', '. blew a tire on it, $240'], 'CE-NOISE': [' until 2am', ' and it is 11:45pm on a weeknight'], 'ST-LIGHT': ['. dark from 6pm on'], 'CE-VEHICLE': ['. plate is TN BRK-4821', ', red Nissan, 2 flat tires'], 'AC-STRAY': ['. 3 dogs, brown and black'] };
const TAIL_ES = ['', '', ', desde las 7 de la mañana', ', ya tiene 3 días así', '. ya es la 2a vez que llamo', ', desde el 12 de octubre'];

// ---------------- people ----------------
const FIRST = ['James', 'Mary', 'Robert', 'Linda', 'Billy', 'Tammy', 'Dewayne', 'Crystal', 'Earl', 'Brenda', 'Travis', 'Shelby', 'Darnell', 'Keisha', 'Wanda', 'Cody', 'Loretta', 'Marcus', 'Jolene', 'Randall'];
const LAST = ['Pruitt', 'Tidwell', 'Hollis', 'Spicer', 'Beasley', 'Garrison', 'Whitfield', 'Tubb', 'Crockett', 'Sims', 'Maddox', 'Oakes', 'Bledsoe', 'Carver', 'Dotson'];
const FIRST_ES = ['María', 'José', 'Guadalupe', 'Luis', 'Rosa', 'Juan', 'Elena', 'Carlos'];
const LAST_ES = ['Hernández', 'García', 'López', 'Ramírez', 'Morales', 'Cruz'];
let phoneN = 100;
const phone = () => `+1615555${String(100 + ((phoneN++ * 37) % 100)).padStart(4, '0')}`;
const pretty = (ph) => pick([`(615) 555-${ph.slice(-4)}`, `615-555-${ph.slice(-4)}`, `615.555.${ph.slice(-4)}`]);
function person(lang) {
  const f = lang === 'es' ? pick(FIRST_ES) : pick(FIRST), l = lang === 'es' ? pick(LAST_ES) : pick(LAST);
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return { name: `${f} ${l}`, email: `${fold(f)}.${fold(l)}${chance(0.3) ? ri(1, 99) : ''}@${pick(['example.com', 'example.net', 'example.org'])}`, phone: phone() };
}

// ---------------- composing a message ----------------
const cap = (s) => s[0].toUpperCase() + s.slice(1);
function body(svc, lang, L, atEnd, endOnly) {
  const all = T[svc][lang] || T[svc].en;
  const tpl = pick(endOnly ? all.filter((x) => x.endsWith('{L}')) : all);
  let s = fill(tpl, L).replace(/ ,/g, ',');
  if (atEnd || !tpl.endsWith('{L}')) return s;
  return s + (lang === 'en' && TAIL_SVC[svc] && chance(0.4) ? pick(TAIL_SVC[svc]) : pick(lang === 'es' ? TAIL_ES : TAIL_EN));
}
function wrap(channel, lang, core, who, opts = {}) {
  const home = opts.home; // writer's own address row, for signatures
  // A link that ends the message gets no punctuation glued to it (the random draws are the same either way).
  const endsUrl = /(https?:\/\/|geo:)\S+$/.test(core);
  const glue = (x) => (endsUrl && /^[.!]/.test(x) ? '' : x);
  if (channel === 'sms') return chance(0.6) ? core.replace(/https?:\/\/\S+|geo:\S+|\S+/g, (w) => (/^(https?:|geo:)/.test(w) ? w : w.toLowerCase())) : core + glue(pick(['', ' thx', ' pls', '!!', ' thanks']));
  if (channel === 'whatsapp') return (lang === 'es' ? pick(['Hola, ', 'Buenas, ', '']) : pick(['Hi ', 'Hello 👋 ', '', 'Hey, '])) + core + pick(['', ' 🙏', ' thanks', '']);
  const dot = (x) => (/[.!?]$/.test(x) || /(https?:\/\/|geo:)\S+$/.test(x) ? x : x + '.');
  if (channel === 'web') return dot(cap(core)) + (lang === 'es' ? pick(['', ' Gracias.']) : pick(['', ' Thank you.', ' Thanks for your help.']));
  if (channel === 'email') {
    const hi = lang === 'es' ? pick(['Hola,', 'Buenos días,', 'Estimados:']) : pick(['Hello,', 'Hi,', 'To whom it may concern,', 'Good day,']);
    const bye = lang === 'es' ? pick(['Gracias,', 'Saludos,']) : pick(['Thanks,', 'Thank you,', 'Regards,', 'Sincerely,']);
    let sig = `${who.name}`;
    if (home) sig += `\n${home.number} ${pick([home.street, home.street.replace(/ Street$/, ' St').replace(/ Road$/, ' Rd')])}\nHarlan Junction, TN 38990`;
    if (chance(0.5)) sig += `\n${pretty(who.phone)}`;
    let t = `${hi}\n\n${dot(cap(core))}${opts.extra || ''}\n\n${bye}\n${sig}`;
    if (chance(0.25)) t += '\n\nSent from my iPhone';
    return t;
  }
  return core;
}
function transcript(lang, svc, place, who) {
  // place: { kind, spokenLine, clerkLine }
  const C = lang === 'es' ? 'Agente' : 'Clerk', P = lang === 'es' ? 'Llamante' : 'Caller';
  const lines = [];
  lines.push(`${C}: ${lang === 'es' ? 'Harlan Junction 311, ¿en qué le puedo ayudar?' : pick(['Harlan Junction 311, how can I help you?', '311, what are you reporting today?'])}`);
  lines.push(`${P}: ${place.problem}`);
  if (place.ask) { lines.push(`${C}: ${lang === 'es' ? '¿Cuál es la dirección?' : pick(['What is the address?', 'Where is that exactly?', 'And what address is that?'])}`); lines.push(`${P}: ${place.ask}`); }
  if (place.confirm) lines.push(`${C}: ${place.confirm}`);
  lines.push(`${C}: ${lang === 'es' ? '¿Un número para llamarle?' : 'Can I get a callback number?'}`);
  lines.push(`${P}: ${pretty(who.phone)}.`);
  lines.push(`${C}: ${lang === 'es' ? 'Gracias, ya quedó el reporte.' : pick(['Thanks, I have sent that to the crew.', 'Alright, the ticket is in.'])}`);
  return lines.join('\n');
}

// ---------------- drawing messages ----------------
const msgs = [];
const START = Date.parse('2026-09-08T12:00:00Z'), SPAN_H = 80 * 24;
const used = []; // {svc, p, t}
function conflicts(svc, p, t, group) {
  if (!p) return false;
  return used.some((u) => u.svc === svc && u.group !== group && metres(u.p, p) <= 160 && Math.abs(u.t - t) / 3600e3 <= 100);
}
function drawTime() { let t = START + Math.floor(rnd() * SPAN_H * 60) * 60e3; const hUtc = new Date(t).getUTCHours(); if (hUtc >= 5 && hUtc < 12) t += 7 * 3600e3; return t; }
const CH = [['sms', 0.36], ['email', 0.60], ['web', 0.74], ['transcript', 0.86], ['whatsapp', 1]];
const drawChannel = () => { const k = rnd(); return CH.find(([, c]) => k < c)[0]; };

// build one message of a given place kind
function makePlace(kind, svc, lang, channel) {
  const atEnd = chance(0.5);
  if (kind === 'address') {
    let r = pickRow();
    if (svc === 'SW-TRASH' || svc === 'SW-RECYCLE' || svc === 'SW-BULKY') while (ruralBig.includes(r) && chance(0.5)) r = pickRow();
    return { lab: label('address', `${r.number} ${r.street}`, r), row: r, phrase: () => addrPhrase(r, lang), atEnd };
  }
  if (kind === 'intersection') { const c = pick(crossings); return { lab: label('intersection', `${c.a} & ${c.b}`, c), phrase: () => interPhrase(c, lang, atEnd), atEnd }; }
  if (kind === 'street') {
    if (chance(0.3)) {
      const s = pick(S.filter((x) => x.kind === 'grid' && !x.name.includes('North') && !x.name.includes('South')).map((x) => x.name));
      const h = pick([100, 200, 300, 400, 500, 600]); const p = blockMedian(s, h);
      if (p) return { lab: label('street', s, p), phrase: () => streetPhrase(s, lang, h), atEnd, block: true };
    }
    const names = S.map((x) => x.name).filter((n) => CENTRE.get(n).ok);
    const s = pick(names); const p = CENTRE.get(s).p;
    return { lab: label('street', s, p), phrase: () => streetPhrase(s, lang), atEnd };
  }
  if (kind === 'coordinates') {
    const anchor = pick(usableRows);
    const k = channel === 'whatsapp' && chance(0.5) ? 'wa' : pick(LINK_KINDS.filter((x) => x !== 'wa'));
    const c = coordPhrase(anchor, lang, k);
    if (channel === 'transcript' && k !== 'bare') c.text = spokenPoint(c.p, lang);
    return { lab: label('coordinates', null, c.p), phrase: () => c.text, atEnd: true, link: k };
  }
  if (kind === 'landmark') { const l = pick(LM); return { lab: label('coordinates', null, l), phrase: () => lmPhrase(l, lang), atEnd }; }
  return { lab: label('none', null, null), phrase: () => pick(lang === 'es' ? NONE_ES : NONE_EN), atEnd };
}

function emit(channel, lang, svc, pl, t, opts = {}) {
  const who = opts.who || person(lang);
  let text, subject = null;
  let L = pl.phrase();
  if (channel === 'transcript') {
    let problem, ask = null, confirm = null;
    const r = pl.row;
    if (r && chance(0.7)) {
      const w = writeStreet(r.street, lang);
      problem = fill(pick(T[svc][lang] || T[svc].en), '').replace(/\s+/g, ' ').trim().replace(/ ,/, ',') + '.';
      if (opts.correct) {
        const wrong = String(Number(r.number.replace(/[A-Z]$/, '')) + pick([10, -10, 20, 100].filter((d) => Number(r.number.replace(/[A-Z]$/, '')) + d > 0)));
        ask = lang === 'es' ? `El ${wrong} ${stripArt(w)}, no, perdón, el ${r.number} ${stripArt(w)}.` : `${spoken(wrong)} ${w}, no sorry, ${spoken(r.number)} ${w}.`;
      } else ask = lang === 'es' ? `Es el ${r.number} de ${/^(el|la) /.test(w) ? w : 'la ' + w}.` : chance(0.5) ? `It's ${spoken(r.number)} ${w}.` : `${r.number} ${w}.`;
      confirm = lang === 'es' ? `El ${r.number} ${stripArt(writeStreet(r.street, 'en', true))}, anotado.` : `${r.number} ${writeStreet(r.street, 'en', true)}, got it.`;
    } else {
      problem = fill(pick((T[svc][lang] || T[svc].en).filter((x) => !pl.link || x.endsWith('{L}'))), L).replace(/ ,/g, ',') + '.';
    }
    text = transcript(lang, svc, { problem: cap(problem).replace(/\.\.$/, '.'), ask, confirm }, who);
  } else if (opts.liveAt) {
    const h = opts.liveAt;
    L = L.replace(/^(@|,) /, 'at ');
    const core = body(svc, lang, L, pl.atEnd, Boolean(pl.link));
    const pre = lang === 'es' ? `Vivo en el ${h.number} ${writeStreet(h.street, 'es').replace(/^(el|la) /, '')} pero el reporte es de otro lugar: ` : pick([`I live at ${h.number} ${writeStreet(h.street, 'en')} but the problem is ${/^(at|on|in|by|near|outside|across|where|along|somewhere|here|location|right|gps|pin) /.test(L) ? '' : 'at '}`, `my address is ${h.number} ${writeStreet(h.street, 'en')} but this is about somewhere else: `]);
    const c2 = pre.endsWith(': ') ? core : `${L}: ${fill(pick(T[svc].en), '').replace(/\s+/g, ' ').trim().replace(/ ,/, ',')}`;
    text = wrap(channel, lang, pre + c2, who);
  } else if (opts.myHouse) {
    const core = lang === 'es' ? fill(pick(T[svc].es), 'frente a mi casa') : fill(pick(T[svc].en), 'in front of my house');
    text = wrap('email', lang, core, who, { home: opts.myHouse });
  } else {
    const core = body(svc, lang, L, pl.atEnd, Boolean(pl.link));
    text = wrap(channel, lang, core, who, { home: channel === 'email' && chance(0.5) ? pick(usableRows) : null, extra: opts.extra });
  }
  if (channel === 'email') subject = opts.subject || (lang === 'es' ? pick(['Reporte', 'Problema en la calle', 'Queja']) : pick(['Service request', 'Problem on our road', 'Please fix', 'Report', 'Complaint']));
  const sender = channel === 'email' ? { phone: null, email: who.email } : channel === 'web' ? { phone: chance(0.5) ? who.phone : null, email: who.email } : { phone: who.phone, email: null };
  const m = { channel, text, subject, sender, t, expected: { service_code: svc, ...pl.lab, intent: opts.intent || 'report' }, dedupe_group: opts.group || null, lang };
  msgs.push(m);
  if (pl.lab.lat != null) used.push({ svc, p: { lat: pl.lab.lat, lon: pl.lab.long }, t, group: opts.group || null });
  return m;
}

// ---- dedupe groups (8) ----
const GROUP_SVCS = ['ST-POTHOLE', 'WA-LEAK', 'PW-TREE', 'AC-DEAD', 'SW-DUMPING', 'ST-LIGHT', 'CE-VEHICLE', 'WA-DRAIN'];
GROUP_SVCS.forEach((svc, gi) => {
  const gid = `dg-${String(gi + 1).padStart(2, '0')}`;
  let anchor, t0, tries = 0;
  do { anchor = pick(usableRows); t0 = drawTime(); tries++; } while ((conflicts(svc, anchor, t0) || byStreet.get(anchor.street).filter((r) => r !== anchor && metres(r, anchor) < 35).length < 1) && tries < 200);
  const near = byStreet.get(anchor.street).filter((r) => r !== anchor && metres(r, anchor) < 35);
  const n = gi % 3 === 0 ? 3 : 2;
  let t = t0;
  const repeat = gi === 2; // same sender repeating within minutes
  const who0 = person('en');
  for (let k = 0; k < n; k++) {
    const lang = gi === 4 && k === 1 ? 'es' : gi === 7 && k === 0 ? 'es' : 'en';
    const channel = repeat ? 'sms' : pick(['sms', 'email', 'web', 'whatsapp', 'transcript', 'sms']);
    let pl;
    const v = k === 0 ? 'same' : pick(['same', 'near', 'coords']);
    if (v === 'coords') { const k2 = pick(['g@', 'osm', 'gq', 'bare']); const c = coordPhrase(anchor, lang, k2); if (channel === 'transcript' && k2 !== 'bare') c.text = spokenPoint(c.p, lang); pl = { lab: label('coordinates', null, c.p), phrase: () => c.text, atEnd: true, link: k2 }; }
    else { const r = v === 'near' ? pick(near) : anchor; pl = { lab: label('address', `${r.number} ${r.street}`, r), row: r, phrase: () => addrPhrase(r, lang), atEnd: chance(0.5) }; }
    if (repeat && k > 0) {
      const mins = ri(6, 15); t += mins * 60e3;
      const m = emit('sms', 'en', svc, pl, t, { group: gid, who: who0 });
      m.text = `still there!! ${mins} min now and cars are driving around it in the other lane. ` + m.text;
    } else {
      emit(channel, lang, svc, pl, t, { group: gid, who: repeat ? who0 : undefined });
      t += ri(2, 26) * 3600e3 + ri(0, 59) * 60e3;
    }
  }
});

// ---- singles ----
const TARGET = { address: 138, intersection: 48, street: 29, coordinates: 26, landmark: 6, none: 31 };
const order = [];
for (const [k, n] of Object.entries(TARGET)) for (let i = 0; i < n; i++) order.push(k);
for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
let liveAtLeft = 8, myHouseLeft = 3, correctLeft = 4;
for (const kind of order) {
  const lang = chance(0.17) ? 'es' : 'en';
  let channel = drawChannel();
  let svc, pl, t, tries = 0;
  do { svc = pick(PLACE_OK[kind]); pl = makePlace(kind, svc, lang, channel); t = drawTime(); tries++; }
  while (conflicts(svc, pl.lab.lat == null ? null : { lat: pl.lab.lat, lon: pl.lab.long }, t) && tries < 100);
  const opts = {};
  if (kind === 'address' && channel === 'email' && myHouseLeft > 0 && chance(0.3)) { opts.myHouse = pl.row; myHouseLeft--; }
  else if (kind !== 'none' && kind !== 'landmark' && channel !== 'transcript' && liveAtLeft > 0 && chance(0.06)) { let h; do h = pick(usableRows); while (metres(h, { lat: pl.lab.lat, lon: pl.lab.long }) < 200); opts.liveAt = h; liveAtLeft--; }
  if (channel === 'transcript' && kind === 'address' && correctLeft > 0 && chance(0.35)) { opts.correct = true; correctLeft--; }
  emit(channel, lang, svc, pl, t, opts);
}
// ---- questions (intent question, precision none) ----
const Q = [
  ['en', 'SW-RECYCLE', 'what day is recycling picked up in Harlan Junction? we just moved here'],
  ['en', 'SW-BULKY', 'how do I schedule a bulky item pickup? we have an old washer to get rid of'],
  ['en', null, 'what are the hours for the town offices on friday?'],
  ['es', 'SW-TRASH', '¿qué día pasa el camión de la basura?'],
  ['en', 'SW-TRASH', 'is trash pickup delayed this week because of Thanksgiving?'],
  ['en', 'PW-TREE', 'does the town pick up limbs and brush if I pile them by the road?'],
];
for (const [lang, svc, q] of Q) {
  const channel = pick(['sms', 'web', 'whatsapp', 'email']);
  const who = person(lang);
  const m = { channel, text: channel === 'email' ? `${lang === 'es' ? 'Hola,' : 'Hi,'}\n\n${cap(q)}\n\n${lang === 'es' ? 'Gracias,' : 'Thanks,'}\n${who.name}` : q, subject: channel === 'email' ? 'Question' : null,
    sender: channel === 'email' || channel === 'web' ? { phone: null, email: who.email } : { phone: who.phone, email: null }, t: drawTime(),
    expected: { service_code: svc, ...label('none', null, null), intent: 'question' }, dedupe_group: null, lang };
  msgs.push(m);
}

// ---- failed voice transcriptions: report, no place, the fallback service ----
for (const lang of ['en', 'en', 'es']) {
  const who = person(lang);
  msgs.push({ channel: 'transcript', text: lang === 'es' ? 'Transcripción no disponible (audio de 0:41, ruido de fondo).' : 'Transcription unavailable (audio 0:52, caller inaudible).', subject: null,
    sender: { phone: who.phone, email: null }, t: drawTime(), expected: { service_code: 'GEN-OTHER', ...label('none', null, null), intent: 'report' }, dedupe_group: null, lang });
}

// ---------------- write ----------------
msgs.sort((a, b) => a.t - b.t);
const perCh = {};
const out = msgs.map((m) => {
  perCh[m.channel] = (perCh[m.channel] || 0) + 1;
  const e = m.expected;
  return JSON.stringify({ id: `${m.channel}-${String(perCh[m.channel]).padStart(4, '0')}`, channel: m.channel, text: m.text, subject: m.subject, sender: m.sender,
    received_at: new Date(m.t).toISOString().replace(/\.000Z$/, 'Z'), expected: { service_code: e.service_code, address: e.address, precision: e.precision, lat: e.lat, long: e.long, intent: e.intent },
    dedupe_group: m.dedupe_group, lang: m.lang });
});
fs.writeFileSync(path.join(DIR, 'corpus.jsonl'), out.join('\n') + '\n');
fs.writeFileSync(path.join(DIR, 'addresses.csv'), 'LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID\n' +
  rows.map((r) => [r.lon.toFixed(7), r.lat.toFixed(7), r.number, r.street, '', 'Harlan Junction', 'Tolliver County', 'TN', '38990', r.id].join(',')).join('\n') + '\n');
const yq = (s) => (/[:,\[\]{}#&*!|>'"%@`]/.test(s) ? JSON.stringify(s) : s);
const yaml = `# Harlan Junction, Tennessee: a SYNTHETIC small town for evaluating Intake (no such town exists; streets and points are generated).
# Generated by tools/generate.mjs. Relative paths are read from this file's folder.
jurisdiction:
  id: harlanjunction-tn.example
  name: Town of Harlan Junction
  names: { es: Pueblo de Harlan Junction }
  country: US
  timezone: America/Chicago
  languages: [en, es]
  landmarks:
${LM.map((l) => `    - { name: ${l.name}, aliases: [${l.aliases.join(', ')}], lat: ${l.lat.toFixed(7)}, long: ${l.lon.toFixed(7)} }`).join('\n')}

server:
  port: \${PORT:-3000}
  public_url: \${INTAKE_PUBLIC_URL:-http://localhost:3000}
  admin_token: \${INTAKE_ADMIN_TOKEN:-demo-admin-token}

redis:
  url: \${REDIS_URL:-redis://127.0.0.1:6379}

channels:
  web: {}
  transcripts: { api_keys: ["\${INTAKE_TRANSCRIPTS_KEY:-demo-transcripts-key}"] }

services:
${SERVICES.map(([code, name, group, es, kw]) => `  - code: ${code}\n    name: ${name}\n    group: ${group}\n    names: { es: ${es} }\n    keywords: [${kw.map(yq).join(', ')}]`).join('\n')}

geocoding:
  providers:
    - { type: gazetteer, file: ./addresses.csv }

classification: { fallback_code: GEN-OTHER }

dedupe: { radius_m: 75, window_hours: 72 }

router:
  destinations:
    outbox: { type: file, path: "\${INTAKE_DATA_DIR:-.intake}/outbox.jsonl" }
  default: { deliver_to: [outbox] }
`;
fs.writeFileSync(path.join(DIR, 'intake.yaml'), yaml);
console.log(`rows ${rows.length}, streets ${S.length}, crossings ${crossings.length}, messages ${msgs.length}, typos ${typoCount}/${formCount} street forms, street centres unusable: ${[...CENTRE].filter(([, c]) => !c.ok).map(([n]) => n).join('; ') || 'none'}`);
console.log('crossings: ' + crossings.map((c) => `${c.a} & ${c.b} (${c.d.toFixed(0)} m)`).join('; '));

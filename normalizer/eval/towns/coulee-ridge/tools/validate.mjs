// Independent validator for the Coulee Ridge, AB corpus. Shares no code with tools/generate.mjs.
// It reads addresses.csv, intake.yaml and corpus.jsonl and re-derives every label from the address points:
//   address       the "<NUMBER> <STREET>" row exists, the label point is that row's point, the number and the street are
//                 written, and the quadrant written (or left off) allows only that street to have that number;
//   intersection  both streets are straight in the CSV, their fitted centre lines cross within 30 m of the label and within
//                 80 m of both streets' built ends, and the words written allow only that one crossing;
//   street        the label is the street's central point (principal axis, index floor((n-1)/2)) or, for "the 1000 block
//                 of", the median-numbered row of that block; the words written allow only that street;
//   coordinates   the label is the printed map pin (!3d!4d when present), a printed pair, or a configured landmark named;
//   none          no address and no point.
// Usage: node tools/validate.mjs [folder] [--stats]. Exits 1 on any error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const DIR = path.resolve(argv.find((a) => !a.startsWith('--')) || path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const STATS = argv.includes('--stats');
const errs = [], warns = [];
const bad = (id, m) => errs.push(`${id}: ${m}`);

// ---------- addresses.csv ----------
const csvText = fs.readFileSync(path.join(DIR, 'addresses.csv'), 'utf8');
const csvLines = csvText.split('\n').filter((l) => l.length);
if (csvLines[0] !== 'LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID') bad('addresses.csv', 'header');
const rows = [], byName = new Map(), rowIds = new Set();
for (const line of csvLines.slice(1)) {
  const f = line.split(',');
  if (f.length !== 10) { bad('addresses.csv', `field count in ${line}`); continue; }
  const r = { lon: +f[0], lat: +f[1], number: f[2], street: f[3], id: f[9] };
  if (!Number.isFinite(r.lon) || !Number.isFinite(r.lat) || !/^\d+$/.test(r.number) || r.number === '0') bad('addresses.csv', `bad row ${r.id}`);
  if (rowIds.has(r.id)) bad('addresses.csv', `duplicate ID ${r.id}`);
  rowIds.add(r.id);
  rows.push(r);
  if (!byName.has(r.street)) byName.set(r.street, []);
  const list = byName.get(r.street);
  if (list.some((o) => o.number === r.number)) bad('addresses.csv', `duplicate ${r.number} ${r.street}`);
  list.push(r);
}
const latC = rows.reduce((s, r) => s + r.lat, 0) / rows.length;
const KY = 111230, KX = 111320 * Math.cos((latC * Math.PI) / 180);
const xy = (p) => [(p.lon + 112.85) * KX, (p.lat - 50.35) * KY];
const dist = (a, b) => Math.hypot((a.lon - b.lon) * KX, (a.lat - b.lat) * KY);
if (Math.abs(latC - 50.35) > 0.05) bad('addresses.csv', `town centre latitude ${latC}`);
// grid sanity: the numbered streets' points lie 100 m per number from the centre line
for (const [name, pts] of byName) {
  const m = name.match(/^(\d+) (Street|Avenue) (NE|NW|SE|SW)$/);
  if (!m) continue;
  const k = +m[1], sg = m[2] === 'Street' ? (m[3][1] === 'E' ? 1 : -1) : (m[3][0] === 'N' ? 1 : -1);
  for (const p of pts) {
    const [x, y] = xy(p);
    const off = (m[2] === 'Street' ? x : y) - sg * 100 * k;
    if (Math.abs(Math.abs(off) - 18) > 3) bad('addresses.csv', `${p.number} ${name} is ${off.toFixed(1)} m off its grid line`);
    const along = Math.abs(m[2] === 'Street' ? y : x);
    if (Math.floor(along / 100) !== Math.floor(+p.number / 100)) bad('addresses.csv', `${p.number} ${name} is in block ${Math.floor(along / 100)}`);
  }
}

// ---------- street identity: base + quadrant ----------
function ident(name) {
  let m;
  if ((m = name.match(/^(\d+) (Street|Avenue) (NE|NW|SE|SW)$/))) return { base: `${m[1]} ${m[2]}`, q: m[3] };
  if ((m = name.match(/^Centre (Street) ([NS])$/))) return { base: 'Centre Street', q: m[2] };
  if ((m = name.match(/^(.+) (NE|NW|SE|SW)$/))) return { base: m[1], q: m[2] };
  return { base: name, q: '' };
}
const idOf = new Map([...byName.keys()].map((n) => [n, ident(n)]));
const allowed = (base, wq) => [...byName.keys()].filter((n) => idOf.get(n).base === base && [...wq].every((c) => idOf.get(n).q.includes(c)));

// ---------- reading street mentions from text ----------
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’]/g, "'");
function lev(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) { d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1); }
  return d[a.length][b.length];
}
const near = (t, w) => t === w || (w.length >= 5 && lev(t, w) <= 1);
const STREET_W = ['st', 'str', 'rue'], AVENUE_W = ['ave', 'av', 'aven'];
const typeOf = (w) => (STREET_W.includes(w) || near(w, 'street') ? 'Street' : AVENUE_W.includes(w) || near(w, 'avenue') ? 'Avenue' : null);
const QRE = /^\s*\.?\s*(north ?east|north ?west|south ?east|south ?west|nord-est|nord-ouest|sud-est|sud-ouest|north|south|nord|sud|[ns]\.?-?\s?[ewo]\.?|[ns]\.?)(?![a-z])/;
function quadAfter(rest) {
  const m = rest.match(QRE);
  if (!m) return '';
  const w = m[1].replace(/[.\s-]/g, '');
  const map = { northeast: 'NE', northwest: 'NW', southeast: 'SE', southwest: 'SW', nordest: 'NE', nordouest: 'NW', sudest: 'SE', sudouest: 'SW', north: 'N', south: 'S', nord: 'N', sud: 'S' };
  if (map[w]) return map[w];
  return w.toUpperCase().replace('O', 'W');
}
// named roads: core words (fuzzy, one letter) followed by a type word
const NAMED_TYPES = { Drive: ['drive', 'dr'], Way: ['way', 'wy'], Road: ['road', 'rd'], Trail: ['trail', 'trl', 'tr'], Landing: ['landing', 'lndg'], Heights: ['heights', 'hts'],
  Place: ['place', 'pl'], Gate: ['gate', 'gt'], Mews: ['mews'], Close: ['close', 'cl'], Bay: ['bay'], Court: ['court', 'ct'], Boulevard: ['boulevard', 'blvd'], Avenue: ['avenue', 'ave', 'av'], Crescent: ['crescent', 'cres', 'cr'] };
function mentions(text) {
  const f = fold(text);
  const out = [];
  // numbered Streets and Avenues: "8 st se", "8th Street S.E.", "la 8e Rue", "17e Avenue NO"
  for (const m of f.matchAll(/(?<![\d.,:#-])(\d{1,2})(?:st|nd|rd|th|e|er|re)?\s+([a-z]+)\.?/g)) {
    const t = typeOf(m[2]);
    if (t) out.push({ base: `${Number(m[1])} ${t}`, wq: quadAfter(f.slice(m.index + m[0].length)) });
  }
  for (const m of f.matchAll(/\bcent(?:re|er)\s+(street|st|avenue|ave|av)\b\.?/g)) {
    const st = ['street', 'st'].includes(m[1]);
    const wq = quadAfter(f.slice(m.index + m[0].length));
    out.push({ base: st ? 'Centre Street' : 'Centre Avenue', wq: st && /^[NS]$/.test(wq) ? wq : '' });
  }
  if (/\b(highway|hwy)\.?\s*#?\s*3\b/.test(f)) out.push({ base: 'Highway 3', wq: '' });
  if (/\b(range road|range rd|rge rd|rr)\s*215\b/.test(f)) out.push({ base: 'Range Road 215', wq: '' });
  const toks = [...f.matchAll(/[a-z']+/g)];
  const named = new Set([...idOf.values()].map((i) => i.base).filter((b) => /^[A-Z][a-z]/.test(b) && !/^Centre|^Highway|^Range/.test(b)));
  for (const base of named) {
    const words = base.toLowerCase().split(' ');
    const type = words.pop();
    const typeWords = NAMED_TYPES[base.split(' ').pop()] || [type];
    for (let i = 0; i + words.length < toks.length; i++) {
      const ok = words.every((w, j) => near(toks[i + j][0].replace(/'s$/, 's').replace(/'/g, ''), w));
      const joined = words.length === 1 && toks[i][0] === 'ridgeview';
      if (ok && typeWords.includes(toks[i + words.length][0])) {
        const end = toks[i + words.length].index + toks[i + words.length][0].length;
        out.push({ base, wq: quadAfter(f.slice(end).replace(/^\./, '')) });
      } else if (base === 'Ridgeview Drive' && toks[i][0] === 'ridge' && toks[i + 1][0] === 'view' && typeWords.includes((toks[i + 2] || [''])[0])) {
        out.push({ base, wq: quadAfter(f.slice(toks[i + 2].index + toks[i + 2][0].length)) });
      } else if (joined) { /* handled by the main branch */ }
    }
  }
  return out;
}

// ---------- geometry of the CSV ----------
function axis(pts) {
  const P = pts.map(xy), n = P.length;
  const mx = P.reduce((s, p) => s + p[0], 0) / n, my = P.reduce((s, p) => s + p[1], 0) / n;
  let a = 0, b = 0, c = 0;
  for (const [x, y] of P) { a += (x - mx) ** 2; b += (x - mx) * (y - my); c += (y - my) ** 2; }
  let v = [1, 0.2];
  for (let i = 0; i < 100; i++) { const w = [a * v[0] + b * v[1], b * v[0] + c * v[1]]; const L = Math.hypot(...w); v = [w[0] / L, w[1] / L]; }
  if ((Math.abs(v[0]) >= Math.abs(v[1]) && v[0] < 0) || (Math.abs(v[0]) < Math.abs(v[1]) && v[1] < 0)) v = [-v[0], -v[1]];
  const t = P.map(([x, y]) => (x - mx) * v[0] + (y - my) * v[1]);
  const rms = Math.sqrt(P.reduce((s, [x, y]) => s + ((x - mx) * -v[1] + (y - my) * v[0]) ** 2, 0) / n);
  return { mx, my, v, t, rms, tmin: Math.min(...t), tmax: Math.max(...t) };
}
const AX = new Map([...byName].map(([n, p]) => [n, axis(p)]));
function centrePoint(name) {
  const pts = byName.get(name), ax = AX.get(name);
  const order = pts.map((p, i) => ({ p, t: ax.t[i] })).sort((a, b) => a.t - b.t);
  const i = Math.floor((order.length - 1) / 2);
  const gap = Math.min(i > 0 ? order[i].t - order[i - 1].t : 99, i + 1 < order.length ? order[i + 1].t - order[i].t : 99);
  return { p: order[i].p, gap };
}
function blockPoint(name, h) {
  const b = byName.get(name).filter((p) => +p.number >= h && +p.number <= h + 99).sort((a, c) => a.number - c.number);
  return b.length ? b[Math.floor((b.length - 1) / 2)] : null;
}
// where two straight streets' fitted lines meet (null if parallel, not straight, or beyond either street's built ends)
function meet(a, b) {
  const A = AX.get(a), B = AX.get(b);
  if (!A || !B || A.rms > 30 || B.rms > 30) return null;
  const det = A.v[0] * -B.v[1] + B.v[0] * A.v[1];
  if (Math.abs(det) < 0.5) return null;
  const dx = B.mx - A.mx, dy = B.my - A.my;
  const s = (dx * -B.v[1] + B.v[0] * dy) / det, u = (A.v[0] * dy - A.v[1] * dx) / det;
  if (s < A.tmin - 80 || s > A.tmax + 80 || u < B.tmin - 80 || u > B.tmax + 80) return null;
  const x = A.mx + s * A.v[0], y = A.my + s * A.v[1];
  return { x, y, lon: x / KX - 112.85, lat: y / KY + 50.35 };
}
const sameDeg = (a, b) => Math.abs(a - b) < 1.5e-6;

// ---------- intake.yaml (line reader) ----------
const yml = fs.readFileSync(path.join(DIR, 'intake.yaml'), 'utf8');
const svc = new Map();
{ let on = false, cur = null;
  for (const l of yml.split('\n')) {
    if (/^\S/.test(l)) on = l.startsWith('services:');
    if (!on) continue;
    let m;
    if ((m = l.match(/^  - code: (\S+)$/))) svc.set(m[1], (cur = { code: m[1] }));
    else if (cur && (m = l.match(/^    (name|group|names|keywords): (.+)$/))) cur[m[1]] = m[2];
  } }
for (const s of svc.values()) if (!s.name || !s.group || !/fr:/.test(s.names || '') || !s.keywords) bad('intake.yaml', `service ${s.code} incomplete`);
if (svc.size < 15 || svc.size > 20) bad('intake.yaml', `${svc.size} services`);
for (const k of ['id: couleeridge-ab.example', 'country: CA', 'timezone: America/Edmonton', 'languages: [en, fr]']) if (!yml.includes(`  ${k}\n`)) bad('intake.yaml', `missing ${k}`);
if (!/\{ type: gazetteer, file: \.\/addresses\.csv \}/.test(yml)) bad('intake.yaml', 'gazetteer');
const marks = [...yml.matchAll(/- \{ name: ([^,]+), aliases: \[(.*)\], lat: (-?[\d.]+), long: (-?[\d.]+) \}/g)].map((m) => ({ name: m[1], aliases: [m[1], ...m[2].split(', ').map((a) => a.replace(/^"|"$/g, ''))], lat: +m[3], lon: +m[4] }));
if (marks.length < 2 || marks.length > 3) bad('intake.yaml', `${marks.length} landmarks`);

// ---------- corpus ----------
const msgs = fs.readFileSync(path.join(DIR, 'corpus.jsonl'), 'utf8').split('\n').filter(Boolean).map((l, i) => { try { return JSON.parse(l); } catch { bad(`line ${i + 1}`, 'not JSON'); return null; } }).filter(Boolean);
const seenIds = new Set();
const numRe = (n) => new RegExp(`(^|[^\\d.,-])${n}(?!\\d)`);
let prevT = '';
const counter = {};
for (const m of msgs) {
  const id = m.id;
  if (Object.keys(m).join(',') !== 'id,channel,text,subject,sender,received_at,expected,dedupe_group,lang') bad(id, 'keys/order');
  if (seenIds.has(id)) bad(id, 'duplicate id'); seenIds.add(id);
  counter[m.channel] = (counter[m.channel] || 0) + 1;
  if (id !== `${m.channel}-${String(counter[m.channel]).padStart(4, '0')}`) bad(id, 'ids are not numbered per channel in time order');
  if (m.received_at < prevT) bad(id, 'not sorted by received_at'); prevT = m.received_at;
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(m.received_at)) bad(id, 'received_at');
  if (!['sms', 'email', 'transcript', 'web', 'whatsapp'].includes(m.channel)) bad(id, 'channel');
  if ((m.channel === 'email') !== (typeof m.subject === 'string') || (m.channel !== 'email' && m.subject !== null)) bad(id, 'subject');
  if (!['en', 'fr'].includes(m.lang)) bad(id, 'lang');
  const sp = m.sender || {};
  if (!('phone' in sp && 'email' in sp)) bad(id, 'sender');
  if (sp.phone && !/^\+1403555\d{4}$/.test(sp.phone)) bad(id, 'phone not 403-555');
  if (sp.email && !/@example\.(ca|com|net)$/.test(sp.email)) bad(id, 'email not example.*');
  if (m.channel === 'transcript' && m.text.split('\n').some((l) => !/^(Clerk|Caller|Agent|Appelant): /.test(l))) bad(id, 'transcript line without speaker');
  const e = m.expected || {};
  if (Object.keys(e).join(',') !== 'service_code,address,precision,lat,long,intent') bad(id, 'expected keys');
  if (!svc.has(e.service_code)) bad(id, `service ${e.service_code}`);
  if (!['report', 'question'].includes(e.intent)) bad(id, 'intent');
  const text = m.text, ment = mentions(text);
  const fits = (name) => ment.filter((x) => x.base === idOf.get(name)?.base && allowed(x.base, x.wq).includes(name));
  if (e.precision === 'address') {
    const mm = (e.address || '').match(/^(\d+) (.+)$/);
    const row = mm && (byName.get(mm[2]) || []).find((r) => r.number === mm[1]);
    if (!row) { bad(id, `${e.address} not in CSV`); continue; }
    if (!sameDeg(row.lat, e.lat) || !sameDeg(row.lon, e.long)) bad(id, `point of ${e.address} should be ${row.lat},${row.lon}`);
    if (!numRe(mm[1]).test(text)) bad(id, `number ${mm[1]} not in text`);
    const f = fits(mm[2]);
    if (!f.length) bad(id, `street ${mm[2]} not written (quadrant as written must allow it)`);
    else if (!f.some((x) => { const c = allowed(x.base, x.wq).filter((n) => byName.get(n).some((r) => r.number === mm[1])); return c.length === 1; })) bad(id, `${mm[1]} on ${idOf.get(mm[2]).base} is ambiguous as written`);
    // the writer's own address is not the place
    const ft = fold(text);
    const live = ft.search(/\bi live at\b|\bj'habite\b/);
    if (live >= 0) { const turn = ft.indexOf(ft.includes(' but ') ? ' but ' : ' mais ', live); if (turn < 0 || !numRe(mm[1]).test(text.slice(turn))) bad(id, 'label is the writer\'s own address'); }
    if (m.channel === 'email' && !numRe(mm[1]).test(text.split('\n\n')[1] || '')) bad(id, 'label number not in the e-mail body');
    const corr = ft.search(/no sorry|non pardon/);
    if (corr >= 0 && !numRe(mm[1]).test(text.slice(corr))) bad(id, 'label is not the corrected number');
  } else if (e.precision === 'intersection') {
    const parts = (e.address || '').split(' & ');
    if (parts.length !== 2 || !(parts[0] < parts[1]) || !parts.every((p) => byName.has(p))) { bad(id, `intersection label ${e.address}`); continue; }
    const c = meet(parts[0], parts[1]);
    if (!c) { bad(id, `${e.address} do not meet`); continue; }
    const d = dist(c, { lat: e.lat, lon: e.long });
    if (d > 30) bad(id, `label is ${d.toFixed(0)} m from the crossing`);
    const fa = fits(parts[0]), fb = fits(parts[1]);
    if (!fa.length || !fb.length) bad(id, `streets of ${e.address} not written as such`);
    else {
      const unique = fa.some((x) => fb.some((y) => { let n = 0; for (const a of allowed(x.base, x.wq)) for (const b of allowed(y.base, y.wq)) if (a !== b && meet(a, b)) n++; return n === 1; }));
      if (!unique) bad(id, `${e.address} is ambiguous as written`);
    }
  } else if (e.precision === 'street') {
    if (!byName.has(e.address)) { bad(id, `street ${e.address}`); continue; }
    const blk = fold(text).match(/\b(\d{3,4}) block\b|\bbloc (\d{3,4})\b/);
    let want;
    if (blk) want = blockPoint(e.address, +(blk[1] || blk[2]));
    else { const cp = centrePoint(e.address); if (cp.gap < 1) bad(id, `centre of ${e.address} is unstable`); want = cp.p; }
    if (!want || !sameDeg(want.lat, e.lat) || !sameDeg(want.lon, e.long)) bad(id, `street point should be ${want && want.lat},${want && want.lon}`);
    const f = fits(e.address);
    if (!f.length) bad(id, `street ${e.address} not written`);
    else if (!f.some((x) => allowed(x.base, x.wq).length === 1)) bad(id, `${e.address} ambiguous as written`);
  } else if (e.precision === 'coordinates') {
    if (e.address !== null) bad(id, 'coordinates need address null');
    const pins = [...text.matchAll(/!3d(-?\d+\.\d+)!4d(-?\d+\.\d+)/g)].map((x) => [+x[1], +x[2]]);
    const nums = [...text.matchAll(/-?\d{2,3}\.\d{3,}/g)].map((x) => +x[0]);
    const pairs = nums.slice(1).map((v, i) => [nums[i], v]);
    const lm = marks.find((l) => sameDeg(l.lat, e.lat) && sameDeg(l.lon, e.long));
    if (lm) { if (!lm.aliases.some((a) => fold(text).includes(fold(a)))) bad(id, `landmark ${lm.name} not named`); }
    else if (pins.length) { if (!pins.some(([a, b]) => a === e.lat && b === e.long)) bad(id, 'label is not the !3d!4d pin'); }
    else if (!pairs.some(([a, b]) => a === e.lat && b === e.long)) bad(id, 'coordinates not printed');
    const nearest = Math.min(...rows.map((r) => dist(r, { lat: e.lat, lon: e.long })));
    if (!lm && nearest > 10) bad(id, `pin ${nearest.toFixed(0)} m from any address point`);
  } else if (e.precision === 'none') {
    if (e.address !== null || e.lat !== null || e.long !== null) bad(id, 'none needs nulls');
  } else bad(id, `precision ${e.precision}`);
}

// ---------- dedupe ----------
const P = (m) => (m.expected.lat == null ? null : { lat: m.expected.lat, lon: m.expected.long });
const H = (a, b) => Math.abs(Date.parse(a.received_at) - Date.parse(b.received_at)) / 3600e3;
const groups = new Map();
for (const m of msgs) if (m.dedupe_group) { if (!groups.has(m.dedupe_group)) groups.set(m.dedupe_group, []); groups.get(m.dedupe_group).push(m); }
for (const [g, ms] of groups) {
  if (ms.length < 2 || ms.length > 4) bad(g, `${ms.length} members`);
  for (const a of ms) for (const b of ms) if (a !== b) {
    if (a.expected.service_code !== b.expected.service_code) bad(g, 'mixed services');
    if (!P(a) || !P(b) || dist(P(a), P(b)) > 75) bad(g, `${a.id}/${b.id} over 75 m`);
    if (H(a, b) > 72) bad(g, `${a.id}/${b.id} over 72 h`);
  }
}
for (let i = 0; i < msgs.length; i++) for (let j = i + 1; j < msgs.length; j++) {
  const a = msgs[i], b = msgs[j];
  if (a.expected.service_code !== b.expected.service_code || !P(a) || !P(b) || (a.dedupe_group && a.dedupe_group === b.dedupe_group)) continue;
  if (dist(P(a), P(b)) <= 75 && H(a, b) <= 72) bad(a.id, `same service as ${b.id} nearby and within 72 h but not grouped`);
}

// ---------- stats ----------
if (STATS) {
  const count = (f) => msgs.filter(f).length;
  const tab = (title, key, vals) => console.log(`${title}: ${vals.map((v) => `${v} ${count((m) => key(m) === v)}`).join(', ')}`);
  tab('precision', (m) => m.expected.precision, ['address', 'intersection', 'street', 'coordinates', 'none']);
  tab('channel', (m) => m.channel, ['sms', 'email', 'transcript', 'web', 'whatsapp']);
  tab('language', (m) => m.lang, ['en', 'fr']);
  tab('intent', (m) => m.expected.intent, ['report', 'question']);
  console.log(`services: ${[...svc.keys()].map((c) => `${c} ${count((m) => m.expected.service_code === c)}`).join(', ')}`);
  const pat = { 'google ?q=': /google\.com\/maps\?q=|maps\.google\.com\/\?q=/, 'google @ + !3d!4d pin': /!3d/, 'geo:': /\bgeo:/, 'apple ll=': /maps\.apple\.com\/\?ll=/,
    'bare pair': /(?<![=,\/:@\d.-])50\.\d+,? -112\.\d+/, landmark: null, 'quadrant left off (address)': null, 'I live at / J\'habite': /\bi live at\b|j'habite/i,
    'call correction': /no sorry|non pardon/, 'block of': /\bblock of\b|\bbloc \d/, 'rural (Hwy 3 / RR 215) address': null, 'email with a signature address': /\n\d+ [^\n]+\nCoulee Ridge, AB/ };
  for (const [k, re] of Object.entries(pat)) {
    let n;
    if (k === 'landmark') n = count((m) => marks.some((l) => sameDeg(l.lat, m.expected.lat) && sameDeg(l.lon, m.expected.long)));
    else if (k === 'quadrant left off (address)') n = count((m) => m.expected.precision === 'address' && /[NS][EW]$/.test(m.expected.address) && !mentions(m.text).some((x) => x.wq === idOf.get(m.expected.address.replace(/^\d+ /, '')).q));
    else if (k.startsWith('rural')) n = count((m) => /Highway 3|Range Road 215/.test(m.expected.address || '') && m.expected.precision === 'address');
    else n = count((m) => re.test(m.text));
    console.log(`- ${k}: ${n}`);
  }
  console.log(`- dedupe groups: ${groups.size} (${count((m) => m.dedupe_group)} messages); address rows: ${rows.length}; streets: ${byName.size}; services: ${svc.size}; landmarks: ${marks.length}`);
}
for (const w of warns) console.warn('warning', w);
for (const e of errs) console.error('ERROR', e);
console.log(`${path.basename(DIR)}: ${msgs.length} messages, ${errs.length} errors`);
process.exit(errs.length ? 1 : 0);

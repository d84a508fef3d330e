// Independent validator for an Intake evaluation corpus folder (shares no code with the generator).
// Started from ../../santa-rita/tools/validate.mjs and changed for Harlan Junction, TN: street names that share words
// (Oak Street / Oak Avenue / Old Oak Road / Red Oak Lane / Oak Hill Drive, Church Street / Church Lane, Main / North Main /
// South Main, Mill Road / Mill Creek Road, Mount Pleasant Road / Pleasant Ridge Drive) must be written with the words that
// tell them apart; numbered roads (US Highway 41, State Route 31, County Road 12, Old Highway 64) must show their number
// and a road word; house numbers may carry a letter (112B); the writer's own address (signature, "I live at ...") is
// never the label unless the body says "in front of my house" and names no other place.
// Usage: node tools/validate.mjs [folder] [--stats]
// Reads <folder>/addresses.csv, <folder>/intake.yaml and <folder>/corpus.jsonl and checks every label
// against them (see the README for the conventions). Exits 1 on any error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const DIR = path.resolve(args.find((a) => !a.startsWith('--')) || path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const SHOW_STATS = args.includes('--stats');
const errors = [], warnings = [];
const fail = (id, msg) => errors.push(`${id}: ${msg}`);
const warn = (id, msg) => warnings.push(`${id}: ${msg}`);

// ---- tiny CSV reader (quoted fields, doubled quotes) ----
function readCsv(text) {
  const out = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') out.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); out.push(row); }
  return out;
}
const csv = readCsv(fs.readFileSync(path.join(DIR, 'addresses.csv'), 'utf8'));
const HEADER = 'LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID';
if (csv[0].join(',') !== HEADER) fail('addresses.csv', `header is ${csv[0].join(',')}`);
const points = [];
const byStreet = new Map();
const ids = new Set();
for (const [lon, lat, number, street, unit, , , , , id] of csv.slice(1)) {
  const p = { lon: Number(lon), lat: Number(lat), number, street, unit };
  if (!Number.isFinite(p.lon) || !Number.isFinite(p.lat) || !street) fail('addresses.csv', `bad row ${id}`);
  if (ids.has(id)) fail('addresses.csv', `duplicate ID ${id}`);
  ids.add(id);
  points.push(p);
  if (!byStreet.has(street)) byStreet.set(street, []);
  byStreet.get(street).push(p);
}
const lat0 = points.reduce((s, p) => s + p.lat, 0) / points.length;
const KX = 111320 * Math.cos((lat0 * Math.PI) / 180), KY = 111320;
const metres = (a, b) => Math.hypot((a.lon - b.lon) * KX, (a.lat - b.lat) * KY);
const bbox = points.reduce((b, p) => ({ a: Math.min(b.a, p.lat), b: Math.max(b.b, p.lat), c: Math.min(b.c, p.lon), d: Math.max(b.d, p.lon) }),
  { a: 90, b: -90, c: 180, d: -180 });

// ---- the parts of intake.yaml this check needs (a line reader, not a YAML parser) ----
const yamlText = fs.readFileSync(path.join(DIR, 'intake.yaml'), 'utf8');
const unq = (s) => s.trim().replace(/^["']|["']$/g, '');
const services = new Map();
{
  let inServices = false, cur = null;
  for (const line of yamlText.split('\n')) {
    if (/^\S/.test(line)) inServices = line.startsWith('services:');
    if (!inServices) continue;
    let m;
    if ((m = line.match(/^\s*-\s*code:\s*(.+)$/))) { cur = { code: unq(m[1]), name: null, keywords: [] }; services.set(cur.code, cur); }
    else if (cur && (m = line.match(/^\s+name:\s*(.+)$/))) cur.name = unq(m[1]);
    else if (cur && (m = line.match(/^\s+group:\s*(.+)$/))) cur.group = unq(m[1]);
    else if (cur && (m = line.match(/^\s+keywords:\s*\[(.*)\]\s*$/))) cur.keywords = m[1].split(',').map(unq).filter(Boolean);
  }
}
const landmarks = [];
for (const m of yamlText.matchAll(/-\s*\{\s*name:\s*("[^"]*"|[^,]+),\s*aliases:\s*\[([^\]]*)\],.*?lat:\s*(-?[\d.]+),\s*long:\s*(-?[\d.]+)/g)) {
  landmarks.push({ name: unq(m[1]), aliases: [unq(m[1]), ...m[2].split(',').map(unq)], lat: Number(m[3]), lon: Number(m[4]) });
}
const fallback = (yamlText.match(/fallback_code:\s*([\w-]+)/) || [])[1];
for (const key of ['id:', 'name:', 'country:', 'timezone:', 'languages:']) if (!new RegExp(`^  ${key}`, 'm').test(yamlText)) fail('intake.yaml', `jurisdiction ${key} missing`);
if (!/type:\s*gazetteer,\s*file:\s*\.\/addresses\.csv/.test(yamlText)) fail('intake.yaml', 'gazetteer provider ./addresses.csv missing');
if (services.size < 12 || services.size > 20) fail('intake.yaml', `${services.size} services (want 12-20)`);
if ([...services.values()].filter((s) => s.keywords.length).length < services.size * 0.6) fail('intake.yaml', 'most services need keywords');
for (const s of services.values()) if (!s.name || !s.group) fail('intake.yaml', `service ${s.code} lacks name or group`);
if (fallback && !services.has(fallback)) fail('intake.yaml', `fallback ${fallback} is not a service`);
for (const l of landmarks) if (l.lat < bbox.a - 0.01 || l.lat > bbox.b + 0.01 || l.lon < bbox.c - 0.01 || l.lon > bbox.d + 0.01) fail('intake.yaml', `landmark ${l.name} outside the town`);

// ---- label geometry, written from the conventions ----
function principalOrder(pts) {
  const mx = pts.reduce((s, p) => s + p.lon * KX, 0) / pts.length, my = pts.reduce((s, p) => s + p.lat * KY, 0) / pts.length;
  let a = 0, b = 0, c = 0;
  for (const p of pts) { const x = p.lon * KX - mx, y = p.lat * KY - my; a += x * x; b += x * y; c += y * y; }
  // power iteration on [[a b][b c]] for the dominant eigenvector
  let v = [1, 0.3];
  for (let i = 0; i < 200; i++) {
    const w = [a * v[0] + b * v[1], b * v[0] + c * v[1]];
    const n = Math.hypot(w[0], w[1]) || 1;
    v = [w[0] / n, w[1] / n];
  }
  if ((Math.abs(v[0]) >= Math.abs(v[1]) && v[0] < 0) || (Math.abs(v[0]) < Math.abs(v[1]) && v[1] < 0)) v = [-v[0], -v[1]];
  return pts.map((p) => ({ p, t: p.lon * KX * v[0] + p.lat * KY * v[1] })).sort((x, y) => x.t - y.t).map((x) => x.p);
}
function streetCentre(name) {
  const pts = (byStreet.get(name) || []).filter((p) => p.number && p.number !== '0' && !p.unit);
  if (!pts.length) return null;
  const sorted = principalOrder(pts);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
function blockMedian(name, hundred) {
  const pts = (byStreet.get(name) || []).filter((p) => !p.unit && Number(p.number) >= hundred && Number(p.number) <= hundred + 99)
    .sort((x, y) => Number(x.number) - Number(y.number));
  return pts.length ? pts[Math.floor((pts.length - 1) / 2)] : null;
}
function closestPair(a, b) {
  let best = null;
  for (const p of byStreet.get(a) || []) for (const q of byStreet.get(b) || []) {
    const d = metres(p, q);
    if (!best || d < best.d) best = { d, lat: (p.lat + q.lat) / 2, lon: (p.lon + q.lon) / 2 };
  }
  return best;
}
const same = (x, y) => Math.abs(x - y) < 1.5e-6;

// ---- does the text plausibly mention the street? (typos of one or two letters, ordinal words) ----
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const DIRS = new Set(['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw', 'o', 'no', 'so', 'est', 'ouest', 'nord', 'sud']);
const TYPES = new Set(['st', 'ave', 'rd', 'dr', 'blvd', 'ln', 'ct', 'way', 'pl', 'rue', 'chemin', 'montee', 'boulevard', 'rang', 'avenue',
  'route', 'place', 'impasse', 'cote', 'croissant', 'terrasse', 'street', 'road', 'drive', 'rte', 'ch', 'boul', 'av', 'mtee',
  'crescent', 'cres', 'close', 'lane', 'court', 'highway', 'hwy', 'calle', 'avenida', 'carretera', 'ruta', 'trail', 'trl', 'loop', 'lp',
  'circle', 'cir', 'camino', 'via', 'ln', 'pike', 'pk', 'parkway', 'pkwy', 'trace', 'trce', 'pass', 'cove', 'cv', 'bend', 'hollow', 'holw', 'us', 'sr', 'cr']);
const STOP = new Set(['du', 'de', 'des', 'la', 'le', 'les', 'l', 'd', 'of', 'the', 'et', 'y', 'a', 'en', 'saint', 'sainte', 'st', 'ste', 'los', 'las', 'del', 'el', 'jr']);
const ORDINALS = {
  1: ['first', 'premiere', 'premier', '1er', '1re', 'primera', 'primer', '1a'], 2: ['second', 'deuxieme', '2e', 'segunda', '2a'],
  3: ['third', 'troisieme', '3e', 'tercera', '3a'], 4: ['fourth', 'quatrieme', '4e', 'cuarta'], 5: ['fifth', 'cinquieme', '5e', 'quinta'],
  6: ['sixth', 'sixieme', '6e', 'sexta'], 7: ['seventh', 'septieme', '7e', 'septima'], 8: ['eighth', 'huitieme', '8e', 'octava'],
  9: ['ninth', 'neuvieme', '9e', 'novena'], 10: ['tenth', 'dixieme', '10e', 'decima'],
  11: ['eleventh', 'onzieme', '11e', 'once'], 12: ['twelfth', 'douzieme', '12e', 'doce'], 13: ['thirteenth', 'treizieme', '13e'], 14: ['fourteenth', 'quatorzieme', '14e'], 15: ['fifteenth', 'quinzieme', '15e'],
};
function lev(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
    d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
  }
  return d[a.length][b.length];
}
function coreWords(name) {
  // An apostrophe joins its name (O'Brien is one word, obrien), as in the text below.
  const words = fold(name).replace(/['’.]/g, '').split(/[\s-]+/).filter(Boolean);
  const core = words.filter((w, i) => !STOP.has(w) && !TYPES.has(w) && !(DIRS.has(w) && (i === 0 || i === words.length - 1)));
  return core.length ? core : words;
}
// Street types as citizens write them (English and Spanish).
const TYPE_RE = {
  Street: /\b(st|str|street|calle)\b/, Avenue: /\b(ave|av|avenue|avenida)\b/, Drive: /\b(drive|dr)\b/, Road: /\b(road|rd)\b/,
  Trail: /\b(trail|trl)\b/, Court: /\b(court|ct)\b/, Circle: /\b(circle|cir)\b/, Loop: /\b(loop|lp)\b/, Way: /\bway\b/,
  Place: /\b(place|pl)\b/, Boulevard: /\b(boulevard|blvd|bulevar)\b/,
};
// Streets that share a word with another street: the text must carry what tells them apart (folded, lower case).
const DISTINCT = {
  'Oak Street': /\boak (st|str|street)\b|\bcalle oak\b/, 'Oak Avenue': /\boak (ave|av|avenue)\b|\bavenida oak\b/,
  'Old Oak Road': /\bold oak\b/, 'Red Oak Lane': /\bred oak\b/, 'Oak Hill Drive': /\boak hill\b/,
  'Church Street': /\bchurch (st|str|street)\b|\bcalle church\b/, 'Church Lane': /\bchurch (ln|lane)\b/,
  'Main Street': /(?<!\b(north|south|n|s)\.? )\bmain\b/, 'North Main Street': /\b(north|n\.?) main\b/, 'South Main Street': /\b(south|s\.?) main\b/,
  'Mill Road': /\bmill (rd|road)\b/, 'Mill Creek Road': /\bmill creek\b/,
  'Mount Pleasant Road': /\b(mt\.?|mount) pleasant\b/, 'Pleasant Ridge Drive': /\bpleasant ridge\b/,
};
// Numbered roads: the number and a road word, in any order ("Hwy 41", "US-41", "41 highway", "la carretera 41").
const NUMBERED = {
  'US Highway 41': [41, /\b(us|hwy|highway|carretera)\b/], 'State Route 31': [31, /\b(sr|state|route|rte|rt|hwy|highway|tn|ruta|carretera)\b/],
  'County Road 12': [12, /\b(cr|county|co|condado)\b/], 'Old Highway 64': [64, /\b(old|vieja)\b/],
};
const TYPED = new RegExp(`^(.+) (${Object.keys(TYPE_RE).join('|')})$`);
// The type must be written when another street has the same core with another type.
function distinguishingParts(name) {
  const t = name.match(TYPED);
  if (!t) return [];
  const shared = [...byStreet.keys()].some((n) => { const o = n.match(TYPED); return n !== name && o && o[1] === t[1] && o[2] !== t[2]; });
  return shared ? [['type', TYPE_RE[t[2]]]] : [];
}
function keepsParts(text, name) {
  const f = fold(text).replace(/['’]/g, '');
  const miss = distinguishingParts(name).filter(([, re]) => !re.test(f)).map(([what]) => what);
  if (DISTINCT[name] && !DISTINCT[name].test(f)) miss.push('distinguishing words');
  return miss;
}
// Ordinal words of a street name and the number they stand for ("Fifth Street" -> 5).
const ORDINAL_OF = Object.fromEntries(Object.entries(ORDINALS).map(([n, ws]) => [ws[0], Number(n)]));
// Short forms that stand for a whole name.
const ALIASES = { mlk: ['martin', 'luther', 'king'] };
function mentions(text, name) {
  const tokens = fold(text).replace(/['’]/g, '').replace(/\bm\.\s?l\.\s?k\b/g, 'mlk').split(/[^a-z0-9]+/).filter(Boolean);
  const core = coreWords(name);
  if (NUMBERED[name]) {
    const [n, re] = NUMBERED[name];
    // Spanish speakers also say "la 41" for the road itself.
    return tokens.includes(String(n)) && (re.test(tokens.join(' ')) || new RegExp(`\\bla ${n}\\b`).test(tokens.join(' ')));
  }
  if (Object.entries(ALIASES).some(([a, ws]) => tokens.includes(a) && ws.every((w) => core.includes(w)))) return true;
  return core.some((w) => {
    const n = ORDINAL_OF[w] ?? parseInt(w, 10);
    if (Number.isFinite(n) && (ORDINAL_OF[w] || /^\d+(st|nd|rd|th|e|er|re)?$/.test(w))) {
      return tokens.some((t) => parseInt(t, 10) === n && /^\d+(st|nd|rd|th|e|er|re|eme|ieme|a|o)?$/.test(t) || (ORDINALS[n] || []).includes(t));
    }
    if (w.length < 3) return tokens.includes(w);
    const tol = w.length >= 7 ? 2 : w.length >= 4 ? 1 : 0;
    return tokens.some((t) => Math.abs(t.length - w.length) <= tol && lev(t, w) <= tol);
  });
}

// ---- coordinates printed in a text ----
function printedCoords(text) {
  const pins = [];
  for (const m of text.matchAll(/!3d(-?\d+\.\d+)!4d(-?\d+\.\d+)/g)) pins.push([+m[1], +m[2]]);
  for (const m of text.matchAll(/mlat=(-?\d+\.\d+)&mlon=(-?\d+\.\d+)/g)) pins.push([+m[1], +m[2]]);
  const any = [];
  const nums = [...text.matchAll(/-?\d{1,3}\.\d{3,}/g)].map((m) => +m[0]);
  for (let i = 0; i + 1 < nums.length; i++) any.push([nums[i], nums[i + 1]]);
  return { pins, any };
}

// ---- the writer's own address is not the place ----
// "I live at A but the problem is at B": the labelled number must come after the turn ("but", "pero", "somewhere else").
// E-mails: the labelled number must be in the body, or in the signature when the body says "my house" / "mi casa".
function ownAddressCheck(m, num) {
  const re = new RegExp(`(^|[^\\d.])${num}(?![\\da-z])`, 'i');
  const turn = m.text.search(/\b(but the problem|but this is about|pero el reporte)\b/i);
  if (/\b(i live at|my address is|vivo en)\b/i.test(m.text)) {
    if (turn < 0 || !re.test(m.text.slice(turn))) fail(m.id, `label ${num} is the writer's own address, not the place after the turn`);
  }
  if (m.channel === 'email') {
    const blocks = m.text.split(/\n\n/);
    const body = blocks.slice(1, 2).join('\n'), sig = blocks.slice(2).join('\n');
    if (!re.test(body)) {
      if (!/\b(my house|mi casa)\b/i.test(body)) fail(m.id, `label ${num} is not in the e-mail body`);
      else if (!re.test(sig)) fail(m.id, `"my house" but ${num} is not the signature address`);
    }
  }
}

// ---- the corpus ----
const CHANNELS = ['sms', 'email', 'transcript', 'web', 'whatsapp'];
const SPEAKERS = /^(Clerk|Caller|Agent|Appelant|Agente|Llamante|Appelante)\s?:/;
const lines = fs.readFileSync(path.join(DIR, 'corpus.jsonl'), 'utf8').split('\n').filter(Boolean);
const msgs = [];
const seen = new Set();
lines.forEach((line, i) => {
  let m;
  try { m = JSON.parse(line); } catch { fail(`line ${i + 1}`, 'not JSON'); return; }
  msgs.push(m);
  const id = m.id;
  const keys = Object.keys(m).sort().join(',');
  if (keys !== 'channel,dedupe_group,expected,id,lang,received_at,sender,subject,text') fail(id, `keys ${keys}`);
  if (!/^(sms|email|transcript|web|whatsapp)-\d{4}$/.test(id) || !id.startsWith(m.channel + '-')) fail(id, 'bad id or channel');
  if (!CHANNELS.includes(m.channel)) fail(id, `channel ${m.channel}`);
  if (seen.has(id)) fail(id, 'duplicate id');
  seen.add(id);
  if (typeof m.text !== 'string' || !m.text.trim()) fail(id, 'empty text');
  if (m.channel === 'email' ? typeof m.subject !== 'string' : m.subject !== null) fail(id, 'subject only (and always) for email');
  if (!m.sender || !('phone' in m.sender) || !('email' in m.sender)) fail(id, 'sender needs phone and email keys');
  else {
    if (m.sender.phone !== null && !/^\+1\d{3}555\d{4}$/.test(m.sender.phone)) fail(id, `phone ${m.sender.phone} not in a 555 exchange`);
    if (m.sender.email !== null && !/@([\w-]+\.)*example\.[a-z]{2,}$/.test(m.sender.email)) fail(id, `email ${m.sender.email} not at example.*`);
  }
  for (const ph of m.text.matchAll(/\(?\b(\d{3})\)?[ .-](\d{3})[ .-](\d{4})\b/g)) if (ph[2] !== '555') fail(id, `phone in text ${ph[0]} not 555`);
  for (const em of m.text.matchAll(/[\w.+-]+@([\w-]+\.)+[a-z]+/gi)) if (!/@([\w-]+\.)*example\.[a-z]{2,}$/i.test(em[0])) fail(id, `email in text ${em[0]}`);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(m.received_at) || Number.isNaN(Date.parse(m.received_at))) fail(id, 'received_at');
  if (!['en', 'fr', 'es'].includes(m.lang)) fail(id, `lang ${m.lang}`);
  if (m.channel === 'transcript' && !/(Transcription (unavailable|non disponible|no disponible)|Transcripci[oó]n no disponible)/.test(m.text)) {
    const bad = m.text.split('\n').filter((l) => l.trim() && !SPEAKERS.test(l));
    if (bad.length) fail(id, `transcript line without speaker: ${bad[0]}`);
  }
  const e = m.expected || {};
  const ekeys = Object.keys(e).sort().join(',');
  if (ekeys !== 'address,intent,lat,long,precision,service_code') fail(id, `expected keys ${ekeys}`);
  if (!['report', 'question'].includes(e.intent)) fail(id, `intent ${e.intent}`);
  if (e.service_code === null ? e.intent !== 'question' : !services.has(e.service_code)) fail(id, `service_code ${e.service_code}`);
  switch (e.precision) {
    case 'address': {
      const mm = /^(\S+) (.+)$/.exec(e.address || '');
      const rowsHere = mm ? (byStreet.get(mm[2]) || []).filter((p) => p.number === mm[1]) : [];
      if (!rowsHere.length) { fail(id, `address ${e.address} not in CSV`); break; }
      if (!rowsHere.every((p) => same(p.lat, rowsHere[0].lat) && same(p.lon, rowsHere[0].lon))) fail(id, 'rows of one address disagree');
      if (!same(e.lat, rowsHere[0].lat) || !same(e.long, rowsHere[0].lon)) fail(id, `point of ${e.address} is ${rowsHere[0].lat},${rowsHere[0].lon}`);
      if (!new RegExp(`(^|[^\\d.])${mm[1]}(?![\\da-z])`, 'i').test(m.text)) fail(id, `number ${mm[1]} not in text`);
      ownAddressCheck(m, mm[1]);
      if (!mentions(m.text, mm[2])) fail(id, `street ${mm[2]} not recognisable in text`);
      for (const what of keepsParts(m.text, mm[2])) fail(id, `${mm[2]}: its ${what} is not written`);
      break;
    }
    case 'intersection': {
      const parts = (e.address || '').split(' & ');
      if (parts.length !== 2 || !(parts[0] < parts[1])) { fail(id, `intersection label ${e.address} not "A & B" sorted`); break; }
      if (!byStreet.has(parts[0]) || !byStreet.has(parts[1])) { fail(id, `unknown street in ${e.address}`); break; }
      const cp = closestPair(parts[0], parts[1]);
      if (cp.d > 50) fail(id, `${e.address} do not cross (closest pair ${cp.d.toFixed(0)} m)`);
      if (!same(e.lat, cp.lat) || !same(e.long, cp.lon)) fail(id, `intersection point should be ${cp.lat},${cp.lon}`);
      for (const s of parts) if (!mentions(m.text, s)) fail(id, `street ${s} not recognisable in text`);
      for (const s of parts) for (const what of keepsParts(m.text, s)) fail(id, `${s}: its ${what} is not written`);
      break;
    }
    case 'street': {
      if (!byStreet.has(e.address)) { fail(id, `street ${e.address} not in CSV`); break; }
      const block = fold(m.text).match(/\b(\d{2,5})\s+block\b|\bcuadra\s+(\d{2,5})\b|\bbloc\s+(\d{2,5})\b/);
      const want = block ? blockMedian(e.address, Number(block[1] || block[2] || block[3])) : streetCentre(e.address);
      if (!want) { fail(id, `no point for ${e.address}${block ? ' block ' + block[0] : ''}`); break; }
      if (!same(e.lat, want.lat) || !same(e.long, want.lon)) fail(id, `street point should be ${want.lat},${want.lon} (${block ? 'block median' : 'centre'})`);
      if (!mentions(m.text, e.address)) fail(id, `street ${e.address} not recognisable in text`);
      for (const what of keepsParts(m.text, e.address)) fail(id, `${e.address}: its ${what} is not written`);
      break;
    }
    case 'coordinates': {
      if (e.address !== null) fail(id, 'coordinates need address null');
      const { pins, any } = printedCoords(m.text);
      const lm = landmarks.find((l) => same(l.lat, e.lat) && same(l.lon, e.long));
      // An alias's article may merge into a preposition ("junto al centro recreativo", "del ayuntamiento").
      const isLm = Boolean(lm) && lm.aliases.some((a) => fold(m.text).includes(fold(a).replace(/^(the|el|la|los|las) /, '')));
      if (lm && !isLm) fail(id, `landmark ${lm.name} is not named in the text`);
      if (pins.length) { if (!pins.some(([a, b]) => same(a, e.lat) && same(b, e.long))) fail(id, 'coordinates must be the map pin'); }
      else if (!any.some(([a, b]) => same(a, e.lat) && same(b, e.long)) && !isLm) fail(id, 'coordinates neither printed in text nor a landmark');
      if (e.lat < bbox.a - 0.01 || e.lat > bbox.b + 0.01 || e.long < bbox.c - 0.01 || e.long > bbox.d + 0.01) fail(id, 'coordinates outside town');
      break;
    }
    case 'none':
      if (e.address !== null || e.lat !== null || e.long !== null) fail(id, 'none needs null address/lat/long');
      break;
    default: fail(id, `precision ${e.precision}`);
  }
});

// ---- dedupe groups ----
const pt = (m) => (m.expected.lat == null ? null : { lat: m.expected.lat, lon: m.expected.long });
const hours = (a, b) => Math.abs(Date.parse(a.received_at) - Date.parse(b.received_at)) / 3600e3;
const groups = new Map();
for (const m of msgs) if (m.dedupe_group !== null) {
  if (typeof m.dedupe_group !== 'string') fail(m.id, 'dedupe_group must be a string or null');
  if (!groups.has(m.dedupe_group)) groups.set(m.dedupe_group, []);
  groups.get(m.dedupe_group).push(m);
}
for (const [g, ms] of groups) {
  if (ms.length < 2) fail(g, 'group of one');
  for (const a of ms) for (const b of ms) if (a !== b) {
    if (a.expected.service_code !== b.expected.service_code) fail(g, 'mixed services');
    if (!pt(a) || !pt(b) || metres(pt(a), pt(b)) > 75) fail(g, `${a.id} and ${b.id} farther than 75 m`);
    if (hours(a, b) > 72) fail(g, `${a.id} and ${b.id} more than 72 h apart`);
  }
}
for (let i = 0; i < msgs.length; i++) for (let j = i + 1; j < msgs.length; j++) {
  const a = msgs[i], b = msgs[j];
  if (!a.expected.service_code || a.expected.service_code !== b.expected.service_code || !pt(a) || !pt(b)) continue;
  if (a.dedupe_group && a.dedupe_group === b.dedupe_group) continue;
  const d = metres(pt(a), pt(b)), h = hours(a, b);
  if (d <= 75 && h <= 72) fail(a.id, `same service as ${b.id}, ${d.toFixed(0)} m and ${h.toFixed(0)} h apart, but not grouped`);
  else if (d <= 150 && h <= 96) warn(a.id, `close to ${b.id} (${d.toFixed(0)} m, ${h.toFixed(0)} h)`);
}

// ---- shape of the whole corpus ----
const count = (f) => msgs.filter(f).length;
const noneShare = count((m) => m.expected.precision === 'none') / msgs.length;
if (noneShare < 0.06 || noneShare > 0.2) warn('corpus', `none share ${(noneShare * 100).toFixed(0)}%`);
for (const c of CHANNELS) if (!count((m) => m.channel === c)) fail('corpus', `no ${c} messages`);

function table(rowKey, colKey, rowsOrder, colsOrder) {
  const rs = rowsOrder || [...new Set(msgs.map(rowKey))].sort();
  const cs = colsOrder || [...new Set(msgs.map(colKey))].sort();
  const out = [`| | ${cs.join(' | ')} | total |`, `|${'---|'.repeat(cs.length + 2)}`];
  for (const r of rs) {
    const cells = cs.map((c) => count((m) => rowKey(m) === r && colKey(m) === c));
    out.push(`| ${r} | ${cells.join(' | ')} | ${cells.reduce((a, b) => a + b, 0)} |`);
  }
  const tot = cs.map((c) => count((m) => colKey(m) === c));
  out.push(`| total | ${tot.join(' | ')} | ${msgs.length} |`);
  return out.join('\n');
}
const PRECISIONS = ['address', 'intersection', 'street', 'coordinates', 'none'];
if (SHOW_STATS) {
  console.log(`### channel × language\n\n${table((m) => m.channel, (m) => m.lang, CHANNELS)}\n`);
  console.log(`### precision × channel\n\n${table((m) => m.expected.precision, (m) => m.channel, PRECISIONS, CHANNELS)}\n`);
  console.log(`### service × precision\n\n${table((m) => m.expected.service_code ?? '(none)', (m) => m.expected.precision, null, PRECISIONS)}\n`);
  const pat = {
    'google @ + !3d!4d': /!3d-?\d/, 'google q=': /google\.[^ ]*[?&]q=-?\d/, 'google ll=': /google\.[^ ]*[?&]ll=/, 'apple ll=': /maps\.apple\.com\/\?ll=/,
    'osm mlat': /mlat=/, 'osm #map only': /openstreetmap\.org\/#map=/, 'geo:': /\bgeo:-?\d/, 'call correction': /(no sorry|no, perdón|non,? pardon|non,? excusez)/i,
    'failed transcription': /(Transcription (unavailable|non disponible|no disponible)|Transcripci[oó]n no disponible)/, 'questions': null, 'dedupe groups': null, 'forwarded email': /Forwarded message|Message transféré/,
    'quoted reply': /^> /m, 'block phrase': /\bblock of\b|\bcuadra \d|\bbloc \d/i, 'number after street': /\b(st|ave|rd|dr|ln|blvd|pike|way|ct|pl)\b \d{1,5}[a-z]?\b(?![.,]?\d)/i,
    'lettered house number': /\b\d{2,4}[ab]\b/i, 'five-digit house number': /\b1\d{4}\b/, 'I live at … but': /\b(i live at|my address is|vivo en)\b/i,
    'my house (signature)': /\b(in front of my house|frente a mi casa)\b/i, 'Sent from my iPhone': /Sent from my iPhone/,
    'esquina / cruce': /\b(esquina|cruce)\b/i, 'corner of': /corner of/i, 'where A meets B': /\bmeets\b/i, 'A/B': /[a-z0-9.]\/[a-z0-9]/i,
  };
  console.log('### patterns\n');
  for (const [k, re] of Object.entries(pat)) {
    const n = k === 'questions' ? count((m) => m.expected.intent === 'question') : k === 'dedupe groups' ? groups.size : count((m) => re.test(m.text));
    console.log(`- ${k}: ${n}`);
  }
  console.log(`- messages: ${msgs.length}; address rows: ${points.length}; streets: ${byStreet.size}; services: ${services.size}; landmarks: ${landmarks.length}`);
  console.log(`- languages: ${['en', 'fr', 'es'].map((l) => `${l} ${count((m) => m.lang === l)}`).join(', ')}; none ${(noneShare * 100).toFixed(1)}%\n`);
}
for (const w of warnings) console.warn('warning', w);
for (const e of errors) console.error('ERROR', e);
console.log(`${path.basename(DIR)}: ${msgs.length} messages, ${errors.length} errors, ${warnings.length} warnings`);
process.exit(errors.length ? 1 : 0);

#!/usr/bin/env node
// Checks ../corpus.jsonl against the town's data, independently of generate.mjs (its own CSV reader and
// geometry): every line parses and has the documented shape, every label exists in the CSV and its point
// is the documented point, dedupe groups are coherent, and prints the counts used in the README.
// Usage: node tools/validate.mjs [corpus.jsonl]   (exit code 1 on any error)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusPath = process.argv[2] || path.resolve(here, '../corpus.jsonl');
const demo = path.resolve(here, '../../../packages/gateway/demo');
const errors = [];
const err = (id, msg) => errors.push(`${id}: ${msg}`);

// --- reference data ---------------------------------------------------------------------------------
const csvText = fs.readFileSync(path.join(demo, 'addresses.csv'), 'utf8');
if (csvText.includes('"')) errors.push('addresses.csv has quoted fields; this reader does not handle them');
const [head, ...rows] = csvText.trim().split(/\r?\n/);
const H = head.split(',');
const col = (n) => H.indexOf(n);
const pts = rows.map((l, i) => { const c = l.split(','); return { row: i + 2, lon: +c[col('LON')], lat: +c[col('LAT')], number: c[col('NUMBER')], street: c[col('STREET')] }; })
  .filter((p) => p.street);
const firstByKey = new Map();
for (const p of pts) { const k = `${p.number} ${p.street}`; if (!firstByKey.has(k)) firstByKey.set(k, p); }
const streetSet = new Set(pts.map((p) => p.street));
const ptsOfStreet = (s) => pts.filter((p) => p.street === s && p.number !== '0');

const yaml = fs.readFileSync(path.join(demo, 'intake.yaml'), 'utf8');
const codes = new Set([...yaml.matchAll(/-\s*code:\s*([A-Z_]+)/g)].map((m) => m[1]));
const lm = yaml.match(/name:\s*Central Park[^}]*lat:\s*([\d.-]+),\s*long:\s*([\d.-]+)/);
const PARK = { lat: +lm[1], lon: +lm[2] };
const townHallAddr = yaml.match(/name:\s*Banff Town Hall[^}]*address:\s*([^}]+?)\s*}/)[1];

const dist = (a, b) => {
  const la = (a.lat + b.lat) / 2 * Math.PI / 180;
  return Math.hypot((a.lat - b.lat) * 111320, ((a.lon ?? a.long) - (b.lon ?? b.long)) * 111320 * Math.cos(la));
};
const near = (a, b, m = 0.05) => dist(a, b) <= m;

// --- corpus ---------------------------------------------------------------------------------------
const lines = fs.readFileSync(corpusPath, 'utf8').split('\n').filter((l) => l.trim());
const recs = [];
lines.forEach((l, i) => { try { recs.push(JSON.parse(l)); } catch (e) { errors.push(`line ${i + 1}: does not parse: ${e.message}`); } });

const CHANNELS = new Set(['sms', 'email', 'transcript', 'web', 'whatsapp']);
const PRECISIONS = new Set(['address', 'intersection', 'street', 'coordinates', 'none']);
const ids = new Set();
const BBOX = { lat: [51.15, 51.21], lon: [-115.62, -115.53] };
let addrMentionMisses = 0;
for (const r of recs) {
  const id = r.id ?? '(no id)';
  const keys = ['id', 'channel', 'text', 'subject', 'sender', 'received_at', 'expected', 'dedupe_group'];
  for (const k of keys) if (!(k in r)) err(id, `missing ${k}`);
  if (ids.has(id)) err(id, 'duplicate id'); ids.add(id);
  if (!CHANNELS.has(r.channel)) err(id, `bad channel ${r.channel}`);
  if (!new RegExp(`^${r.channel}-\\d{4}$`).test(id)) err(id, 'id does not match channel-NNNN');
  if (typeof r.text !== 'string' || !r.text.trim()) err(id, 'empty text');
  if (r.channel === 'email' ? typeof r.subject !== 'string' : r.subject !== null) err(id, 'subject must be a string for email, null otherwise');
  if (!r.sender || !('phone' in r.sender) || !('email' in r.sender) || (!r.sender.phone && !r.sender.email)) err(id, 'sender needs phone and/or email');
  if (r.sender?.phone && !/^\+\d{10,14}$/.test(r.sender.phone)) err(id, `bad phone ${r.sender.phone}`);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(r.received_at) || isNaN(Date.parse(r.received_at))) err(id, 'bad received_at');
  if (r.lang && !['en', 'fr', 'es'].includes(r.lang)) err(id, 'bad lang');
  const e = r.expected || {};
  if (!codes.has(e.service_code)) err(id, `unknown service ${e.service_code}`);
  if (!PRECISIONS.has(e.precision)) err(id, `bad precision ${e.precision}`);
  const p = { lat: e.lat, lon: e.long };
  const hasPt = typeof e.lat === 'number' && typeof e.long === 'number';
  if (e.precision === 'none') {
    if (e.address !== null || e.lat !== null || e.long !== null) err(id, 'none must have null address/lat/long');
    continue;
  }
  if (!hasPt) { err(id, 'located message without lat/long'); continue; }
  if (e.lat < BBOX.lat[0] || e.lat > BBOX.lat[1] || e.long < BBOX.lon[0] || e.long > BBOX.lon[1]) err(id, 'point outside Banff');
  if (e.precision === 'address') {
    const a = firstByKey.get(e.address);
    if (!a) err(id, `address not in CSV: ${e.address}`);
    else {
      if (!near(p, a)) err(id, `lat/long is not the CSV point of ${e.address}`);
      const num = e.address.split(' ')[0];
      const said = new RegExp(`(^|[^\\d])${num}([^\\d]|$)`).test(r.text) || /town hall|hôtel de ville|ayuntamiento/i.test(r.text) || /-(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|oh)/.test(r.text);
      if (!said) { addrMentionMisses++; err(id, `address label ${e.address} but the number is not in the text`); }
      if (/town hall|hôtel de ville|ayuntamiento/i.test(r.text) && !num) err(id, 'town hall');
    }
  } else if (e.precision === 'intersection') {
    const m = /^(.+) & (.+)$/.exec(e.address || '');
    if (!m || !streetSet.has(m[1]) || !streetSet.has(m[2])) { err(id, `bad intersection ${e.address}`); continue; }
    const A = ptsOfStreet(m[1]), B = ptsOfStreet(m[2]);
    let best = null;
    for (const a of A) for (const b of B) { const d = dist(a, b); if (!best || d < best.d) best = { d, a, b }; }
    const mid = { lat: (best.a.lat + best.b.lat) / 2, lon: (best.a.lon + best.b.lon) / 2 };
    if (!near(p, mid, 0.1)) err(id, `intersection point is not the closest-pair midpoint (${dist(p, mid).toFixed(1)} m off)`);
    if (best.d > 50) err(id, `intersection streets are ${best.d.toFixed(0)} m apart`);
  } else if (e.precision === 'street') {
    if (!streetSet.has(e.address)) err(id, `street not in CSV: ${e.address}`);
    else if (!ptsOfStreet(e.address).some((q) => near(p, q))) err(id, 'street point is not one of the street\u2019s address points');
  } else if (e.precision === 'coordinates') {
    if (e.address !== null) err(id, 'coordinates must have a null address');
    const isPark = near(p, PARK);
    if (isPark && !/central park|park by the river/i.test(r.text)) err(id, 'park point without the park in the text');
    if (!isPark) {
      const dec = (x) => String(x).replace(/0+$/, '');
      const printed = r.text.includes(dec(e.lat)) || /°\d\d'[\d.]+"N/.test(r.text);
      if (!printed) err(id, 'coordinates not printed in the text');
    }
  }
}
if (townHallAddr !== '110 Bear Street' || !firstByKey.get(townHallAddr)) errors.push('town hall landmark address is not 110 Bear Street in the CSV');

// --- dedupe groups ------------------------------------------------------------------------------------
const groups = new Map();
for (const r of recs) if (r.dedupe_group) { if (!groups.has(r.dedupe_group)) groups.set(r.dedupe_group, []); groups.get(r.dedupe_group).push(r); }
let maxSpan = 0, maxDist = 0;
for (const [gid, ms] of groups) {
  if (ms.length < 2 || ms.length > 4) err(gid, `group of ${ms.length}`);
  if (new Set(ms.map((m) => m.expected.service_code)).size !== 1) err(gid, 'mixed services in a group');
  const t = ms.map((m) => Date.parse(m.received_at));
  const span = (Math.max(...t) - Math.min(...t)) / 3600000; maxSpan = Math.max(maxSpan, span);
  if (span > 72) err(gid, `spans ${span.toFixed(1)} h`);
  for (let i = 0; i < ms.length; i++) for (let j = i + 1; j < ms.length; j++) {
    const a = ms[i].expected, b = ms[j].expected;
    if (a.lat == null || b.lat == null) { err(gid, 'group member without a point'); continue; }
    const d = dist({ lat: a.lat, lon: a.long }, { lat: b.lat, lon: b.long }); maxDist = Math.max(maxDist, d);
    if (d > 75) err(gid, `members ${d.toFixed(0)} m apart`);
  }
}
// Unrelated reports of the same service close in space and time would be ambiguous labels.
const located = recs.filter((r) => r.expected.lat != null && ['address', 'intersection', 'coordinates'].includes(r.expected.precision));
let closeUnrelated = 0, hardNeg = 0;
for (let i = 0; i < located.length; i++) for (let j = i + 1; j < located.length; j++) {
  const a = located[i], b = located[j];
  if (a.dedupe_group && a.dedupe_group === b.dedupe_group) continue;
  const d = dist({ lat: a.expected.lat, lon: a.expected.long }, { lat: b.expected.lat, lon: b.expected.long });
  const dt = Math.abs(Date.parse(a.received_at) - Date.parse(b.received_at)) / 3600000;
  if (dt > 72) continue;
  if (a.expected.service_code === b.expected.service_code && d <= 75) { closeUnrelated++; err(`${a.id}/${b.id}`, `same service, ${d.toFixed(0)} m and ${dt.toFixed(0)} h apart, but not grouped`); }
  if (a.expected.service_code === b.expected.service_code && d <= 400) hardNeg++;
  if (a.expected.service_code !== b.expected.service_code && d <= 30) hardNeg++;
}

// --- counts -------------------------------------------------------------------------------------------
const tally = (f) => { const o = {}; for (const r of recs) { const k = f(r); o[k] = (o[k] || 0) + 1; } return o; };
const show = (title, o) => console.log(`${title}: ` + Object.entries(o).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '));
console.log(`${recs.length} messages, ${lines.length} lines, ${errors.length} errors`);
show('channel', tally((r) => r.channel));
show('language', tally((r) => r.lang || 'en'));
show('precision', tally((r) => r.expected.precision));
show('service', tally((r) => r.expected.service_code));
const sizes = tally((r) => r.dedupe_group ? groups.get(r.dedupe_group).length : 0);
console.log(`dedupe: ${groups.size} groups, ${[...groups.values()].reduce((s, g) => s + g.length, 0)} grouped messages (sizes ${Object.entries(sizes).filter(([k]) => k !== '0').map(([k, v]) => `${k}: ${v / k} groups`).join(', ')}); ` +
  `${new Set([...groups.values()].filter((g) => new Set(g.map((m) => m.channel)).size > 1).map((g) => g[0].dedupe_group)).size} groups span channels; max span ${maxSpan.toFixed(1)} h, max member distance ${maxDist.toFixed(0)} m`);
console.log(`near-miss pairs (not grouped, within 72 h: same service <= 400 m, or other service <= 30 m): ${hardNeg}`);
const feats = {
  'map links': recs.filter((r) => /https?:\/\/(www\.)?(google\.com\/maps|maps\.google\.com|maps\.apple\.com|www\.openstreetmap\.org)|geo:-?\d/.test(r.text)).length,
  'pasted coordinates (no link)': recs.filter((r) => r.expected.precision === 'coordinates' && !/https?:|geo:/.test(r.text) && !/central park|park by the river/i.test(r.text)).length,
  'Central Park landmark': recs.filter((r) => /central park|park by the river/i.test(r.text) && r.expected.precision === 'coordinates').length,
  'Town Hall landmark': recs.filter((r) => /town hall|hôtel de ville|ayuntamiento/i.test(r.text) && r.expected.address === '110 Bear Street').length,
  'emails with a quoted reply': recs.filter((r) => /\nOn .+ wrote:\n>/.test(r.text)).length,
  'forwarded emails': recs.filter((r) => r.text.includes('---------- Forwarded message ---------')).length,
};
console.log('features: ' + Object.entries(feats).map(([k, v]) => `${k} ${v}`).join(', '));
if (errors.length) { console.log('\nERRORS'); for (const e of errors.slice(0, 60)) console.log('  ' + e); process.exit(1); }
console.log('OK');

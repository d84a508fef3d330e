// Independent validator for the catalogue corpus (shares no code with the generator or its data).
// Usage: node tools/validate.mjs [folder] [--stats]. Exits 1 on any error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const DIR = path.resolve(args.find((a) => !a.startsWith('--')) || path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const errors = [], warnings = [];
const fail = (where, msg) => errors.push(`${where}: ${msg}`);

function readCsv(text) {
  const out = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); field = ''; out.push(row); row = []; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); out.push(row); }
  return out;
}

// ---- catalogue.csv ----
const cat = readCsv(fs.readFileSync(path.join(DIR, 'catalogue.csv'), 'utf8'));
if (cat[0].join(',') !== 'code,name,group,description') fail('catalogue.csv', `header ${cat[0].join(',')} (want code,name,group,description and no keywords)`);
const services = new Map();
for (const [code, name, group, description, ...extra] of cat.slice(1)) {
  if (extra.length) fail(code, 'extra columns');
  if (!/^[A-Z]{3}-[A-Z]{3}-\d{2}$/.test(code)) fail(code, 'code is not like STR-POT-01');
  if (services.has(code)) fail(code, 'duplicate code');
  if (!name || !group) fail(code, 'name and group needed');
  const sentences = (description || '').split(/(?<=[.!?])\s+/).filter(Boolean);
  if (sentences.length < 1 || sentences.length > 2 || !/[.!?]$/.test(description)) fail(code, `description should be one or two sentences: ${description}`);
  services.set(code, { code, name, group });
}
if (services.size < 40 || services.size > 50) fail('catalogue.csv', `${services.size} services (want 40-50)`);

// ---- corpus.jsonl ----
const CHANNELS = ['sms', 'email', 'transcript', 'web', 'whatsapp'];
const msgs = fs.readFileSync(path.join(DIR, 'corpus.jsonl'), 'utf8').split('\n').filter(Boolean).map((l, i) => {
  try { return JSON.parse(l); } catch { fail(`line ${i + 1}`, 'not JSON'); return null; }
}).filter(Boolean);
const ids = new Set();
for (const m of msgs) {
  if (!/^(sms|email|transcript|web|whatsapp)-\d{4}$/.test(m.id) || !m.id.startsWith(m.channel + '-')) fail(m.id, 'bad id');
  if (ids.has(m.id)) fail(m.id, 'duplicate id');
  ids.add(m.id);
  if (!CHANNELS.includes(m.channel)) fail(m.id, 'channel');
  if (typeof m.text !== 'string' || m.text.trim().length < 3) fail(m.id, 'text');
  if (m.channel === 'email' ? typeof m.subject !== 'string' : m.subject !== null) fail(m.id, 'subject only for email');
  if (m.sender?.phone != null && !/^\+1\d{3}555\d{4}$/.test(m.sender.phone)) fail(m.id, 'phone not in a 555 exchange');
  if (m.sender?.email != null && !/@example\.[a-z]{2,}$/.test(m.sender.email)) fail(m.id, 'email not at example.*');
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(m.received_at)) fail(m.id, 'received_at');
  const e = m.expected || {};
  if (Object.keys(e).sort().join(',') !== 'intent,service_code') fail(m.id, 'expected must be {service_code, intent}');
  if (!['report', 'question'].includes(e.intent)) fail(m.id, `intent ${e.intent}`);
  if (e.service_code === null ? e.intent !== 'question' : !services.has(e.service_code)) fail(m.id, `service_code ${e.service_code}`);
  if (e.intent === 'question' && !/\?/.test(m.text)) warnings.push(`${m.id}: question without a question mark`);
}
if (msgs.length < 250) fail('corpus.jsonl', `${msgs.length} messages (want >= 250)`);

// ---- history.csv ----
const hist = readCsv(fs.readFileSync(path.join(DIR, 'history.csv'), 'utf8'));
if (hist[0].join(',') !== 'description,service_code') fail('history.csv', 'header');
const rows = hist.slice(1).filter((r) => r.length > 1 || r[0]);
for (const [d, c] of rows) {
  if (!d || !d.trim()) fail('history.csv', 'empty description');
  if (!services.has(c)) fail('history.csv', `unknown code ${c}`);
}
if (rows.length < 600) fail('history.csv', `${rows.length} rows (want >= 600)`);

// ---- evaluation and history are distinct ----
const norm = (s) => s.toLowerCase().replace(/^(clerk|caller):.*$/gm, (l) => l.replace(/^(clerk|caller):\s*/, '')).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
const STOP = new Set('the a an and or of to in on at is it its my our we i for this that there theres with be been has have was are by from just so too also up out all as but not no'.split(' '));
const content = (s) => new Set(norm(s).split(' ').filter((w) => w.length > 2 && !STOP.has(w)));
const bodyOf = (m) => m.channel === 'transcript' ? m.text.split('\n').filter((l) => l.startsWith('Caller:')).join(' ') : m.text;
const histNorm = new Set(rows.map(([d]) => norm(d)));
const histSets = rows.map(([d]) => content(d));
const sims = [];
for (const m of msgs) {
  const body = bodyOf(m);
  if (histNorm.has(norm(body))) fail(m.id, 'text also appears in history.csv');
  const a = content(body);
  let best = 0;
  for (const b of histSets) {
    let inter = 0;
    for (const w of a) if (b.has(w)) inter++;
    const j = inter / (a.size + b.size - inter || 1);
    if (j > best) best = j;
  }
  sims.push(best);
  if (best >= 0.8) fail(m.id, `near-copy of a history row (content-word Jaccard ${best.toFixed(2)})`);
}
const perCode = new Map([...services.keys()].map((c) => [c, { e: 0, q: 0, h: 0 }]));
for (const m of msgs) if (perCode.has(m.expected?.service_code)) perCode.get(m.expected.service_code)[m.expected.intent === 'question' ? 'q' : 'e']++;
for (const [, c] of rows) if (perCode.has(c)) perCode.get(c).h++;
for (const [code, c] of perCode) {
  if (c.e + c.q === 0) fail(code, 'no evaluation message');
  if (c.h < 5) fail(code, `only ${c.h} history rows`);
}

if (args.includes('--stats')) {
  const sorted = [...sims].sort((x, y) => x - y);
  const q = (p) => sorted[Math.floor(p * (sorted.length - 1))].toFixed(2);
  const len = msgs.map((m) => bodyOf(m).split(/\s+/).length).sort((x, y) => x - y);
  console.log(`messages ${msgs.length} (questions ${msgs.filter((m) => m.expected.intent === 'question').length}), history ${rows.length}, services ${services.size}`);
  console.log(`channels: ${CHANNELS.map((c) => `${c} ${msgs.filter((m) => m.channel === c).length}`).join(', ')}`);
  console.log(`words per message: min ${len[0]}, median ${len[len.length >> 1]}, max ${len[len.length - 1]}`);
  console.log(`closest history row per message (content-word Jaccard): median ${q(0.5)}, 90th percentile ${q(0.9)}, max ${q(1)}`);
  console.log(`multi-concern messages: ${msgs.filter((m) => /\b(Also|Oh and|While you're at it|but that's less important|but that can wait)\b/.test(m.text)).length}`);
  console.log('\n| code | name | group | eval reports | eval questions | history |\n|---|---|---|---|---|---|');
  for (const [code, c] of perCode) { const s = services.get(code); console.log(`| ${code} | ${s.name} | ${s.group} | ${c.e} | ${c.q} | ${c.h} |`); }
  console.log('');
}
for (const w of warnings) console.warn('warning', w);
for (const e of errors) console.error('ERROR', e);
console.log(`${path.basename(DIR)}: ${msgs.length} messages, ${rows.length} history rows, ${errors.length} errors, ${warnings.length} warnings`);
process.exit(errors.length ? 1 : 0);

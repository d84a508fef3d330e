#!/usr/bin/env node
// Validator for the Kestrel Bay catalogue corpus. No dependencies.
//   node tools/validate.mjs           check; exit 1 on any failure
//   node tools/validate.mjs --stats   also print counts and the overlap figures
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const STOP = new Set(`a about above after again against all am an and any are aren't as at be because been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further
had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm
i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought our
ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this those through to too under until up very was wasn't we
we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's with won't would
wouldn't you you'd you'll you're you've your yours yourself yourselves also just get got im dont cant wont theres thats its ive
theyre youre isnt didnt doesnt wasnt hasnt havent um uh yeah oh ok hi hello thanks thank please pls like really`.split(/\s+/)
  .flatMap((w) => [w, w.replace(/'/g, '')]));

export function contentWords(text) {
  const words = String(text).toLowerCase().replace(/[’']/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  return new Set(words.filter((w) => !STOP.has(w)));
}
export function jaccard(a, b) {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}
export function parseCsv(text) {
  const rows = []; let row = []; let field = ''; let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') { if (text[i + 1] === '"') { field += '"'; i++; } else q = false; } else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}
export const OVERLAP_LIMIT = 0.6;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : 0; };
export const wordCount = (t) => String(t).split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;

function main() {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
  const stats = process.argv.includes('--stats');
  const errors = [];
  const fail = (m) => errors.push(m);

  // catalogue
  const cat = parseCsv(readFileSync(join(dir, 'catalogue.csv'), 'utf8')).filter((r) => r.join('') !== '');
  if (cat[0].join(',') !== 'code,name,group,description') fail(`catalogue header is "${cat[0].join(',')}"`);
  const services = new Map();
  for (const [i, r] of cat.slice(1).entries()) {
    if (r.length !== 4) { fail(`catalogue row ${i + 2}: ${r.length} fields`); continue; }
    const [code, name, group, description] = r;
    if (!code || !name || !group || !description) fail(`catalogue row ${i + 2}: empty field`);
    if (services.has(code)) fail(`catalogue: duplicate code ${code}`);
    services.set(code, { name, group });
  }
  if (services.size < 45 || services.size > 60) fail(`catalogue has ${services.size} services (want 45-60)`);

  // corpus
  const KEYS = ['id', 'channel', 'text', 'subject', 'sender', 'received_at', 'expected', 'dedupe_group', 'lang'];
  const CHANNELS = ['sms', 'email', 'web', 'transcript', 'whatsapp'];
  const PHONE = /^\+1(250|778)555\d{4}$/;
  const EMAIL = /^[^@\s]+@example\.(com|org|net)$/;
  const lines = readFileSync(join(dir, 'corpus.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  const msgs = []; const ids = new Set(); const perChannel = {}; let lastTs = -Infinity;
  for (const [i, line] of lines.entries()) {
    const where = `corpus line ${i + 1}`;
    let m; try { m = JSON.parse(line); } catch { fail(`${where}: not JSON`); continue; }
    if (JSON.stringify(Object.keys(m)) !== JSON.stringify(KEYS)) fail(`${where}: keys ${Object.keys(m).join(',')}`);
    if (!CHANNELS.includes(m.channel)) fail(`${where}: channel ${m.channel}`);
    perChannel[m.channel] = (perChannel[m.channel] || 0) + 1;
    const want = `${m.channel}-${String(perChannel[m.channel]).padStart(4, '0')}`;
    if (m.id !== want) fail(`${where}: id ${m.id}, expected ${want}`);
    if (ids.has(m.id)) fail(`${where}: duplicate id ${m.id}`); ids.add(m.id);
    if (typeof m.text !== 'string' || !m.text.trim()) fail(`${where}: empty text`);
    if (m.channel === 'email' ? typeof m.subject !== 'string' || !m.subject.trim() : m.subject !== null) fail(`${where}: subject must be a string only for email`);
    const s = m.sender;
    if (!s || typeof s !== 'object' || JSON.stringify(Object.keys(s)) !== '["phone","email"]') fail(`${where}: sender shape`);
    else {
      if (s.phone !== null && !PHONE.test(s.phone)) fail(`${where}: phone ${s.phone}`);
      if (s.email !== null && !EMAIL.test(s.email)) fail(`${where}: email ${s.email}`);
      if (['sms', 'whatsapp', 'transcript'].includes(m.channel) && !s.phone) fail(`${where}: ${m.channel} without phone`);
      if (m.channel === 'email' && !s.email) fail(`${where}: email without address`);
    }
    const ts = Date.parse(m.received_at);
    if (!/^2026-(10|11)-\d\dT\d\d:\d\d:\d\dZ$/.test(m.received_at) || Number.isNaN(ts)) fail(`${where}: received_at ${m.received_at}`);
    else { if (ts <= lastTs) fail(`${where}: received_at not increasing`); lastTs = ts; }
    const e = m.expected;
    if (!e || JSON.stringify(Object.keys(e)) !== '["service_code","intent"]') fail(`${where}: expected shape`);
    else {
      if (!services.has(e.service_code)) fail(`${where}: unknown code ${e.service_code}`);
      if (!['report', 'question'].includes(e.intent)) fail(`${where}: intent ${e.intent}`);
    }
    if (m.dedupe_group !== null && typeof m.dedupe_group !== 'string') fail(`${where}: dedupe_group`);
    if (m.lang !== 'en') fail(`${where}: lang ${m.lang}`);
    msgs.push(m);
  }
  if (msgs.length < 240 || msgs.length > 280) fail(`corpus has ${msgs.length} messages (want 240-280)`);
  const evalBy = new Map([...services.keys()].map((c) => [c, { report: 0, question: 0 }]));
  for (const m of msgs) if (evalBy.has(m.expected?.service_code)) evalBy.get(m.expected.service_code)[m.expected.intent]++;
  for (const [c, n] of evalBy) if (n.report + n.question < 3) fail(`service ${c} has ${n.report + n.question} messages (want >= 3)`);

  // history
  const hist = parseCsv(readFileSync(join(dir, 'history.csv'), 'utf8')).filter((r) => r.join('') !== '');
  if (hist[0].join(',') !== 'description,service_code') fail(`history header is "${hist[0].join(',')}"`);
  const histRows = hist.slice(1);
  const histBy = new Map([...services.keys()].map((c) => [c, 0]));
  for (const [i, r] of histRows.entries()) {
    if (r.length !== 2 || !r[0].trim()) { fail(`history row ${i + 2}: bad row`); continue; }
    if (!services.has(r[1])) fail(`history row ${i + 2}: unknown code ${r[1]}`); else histBy.set(r[1], histBy.get(r[1]) + 1);
  }
  if (histRows.length < 600 || histRows.length > 900) fail(`history has ${histRows.length} rows (want 600-900)`);
  for (const [c, n] of histBy) if (n < 6) fail(`history: ${c} has ${n} rows (want >= 6)`);

  // overlap: content-word Jaccard of each eval message against every history row
  const histSets = histRows.map((r) => contentWords(r[0]));
  const histTexts = new Set(histRows.map((r) => r[0].trim().toLowerCase()));
  const best = [];
  for (const m of msgs) {
    if (histTexts.has(String(m.text).trim().toLowerCase())) fail(`${m.id}: text appears verbatim in history`);
    const a = contentWords(m.text);
    let mx = 0, row = -1;
    histSets.forEach((b, j) => { const v = jaccard(a, b); if (v > mx) { mx = v; row = j; } });
    best.push(mx);
    if (mx >= OVERLAP_LIMIT) fail(`${m.id}: Jaccard ${mx.toFixed(2)} with history row "${histRows[row][0]}"`);
  }

  if (stats) {
    const wc = msgs.map((m) => wordCount(m.text));
    const q = msgs.filter((m) => m.expected.intent === 'question').length;
    console.log(`services ${services.size}, messages ${msgs.length} (reports ${msgs.length - q}, questions ${q}), history rows ${histRows.length}`);
    console.log(`channels: ${CHANNELS.map((c) => `${c} ${perChannel[c] || 0}`).join(', ')}`);
    console.log(`words per message: min ${Math.min(...wc)}, median ${median(wc)}, max ${Math.max(...wc)}`);
    const s = [...best].sort((a, b) => a - b);
    console.log(`closest history row per message (content-word Jaccard): median ${median(best).toFixed(2)}, 90th percentile ${s[Math.floor(0.9 * (s.length - 1))].toFixed(2)}, max ${Math.max(...best).toFixed(2)} (limit < ${OVERLAP_LIMIT})`);
    console.log('\n| code | name | group | eval reports | eval questions | history rows |\n|---|---|---|---|---|---|');
    for (const [c, { name, group }] of services) console.log(`| ${c} | ${name} | ${group} | ${evalBy.get(c).report} | ${evalBy.get(c).question} | ${histBy.get(c)} |`);
  }
  if (errors.length) { console.error(errors.slice(0, 50).join('\n')); console.error(`FAIL: ${errors.length} problem(s)`); process.exit(1); }
  console.log('OK: catalogue, corpus and history pass');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

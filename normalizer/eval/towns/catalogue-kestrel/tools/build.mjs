#!/usr/bin/env node
// Wraps the hand-written messages in tools/messages.txt into corpus.jsonl (ids, senders, timestamps only; the
// words are not generated) and builds history.csv from tools/history-pools.mjs. Seeded: reruns are byte-identical.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentWords, jaccard } from './validate.mjs';
import { pools, places, prefixes, suffixes, weights, defaultWeight } from './history-pools.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, '..');
let seed = 20261001;
const rnd = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const shuffle = (xs) => { for (let i = xs.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [xs[i], xs[j]] = [xs[j], xs[i]]; } return xs; };

// ---- parse messages.txt
const items = [];
for (const line of readFileSync(join(here, 'messages.txt'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [body, note] = line.split(' %% ');
  const m = body.match(/^(sms|email|web|transcript|whatsapp) (KB-\d{4}) ([rq][LE+?]*) :: (.*)$/);
  if (!m) throw new Error(`bad line: ${line}`);
  const [, channel, code, flags, rest] = m;
  let subject = null, text = rest;
  if (channel === 'email') { const k = rest.indexOf(' :: '); subject = rest.slice(0, k); text = rest.slice(k + 4); }
  text = text.replace(/\\n/g, '\n');
  items.push({ channel, code, intent: flags[0] === 'q' ? 'question' : 'report', late: flags.includes('L'), beforeNov11: flags.includes('E'), multi: flags.includes('+'), disputed: flags.includes('?'), note: note?.trim() ?? null, subject, text });
}

// ---- order and timestamps: Oct 1 - Nov 25 for most, Nov 26 - 30 for the snow messages
const early = shuffle(items.filter((x) => !x.late)), late = shuffle(items.filter((x) => x.late));
const stamps = (n, from, to) => {
  const out = [];
  while (out.length < n) {
    const t = from + rnd() * (to - from);
    const localHour = (new Date(t).getUTCHours() + 24 - 8) % 24; // roughly Pacific time
    if (localHour < 6 && rnd() < 0.85) continue;                 // few messages in the small hours
    out.push(Math.floor(t / 1000) * 1000);
  }
  return out.sort((a, b) => a - b);
};
const ordered = [...early, ...late];
const times = [...stamps(early.length, Date.UTC(2026, 9, 1, 13), Date.UTC(2026, 10, 25, 23)), ...stamps(late.length, Date.UTC(2026, 10, 26, 14), Date.UTC(2026, 10, 30, 23))];
for (let i = 1; i < times.length; i++) if (times[i] <= times[i - 1]) times[i] = times[i - 1] + 37000;
// messages that mention Remembrance Day ahead of it must fall between Oct 28 and Nov 10: swap into that window
const inWin = (t) => t >= Date.UTC(2026, 9, 28) && t < Date.UTC(2026, 10, 10, 12);
for (let i = 0; i < ordered.length; i++) {
  if (!ordered[i].beforeNov11 || inWin(times[i])) continue;
  const j = ordered.findIndex((x, k) => !x.beforeNov11 && !x.late && inWin(times[k]));
  [ordered[i], ordered[j]] = [ordered[j], ordered[i]];
}

// ---- senders (555 numbers, example.* addresses; a few people write more than once)
const phonePool = Array.from({ length: 170 }, () => `+1${rnd() < 0.6 ? '250' : '778'}555${String(100 + Math.floor(rnd() * 100)).padStart(4, '0')}`);
const first = ['dana', 'kelly', 'sam', 'morgan', 'j', 'r', 'pat', 'lee', 'chris', 'jo', 'terry', 'nina', 'omar', 'grace', 'hugh', 'wen', 'ravi', 'ines', 'bo', 'ellen'];
const last = ['m', 'b', 'thompson', 'nguyen', 'singh', 'macleod', 'fraser', 'dubois', 'chen', 'wilson', 'harper', 'olsen', 'park', 'leblanc', 'ross', 'kerr'];
const emailPool = Array.from({ length: 90 }, () => `${pick(first)}${pick(['.', '_', ''])}${pick(last)}${rnd() < 0.3 ? Math.floor(rnd() * 90 + 10) : ''}@example.${pick(['com', 'com', 'org', 'net'])}`);
const counters = {};
const corpus = ordered.map((x, i) => {
  counters[x.channel] = (counters[x.channel] || 0) + 1;
  let phone = null, email = null;
  if (['sms', 'whatsapp', 'transcript'].includes(x.channel)) phone = pick(phonePool);
  else if (x.channel === 'email') email = pick(emailPool);
  else { const r = rnd(); if (r < 0.4) email = pick(emailPool); else if (r < 0.65) phone = pick(phonePool); }
  return {
    id: `${x.channel}-${String(counters[x.channel]).padStart(4, '0')}`, channel: x.channel, text: x.text, subject: x.subject,
    sender: { phone, email }, received_at: new Date(times[i]).toISOString().replace('.000Z', 'Z'),
    expected: { service_code: x.code, intent: x.intent }, dedupe_group: null, lang: 'en', _x: x,
  };
});
writeFileSync(join(dir, 'corpus.jsonl'), corpus.map(({ _x, ...m }) => JSON.stringify(m)).join('\n') + '\n');

// ---- history: pools -> terse rows, dropping any row close to an evaluation message
const evalSets = corpus.map((m) => contentWords(m.text));
const GUARD = 0.5; // stricter than the validator's 0.6
const esc = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const rows = []; let dropped = 0;
const INFO = new Set(['KB-1050', 'KB-1308', 'KB-1406', 'KB-1900', 'KB-1901', 'KB-1999']);
for (const [code, pool] of Object.entries(pools)) {
  const want = weights[code] ?? defaultWeight; const seen = new Set(); let tries = 0, k = 0;
  while (seen.size < want && tries++ < 500) {
    const base = pool[k++ % pool.length];
    const place = rnd() < 0.2 ? '' : pick(places);
    let d = (pick(prefixes) + base.replace('{L}', place ? (rnd() < 0.5 || /^(nr|by|opp) /.test(place) ? place : `@ ${place}`) : '') + (INFO.has(code) ? pick(['', '', ' - call back req', ' - emailed info']) : pick(suffixes))).replace(/\s+/g, ' ').trim();
    if (rnd() < 0.25) d = d.toLowerCase();
    if (seen.has(d.toLowerCase())) continue;
    const w = contentWords(d);
    if (evalSets.some((e) => jaccard(e, w) >= GUARD)) { dropped++; continue; }
    seen.add(d.toLowerCase()); rows.push([d, code]);
  }
}
shuffle(rows);
writeFileSync(join(dir, 'history.csv'), 'description,service_code\n' + rows.map(([d, c]) => `${esc(d)},${c}`).join('\n') + '\n');

// ---- side report for the README
const multi = corpus.filter((m) => m._x.multi).length;
console.log(`messages ${corpus.length}, multi-concern ${multi}, history rows ${rows.length} (dropped as too close to eval: ${dropped})`);
console.log('disputable labels:');
for (const m of corpus) if (m._x.disputed) console.log(`  ${m.id} ${m.expected.service_code}: ${m._x.note}`);

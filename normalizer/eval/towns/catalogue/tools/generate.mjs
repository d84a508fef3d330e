// Deterministic generator for the Port Aldine service-catalogue corpus: writes ../catalogue.csv, ../corpus.jsonl and
// ../history.csv from ./data.mjs. Run: node tools/generate.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICES, GENERAL_QUESTIONS, GENERAL_QUESTIONS_HIST } from './data.mjs';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let seed = 4419023;
function rnd() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
const GENERAL = 'GEN-INF-47';

// ---------- how citizens dress a concern ----------
const OPENERS = ['', '', '', 'Hi, ', 'Hello, ', 'hey ', 'Good morning. ', 'Not sure who to contact but ', "I'd like to report that ", 'Just letting you know ',
  'URGENT: ', 'Please help - ', 'Hi there, ', 'To whom it may concern: ', 'ok so ', 'This is the third time I am writing. '];
const CONTEXT = ['', '', '', ' This is on our street.', " It's near the elementary school.", ' Down the block from the church.', ' By the corner store.',
  " It's in the alley behind us.", ' Right in front of my place.', ' On the way to the park.'];
const DURATION = ['', '', ' Been like this for two weeks.', ' It happened last night.', ' Going on for a month now.', ' Noticed it this morning.',
  ' I reported this before and nothing happened.', ' Since Tuesday.'];
const CLOSERS = ['', '', '', ' Thanks.', ' Thank you!', ' Please fix asap.', ' Someone is going to get hurt.', ' -Dave', ' Thx', ' Appreciate it.',
  ' Very frustrating.', ' pls', '!!'];
const SUBJECTS = ['Problem', 'Complaint', 'Request', 'Service request', 'question', 'Issue on our street', '(no subject)', 'Please read', 'help', 'Report'];
const MISSPELL = { sidewalk: 'sidwalk', garbage: 'garbadge', recycling: 'recyling', hydrant: 'hydrent', neighbour: 'neighbor', neighbors: 'nieghbors',
  streetlight: 'streelight', definitely: 'definately', tomorrow: 'tommorow', weird: 'wierd', received: 'recieved', because: 'becuase', their: 'there',
  pothole: 'pot hole', intersection: 'intersecion', basement: 'basment', abandoned: 'abandonded', mattress: 'matress', overflowing: 'overflowin' };
function typo(w) {
  const i = ri(1, w.length - 2);
  return chance(0.5) ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.slice(0, i) + w.slice(i + 1);
}
function roughen(text, p) {
  return text.split(' ').map((w) => {
    const bare = w.toLowerCase().replace(/[^a-z]/g, '');
    if (MISSPELL[bare] && chance(p * 2)) return w.toLowerCase().replace(bare, MISSPELL[bare]);
    if (/^[a-z]{6,}$/i.test(w) && chance(p / 3)) return typo(w);
    return w;
  }).join(' ');
}
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const tidy = (s) => s.replace(/\s+/g, ' ').replace(/ ([,.!?])/g, '$1').replace(/([.!?])\./g, '$1').trim();
function others(code) { return SERVICES.filter((s) => s.code !== code && s.also); }
// One message around a main concern; `shape` decides length, and whether a second, lesser concern rides along.
function dress(phrase, code, shape) {
  if (shape === 'terse') return roughen(phrase.split(',')[0], 0.3) + pick(['', '', '!', '.', ' pls', '??']);
  const body = chance(0.5) ? cap(phrase) : phrase;
  const tail = (shape === 'long' ? pick(DURATION.filter(Boolean)) + pick(CONTEXT.filter(Boolean)) : pick(DURATION) + pick(CONTEXT));
  let text = pick(OPENERS) + body.replace(/[.!?]?$/, tail || shape === 'multi' ? pick(['.', '.', '!', '...']) : pick(['.', '!', '', '...'])) + tail;
  if (shape === 'multi') {
    const also = pick(others(code)).also.replace(/^(and|also|plus)\s+/, '');
    text += pick([` Also ${also}.`, ` Oh and ${also}.`, ` While you're at it, ${also}.`, ` And ${also}, but that's less important.`, ` (${also} but that can wait)`]);
  }
  text += pick(CLOSERS);
  return tidy(roughen(text, 0.25));
}
function dressQuestion(q) {
  return tidy(roughen(pick(['', '', 'Hi, ', 'quick question: ', 'Hello, I was wondering ', 'hey ']) + q + pick(['', '', ' thanks', ' Thank you.']), 0.15));
}

// ---------- evaluation messages ----------
const CHANNELS = ['sms', 'web', 'email', 'whatsapp', 'sms', 'web', 'email', 'transcript'];
const evalSpecs = [];
for (const s of SERVICES) {
  for (const ph of s.eval) {
    evalSpecs.push({ code: s.code, intent: 'report', text: dress(ph, s.code, pick(['short', 'short', 'long', 'multi', 'terse'])) });
    if (chance(0.75)) evalSpecs.push({ code: s.code, intent: 'report', text: dress(ph, s.code, pick(['long', 'multi', 'terse', 'short'])) });
  }
  if (s.q) evalSpecs.push({ code: s.code, intent: 'question', text: dressQuestion(s.q) });
}
for (const q of GENERAL_QUESTIONS) evalSpecs.push({ code: GENERAL, intent: 'question', text: dressQuestion(q) });
const phone = () => `+1207555${String(ri(100, 199)).padStart(4, '0')}`;
const NAMES = ['pat.keller', 'j.morales', 'dana.wright', 'lee.chen', 'sam.ortiz', 'kim.bauer', 'r.singh', 'tony.b', 'mae.collins'];
const seenText = new Set();
const messages = [];
const T0 = Date.parse('2026-10-01T13:00:00Z');
evalSpecs.forEach((sp, i) => {
  if (seenText.has(sp.text.toLowerCase())) return;
  seenText.add(sp.text.toLowerCase());
  const channel = CHANNELS[i % CHANNELS.length];
  let text = sp.text;
  if (channel === 'transcript') text = `Clerk: Port Aldine 311, how can I help?\nCaller: ${text}\nClerk: Okay, I'll put that in for you.`;
  if (channel === 'email') text = `${pick(['Hello,', 'Hi,', ''])}\n\n${text.replace(/^(Hi there|Hi|Hello|hey|Good morning)[,.]?\s*/i, '')}\n\n${pick(['Thanks,', 'Regards,', '-'])}\n${pick(['Pat', 'Jordan', 'Lee', 'Sam', 'M. Collins'])}`;
  messages.push({
    id: null, channel, text: text.trim(), subject: channel === 'email' ? pick(SUBJECTS) : null,
    sender: channel === 'email' ? { phone: null, email: `${pick(NAMES)}@example.com` } : channel === 'web' ? { phone: null, email: chance(0.5) ? `${pick(NAMES)}@example.org` : null } : { phone: phone(), email: null },
    received_at: null, expected: { service_code: sp.code, intent: sp.intent }, dedupe_group: null, lang: 'en',
  });
});
// shuffle deterministically, then number per channel in time order
for (let i = messages.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [messages[i], messages[j]] = [messages[j], messages[i]]; }
const seq = {};
messages.forEach((m, i) => {
  seq[m.channel] = (seq[m.channel] || 0) + 1;
  m.id = `${m.channel}-${String(seq[m.channel]).padStart(4, '0')}`;
  m.received_at = new Date(T0 + i * ri(40, 400) * 60000).toISOString().replace('.000Z', 'Z');
});

// ---------- history (training) ----------
const history = [];
const histSeen = new Set();
function addHistory(text, code) {
  const k = text.toLowerCase();
  if (histSeen.has(k) || seenText.has(k)) return;
  histSeen.add(k);
  history.push({ description: text, service_code: code });
}
for (const s of SERVICES) {
  for (const ph of s.hist) {
    addHistory(tidy(roughen(ph, 0.2)), s.code);
    for (let k = 0; k < 2; k++) addHistory(dress(ph, s.code, pick(['short', 'long', 'multi', 'terse', 'short'])), s.code);
  }
  if (s.qh) { addHistory(dressQuestion(s.qh), s.code); addHistory(tidy(s.qh), s.code); }
}
for (const q of GENERAL_QUESTIONS_HIST) { addHistory(dressQuestion(q), GENERAL); addHistory(q, GENERAL); }
for (let i = history.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [history[i], history[j]] = [history[j], history[i]]; }

// ---------- write ----------
const csvField = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
fs.writeFileSync(path.join(OUT, 'catalogue.csv'), ['code,name,group,description',
  ...SERVICES.map((s) => [s.code, s.name, s.group, s.description].map(csvField).join(','))].join('\n') + '\n');
fs.writeFileSync(path.join(OUT, 'corpus.jsonl'), messages.map((m) => JSON.stringify(m)).join('\n') + '\n');
fs.writeFileSync(path.join(OUT, 'history.csv'), ['description,service_code', ...history.map((h) => [h.description, h.service_code].map(csvField).join(','))].join('\n') + '\n');
console.log(`services ${SERVICES.length}, messages ${messages.length}, history ${history.length}`);

#!/usr/bin/env node
// Builds ../corpus.jsonl from the hand-written messages in ./data and the town's address CSV.
// Usage: node tools/generate.mjs [--seed N] [--out path]
// Texts are written by hand; places are drawn from the CSV and every label (address, precision, lat/long,
// dedupe group) is computed from the place object chosen for the message, never from the rendered text
// (except pasted coordinates and map links, whose label is exactly the number printed in the text).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer, distM, offsetM, streetCentre, blockCentre, intersection, round } from './lib/geo.mjs';
import { makeRng, Renderer, spokenNumber, streetParts } from './lib/render.mjs';
import * as S from './data/singles.mjs';
import { EMAIL_EN, EMAIL_FR, EMAIL_ES } from './data/emails.mjs';
import { GROUPS } from './data/groups.mjs';
import { HARD_NEGATIVES } from './data/hardneg.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const SEED = Number(args[args.indexOf('--seed') + 1]) || 311;
const OUT = args.includes('--out') ? args[args.indexOf('--out') + 1] : path.resolve(here, '../corpus.jsonl');

const rng = makeRng(SEED);
const g = loadGazetteer();
const R = new Renderer(g, rng);

// ---------------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------------
// Intersections used in the corpus: pairs that meet on the ground in Banff (checked against a plot of
// the address points; both streets have >= 5 points and the closest pair is <= 50 m apart).
const CROSSINGS = [
  ['Banff Avenue', 'Buffalo Street'], ['Banff Avenue', 'Caribou Street'], ['Banff Avenue', 'Wolf Street'],
  ['Banff Avenue', 'Marten Street'], ['Banff Avenue', 'Cougar Street'],
  ['Bear Street', 'Caribou Street'], ['Bear Street', 'Wolf Street'],
  ['Beaver Street', 'Wolf Street'], ['Beaver Street', 'Buffalo Street'],
  ['Caribou Street', 'Muskrat Street'], ['Buffalo Street', 'Muskrat Street'], ['Muskrat Street', 'Wolf Street'],
  ['Otter Street', 'Wolf Street'], ['Buffalo Street', 'Otter Street'], ['Caribou Street', 'Otter Street'],
  ['Caribou Street', 'Grizzly Street'], ['Grizzly Street', 'Wolf Street'],
  ['Kootenay Avenue', 'Mountain Avenue'], ['Park Avenue', 'Rainbow Avenue'], ['Kluane Drive', 'Nahanni Drive'],
  ['Jasper Way', 'Park Avenue'],
].map(([a, b]) => {
  [a, b] = [a, b].sort();
  const x = intersection(g, a, b);
  if (!x || x.gap > 50) throw new Error(`bad crossing ${a} & ${b}`);
  return { type: 'inter', a, b, name: `${a} & ${b}`, lat: round(x.lat, 7), long: round(x.long, 7), gap: x.gap };
});
const MAIN_STREETS = new Set(['Banff Avenue', 'Bear Street', 'Caribou Street', 'Wolf Street', 'Buffalo Street', 'Beaver Street', 'Lynx Street']);
const MAIN_CROSSINGS = CROSSINGS.filter((x) => ['Banff Avenue', 'Bear Street', 'Buffalo Street'].some((s) => x.a === s || x.b === s) && MAIN_STREETS.has(x.a) && MAIN_STREETS.has(x.b));

const ADDRS = [...g.addresses.values()];
const addrW = (a) => (MAIN_STREETS.has(a.street) ? 2.5 : 1);
const TOWN_HALL = g.addresses.get('110 Bear Street');
if (!TOWN_HALL) throw new Error('110 Bear Street missing');
const PARK = { lat: 51.17655, long: -115.5732 };

function pickAddr(pool = 'any', exclude = () => false) {
  const list = ADDRS.filter((a) => !exclude(a) && (pool === 'main' ? MAIN_STREETS.has(a.street) : pool === 'res' ? !MAIN_STREETS.has(a.street) : true));
  return rng.weighted(list.map((a) => [a, addrW(a)]));
}
function nearestCrossing(p, street, maxM = 60) {
  let best = null;
  for (const x of CROSSINGS) {
    if (street && x.a !== street && x.b !== street) continue;
    const d = distM(p, x);
    if (d <= maxM && (!best || d < best.d)) best = { x, d };
  }
  return best && best.x;
}
const ADDR_CROSS = ADDRS.filter((a) => nearestCrossing(a, a.street, 55)).map((a) => ({ a, x: nearestCrossing(a, a.street, 55) }));
const STREETS = [...g.streetPts.keys()].filter((s) => g.streetPts.get(s).length >= 10);
const BLOCKS = [];
for (const s of STREETS) for (let b = 100; b <= 600; b += 100) {
  const c = blockCentre(g, s, b);
  if (c && c.count >= 3) BLOCKS.push({ street: s, block: b, c });
}
const ALL_BASES_NUM = new Set(ADDRS.map((a) => `${a.number}|${streetParts(a.street).base.toLowerCase()}`));
function fakeNumber(street) {
  const nums = g.streetPts.get(street).map((p) => Number(p.number)).filter((n) => n > 0 && n < 1000);
  const lo = Math.min(...nums), hi = Math.max(...nums);
  const have = new Set(g.streetPts.get(street).map((p) => p.number));
  for (let i = 0; i < 500; i++) {
    const n = rng.int(lo, hi);
    const base = streetParts(street).base.toLowerCase();
    if (have.has(String(n)) || ALL_BASES_NUM.has(`${n}|${base}`)) continue;
    // only numbers inside a block that has addresses, so it looks like a real house number
    if (!nums.some((m) => Math.floor(m / 100) === Math.floor(n / 100) && Math.abs(m - n) <= 12)) continue;
    return String(n);
  }
  return null;
}

/** Builds a place object of a type; pool 'main' | 'res' | 'any'. */
function makePlace(type, pool = 'any') {
  switch (type) {
    case 'addr': return { type, addr: pickAddr(pool) };
    case 'unit': return { type, addr: pickAddr(pool) };
    case 'addrcross': {
      const list = ADDR_CROSS.filter(({ a }) => (pool === 'main' ? MAIN_STREETS.has(a.street) : true));
      const { a, x } = rng.pick(list);
      return { type, addr: a, cross: x.a === a.street ? x.b : x.a };
    }
    case 'townhall': return { type, addr: TOWN_HALL };
    case 'fake': {
      for (;;) {
        const s = rng.pick(STREETS.filter((s) => pool !== 'main' || MAIN_STREETS.has(s)));
        const n = fakeNumber(s);
        if (n) return { type, street: s, number: n };
      }
    }
    case 'street': return { type, street: rng.weighted(STREETS.filter((s) => pool !== 'main' || MAIN_STREETS.has(s)).map((s) => [s, MAIN_STREETS.has(s) ? 2 : 1])) };
    case 'block': return { type, ...rng.pick(BLOCKS.filter((b) => pool !== 'main' || MAIN_STREETS.has(b.street))) };
    case 'inter': return { type, inter: rng.pick(pool === 'main' ? MAIN_CROSSINGS : CROSSINGS) };
    case 'coords': case 'link': {
      const a = pickAddr(pool);
      const ang = rng.next() * 2 * Math.PI, r = rng.next() * 10;
      return { type, near: a, pt: offsetM(a, r * Math.cos(ang), r * Math.sin(ang)) };
    }
    case 'park': return { type };
    default: throw new Error(type);
  }
}

const LINK_FORMATS = ['google-at', 'google-q', 'maps-google-q', 'google-search', 'apple', 'osm-mlat', 'osm-map', 'geo'];
let linkTurn = 0;
/** Fixes the text of coordinates/links once per message, so every slot prints the same numbers. */
function prepare(place) {
  if (place.type === 'coords' && !place.c) place.c = R.coords(place.pt);
  if (place.type === 'link' && !place.c) place.c = R.link(place.pt, LINK_FORMATS[linkTurn++ % LINK_FORMATS.length]);
  return place;
}

function expectedOf(place) {
  if (!place) return { service_code: null, address: null, precision: 'none', lat: null, long: null };
  switch (place.type) {
    case 'addr': case 'unit': case 'addrcross': case 'townhall': case 'near':
      return { address: place.addr.key, precision: 'address', lat: place.addr.lat, long: place.addr.long };
    case 'fake': { const c = streetCentre(g, place.street); return { address: place.street, precision: 'street', lat: c.lat, long: c.long }; }
    case 'street': { const c = streetCentre(g, place.street); return { address: place.street, precision: 'street', lat: c.lat, long: c.long }; }
    case 'block': return { address: place.street, precision: 'street', lat: place.c.lat, long: place.c.long };
    case 'inter': return { address: place.inter.name, precision: 'intersection', lat: place.inter.lat, long: place.inter.long };
    case 'coords': case 'link': return { address: null, precision: 'coordinates', lat: place.c.lat, long: place.c.long };
    case 'park': return { address: null, precision: 'coordinates', lat: PARK.lat, long: PARK.long };
    default: throw new Error(place.type);
  }
}
/** A point used for dedupe sanity checks (street mentions: the street's central point). */
function pointOf(place) {
  if (!place) return null;
  const e = expectedOf(place);
  return { lat: e.lat, long: e.long };
}

// ---------------------------------------------------------------------------------------------------
// Rendering a message
// ---------------------------------------------------------------------------------------------------
function styleFor(channel) {
  if (channel === 'sms') return 'sms';
  if (channel === 'whatsapp') return rng.chance(0.5) ? 'sms' : 'formal';
  if (channel === 'transcript') return 'spoken';
  return 'formal';
}

function phrase(place, style, lang) {
  switch (place.type) {
    case 'addr': case 'near': return R.addressPhrase(place.addr, style, lang);
    case 'unit': return R.addressPhrase(place.addr, style, lang, { unit: true });
    case 'addrcross': return R.addressCrossPhrase(place.addr, place.cross, style, lang);
    case 'townhall': return R.townHall(style, lang);
    case 'fake': return R.addressPhrase({ number: place.number, street: place.street }, style, lang);
    case 'street': return R.streetPhrase(place.street, style, lang);
    case 'block': return R.blockPhrase(place.street, place.block, style, lang);
    case 'inter': return R.interPhrase(place.inter, style, lang);
    case 'coords': return R.coordPhrase(place.c, style, lang);
    case 'link': return R.linkPhrase(place.c, style, lang);
    case 'park': return R.park(style, lang);
    default: throw new Error(place.type);
  }
}
function bareAddress(place, style, lang) {
  if (place.type === 'unit') return R.unitBare(place.addr, style);
  if (place.type === 'fake') return R.addressBare({ number: place.number, street: place.street }, style, lang);
  if (place.type === 'townhall' || place.type === 'addr' || place.type === 'near' || place.type === 'addrcross') return R.addressBare(place.addr, style, lang);
  throw new Error('bare address for ' + place.type);
}

function fill(text, place, channel, lang) {
  const style = styleFor(channel);
  let out = text.replace(/\{(L\+|L|AP|AW|A|X|S|C|K)\}/g, (m, slot) => {
    if (!place) throw new Error(`slot ${m} without a place in: ${text}`);
    switch (slot) {
      case 'L': case 'L+': return phrase(place, style, lang);
      case 'AP': return place.type === 'townhall' ? R.townHall(style, lang) : phrase(place, style, lang);
      case 'A': return bareAddress(place, style === 'spoken' ? 'spoken' : style, lang);
      case 'AW': return `${spokenNumber(place.addr.number)} ${R.street(place.addr.street, 'spoken')}`;
      case 'X': return R.interBare(place.inter, style, lang);
      case 'S': return R.street(place.street, style, { typo: style === 'sms', bare: true });
      case 'C': case 'K': return place.c.text;
      default: throw new Error(slot);
    }
  });
  out = out.replace(/\b(St|Ave|Av|Dr|Cres|Ct|Pl|Rd)\.\.(?!\.)/g, '$1.');
  if (channel === 'transcript') out = out.replace(/^(Caller: |Appelant : |Llamante: )([a-z])/gm, (m, p, c) => p + c.toUpperCase());
  return out;
}

const SLOT_TYPES = {
  L: ['addr', 'addrcross', 'fake', 'street', 'block', 'inter', 'coords', 'link'],
  'L+': ['addr', 'addrcross', 'fake', 'street', 'block', 'inter', 'coords', 'link', 'townhall', 'park'],
  AP: ['addr', 'addrcross', 'townhall', 'fake'],
  A: ['addr', 'unit', 'fake'], AW: ['addr'], X: ['inter'], S: ['street'], C: ['coords'], K: ['link'],
};
function allowedTypes(text, channel, lang, opts = {}) {
  const slots = [...text.matchAll(/\{(L\+|L|AP|AW|A|X|S|C|K)\}/g)].map((m) => m[1]);
  if (!slots.length) return null;
  let set = new Set(SLOT_TYPES[slots[0]]);
  for (const s of slots.slice(1)) set = new Set([...set].filter((t) => SLOT_TYPES[s].includes(t)));
  if (channel === 'transcript') { set.delete('coords'); set.delete('link'); }
  if (lang !== 'en') set.delete('unit');
  if (opts.home) { set.delete('fake'); }
  if (opts.noUnit) { set.delete('unit'); }
  if (slots.includes('A') && slots.includes('AW')) set = new Set(['addr']);
  if (!set.size) throw new Error('no place type fits: ' + text);
  return [...set];
}

// ---------------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------------
const FIRST = ['Anna', 'Ben', 'Carla', 'Dev', 'Erin', 'Farid', 'Grace', 'Hiro', 'Isla', 'Jonas', 'Kate', 'Liam', 'Maya', 'Noah', 'Olivia', 'Priya', 'Quinn', 'Raj', 'Sara', 'Tom', 'Uma', 'Victor', 'Wendy', 'Yusuf', 'Zoe', 'Brent', 'Colleen', 'Darryl', 'Heather', 'Gord', 'Janice', 'Kyle', 'Mandy', 'Rob', 'Shannon', 'Trevor', 'Aiko', 'Mateo', 'Lucia', 'Chloé', 'Étienne', 'Sophie', 'Mathieu', 'Camila', 'Diego', 'Valentina', 'Hamish', 'Fiona'];
const LAST = ['Anderson', 'Brooks', 'Chen', 'Dubois', 'Evans', 'Fraser', 'Gagnon', 'Hughes', 'Ito', 'Johnson', 'Kowalski', 'Lee', 'MacDonald', 'Nguyen', 'Olsen', 'Patel', 'Roy', 'Singh', 'Tremblay', 'Ueda', 'Walsh', 'Young', 'Zhang', 'Campbell', 'Morrison', 'Sato', 'García', 'López', 'Martínez', 'Bouchard', 'Côté', 'Leblanc', 'Stewart', 'Reid', 'Harper', 'Nakamura'];
const FR_FIRST = ['Chloé', 'Étienne', 'Sophie', 'Mathieu', 'Julie', 'Marc-André', 'Geneviève', 'Olivier', 'Camille', 'Louis'];
const FR_LAST = ['Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Pelletier'];
const ES_FIRST = ['Camila', 'Diego', 'Valentina', 'Mateo', 'Lucía', 'Santiago', 'Sofía', 'Javier', 'Daniela', 'Andrés'];
const ES_LAST = ['García', 'López', 'Martínez', 'Hernández', 'González', 'Rodríguez', 'Pérez', 'Sánchez', 'Ramírez', 'Torres'];
const DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.ca', 'example.ca'];
const usedPhones = new Set();
function phoneFor(lang) {
  for (;;) {
    let p;
    if (lang === 'fr' && rng.chance(0.5)) p = rng.chance(0.5) ? `+1514555${rng.int(1000, 9999)}` : `+33655${rng.int(100000, 999999)}`;
    else if (lang === 'es' && rng.chance(0.6)) p = rng.chance(0.5) ? `+52155${rng.int(10000000, 99999999)}` : `+34655${rng.int(100000, 999999)}`;
    else p = `+1${rng.pick(['403', '403', '403', '587', '825'])}555${rng.int(1000, 9999)}`;
    if (!usedPhones.has(p)) { usedPhones.add(p); return p; }
  }
}
const strip = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
function person(lang) {
  const f = lang === 'fr' ? rng.pick(FR_FIRST) : lang === 'es' ? rng.pick(ES_FIRST) : rng.pick(FIRST);
  const l = lang === 'fr' ? rng.pick(FR_LAST) : lang === 'es' ? rng.pick(ES_LAST) : rng.pick(LAST);
  const user = rng.pick([`${strip(f)}.${strip(l)}`, `${strip(f)[0]}${strip(l)}`, `${strip(f)}${strip(l)[0]}${rng.int(1, 99)}`, `${strip(f)}_${strip(l)}`]);
  return { name: rng.chance(0.8) ? `${f} ${l}` : f, email: `${user}@${rng.pick(DOMAINS)}`, phone: phoneFor(lang) };
}
function phoneText() {
  const n = `555-01${rng.int(10, 99)}`;
  return rng.pick([`403-${n}`, `(403) ${n}`, `403.${n.replace('-', '.')}`, `Cell: 403-${n}`, `587-${n}`]);
}
function senderFor(channel, who) {
  if (channel === 'email') return { phone: null, email: who.email };
  if (channel === 'web') return rng.chance(0.3) ? { phone: who.phone, email: who.email } : { phone: null, email: who.email };
  return { phone: who.phone, email: null };
}

// ---------------------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------------------
const T0 = Date.parse('2026-10-19T06:00:00Z'), T1 = Date.parse('2027-01-22T06:00:00Z');
const utcOffsetH = (ms) => (ms < Date.parse('2026-11-01T08:00:00Z') ? -6 : -7); // MDT until Nov 1 2026, then MST
// night: true -> 22:00-02:30 local; 'morning' / 'afternoon' / 'evening' when the text greets that way.
function timeOfDay(text) {
  if (/good morning|buenos días|^Morning\.|Caller: Morning/im.test(text)) return 'morning';
  if (/good afternoon|buenas tardes/i.test(text)) return 'afternoon';
  if (/good evening/i.test(text)) return 'evening';
  return null;
}
function randomTime(night) {
  const day = Math.floor((T0 + rng.next() * (T1 - T0)) / 86400000) * 86400000;
  const span = { morning: [7, 11.5], afternoon: [12, 17], evening: [17.5, 21.5] }[night];
  const localH = night === true ? rng.pick([22, 22.5, 23, 23.5, 0, 0.5, 1, 1.5, 2]) + rng.next() * 0.5
    : span ? span[0] + rng.next() * (span[1] - span[0]) : 7 + rng.next() * 14.5;
  let t = day + (localH - utcOffsetH(day)) * 3600000;
  return Math.floor(t / 60000) * 60000;
}
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
function mailDate(ms) {
  const d = new Date(ms);
  const f = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Edmonton', weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.weekday}, ${p.month} ${p.day}, ${p.year} at ${p.hour}:${p.minute} ${p.dayPeriod}`;
}

// ---------------------------------------------------------------------------------------------------
// Emails
// ---------------------------------------------------------------------------------------------------
const CLERKS = [
  { name: 'Jen Harper', email: 'jharper@banff.ca', sig: 'Jen Harper\nCustomer Service | Town of Banff\n403-555-0100' },
  { name: 'Marie Tremblay', email: 'mtremblay@banff.ca', sig: 'Marie Tremblay\nTown of Banff\n110 Bear Street, Box 1260, Banff AB T1L 1A1' },
  { name: 'Rob Stewart', email: 'rstewart@banff.ca', sig: 'Rob\nTown of Banff front counter' },
];
const CLERK_NOTES = ['Forwarding to 311 for intake.', 'FYI - this came into the general inbox, please log.', 'Please create a request for this one, thanks.', 'Resident email below, can you enter it?'];
function buildEmail(spec, place, lang, who, receivedMs) {
  let body = spec.body.replace(/\{NAME\}/g, who.name).replace(/\{PHONE\}/g, () => phoneText());
  body = fill(body, place, 'email', lang);
  let subject = spec.subject, sender = { phone: null, email: who.email };
  if (spec.kind === 'quoted') {
    const asked = receivedMs - rng.int(3, 30) * 3600000;
    body = `${body}\n\nOn ${mailDate(asked)} Town of Banff 311 <311@banff.ca> wrote:\n> ${spec.quote}\n>\n> Town of Banff | Service Requests`;
  } else if (spec.kind === 'quoted-self') {
    const before = receivedMs - rng.int(1, 5) * 3600000;
    body = `${body}\n\nOn ${mailDate(before)} ${who.name} <${who.email}> wrote:\n> ${spec.quote}`;
  } else if (spec.kind === 'fwd') {
    const clerk = rng.pick(CLERKS);
    const orig = receivedMs - rng.int(1, 20) * 3600000;
    body = `${rng.pick(CLERK_NOTES)}\n\n${clerk.sig}\n\n---------- Forwarded message ---------\nFrom: ${who.name} <${who.email}>\nDate: ${mailDate(orig)}\nSubject: ${spec.subject.replace(/^Fwd: /, '')}\nTo: <info@banff.ca>\n\n${body}`;
    if (!/^Fwd:/.test(subject)) subject = `Fwd: ${subject}`;
    sender = { phone: null, email: clerk.email };
  }
  return { text: body, subject, sender };
}

// ---------------------------------------------------------------------------------------------------
// Assemble
// ---------------------------------------------------------------------------------------------------
const messages = []; // { channel, lang, svc, text|email, place, group, night, hn }

// Singles --------------------------------------------------------------------------------------------
const singleSpecs = [];
const addSingles = (list, channel, lang) => list.forEach(([svc, text, opts = {}]) => singleSpecs.push({ channel, lang, svc, text, opts }));
addSingles(S.SMS_EN, 'sms', 'en'); addSingles(S.SMS_FR, 'sms', 'fr'); addSingles(S.SMS_ES, 'sms', 'es');
addSingles(S.WHATSAPP_EN, 'whatsapp', 'en'); addSingles(S.WHATSAPP_FR, 'whatsapp', 'fr'); addSingles(S.WHATSAPP_ES, 'whatsapp', 'es');
addSingles(S.WEB_EN, 'web', 'en'); addSingles(S.WEB_FR, 'web', 'fr'); addSingles(S.WEB_ES, 'web', 'es');
addSingles(S.TRANSCRIPT_EN, 'transcript', 'en'); addSingles(S.TRANSCRIPT_FR, 'transcript', 'fr'); addSingles(S.TRANSCRIPT_ES, 'transcript', 'es');
const addEmails = (list, lang) => list.forEach((e) => singleSpecs.push({ channel: 'email', lang, svc: e.svc, email: e, text: e.body, opts: { ...(e.opts || {}), home: e.home } }));
addEmails(EMAIL_EN, 'en'); addEmails(EMAIL_FR, 'fr'); addEmails(EMAIL_ES, 'es');

// Place types for single messages. Slots that allow one kind only ({S}, {X}, {C}, {K}, {AW}) get it;
// then each scarcer kind gets its target share among the messages whose slots allow it, in random order;
// whatever is left is an ordinary address (or, if the slot does not take one, a random allowed kind).
const TARGET = { unit: 9, townhall: 6, park: 6, fake: 7, block: 11, street: 17, coords: 16, link: 22, addrcross: 10, inter: 40 };
const assigned = {};
const withAllowed = rng.shuffle(singleSpecs.map((s) => ({ s, allowed: allowedTypes(s.text, s.channel, s.lang, s.opts) })));
const give = (w, type) => { w.type = type; assigned[type] = (assigned[type] || 0) + 1; };
for (const w of withAllowed) if (w.allowed && w.allowed.length === 1) give(w, w.allowed[0]);
for (const [type, n] of Object.entries(TARGET)) {
  for (const w of withAllowed) {
    if ((assigned[type] || 0) >= n) break;
    if (!w.type && w.allowed && w.allowed.includes(type)) give(w, type);
  }
}
for (const w of withAllowed) if (w.allowed && !w.type) give(w, w.allowed.includes('addr') ? 'addr' : rng.pick(w.allowed));
for (const { s, type } of withAllowed) {
  if (!type) { s.place = null; continue; }
  let place;
  for (;;) {
    place = makePlace(type, s.opts.pool || 'any');
    if (!(s.opts.avoidNumber && place.addr && place.addr.number === s.opts.avoidNumber)) break;
  }
  s.place = prepare(place);
}
for (const s of singleSpecs) messages.push({ ...s, group: null, night: s.opts.night ? true : timeOfDay(s.text) });

// Groups -------------------------------------------------------------------------------------------
function resolveGroup(G) {
  for (let attempt = 0; attempt < 400; attempt++) {
    let anchor; // { pt, addr?, inter?, kind }
    const a = G.anchor;
    if (a === 'townhall') anchor = { pt: TOWN_HALL, addr: TOWN_HALL, kind: 'townhall' };
    else if (a === 'park') anchor = { pt: PARK, kind: 'park' };
    else if (a.startsWith('inter:')) {
      const [s1, s2] = a.slice(6).split('|').sort();
      const x = CROSSINGS.find((c) => c.a === s1 && c.b === s2);
      if (!x) throw new Error('unknown crossing ' + a);
      anchor = { pt: x, inter: x, kind: 'inter' };
    } else if (a === 'addr-x') {
      const { a: ad } = rng.pick(ADDR_CROSS.filter(({ a: q, x }) => distM(q, x) <= 45));
      anchor = { pt: ad, addr: ad, kind: 'addr' };
    } else if (/^addr:\d/.test(a)) {
      const ad = g.addresses.get(a.slice(5));
      if (!ad) throw new Error('unknown address ' + a);
      anchor = { pt: ad, addr: ad, kind: 'addr' };
    } else {
      const ad = pickAddr(a === 'addr:main' ? 'main' : a === 'addr:res' ? 'res' : 'any');
      anchor = { pt: ad, addr: ad, kind: 'addr' };
    }
    const places = [];
    let ok = true;
    const usedN = new Set();
    for (const [, , how] of G.members) {
      let p = null;
      if (how === 'A' || how === 'U') {
        let ad = anchor.addr;
        if (!ad && anchor.kind === 'inter') ad = ADDRS.filter((q) => q.street === anchor.inter.a || q.street === anchor.inter.b).sort((u, v) => distM(u, anchor.pt) - distM(v, anchor.pt))[0];
        if (!ad) { ok = false; break; }
        p = { type: how === 'U' ? 'unit' : 'addr', addr: ad };
      } else if (how === 'N') {
        const base = anchor.addr;
        const cands = ADDRS.filter((q) => (base ? q.street === base.street && q.key !== base.key : (q.street === anchor.inter?.a || q.street === anchor.inter?.b)) && !usedN.has(q.key))
          .filter((q) => { const d = distM(q, anchor.pt); return d >= (base ? 12 : 0) && d <= 45; });
        if (!cands.length) { ok = false; break; }
        const q = rng.pick(cands); usedN.add(q.key);
        p = { type: 'addr', addr: q };
      } else if (how === 'X') {
        const x = anchor.inter || nearestCrossing(anchor.pt, anchor.addr && anchor.kind !== 'townhall' ? anchor.addr.street : null, 60);
        if (!x) { ok = false; break; }
        p = { type: 'inter', inter: x };
      } else if (how === 'C' || how === 'K') {
        const ang = rng.next() * 2 * Math.PI, r = rng.next() * 10;
        p = { type: how === 'C' ? 'coords' : 'link', pt: offsetM(anchor.pt, r * Math.cos(ang), r * Math.sin(ang)) };
      } else if (how === 'T') p = { type: 'townhall', addr: TOWN_HALL };
      else if (how === 'P') p = { type: 'park' };
      else throw new Error('member kind ' + how);
      places.push(prepare(p));
    }
    if (!ok) continue;
    // every pair of members within 75 m
    const pts = places.map(pointOf);
    let far = false;
    for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) if (distM(pts[i], pts[j]) > 75) far = true;
    if (far) { linkTurn -= places.filter((p) => p.type === 'link').length; continue; }
    return places;
  }
  throw new Error('could not place group ' + JSON.stringify(G.anchor) + ' ' + G.svc);
}
GROUPS.forEach((G, gi) => {
  const id = `dg-${String(gi + 1).padStart(3, '0')}`;
  const places = resolveGroup(G);
  G.members.forEach(([channel, lang, how, hours, body, opts = {}], mi) => {
    const first = G.members[0][4];
    const m = { channel, lang, svc: G.svc, place: places[mi], group: id, groupIndex: gi, offsetH: hours, same: !!opts.same, night: G.night ? true : timeOfDay(typeof first === 'string' ? first : first.body) };
    if (channel === 'email') { m.email = body; m.text = body.body; } else m.text = body;
    messages.push(m);
  });
});

// Hard negatives -------------------------------------------------------------------------------------
HARD_NEGATIVES.forEach((H, hi) => {
  let places;
  if (H.rel === 'far') {
    const street = H.place.slice(7);
    const on = ADDRS.filter((a) => a.street === street);
    for (let i = 0; i < 2000 && !places; i++) {
      const a = rng.pick(on), b = rng.pick(on);
      const d = distM(a, b);
      if (d >= 110 && d <= 400) places = [{ type: 'addr', addr: a }, { type: 'addr', addr: b }];
    }
    if (!places) throw new Error('no far pair on ' + street);
  } else {
    let p;
    if (H.place.startsWith('inter:')) {
      const [s1, s2] = H.place.slice(6).split('|').sort();
      p = { type: 'inter', inter: CROSSINGS.find((c) => c.a === s1 && c.b === s2) };
    } else p = { type: 'addr', addr: pickAddr(H.place === 'addr:main' ? 'main' : H.place === 'addr:res' ? 'res' : 'any') };
    places = [p, { ...p }];
  }
  H.msgs.forEach(([channel, lang, svc, body], mi) => {
    const m = { channel, lang, svc, place: places[mi], group: null, hn: hi, hnIndex: mi, rel: H.rel, night: H.night ? true : null };
    if (channel === 'email') { m.email = body; m.text = body.body; } else m.text = body;
    messages.push(m);
  });
});

// Times: draw, then re-draw until no two unrelated reports of the same service are close in space and time.
// Rule: two messages with the same service and no shared group must be > 150 m apart or > 5 days apart,
// and never within 30 m of each other within 14 days (street-level mentions count as near anything within
// 150 m / 30 m of any point of that street). The only
// exceptions are the designed hard-negative pairs ('far': 110-400 m, <= 48 h; 'later': 10-20 days).
function assignTimes() {
  const groupStart = new Map(), hnStart = new Map();
  for (const m of messages) {
    if (m.group) {
      if (!groupStart.has(m.groupIndex)) groupStart.set(m.groupIndex, randomTime(m.night));
      const jitter = m.offsetH === 0 || m.same ? 0 : rng.int(-20, 20) * 60000;
      m.t = groupStart.get(m.groupIndex) + Math.round(m.offsetH * 3600000) + jitter;
    } else if (m.hn !== undefined) {
      if (!hnStart.has(m.hn)) hnStart.set(m.hn, randomTime(m.night));
      const t0 = hnStart.get(m.hn);
      if (m.hnIndex === 0) m.t = t0;
      else if (m.rel === 'later') m.t = t0 + rng.int(10, 20) * 86400000 + rng.int(0, 180) * 60000;
      else if (m.rel === 'far') m.t = t0 + rng.int(1, 36) * 3600000 + rng.int(0, 59) * 60000;
      else m.t = t0 + rng.int(1, 20) * 3600000 + rng.int(0, 59) * 60000;
    } else m.t = randomTime(m.night);
  }
}
function nearness(a, b) {
  const sa = a.place && ['street', 'block', 'fake'].includes(a.place.type) ? a.place.street : null;
  const sb = b.place && ['street', 'block', 'fake'].includes(b.place.type) ? b.place.street : null;
  const ptsOf = (m, s) => (s ? g.streetPts.get(s) : [pointOf(m.place)]);
  let d = Infinity;
  for (const p of ptsOf(a, sa)) for (const q of ptsOf(b, sb)) d = Math.min(d, distM(p, q));
  return d;
}
function conflicts() {
  const out = [];
  const located = messages.filter((m) => m.place);
  for (let i = 0; i < located.length; i++) for (let j = i + 1; j < located.length; j++) {
    const a = located[i], b = located[j];
    if (a.svc !== b.svc) continue;
    if (a.group && a.group === b.group) continue;
    if (a.hn !== undefined && a.hn === b.hn) continue; // designed pair, checked below
    const dt = Math.abs(a.t - b.t) / 3600000;
    if (dt > 336) continue;
    const d = nearness(a, b);
    if ((d <= 150 && dt <= 120) || (d <= 30 && dt <= 336)) out.push([a, b]);
  }
  return out;
}
assignTimes();
for (let round_ = 0; ; round_++) {
  const c = conflicts();
  if (!c.length) break;
  if (round_ > 3000) throw new Error(`still ${c.length} conflicts: ` + c.map(([a, b]) => `${a.svc} ${a.group}/${a.hn} ${a.place.type} ${a.text.slice(0, 40)} <> ${b.group}/${b.hn} ${b.place.type} ${b.text.slice(0, 40)}`).join("; "));
  // re-draw the time of one side of each conflict (a whole group / pair moves together)
  for (const pair of c) {
    const b = pair[rng.int(0, 1)];
    if (b.group) { const t = randomTime(b.night); const members = messages.filter((m) => m.group === b.group); const d = t - members[0].t; members.forEach((m) => (m.t += d)); }
    else if (b.hn !== undefined) { const t = randomTime(b.night); const pair = messages.filter((m) => m.hn === b.hn); const d = t - pair[0].t; pair.forEach((m) => (m.t += d)); }
    else b.t = randomTime(b.night);
  }
}
for (const H of HARD_NEGATIVES.keys()) {
  const [a, b] = messages.filter((m) => m.hn === H);
  const d = nearness(a, b), dt = Math.abs(a.t - b.t) / 3600000;
  if (a.rel === 'far' && !(d > 100 && dt <= 48)) throw new Error('far pair broken');
  if (a.rel === 'later' && !(d < 1 && dt >= 240)) throw new Error(`later pair broken: ${d} m ${dt} h ${a.hnIndex} ${b.hnIndex}`);
}

// Senders and texts ------------------------------------------------------------------------------------
let prevWho = null;
for (const m of messages) {
  const who = m.same && prevWho ? prevWho : person(m.lang);
  prevWho = who;
  m.who = who;
}
for (const m of messages) {
  if (m.channel === 'email') {
    const e = buildEmail(m.email, m.place, m.lang, m.who, m.t);
    m.out = { text: e.text, subject: e.subject, sender: e.sender };
  } else {
    m.out = { text: fill(m.text, m.place, m.channel, m.lang), subject: null, sender: senderFor(m.channel, m.who) };
  }
  if (m.same) {
    const prev = messages[messages.indexOf(m) - 1];
    m.out.sender = prev.out.sender;
  }
}

messages.sort((a, b) => a.t - b.t);
const counters = {};
const lines = messages.map((m) => {
  counters[m.channel] = (counters[m.channel] || 0) + 1;
  const e = expectedOf(m.place);
  return {
    id: `${m.channel}-${String(counters[m.channel]).padStart(4, '0')}`,
    channel: m.channel,
    text: m.out.text,
    subject: m.out.subject,
    sender: m.out.sender,
    received_at: iso(m.t),
    expected: { service_code: m.svc, address: e.address, precision: e.precision, lat: e.lat, long: e.long },
    dedupe_group: m.group,
    lang: m.lang,
  };
});
fs.writeFileSync(OUT, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');

// Summary ----------------------------------------------------------------------------------------------
const count = (f) => lines.reduce((acc, l) => ((acc[f(l)] = (acc[f(l)] || 0) + 1), acc), {});
console.log(`wrote ${lines.length} messages to ${path.relative(process.cwd(), OUT)} (seed ${SEED})`);
console.log('channel', count((l) => l.channel));
console.log('lang', count((l) => l.lang));
console.log('precision', count((l) => l.expected.precision));
console.log('service', count((l) => l.expected.service_code));
console.log('place kinds (singles)', assigned);
console.log('groups', new Set(lines.filter((l) => l.dedupe_group).map((l) => l.dedupe_group)).size, 'grouped messages', lines.filter((l) => l.dedupe_group).length);

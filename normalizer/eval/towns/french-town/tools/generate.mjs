// Deterministic generator for the Sainte-Adélie-des-Sables (synthetic, Québec-style town) evaluation corpus.
// Writes ../addresses.csv, ../intake.yaml and ../corpus.jsonl. Run: node tools/generate.mjs
// Labels come from the generator's own choices (the place and the service it wrote about), never from a parser.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------- seeded randomness ----------
let seed = 8812047;
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

// ---------- gazetteer ----------
const LAT0 = 46.1832, LON0 = -73.9127;
const M_LAT = 111320, M_LON = 111320 * Math.cos((LAT0 * Math.PI) / 180);
const CITY = 'Sainte-Adélie-des-Sables', REGION = 'QC', POSTCODE = 'J0T 9X9', DISTRICT = 'MRC des Hauts-Sables';
const ROT = (20 * Math.PI) / 180; // the village grid follows the river, not north
const rot = ([x, y]) => [x * Math.cos(ROT) - y * Math.sin(ROT), x * Math.sin(ROT) + y * Math.cos(ROT)];

const streets = [];
const rows = [];
// type: the French generic ("Rue", "Chemin"...); core: the specific part; typeAfter for "5e Avenue".
function makeStreet({ type, core, dir = null, typeAfter = false, shorts = [], english = false }) {
  const name = typeAfter ? `${core} ${type}` : `${type} ${core}${dir ? ' ' + dir : ''}`;
  const key = core.replace(/^(du|des|de la|de l'|de) /, '').toLowerCase();
  const s = { name, type, core, dir, typeAfter, shorts, english, key, numbered: /^\d/.test(core), rows: [] };
  streets.push(s);
  return s;
}
function addRow(st, num, [x, y], unit = '') {
  const row = { lon: +(LON0 + x / M_LON).toFixed(7), lat: +(LAT0 + y / M_LAT).toFixed(7), number: String(num), street: st.name, unit, x, y };
  rows.push(row);
  st.rows.push(row);
}
// Houses along a polyline (metres, unrotated village frame when `village`), both sides, numbers growing with distance.
function alongLine(st, pts, { spacing, setback = 12, start = 0, first = 10, perMetre = 0.2, village = true, skip = 0.1, orient = 'rural' }) {
  st.orient = orient;
  let d0 = 0;
  for (let i = 0; i + 1 < pts.length; i++) {
    const [ax, ay] = pts[i], [bx, by] = pts[i + 1];
    const len = Math.hypot(bx - ax, by - ay), ux = (bx - ax) / len, uy = (by - ay) / len;
    for (let d = Math.max(0, start - d0) + spacing / 2; d < len; d += spacing) {
      const dist = d0 + d;
      if (dist < start) continue;
      for (const side of [1, -1]) {
        if (chance(skip)) continue;
        const jitter = (rnd() - 0.5) * spacing * 0.3;
        const px = ax + ux * (d + jitter) - uy * side * setback, py = ay + uy * (d + jitter) + ux * side * setback;
        let num = first + Math.round((dist * perMetre) / 2) * 2 + (side > 0 ? 1 : 0);
        addRow(st, num, village ? rot([px, py]) : [px, py]);
      }
    }
    d0 += len;
  }
}
// Village: east-west streets (y fixed) and north-south streets (x fixed), then the rotated grid.
const EW = [
  { s: { type: 'Rue', core: 'Principale', dir: 'Ouest' }, y: 0, x0: -720, x1: 0, rev: true },
  { s: { type: 'Rue', core: 'Principale', dir: 'Est' }, y: 0, x0: 0, x1: 1150 },
  { s: { type: 'Rue', core: 'Saint-Jean-Baptiste', shorts: ['St-Jean', 'Saint-Jean'] }, y: 95, x0: -520, x1: 1050 },
  { s: { type: 'Rue', core: 'Sainte-Anne' }, y: 190, x0: -420, x1: 640 },
  { s: { type: 'Rue', core: 'Hillcrest', english: true }, y: 285, x0: -220, x1: 420 },
  { s: { type: 'Rue', core: 'Notre-Dame' }, y: -95, x0: -520, x1: 1050 },
  { s: { type: 'Rue', core: 'Saint-Joseph' }, y: -190, x0: -420, x1: 560 },
];
const NS = [
  { s: { type: 'Avenue', core: "de l'Église" }, x: 0, y0: -300, y1: 300 },
  { s: { type: 'Rue', core: 'Saint-Louis' }, x: -110, y0: -300, y1: 300 },
  { s: { type: 'Rue', core: 'du Couvent' }, x: -220, y0: -250, y1: 300 },
  { s: { type: 'Rue', core: 'Beaudry' }, x: -330, y0: -250, y1: 200 },
  { s: { type: 'Avenue', core: 'Victoria', english: true }, x: -440, y0: -250, y1: 200 },
  { s: { type: 'Rue', core: 'des Érables' }, x: 110, y0: -300, y1: 300 },
  { s: { type: 'Rue', core: 'Lavoie' }, x: 220, y0: -300, y1: 300 },
  { s: { type: 'Rue', core: 'Maple', english: true }, x: 330, y0: -250, y1: 300 },
  { s: { type: 'Rue', core: 'Alphonse-Desjardins', shorts: ['Desjardins'] }, x: 440, y0: -250, y1: 300 },
  ...['1re', '2e', '3e', '4e', '5e'].map((c, i) => ({ s: { type: 'Avenue', core: c, typeAfter: true }, x: 650 + i * 95, y0: -260, y1: 230 })),
];
for (const e of EW) {
  const st = makeStreet(e.s);
  const pts = e.rev ? [[e.x1, e.y], [e.x0, e.y]] : [[e.x0, e.y], [e.x1, e.y]];
  alongLine(st, pts, { spacing: 13, perMetre: 0.3, orient: 'ew', start: e.rev || e.x0 === 0 ? 14 : 0 });
}
for (const n of NS) alongLine(makeStreet(n.s), [[n.x, n.y0], [n.x, n.y1]], { spacing: 15, perMetre: 0.4, orient: 'ns', start: 0 });
// Rural roads (world frame, metres from the church): long numbers, sparse houses, a start gap so that a road
// that only continues another one never looks like a crossing.
const HAUT = makeStreet({ type: 'Boulevard', core: 'des Hauteurs' });
alongLine(HAUT, [rot([-720, -40]), [-1500, 700], [-2100, 1500], [-2500, 2300]], { spacing: 16, start: 90, first: 100, perMetre: 0.4, village: false, orient: 'rural' });
const MOUL = makeStreet({ type: 'Montée', core: 'du Moulin' });
alongLine(MOUL, [rot([165, 285]), [150, 1100], [320, 1900], [260, 2700]], { spacing: 18, start: 90, first: 100, perMetre: 0.4, village: false });
const LAC = makeStreet({ type: 'Chemin', core: 'du Lac-des-Sables', shorts: ['du Lac', 'Lac-des-Sables', 'du lac des Sables'] });
const lacPts = [rot([1150, 0]), [1700, 700], [2300, 1200], [2900, 1100], [3350, 500], [3300, -300], [2900, -800]];
alongLine(LAC, lacPts, { spacing: 15, start: 90, first: 100, perMetre: 0.5, village: false });
const LAKEV = makeStreet({ type: 'Chemin', core: 'Lakeview', english: true });
alongLine(LAKEV, [[2300, 1200], [2450, 1650], [2700, 1900]], { spacing: 30, start: 90, first: 10, perMetre: 0.3, village: false });
const RSJ = makeStreet({ type: 'Rang', core: 'Saint-Joseph' });
alongLine(RSJ, [[-2600, -900], [-400, -1000], [1500, -1150], [3400, -1300]], { spacing: 40, start: 0, first: 1000, perMetre: 0.5, village: false, skip: 0.3 });
const PB = makeStreet({ type: 'Rang', core: 'du Petit-Brûlé' });
alongLine(PB, [[-3200, 600], [-1500, 720], [200, 780], [1200, 800]], { spacing: 40, start: 0, first: 1000, perMetre: 0.5, village: false, skip: 0.3 });
const CSP = makeStreet({ type: 'Côte', core: 'Saint-Pierre' });
alongLine(CSP, [rot([-720, -60]), [-850, -700], [-800, -1400], [-760, -1800]], { spacing: 30, start: 120, first: 10, perMetre: 0.3, village: false });
const BOUL = makeStreet({ type: 'Impasse', core: 'des Bouleaux' });
alongLine(BOUL, [[235, 1500], [600, 1540]], { spacing: 26, start: 90, first: 10, perMetre: 0.3, village: false });
const PINS = makeStreet({ type: 'Croissant', core: 'des Pins' });
alongLine(PINS, [[-1850, 1150], [-1600, 1350], [-1350, 1250], [-1500, 1050]], { spacing: 24, start: 90, first: 10, perMetre: 0.3, village: false });

// Apartment buildings on the main streets: extra rows with units at the same point.
for (let i = 0; i < 18; i++) {
  const r = pick(rows.filter((q) => !q.unit && /Principale|Saint-Jean|Notre-Dame/.test(q.street)));
  for (let u = 1; u <= 4; u++) rows.push({ ...r, unit: `APP ${u}` });
}
// Numbers must be unique per street (both sides interleave); drop later duplicates.
{
  const seen = new Set();
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i].unit) seen; // units keep their number
  const keep = [];
  const taken = new Set();
  for (const r of rows) {
    const k = `${r.number}|${r.street}`;
    if (!r.unit && taken.has(k)) continue;
    if (!r.unit) taken.add(k);
    keep.push(r);
  }
  rows.length = 0;
  rows.push(...keep);
  for (const s of streets) s.rows = rows.filter((r) => r.street === s.name);
}
rows.forEach((r, i) => (r.id = `sads-${String(i + 1).padStart(6, '0')}`));

// ---------- geometry used for labels ----------
const dist = (a, b) => Math.hypot((a.lon - b.lon) * M_LON, (a.lat - b.lat) * M_LAT);
function centralRow(st) {
  const pts = st.rows.filter((r) => r.number !== '0' && !r.unit);
  const mx = pts.reduce((s, r) => s + r.lon * M_LON, 0) / pts.length;
  const my = pts.reduce((s, r) => s + r.lat * M_LAT, 0) / pts.length;
  let sxx = 0, syy = 0, sxy = 0;
  for (const r of pts) { const dx = r.lon * M_LON - mx, dy = r.lat * M_LAT - my; sxx += dx * dx; syy += dy * dy; sxy += dx * dy; }
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  let ux = Math.cos(theta), uy = Math.sin(theta);
  if (Math.abs(ux) >= Math.abs(uy) ? ux < 0 : uy < 0) { ux = -ux; uy = -uy; }
  const key = (r) => r.lon * M_LON * ux + r.lat * M_LAT * uy;
  const sorted = [...pts].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
const crossings = [];
for (let i = 0; i < streets.length; i++) for (let j = i + 1; j < streets.length; j++) {
  const a = streets[i], b = streets[j];
  if (a.key === b.key) continue;
  if (a.orient !== 'rural' && a.orient === b.orient) continue;
  let best = null;
  for (const p of a.rows) for (const q of b.rows) {
    const d = dist(p, q);
    if (!best || d < best.d) best = { d, p, q };
  }
  if (best && best.d <= 50) {
    const [A, B] = [a, b].sort((s, t) => (s.name < t.name ? -1 : 1));
    crossings.push({ A, B, d: best.d, lat: +((best.p.lat + best.q.lat) / 2).toFixed(7), lon: +((best.p.lon + best.q.lon) / 2).toFixed(7) });
  }
}

// ---------- services ----------
const SERVICES = [
  { code: 'VOI-NIDP', name: 'Nid-de-poule ou chaussée endommagée', group: 'Voirie',
    keywords: ['nid-de-poule', 'nid de poule', 'nids-de-poule', 'trou dans la rue', 'chaussée', 'asphalte', 'pothole', 'bache'] },
  { code: 'ECL-LAMP', name: 'Lampadaire défectueux', group: 'Voirie',
    keywords: ['lampadaire', 'lumière de rue', 'éclairage', 'lumière éteinte', 'streetlight', 'street light', 'farola'] },
  { code: 'SIG-PANN', name: 'Signalisation (panneau, feu)', group: 'Voirie',
    keywords: ['panneau', 'arrêt', 'feu de circulation', 'feux', 'signalisation', 'stop sign', 'traffic light', 'semáforo'] },
  { code: 'DNG-RUE', name: 'Déneigement et glace', group: 'Voirie',
    keywords: ['déneigement', 'neige', 'glace', 'verglas', 'souffleuse', 'charrue', 'pas déneigé', 'snow', 'plow', 'ice'] },
  { code: 'TRT-BORD', name: 'Trottoir ou bordure', group: 'Voirie',
    keywords: ['trottoir', 'bordure', 'dalle', 'sidewalk', 'curb', 'acera'] },
  { code: 'PRO-GRAF', name: 'Graffitis', group: 'Propreté',
    keywords: ['graffiti', 'graffitis', 'tag', 'peinture en aérosol', 'vandalisme'] },
  { code: 'COL-MANQ', name: 'Collecte manquée (ordures, recyclage, compost)', group: 'Matières résiduelles',
    keywords: ['collecte', 'bac', 'ordures', 'poubelle', 'recyclage', 'bac bleu', 'bac brun', 'compost', 'garbage', 'recycling', 'basura'] },
  { code: 'COL-ENCO', name: 'Encombrants (gros rebuts)', group: 'Matières résiduelles',
    keywords: ['encombrants', 'gros rebuts', 'gros déchets', 'ramasser un divan', 'bulky', 'furniture pickup'] },
  { code: 'DEP-SAUV', name: 'Dépôt sauvage', group: 'Matières résiduelles',
    keywords: ['dépôt sauvage', 'déchets abandonnés', 'jeté', 'pneus', 'matelas', 'dumped', 'dumping'] },
  { code: 'ARB-BRAN', name: 'Arbre ou branche tombé', group: 'Parcs et espaces verts',
    keywords: ['arbre', 'branche', 'arbre tombé', 'tree', 'branch', 'árbol'] },
  { code: 'AQU-FUIT', name: "Fuite d'eau, bris d'aqueduc ou borne-fontaine", group: 'Aqueduc et égouts',
    keywords: ["fuite d'eau", 'aqueduc', 'borne-fontaine', "borne d'incendie", 'bris', 'water leak', 'hydrant', 'fuga de agua'] },
  { code: 'EGO-REFL', name: 'Égout, puisard ou rue inondée', group: 'Aqueduc et égouts',
    keywords: ['égout', 'refoulement', 'puisard', 'grille', 'inondée', 'inondation', 'sewer', 'catch basin', 'flooded'] },
  { code: 'ANI-MORT', name: 'Animal mort', group: 'Animaux',
    keywords: ['animal mort', 'chevreuil mort', 'carcasse', 'mouffette morte', 'dead animal', 'roadkill', 'animal muerto'] },
  { code: 'ANI-ERR', name: 'Animal errant', group: 'Animaux',
    keywords: ['chien errant', 'chien en liberté', 'chat errant', 'chiens sans laisse', 'stray dog', 'loose dog', 'perro suelto'] },
  { code: 'NUI-BRUT', name: 'Nuisance sonore', group: 'Qualité de vie',
    keywords: ['bruit', 'musique forte', 'party', 'aboiements', 'tapage', 'noise', 'loud music', 'ruido'] },
  { code: 'LAC-QUAL', name: 'Lac et plage (algues, qualité de l’eau)', group: 'Environnement',
    keywords: ['lac', 'algues', 'cyanobactéries', 'algues bleues', 'plage', 'eau brune', 'lake', 'algae'] },
  { code: 'GEN-AUTR', name: 'Autre demande', group: 'Général', keywords: [] },
];
const FALLBACK = 'GEN-AUTR';
const worldPt = (x, y) => ({ lat: +(LAT0 + y / M_LAT).toFixed(7), lon: +(LON0 + x / M_LON).toFixed(7) });
const LANDMARKS = [
  { name: 'Hôtel de ville de Sainte-Adélie', aliases: ["l'hôtel de ville", 'la mairie', 'town hall'], ...worldPt(...rot([-55, -45])) },
  { name: 'Plage municipale du Lac-des-Sables', aliases: ['la plage municipale', 'the town beach'], ...worldPt(2520, 1050) },
  { name: 'Aréna Gilles-Tremblay', aliases: ["l'aréna", 'the arena'], ...worldPt(...rot([560, -150])) },
];

// ---------- how people write street names ----------
const TYPE_FORMS = { Rue: ['rue', 'rue', 'r.'], Chemin: ['chemin', 'ch.', 'chemin'], Boulevard: ['boulevard', 'boul.', 'bd'],
  Avenue: ['avenue', 'av.', 'avenue'], Montée: ['montée', 'montee', 'mtée'], Rang: ['rang', 'rang', 'rg'], Côte: ['côte', 'cote'],
  Impasse: ['impasse', 'imp.'], Croissant: ['croissant', 'crois.'] };
const FEM = new Set(['Rue', 'Avenue', 'Montée', 'Côte', 'Impasse']);
const EN_TYPE = { Rue: 'Street', Chemin: 'Road', Avenue: 'Avenue' };
const ORD_FR = { '1re': 'première', '2e': 'deuxième', '3e': 'troisième', '4e': 'quatrième', '5e': 'cinquième' };
const ORD_EN = { '1re': ['1st', 'First'], '2e': ['2nd', 'Second'], '3e': ['3rd', 'Third'], '4e': ['4th', 'Fourth'], '5e': ['5th', 'Fifth'] };
const stripAccents = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
function typo(word) {
  const i = ri(1, word.length - 2);
  switch (ri(0, 2)) {
    case 0: return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1: return word.slice(0, i) + word.slice(i + 1);
    default: return word.slice(0, i) + word[i] + word.slice(i);
  }
}
function coreText(st, style, lang) {
  if (st.numbered) {
    if (lang === 'en') return pick(ORD_EN[st.core]);
    return style.words && chance(0.5) ? ORD_FR[st.core] : st.core;
  }
  let c = st.core;
  if (st.shorts.length && style.short && chance(0.5)) c = pick(st.shorts);
  if (style.abbrevSaint && chance(0.6)) c = c.replace(/\bSainte-/g, 'Ste-').replace(/\bSaint-/g, 'St-');
  if (style.hyphenSpace && chance(0.4)) c = c.replace(/-/g, ' ');
  if (style.typo) {
    const words = c.split(/([ '-])/);
    let li = 0;
    words.forEach((w, k) => { if (w.length > words[li].length) li = k; });
    if (words[li].length >= 6) words[li] = typo(words[li]);
    c = words.join('');
  }
  if (style.noAccents) c = stripAccents(c);
  return c;
}
// A mention: { text, kept: {type, dir}, st, de (text with "de la / du" before) }
function renderStreet(st, style, lang) {
  const kept = { type: !(style.dropType && chance(0.45)), dir: !!st.dir && !(style.dropDir && chance(0.5)) };
  const core = coreText(st, style, lang);
  const dirText = kept.dir ? (style.abbrevDir && chance(0.4) ? st.dir[0] : st.dir) : '';
  let text, de;
  if (lang === 'en' && kept.type && (st.numbered || (EN_TYPE[st.type] && !/^(du|des|de)\b/.test(st.core) && chance(0.6)))) {
    text = `${core} ${EN_TYPE[st.type]}${dirText ? ' ' + (dirText === 'Est' ? 'East' : dirText === 'Ouest' ? 'West' : dirText) : ''}`;
    de = text;
  } else if (kept.type) {
    const t = style.abbrevType ? pick(TYPE_FORMS[st.type]) : TYPE_FORMS[st.type][0];
    const tt = style.capType ? t[0].toUpperCase() + t.slice(1) : t;
    text = st.typeAfter ? `${core} ${tt}` : `${tt} ${core}${dirText ? ' ' + dirText : ''}`;
    const art = FEM.has(st.type) ? (/^[aeiouéh]/i.test(st.typeAfter ? core : st.type) ? "de l'" : 'de la ') : 'du ';
    de = st.typeAfter ? `de la ${text}` : art === "de l'" ? `de l'${text}` : `${art}${text}`;
  } else {
    text = `${core}${dirText ? ' ' + dirText : ''}`;
    de = /^(du|des|de)\b/.test(core) ? text : st.numbered ? `de la ${text}` : `de ${text}`;
  }
  if (style.lower) { text = text.toLowerCase(); de = de.toLowerCase(); }
  return { text, de, kept };
}
const readings = (st, kept) => streets.filter((s) => s.key === st.key && (!kept.type || s.type === st.type) && (!kept.dir || s.dir === st.dir));
function uniqueStreetMention(st, style, lang) {
  for (let t = 0; t < 10; t++) {
    const m = renderStreet(st, style, lang);
    if (readings(st, m.kept).length === 1) return m;
  }
  return renderStreet(st, {}, lang);
}
function uniqueCrossingMention(c, style, lang) {
  for (let t = 0; t < 12; t++) {
    const a = renderStreet(c.A, style, lang), b = renderStreet(c.B, style, lang);
    const ra = readings(c.A, a.kept), rb = readings(c.B, b.kept);
    const n = crossings.filter((x) => (ra.includes(x.A) && rb.includes(x.B)) || (ra.includes(x.B) && rb.includes(x.A))).length;
    if (n === 1) return chance(0.5) ? [a, b] : [b, a];
  }
  const a = renderStreet(c.A, {}, lang), b = renderStreet(c.B, {}, lang);
  return chance(0.5) ? [a, b] : [b, a];
}

// ---------- places ----------
const houseRows = rows.filter((r) => !r.unit || r.unit === 'APP 1');
const streetWeight = (s) => Math.sqrt(s.rows.length);
function pickStreet() {
  let r = rnd() * streets.reduce((a, s) => a + streetWeight(s), 0);
  for (const s of streets) { r -= streetWeight(s); if (r < 0) return s; }
  return streets[0];
}
const streetOf = (name) => streets.find((s) => s.name === name);
function addressPlace(row = null) {
  if (!row) { const st = pickStreet(); row = pick(st.rows.filter((r) => !r.unit || r.unit === 'APP 1')); }
  return { kind: 'address', row, st: streetOf(row.street), unit: row.unit ? `${pick(['app.', 'app', 'logement', '#'])} ${ri(1, 4)}` : null,
    label: { address: `${row.number} ${row.street}`, precision: 'address', lat: row.lat, long: row.lon } };
}
const crossingPlace = (c = pick(crossings)) => ({ kind: 'intersection', c, label: { address: `${c.A.name} & ${c.B.name}`, precision: 'intersection', lat: c.lat, long: c.lon } });
function streetPlace() {
  const st = pickStreet();
  const row = centralRow(st);
  if (chance(0.3)) {
    const max = Math.max(...st.rows.map((q) => +q.number));
    return { kind: 'missingNumber', st, num: max + ri(20, 200) * 2, label: { address: st.name, precision: 'street', lat: row.lat, long: row.lon } };
  }
  return { kind: 'street', st, label: { address: st.name, precision: 'street', lat: row.lat, long: row.lon } };
}
const COORD_FORMS = ['google2', 'raw', 'googleq', 'osm', 'apple', 'raw', 'google2', 'googlell', 'osmhash', 'geo', 'raw'];
let coordCount = 0;
function coordinatePlace() {
  const base = pick(houseRows);
  const lat = +(base.lat + (rnd() - 0.5) * 0.0004).toFixed(pick([5, 6])), lon = +(base.lon + (rnd() - 0.5) * 0.0005).toFixed(pick([5, 6]));
  return { kind: 'coords', lat, lon, form: COORD_FORMS[coordCount++ % COORD_FORMS.length], label: { address: null, precision: 'coordinates', lat, long: lon } };
}
const landmarkPlace = (l = pick(LANDMARKS)) => ({ kind: 'landmark', l, label: { address: null, precision: 'coordinates', lat: l.lat, long: l.lon } });
const nonePlace = () => ({ kind: 'none', label: { address: null, precision: 'none', lat: null, long: null } });
function coordText(p) {
  const { lat, lon } = p;
  const vlat = (lat - 0.0012).toFixed(7), vlon = (lon + 0.0015).toFixed(7);
  switch (p.form) {
    case 'google2': return `https://www.google.com/maps/place/${lat},${lon}/@${vlat},${vlon},16z/data=!4m6!3m5!1s0x0:0x0!7e2!8m2!3d${lat}!4d${lon}`;
    case 'googleq': return `https://maps.google.com/?q=${lat},${lon}`;
    case 'googlell': return `https://maps.google.ca/maps?ll=${lat},${lon}&z=17`;
    case 'apple': return `https://maps.apple.com/?ll=${lat},${lon}&q=Position%20marqu%C3%A9e`;
    case 'osm': return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${vlat}/${vlon}`;
    case 'osmhash': return `https://www.openstreetmap.org/#map=19/${lat}/${lon}`;
    case 'geo': return `geo:${lat},${lon}?z=18`;
    default: return pick([`${lat}, ${lon}`, `${lat},${lon}`, `lat ${lat} long ${lon}`, `GPS : ${lat} ${lon}`]);
  }
}
function nearestCross(place) {
  let best = null;
  for (const c of crossings) {
    if (c.A !== place.st && c.B !== place.st) continue;
    const d = dist(place.row, c);
    if (d < 110 && (!best || d < best.d)) best = { d, other: c.A === place.st ? c.B : c.A };
  }
  return best && best.other;
}

// ---------- language tables ----------
const STYLE = {
  sms: () => ({ lower: chance(0.7), dropType: true, dropDir: true, abbrevType: true, abbrevSaint: true, short: true, hyphenSpace: chance(0.4), noAccents: chance(0.5), words: chance(0.3), typo: chance(0.2), abbrevDir: true }),
  whatsapp: () => ({ lower: chance(0.5), dropType: true, dropDir: true, abbrevType: true, abbrevSaint: true, short: true, hyphenSpace: chance(0.3), noAccents: chance(0.4), words: chance(0.3), typo: chance(0.2) }),
  web: () => ({ capType: chance(0.4), abbrevType: chance(0.3), abbrevSaint: chance(0.3), short: chance(0.2), words: chance(0.2), typo: chance(0.1) }),
  email: () => ({ capType: chance(0.5), abbrevType: chance(0.3), abbrevSaint: chance(0.3), short: chance(0.2), words: chance(0.3), typo: chance(0.1) }),
  transcript: () => ({ words: chance(0.5), short: chance(0.3), dropType: chance(0.3) }),
};
const PLACE = {
  fr: {
    address: ['au {n}, {S}', 'au {n} {S}', 'devant le {n} {S}', 'en face du {n}, {S}', 'près du {n} {S}', '{n} {S}', 'à côté du {n}, {S}', '{S} {n}'],
    intersection: ['au coin {dA} et {dB}', "à l'intersection {dA} et {dB}", "à l'angle {dA} et {dB}", 'coin {A} et {B}', 'au coin {A}/{B}', '{A} / {B}', 'coin {A} & {B}'],
    street: ['sur {S}', 'le long {dS}', 'dans {S}', 'sur {S}, pas sûr du numéro'],
    landmark: ['devant {L}', 'près de {L}', 'dans le stationnement de {L}', 'à {L}'],
    coords: ['ici : {C}', 'position {C}', 'à {C}', '{C}'],
    none: ['dans ma rue', "près de l'école", 'au village', 'dans le rang', 'pas loin de chez nous', 'en arrière du dépanneur', 'dans le coin', '', ''],
  },
  en: {
    address: ['at {n} {S}', 'outside {n} {S}', 'in front of {n}, {S}', 'near {n} {S}', 'across from {n} {S}', '{n} {S}', '{S} {n}'],
    intersection: ['at the corner of {A} and {B}', 'at {A} and {B}', 'where {A} meets {B}', 'at {A} & {B}', '{A}/{B}', 'corner {A} and {B}'],
    street: ['on {S}', 'along {S}', 'on {S}, not sure of the number'],
    landmark: ['outside {L}', 'near {L}', 'in the parking lot of {L}', 'at {L}'],
    coords: ['here: {C}', 'location {C}', 'at {C}', '{C}'],
    none: ['on my street', 'near the school', 'in the village', 'out on the rang road', 'near my place', '', ''],
  },
  es: {
    address: ['en el {n} de la {S}', 'frente al {n} {S}', 'cerca del {n} {S}', 'en {n} {S}'],
    intersection: ['en la esquina de {A} y {B}', 'en el cruce de {A} con {B}', 'en {A} y {B}'],
    street: ['en la {S}', 'por la {S}'],
    landmark: ['cerca de {L}', 'frente a {L}'],
    coords: ['aquí: {C}', 'ubicación {C}'],
    none: ['en mi calle', 'cerca de la escuela', ''],
  },
};
const PROBLEMS = {
  'VOI-NIDP': {
    fr: ["il y a un gros nid-de-poule {p}, j'ai failli perdre une roue", 'nid de poule énorme {p}', 'la chaussée est toute défoncée {p}',
      'trou dans la rue {p}, les autos font des détours'],
    en: ['huge pothole {p}, almost lost a tire', 'the road is all broken up {p}', 'pothole {p} is getting bigger every day'],
    es: ['hay un bache enorme {p}'],
    np: { fr: ['un nid-de-poule', 'un trou dans la chaussée'], en: ['a pothole'], es: ['un bache'] },
  },
  'ECL-LAMP': {
    fr: ['le lampadaire est brûlé {p}', 'lumière de rue éteinte {p} depuis une semaine', "le lampadaire {p} clignote toute la nuit", "c'est noir comme chez le loup {p}, le lampadaire ne marche plus"],
    en: ['streetlight out {p}', 'the street light {p} keeps flickering'],
    es: ['la farola no funciona {p}'],
    np: { fr: ['un lampadaire brûlé', 'une lumière de rue qui clignote'], en: ['a streetlight that is out'], es: ['una farola apagada'] },
  },
  'SIG-PANN': {
    fr: ["le panneau d'arrêt est tombé {p}", 'le feu de circulation est resté au rouge {p}', 'panneau de rue arraché {p}', 'quelqu’un a plié le panneau de limite de vitesse {p}'],
    en: ['stop sign knocked down {p}', 'the traffic light {p} is stuck on red'],
    es: ['tumbaron la señal de alto {p}'],
    np: { fr: ["un panneau d'arrêt tombé", 'un feu de circulation brisé'], en: ['a stop sign that is down'], es: ['una señal caída'] },
  },
  'DNG-RUE': {
    fr: ["la charrue n'est pas passée {p}", 'une vraie patinoire {p}, il faut du sable', 'la souffleuse a laissé un banc de neige énorme {p}', "pas déneigé {p} depuis la tempête d'hier"],
    en: ['street never got plowed {p}', 'sheet of ice {p}, cars sliding'],
    es: ['no han quitado la nieve {p}'],
    np: { fr: ['le déneigement', 'de la glace partout dans la rue'], en: ['a street that was not plowed'], es: ['la nieve'] },
  },
  'TRT-BORD': {
    fr: ['le trottoir est tout brisé {p}, ma mère a trébuché', 'bordure de béton cassée {p}', 'une dalle de trottoir soulevée {p}'],
    en: ['sidewalk is heaved up {p}, trip hazard', 'broken curb {p}'],
    es: ['la acera está rota {p}'],
    np: { fr: ['un trottoir brisé'], en: ['a broken sidewalk'], es: ['la acera rota'] },
  },
  'PRO-GRAF': {
    fr: ['des graffitis sur le mur {p}', 'quelqu’un a tagué la clôture {p} cette nuit', 'graffiti sur l’abribus {p}'],
    en: ['graffiti on the wall {p}', 'someone tagged the fence {p}'],
    es: ['pintaron grafiti {p}'],
    np: { fr: ['des graffitis'], en: ['graffiti'], es: ['grafiti'] },
  },
  'COL-MANQ': {
    fr: ["la collecte n'est pas passée {p}", 'le bac bleu a été oublié {p}', 'vidanges pas ramassées {p} cette semaine', 'le bac brun est encore plein {p}, le camion a sauté notre bout'],
    en: ['garbage was not picked up {p}', 'recycling got skipped {p} again'],
    es: ['no recogieron la basura {p}'],
    np: { fr: ['la collecte des ordures', 'le recyclage pas ramassé'], en: ['a missed garbage pickup'], es: ['la basura'] },
  },
  'COL-ENCO': {
    fr: ['je voudrais faire ramasser un vieux divan et un matelas {p}', 'collecte des encombrants svp {p}: frigo et laveuse', 'gros rebuts à ramasser {p}'],
    en: ['I need a bulky pickup for an old couch {p}', 'can you pick up a fridge and a stove {p}'],
    es: ['necesito que recojan un sofá viejo {p}'],
    np: { fr: ['des encombrants à ramasser', 'un vieux frigo à faire ramasser'], en: ['a bulky item pickup'], es: ['muebles viejos'] },
  },
  'DEP-SAUV': {
    fr: ["quelqu'un a jeté des pneus et des sacs de vidanges {p}", 'dépôt sauvage {p}: matelas, meubles, bardeaux', 'encore des déchets abandonnés {p}'],
    en: ['someone dumped a mattress and tires {p}', 'pile of junk dumped {p} overnight'],
    es: ['tiraron basura {p}'],
    np: { fr: ['un dépôt sauvage', 'des pneus jetés'], en: ['junk that someone dumped'], es: ['basura tirada'] },
  },
  'ARB-BRAN': {
    fr: ['une grosse branche est tombée {p}, elle bloque la rue', 'arbre tombé {p} après le vent de cette nuit', 'un arbre mort penche dangereusement {p}'],
    en: ['big branch down {p}', 'tree fell across the road {p}'],
    es: ['se cayó un árbol {p}'],
    np: { fr: ['un arbre tombé', 'une branche cassée'], en: ['a fallen tree'], es: ['un árbol caído'] },
  },
  'AQU-FUIT': {
    fr: ["il y a une fuite d'eau {p}, ça coule dans la rue", 'la borne-fontaine fuit {p}', "bris d'aqueduc {p}, l'eau sort de l'asphalte"],
    en: ['water leak {p}, water running down the street', 'fire hydrant leaking {p}'],
    es: ['hay una fuga de agua {p}'],
    np: { fr: ["une fuite d'eau", 'une borne-fontaine qui coule'], en: ['a water leak'], es: ['una fuga de agua'] },
  },
  'EGO-REFL': {
    fr: ['le puisard est bouché {p}, la rue est inondée', "refoulement d'égout {p}, ça sent mauvais", 'la grille de rue est pleine de feuilles {p}, grosse flaque'],
    en: ['storm drain clogged {p}, street flooding', 'sewer smell and backup {p}'],
    es: ['la alcantarilla está tapada {p}'],
    np: { fr: ['un puisard bouché', "un refoulement d'égout"], en: ['a clogged drain'], es: ['una alcantarilla tapada'] },
  },
  'ANI-MORT': {
    fr: ['un chevreuil mort sur le bord de la route {p}', 'une mouffette morte {p}, ça sent jusque dans la maison', 'chat mort dans la rue {p}'],
    en: ['dead deer on the shoulder {p}', 'dead raccoon {p}'],
    es: ['hay un animal muerto {p}'],
    np: { fr: ['un animal mort', 'un chevreuil mort'], en: ['a dead animal'], es: ['un animal muerto'] },
  },
  'ANI-ERR': {
    fr: ['deux chiens sans laisse se promènent {p}', 'un chien errant {p} depuis trois jours', 'chien en liberté {p}, il a grogné après mon gars'],
    en: ['loose dog running around {p}', 'stray dog {p} for a few days'],
    es: ['hay un perro suelto {p}'],
    np: { fr: ['un chien errant', 'des chiens en liberté'], en: ['a loose dog'], es: ['un perro suelto'] },
  },
  'NUI-BRUT': {
    fr: ['musique à tue-tête {p} tous les soirs', 'party bruyant {p}, il est passé minuit', 'le chien jappe sans arrêt {p}'],
    en: ['loud party {p}, past midnight', 'music blasting {p} every night'],
    es: ['hay mucho ruido {p}'],
    np: { fr: ['du bruit', 'de la musique trop forte'], en: ['noise'], es: ['ruido'] },
  },
  'LAC-QUAL': {
    fr: ["des algues bleues dans le lac {p}, l'eau est verte", "l'eau du lac est brune et sent mauvais {p}", 'écume verte sur la plage {p}'],
    en: ['blue-green algae in the lake {p}', 'the lake water looks brown {p}'],
    es: ['el agua del lago está verde {p}'],
    np: { fr: ['des algues dans le lac', "l'eau du lac"], en: ['algae in the lake'], es: ['algas en el lago'] },
  },
};
const QUESTIONS = [
  { code: null, fr: "L'écocentre est-il ouvert samedi?", en: 'is the ecocentre open on saturday?', es: '¿el ecocentro abre el sábado?' },
  { code: null, fr: "Quelles sont les heures d'ouverture de l'hôtel de ville vendredi?", en: 'what are town hall hours on friday?' },
  { code: 'COL-MANQ', fr: 'C’est quelle journée la collecte du bac brun dans mon secteur?', en: 'what day is compost pickup in my area?', es: '¿qué día pasa la basura?' },
  { code: 'COL-ENCO', fr: 'Comment faire ramasser un vieux frigo? Y a-t-il des frais?', en: 'how do I get an old fridge picked up, is there a fee?' },
  { code: 'DNG-RUE', fr: 'Est-ce que les trottoirs sont déneigés par la municipalité?', en: 'does the town clear the sidewalks in winter?' },
  { code: 'LAC-QUAL', fr: 'Est-ce que la baignade est permise à la plage cette semaine?', en: 'is swimming allowed at the beach this week?' },
  { code: null, fr: 'À qui je parle pour mon compte de taxes?', en: 'who do I talk to about my tax bill?' },
];
const DISTRACT = {
  fr: [() => ` Depuis ${ri(6, 11)} h ${pick(['00', '15', '30'])} ce matin.`, () => ` J'ai déjà appelé le ${ri(2, 28)} ${pick(['octobre', 'novembre'])}.`,
    () => ` Vous pouvez me joindre au 819-555-01${ri(10, 99)}.`, () => ` Ça fait ${ri(2, 6)} voisins qui se plaignent.`,
    () => ` Un pick-up plaqué ${pick(['V12', 'K47', 'G83'])} ${pick(['ABC', 'XZT', 'MPL'])} était là hier.`, () => ` Je paie ${ri(2, 4)} ${ri(100, 900)} $ de taxes par année, je m'attends à mieux.`],
  en: [() => ` since ${ri(6, 11)}:${pick(['00', '30'])} this morning.`, () => ` I already called on ${ri(10, 11)}/${ri(2, 28)}.`, () => ` call me at 819-555-01${ri(10, 99)}.`,
    () => ` ${ri(2, 5)} neighbours have complained.`],
  es: [() => ` desde hace ${ri(2, 5)} días.`],
};
const FIRST = ['Mélanie', 'Jean-François', 'Sylvie', 'Mathieu', 'Josée', 'Réjean', 'Geneviève', 'Patrick', 'Nathalie', 'Gaétan', 'Chantal', 'Kevin', 'Brenda', 'Carlos', 'Ginette', 'Steve'];
const LAST = ['Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné', 'Ouellet', 'Pelletier', 'McKenzie', 'Flores'];

// ---------- composing messages ----------
const tidy = (s) => s.replace(/[ \t]+/g, ' ').replace(/([.!?])\./g, '$1').replace(/ ([,.])/g, '$1').replace(/,,/g, ',')
  .replace(/[ \t]+$/gm, '').replace(/^ /gm, '').trim();
function placePhrase(place, lang, channel) {
  const T = PLACE[lang];
  const style = STYLE[channel]();
  if (lang !== 'fr') style.words = false;
  switch (place.kind) {
    case 'address': {
      const m = uniqueStreetMention(place.st, style, lang);
      const tpl = pick(T.address);
      let s = tpl.replace('{n}', place.row.number).replace('{S}', m.text);
      if (place.unit && chance(0.6)) s += `, ${place.unit}`;
      const cross = chance(0.12) && nearestCross(place);
      if (cross) s += lang === 'fr' ? `, pas loin ${uniqueStreetMention(cross, style, lang).de}` : ` (near ${uniqueStreetMention(cross, style, lang).text})`;
      return s;
    }
    case 'intersection': {
      const [A, B] = uniqueCrossingMention(place.c, style, lang);
      return pick(T.intersection).replace('{dA}', A.de).replace('{dB}', B.de).replace('{A}', A.text).replace('{B}', B.text);
    }
    case 'street': {
      const m = uniqueStreetMention(place.st, style, lang);
      const tpl = pick(T.street.filter((t) => !t.startsWith('dans') || /Montée|Rang|Côte/.test(place.st.type)));
      const art = lang !== 'fr' || !m.kept.type ? '' : place.st.typeAfter ? 'la ' : FEM.has(place.st.type) ? (/^[aeiou]/i.test(place.st.type) ? "l'" : 'la ') : 'le ';
      return tpl.replace('{dS}', m.de).replace('{S}', art + m.text);
    }
    case 'missingNumber': return pick(T.address).replace('{n}', place.num).replace('{S}', uniqueStreetMention(place.st, style, lang).text);
    case 'landmark': return pick(T.landmark).replace('{L}', lang === 'es' ? place.l.name : chance(0.5) ? place.l.name : pick(place.l.aliases.filter((a) => (lang === 'en') === /^(the|town)\b/.test(a))));
    case 'coords': return pick(T.coords).replace('{C}', coordText(place));
    default: return pick(T.none);
  }
}
function sentence(code, lang, place, channel) {
  let s = pick(PROBLEMS[code][lang]).replace('{p}', placePhrase(place, lang, channel));
  if (chance(0.3)) s = s.replace(/[.!?]?$/, '.') + pick(DISTRACT[lang])();
  if (channel === 'sms' && chance(0.6)) s = s.toLowerCase();
  return tidy(s);
}
const phone = () => `+1819555${String(ri(100, 199)).padStart(4, '0')}`;
const person = () => ({ first: pick(FIRST), last: pick(LAST) });
const emailOf = (n) => stripAccents(`${n.first}.${n.last}`).toLowerCase().replace(/[^a-z.-]/g, '') + '@' + pick(['example.com', 'example.ca', 'example.org']);
const localPhone = (e) => `${e.slice(2, 5)} ${e.slice(5, 8)}-${e.slice(8)}`;
function spokenPlace(place, lang) {
  const style = STYLE.transcript();
  if (lang !== 'fr') style.words = false;
  const fr = lang === 'fr', es = lang === 'es';
  switch (place.kind) {
    case 'address': {
      const s = uniqueStreetMention(place.st, style, lang).text;
      const n = place.row.number;
      if (chance(0.45)) {
        const d = n.split('');
        const i = ri(0, d.length - 1);
        d[i] = String((+d[i] + ri(1, 8)) % 10);
        const wrong = d.join('').replace(/^0+/, '') || '9';
        return fr ? `C'est au ${wrong}, non pardon, au ${n} ${s}.` : es ? `En el ${wrong}, no, perdón, el ${n} de la ${s}.` : `It's ${wrong}, no sorry, ${n} ${s}.`;
      }
      return fr ? pick([`C'est au ${n} ${s}.`, `Devant le ${n}, ${s}.`, `${s}, numéro ${n}.`]) : es ? `En el ${n} de la ${s}.` : pick([`It's ${n} ${s}.`, `${s}, number ${n}.`]);
    }
    case 'intersection': {
      const [A, B] = uniqueCrossingMention(place.c, style, lang);
      return fr ? pick([`Au coin ${A.de} et ${B.de}.`, `À l'intersection ${A.de} et ${B.de}.`]) : es ? `En la esquina de ${A.text} y ${B.text}.` : `At the corner of ${A.text} and ${B.text}.`;
    }
    case 'street': {
      const s = uniqueStreetMention(place.st, style, lang).text;
      return fr ? `Sur ${s}, je ne sais pas le numéro.` : es ? `En la ${s}, no sé el número.` : `On ${s}, I don't know the number.`;
    }
    case 'missingNumber': {
      const s = uniqueStreetMention(place.st, style, lang).text;
      return fr ? `C'est au ${place.num} ${s}.` : es ? `En el ${place.num} de la ${s}.` : `It's ${place.num} ${s}.`;
    }
    case 'landmark': return fr ? `Juste devant ${place.l.name}.` : es ? `Frente a ${place.l.name}.` : `Right outside ${place.l.name}.`;
    case 'coords': return fr ? `J'ai les coordonnées GPS : ${place.lat}, ${place.lon}.` : es ? `Tengo las coordenadas: ${place.lat}, ${place.lon}.` : `I have the GPS, ${place.lat}, ${place.lon}.`;
    default: return fr ? pick(["Je ne sais pas l'adresse, c'est près de l'école.", 'Dans le rang, je ne me souviens pas du nom.']) : es ? 'No sé la dirección, cerca de la escuela.' : "I don't know the address, it's near the school.";
  }
}
function transcript(code, lang, place) {
  const [C, K] = lang === 'fr' ? ['Agent :', 'Appelant :'] : lang === 'es' ? ['Agente:', 'Llamante:'] : ['Clerk:', 'Caller:'];
  const np = pick(PROBLEMS[code].np[lang]);
  const who = pick(['Line', 'Éric', 'Manon', 'Dave']);
  const L = {
    fr: [`Municipalité de Sainte-Adélie, ${who} à l'appareil, bonjour.`, `Oui bonjour, j'appelle pour ${np}.`, "D'accord. C'est à quel endroit?", "Merci, c'est noté. On envoie quelqu'un."],
    en: [`Sainte-Adélie town office, this is ${who}, how can I help?`, `Hi, I'm calling about ${np}.`, "Okay. Where is it?", "Thanks, I've logged it."],
    es: [`Municipalidad de Sainte-Adélie, habla ${who}, ¿en qué le ayudo?`, `Hola, llamo por ${np}.`, '¿Dónde está?', 'Gracias, ya quedó registrado.'],
  }[lang];
  const lines = [`${C} ${L[0]}`, `${K} ${L[1]}`, `${C} ${L[2]}`, `${K} ${spokenPlace(place, lang)}`];
  if (chance(0.35) && lang === 'fr') lines.push(`${C} Autre chose?`, `${K} Ça fait ${ri(2, 5)} jours, j'ai appelé ${ri(2, 3)} fois déjà.`);
  lines.push(`${C} ${L[3]}`);
  return lines.join('\n');
}
const SUBJ = {
  fr: { 'VOI-NIDP': 'Nid-de-poule', 'ECL-LAMP': 'Lampadaire', 'SIG-PANN': 'Panneau', 'DNG-RUE': 'Déneigement', 'TRT-BORD': 'Trottoir brisé',
    'PRO-GRAF': 'Graffitis', 'COL-MANQ': 'Collecte oubliée', 'COL-ENCO': 'Encombrants', 'DEP-SAUV': 'Dépôt sauvage', 'ARB-BRAN': 'Arbre tombé',
    'AQU-FUIT': "Fuite d'eau", 'EGO-REFL': 'Égout bouché', 'ANI-MORT': 'Animal mort', 'ANI-ERR': 'Chien errant', 'NUI-BRUT': 'Bruit', 'LAC-QUAL': 'Algues au lac' },
  en: { 'VOI-NIDP': 'Pothole', 'ECL-LAMP': 'Streetlight', 'SIG-PANN': 'Sign down', 'DNG-RUE': 'Snow removal', 'TRT-BORD': 'Sidewalk',
    'PRO-GRAF': 'Graffiti', 'COL-MANQ': 'Missed pickup', 'COL-ENCO': 'Bulky pickup', 'DEP-SAUV': 'Dumping', 'ARB-BRAN': 'Tree down',
    'AQU-FUIT': 'Water leak', 'EGO-REFL': 'Clogged drain', 'ANI-MORT': 'Dead animal', 'ANI-ERR': 'Loose dog', 'NUI-BRUT': 'Noise', 'LAC-QUAL': 'Lake algae' },
};
const fmtAddr = (row) => `${row.number}, ${row.street.replace(/^(Rue|Chemin|Boulevard|Avenue|Montée|Rang|Côte|Impasse|Croissant) /, (m) => m.toLowerCase())}`;
function signature(n, lang, ownRow, ph) {
  const lines = [lang === 'fr' ? pick(['Merci,', 'Bonne journée,', 'Cordialement,']) : lang === 'es' ? 'Gracias,' : pick(['Thanks,', 'Regards,']), `${n.first} ${n.last}`];
  if (ownRow) lines.push(fmtAddr(ownRow), `${CITY} (Québec) ${POSTCODE}`);
  if (ph) lines.push(localPhone(ph));
  return lines.join('\n');
}
function email(code, lang, place, n, ph, mode) {
  const subjectBase = (SUBJ[lang] || SUBJ.en)[code] || (lang === 'fr' ? 'Demande' : 'Request');
  const greet = lang === 'fr' ? pick(['Bonjour,', 'Bonjour à vous,', 'Allô,', '']) : lang === 'es' ? 'Hola,' : pick(['Hello,', 'Hi,', '']);
  let body, subject = subjectBase;
  if (mode.kind === 'mine') {
    const s = pick(PROBLEMS[code][lang]).replace('{p}', lang === 'fr' ? 'devant chez moi' : lang === 'es' ? 'frente a mi casa' : 'outside my house');
    body = `${greet ? greet + "\n\n" : ""}${tidy(s)}.\n\n${signature(n, lang, place.row, ph)}`;
  } else if (mode.kind === 'two') {
    const mine = fmtAddr(mode.ownRow);
    const intro = lang === 'fr' ? `J'habite au ${mine}, mais c'est pour un autre endroit :` : `I live at ${mine}, but this is about another spot:`;
    body = `${greet ? greet + "\n\n" : ""}${intro} ${sentence(code, lang, place, 'email')}.\n\n${signature(n, lang, null, ph)}`;
  } else {
    body = `${greet ? greet + "\n\n" : ""}${sentence(code, lang, place, 'email')}.${lang === 'fr' ? pick(['', ' Merci de faire le suivi.', ' Ça presse un peu.']) : ''}\n\n${signature(n, lang, mode.ownRow, ph)}`;
  }
  if (mode.reply) {
    subject = `${lang === 'fr' ? 'RE' : 'Re'}: ${subjectBase}`;
    body += lang === 'fr'
      ? `\n\nLe lun. 2 nov. 2026 à 09 h 14, Municipalité de Sainte-Adélie <info@sainte-adelie.example.ca> a écrit :\n> Merci pour votre signalement.\n> Pouvez-vous nous préciser l'endroit exact?\n> Réf. ${pick(['QK4T', 'M7RW', 'ZP3H'])}-${ri(20, 99)}`
      : `\n\nOn Mon, Nov 2, 2026 at 9:14 AM Sainte-Adélie <info@sainte-adelie.example.ca> wrote:\n> Thanks for your report.\n> Could you tell us exactly where it is?\n> Ref. ${pick(['QK4T', 'M7RW'])}-${ri(20, 99)}`;
  }
  if (mode.forward) {
    subject = `TR: ${subjectBase}`;
    body = `${pick(['Pouvez-vous entrer celle-ci?', 'Reçu à la réception, à traiter.', 'SVP créer une requête.'])} — ${pick(['Manon', 'Éric'])}, greffe\n\n---------- Message transféré ---------\nDe : ${n.first} ${n.last} <${emailOf(n)}>\nDate : mar. 3 nov. 2026\nObjet : ${subjectBase}\n\n${body}`;
  }
  return { subject, text: tidy(body) };
}
function textFor(channel, code, lang, place, ctx) {
  if (channel === 'transcript') return { text: transcript(code, lang, place), subject: null };
  if (channel === 'email') return email(code, lang, place, ctx.n, ctx.ph, ctx.mode);
  let s = sentence(code, lang, place, channel);
  if (channel === 'whatsapp') s = (lang === 'fr' ? pick(['Bonjour! ', 'Allô, ', '', 'Salut, ']) : lang === 'es' ? 'Hola! ' : pick(['Hi! ', ''])) + s + pick([' 🙏', ' 😡', '', ' 👍']);
  if (channel === 'web') s = s[0].toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.') + (lang === 'fr' ? pick(['', ' Merci!', ' Merci de votre aide.']) : '');
  if (channel === 'sms') s += lang === 'fr' ? pick(['', ' merci', ' svp', ' Merci!', '']) : pick(['', ' thanks', '']);
  return { text: tidy(s), subject: null };
}

// ---------- the corpus plan ----------
const CHANNELS = { sms: 28, email: 22, web: 20, transcript: 15, whatsapp: 15 };
const PRECISIONS = { address: 42, intersection: 20, street: 12, coordinates: 12, landmark: 4, none: 6 };
const LANGS = { fr: 70, en: 25, es: 5 };
const REPORT_CODES = SERVICES.filter((s) => s.code !== FALLBACK).map((s) => s.code);
const T0 = Date.parse('2026-09-01T12:00:00Z'), SPAN_H = 24 * 88;
function placeOf(kind) {
  switch (kind) {
    case 'address': return addressPlace();
    case 'intersection': return crossingPlace();
    case 'street': return streetPlace();
    case 'coordinates': return coordinatePlace();
    case 'landmark': return landmarkPlace();
    default: return nonePlace();
  }
}
function codeFor(place) {
  // lake problems are written about places by the lake: the beach, the lake road, Lakeview or coordinates there
  for (;;) {
    const c = pick(REPORT_CODES);
    // a missed bin or a bulky pickup belongs to one household: an address or no place
    if ((c === 'COL-MANQ' || c === 'COL-ENCO') && place.kind !== 'address' && place.kind !== 'none') continue;
    if (c !== 'LAC-QUAL') return c;
    if (place.kind === 'landmark' && /Plage/.test(place.l.name)) return c;
    if (place.st && (place.st === LAC || place.st === LAKEV)) return c;
  }
}
const plan = [];
for (let i = 0; i < 245; i++) {
  const place = placeOf(weighted(PRECISIONS));
  plan.push({ channel: weighted(CHANNELS), lang: weighted(LANGS), code: codeFor(place), place });
}
for (let i = 0; i < 6; i++) plan.push({ channel: pick(['sms', 'email', 'web']), lang: i < 4 ? 'fr' : 'en', code: 'LAC-QUAL', place: pick([landmarkPlace(LANDMARKS[1]), addressPlace(pick(LAC.rows.filter((r) => !r.unit))), addressPlace(pick(LAKEV.rows))]) });
for (let i = 0; i < 4; i++) plan.push({ channel: 'email', lang: i === 3 ? 'en' : 'fr', code: pick(['ANI-MORT', 'COL-MANQ', 'TRT-BORD', 'ARB-BRAN']), place: addressPlace(), mode: { kind: 'mine' } });
for (let i = 0; i < 6; i++) plan.push({ channel: 'email', lang: i % 3 === 2 ? 'en' : 'fr', code: pick(REPORT_CODES.filter((c) => c !== 'LAC-QUAL')), place: addressPlace(), mode: { kind: 'two', ownRow: pick(houseRows) } });
for (let i = 0; i < 3; i++) {
  const mine = pick(houseRows), place = addressPlace();
  const s = i < 2 ? `j'habite au ${mine.number} ${mine.street.toLowerCase()} mais c'est ${placePhrase(place, 'fr', 'sms')} : ${PROBLEMS['VOI-NIDP'].fr[1].replace(' {p}', '')}`
    : `my address is ${fmtAddr(mine)} but the problem is ${placePhrase(place, 'en', 'sms')}: ${PROBLEMS['VOI-NIDP'].en[0].replace(' {p}', '')}`;
  plan.push({ channel: i ? 'whatsapp' : 'sms', lang: i < 2 ? 'fr' : 'en', code: 'VOI-NIDP', place, rawText: tidy(s) });
}
for (let i = 0; i < 4; i++) plan.push({ channel: 'transcript', lang: i < 2 ? 'fr' : 'en', code: FALLBACK, place: nonePlace(),
  rawText: i < 2 ? 'Message vocal d’un citoyen. Transcription non disponible.' : 'Voice message from a caller. Transcription unavailable.' });
for (const q of QUESTIONS) for (const lang of ['fr', 'en', 'es']) {
  if (!q[lang]) continue;
  const channel = pick(['sms', 'web', 'whatsapp', 'email']);
  plan.push({ channel, lang, code: q.code, place: nonePlace(), intent: 'question', rawText: q[lang], subject: channel === 'email' ? (lang === 'fr' ? 'Question' : lang === 'es' ? 'Pregunta' : 'Question') : null });
}
for (let g = 1; g <= 12; g++) {
  const first = chance(0.7) ? addressPlace() : crossingPlace();
  const code = codeFor(first);
  let t;
  do t = rnd() * (SPAN_H - 72); // unrelated groups of one service stay 150 m or 96 h apart
  while (plan.some((o) => o.group && o.code === code && dist({ lat: o.place.label.lat, lon: o.place.label.long }, { lat: first.label.lat, lon: first.label.long }) < 230 && Math.abs(o.t - t) < 140));
  const size = chance(0.3) ? 3 : 2;
  for (let k = 0; k < size; k++) {
    let place = first;
    if (k > 0 && first.kind === 'address' && chance(0.5)) {
      const near = first.st.rows.filter((r) => !r.unit && r !== first.row && dist(r, first.row) < 35);
      if (near.length) place = addressPlace(pick(near));
    }
    plan.push({ channel: weighted(CHANNELS), lang: weighted(LANGS), code, place, group: `dup-${String(g).padStart(2, '0')}`, t: t + k * ri(1, 20) });
  }
}

function build(spec) {
  const { channel, lang, code, place } = spec;
  const n = person(), ph = phone();
  const mode = spec.mode || { kind: 'plain', ownRow: chance(0.35) ? pick(houseRows) : null, reply: chance(0.12), forward: lang === 'fr' && chance(0.15) };
  const out = spec.rawText ? { text: spec.rawText, subject: spec.subject ?? null } : textFor(channel, code, lang, place, { n, ph, mode });
  const sender = channel === 'email' ? { phone: null, email: mode.forward ? 'greffe@sainte-adelie.example.ca' : emailOf(n) }
    : channel === 'web' ? { phone: chance(0.5) ? ph : null, email: chance(0.6) ? emailOf(n) : null } : { phone: ph, email: null };
  return {
    id: null, channel, text: out.text, subject: channel === 'email' ? out.subject : null, sender, received_at: null,
    expected: { service_code: code, ...place.label, intent: spec.intent || 'report' }, dedupe_group: spec.group || null, lang, _t: spec.t ?? null,
  };
}
const messages = plan.map(build);
const point = (m) => (m.expected.lat == null ? null : { lat: m.expected.lat, lon: m.expected.long });
const placed = messages.filter((x) => x._t != null);
for (const m of messages.filter((x) => x._t == null)) {
  for (let tries = 0; ; tries++) {
    m._t = rnd() * SPAN_H;
    const p = point(m);
    const clash = p && m.expected.service_code && placed.some((o) => o.expected.service_code === m.expected.service_code && point(o)
      && dist(p, point(o)) < 150 && Math.abs(o._t - m._t) < 96);
    if (!clash) break;
    if (tries > 300) throw new Error('cannot place message in time');
  }
  placed.push(m);
}
messages.sort((a, b) => a._t - b._t);
const seq = {};
for (const m of messages) {
  seq[m.channel] = (seq[m.channel] || 0) + 1;
  m.id = `${m.channel}-${String(seq[m.channel]).padStart(4, '0')}`;
  m.received_at = new Date(T0 + Math.round(m._t * 60) * 60000).toISOString().replace('.000Z', 'Z');
  delete m._t;
}

// ---------- write ----------
const csvField = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csv = ['LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID',
  ...rows.map((r) => [r.lon.toFixed(7), r.lat.toFixed(7), r.number, r.street, r.unit, CITY, DISTRICT, REGION, POSTCODE, r.id].map(csvField).join(','))];
fs.writeFileSync(path.join(OUT, 'addresses.csv'), csv.join('\n') + '\n');
fs.writeFileSync(path.join(OUT, 'corpus.jsonl'), messages.map((m) => JSON.stringify(m)).join('\n') + '\n');
const q = (s) => JSON.stringify(s);
const yaml = [
  '# Sainte-Adélie-des-Sables, Québec: a SYNTHETIC town for evaluating Intake (no such municipality exists; streets and points are generated).',
  "# Generated by tools/generate.mjs. Relative paths are read from this file's folder.",
  'jurisdiction:',
  '  id: sainte-adelie-des-sables.example',
  '  name: Municipalité de Sainte-Adélie-des-Sables',
  '  country: CA',
  '  timezone: America/Toronto',
  '  languages: [fr, en]',
  '  landmarks:',
  ...LANDMARKS.map((l) => `    - { name: ${q(l.name)}, aliases: [${l.aliases.map(q).join(', ')}], lat: ${l.lat.toFixed(7)}, long: ${l.lon.toFixed(7)} }`),
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
  ...SERVICES.flatMap((s) => [`  - code: ${s.code}`, `    name: ${q(s.name)}`, `    group: ${q(s.group)}`, `    keywords: [${s.keywords.map(q).join(', ')}]`]),
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
  '',
];
fs.writeFileSync(path.join(OUT, 'intake.yaml'), yaml.join('\n'));
console.log(`streets ${streets.length}, address rows ${rows.length}, crossings ${crossings.length}, messages ${messages.length}`);
if (process.argv.includes('--crossings')) for (const c of crossings) console.log(`${c.A.name} & ${c.B.name}  ${c.d.toFixed(1)} m`);

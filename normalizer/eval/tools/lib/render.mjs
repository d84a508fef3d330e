// How people write places: street names with suffix variants, abbreviations and typos, addresses with
// units, intersections, blocks, coordinates and map links, in English (sms / formal / spoken), French and
// Spanish. Every function returns text only; labels are computed by the generator from the location
// object, never from this text (except pasted coordinates, whose label is the number printed).
import { round } from './geo.mjs';

export function makeRng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (a, b) => a + Math.floor(next() * (b - a + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    weighted: (pairs) => {
      const tot = pairs.reduce((s, [, w]) => s + w, 0);
      let x = next() * tot;
      for (const [v, w] of pairs) { if ((x -= w) < 0) return v; }
      return pairs[pairs.length - 1][0];
    },
    shuffle: (arr) => {
      const a = arr.slice();
      for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(next() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
      return a;
    },
  };
  return r;
}

const SUFFIX = {
  Street: { sms: [['st', 6], ['st.', 1], ['street', 2], ['str', 1]], formal: [['Street', 6], ['St.', 2], ['St', 2]] },
  Avenue: { sms: [['ave', 6], ['av', 2], ['ave.', 1], ['avenue', 2]], formal: [['Avenue', 6], ['Ave.', 2], ['Ave', 2]] },
  Drive: { sms: [['dr', 4], ['drive', 3], ['dr.', 1]], formal: [['Drive', 6], ['Dr.', 2]] },
  Crescent: { sms: [['cres', 4], ['crescent', 3], ['cr', 1]], formal: [['Crescent', 6], ['Cres.', 2]] },
  Court: { sms: [['crt', 3], ['ct', 2], ['court', 3]], formal: [['Court', 6], ['Ct.', 2]] },
  Place: { sms: [['pl', 3], ['place', 3]], formal: [['Place', 6], ['Pl.', 1]] },
  Lane: { sms: [['lane', 3], ['ln', 2]], formal: [['Lane', 1]] },
  Road: { sms: [['rd', 4], ['road', 3]], formal: [['Road', 6], ['Rd.', 2]] },
  Way: { sms: [['way', 1]], formal: [['Way', 1]] },
  Close: { sms: [['close', 1]], formal: [['Close', 1]] },
  Circle: { sms: [['circle', 2], ['cir', 1]], formal: [['Circle', 1]] },
};

// Other ways people spell the name part (not typos).
const BASE_ALT = {
  'Saint Julien': ['St Julien', 'St. Julien', 'Saint Julien'],
  'Big Horn': ['Big Horn', 'Bighorn'],
  'Whiskey Jack': ['Whiskey Jack', 'Whisky Jack'],
};

// Small, realistic misspellings (edit distance 1-2), used in casual text only.
const TYPOS = {
  Bear: ['Baer'], Banff: ['Banf', 'Bannf', 'Banff'], Buffalo: ['Bufallo', 'Buffallo'], Caribou: ['Carribou', 'Cariboo'],
  Beaver: ['Beavor', 'Beever'], Muskrat: ['Muskrt', 'Muskat'], Otter: ['Ottter', 'Oter'], Squirrel: ['Squirel', 'Squirell'],
  Marten: ['Martin', 'Marton'], Grizzly: ['Grizzley', 'Grizly'], Lynx: ['Lynks', 'Linx'], Cougar: ['Couger', 'Cougr'],
  Wolf: ['Wolfe'], Deer: ['Dear'], Spray: ['Sprey'], Jasper: ['Jaspar'], Kluane: ['Kluaine', 'Kluan'], Nahanni: ['Nahani'],
  Glacier: ['Glaicer'], Antelope: ['Antilope'], Eagle: ['Eagel'], Kootenay: ['Kootney', 'Kootenai'], Fairholme: ['Fairholm'],
  Wolverine: ['Wolverene'], Rainbow: ['Rainbo'], Mountain: ['Mountian'], Sundance: ['Sun Dance'], Riverview: ['River View'],
  Lougheed: ['Loughead'], 'Middle Springs': ['Middle Spring'], Porcupine: ['Porcupin'],
};

export function streetParts(name) {
  const words = name.split(' ');
  const last = words[words.length - 1];
  if (SUFFIX[last] && words.length > 1) return { base: words.slice(0, -1).join(' '), suffix: last };
  return { base: name, suffix: null };
}

export class Renderer {
  constructor(gaz, rng) {
    this.g = gaz;
    this.rng = rng;
    const bases = new Map();
    for (const s of gaz.streetPts.keys()) {
      const { base } = streetParts(s);
      bases.set(base.toLowerCase(), (bases.get(base.toLowerCase()) || 0) + 1);
    }
    // A bare name ("bear", "banff") is only used when no other street shares it and it is not the first
    // word of another street's name ("Mountain" vs "Mountain Goat Lane", "Springs" vs "Middle Springs").
    this.bareOk = new Set();
    const all = [...gaz.streetPts.keys()].map((s) => s.toLowerCase());
    for (const s of gaz.streetPts.keys()) {
      const b = streetParts(s).base.toLowerCase();
      const clash = all.filter((o) => o !== s.toLowerCase() && (o.startsWith(b + ' ') || o.endsWith(' ' + b + ' ' + o.split(' ').pop())));
      if (bases.get(b) === 1 && clash.length === 0) this.bareOk.add(s);
    }
    this.allBases = new Set([...bases.keys()]);
  }

  // ---- street names -------------------------------------------------------------------------
  /** style: 'sms' | 'formal' | 'spoken'; opts.bare allows dropping the suffix, opts.typo a misspelling. */
  street(name, style, opts = {}) {
    const r = this.rng;
    const { base, suffix } = streetParts(name);
    let b = BASE_ALT[base] ? r.pick(BASE_ALT[base]) : base;
    if (style === 'sms' && opts.typo && TYPOS[base] && r.chance(opts.typoRate ?? 0.14)) {
      const t = r.pick(TYPOS[base]);
      if (!this.allBases.has(t.toLowerCase())) b = t;
    }
    const mayBare = opts.bare !== false && this.bareOk.has(name) && suffix;
    if (style === 'spoken') {
      if (mayBare && r.chance(0.3)) return b;
      return suffix ? `${b} ${suffix}` : b;
    }
    if (style === 'formal') {
      if (!suffix) return b;
      return `${b} ${r.weighted(SUFFIX[suffix].formal)}`;
    }
    // sms
    const low = r.chance(0.8);
    const bb = low ? b.toLowerCase() : b;
    if (mayBare && r.chance(opts.bareRate ?? 0.22)) return bb;
    if (!suffix) return bb;
    const suf = r.weighted(SUFFIX[suffix].sms);
    return `${bb} ${low ? suf : suf[0].toUpperCase() + suf.slice(1)}`;
  }

  frStreet(name, withArticle) {
    const r = this.rng;
    const { base, suffix } = streetParts(name);
    if (suffix === 'Street' && r.chance(0.75)) return withArticle ? `la rue ${base}` : `rue ${base}`;
    if (suffix === 'Avenue' && r.chance(0.75)) return withArticle ? `l'avenue ${base}` : `avenue ${base}`;
    return this.street(name, r.chance(0.5) ? 'formal' : 'sms', { bare: false, typo: false });
  }

  esStreet(name, withArticle) {
    const r = this.rng;
    const { base, suffix } = streetParts(name);
    if (suffix === 'Street' && r.chance(0.7)) return withArticle ? `la calle ${base}` : `calle ${base}`;
    if (suffix === 'Avenue' && r.chance(0.7)) return withArticle ? `la avenida ${base}` : `avenida ${base}`;
    return this.street(name, r.chance(0.5) ? 'formal' : 'sms', { bare: false, typo: false });
  }

  // ---- addresses ------------------------------------------------------------------------------
  /** A bare address, e.g. "211 bear st", "#211 Bear", "211 Bear Street, Banff". */
  addressBare(a, style, lang = 'en') {
    const r = this.rng;
    if (lang === 'fr') {
      const st = this.frStreet(a.street, false);
      return r.weighted([[`${a.number} ${st}`, 5], [`${a.number}, ${st}`, 2]]);
    }
    if (lang === 'es') {
      const st = this.esStreet(a.street, false);
      if (/^(calle|avenida) /.test(st)) return r.weighted([[`${st} ${a.number}`, 3], [`${st} #${a.number}`, 1], [`${st} número ${a.number}`, 1]]);
      return `${a.number} ${st}`;
    }
    const st = this.street(a.street, style, { typo: style === 'sms' });
    if (style === 'sms') return r.weighted([[`${a.number} ${st}`, 10], [`#${a.number} ${st}`, 1.2]]);
    if (style === 'formal') {
      return r.weighted([[`${a.number} ${st}`, 7], [`${a.number} ${st}, Banff`, 2], [`${a.number} ${st}, Banff, AB`, 1]]);
    }
    return `${a.number} ${st}`;
  }

  /** An address with a unit, Canadian style ("3-211 Bear St") and others. */
  unitBare(a, style) {
    const r = this.rng;
    const u = r.pick(['2', '3', '4', '5', '6', '8', '12', '101', '203', 'B']);
    const st = this.street(a.street, style === 'sms' ? 'sms' : 'formal', { typo: style === 'sms', bare: false });
    const forms = style === 'sms'
      ? [`unit ${u} ${a.number} ${st}`, `${u}-${a.number} ${st}`, `#${u} ${a.number} ${st}`, `${a.number} ${st} unit ${u}`, `apt ${u} ${a.number} ${st}`]
      : [`Unit ${u}, ${a.number} ${st}`, `${u}-${a.number} ${st}`, `Suite ${u}, ${a.number} ${st}`, `${a.number} ${st}, Unit ${u}`, `Apt. ${u}, ${a.number} ${st}`];
    return r.pick(forms);
  }

  addressPhrase(a, style, lang = 'en', opts = {}) {
    const r = this.rng;
    const bare = opts.unit ? this.unitBare(a, style) : this.addressBare(a, style, lang);
    if (lang === 'fr') {
      return r.weighted([[`au ${bare}`, 4], [`devant le ${bare}`, 3], [`en face du ${bare}`, 2], [`près du ${bare}`, 2], [`à côté du ${bare}`, 1]]);
    }
    if (lang === 'es') {
      if (/^(calle|avenida)/.test(bare)) return r.weighted([[`en la ${bare}`, 4], [`frente a la ${bare}`, 1]]);
      return r.weighted([[`en el ${bare}`, 3], [`frente al ${bare}`, 3], [`cerca del ${bare}`, 2], [`enfrente del ${bare}`, 1]]);
    }
    if (!opts.unit && style !== 'spoken' && r.chance(0.06)) {
      const st = this.street(a.street, style, { typo: style === 'sms', bare: false });
      return r.pick([`on ${st} in front of ${a.number}`, `on ${st} outside ${a.number}`, `on ${st} by number ${a.number}`]);
    }
    return r.weighted([
      [`at ${bare}`, 5], [`outside ${bare}`, 3], [`in front of ${bare}`, 3], [`across from ${bare}`, 2], [`near ${bare}`, 2],
      [`by ${bare}`, 2], [`next to ${bare}`, 1], [`beside ${bare}`, 1], [`behind ${bare}`, 1], [`on the street outside ${bare}`, 0.5],
    ]);
  }

  /** "211 bear st near caribou" - an address plus the nearest cross street (label stays the address). */
  addressCrossPhrase(a, cross, style, lang = 'en') {
    const r = this.rng;
    const bare = this.addressBare(a, style === 'spoken' ? 'spoken' : style, lang);
    const c = style === 'sms' ? this.street(cross, 'sms', { bare: true }) : this.street(cross, 'formal', { bare: r.chance(0.5) });
    if (lang === 'fr') return r.pick([`au ${bare}, près de ${this.frStreet(cross, true)}`, `devant le ${bare} (coin ${streetParts(cross).base})`]);
    if (lang === 'es') { const en = /^(calle|avenida)/.test(bare) ? `en la ${bare}` : `en el ${bare}`; const fr = /^(calle|avenida)/.test(bare) ? `frente a la ${bare}` : `frente al ${bare}`; return r.pick([`${en}, cerca de ${this.esStreet(cross, true)}`, `${fr}, casi esquina con ${streetParts(cross).base}`]); }
    return r.pick([`at ${bare} (corner of ${c})`, `outside ${bare} near ${c}`, `at ${bare} just off ${c}`, `in front of ${bare}, by ${c}`, `at ${bare} near the ${c} corner`]);
  }

  // ---- intersections ----------------------------------------------------------------------------
  interBare(x, style, lang = 'en') {
    const r = this.rng;
    let [s1, s2] = r.chance(0.5) ? [x.a, x.b] : [x.b, x.a];
    if (lang === 'fr') {
      const A = this.frStreet(s1, true), B = this.frStreet(s2, true);
      return r.pick([`${A} et ${B}`, `${streetParts(s1).base} et ${streetParts(s2).base}`, `${A} et ${streetParts(s2).base}`]);
    }
    if (lang === 'es') {
      const A = this.esStreet(s1, true), B = this.esStreet(s2, true);
      return r.pick([`${A} y ${B}`, `${streetParts(s1).base} y ${streetParts(s2).base}`, `${A} con ${B}`]);
    }
    const opt = { typo: style === 'sms', bare: true, bareRate: style === 'sms' ? 0.45 : 0.3 };
    const A = this.street(s1, style, opt);
    const B = this.street(s2, style, A.toLowerCase().startsWith(streetParts(s1).base.toLowerCase()) ? opt : { ...opt, typo: false });
    if (style === 'sms') return r.weighted([[`${A} and ${B}`, 4], [`${A} & ${B}`, 4], [`${A}/${B}`, 1.5], [`${A} at ${B}`, 2], [`${A} n ${B}`, 0.5]]);
    if (style === 'formal') return r.weighted([[`${A} and ${B}`, 5], [`${A} & ${B}`, 2], [`${A} at ${B}`, 1]]);
    return r.weighted([[`${A} and ${B}`, 5], [`${A} at ${B}`, 1]]);
  }

  interPhrase(x, style, lang = 'en') {
    const r = this.rng;
    const bare = this.interBare(x, style, lang);
    if (lang === 'fr') return r.weighted([[`au coin de ${bare}`, 4], [`à l'intersection de ${bare}`, 2], [`près du coin de ${bare}`, 1]]);
    if (lang === 'es') return r.weighted([[`en la esquina de ${bare}`, 4], [`en el cruce de ${bare}`, 2], [`cerca de la esquina de ${bare}`, 1]]);
    if (/ at /.test(bare)) return r.pick([`on ${bare}`, `on ${bare}`, `right on ${bare}`]);
    return r.weighted([
      [`at the corner of ${bare}`, 4], [`on the corner of ${bare}`, 2], [`at ${bare}`, 4], [`at the intersection of ${bare}`, 2],
      [`near ${bare}`, 1.5], [`by ${bare}`, 1], [`where ${bare.replace(/ (and|&|n) /, ' meets ').replace('/', ' meets ')}`, 0.7],
      [style === 'sms' ? `corner of ${bare}` : `at the ${bare} intersection`, 1.2],
    ]);
  }

  // ---- street only / blocks ------------------------------------------------------------------
  streetPhrase(name, style, lang = 'en') {
    const r = this.rng;
    if (lang === 'fr') return r.pick([`sur ${this.frStreet(name, true)}`, `dans ${this.frStreet(name, true)}`]);
    if (lang === 'es') return r.pick([`en ${this.esStreet(name, true)}`, `por ${this.esStreet(name, true)}`]);
    const st = this.street(name, style, { typo: style === 'sms', bare: true });
    return r.weighted([[`on ${st}`, 6], [`along ${st}`, 2], [`somewhere on ${st}`, 2], [`on ${st} (not sure of the number)`, 1], [`partway down ${st}`, 1]]);
  }

  blockPhrase(name, block, style, lang = 'en') {
    const r = this.rng;
    const st = lang === 'en' ? this.street(name, style, { typo: style === 'sms', bare: true }) : (lang === 'fr' ? this.frStreet(name, true) : this.esStreet(name, true));
    if (lang === 'fr') return `dans le bloc ${block} de ${st}`;
    if (lang === 'es') return `en la cuadra ${block} de ${st}`;
    return r.weighted([[`on the ${block} block of ${st}`, 5], [`in the ${block} block of ${st}`, 2], [`${block} block ${st}`, style === 'sms' ? 2 : 0], [`along the ${block} block of ${st}`, 1]]);
  }

  // ---- coordinates and links --------------------------------------------------------------------
  /** Pasted coordinates. Returns { text, lat, long } where lat/long are exactly what is printed. */
  coords(p) {
    const r = this.rng;
    const n = r.pick([4, 5, 5, 6, 6]);
    const lat = round(p.lat, n), lon = round(p.long, n);
    const f = (x) => x.toFixed(n);
    const KINDS = ['plain', 'nospace', 'labelled', 'plain', 'hemi', 'paren', 'plain', 'dms', 'nospace'];
    const kind = KINDS[(this.coordTurn = (this.coordTurn ?? -1) + 1) % KINDS.length];
    if (kind === 'dms') {
      const dms = (x) => {
        const a = Math.abs(x); const d = Math.floor(a); const mf = (a - d) * 60; const m = Math.floor(mf); const s = Math.round((mf - m) * 600) / 10;
        return { d, m, s };
      };
      const A = dms(p.lat), B = dms(p.long);
      const text = `${A.d}°${String(A.m).padStart(2, '0')}'${A.s.toFixed(1)}"N ${B.d}°${String(B.m).padStart(2, '0')}'${B.s.toFixed(1)}"W`;
      return { text, lat: round(A.d + A.m / 60 + A.s / 3600, 6), long: -round(B.d + B.m / 60 + B.s / 3600, 6), format: 'dms' };
    }
    if (kind === 'hemi') return { text: `${f(lat)}° N, ${f(Math.abs(lon))}° W`, lat, long: lon, format: 'hemi' };
    if (kind === 'nospace') return { text: `${f(lat)},${f(lon)}`, lat, long: lon, format: 'nospace' };
    if (kind === 'labelled') return { text: r.pick([`lat ${f(lat)} long ${f(lon)}`, `Lat: ${f(lat)}, Lon: ${f(lon)}`, `latitude ${f(lat)} longitude ${f(lon)}`]), lat, long: lon, format: 'labelled' };
    if (kind === 'paren') return { text: `(${f(lat)}, ${f(lon)})`, lat, long: lon, format: 'paren' };
    return { text: `${f(lat)}, ${f(lon)}`, lat, long: lon, format: 'plain' };
  }

  /** A pasted map link. Returns { text, lat, long, format }. */
  link(p, format) {
    const r = this.rng;
    const c = (n) => ({ lat: round(p.lat, n), long: round(p.long, n), la: p.lat.toFixed(n), lo: p.long.toFixed(n) });
    const z = r.pick(['17z', '18z', '19z', '17.5z', '20z']);
    switch (format) {
      case 'google-at': { const k = c(7); return { text: `https://www.google.com/maps/@${k.la},${k.lo},${z}`, lat: k.lat, long: k.long, format }; }
      case 'google-q': { const k = c(6); return { text: r.pick([`https://www.google.com/maps?q=${k.la},${k.lo}`, `https://www.google.com/maps/?q=${k.la},${k.lo}`]), lat: k.lat, long: k.long, format }; }
      case 'maps-google-q': { const k = c(6); return { text: `https://maps.google.com/?q=${k.la},${k.lo}`, lat: k.lat, long: k.long, format }; }
      case 'google-search': { const k = c(6); return { text: `https://www.google.com/maps/search/?api=1&query=${k.la}%2C${k.lo}`, lat: k.lat, long: k.long, format }; }
      case 'apple': { const k = c(6); return { text: r.pick([`https://maps.apple.com/?ll=${k.la},${k.lo}&q=Dropped%20Pin`, `https://maps.apple.com/?ll=${k.la},${k.lo}`, `https://maps.apple.com/?q=Marked%20Location&ll=${k.la},${k.lo}&t=m`]), lat: k.lat, long: k.long, format }; }
      case 'osm-mlat': { const k = c(5); return { text: `https://www.openstreetmap.org/?mlat=${k.la}&mlon=${k.lo}#map=18/${k.la}/${k.lo}`, lat: k.lat, long: k.long, format }; }
      case 'osm-map': { const k = c(5); return { text: `https://www.openstreetmap.org/#map=${r.pick(['18', '19'])}/${k.la}/${k.lo}`, lat: k.lat, long: k.long, format }; }
      case 'geo': { const k = c(6); return { text: r.pick([`geo:${k.la},${k.lo}`, `geo:${k.la},${k.lo}?z=18`]), lat: k.lat, long: k.long, format }; }
      default: throw new Error('link format ' + format);
    }
  }

  coordPhrase(c, style, lang = 'en') {
    const r = this.rng;
    if (lang === 'fr') return r.pick([`ici : ${c.text}`, `(position : ${c.text})`, `à ${c.text}`]);
    if (lang === 'es') return r.pick([`aquí: ${c.text}`, `(ubicación: ${c.text})`, `en ${c.text}`]);
    return r.weighted([[`at ${c.text}`, 3], [`here: ${c.text}`, 2], [`(${c.text})`, c.text.startsWith('(') ? 0 : 1.5], [`- gps says ${c.text}`, 1], [`at these coords ${c.text}`, 1], [`location ${c.text}`, 1]]);
  }

  linkPhrase(l, style, lang = 'en') {
    const r = this.rng;
    if (lang === 'fr') return r.pick([`ici ${l.text}`, `(position : ${l.text})`, `(voir ${l.text})`]);
    if (lang === 'es') return r.pick([`aquí ${l.text}`, `(ubicación: ${l.text})`, `(mira: ${l.text})`]);
    return r.weighted([[`here ${l.text}`, 3], [`right here: ${l.text}`, 1], [`(${l.text})`, 2], [`- pin: ${l.text}`, 1], [`at this spot ${l.text}`, 1], [`see ${l.text}`, 1]]);
  }

  // ---- landmarks ------------------------------------------------------------------------------
  townHall(style, lang = 'en') {
    const r = this.rng;
    if (lang === 'fr') return r.pick([`devant le Town Hall`, `près de l'hôtel de ville`, `devant l'hôtel de ville (town hall)`]);
    if (lang === 'es') return r.pick([`frente al Town Hall`, `cerca del ayuntamiento`, `frente al town hall`]);
    const t = style === 'sms' ? r.pick(['town hall', 'the town hall', 'Town Hall']) : r.pick(['Town Hall', 'the Town Hall', 'Banff Town Hall', 'the Banff Town Hall']);
    return r.pick([`outside ${t}`, `in front of ${t}`, `across from ${t}`, `by ${t}`, `right next to ${t}`, `at ${t}`]);
  }

  park(style, lang = 'en') {
    const r = this.rng;
    if (lang === 'fr') return r.pick([`dans Central Park`, `au Central Park`, `dans le parc Central Park`]);
    if (lang === 'es') return r.pick([`en el Central Park`, `en el parque Central Park`]);
    const t = style === 'sms' ? r.pick(['central park', 'Central Park', 'the park by the river']) : r.pick(['Central Park', 'Central Park', 'the park by the river']);
    return r.pick([`in ${t}`, `at ${t}`, `near the entrance to ${t}`, `by the path in ${t}`]);
  }
}

// ---- numbers spoken on a phone call ------------------------------------------------------------
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
function twoDigits(n) {
  if (n < 20) return ONES[n];
  return TENS[Math.floor(n / 10)] + (n % 10 ? '-' + ONES[n % 10] : '');
}
/** "211" -> "two-eleven", "340" -> "three-forty", "405" -> "four-oh-five" (how house numbers are said). */
export function spokenNumber(num) {
  const n = Number(num);
  if (n < 100) return twoDigits(n);
  const h = Math.floor(n / 100), rest = n % 100;
  if (rest === 0) return `${ONES[h]} hundred`;
  if (rest < 10) return `${ONES[h]}-oh-${ONES[rest]}`;
  return `${ONES[h]}-${twoDigits(rest)}`;
}

/**
 * Numbers said in words, as callers give their address on the phone: "one-twenty-five" (125), "two fourteen" (214),
 * "four oh four" (404), "one hundred and five", "deux cent quatorze", "ciento veinticinco".
 */

type NumberWord = { value: number; kind: 'digit' | 'zero' | 'teen' | 'tens' | 'hundreds' | 'hundred' | 'thousand' };

const entries = (kind: NumberWord['kind'], table: Record<string, number>) =>
  Object.entries(table).map(([word, value]) => [word, { value, kind }] as const);

const WORDS = new Map<string, NumberWord>([
  ...entries('zero', { zero: 0, oh: 0, o: 0, cero: 0 }),
  ...entries('digit', {
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    un: 1,
    une: 1,
    deux: 2,
    trois: 3,
    quatre: 4,
    cinq: 5,
    sept: 7,
    huit: 8,
    neuf: 9,
    uno: 1,
    dos: 2,
    tres: 3,
    cuatro: 4,
    cinco: 5,
    seis: 6,
    siete: 7,
    ocho: 8,
    nueve: 9,
  }),
  ...entries('teen', {
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    dix: 10,
    onze: 11,
    douze: 12,
    treize: 13,
    quatorze: 14,
    quinze: 15,
    seize: 16,
    diez: 10,
    once: 11,
    doce: 12,
    trece: 13,
    catorce: 14,
    quince: 15,
    dieciseis: 16,
    diecisiete: 17,
    dieciocho: 18,
    diecinueve: 19,
    veintiuno: 21,
    veintiun: 21,
    veintidos: 22,
    veintitres: 23,
    veinticuatro: 24,
    veinticinco: 25,
    veintiseis: 26,
    veintisiete: 27,
    veintiocho: 28,
    veintinueve: 29,
  }),
  ...entries('tens', {
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
    vingt: 20,
    trente: 30,
    quarante: 40,
    cinquante: 50,
    soixante: 60,
    septante: 70,
    huitante: 80,
    octante: 80,
    nonante: 90,
    veinte: 20,
    treinta: 30,
    cuarenta: 40,
    cincuenta: 50,
    sesenta: 60,
    setenta: 70,
    ochenta: 80,
    noventa: 90,
  }),
  ...entries('hundreds', {
    cien: 100,
    ciento: 100,
    doscientos: 200,
    trescientos: 300,
    cuatrocientos: 400,
    quinientos: 500,
    seiscientos: 600,
    setecientos: 700,
    ochocientos: 800,
    novecientos: 900,
  }),
  ...entries('hundred', { hundred: 100, cent: 100, cents: 100 }),
  ...entries('thousand', { thousand: 1000, mille: 1000, mil: 1000 }),
]);

/** Joiners inside a said number: "one hundred and five", "vingt et un", "treinta y dos". */
const JOINERS = new Set(['and', 'et', 'y']);

export const isNumberWord = (word: string): boolean => WORDS.has(word);

/** A full cardinal ("one hundred twenty-five", "deux cent quatorze", "soixante-quinze", "quatre-vingt-dix"). */
function cardinal(words: readonly NumberWord[]): number | null {
  let total = 0;
  let chunk = 0;
  let last: NumberWord | null = null;
  for (const word of words) {
    if (word.kind === 'thousand') [total, chunk] = [total + (chunk || 1) * 1000, 0];
    else if (word.kind === 'hundred') {
      if (chunk % 100 >= 10) return null;
      chunk = chunk - (chunk % 100) + (chunk % 100 || 1) * 100;
    } else if (word.value === 20 && last?.kind === 'digit' && last.value === 4)
      chunk += 80 - 4; // quatre-vingt
    else {
      const below = chunk % 100;
      const fits =
        below === 0 ||
        (word.kind === 'digit' && below % 10 === 0) ||
        (word.kind === 'teen' && word.value < 20 && (below === 60 || below === 80)); // soixante-dix, quatre-vingt-douze
      if (!fits || word.kind === 'zero' || (word.kind === 'hundreds' && chunk !== 0)) return null;
      chunk += word.value;
    }
    last = word;
  }
  return total + chunk;
}

/** A house number said in parts, English style: "one twenty-five" is 1|25, "four oh four" is 4|0|4. */
function inParts(words: readonly NumberWord[]): number | null {
  let digits = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (word.kind === 'hundred' || word.kind === 'thousand' || word.kind === 'hundreds') return null;
    if (word.kind === 'tens' && next?.kind === 'digit') {
      digits += String(word.value + next.value);
      i += 1;
    } else digits += String(word.value);
  }
  return digits === '' || digits.startsWith('0') ? null : Number(digits);
}

/** The value of words that say a number, or null when they do not read as one. */
export function parseSpelledNumber(tokens: readonly string[]): number | null {
  const words = tokens.filter((token) => !JOINERS.has(token)).map((token) => WORDS.get(token));
  if (words.length === 0 || words.some((word) => word === undefined)) return null;
  const known = words as NumberWord[];
  const value = cardinal(known) ?? inParts(known);
  return value !== null && value > 0 ? value : null;
}

/** The said number that ends at token index `end` (joiners allowed inside), as its first index and value. */
export function spelledNumberEndingAt(norms: readonly string[], end: number): { start: number; value: number } | null {
  if (!isNumberWord(norms[end] ?? '')) return null;
  let start = end;
  while (start > 0 && (isNumberWord(norms[start - 1]!) || (JOINERS.has(norms[start - 1]!) && isNumberWord(norms[start - 2] ?? ''))))
    start -= 1;
  // A lone "one" or "un" is an article as often as a number: "one bear", "un ours".
  if (start === end && WORDS.get(norms[end]!)!.value === 1) return null;
  const value = parseSpelledNumber(norms.slice(start, end + 1));
  return value === null ? null : { start, value };
}

/** Month names and abbreviations: "nov 2", "le 3 décembre" are dates, not addresses. */
export const MONTHS: ReadonlySet<string> = new Set([
  'jan',
  'january',
  'feb',
  'february',
  'mar',
  'march',
  'apr',
  'april',
  'may',
  'jun',
  'june',
  'jul',
  'july',
  'aug',
  'august',
  'sep',
  'sept',
  'september',
  'oct',
  'october',
  'nov',
  'november',
  'dec',
  'december',
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
]);

/** Words that make the number before them a time, a length, a count of something: "at 5 pm", "by 2 hours". */
export const MEASURES: ReadonlySet<string> = new Set([
  ':',
  '%',
  '°',
  'am',
  'pm',
  'h',
  'hr',
  'hrs',
  'hour',
  'hours',
  'min',
  'mins',
  'minute',
  'minutes',
  'sec',
  'secs',
  'seconds',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'oclock',
  'times',
  'cm',
  'mm',
  'm',
  'km',
  'ft',
  'feet',
  'foot',
  'inch',
  'inches',
  'metre',
  'metres',
  'meter',
  'meters',
  'kg',
  'lb',
  'lbs',
  'heure',
  'heures',
  'jour',
  'jours',
  'semaine',
  'semaines',
  'mois',
  'an',
  'ans',
  'fois',
  'hora',
  'horas',
  'minutos',
  'dia',
  'dias',
  'semana',
  'semanas',
  'mes',
  'meses',
  'ano',
  'anos',
  'metros',
  'veces',
]);

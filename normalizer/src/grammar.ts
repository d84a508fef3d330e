import { describesState } from './english.js';
import type { Language } from './language.js';
import type { Match } from './terms.js';

/**
 * The few grammar rules the classifier needs to tell what a report is about from where and by what: place phrases,
 * nouns that qualify nouns, things said to be damaged. Word lists in English, French and Spanish, accents folded.
 */

/** Words after "in", "on", "by the"... say where or by what, not what is wrong: "ice on the sidewalk", "cracked by the plow". */
export const SETTING_FACTOR = 0.5;
/** "Buried in snow", "covered with graffiti": the phrase is the content, nearly as much as a subject would be. */
const FILLED_FACTOR = 0.8;
const DAMAGE_WINDOW = 6;
/** Hints and verbs ("bloquea") are not things that can be damaged. */
const MIN_DAMAGED_WEIGHT = 0.5;

const PREPOSITIONS = new Set([
  'in',
  'on',
  'at',
  'near',
  'over',
  'under',
  'across',
  'along',
  'into',
  'onto',
  'through',
  'from',
  'by',
  'behind',
  'beside',
  'around',
  'inside',
  'outside',
  'with',
  'up',
  'off',
  'against',
  'dans',
  'sur',
  'sous',
  'pres',
  'devant',
  'derriere',
  'contre',
  'par',
  'avec',
  'chez',
  'en',
  'sobre',
  'bajo',
  'cerca',
  'frente',
  'detras',
  'junto',
  'por',
  'desde',
  'con',
  'entre',
]);
/** Words between a preposition and its noun: "on the", "in my", "near our old". */
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'my',
  'our',
  'your',
  'his',
  'her',
  'their',
  'this',
  'that',
  'these',
  'those',
  'some',
  'le',
  'la',
  'les',
  'l',
  'un',
  'une',
  'des',
  'du',
  'mon',
  'ma',
  'mes',
  'notre',
  'nos',
  'votre',
  'ce',
  'cette',
  'ces',
  'el',
  'los',
  'las',
  'una',
  'unos',
  'unas',
  'mi',
  'mis',
  'nuestro',
  'nuestra',
  'su',
  'sus',
  'este',
  'esta',
  'al',
  'del',
]);
/** French and Spanish put the qualifier after "de": "bac de recyclage", "señal de estacionamiento". */
const OF = new Set(['de', 'd', 'du', 'des', 'del']);
/** "in front of", "next to", "près de", "cerca de": an "of" or "to" that ends a preposition. */
const PREPOSITION_HEADS = new Set([
  'front',
  'top',
  'side',
  'middle',
  'end',
  'next',
  'close',
  'outside',
  'inside',
  'pres',
  'face',
  'cote',
  'long',
  'cerca',
  'frente',
  'delante',
  'detras',
  'encima',
  'debajo',
  'dentro',
  'fuera',
  'lado',
]);
/** Words that say a thing is damaged: "broken", "fissuré", "caído". */
const DAMAGE = new Set([
  'broken',
  'broke',
  'break',
  'crack',
  'cracks',
  'cracked',
  'damaged',
  'missing',
  'crumbling',
  'loose',
  'bent',
  'knocked',
  'flattened',
  'fallen',
  'fell',
  'collapsed',
  'leaning',
  'torn',
  'smashed',
  'shattered',
  'dented',
  'brise',
  'brisee',
  'casse',
  'cassee',
  'endommage',
  'endommagee',
  'fissure',
  'fissuree',
  'manquant',
  'manquante',
  'tombe',
  'tombee',
  'renverse',
  'renversee',
  'penche',
  'arrache',
  'arrachee',
  'defonce',
  'roto',
  'rota',
  'rotos',
  'rotas',
  'danado',
  'danada',
  'agrietado',
  'agrietada',
  'caido',
  'caida',
  'suelto',
  'suelta',
  'doblado',
  'doblada',
  'chocado',
  'quebrado',
  'quebrada',
]);
/** "Does not work", "ne marche plus", "no funciona": a thing said not to work is as good as broken. */
const WORKING = new Set([
  'work',
  'works',
  'working',
  'worked',
  'marche',
  'marchent',
  'fonctionne',
  'fonctionnent',
  'funciona',
  'funcionan',
  'sirve',
  'prende',
]);
const NEGATIONS = new Set(['not', 't', 'no', 'never', 'ne', 'n', 'pas', 'plus', 'jamais', 'nunca', 'ya']);
const NEGATION_WINDOW = 2;
const saidNotToWork = (tokens: readonly string[], d: number) =>
  WORKING.has(tokens[d]!) && tokens.slice(Math.max(0, d - NEGATION_WINDOW), d).some((token) => NEGATIONS.has(token));

/** "The cover is loose, bangs...": after these a damage word says something of what came before. */
const COPULAS = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  's',
  'got',
  'gets',
  'get',
  'looks',
  'seems',
  'still',
  'now',
  'all',
]);
/** Words that join two things in one phrase: "on the sign and the lamp post". */
const AND = new Set(['and', 'or', 'et', 'ou', 'y', 'o']);
/** Words that make the phrase after them the content, not the setting: "buried in snow", "covered with graffiti". */
const FILLED = new Set([
  'buried',
  'covered',
  'full',
  'filled',
  'packed',
  'piled',
  'caked',
  'coated',
  'clogged',
  'plugged',
  'littered',
  'strewn',
  'sprayed',
  'flooded',
  'overflowing',
  'couvert',
  'couverte',
  'couverts',
  'plein',
  'pleine',
  'pleins',
  'rempli',
  'remplie',
  'enseveli',
  'ensevelie',
  'bouche',
  'cubierto',
  'cubierta',
  'lleno',
  'llena',
  'tapado',
  'tapada',
  'enterrado',
  'enterrada',
]);
/** "Llamo por un perro muerto", "calling about a dog": what a caller calls for is the subject, not a place. */
const CALLING = new Set(['calling', 'call', 'llamo', 'llamando', 'llamaba', 'escribo', 'appelle', 'appelais']);
/** English verbs and participles ("drain blocked", "car parked") are not nouns a word before them could qualify. */
const VERB_FORM = /(?:ed|ing)$/;

function isPreposition(tokens: readonly string[], k: number): boolean {
  const word = tokens[k];
  if (word === undefined) return false;
  return PREPOSITIONS.has(word) || ((word === 'of' || word === 'to' || OF.has(word)) && PREPOSITION_HEADS.has(tokens[k - 1] ?? ''));
}

/**
 * How much the words before a match make it the setting rather than the subject: "on the sidewalk", "in front of the
 * hydrant", "by the plow", "on the pedestrian sign" (one qualifier allowed), and what is joined to a setting by "and";
 * never across punctuation ("devant le 183 3e avenue, le lampadaire": the place is gone, the comma stays).
 */
export function settingFactor(
  tokens: readonly string[],
  breaks: ReadonlySet<number>,
  start: number,
  previous: { end: number; setting: number } | null,
): number {
  let k = start - 1;
  while (k >= 0 && start - k <= 3 && DETERMINERS.has(tokens[k]!)) k -= 1;
  if (AND.has(tokens[k] ?? '') && previous !== null && previous.end === k) return previous.setting;
  if (!isPreposition(tokens, k) && isPreposition(tokens, k - 1) && !DETERMINERS.has(tokens[k] ?? ''))
    k -= 1; // "on pedestrian sign"
  else if (!isPreposition(tokens, k) && DETERMINERS.has(tokens[k - 1] ?? '')) {
    k -= 1; // "on the pedestrian sign"
    while (k >= 0 && DETERMINERS.has(tokens[k]!)) k -= 1;
  }
  if (!isPreposition(tokens, k) || CALLING.has(tokens[k - 1] ?? '')) return 1;
  // "pick up an old couch": a preposition that ends a phrase of the lexicon is part of its verb, not a place.
  if (previous !== null && previous.end > k) return 1;
  for (let b = k + 1; b <= start; b++) if (breaks.has(b)) return 1;
  return FILLED.has(tokens[k - 1] ?? '') ? FILLED_FACTOR : SETTING_FACTOR;
}

/**
 * An English word of state before a thing of another concept says what is wrong with it ("icy ruts", "dead deer"),
 * not what kind it is; a participle ("parked car") and a word of the thing's own concept ("loud bang") still qualify.
 */
function statesAnother(tokens: readonly string[], match: Match, next: Match): boolean {
  const word = tokens[match.start]!;
  if (match.end - match.start !== 1 || VERB_FORM.test(word) || !describesState(word)) return false;
  const nextTopics = new Set(next.terms.flatMap((term) => term.topics));
  return !match.terms.some((term) => term.topics.some((topic) => nextTopics.has(topic)));
}

/** Whether a match qualifies its neighbour: English "bear bin" (before it), French/Spanish "bac de recyclage" (after "de"). */
export function isModifier(
  tokens: readonly string[],
  breaks: ReadonlySet<number>,
  matches: readonly Match[],
  m: number,
  language: Language,
): boolean {
  const match = matches[m]!;
  if (language === 'en') {
    const next = matches[m + 1];
    const adjacent = next !== undefined && next.start === match.end && !breaks.has(next.start); // "pothole, graffiti" names two things
    if (!adjacent || VERB_FORM.test(tokens[next.end - 1]!) || !next.terms.some((term) => term.weight > 0)) return false;
    return !statesAnother(tokens, match, next);
  }
  const previous = matches[m - 1];
  if (previous === undefined) return false;
  let k = match.start - 1;
  if (DETERMINERS.has(tokens[k] ?? '')) k -= 1;
  return OF.has(tokens[k] ?? '') && previous.end === k;
}

/** Words that say a place was not seen to: "not", "hasn't" (read as "hasn t"), "pas", "sin". */
const NOT = new Set(['not', 'never', 't', 'pas', 'jamais', 'no', 'nunca', 'sin']);
/** What is done to a place so it can be used: the snow cleared, the street swept. */
const CLEARED = new Set([
  'shovelled',
  'shoveled',
  'plowed',
  'ploughed',
  'cleared',
  'sanded',
  'salted',
  'swept',
  'deneige',
  'deneigee',
  'deneiges',
  'deneigees',
  'deblaye',
  'deblayee',
  'pellete',
  'pelletee',
  'despejado',
  'despejada',
  'despejar',
  'limpiar',
]);
const CLEARED_WINDOW = 4;

/**
 * The matches said not to have been cleared ("the sidewalk hasn't been shovelled", "trottoir pas déneigé", "banqueta
 * sin despejar"): a place that was not seen to, where the problem (the snow) is.
 */
export function unclearedMatches(tokens: readonly string[], breaks: ReadonlySet<number>, matches: readonly Match[]): Set<Match> {
  const uncleared = new Set<Match>();
  for (const match of matches) {
    for (let k = match.end; k < Math.min(tokens.length - 1, match.end + CLEARED_WINDOW); k++) {
      if (breaks.has(k)) break;
      if (NOT.has(tokens[k]!) && [1, 2, 3].some((ahead) => CLEARED.has(tokens[k + ahead] ?? '') && !breaks.has(k + ahead))) {
        uncleared.add(match);
        break;
      }
    }
  }
  return uncleared;
}

/**
 * The matches said to be damaged: for each damage word, in English the thing right after it ("broken curb"), else
 * the nearest before it ("the curb is broken", "árbol caído"), else the nearest after ("a crack in the sidewalk"),
 * within a few words. Only things count, not hints or verbs ("bloquea"). Each is marked with whether the damage word
 * came first: then the thing is damaged even inside a phrase of place ("in the sidewalk").
 */
export function damagedMatches(
  tokens: readonly string[],
  matches: readonly Match[],
  language: Language,
): Map<Match, 'named first' | 'named after'> {
  const things = matches.filter((match) => match.terms.some((term) => term.weight >= MIN_DAMAGED_WEIGHT));
  const damaged = new Map<Match, 'named first' | 'named after'>();
  tokens.forEach((token, d) => {
    if (!DAMAGE.has(token) && !saidNotToWork(tokens, d)) return;
    const before = things.filter((match) => match.end <= d && d - match.end < DAMAGE_WINDOW).at(-1);
    const after = things.find((match) => match.start > d && match.start - d <= DAMAGE_WINDOW);
    const attributive = language === 'en' && after?.start === d + 1 && !COPULAS.has(tokens[d - 1] ?? '');
    const thing = attributive ? after : (before ?? after);
    if (thing) damaged.set(thing, thing === before ? 'named first' : 'named after');
  });
  return damaged;
}

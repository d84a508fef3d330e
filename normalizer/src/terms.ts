import { englishUses } from './english.js';
import { isTypoOf } from './fuzzy.js';
import { fold, isStopword, LANGUAGES, stem, type Language } from './language.js';

/** A word or phrase that points to services: a catalogue keyword, or a term of the built-in lexicon. */
export interface Term {
  tokens: string[];
  /** the lexicon term's language; null for the town's own keywords, which may be in any */
  language: Language | null;
  /** how telling the word is, 0..1: "icy" names a problem, "sidewalk" only where it is */
  weight: number;
  /** service code -> how much of the evidence goes to it */
  targets: Map<string, number>;
  /** the concepts (or catalogue services) it names, for comparing reports across languages */
  topics: string[];
  /** the services whose own keyword it is: said as written, it counts more for them than any lexicon reading */
  keywordOf?: ReadonlySet<string>;
  /** where it points instead when the text names that concept too: "a couch dumped" is dumping, "pick up a couch" not */
  otherwise?: { topic: string; targets: ReadonlyMap<string, number> };
}

/** Where terms were found in a text: tokens [start, end). */
export interface Match {
  terms: Term[];
  start: number;
  end: number;
  /** 1 for the word itself, less for a stem or a slip */
  quality: number;
}

/** A stem or a slip says a little less than the word itself: "potholle" is likely a pothole, not surely. */
const STEM_QUALITY = 0.95;
const TYPO_QUALITY = 0.8;
const MIN_TYPO_LENGTH = 6;
const SLIP_CACHE_SIZE = 50_000;
/** Weak hints ("cleared", "missed") are taken only as written: their stems reach too far ("clear water", "missing"). */
const MIN_STEM_WEIGHT = 0.7;
/** A stem shared by two words counts when it is most of both: "potholes"/"pothole", not "ramirez"/"ramasse". */
const MIN_STEM_SHARE = 0.6;
const MIN_STEM_LENGTH = 4;

const plurals = (token: string) => [token, `${token}s`, `${token}es`];
/** Whether a token is the word or its plural ("hole", "holes"; "bush", "bushes"), without building the forms. */
function isFormOf(word: string, token: string | undefined): boolean {
  if (token === undefined || !token.startsWith(word)) return false;
  const added = token.length - word.length;
  return added === 0 || (added === 1 && token.endsWith('s')) || (added === 2 && token.endsWith('es'));
}

/**
 * Where a catalogue's phrase ends when the writer put one word more inside it ("ramasser un vieux divan" for the
 * keyword "ramasser un divan", "not yet picked up" for "not picked up"); null when it is not there so.
 */
function withOneWordMore(phrase: readonly string[], tokens: readonly string[], i: number): number | null {
  for (let gap = 1; gap < phrase.length; gap++) {
    const fits = phrase.every((word, k) => isFormOf(word, tokens[i + k + (k >= gap ? 1 : 0)]));
    if (fits) return i + phrase.length + 1;
  }
  return null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The folded words of a text, and the indexes of those after punctuation (a comma, a full stop): no compound spans those. */
export function wordsWithBreaks(text: string): { tokens: string[]; breaks: Set<number> } {
  const folded = fold(text);
  const tokens: string[] = [];
  const breaks = new Set<number>();
  let last = 0;
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (/[^\s'’-]/u.test(folded.slice(last, match.index))) breaks.add(tokens.length);
    tokens.push(match[0]);
    last = match.index + match[0].length;
  }
  return { tokens, breaks };
}

/** The longest match, then the surest; terms that tie share the place. */
function best(found: readonly Match[]): Match | null {
  if (found.length === 0) return null;
  const length = Math.max(...found.map((m) => m.end - m.start));
  const longest = found.filter((m) => m.end - m.start === length);
  const quality = Math.max(...longest.map((m) => m.quality));
  const chosen = longest.filter((m) => m.quality === quality);
  return { ...chosen[0]!, terms: [...new Set(chosen.flatMap((m) => m.terms))] };
}

/** Finds terms in tokenized text: longest phrase first, the word itself before its stem before a slip. */
export class TermIndex {
  private readonly byToken = new Map<string, Term[]>();
  /** a phrase's words written as one ("pot hole" as "pothole") */
  private readonly joined = new Map<Term, string>();
  private readonly byStem: Record<Language, Map<string, Term[]>> = { en: new Map(), fr: new Map(), es: new Map() };
  /** single words long enough to be mistyped, by their first two letters, which a slip seldom touches */
  private readonly byOpening = new Map<string, Term[]>();
  /** the slips a word may be, remembered: the same words come back in every message, and each costs a scan */
  private readonly slips = new Map<string, Term[]>();
  /** words the terms spell out: such a word is itself, never another word's inflection ("parked" is not "park") */
  private readonly spelled = new Set<string>();

  constructor(terms: readonly Term[]) {
    for (const term of terms) {
      for (const word of term.tokens) this.spelled.add(word);
      const first = term.tokens[0]!;
      for (const form of plurals(first)) push(this.byToken, form, term);
      if (term.tokens.length > 1) {
        this.joined.set(term, term.tokens.join(''));
        push(this.byToken, term.tokens.join(''), term); // "pot hole" written "pothole"
      }
      for (const language of term.language ? [term.language] : LANGUAGES) push(this.byStem[language], stem(first, language), term);
      if (term.tokens.length === 1 && first.length >= MIN_TYPO_LENGTH) push(this.byOpening, first.slice(0, 2), term);
    }
  }

  /** Every match in the text, left to right, none overlapping. */
  findAll(tokens: readonly string[], language: Language): Match[] {
    // Stemming rules are a language's own: words are stemmed as the message's language ("past" is not "pasto").
    const stems = tokens.map((token) => stem(token, language));
    const matches: Match[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const match = this.matchAt(tokens, stems, i, language);
      if (!match) continue;
      matches.push(match);
      i = match.end - 1;
    }
    return matches;
  }

  private sameStem(word: string, token: string | undefined, tokenStem: string | undefined, language: Language): boolean {
    if (token === undefined || tokenStem === undefined) return false;
    if (isFormOf(word, token)) return true;
    if (this.spelled.has(token) || stem(word, language) !== tokenStem) return false;
    return tokenStem.length >= Math.max(MIN_STEM_LENGTH, MIN_STEM_SHARE * Math.min(word.length, token.length));
  }

  private matchAt(tokens: readonly string[], stems: readonly string[], i: number, language: Language): Match | null {
    const token = tokens[i]!;
    const found: Match[] = [];
    for (const term of this.byToken.get(token) ?? []) {
      if (term.tokens.length === 1 && term.language !== null && term.language !== language && isStopword(token, language)) continue; // "ours" is a bear only in French
      if (token === this.joined.get(term)) found.push({ terms: [term], start: i, end: i + 1, quality: 1 });
      else if (term.tokens.every((word, k) => isFormOf(word, tokens[i + k])))
        found.push({ terms: [term], start: i, end: i + term.tokens.length, quality: 1 });
      else if (term.keywordOf !== undefined && term.keywordOf.size > 0) {
        const end = withOneWordMore(term.tokens, tokens, i);
        if (end !== null) found.push({ terms: [term], start: i, end, quality: 1 });
      }
    }
    // "street light" for "streetlight"; not "tap is" for "tapis": a stopword is never half of a word.
    const next = tokens[i + 1];
    const joinable = next !== undefined && !isStopword(token, language) && !isStopword(next, language);
    for (const term of (joinable ? this.byToken.get(token + next) : undefined) ?? []) {
      if (term.tokens.length === 1) found.push({ terms: [term], start: i, end: i + 2, quality: 1 });
    }
    for (const term of this.byStem[language].get(stems[i]!) ?? []) {
      if (term.weight < MIN_STEM_WEIGHT || (term.tokens.length === 1 && isStopword(token, language))) continue;
      if (term.tokens.every((word, k) => this.sameStem(word, tokens[i + k], stems[i + k], language)))
        found.push({ terms: [term], start: i, end: i + term.tokens.length, quality: STEM_QUALITY });
    }
    if (found.length === 0 && token.length >= MIN_TYPO_LENGTH)
      for (const term of this.slipsOf(token)) found.push({ terms: [term], start: i, end: i + 1, quality: TYPO_QUALITY });
    return best(found);
  }

  /** The single-word terms a word may be a slip of. */
  private slipsOf(token: string): Term[] {
    let slips = this.slips.get(token);
    if (slips === undefined) {
      // One word the start of the other is another word ("freeze", "freezer"), and slips seldom touch the first two
      // letters: "sending" is not "sanding", nor "slowed" "snowed".
      slips = (this.byOpening.get(token.slice(0, 2)) ?? []).filter(
        ({ tokens: [word] }) => !token.startsWith(word!) && !word!.startsWith(token) && isTypoOf(token, word!),
      );
      // A word of its own is no slip: "windows" is not "windrows", nor "garage" "garbage".
      if (slips.length > 0 && englishUses(token) !== null) slips = [];
      if (this.slips.size >= SLIP_CACHE_SIZE) this.slips.clear();
      this.slips.set(token, slips);
    }
    return slips;
  }
}

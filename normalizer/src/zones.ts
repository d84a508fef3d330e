import { fold, words } from './language.js';
import { escapeRegExp, streetType } from './streets.js';
import { phraseIndex, startsWithAny } from './phrases.js';
import { inAllLanguages } from './words.js';

/**
 * The parts of an email that are not the citizen's report: a forwarding clerk's note and signature, quoted earlier
 * messages, and signatures. A place named there ("110 Bear Street, Box 1260" under a clerk's name) must not beat the
 * place the report names, yet a quoted or signed place is still better than none.
 */
export interface Zone {
  start: number;
  end: number;
  /** how much a place named here counts, 0..1 */
  weight: number;
  /** the citizen's own signature (its phone is theirs), a quoted earlier mail, or a forwarding clerk's note */
  kind: 'signature' | 'quote' | 'forward';
}

/**
 * A signature's place is the sender's address: the place only when the body speaks of the sender's home ("outside my
 * house") and names nothing else, so then it counts for half, and otherwise not at all.
 */
const SIGNATURE_WEIGHT = 0.5;
const HOME = inAllLanguages((words) => words.places.home);
const speaksOfHome = (text: string) => {
  const said = ` ${words(text).join(' ')} `;
  return HOME.some((phrase) => said.includes(` ${phrase} `));
};
/** Quoted earlier messages: often the question we asked, sometimes a place since corrected. */
const QUOTED_WEIGHT = 0.5;
/** A forwarding clerk's note is about the message, and its signature is the town's own address. */
const FORWARD_NOTE_WEIGHT = 0;

const FORWARD_MARKERS = phraseIndex(inAllLanguages((words) => words.mail.forward_markers));
const QUOTE_HEADER_ENDS = inAllLanguages((words) => words.mail.quote_header_ends).map((phrase) => phrase.split(' '));
const CLOSINGS = new Set(inAllLanguages((words) => [...words.places.sign_offs, ...words.mail.closings]));
const DEVICE_FOOTERS = phraseIndex(inAllLanguages((words) => words.mail.device_footers));
const GREETINGS = phraseIndex(inAllLanguages((words) => words.intent.greetings));
/** The mark a signature starts with by convention, in any language. */
const SIGNATURE_MARK = /^--\s*$/;

const closes = (said: readonly string[], phrases: readonly string[][]) =>
  phrases.some((phrase) => phrase.length <= said.length && phrase.every((word, k) => said[said.length - phrase.length + k] === word));

/** "---------- Forwarded message ---------", "Message transféré". */
const isForwardMarker = (line: string) => startsWithAny(words(line), FORWARD_MARKERS);
/** "On Mon, Oct 3, Jane <jane@example.org> wrote:", "Le 3 oct., Jean a écrit :". */
const isQuoteHeader = (line: string) => /:\s*$/.test(line) && closes(words(line), QUOTE_HEADER_ENDS);
/** "Thanks,", "Best regards", "--", "Sent from my iPhone": a line alone that closes the mail before the name. */
const isSignOff = (line: string) =>
  SIGNATURE_MARK.test(line) || CLOSINGS.has(words(line).join(' ')) || startsWithAny(words(line), DEVICE_FOOTERS);
const isGreeting = (line: string) => startsWithAny(words(line), GREETINGS);
/** A line that is only a person's name: one to four capitalized words, not a greeting. */
const NAME_LINE = /^(?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;
/** How near the end of a part a bare name line must be to start a signature rather than be a sentence. */
const NAME_SIGNATURE_LINES = 4;

interface Line {
  text: string;
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const text_ of text.split('\n')) {
    lines.push({ text: text_.trim(), start, end: start + text_.length });
    start += text_.length + 1;
  }
  return lines;
}

/** The index of the line where a signature starts in lines[from, to), or `to` when there is none. */
function signatureStart(lines: readonly Line[], from: number, to: number): number {
  for (let i = from + 1; i < to; i++) {
    if (isSignOff(lines[i]!.text)) return i;
    if (to - i <= NAME_SIGNATURE_LINES && NAME_LINE.test(lines[i]!.text) && !isGreeting(lines[i]!.text)) return i;
  }
  return to;
}

/** Weighted parts of an email body; everything not covered has weight 1. */
export function emailZones(text: string): Zone[] {
  const lines = linesOf(text);
  const zones: Zone[] = [];
  const span = (from: number, to: number, weight: number, kind: Zone['kind']) => {
    if (from < to) zones.push({ start: lines[from]!.start, end: lines[to - 1]!.end, weight, kind });
  };
  const forward = lines.findIndex((line) => isForwardMarker(line.text));
  const bodyFrom = forward >= 0 ? forward + 1 : 0;
  if (forward >= 0) span(0, forward + 1, FORWARD_NOTE_WEIGHT, 'forward');
  const quoted = lines.findIndex((line, i) => i >= bodyFrom && (isQuoteHeader(line.text) || line.text.startsWith('>')));
  const bodyTo = quoted >= 0 ? quoted : lines.length;
  if (quoted >= 0) span(quoted, lines.length, QUOTED_WEIGHT, 'quote');
  const signature = signatureStart(lines, bodyFrom, bodyTo);
  const body = lines
    .slice(bodyFrom, signature)
    .map((line) => line.text)
    .join('\n');
  span(signature, bodyTo, speaksOfHome(body) ? SIGNATURE_WEIGHT : 0, 'signature');
  return zones;
}

/** "thanks", "merci beaucoup" inside a line, folded as the words are written ("thank you" also "Thank  you"). */
const SIGN_OFF_IN_LINE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${inAllLanguages((words) => words.places.sign_offs)
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.split(' ').map(escapeRegExp).join('[ \\t]+'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);
/** After a sign-off, the writer's name (one to three capitalized words) and a house number: "- Maria Lopez, 211". */
const NAME_THEN_NUMBER = /[ \t]*[,.!:;]*[ \t]*[-–—]?[ \t]*\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,2}[ \t]*,?[ \t]+(?=\d)/uy;

/**
 * A signature inside a line, as a text of one line carries it: "pothole on Wolf St, thanks - Maria, 211 Bear St". A
 * sign-off, a name and a number make one; what follows is the writer's own place, weighed as a signature's.
 */
export function inlineSignatures(text: string): Zone[] {
  for (const match of text.matchAll(SIGN_OFF_IN_LINE)) {
    NAME_THEN_NUMBER.lastIndex = match.index + match[0].length;
    const named = NAME_THEN_NUMBER.exec(text);
    if (named === null || named[0].split(/[\s,.!:;–—-]+/).some((word) => streetType(fold(word)) !== null)) continue;
    const weight = speaksOfHome(text.slice(0, match.index)) ? SIGNATURE_WEIGHT : 0;
    return [{ start: match.index, end: text.length, weight, kind: 'signature' }];
  }
  return [];
}

/** The weight of a span of text: the lowest of the zones it touches. */
export function zoneWeight(zones: readonly Zone[], start: number, end: number): number {
  let weight = 1;
  for (const zone of zones) if (zone.start < end && start < zone.end) weight = Math.min(weight, zone.weight);
  return weight;
}

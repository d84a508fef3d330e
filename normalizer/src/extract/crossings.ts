import { distinctive, ordinalName, query, spanOf, type Extracted, type Mention, type Token } from './tokens.js';
import type { PlaceWords } from './words.js';

function cornerWordBefore(tokens: Token[], start: number, words: PlaceWords): boolean {
  for (let k = start - 1; k >= Math.max(0, start - 4); k--) {
    const norm = tokens[k]!.norm;
    if (words.cornerWords.has(norm)) return true;
    if (!words.cornerFillers.has(norm)) return false;
  }
  return false;
}

/** How surely "A <connector> B" names a corner; 0 when it more likely does not ("a bear and elk"). */
function intersectionScore(tokens: Token[], a: Mention, b: Mention, connector: string, words: PlaceWords): number {
  // A misspelt or partial bare name ("wolfe & bear st") is a street only beside a street that says so, by its type
  // or by a name of two words or more ("saint-jean y baeudry").
  const bareSlip = (m: Mention) => (m.fuzzy || m.entry.partial === true) && !m.typed && !distinctive(m);
  const saysStreet = (m: Mention) => m.typed || distinctive(m);
  // One name twice is one street, unless what is written around one tells it from the other ("5 Ave NE & 5 St NE",
  // "third and Third Avenue" of Third Street and Third Avenue).
  const keys = (m: Mention) => new Set(m.names.map((name) => name.key));
  const [aKeys, bKeys] = [keys(a), keys(b)];
  const sameStreet = aKeys.size === bKeys.size && [...aKeys].every((key) => bKeys.has(key));
  if ((bareSlip(a) && !saysStreet(b)) || (bareSlip(b) && !saysStreet(a)) || sameStreet) return 0;
  // "a street and a road": a name that is also a word crosses only where a sure connector says so ("a st & 5th ave").
  if ((a.plainWord || b.plainWord) && !words.connectors.has(connector)) return 0;
  const streetLike = (m: Mention) => m.typed || ordinalName(tokens, m, words);
  const typed = Number(streetLike(a)) + Number(streetLike(b));
  if (typed === 2) return 1;
  if (typed === 1) return 0.9;
  if (cornerWordBefore(tokens, a.start, words)) return 0.85;
  const capitalized = a.capitalized && b.capitalized;
  if (words.connectors.has(connector)) return capitalized ? 0.8 : 0.6;
  // "bear and wolf": two of the town's streets side by side; the geocoder still has to find them crossing.
  const slipAlone = (a.fuzzy && !distinctive(b)) || (b.fuzzy && !distinctive(a));
  return capitalized ? 0.6 : slipAlone ? 0 : 0.5;
}

/** Whether tokens [from, to) are all crossing fillers ("de la"), at most three of them. */
function fillersOnly(tokens: Token[], from: number, to: number, words: PlaceWords): boolean {
  return to >= from && to - from <= 3 && tokens.slice(from, to).every((token) => words.secondStreetFillers.has(token.norm));
}

/** "Bear St & Wolf St", "bear and wolf", "au coin de la rue X et de l'avenue Y": the corner a mention starts, if any. */
export function crossingAt(
  text: string,
  tokens: Token[],
  mention: Mention,
  next: Mention | undefined,
  words: PlaceWords,
): Extracted | null {
  const connector = tokens[mention.end];
  if (!next || !connector || !fillersOnly(tokens, mention.end + 1, next.start, words)) return null;
  if (!words.connectors.has(connector.norm) && !words.weakConnectors.has(connector.norm)) return null;
  const score = intersectionScore(tokens, mention, next, connector.norm, words);
  if (score <= 0) return null;
  const span = spanOf(text, tokens, mention.start, next.end);
  return {
    ...span,
    score,
    kind: 'query',
    query: query({ kind: 'intersection', raw: span.raw, street: mention.text, cross_street: next.text }),
  };
}

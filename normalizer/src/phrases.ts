/** Phrases split into words once, by their first word: each word of a text meets only the phrases it can start. */
export type PhraseIndex = ReadonlyMap<string, readonly (readonly string[])[]>;

export function phraseIndex(phrases: readonly string[]): PhraseIndex {
  const index = new Map<string, string[][]>();
  for (const wanted of phrases.map((phrase) => phrase.split(' '))) index.set(wanted[0]!, [...(index.get(wanted[0]!) ?? []), wanted]);
  return index;
}

/** How many words the longest phrase that starts at `i` takes, 0 when none does. */
export function lengthAt(tokens: readonly string[], i: number, phrases: PhraseIndex): number {
  let longest = 0;
  for (const wanted of phrases.get(tokens[i]!) ?? [])
    if (wanted.length > longest && wanted.every((word, k) => tokens[i + k] === word)) longest = wanted.length;
  return longest;
}

export const lengthOfStart = (tokens: readonly string[], phrases: PhraseIndex) => (tokens.length === 0 ? 0 : lengthAt(tokens, 0, phrases));
export const startsWithAny = (tokens: readonly string[], phrases: PhraseIndex) => lengthOfStart(tokens, phrases) > 0;

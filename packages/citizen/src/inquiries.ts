import { parseReference } from '@intake/core';
import { isTypoOf } from '@intake/normalizer';
import { WORDS, containsPhrase, foldedWords, startLength } from './words.js';

/** "STATUS", "status K7PM2Q", "Statut ?", "estado de mi reporte": the citizen asks where a report stands. */
export interface StatusKeyword {
  /** the reference quoted, in its printed form; null asks about the sender's latest report */
  reference: string | null;
  /** the keyword's language, for an answer when no report of theirs says which they use */
  language: string;
}

/** Past this, a text that holds the keyword is a sentence, not a keyword ("status of the dump on saturday please?"). */
const MAX_KEYWORD_WORDS = 6;

/** A keyword's language, the word as written first ("statut" is French, not a slip of "status"). */
function keywordLanguage(word: string): string | null {
  const known =
    WORDS.statusKeywords.find((keyword) => keyword === word) ??
    WORDS.statusKeywords.find((keyword) => keyword.length >= 5 && isTypoOf(word, keyword));
  return known === undefined ? null : (WORDS.keywordLanguage.get(known) ?? null);
}

/**
 * The status keyword, alone or with a reference and a few filler words, any case, accents and punctuation aside,
 * with a slip of a letter in a long keyword ("stauts"); null for anything else, which is a message like any other.
 */
export function statusKeywordOf(text: string): StatusKeyword | null {
  const tokens = foldedWords(text);
  if (tokens.length === 0 || tokens.length > MAX_KEYWORD_WORDS) return null;
  let language: string | null = null;
  let reference: string | null = null;
  for (const token of tokens) {
    const printed = parseReference(token);
    const keyword: string | null = language === null ? keywordLanguage(token) : null;
    if (keyword !== null) language = keyword;
    else if (printed !== null && reference === null && /\d/.test(printed)) reference = printed;
    else if (!WORDS.statusFillers.has(token)) return null;
  }
  return language === null ? null : { reference, language };
}

/** What a message from someone with a recent report does to it: asks how it stands, adds to it, or says nothing (thanks). */
export type FollowUpKind = 'ask' | 'add' | 'nothing';

/** Fewer words than this, beside a question, add nothing. */
const MIN_ADDED_WORDS = 3;

/** A sentence that asks (a question mark, or a question's first words) and what it asks about. */
function readSentence(sentence: string): { words: number; asks: boolean; aboutProgress: boolean } {
  const all = foldedWords(sentence);
  const tokens = all.slice(startLength(all, WORDS.smallTalk));
  const asks = sentence.trim().endsWith('?') || startLength(tokens, WORDS.questionStarts) > 0;
  return { words: tokens.length, asks, aboutProgress: containsPhrase(tokens, WORDS.progressWords) };
}

/**
 * Asks or adds, from the words alone: a follow-up whose sentences ask about progress ("any news on my pothole
 * report?", "has anyone looked at it", "du nouveau ?", "¿alguna novedad?") asks; one that tells something ("it's
 * gotten much bigger") or brings a photo adds; thanks and greetings say nothing. Null for a question about
 * something else ("is the dump open on saturday?"), which is a message like any other.
 */
export function followUpKind(text: string, withMedia: boolean): FollowUpKind | null {
  if (withMedia) return 'add';
  const sentences = (text.match(/[^.!?\n]+[.!?]*/g) ?? []).map(readSentence).filter((sentence) => sentence.words > 0);
  if (sentences.length === 0) return 'nothing';
  const statements = sentences.filter((sentence) => !sentence.asks && !sentence.aboutProgress);
  const questions = sentences.length - statements.length;
  // beside a question, a line of a word or two is a signature or an aside ("Jane"), not something added
  if (statements.some((sentence) => sentence.words >= MIN_ADDED_WORDS) || (questions === 0 && statements.length > 0)) return 'add';
  return sentences.some((sentence) => sentence.aboutProgress) ? 'ask' : null;
}

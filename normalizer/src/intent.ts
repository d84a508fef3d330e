import { LANGUAGES, words, type Language } from './language.js';
import { lengthAt, lengthOfStart, phraseIndex, startsWithAny, type PhraseIndex } from './phrases.js';
import { inAllLanguages, WORDS } from './words.js';

export type Intent = 'report' | 'question';

const SPEAKER_LABELS = new Set(inAllLanguages((w) => w.intent.speaker_labels));
/** Greetings and thanks say nothing of what the message is for. */
const MIN_SENTENCE_WORDS = 3;

interface IntentPhrases {
  greetings: PhraseIndex;
  asks: PhraseIndex;
  requests: PhraseIndex;
  opening: PhraseIndex;
}

const PHRASES = Object.fromEntries(
  LANGUAGES.map((language) => {
    const { greetings, question_starts, request_starts, opening_hours } = WORDS[language].intent;
    const phrases: IntentPhrases = {
      greetings: phraseIndex(greetings),
      asks: phraseIndex(question_starts),
      requests: phraseIndex(request_starts),
      opening: phraseIndex(opening_hours),
    };
    return [language, phrases];
  }),
) as Record<Language, IntentPhrases>;

/** The citizen's lines: a call-taker's ("Clerk: how can I help?") are left out. */
export function citizenText(text: string): string {
  return text
    .split('\n')
    .filter((line) => {
      const label = /^\s*([^:\n]{1,20}):/.exec(line)?.[1];
      return label === undefined || !SPEAKER_LABELS.has(words(label).join(' '));
    })
    .map((line) => line.replace(/^\s*[^:\n]{1,20}:\s*/, ''))
    .join('\n');
}

/** The sentence that says what the message is for: the citizen's first that says something, its greeting left out. */
function decidingSentence(text: string, language: Language): { sentence: string; intent: Intent } | null {
  const { asks, requests, greetings } = PHRASES[language];
  const sentences = citizenText(text).match(/[^.!?\n]+[.!?]*/g) ?? [];
  for (const sentence of sentences) {
    const all = words(sentence);
    const tokens = all.slice(lengthOfStart(all, greetings));
    const isQuestion = sentence.trim().endsWith('?') || startsWithAny(tokens, asks);
    if (tokens.length < MIN_SENTENCE_WORDS && !isQuestion) continue;
    return { sentence, intent: isQuestion && !startsWithAny(tokens, requests) ? 'question' : 'report' };
  }
  return null;
}

/**
 * Whether a message asks rather than reports: its first sentence that says something is a question ("is the dump
 * open saturday?", "how do I order a cart") and not a request for work ("can you fix the light?").
 */
export function intentOf(text: string, language: Language): Intent {
  return decidingSentence(text, language)?.intent ?? 'report';
}

/**
 * Whether a question asks, first of all, when a place is open ("is the dump open saturday?", "à quelle heure ferme
 * l'écocentre"): that is no request for the service the place's name brings to mind. Asked after another question
 * ("where can I drop off a couch, is the depot open sundays?") it leaves that one its service.
 */
export function asksOpeningHours(text: string, language: Language): boolean {
  const { greetings, opening } = PHRASES[language];
  const deciding = decidingSentence(text, language);
  if (deciding?.intent !== 'question') return false;
  const clause = deciding.sentence
    .split(/[,;:]/)
    .map((part) => words(part))
    .find((tokens) => tokens.length > lengthOfStart(tokens, greetings));
  const tokens = clause ?? [];
  return tokens.some((_, i) => lengthAt(tokens, i, opening) > 0);
}

import { describeIssues } from '@intake/connector-sms';
import { IntakeError, type InboundMessageInput, type LoadedConfig } from '@intake/core';
import { z } from 'zod';
import { smsReplyTo } from './reply.js';

/** A context value (and the description) holds at most this many characters. */
const MAX_TRANSCRIPT_CHARS = 20_000;

/** Speaker labels that mean the town's side of the call; any other speaker is taken for the caller. */
const CLERK_LABELS = [
  'clerk',
  'agent',
  'operator',
  'dispatcher',
  'dispatch',
  'call taker',
  'call-taker',
  'calltaker',
  'staff',
  'representative',
  'rep',
  'csr',
  '311',
];
const CALLER_LABELS = ['caller', 'citizen', 'customer', 'resident', 'reporter', 'complainant'];

export interface Turn {
  /** the label as written, or null for words before any label */
  speaker: string | null;
  text: string;
  role: 'caller' | 'clerk';
}

const blankToUndefined = (value: unknown) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value);
const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string({ error: 'must be text' }).trim().max(max, `must be at most ${max} characters`).optional());

const SpeakerTurn = z.strictObject({
  speaker: z
    .string({ error: 'speaker is required' })
    .trim()
    .min(1, 'speaker is required')
    .max(100, 'speaker must be at most 100 characters'),
  text: z.string({ error: 'text is required' }).max(MAX_TRANSCRIPT_CHARS, `text must be at most ${MAX_TRANSCRIPT_CHARS} characters`),
});

export const TranscriptBody = z.strictObject({
  call_id: z.string({ error: 'is required' }).trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  caller_phone: optionalText(64),
  clerk: optionalText(200),
  transcript: z.union(
    [
      z.string().trim().min(1, 'must not be empty').max(MAX_TRANSCRIPT_CHARS, `must be at most ${MAX_TRANSCRIPT_CHARS} characters`),
      z.array(SpeakerTurn).min(1, 'must hold at least one turn').max(2000, 'must hold at most 2000 turns'),
    ],
    { error: 'must be text or a list of { speaker, text } turns' },
  ),
  address: optionalText(500),
  service_code: optionalText(100),
  language: optionalText(35),
});
export type TranscriptBody = z.infer<typeof TranscriptBody>;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fold = (label: string) => label.trim().toLowerCase().replace(/\s+/g, ' ');

/** The clerk's own name (and first name) count as clerk labels too: "Jane: what's the address?" */
function clerkLabels(clerk: string | undefined): Set<string> {
  const names = clerk === undefined ? [] : [fold(clerk), fold(clerk).split(' ')[0] ?? ''];
  return new Set([...CLERK_LABELS, ...names.filter((name) => name !== '')]);
}

const roleOf = (speaker: string | null, clerks: ReadonlySet<string>): Turn['role'] =>
  speaker !== null && clerks.has(fold(speaker)) ? 'clerk' : 'caller';

/**
 * Where speaker labels start: a known role (or the clerk's name) followed by a colon anywhere, as in a transcript
 * pasted on one line, or any short label at the start of a line, optionally after a timestamp.
 */
function labelPattern(clerks: ReadonlySet<string>): RegExp {
  const known = [...clerks, ...CALLER_LABELS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const timestamp = String.raw`(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?`;
  return new RegExp(
    String.raw`(?:^|(?<=[\s.!?,;]))(${known})\s*:|^[ \t]*${timestamp}([A-Za-z][\w'.-]*(?: [A-Za-z][\w'.-]*){0,2})[ \t]*:(?![\d/])`,
    'gim',
  );
}

/** Splits a pasted transcript into turns by its "Clerk:"/"Caller:" style labels; no labels means all of it is the caller's. */
export function splitTranscript(transcript: string, clerk?: string): Turn[] {
  const clerks = clerkLabels(clerk);
  const labels = [...transcript.matchAll(labelPattern(clerks))];
  const turns: Turn[] = [];
  const push = (speaker: string | null, text: string) => {
    const words = text.trim();
    if (words !== '') turns.push({ speaker, text: words, role: roleOf(speaker, clerks) });
  };
  push(null, transcript.slice(0, labels[0]?.index ?? transcript.length));
  labels.forEach((label, i) => {
    const speaker = (label[1] ?? label[2] ?? '').trim();
    push(speaker, transcript.slice(label.index + label[0].length, labels[i + 1]?.index ?? transcript.length));
  });
  return turns;
}

export function turnsOf(body: Pick<TranscriptBody, 'transcript' | 'clerk'>): Turn[] {
  if (typeof body.transcript === 'string') return splitTranscript(body.transcript, body.clerk);
  const clerks = clerkLabels(body.clerk);
  return body.transcript
    .map((turn) => ({ speaker: turn.speaker, text: turn.text.trim(), role: roleOf(turn.speaker, clerks) }))
    .filter((turn) => turn.text !== '');
}

const formatTurn = (turn: Turn) => (turn.speaker === null ? turn.text : `${turn.speaker}: ${turn.text}`);

function invalidTranscript(message: string): IntakeError {
  return new IntakeError(400, 'invalid_transcript', message);
}

/** Validates a posted transcript against the schema and the service catalogue. */
export function parseTranscriptBody(body: unknown, serviceCodes: ReadonlySet<string>): TranscriptBody {
  const result = TranscriptBody.safeParse(body ?? {});
  if (!result.success) throw invalidTranscript(describeIssues(result.error.issues));
  const code = result.data.service_code;
  if (code !== undefined && !serviceCodes.has(code)) {
    throw new IntakeError(400, 'unknown_service_code', `service_code: "${code}" is not in the service catalogue`);
  }
  return result.data;
}

/** The caller's turns are the description (and carry the location); the whole call and the clerk are context. */
export function transcriptToMessage(body: TranscriptBody, config: LoadedConfig): InboundMessageInput {
  const turns = turnsOf(body);
  if (turns.length === 0) throw invalidTranscript('transcript: has no words');
  const whole = turns.map(formatTurn).join('\n');
  if (whole.length > MAX_TRANSCRIPT_CHARS) throw invalidTranscript(`transcript: must be at most ${MAX_TRANSCRIPT_CHARS} characters`);
  const callerTurns = turns.filter((turn) => turn.role === 'caller');
  // a clerk narrating the call alone is the only account there is
  const description = (callerTurns.length > 0 ? callerTurns : turns).map((turn) => turn.text).join('\n');
  const phone = body.caller_phone ?? null;
  const context: Record<string, string> = { call_id: body.call_id, transcript: whole };
  if (body.clerk !== undefined) context.clerk = body.clerk;
  if (body.language !== undefined) context.language = body.language;
  return {
    channel: 'transcript',
    external_id: body.call_id,
    sender: { name: null, phone, email: null, handle: body.clerk ?? null },
    text: description,
    address: body.address ?? null,
    service_code: body.service_code ?? null,
    reply_to: smsReplyTo(config, phone),
    context,
  };
}

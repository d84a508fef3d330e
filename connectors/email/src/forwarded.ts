/**
 * Inline forwards ("---------- Forwarded message ---------" and friends) as mail clients write them in the body.
 * Hand-written because the one maintained library for this (email-forward-parser) needs a native module in its
 * CommonJS release and is ESM-only since; the formats are few and stable.
 */

export interface Mailbox {
  name: string | null;
  address: string;
}

export interface InlineForward {
  /** what the forwarder wrote above the forwarded block */
  note: string;
  /** the original author, when the block names an address */
  from: Mailbox | null;
  subject: string | null;
  body: string;
}

/** Separators that only forwards use: Gmail, Thunderbird, Apple Mail, in a few languages. */
const FORWARD_SEPARATOR =
  /^\s*(?:-{2,}\s*(?:forwarded message|message transféré|mensaje reenviado|weitergeleitete nachricht|messaggio inoltrato|mensagem encaminhada)\s*-{2,}|(?:begin forwarded message|début du message réexpédié|inicio del mensaje reenviado|anfang der weitergeleiteten nachricht)\s*:)\s*$/i;
/** Outlook writes these above replies too, so they count as a forward only under a forward's subject. */
const ORIGINAL_SEPARATOR =
  /^\s*(?:-{2,}\s*(?:original message|message d'origine|mensaje original|ursprüngliche nachricht)\s*-{2,}|_{10,})\s*$/i;
/** "Fwd:", "FW:", and the French, German, Spanish and Portuguese ones */
const FORWARD_PREFIXES = /^(?:\s*(?:fwd?|tr|wg|rv|enc)\s*:)+\s*/i;

const HEADER = /^\s*\*?([\p{L} -]{2,20}?)\*?\s*:\s*(.*)$/u;
const FROM_NAMES = new Set(['from', 'de', 'von', 'van', 'da']);
const SUBJECT_NAMES = new Set(['subject', 'objet', 'betreff', 'asunto', 'oggetto', 'assunto']);
const ADDRESS = /[^\s<>[\]():;,"']+@[^\s<>[\]():;,"']+\.[^\s<>[\]():;,"'.]+/;
/** a clerk forwarding a forward: the innermost author is the citizen */
const MAX_DEPTH = 5;

const isForwardSubject = (subject: string | null) => FORWARD_PREFIXES.test(subject ?? '');

/** "Fwd: FW: Pothole" -> "Pothole" */
export const withoutForwardPrefix = (subject: string) => subject.replace(FORWARD_PREFIXES, '').trim();

/** "Jane Citizen <jane@example.org>", "Jane [mailto:jane@example.org]", "jane@example.org" */
function parseMailbox(value: string): Mailbox | null {
  const address = ADDRESS.exec(value)?.[0];
  if (address === undefined) return null;
  const name = value
    .replace(/<[^<>]*>|\[mailto:[^\]]*\]|\(mailto:[^)]*\)/gi, ' ')
    .replace(address, ' ')
    .replace(/["'*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { name: name === '' ? null : name, address: address.toLowerCase() };
}

function separatorAt(lines: string[], forwardSubject: boolean): number {
  return lines.findIndex((line) => FORWARD_SEPARATOR.test(line) || (forwardSubject && ORIGINAL_SEPARATOR.test(line)));
}

/** The header block under a separator: `Key: value` lines up to the first blank line after them. */
function readHeaders(lines: string[], start: number): { headers: Map<string, string>; next: number } {
  const headers = new Map<string, string>();
  let last: string | null = null;
  let i = start;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') break;
    const header = HEADER.exec(line);
    if (header !== null) {
      last = header[1]!.trim().toLowerCase();
      if (!headers.has(last)) headers.set(last, header[2]!.trim());
    } else if (last !== null) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
    } else {
      break;
    }
  }
  return { headers, next: i };
}

const pick = (headers: Map<string, string>, names: Set<string>) => [...headers].find(([key]) => names.has(key))?.[1] ?? null;

function parseForward(text: string, subject: string | null): InlineForward | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const at = separatorAt(lines, isForwardSubject(subject));
  if (at < 0) return null;
  const { headers, next } = readHeaders(lines, at + 1);
  if (headers.size === 0) return null;
  const from = pick(headers, FROM_NAMES);
  return {
    note: lines.slice(0, at).join('\n').trim(),
    from: from === null ? null : parseMailbox(from),
    subject: pick(headers, SUBJECT_NAMES),
    body: lines.slice(next).join('\n').trim(),
  };
}

/** The forwarded message inside `text`, or null when `text` is not a forward; a forward of a forward yields the innermost. */
export function findInlineForward(text: string, subject: string | null): InlineForward | null {
  let forward = parseForward(text, subject);
  for (let depth = 1; forward !== null && depth < MAX_DEPTH; depth++) {
    const inner = parseForward(forward.body, forward.subject);
    if (inner?.from == null) break;
    forward = { ...inner, note: [forward.note, inner.note].filter((note) => note !== '').join('\n\n') };
  }
  return forward;
}

import type { ParsedMail } from 'mailparser';

const BULK_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);
const SYSTEM_SENDER = /^(?:mailer-daemon|postmaster)@/i;

function headerText(mail: ParsedMail, name: string): string | null {
  const value = mail.headers.get(name);
  if (value === undefined) return null;
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first.trim().toLowerCase();
  if (first !== null && typeof first === 'object' && 'value' in first && typeof first.value === 'string')
    return first.value.trim().toLowerCase();
  return '';
}

const hasHeader = (mail: ParsedMail, name: string) => mail.headerLines.some((line) => line.key === name);

/**
 * Why this mail must not become a request (and must never be answered), or null.
 * Answering machines answering each other is the classic email loop (RFC 3834); these are the markers that break it.
 */
export function autoReplyReason(mail: ParsedMail, sender: string | null, ownAddress: string | null): string | null {
  const autoSubmitted = headerText(mail, 'auto-submitted');
  if (autoSubmitted !== null && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  if (headerText(mail, 'content-type') === 'multipart/report') return 'a delivery or read report (multipart/report)';
  if (hasHeader(mail, 'x-failed-recipients')) return 'a bounce (X-Failed-Recipients)';
  if (sender !== null && SYSTEM_SENDER.test(sender)) return 'a bounce (mail system sender)';
  if (hasHeader(mail, 'x-autoreply') || hasHeader(mail, 'x-autorespond')) return 'an automatic reply (X-Autoreply)';
  const precedence = headerText(mail, 'precedence');
  if (precedence !== null && BULK_PRECEDENCE.has(precedence)) return `Precedence: ${precedence}`;
  if (hasHeader(mail, 'list-id') || hasHeader(mail, 'list-unsubscribe')) return 'list mail (List-Id/List-Unsubscribe)';
  if (sender !== null && ownAddress !== null && sender === ownAddress) return 'our own address';
  return null;
}

import { createHash } from 'node:crypto';
import { InboundMessageInput, type Media } from '@intake/core';
import EmailReplyParser from 'email-reply-parser';
import { convert } from 'html-to-text';
import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import { autoReplyReason } from './auto-reply.js';
import { findInlineForward, withoutForwardPrefix, type Mailbox } from './forwarded.js';
import { addressOf, domainOf, messageIds, requestIdIn } from './message-id.js';

export interface EmailParseOptions {
  /** `channels.email.smtp.from`: mail from it is ours, and replies to our Message-IDs continue a request */
  smtpFrom: string | null;
  attachments: { max_bytes: number; types: string[] };
  /** when the mail server took the message (IMAP INTERNALDATE) */
  receivedAt?: Date | null;
}

/** `skip`: no request by design (auto-replies, bounces, lists); `reject`: no request because none can be made. */
/** `contents` holds the bytes of each of the message's media, in order, for the media store. */
export type ParsedEmail =
  | { kind: 'message'; message: InboundMessageInput; contents: Buffer[] }
  | { kind: 'skip'; reason: string }
  | { kind: 'reject'; reason: string };

const PARSER_OPTIONS = { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true } as const;
const MAX_TEXT = 20_000;
const MAX_MEDIA = 20;
const MAX_THREAD = 10;

/** One person's message: the mail itself, or the citizen's mail inside a clerk's forward. */
interface Letter {
  from: Mailbox | null;
  replyTo: string | null;
  subject: string | null;
  text: string;
  messageId: string | null;
  /** References then In-Reply-To, oldest first */
  ancestors: string[];
  attachments: Attachment[];
}

interface Forward {
  author: Letter;
  /** the original author: the citizen */
  reporter: Mailbox;
  forwarder: Mailbox;
  note: string;
  /** a copy of the original (message/rfc822) carries the original's Message-ID */
  attached: boolean;
}

function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true } },
      { selector: 'img', format: 'skip' },
    ],
  });
}

const clamp = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function firstMailbox(addresses: ParsedMail['from']): Mailbox | null {
  const found = [addresses ?? []]
    .flat()
    .flatMap((object) => object.value)
    .find((entry) => entry.address);
  return found?.address ? { name: found.name.trim() || null, address: found.address.toLowerCase() } : null;
}

function letterOf(mail: ParsedMail): Letter {
  // a text part that is only whitespace next to an HTML part is common in generated mail
  const text = mail.text?.trim() ? mail.text : mail.html ? htmlToText(mail.html) : '';
  return {
    from: firstMailbox(mail.from),
    replyTo: firstMailbox(mail.replyTo)?.address ?? null,
    subject: mail.subject?.trim() || null,
    text: clamp(text, MAX_TEXT),
    messageId: messageIds(mail.messageId)[0] ?? null,
    ancestors: [...new Set([...messageIds(mail.references), ...messageIds(mail.inReplyTo)])],
    attachments: mail.attachments,
  };
}

const isAttachedMessage = (attachment: Attachment) => attachment.contentType === 'message/rfc822';

async function attachedForward(outer: Letter, forwarder: Mailbox): Promise<Forward | null> {
  const attached = outer.attachments.find(isAttachedMessage);
  if (attached === undefined) return null;
  const inner = letterOf(await simpleParser(attached.content, PARSER_OPTIONS));
  if (inner.from === null) return null;
  const others = outer.attachments.filter((attachment) => attachment !== attached);
  // the inner parts' sections, as the outer mail (where the bytes are) numbers them
  const nested = inner.attachments.map((attachment) => ({
    ...attachment,
    partId: `${attached.partId ?? '1'}.${attachment.partId ?? '1'}`,
  }));
  const author = { ...inner, attachments: [...nested, ...others] };
  return { author, reporter: inner.from, forwarder, note: outer.text.trim(), attached: true };
}

function inlineForward(outer: Letter, forwarder: Mailbox): Forward | null {
  const found = findInlineForward(outer.text, outer.subject);
  if (found?.from == null) return null;
  const subject = found.subject ?? (outer.subject === null ? null : withoutForwardPrefix(outer.subject));
  const author: Letter = {
    from: found.from,
    replyTo: null,
    subject,
    text: found.body,
    messageId: null,
    ancestors: [],
    attachments: outer.attachments,
  };
  return { author, reporter: found.from, forwarder, note: found.note, attached: false };
}

/** A clerk's forward of a citizen's mail: attached as message/rfc822, or inline in the body. */
async function findForward(outer: Letter, forwarder: Mailbox): Promise<Forward | null> {
  // an attached message that cannot be parsed is just an attachment
  return (await attachedForward(outer, forwarder).catch(() => null)) ?? inlineForward(outer, forwarder);
}

/** The new words only: quoted replies and signatures go (email-reply-parser). */
function visibleText(letter: Letter): string {
  const visible = new EmailReplyParser().read(letter.text).getVisibleText().trim();
  // a fresh message that the parser reads as all quote is still the citizen's words; a reply that is all quote says nothing new
  return visible !== '' || letter.ancestors.length > 0 ? visible : letter.text.trim();
}

function typeAccepted(contentType: string, types: string[]): boolean {
  const type = contentType.toLowerCase();
  return types.some((accepted) =>
    accepted.endsWith('/*') ? type.startsWith(accepted.slice(0, -1).toLowerCase()) : type === accepted.toLowerCase(),
  );
}

/**
 * An RFC 2392 `mid:` URL naming the message and the part (its Content-ID, else its IMAP section number):
 * the bytes stay in the mailbox, where the mail is kept after processing.
 */
function partUrl(messageId: string, attachment: Attachment): string {
  const message = encodeURIComponent(messageId.slice(1, -1));
  return attachment.cid ? `mid:${message}/${encodeURIComponent(attachment.cid)}` : `mid:${message}?part=${attachment.partId ?? '1'}`;
}

function mediaOf(attachments: Attachment[], messageId: string, limits: EmailParseOptions['attachments']) {
  const media: Media[] = [];
  const contents: Buffer[] = [];
  const notKept: string[] = [];
  for (const attachment of attachments.filter((a) => !isAttachedMessage(a))) {
    const label = `${attachment.filename ?? 'unnamed'} (${attachment.contentType}, ${attachment.size} bytes)`;
    if (!typeAccepted(attachment.contentType, limits.types)) notKept.push(`${label}: type not accepted`);
    else if (attachment.size > limits.max_bytes) notKept.push(`${label}: larger than ${limits.max_bytes} bytes`);
    else if (media.length >= MAX_MEDIA) notKept.push(`${label}: more than ${MAX_MEDIA} attachments`);
    else {
      media.push({
        url: partUrl(messageId, attachment),
        content_type: attachment.contentType,
        name: attachment.filename ? clamp(attachment.filename, 500) : null,
        bytes: null,
      });
      contents.push(attachment.content);
    }
  }
  return { media, contents, notKept };
}

const formatMailbox = (mailbox: Mailbox) => (mailbox.name ? `${mailbox.name} <${mailbox.address}>` : mailbox.address);

/** A stable id for mail that has no Message-ID, so a retry of the same bytes is still the same message. */
const contentId = (raw: Buffer | string) => `<sha256-${createHash('sha256').update(raw).digest('hex')}@intake.invalid>`;

/** Turns one raw email into the message to accept, or says why there is none. Never throws on bad input. */
export async function parseEmail(raw: Buffer | string, options: EmailParseOptions): Promise<ParsedEmail> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, PARSER_OPTIONS);
  } catch (error) {
    return { kind: 'reject', reason: `unreadable MIME: ${(error as Error).message}` };
  }
  const outer = letterOf(mail);
  const sender = outer.from;
  if (sender === null) return { kind: 'reject', reason: 'no sender address (From)' };
  const ownAddress = options.smtpFrom === null ? null : addressOf(options.smtpFrom);
  const skip = autoReplyReason(mail, sender.address, ownAddress);
  if (skip !== null) return { kind: 'skip', reason: skip };

  const forward = await findForward(outer, sender);
  const author = forward?.author ?? outer;
  const reporter = forward?.reporter ?? sender;
  if (reporter.address === ownAddress) return { kind: 'skip', reason: 'a forward of our own mail' };
  const messageId = outer.messageId ?? contentId(raw);
  // an attached original keeps its own Message-ID, so the citizen's direct mail and the clerk's copy are one request
  const externalId = forward?.attached && author.messageId !== null ? author.messageId : messageId;
  const text = visibleText(author);
  const { media, contents, notKept } = mediaOf(author.attachments, messageId, options.attachments);
  if (text === '' && author.subject === null && media.length === 0)
    return { kind: 'reject', reason: 'nothing to read: no text, subject or usable attachment' };

  const thread = [author.messageId, ...author.ancestors.slice(-MAX_THREAD)].filter((id): id is string => id !== null);
  const context: Record<string, string> = {};
  if (forward !== null) context.forwarded_by = formatMailbox(forward.forwarder);
  if (forward !== null && forward.note !== '') context.forwarded_note = clamp(visibleText({ ...outer, text: forward.note }), MAX_TEXT);
  if (notKept.length > 0) context.attachments_not_kept = clamp(notKept.join('\n'), MAX_TEXT);

  const message: InboundMessageInput = {
    channel: 'email',
    external_id: externalId.length <= 500 ? externalId : contentId(externalId),
    received_at: options.receivedAt && !Number.isNaN(options.receivedAt.getTime()) ? options.receivedAt.toISOString() : undefined,
    sender: { name: reporter.name === null ? null : clamp(reporter.name, 200), phone: null, email: reporter.address, handle: null },
    text,
    subject: author.subject === null ? null : clamp(author.subject, 1000),
    media,
    conversation_id: clamp(author.ancestors[0] ?? author.messageId ?? externalId, 500),
    continues: ownAddress === null ? null : requestIdIn(author.ancestors, domainOf(ownAddress)),
    reply_to: {
      channel: 'email',
      to: author.replyTo ?? reporter.address,
      from: options.smtpFrom,
      thread,
      subject: author.subject,
    },
    context,
  };
  const valid = InboundMessageInput.safeParse(message);
  if (!valid.success)
    return { kind: 'reject', reason: valid.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
  return { kind: 'message', message, contents };
}

import {
  QueueUnavailableError,
  maskEmail,
  newRequestId,
  type Connector,
  type ConnectorContext,
  type FollowUp,
  type InboundMessageInput,
  type Responder,
} from '@intake/core';
import { storeAttachments } from './attachments.js';
import { parseEmail } from './parse.js';
import { MailboxPoller, type MailHandler } from './poller.js';
import { createEmailResponder } from './responder.js';
import { EMAIL_KEY, EmailSettings, MAIL_TRAITS, emailSettings } from './settings.js';

export { parseEmail, type EmailParseOptions, type ParsedEmail } from './parse.js';
export { KEYWORDS } from './poller.js';
export { replySubject } from './responder.js';
export { newMessageId, requestIdIn } from './message-id.js';

export { EmailSettings, emailSettings } from './settings.js';

/** What a mail is to the sender's reports: only its thread says which report a mail is about, never its sender alone. */
async function followUpOf(ctx: ConnectorContext, message: InboundMessageInput): Promise<FollowUp> {
  const address = message.sender?.email;
  if (ctx.followUp === undefined || !address) return { kind: 'new' };
  const media = message.media?.length ?? 0;
  return ctx.followUp({ address, text: message.text ?? '', media, request_id: message.continues ?? null, latest_counts: false });
}

/**
 * "STATUS" or a question in the thread: answered by mail, to the sender's own address (never a Reply-To, which
 * anyone may set), and no request is made. False when there is no SMTP server to answer through.
 */
async function answerStatus(answerer: Responder | null, message: InboundMessageInput, followUp: FollowUp & { kind: 'status' }) {
  const { answer } = followUp;
  const to = message.reply_to;
  if (answerer === null || !to || !message.sender?.email) return false;
  await answerer.send(
    { ...to, channel: 'email', to: message.sender.email, from: to.from ?? null, thread: to.thread ?? [], subject: to.subject ?? null },
    {
      // a neutral answer names no request: a fresh id threads nothing back to one
      request_id: answer.request?.id ?? newRequestId(),
      reference: answer.request?.reference ?? '',
      kind: 'status',
      text: answer.text,
      language: answer.language,
    },
  );
  return true;
}

/** Parses a polled mail and hands it to intake; a queue outage leaves the mail for later, anything else settles it. */
function createMailHandler(ctx: ConnectorContext, email: EmailSettings, answerer: Responder | null): MailHandler {
  const { log } = ctx;
  return async ({ uid, source, internalDate }) => {
    const parsed = await parseEmail(source, {
      smtpFrom: email.smtp?.from ?? null,
      attachments: email.attachments,
      receivedAt: internalDate,
    });
    if (parsed.kind === 'skip') {
      log.info({ channel: 'email', uid, reason: parsed.reason }, 'email skipped: makes no request');
      return { done: 'skipped' };
    }
    if (parsed.kind === 'reject') {
      log.warn({ channel: 'email', uid, reason: parsed.reason }, 'email rejected');
      return { done: 'rejected' };
    }
    const sender = maskEmail(parsed.message.sender?.email ?? '');
    const followUp = await followUpOf(ctx, parsed.message).catch((error: Error) => error);
    if (followUp instanceof Error) {
      log.warn({ channel: 'email', uid, err: followUp.message }, 'reports unreadable: email left in the mailbox');
      return { retryMs: 5_000 };
    }
    if (followUp.kind === 'nothing') {
      log.info({ channel: 'email', uid, sender }, 'email skipped: a thank-you in a thread makes no request');
      return { done: 'skipped' };
    }
    if (followUp.kind === 'status') {
      const answered = await answerStatus(answerer, parsed.message, followUp).catch((error: Error) => error);
      if (answered instanceof Error) {
        log.warn({ channel: 'email', uid, err: answered.message }, 'status answer not sent: email left in the mailbox');
        return { retryMs: 30_000 };
      }
      log.info({ channel: 'email', uid, sender, request: followUp.answer.request?.id ?? null, answered }, 'email asked for a status');
      return { done: 'skipped' };
    }
    // in a thread, only what adds to the sender's own report continues it; anything else is a new report
    const given = { ...parsed.message, continues: followUp.kind === 'adds' ? followUp.request_id : null };
    const message = await storeAttachments(ctx.media, given, parsed.contents).catch((error: Error) => error);
    if (message instanceof Error) {
      log.warn({ channel: 'email', uid, err: message.message }, 'media store unavailable: email left in the mailbox');
      return { retryMs: 30_000 };
    }
    // what no record will hold (a refusal, a mail polled twice) does not stay in the store; a retry stores it anew
    const unheld = () => ctx.media.discard(message.media ?? []);
    try {
      const accepted = await ctx.accept(message);
      if (accepted.duplicate) await unheld();
      log.info(
        { channel: 'email', uid, sender, id: accepted.id, duplicate: accepted.duplicate, continues: accepted.continues },
        'email accepted',
      );
      return { done: 'queued' };
    } catch (error) {
      await unheld();
      if (error instanceof QueueUnavailableError) {
        log.warn({ channel: 'email', uid }, 'intake queue unavailable: email left in the mailbox');
        return { retryMs: Number(error.headers['Retry-After'] ?? 5) * 1000 };
      }
      log.warn({ channel: 'email', uid, sender, err: (error as Error).message }, 'email rejected by intake');
      return { done: 'rejected' };
    }
  };
}

/** A fresh email channel; the gateway uses `emailConnector`, tests may run their own. */
export function createEmailConnector(): Connector<EmailSettings> {
  let poller: MailboxPoller | null = null;
  let answerer: Responder | null = null;
  return {
    key: EMAIL_KEY,
    channels: [{ name: 'email', traits: MAIL_TRAITS }],
    settings: EmailSettings,
    enabled: (config) => emailSettings(config) !== undefined,
    // email has no HTTP route: mail arrives by IMAP
    mount: () => undefined,
    outgoingMail: (config) => emailSettings(config)?.smtp,
    responder(config, log, texts) {
      const smtp = emailSettings(config)?.smtp;
      return smtp === undefined ? null : createEmailResponder(smtp, config, log, texts);
    },
    async start(ctx) {
      const email = emailSettings(ctx.config);
      if (email === undefined || poller !== null) return;
      answerer = email.smtp === undefined ? null : createEmailResponder(email.smtp, ctx.config, ctx.log, ctx.texts);
      poller = new MailboxPoller({
        imap: email.imap,
        maxMessageBytes: email.max_message_bytes,
        handle: createMailHandler(ctx, email, answerer),
        log: ctx.log,
      });
      poller.start();
    },
    async stop() {
      await poller?.stop();
      poller = null;
      await answerer?.close?.();
      answerer = null;
    },
  };
}

export const emailConnector: Connector<EmailSettings> = createEmailConnector();

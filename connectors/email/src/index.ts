import { QueueUnavailableError, maskEmail, type Connector, type ConnectorContext } from '@intake/core';
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

/** Parses a polled mail and hands it to intake; a queue outage leaves the mail for later, anything else settles it. */
function createMailHandler(ctx: ConnectorContext, email: EmailSettings): MailHandler {
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
    const message = await storeAttachments(ctx.media, parsed.message, parsed.contents).catch((error: Error) => error);
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
      poller = new MailboxPoller({
        imap: email.imap,
        maxMessageBytes: email.max_message_bytes,
        handle: createMailHandler(ctx, email),
        log: ctx.log,
      });
      poller.start();
    },
    async stop() {
      await poller?.stop();
      poller = null;
    },
  };
}

export const emailConnector: Connector<EmailSettings> = createEmailConnector();

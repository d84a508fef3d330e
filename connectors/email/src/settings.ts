import { SmtpSettings, settingsOf, type ChannelTraits, type LoadedConfig } from '@intake/core';
import { z } from 'zod';

const ImapSettings = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().positive().default(993),
  secure: z.boolean().default(true),
  user: z.string().min(1),
  pass: z.string().min(1),
  mailbox: z.string().default('INBOX'),
  processed_mailbox: z.string().nullable().default('Processed'),
  /** a full re-scan of the mailbox this often, besides IDLE: covers servers without IDLE and mail left for a retry */
  poll_seconds: z.number().positive().default(60),
});

/** What an email's attachments may be to travel as media; anything else is noted, not kept. */
const EmailAttachmentSettings = z.strictObject({
  max_bytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** MIME types, `image/*` style wildcards allowed */
  types: z.array(z.string().min(1)).default(['image/*', 'application/pdf']),
});

/** `channels.email`: the mailbox read by IMAP, and the SMTP server replies go out through. */
export const EmailSettings = z.strictObject({
  imap: ImapSettings,
  smtp: SmtpSettings.optional(),
  attachments: EmailAttachmentSettings.default({ max_bytes: 10 * 1024 * 1024, types: ['image/*', 'application/pdf'] }),
  /** larger mail is not downloaded: it is set aside with a logged reason */
  max_message_bytes: z
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
});
export type EmailSettings = z.infer<typeof EmailSettings>;
export type ImapConfig = EmailSettings['imap'];

export const EMAIL_KEY = 'email';

/** A reply in the thread answers our question (the thread, not the sender, says so); quotes and signatures are told apart. */
export const MAIL_TRAITS: Partial<ChannelTraits> = { quotesAndSignatures: true };

export const emailSettings = (config: LoadedConfig): EmailSettings | undefined =>
  settingsOf(config, { key: EMAIL_KEY, settings: EmailSettings });

import {
  maskEmail,
  type LoadedConfig,
  type Logger,
  type OutboundReply,
  type ReplyAddress,
  type Responder,
  type SmtpSettings,
} from '@intake/core';
import type { Texts } from '@intake/i18n';
import nodemailer from 'nodemailer';
import { addressOf, domainOf, newMessageId } from './message-id.js';

export type SmtpConfig = SmtpSettings;

const REPLY_PREFIXES = /^(?:\s*(?:re|aw|sv|vs)\s*:\s*)+/i;
const REFERENCE_TAG = /\s*\[#[0-9A-Z]{6}\]/gi;

/** "Re: <their subject> [#REF]": one reference in the subject however long the thread gets; `untitled` when they gave none. */
export function replySubject(original: string | null, reference: string, untitled: string): string {
  const base = (original ?? '').replace(REFERENCE_TAG, '').replace(REPLY_PREFIXES, '').trim();
  if (base === '') return untitled;
  return reference === '' ? `Re: ${base}` : `Re: ${base} [#${reference}]`;
}

/** `thread` is the citizen's Message-ID then its ancestors, oldest first: what In-Reply-To and References need. */
function threading(thread: string[]) {
  const [parent, ...ancestors] = thread;
  return parent === undefined ? {} : { inReplyTo: parent, references: [...ancestors, parent] };
}

/**
 * Answers citizens by SMTP, threaded under their own mail, from a Message-ID that names the request
 * so that their reply finds it again. Marked as automatic (RFC 3834) so that auto-responders stay quiet.
 */
export function createEmailResponder(smtp: SmtpConfig, config: LoadedConfig, log: Logger, texts: Texts): Responder {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user === undefined ? undefined : { user: smtp.user, pass: smtp.pass ?? '' },
  });
  const address = addressOf(smtp.from);
  const from = smtp.from.includes('<') ? smtp.from : { name: config.jurisdiction.name, address };
  const domain = domainOf(address);

  return {
    channels: ['email'],
    async send(to: ReplyAddress, reply: OutboundReply) {
      await transport.sendMail({
        from,
        to: to.to,
        subject: replySubject(to.subject, reply.reference, texts.t(reply.language, 'email.subject', { reference: reply.reference })),
        text: reply.text,
        messageId: newMessageId(reply.request_id, domain),
        ...threading(to.thread),
        headers: {
          // a status change is not an answer to a message; an acknowledgement or a question is
          'Auto-Submitted': reply.kind === 'status' ? 'auto-generated' : 'auto-replied',
          // asks Exchange not to send out-of-office notices or receipts back
          'X-Auto-Response-Suppress': 'All',
        },
      });
      log.info({ channel: 'email', to: maskEmail(to.to), request: reply.request_id, kind: reply.kind }, 'email reply sent');
    },
    async close() {
      transport.close();
    },
  };
}

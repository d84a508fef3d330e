import {
  ConfigError,
  PermanentDeliveryError,
  SmtpSettings,
  type DeliveryEvent,
  type DestinationPlugin,
  type Receipt,
  type ServiceRequest,
} from '@intake/core';
import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';
import { destinationOptions } from '../options.js';
import { summarize } from './summary.js';

const recipients = z.union([z.email(), z.array(z.email()).min(1)]);

export const EmailOptions = destinationOptions('email').extend({
  /** the works inbox (or inboxes) */
  to: recipients,
  /** default: the sender of the town's outgoing mail (a mail channel's smtp.from) */
  from: z.string().min(3).optional(),
  subject_prefix: z.string().max(100).default('[Intake]'),
  /** default: the town's outgoing mail server (a mail channel's smtp) */
  smtp: SmtpSettings.omit({ from: true }).strict().optional(),
  /** how long a connection, the server's greeting or a silent socket may take before the attempt is given up */
  timeout_ms: z.number().int().positive().default(30_000),
});
export type EmailOptions = z.infer<typeof EmailOptions>;

type SmtpServer = NonNullable<EmailOptions['smtp']>;

const listed = (to: EmailOptions['to']) => [to].flat().join(', ');

/** The destination's own SMTP server and sender, else the town's outgoing mail; neither is a configuration error. */
function sendingSettings(options: EmailOptions, town: SmtpSettings | undefined): { smtp: SmtpServer; from: string } {
  const smtp = options.smtp ?? town;
  const from = options.from ?? town?.from;
  const at = `router.destinations (the email destination to ${listed(options.to)})`;
  if (smtp === undefined) throw new ConfigError([`${at}: no SMTP server: give it smtp, or give the channel that sends mail its smtp`]);
  if (from === undefined) throw new ConfigError([`${at}: no sender: give it from, or give the town's outgoing mail its from`]);
  return { smtp, from };
}

function domainOf(from: string): string {
  const [first] = addressparser(from, { flatten: true });
  const address = first?.address ?? from;
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase() || 'localhost';
}

/** The same on every retry of the same delivery, so the inbox (and whoever reads it) can tell a repeat. */
const deliveryMessageId = (requestId: string, destination: string, domain: string) =>
  `<intake-delivery.${requestId}.${destination}@${domain}>`;

const PRIORITY = { low: 'low', normal: 'normal', high: 'high', urgent: 'high' } as const;

/** A 5xx is the server's final word (unknown mailbox, refused content, bad credentials); a 4xx or a network error may pass. */
function deliveryError(error: unknown, smtp: SmtpServer): Error {
  const { responseCode } = error as { responseCode?: number };
  const message = `SMTP ${smtp.host}:${smtp.port} ${responseCode === undefined ? 'failed' : `answered ${responseCode}`}: ${(error as Error).message}`;
  return responseCode !== undefined && responseCode >= 500 ? new PermanentDeliveryError(message) : new Error(message);
}

/** Mails the delivered record to a works inbox: a readable summary (text and HTML) with the record attached as JSON. */
export const emailDestination: DestinationPlugin<EmailOptions> = {
  type: 'email',
  options: EmailOptions,
  create(options, { config, log, outgoingMail }) {
    const { smtp, from } = sendingSettings(options, outgoingMail);
    const transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user === undefined ? undefined : { user: smtp.user, pass: smtp.pass ?? '' },
      connectionTimeout: options.timeout_ms,
      greetingTimeout: options.timeout_ms,
      socketTimeout: options.timeout_ms,
    });
    const domain = domainOf(from);

    async function deliver(request: ServiceRequest, event: DeliveryEvent): Promise<Receipt> {
      const { subject, text, html } = summarize(request, { subjectPrefix: options.subject_prefix, timezone: config.jurisdiction.timezone });
      let info: { messageId: string; rejected?: unknown[] };
      try {
        info = await transport.sendMail({
          from,
          to: options.to,
          subject,
          text,
          html,
          // an update is its own mail, in the thread of the request's
          ...(request.update === null
            ? { messageId: deliveryMessageId(request.id, event.destination, domain) }
            : {
                messageId: deliveryMessageId(`${request.id}.${request.update.id}`, event.destination, domain),
                inReplyTo: deliveryMessageId(request.id, event.destination, domain),
                references: [deliveryMessageId(request.id, event.destination, domain)],
              }),
          priority: PRIORITY[request.routing.priority],
          headers: { 'X-Intake-Request-Id': request.id, 'Auto-Submitted': 'auto-generated' },
          attachments: [
            { filename: `request-${request.id}.json`, content: `${JSON.stringify(request, null, 2)}\n`, contentType: 'application/json' },
          ],
        });
      } catch (error) {
        throw deliveryError(error, smtp);
      }
      const rejected = info.rejected?.length ?? 0;
      // Some inboxes took it: a retry would send it to those twice, so the rest is reported, not retried.
      if (rejected > 0) log.warn({ id: request.id, rejected }, 'some recipients of the email delivery were refused');
      return { external_id: null, message_id: info.messageId, rejected };
    }

    return { type: 'email', deliver, close: async () => transport.close() };
  },
};

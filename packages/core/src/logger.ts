import { isatty } from 'node:tty';
import pino from 'pino';
import pretty from 'pino-pretty';
import { replacePersonalText } from './personal-text.js';

export type Logger = pino.Logger;

/** "+14035550123" -> "+1403•••0123": enough to tell numbers apart in logs, not enough to call. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.length <= 6) return '•••';
  return `${digits.slice(0, 4)}•••${digits.slice(-4)}`;
}

/** "jane.doe@example.org" -> "j•••@example.org" */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email[0]}•••${email.slice(at)}`;
}

/** Masks the phone numbers and email addresses anywhere in a text, such as another service's error message. */
export function maskPersonalText(text: string): string {
  return replacePersonalText(text, { email: maskEmail, phone: maskPhone });
}

const SECRET_KEYS = new Set([
  'pass',
  'password',
  'auth_token',
  'api_key',
  'api_keys',
  'secret',
  'signing_secret',
  'secret_access_key',
  'bot_token',
  'admin_token',
  'authorization',
  'cookie',
  'token',
  'x-twilio-signature',
  'x-slack-signature',
]);
const PERSONAL_KEYS = new Set(['phone', 'email', 'from', 'to', 'caller', 'caller_phone']);
const MAX_DEPTH = 10;

function maskValue(key: string, value: unknown): unknown {
  if (SECRET_KEYS.has(key)) return value === undefined || value === null ? value : '[redacted]';
  if (PERSONAL_KEYS.has(key) && typeof value === 'string') return value.includes('@') ? maskEmail(value) : maskPhone(value);
  return undefined;
}

/**
 * Masks by key at any depth (pino's own redact paths stop at a fixed depth), and phones and emails inside any text,
 * errors' messages and stacks included: another service's error often names the number it refused.
 */
function sanitize(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalText(value);
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return sanitize({ ...value, type: value.name, message: value.message, stack: value.stack }, depth + 1);
  if (Array.isArray(value)) return value.map((item) => sanitize(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const masked = maskValue(key.toLowerCase(), item);
      return [key, masked === undefined ? sanitize(item, depth + 1) : masked];
    }),
  );
}

/**
 * A terminal gets lines a person reads (pino-pretty, after the masking); anything else, JSON lines, written
 * asynchronously so that a busy route makes no write call per line (pino flushes them on exit). Both write to the
 * descriptor itself, which a worker thread shares (its process.stdout is a pipe to the main thread, never a TTY).
 */
const standardOutput = (): pino.DestinationStream =>
  isatty(1) ? pretty({ destination: 1, colorize: true, translateTime: 'SYS:HH:MM:ss.l' }) : pino.destination({ dest: 1, sync: false });

/** JSON logs (pino) that never print secrets, and only masked phone numbers and emails, however deep they sit. */
export function createLogger(options: { level?: string; name?: string; destination?: pino.DestinationStream } = {}): Logger {
  const logger = pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      name: options.name ?? 'intake',
      formatters: { log: (object) => sanitize(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? maskPersonalText(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? standardOutput(),
  );
  return maskingChildBindings(logger);
}

/**
 * A child's bindings skip the log formatter: they are masked once, as they are bound. Pino's own redaction would do it
 * too, but its wildcard paths (`*.phone`) walk every line's object again, about 10 us a line, the access log's too.
 * Children inherit this `child` from their parent, grandchildren too.
 */
function maskingChildBindings(logger: Logger): Logger {
  const child = logger.child;
  logger.child = function (this: Logger, bindings, childOptions) {
    return child.call(this, sanitize(bindings) as pino.Bindings, childOptions);
  } as typeof child;
  return logger;
}

import pino from 'pino';

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

const SECRET_KEYS = ['pass', 'password', 'auth_token', 'api_key', 'api_keys', 'secret', 'signing_secret', 'bot_token', 'admin_token', 'authorization', 'cookie', 'x-twilio-signature'];
const PERSONAL_KEYS = ['phone', 'email', 'from', 'to', 'From', 'To', 'Caller'];

function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1] ?? '';
  if (typeof value !== 'string') return value === undefined || value === null ? value : '[redacted]';
  if (PERSONAL_KEYS.includes(key)) return value.includes('@') ? maskEmail(value) : maskPhone(value);
  return '[redacted]';
}

const paths = (keys: string[]) => keys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** JSON logs (pino) that never print secrets, and only masked phone numbers and emails. */
export function createLogger(options: { level?: string; name?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      name: options.name ?? 'intake',
      redact: { paths: [...paths(SECRET_KEYS), ...paths(PERSONAL_KEYS), 'req.headers.authorization'], censor },
    },
    options.destination,
  );
}

/** An error the HTTP layer turns into `{ error: { code, message } }` with its status. */
export class IntakeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'IntakeError';
  }
}

export const badRequest = (message: string, code = 'bad_request') => new IntakeError(400, code, message);
export const unauthorized = (message = 'missing or invalid credentials') => new IntakeError(401, 'unauthorized', message);
export const forbidden = (message: string) => new IntakeError(403, 'forbidden', message);
export const notFound = (message = 'not found') => new IntakeError(404, 'not_found', message);
/** The media store's refusal of bytes that are not a photo (415): a channel notes it and goes on, unlike a store that fails. */
export const isNotAPhoto = (error: unknown) => error instanceof IntakeError && error.code === 'unsupported_media_type';

/** Redis did not take the write: the caller should retry, nothing was half-written. */
export class QueueUnavailableError extends IntakeError {
  constructor(cause?: unknown) {
    super(503, 'queue_unavailable', 'the intake queue is unavailable, retry shortly', { 'Retry-After': '5' });
    this.cause = cause;
  }
}

/** Every configuration problem, one `path: message` line each. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A destination's answer that no retry will change (a 4xx other than 408/429): straight to dead letters. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { unauthorized } from './errors.js';
import type { RateLimits } from './rate-limits.js';

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** True when `given` is one of the configured secrets (API keys), compared in constant time. */
export const isKnownSecret = (given: string, secrets: readonly string[]) => secrets.some((expected) => sameSecret(given, expected));

/** The token of an `Authorization: Bearer <token>` header, if the request has one. */
export const bearerToken = (req: Request): string | undefined => /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];

/**
 * `Authorization: Bearer <token>` against any of the configured tokens, compared in constant time. With `limits`, an
 * address that sent too many wrong secrets is answered 429 with Retry-After, whatever token it sends now.
 */
export function requireBearer(tokens: readonly string[], limits?: RateLimits): RequestHandler {
  return (req, _res, next) => {
    const token = bearerToken(req);
    const isRight = () => token !== undefined && isKnownSecret(token, tokens);
    const checked = limits !== undefined && token !== undefined ? limits.secretTried(req.ip, isRight) : Promise.resolve(isRight());
    checked.then((right) => next(right ? undefined : unauthorized()), next);
  };
}

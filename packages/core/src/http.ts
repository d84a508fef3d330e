import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { unauthorized } from './errors.js';

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** True when `given` is one of the configured secrets (API keys), compared in constant time. */
export const isKnownSecret = (given: string, secrets: readonly string[]) => secrets.some((expected) => sameSecret(given, expected));

/** `Authorization: Bearer <token>` against any of the configured tokens, compared in constant time. */
export function requireBearer(tokens: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    const token = match?.[1];
    if (token === undefined || !isKnownSecret(token, tokens)) {
      next(unauthorized());
      return;
    }
    next();
  };
}

import { randomInt } from 'node:crypto';

/**
 * What a reference is written with: digits and capitals without the ones read as each other
 * (0/O, 1/I/L), so a reference read over the phone or copied from a screen comes back the same.
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REFERENCE_LENGTH = 6;

const REFERENCE_PATTERN = new RegExp(`^[${REFERENCE_ALPHABET}]{${REFERENCE_LENGTH}}$`);

/** Picks a number below `max`, uniformly; tests pass their own to force collisions. */
export type RandomIndex = (max: number) => number;

/**
 * A fresh candidate reference. It always mixes letters and digits, so it never spells a word and a text scanner can
 * tell it from one ("STATUS K7PM2Q", not "STATUS POTHLE"). Uniqueness is the store's job (RequestStore.allocateReference).
 */
export function newReference(random: RandomIndex = randomInt): string {
  for (;;) {
    const candidate = Array.from({ length: REFERENCE_LENGTH }, () => REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)]).join('');
    if (/\d/.test(candidate) && /[A-Z]/.test(candidate)) return candidate;
  }
}

/** A reference as a citizen may type it ("#k7pm-2q", " k7pm2q ") in its printed form, or null when it cannot be one. */
export function parseReference(text: string): string | null {
  const compact = text.trim().replace(/^#/, '').replace(/[\s-]/g, '').toUpperCase();
  return REFERENCE_PATTERN.test(compact) ? compact : null;
}

/** The tracking page's path; the token follows the reference after a dash, which neither a reference nor base64url's start needs. */
export function trackingPath(tracking: { reference: string; token: string }): string {
  return `/track/${tracking.reference}-${tracking.token}`;
}

/** `{reference}-{token}` from a tracking path's last segment, or null when it is not one. */
export function parseTrackingSlug(slug: string): { reference: string; token: string } | null {
  const dash = slug.indexOf('-');
  if (dash < 0) return null;
  const reference = parseReference(slug.slice(0, dash));
  const token = slug.slice(dash + 1);
  return reference === null || !/^[A-Za-z0-9_-]{16,64}$/.test(token) ? null : { reference, token };
}

/** An absolute link to one of Intake's public pages, or null when `server.public_url` is not set. */
export function publicLink(publicUrl: string | undefined, path: string): string | null {
  return publicUrl === undefined
    ? null
    : new URL(path.replace(/^\//, ''), publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).toString();
}

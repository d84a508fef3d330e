import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkCheck = 'valid' | 'tampered' | 'expired';

/**
 * Signed, expiring links to stored media: `<base>/media/<id>?expires=<unix seconds>&signature=<HMAC-SHA256>`.
 * A record keeps the link it was given, so the same photo always has the same URL until it expires.
 */
export class MediaLinks {
  constructor(
    private readonly secret: string,
    private readonly base: string,
    private readonly lifetimeSeconds: number,
  ) {}

  private signature(id: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${id}\n${expires}`).digest('base64url');
  }

  url(id: string, now = Date.now()): string {
    const expires = Math.floor(now / 1000) + Math.round(this.lifetimeSeconds);
    return `${this.base.replace(/\/+$/, '')}/media/${encodeURIComponent(id)}?expires=${expires}&signature=${this.signature(id, expires)}`;
  }

  /** The id a link of ours points to; null for any other URL. */
  idOf(url: string): string | null {
    const prefix = `${this.base.replace(/\/+$/, '')}/media/`;
    if (!url.startsWith(prefix)) return null;
    const rest = url.slice(prefix.length).split('?')[0]!;
    return rest === '' || rest.includes('/') ? null : decodeURIComponent(rest);
  }

  check(id: string, expires: unknown, signature: unknown, now = Date.now()): LinkCheck {
    if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires) || typeof signature !== 'string') return 'tampered';
    const expected = Buffer.from(this.signature(id, Number(expires)));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'tampered';
    return Number(expires) * 1000 < now ? 'expired' : 'valid';
  }
}

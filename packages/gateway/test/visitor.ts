/** A browser's cookie jar, reduced to what these tests need: one cookie, sent back on every request. */
export class Visitor {
  cookie: string | null = null;
  /** `headers` go with every request (an X-Forwarded-For, say) */
  constructor(
    private readonly base: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(path: string, init: RequestInit = {}) {
    const headers = new Headers({ ...this.headers, ...Object.fromEntries(new Headers(init.headers)) });
    if (this.cookie !== null) headers.set('cookie', this.cookie);
    const res = await fetch(`${this.base}${path}`, { ...init, headers, redirect: 'manual' });
    const set = res.headers.get('set-cookie');
    if (set !== null) this.cookie = set.split(';')[0]!;
    return res;
  }

  /** The CSRF token of the form on a page. */
  async csrfOf(path: string) {
    const body = await (await this.request(path)).text();
    return /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? null;
  }

  post(path: string, fields: Record<string, string>) {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  async signIn(fields: Record<string, string>) {
    const csrf = (await this.csrfOf('/admin/sign-in'))!;
    return this.post('/admin/sign-in', { _csrf: csrf, ...fields });
  }
}

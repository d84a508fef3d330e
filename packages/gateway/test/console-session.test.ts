import { hash } from '@node-rs/argon2';
import { Redis } from 'ioredis';
import { REDIS_URL } from '@intake/testkit';
import { ADMIN_TOKEN, demoConfig, startGateway, type Running } from './harness.js';
import { Visitor } from './visitor.js';

describe('console sign-in, sessions and CSRF', () => {
  let running: Running;
  let redis: Redis;

  beforeAll(async () => {
    const passwordHash = await hash('correct horse battery staple');
    running = await startGateway(
      demoConfig((raw) => (raw.console = { ...raw.console, users: [{ name: 'clerk', password_hash: passwordHash }] })),
      { workers: false },
    );
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await running.stop();
  });

  it('sends a visitor without a session to sign in, and refuses the API side with 401 JSON', async () => {
    const visitor = new Visitor(running.url);
    const page = await visitor.request('/admin?q=pothole', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/admin/sign-in?next=%2Fadmin%3Fq%3Dpothole');
    const api = await visitor.request('/admin', { headers: { accept: 'application/json' } });
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('signs in with the admin token into an HttpOnly, SameSite session kept in Redis, and signs out', async () => {
    const visitor = new Visitor(running.url);
    const before = await visitor.csrfOf('/admin/sign-in');
    const anonymousCookie = visitor.cookie;
    const signedIn = await visitor.post('/admin/sign-in', { _csrf: before!, token: ADMIN_TOKEN, next: '/admin?q=bear' });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/admin?q=bear');
    const setCookie = signedIn.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(visitor.cookie).not.toBe(anonymousCookie); // a new session id on sign-in
    const sid = decodeURIComponent(visitor.cookie!.split('=')[1]!).slice(2).split('.')[0]!;
    expect(JSON.parse((await redis.get(`${running.gateway.config.redis.prefix}:admin-session:${sid}`))!)).toMatchObject({ user: 'admin' });

    const list = await visitor.request('/admin');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('name="q"');

    const csrf = (await visitor.csrfOf('/admin'))!;
    const signedOut = await visitor.post('/admin/sign-out', { _csrf: csrf });
    expect(signedOut.status).toBe(303);
    expect(await redis.exists(`${running.gateway.config.redis.prefix}:admin-session:${sid}`)).toBe(0);
    expect((await visitor.request('/admin', { headers: { accept: 'text/html' } })).status).toBe(303);
  });

  it('signs in a configured user with their password, and refuses a wrong one without a session', async () => {
    const wrong = new Visitor(running.url);
    const refused = await wrong.signIn({ user: 'clerk', password: 'not it' });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('not right');
    expect((await wrong.request('/admin', { headers: { accept: 'text/html' } })).status).toBe(303);

    const clerk = new Visitor(running.url);
    expect((await clerk.signIn({ user: 'clerk', password: 'correct horse battery staple' })).status).toBe(303);
    expect(await (await clerk.request('/admin')).text()).toContain('clerk');
  });

  it('refuses a form that changes something without the session CSRF token, and a sign-in without one', async () => {
    const visitor = new Visitor(running.url);
    await visitor.signIn({ token: ADMIN_TOKEN });
    const forged = await visitor.post('/admin/sign-out', {});
    expect(forged.status).toBe(403);
    expect(await forged.json()).toEqual({ error: { code: 'csrf', message: expect.any(String) } });
    const wrongToken = await visitor.post('/admin/sign-out', { _csrf: 'guessed' });
    expect(wrongToken.status).toBe(403);
    expect((await visitor.request('/admin')).status).toBe(200); // still signed in

    const stranger = new Visitor(running.url);
    expect((await stranger.post('/admin/sign-in', { token: ADMIN_TOKEN })).status).toBe(403);
  });

  it('lets a bearer admin token through without a cookie, and still refuses a wrong one', async () => {
    const ok = await fetch(`${running.url}/admin`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(ok.status).toBe(200);
    const bad = await fetch(`${running.url}/admin`, { headers: { authorization: 'Bearer nope', accept: 'application/json' } });
    expect(bad.status).toBe(401);
    const api = await fetch(`${running.url}/api/v1/admin/dead-letters`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(api.status).toBe(200);
  });

  it('never redirects outside the console after sign-in', async () => {
    const visitor = new Visitor(running.url);
    const csrf = (await visitor.csrfOf('/admin/sign-in'))!;
    const res = await visitor.post('/admin/sign-in', { _csrf: csrf, token: ADMIN_TOKEN, next: '//evil.example.org/admin' });
    expect(res.headers.get('location')).toBe('/admin');
  });
});

import { hash } from '@node-rs/argon2';
import { QUEUE } from '@intake/core';
import { Queue } from 'bullmq';
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

  it("lets the queue board's actions through from the console's own pages only, not from another site's", async () => {
    const visitor = new Visitor(running.url);
    await visitor.signIn({ token: ADMIN_TOKEN });
    const intake = new Queue(QUEUE.intake, { connection: redis, prefix: running.gateway.config.redis.prefix });
    const pause = (headers: Record<string, string>) => visitor.request('/admin/queues/api/queues/intake/pause', { method: 'PUT', headers });
    try {
      for (const headers of <Record<string, string>[]>[
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
        { origin: 'http://evil.example.org' },
        {},
      ]) {
        const refused = await pause(headers);
        expect(refused.status).toBe(403);
        expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('csrf');
      }
      // a form another site posts (bull-board's add-a-job route takes POST)
      const added = await visitor.request('/admin/queues/api/queues/intake/add', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin: 'http://evil.example.org' },
        body: '{"name":"x","data":{}}',
      });
      expect(added.status).toBe(403);
      expect(await intake.isPaused()).toBe(false);
      expect(await intake.count()).toBe(0);

      expect((await pause({ 'sec-fetch-site': 'same-origin' })).status).toBe(200);
      expect(await intake.isPaused()).toBe(true);
      const resume = await visitor.request('/admin/queues/api/queues/intake/resume', { method: 'PUT', headers: { origin: running.url } });
      expect(resume.status).toBe(200);
      expect(await intake.isPaused()).toBe(false);
      // reading the board needs no such header, and a bearer caller has no cookie another site could ride on
      expect((await visitor.request('/admin/queues/api/queues')).status).toBe(200);
      const bearer = await fetch(`${running.url}/admin/queues/api/queues/intake/pause`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(bearer.status).toBe(200);
    } finally {
      await intake.resume();
      await intake.close();
    }
  });

  it('never redirects outside the console after sign-in', async () => {
    const visitor = new Visitor(running.url);
    const csrf = (await visitor.csrfOf('/admin/sign-in'))!;
    const res = await visitor.post('/admin/sign-in', { _csrf: csrf, token: ADMIN_TOKEN, next: '//evil.example.org/admin' });
    expect(res.headers.get('location')).toBe('/admin');
  });
});

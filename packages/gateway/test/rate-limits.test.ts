import { ADMIN_TOKEN, demoConfig, startGateway, type Running } from './harness.js';
import { TWILIO, postAsTwilio, smsChannel, startTwilioStandIn, untilReady, type TwilioStandIn } from './twilio.js';
import { Visitor } from './visitor.js';

const API_KEY = 'rate-limit-test-key';
const TRANSCRIPT_KEY = 'rate-limit-transcript-key';
const METRICS_TOKEN = 'rate-limit-metrics-token';

/** Limits an attacker meets: per client address, per sender, and on Open311 API key guesses; counted in Redis. */
describe('rate limits on the intake routes', () => {
  let twilioApi: TwilioStandIn;
  let running: Running;

  beforeAll(async () => {
    twilioApi = await startTwilioStandIn();
    running = await startGateway(
      demoConfig((raw) => {
        raw.channels.sms = smsChannel(twilioApi);
        raw.channels.open311 = { api_keys: [API_KEY] };
        raw.channels.transcripts = { api_keys: [TRANSCRIPT_KEY] };
        raw.server.trust_proxy = true;
        raw.server.metrics = { token: METRICS_TOKEN };
        raw.server.rate_limits = {
          per_client: { max: 5, per_seconds: 600 },
          per_sender: { max: 3, per_seconds: 600 },
          key_failures: { max: 3, per_seconds: 600 },
        };
      }),
      { workers: false },
    );
    await untilReady(running.url);
  });
  afterAll(async () => {
    await running.stop();
    await twilioApi.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const receivedByWeb = async () =>
    Number(
      /^intake_received_total\{channel="web"\} (\d+)/m.exec(
        await (await fetch(`${running.url}/metrics`, { headers: bearer(METRICS_TOKEN) })).text(),
      )?.[1],
    );
  const report = (description: string, headers: Record<string, string> = {}) =>
    fetch(`${running.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ description }),
    });

  it('answers 429 with Retry-After and a JSON error once one client sent too many web reports, and queues nothing more', async () => {
    for (let n = 0; n < 5; n++) expect((await report(`graffiti ${n} at 305 Banff Ave`)).status).toBe(202);
    const before = await receivedByWeb();
    expect(before).toBeGreaterThanOrEqual(5);
    const refused = await report('graffiti again at 305 Banff Ave');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/retry in \d+ s/) } });
    expect(await receivedByWeb()).toBe(before);
  });

  it('answers 429 once one number sent too many new texts, but never limits a retry of one already taken', async () => {
    const text = (sid: string) =>
      postAsTwilio(running.url, running.gateway.config, '/webhooks/twilio/sms', {
        MessageSid: sid,
        To: TWILIO.number,
        From: '+14035550177',
        Body: `pothole ${sid} at 211 Bear St`,
      });
    for (const sid of ['SMlimit1', 'SMlimit2', 'SMlimit3']) expect((await text(sid)).status).toBe(200);
    const refused = await text('SMlimit4');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await text('SMlimit1')).status).toBe(200);
  });

  it('slows Open311 API key guessing: after three wrong keys even the right one waits', async () => {
    const post = (apiKey: string) =>
      fetch(`${running.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9' },
        body: new URLSearchParams({
          api_key: apiKey,
          service_code: 'POTHOLE',
          description: 'pothole',
          address_string: '211 Bear St',
        }).toString(),
      });
    for (const guess of ['guess-1', 'guess-2', 'guess-3']) expect((await post(guess)).status).toBe(403);
    const blocked = await post(API_KEY);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await blocked.json()).toEqual([{ code: 429, description: expect.stringMatching(/too many requests/) }]);
  });

  /** Three wrong secrets from one address, then the right one: refused 429 with Retry-After, as a wrong one would be. */
  const expectGuessingSlowed = async (attempt: (secret: string) => Promise<Response>, right: string, refusedStatus: number) => {
    for (const guess of ['guess-1', 'guess-2', 'guess-3']) expect((await attempt(guess)).status).toBe(refusedStatus);
    const blocked = await attempt(right);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    return blocked;
  };

  it('slows admin token guessing on the API, and keeps the JSON error', async () => {
    const from = { 'x-forwarded-for': '203.0.113.21' };
    const blocked = await expectGuessingSlowed(
      (token) => fetch(`${running.url}/api/v1/admin/dead-letters`, { headers: { ...from, ...bearer(token) } }),
      ADMIN_TOKEN,
      401,
    );
    expect(await blocked.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/retry in \d+ s/) } });
    // another address is not held up by that one
    expect(
      (await fetch(`${running.url}/api/v1/admin/dead-letters`, { headers: { 'x-forwarded-for': '203.0.113.22', ...bearer(ADMIN_TOKEN) } }))
        .status,
    ).toBe(200);
  });

  it('slows guessing at the console sign-in (its page says why) and of bearer tokens on the console', async () => {
    const visitor = new Visitor(running.url, { 'x-forwarded-for': '203.0.113.23' });
    const blocked = await expectGuessingSlowed((token) => visitor.signIn({ token }), ADMIN_TOKEN, 401);
    expect(blocked.headers.get('content-type')).toMatch(/html/);
    expect(await blocked.text()).toMatch(/Too many wrong tries from here: try again in \d+ s/);
    expect((await visitor.request('/admin', { headers: { accept: 'text/html' } })).status).toBe(303); // not signed in

    const bearerVisitor = new Visitor(running.url, { 'x-forwarded-for': '203.0.113.24', accept: 'application/json' });
    await expectGuessingSlowed((token) => bearerVisitor.request('/admin', { headers: bearer(token) }), ADMIN_TOKEN, 401);
  });

  it('slows guessing of transcript keys and the metrics token', async () => {
    const transcript = (key: string) =>
      fetch(`${running.url}/api/v1/transcripts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.25', ...bearer(key) },
        body: JSON.stringify({ call_id: 'rate-limit-call', transcript: 'Caller: a streetlight is out at 211 Bear St' }),
      });
    await expectGuessingSlowed(transcript, TRANSCRIPT_KEY, 401);

    const metrics = (token: string) =>
      fetch(`${running.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.26', ...bearer(token) } });
    await expectGuessingSlowed(metrics, METRICS_TOKEN, 401);
  });
});

import { demoConfig, startGateway, type Running } from './harness.js';
import { TWILIO, postAsTwilio, smsChannel, startTwilioStandIn, untilReady, type TwilioStandIn } from './twilio.js';

const API_KEY = 'rate-limit-test-key';

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
        raw.server.trust_proxy = true;
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

  const receivedByWeb = async () =>
    Number(/^intake_received_total\{channel="web"\} (\d+)/m.exec(await (await fetch(`${running.url}/metrics`)).text())?.[1]);
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
});

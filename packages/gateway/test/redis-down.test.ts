import { startRedisServer, waitFor, type RedisServer } from '@intake/testkit';
import { demoConfig, startGateway, type Running } from './harness.js';
import { TWILIO, postAsTwilio, smsChannel, startTwilioStandIn, untilReady, type TwilioStandIn } from './twilio.js';

const SMS = '/webhooks/twilio/sms';

/** Every Redis failure on an intake route is a 503 with Retry-After, or a 2xx when the write happened. */
describe('intake routes while Redis dies', () => {
  let redis: RedisServer;
  let twilioApi: TwilioStandIn;
  let running: Running;

  beforeAll(async () => {
    redis = await startRedisServer();
    twilioApi = await startTwilioStandIn();
    running = await startGateway(
      demoConfig((raw) => {
        raw.redis.url = redis.url;
        raw.channels.sms = smsChannel(twilioApi);
      }),
      { workers: false },
    );
    await untilReady(running.url);
  });
  afterAll(async () => {
    await running.stop().catch(() => undefined);
    await twilioApi.close();
    await redis.stop();
  }, 90_000); // a gateway whose Redis was killed and restarted can take long to close its connections (issue 12, item 9)
  afterEach(async () => {
    await redis.start();
    await untilReady(running.url);
  });

  const text = (sid: string, body: string) =>
    postAsTwilio(running.url, running.gateway.config, SMS, { MessageSid: sid, To: TWILIO.number, From: '+14035550123', Body: body });
  const expectUnavailable = async (response: Response) => {
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({ error: { code: 'queue_unavailable', message: expect.any(String) } });
  };

  it('answers an SMS 200 when Redis dies right after it was queued', async () => {
    const accept = running.gateway.context.accept;
    running.gateway.context.accept = async (message) => {
      const accepted = await accept(message);
      await redis.kill();
      return accepted;
    };
    try {
      const response = await text('SM-then-redis-dies', 'streetlight out at 211 Bear St');
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/<Message>/);
    } finally {
      running.gateway.context.accept = accept;
    }
  });

  it('answers 503 with Retry-After to an SMS, a STOP and a web report while Redis is down', async () => {
    await redis.kill();
    await waitFor(async () => (await fetch(`${running.url}/readyz`)).status === 503, 5_000, 'readyz to fail');
    await expectUnavailable(await text('SM-while-down', 'pothole at 305 Banff Ave'));
    await expectUnavailable(await text('SM-stop-while-down', 'STOP'));
    await expectUnavailable(
      await fetch(`${running.url}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ description: 'graffiti on the wall' }),
      }),
    );
  });

  it('still answers bad input 4xx while Redis is down', async () => {
    await redis.kill();
    const response = await fetch(`${running.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"description":',
    });
    expect(response.status).toBe(400);
  });
});

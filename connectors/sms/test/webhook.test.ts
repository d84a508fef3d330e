import express from 'express';
import { validateRequest } from 'twilio';
import { smsConnector, twilioWebhook } from '../src/index.js';
import { AUTH_TOKEN, PUBLIC_URL, postSigned, startConnectorApp, testConfig, type ConnectorApp } from './harness.js';

const SMS = '/webhooks/twilio/sms';

/** twilio-node's own request-validation vector (spec/webhooks.spec.js), also in Twilio's security docs. */
const TWILIO_VECTOR = {
  authToken: '12345',
  url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
  params: { CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309', To: '+18005551212' },
  signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
};

describe('Twilio signature verification', () => {
  let app: ConnectorApp;
  beforeAll(async () => {
    // the vector's URL is the public URL the route is known by; the route itself sits behind a proxy
    const config = testConfig({ sms: { auth_token: TWILIO_VECTOR.authToken } });
    config.server.public_url = 'https://mycompany.com';
    app = await startConnectorApp((router) => {
      router.post('/myapp.php', ...twilioWebhook(config, TWILIO_VECTOR.authToken, 'sms'), (_req, res) => {
        res.json({ verified: true });
      });
    }, config);
  });
  afterAll(() => app.close());

  const post = (params: Record<string, string>, signature: string | null, path = '/myapp.php?foo=1&bar=2') =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === null ? {} : { 'x-twilio-signature': signature }) },
      body: new URLSearchParams(params).toString(),
    });

  it("agrees with twilio-node's published vector", () => {
    expect(validateRequest(TWILIO_VECTOR.authToken, TWILIO_VECTOR.signature, TWILIO_VECTOR.url, TWILIO_VECTOR.params)).toBe(true);
  });

  it('accepts the vector posted to the route, the URL rebuilt from the public URL', async () => {
    const response = await post(TWILIO_VECTOR.params, TWILIO_VECTOR.signature);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ verified: true });
  });

  it.each([
    ['a tampered parameter', { ...TWILIO_VECTOR.params, Digits: '9999' }, TWILIO_VECTOR.signature, undefined],
    ['an added parameter', { ...TWILIO_VECTOR.params, Body: 'hello' }, TWILIO_VECTOR.signature, undefined],
    ['another query string', TWILIO_VECTOR.params, TWILIO_VECTOR.signature, '/myapp.php?foo=1&bar=3'],
    ['a wrong signature', TWILIO_VECTOR.params, 'RSOYDt4T1cUTdK1PDd93/VVr8B8X', undefined],
    ['no signature', TWILIO_VECTOR.params, null, undefined],
  ])('refuses %s with a 403 JSON error', async (_what, params, signature, path) => {
    const response = await post(params, signature, path);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'forbidden', message: 'the X-Twilio-Signature header is missing or does not match this request' },
    });
  });
});

describe('POST /webhooks/twilio/sms', () => {
  let app: ConnectorApp;
  let freshRequest: ConnectorApp['answer'];
  beforeAll(async () => {
    app = await startConnectorApp(smsConnector.mount);
    freshRequest = app.answer;
  });
  afterAll(() => app.close());
  beforeEach(() => {
    app.accepted.length = 0;
    app.answer = freshRequest;
  });

  const sms = (params: Record<string, string>) =>
    postSigned(app.url, SMS, { MessageSid: 'SM00000000000000000000000000000001', To: '+15555550100', ...params });

  it('accepts a signed SMS and acknowledges it in TwiML with the short reference', async () => {
    app.answer = () => ({ id: '01JD0000000000000000ABC123', reference: 'ABC234', tracking_path: null, duplicate: false, continues: null });
    const response = await sms({ From: '+15555550123', Body: '  Pothole outside 12 Maple St  ' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await response.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>City of Springfield: we received your report ABC234. Thank you.</Message></Response>',
    );
    expect(app.accepted).toEqual([
      {
        channel: 'sms',
        external_id: 'SM00000000000000000000000000000001',
        sender: { name: null, phone: '+15555550123', email: null, handle: null },
        text: 'Pothole outside 12 Maple St',
        point: null,
        media: [],
        reply_to: { channel: 'sms', to: '+15555550123', from: '+15555550100', thread: [], subject: null },
      },
    ]);
  });

  it('thanks the citizen for an answer that continues an open request, naming that request', async () => {
    app.answer = () => ({
      id: '01JD0000000000000000NEW999',
      reference: 'QLD222',
      tracking_path: null,
      duplicate: false,
      continues: '01JD0000000000000000OLD111',
    });
    const text = await (await sms({ From: '+15555550123', Body: 'corner of Maple and Mill' })).text();
    expect(text).toContain('<Message>City of Springfield: thank you, we added that to your report QLD222.</Message>');
    expect(text).not.toContain('NEW999');
  });

  it('refuses a request signed for another URL and hands nothing over', async () => {
    const response = await postSigned(
      app.url,
      SMS,
      { MessageSid: 'SM1', From: '+15555550123', Body: 'hi' },
      { publicUrl: 'https://attacker.example' },
    );
    expect(response.status).toBe(403);
    expect(app.accepted).toHaveLength(0);
  });

  it('refuses a request signed with another auth token', async () => {
    const response = await postSigned(
      app.url,
      SMS,
      { MessageSid: 'SM1', From: '+15555550123', Body: 'hi' },
      { authToken: `${AUTH_TOKEN}x` },
    );
    expect(response.status).toBe(403);
    expect(app.accepted).toHaveLength(0);
  });

  it('answers a signed form without MessageSid or From with a 400', async () => {
    const response = await postSigned(app.url, SMS, { Body: 'hello' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_twilio_message');
    expect(body.error.message).toContain('MessageSid is required');
    expect(body.error.message).toContain('From is required');
    expect(app.accepted).toHaveLength(0);
  });

  it('turns MMS media into the message media, with content types', async () => {
    await sms({
      From: '+15555550123',
      Body: 'look at this hole',
      NumMedia: '2',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1',
      MediaContentType0: 'image/jpeg',
      MediaUrl1: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2',
      MediaContentType1: 'video/mp4',
    });
    expect(app.accepted[0]?.media).toEqual([
      { url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1', content_type: 'image/jpeg', name: null, bytes: null },
      { url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2', content_type: 'video/mp4', name: null, bytes: null },
    ]);
  });

  it('accepts a photo without words', async () => {
    const response = await sms({
      From: '+15555550123',
      Body: '',
      NumMedia: '1',
      MediaUrl0: 'https://example.com/m.jpg',
      MediaContentType0: 'image/png',
    });
    expect(await response.text()).toContain('we received your report');
    expect(app.accepted[0]).toMatchObject({ text: '', media: [{ url: 'https://example.com/m.jpg', content_type: 'image/png' }] });
  });

  it('reads a WhatsApp location: channel whatsapp, the number without its prefix, the pin as the point', async () => {
    await sms({
      From: 'whatsapp:+15555550123',
      To: 'whatsapp:+15555550100',
      Body: '',
      Latitude: '39.7817',
      Longitude: '-89.6501',
      ProfileName: 'Marge',
    });
    expect(app.accepted[0]).toMatchObject({
      channel: 'whatsapp',
      sender: { name: 'Marge', phone: '+15555550123' },
      point: { lat: 39.7817, long: -89.6501 },
      reply_to: { channel: 'whatsapp', to: '+15555550123', from: '+15555550100' },
    });
  });

  it('answers a location outside the globe with a 400', async () => {
    const response = await sms({ From: 'whatsapp:+15555550123', Latitude: '139.78', Longitude: '-89.65' });
    expect(response.status).toBe(400);
    expect(app.accepted).toHaveLength(0);
  });

  it.each(['STOP', 'stop', ' Unsubscribe ', 'STOPALL', 'cancel', 'END', 'quit.'])(
    'opts the sender out on %j, confirms, and makes no request',
    async (word) => {
      const text = await (await sms({ From: '+15555550188', Body: word })).text();
      expect(text).toContain('City of Springfield: you are unsubscribed');
      expect(await app.optOuts.isOptedOut('sms', '+15555550188')).toBe(true);
      expect(app.accepted).toHaveLength(0);
      await app.optOuts.optIn('sms', '+15555550188');
    },
  );

  it.each(['START', 'unstop', 'Yes'])('opts the sender back in on %j', async (word) => {
    await app.optOuts.optOut('whatsapp', '+15555550177');
    const text = await (await sms({ From: 'whatsapp:+15555550177', Body: word })).text();
    expect(text).toContain('you are subscribed again');
    expect(await app.optOuts.isOptedOut('whatsapp', '+15555550177')).toBe(false);
    expect(app.accepted).toHaveLength(0);
  });

  it.each(['HELP', 'info', ''])('answers %j with help naming the jurisdiction and makes no request', async (word) => {
    const text = await (await sms({ From: '+15555550123', Body: word })).text();
    expect(text).toContain('City of Springfield service requests: text us the problem and where it is');
    expect(text).toContain(PUBLIC_URL);
    expect(text).toContain('Reply STOP to unsubscribe.');
    expect(app.accepted).toHaveLength(0);
  });

  it('still takes a report from a number that opted out, but answers it with silence', async () => {
    await app.optOuts.optOut('sms', '+15555550166');
    const text = await (await sms({ From: '+15555550166', Body: 'tree down on Elm Street' })).text();
    expect(text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect(app.accepted).toHaveLength(1);
  });

  it('reads a keyword only when it is the whole message', async () => {
    await sms({ From: '+15555550123', Body: 'please stop the flooding on Mill Lane' });
    expect(app.accepted).toHaveLength(1);
    expect(await app.optOuts.isOptedOut('sms', '+15555550123')).toBe(false);
  });

  it('refuses a body over the configured limit with a 413', async () => {
    const response = await sms({ From: '+15555550123', Body: 'x'.repeat(20_000) });
    expect(response.status).toBe(413);
    expect(app.accepted).toHaveLength(0);
  });
});

describe('the connector without channels.sms', () => {
  it('is disabled and mounts nothing', async () => {
    const config = testConfig({ web: {} });
    expect(smsConnector.enabled(config)).toBe(false);
    const router = express.Router();
    smsConnector.mount(router, { config } as never);
    expect(router.stack).toHaveLength(0);
  });
});

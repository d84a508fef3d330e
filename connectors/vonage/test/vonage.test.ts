import { createHmac, createHash } from 'node:crypto';
import { ChannelRegistry, channelSettingsSchemas, createLogger, parseConfig, type LoadedConfig } from '@intake/core';
import { startConnectorApp, type ConnectorApp } from '@intake/testkit';
import { VONAGE_ROUTE, createVonageResponder, vonageConnector } from '../src/index.js';
import { startVonageSmsApi, type VonageSmsApi } from './sms-api.js';

const API_KEY = 'abcd1234';
const SECRET = 'vonage-signature-secret';

/** A town that is not Banff; its config checked with the connector's own schema, as the gateway does. */
const configWith = (vonage: Record<string, unknown>): LoadedConfig =>
  parseConfig(
    {
      jurisdiction: { id: 'springfield.example', name: 'City of Springfield', country: 'US' },
      channels: { vonage },
      services: [{ code: 'POTHOLE', name: 'Pothole' }],
      router: { destinations: {} },
    },
    {
      base_dir: __dirname,
      source: 'test',
      plugins: {
        destinations: {},
        geocoders: {},
        channels: { settings: channelSettingsSchemas([vonageConnector]), names: ChannelRegistry.of([vonageConnector]).names },
      },
    },
  );

/** Signs as Vonage documents it: the sorted fields as `&key=value` (`&` and `=` in values as `_`), then the method. */
function sign(fields: Record<string, string>, method: 'sha256' | 'md5hash' = 'sha256', secret = SECRET): Record<string, string> {
  const query = Object.keys(fields)
    .sort()
    .map((key) => `&${key}=${fields[key]!.replace(/[&=]/g, '_')}`)
    .join('');
  const sig =
    method === 'md5hash'
      ? createHash('md5')
          .update(query + secret)
          .digest('hex')
      : createHmac('sha256', secret).update(query).digest('hex');
  return { ...fields, sig };
}

const inbound = (overrides: Record<string, string> = {}) => ({
  msisdn: '14155550123',
  to: '14155550100',
  messageId: '1700000000000A1',
  text: 'Streetlight out at 5 Elm & Oak, flickering',
  type: 'text',
  keyword: 'STREETLIGHT',
  'message-timestamp': '2026-12-01 20:00:00',
  api_key: API_KEY,
  timestamp: String(Math.floor(Date.now() / 1000)),
  nonce: 'a3c2b1e0-1f2d-4c5b-9a8e-7d6c5b4a3f2e',
  ...overrides,
});

let app: ConnectorApp;
const post = (fields: Record<string, string>) =>
  fetch(`${app.url}${VONAGE_ROUTE}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });

beforeAll(async () => {
  app = await startConnectorApp({ connector: vonageConnector, config: configWith({ api_key: API_KEY, signature_secret: SECRET }) });
});
afterAll(() => app.close());

describe('the Vonage inbound SMS webhook', () => {
  it('queues a signed text as a message of its own channel, answerable by phone', async () => {
    const response = await post(sign(inbound({ messageId: 'M-POST' })));
    expect(response.status).toBe(204);
    const queued = (await app.queued()).find((message) => message.external_id === 'M-POST');
    expect(queued).toMatchObject({
      channel: 'vonage-sms',
      text: 'Streetlight out at 5 Elm & Oak, flickering',
      sender: { phone: '+14155550123' },
      reply_to: { channel: 'vonage-sms', to: '+14155550123', from: '14155550100' },
    });
  });

  it('takes the same signed fields as a GET query or a JSON body, as the account may be set to send them', async () => {
    const query = new URLSearchParams(sign(inbound({ messageId: 'M-GET' })));
    expect((await fetch(`${app.url}${VONAGE_ROUTE}?${query}`)).status).toBe(204);
    const json = await fetch(`${app.url}${VONAGE_ROUTE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sign(inbound({ messageId: 'M-JSON' }))),
    });
    expect(json.status).toBe(204);
    const ids = (await app.queued()).map((message) => message.external_id);
    expect(ids).toEqual(expect.arrayContaining(['M-GET', 'M-JSON']));
  });

  it.each([
    ['a changed text', () => ({ ...sign(inbound({ messageId: 'M-TAMPERED' })), text: 'send crews to my house' }), /does not match/],
    ['another secret', () => sign(inbound({ messageId: 'M-SECRET' }), 'sha256', 'not-the-secret'), /does not match/],
    ['no signature', () => inbound({ messageId: 'M-UNSIGNED' }), /not signed/],
    ['an old signature', () => sign(inbound({ messageId: 'M-OLD', timestamp: String(Math.floor(Date.now() / 1000) - 3600) })), /too old/],
    ['another account', () => sign(inbound({ messageId: 'M-ACCOUNT', api_key: 'other-account' })), /another Vonage account/],
  ])('refuses %s with a 401 and queues nothing', async (_what, fields, message) => {
    const before = (await app.queued()).length;
    const response = await post(fields());
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'invalid_signature', message: expect.stringMatching(message) } });
    expect(await app.queued()).toHaveLength(before);
  });

  it('answers a malformed webhook with a 400 naming the field', async () => {
    const response = await post(sign(inbound({ messageId: 'M-BAD', msisdn: 'not-a-number' })));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^msisdn: /);
  });

  it('checks the signing method the account is set to (md5hash)', async () => {
    const md5App = await startConnectorApp({
      connector: vonageConnector,
      config: configWith({ api_key: API_KEY, signature_secret: SECRET, signature_method: 'md5hash' }),
    });
    try {
      const send = (fields: Record<string, string>) =>
        fetch(`${md5App.url}${VONAGE_ROUTE}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(fields),
        });
      expect((await send(sign(inbound({ messageId: 'M-MD5' }), 'md5hash'))).status).toBe(204);
      expect((await send(sign(inbound({ messageId: 'M-MD5-AS-HMAC' }), 'sha256'))).status).toBe(401);
    } finally {
      await md5App.close();
    }
  });
});

describe('a long text Vonage delivers in parts', () => {
  const part = (index: number, text: string, ref = 'CR01') =>
    sign(
      inbound({
        messageId: `M-PART-${ref}-${index}`,
        text,
        concat: 'true',
        'concat-ref': ref,
        'concat-part': String(index),
        'concat-total': '3',
      }),
    );
  const joined = async (ref: string) => (await app.queued()).filter((message) => message.external_id === `concat-14155550123-${ref}`);

  it('is one message, its parts joined in order whatever order they came in, once all have come', async () => {
    expect((await post(part(3, ' is out since Monday.'))).status).toBe(204);
    expect((await post(part(1, 'The streetlight at 5 Elm'))).status).toBe(204);
    expect(await joined('CR01')).toEqual([]);
    expect((await post(part(1, 'The streetlight at 5 Elm'))).status).toBe(204); // Vonage retrying a part
    expect((await post(part(2, ' & Oak'))).status).toBe(204);
    const messages = await joined('CR01');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ text: 'The streetlight at 5 Elm & Oak is out since Monday.', sender: { phone: '+14155550123' } });
  });

  it('refuses a part that is not one, and a part of another text stays its own', async () => {
    const response = await post(
      sign(inbound({ messageId: 'M-BADPART', concat: 'true', 'concat-ref': 'CR02', 'concat-part': '4', 'concat-total': '3' })),
    );
    expect(response.status).toBe(400);
    await post(part(1, 'first', 'CR03'));
    expect(await joined('CR03')).toEqual([]);
  });
});

describe('replies through the Vonage SMS API', () => {
  const API_SECRET = 'vonage-api-secret';
  let smsApi: VonageSmsApi;
  beforeAll(async () => {
    smsApi = await startVonageSmsApi({ apiKey: API_KEY, apiSecret: API_SECRET });
  });
  afterAll(() => smsApi.close());
  const responderWith = (apiSecret: string) =>
    createVonageResponder(
      configWith({ api_key: API_KEY, signature_secret: SECRET, api_secret: apiSecret, api_url: smsApi.url }),
      createLogger({ level: 'silent' }),
    )!;
  const reply = { request_id: 'r1', reference: 'K7PM2Q', kind: 'acknowledgement' as const, text: 'Thanks: report K7PM2Q.', language: 'en' };
  const citizen = { channel: 'vonage-sms', to: '+14155550123', from: '14155550100', thread: [], subject: null };

  it('texts the citizen from the number they wrote to, signed in with the account key and secret', async () => {
    await responderWith(API_SECRET).send(citizen, reply);
    expect(smsApi.sent).toEqual([{ to: '14155550123', from: '14155550100', text: 'Thanks: report K7PM2Q.' }]);
  });

  it("fails with Vonage's own words when the account refuses, so the reply is retried, and sends nothing", async () => {
    const before = smsApi.sent.length;
    await expect(responderWith('wrong-secret').send(citizen, reply)).rejects.toThrow(
      'Vonage did not send the reply: status 4: Bad Credentials',
    );
    expect(smsApi.sent).toHaveLength(before);
  });

  it('is there only when the account has an API secret to send with', () => {
    expect(createVonageResponder(configWith({ api_key: API_KEY, signature_secret: SECRET }), createLogger({ level: 'silent' }))).toBeNull();
  });
});

describe('channels.vonage', () => {
  it("is checked by the connector's schema when the config loads", () => {
    expect(() => configWith({ api_key: API_KEY })).toThrow(/channels\.vonage\.signature_secret/);
    expect(() => configWith({ api_key: API_KEY, signature_secret: SECRET, signature_method: 'sha3' })).toThrow(
      /channels\.vonage\.signature_method/,
    );
  });
});

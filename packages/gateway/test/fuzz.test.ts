import { InboundMessageInput } from '@intake/core';
import { parseEmail } from '@intake/connector-email';
import { REDIS_URL } from '@intake/testkit';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { demoConfig, startGateway, type Running } from './harness.js';
import { TWILIO, postAsTwilio, smsChannel, startTwilioStandIn, untilReady, type TwilioStandIn } from './twilio.js';

const OPEN311_KEY = 'fuzz-open311-key';
// bounded so the suite stays quick; a failure prints the seed and the shrunk input to replay
const RUNS = { numRuns: 60 };

/** Values a client may put where a field is expected: the right type, the wrong one, markup, huge and odd text. */
const fieldValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '<script>alert(1)</script>',
    '&lt;b&gt;',
    '__proto__',
    '211 Bear St',
    '51.17,-115.57',
    'x'.repeat(30_000),
    '\u0000\u202e',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);
const REPORT_FIELDS = [
  'description',
  'service_code',
  'address',
  'lat',
  'long',
  'name',
  'email',
  'phone',
  'media_urls',
  '__proto__',
  'constructor',
];
const reportBody = fc.dictionary(fc.oneof(fc.constantFrom(...REPORT_FIELDS), fc.string({ maxLength: 12 })), fieldValue, { maxKeys: 8 });
const formFields = fc.dictionary(
  fc.oneof(
    fc.constantFrom(...REPORT_FIELDS, 'Body', 'From', 'MessageSid', 'NumMedia', 'MediaUrl0', 'MediaContentType0', 'Latitude'),
    fc.string({ maxLength: 12 }),
  ),
  fc.string({ maxLength: 60 }),
  { maxKeys: 8 },
);

describe('fuzzing the intake routes and the MIME parser: no crash, no 5xx, nothing queued on a 4xx', () => {
  let twilioApi: TwilioStandIn;
  let running: Running;
  let redis: Redis;

  beforeAll(async () => {
    twilioApi = await startTwilioStandIn();
    running = await startGateway(
      demoConfig((raw) => {
        raw.channels.sms = smsChannel(twilioApi);
        raw.channels.open311 = { api_keys: [OPEN311_KEY] };
        raw.server.rate_limits = { per_client: null, per_sender: null, key_failures: null };
      }),
      { workers: false },
    );
    await untilReady(running.url);
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await running.stop();
    await twilioApi.close();
  });

  const queued = () => redis.llen(`${running.gateway.config.redis.prefix}:intake:wait`);

  /** Sends, then checks the answer's class and that a refusal queued nothing. */
  async function holds(send: () => Promise<Response>): Promise<void> {
    const before = await queued();
    const response = await send();
    const body = await response.text();
    expect({ status: response.status < 500 ? 'not 5xx' : response.status, body: response.status < 500 ? '' : body.slice(0, 300) }).toEqual({
      status: 'not 5xx',
      body: '',
    });
    if (response.status >= 400) expect(await queued()).toBe(before);
  }

  it('JSON reports', async () => {
    await fc.assert(
      fc.asyncProperty(reportBody, fc.option(fc.string({ maxLength: 300 }), { nil: undefined }), async (body, key) => {
        await holds(() =>
          fetch(`${running.url}/api/v1/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': encodeURIComponent(key) }) },
            body: JSON.stringify(body),
          }),
        );
      }),
      RUNS,
    );
  });

  it('raw bodies under a JSON or form content type', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x'),
        async (body, type) => {
          await holds(() => fetch(`${running.url}/api/v1/reports`, { method: 'POST', headers: { 'content-type': type }, body }));
        },
      ),
      RUNS,
    );
  });

  it('form-encoded reports', async () => {
    await fc.assert(
      fc.asyncProperty(formFields, async (fields) => {
        await holds(() =>
          fetch(`${running.url}/api/v1/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(fields).toString(),
          }),
        );
      }),
      RUNS,
    );
  });

  it('signed Twilio SMS webhooks with any parameters', async () => {
    await fc.assert(
      fc.asyncProperty(formFields, async (fields) => {
        await holds(() => postAsTwilio(running.url, running.gateway.config, '/webhooks/twilio/sms', { To: TWILIO.number, ...fields }));
      }),
      RUNS,
    );
  });

  it('Open311 posts and listings', async () => {
    await fc.assert(
      fc.asyncProperty(
        formFields,
        fc.dictionary(
          fc.constantFrom('start_date', 'end_date', 'status', 'service_code', 'service_request_id', 'jurisdiction_id'),
          fc.string({ maxLength: 30 }),
          { maxKeys: 4 },
        ),
        async (fields, query) => {
          await holds(() =>
            fetch(`${running.url}/open311/v2/requests.json`, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({ api_key: OPEN311_KEY, ...fields }).toString(),
            }),
          );
          await holds(() => fetch(`${running.url}/open311/v2/requests.json?${new URLSearchParams(query).toString()}`));
        },
      ),
      RUNS,
    );
  });

  it('the MIME parser never throws, and what it accepts is a valid message', async () => {
    const header = fc.tuple(
      fc.constantFrom(
        'From',
        'To',
        'Subject',
        'Message-ID',
        'In-Reply-To',
        'References',
        'Content-Type',
        'Content-Transfer-Encoding',
        'Auto-Submitted',
        'X-Other',
      ),
      fc.string({ maxLength: 60 }),
    );
    const multipart = fc.array(
      fc.tuple(
        fc.constantFrom('text/plain', 'text/html', 'image/jpeg', 'message/rfc822', 'multipart/alternative'),
        fc.constantFrom('base64', 'quoted-printable', '7bit', 'x-unknown'),
        fc.string({ maxLength: 80 }),
      ),
      { maxLength: 4 },
    );
    const mail = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 600 }),
      fc
        .tuple(fc.array(header, { maxLength: 8 }), fc.string({ maxLength: 200 }))
        .map(([headers, body]) => `${headers.map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n${body}`),
      fc
        .tuple(fc.emailAddress(), multipart)
        .map(
          ([from, parts]) =>
            `From: ${from}\r\nSubject: fuzz\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${parts.map(([type, encoding, body]) => `--b\r\nContent-Type: ${type}\r\nContent-Transfer-Encoding: ${encoding}\r\n\r\n${body}\r\n`).join('')}--b--\r\n`,
        ),
    );
    await fc.assert(
      fc.asyncProperty(mail, async (raw) => {
        const parsed = await parseEmail(raw, { smtpFrom: '311@town.example', attachments: { max_bytes: 1_000_000, types: ['image/*'] } });
        if (parsed.kind === 'message') expect(InboundMessageInput.safeParse(parsed.message).success).toBe(true);
        else expect(parsed.reason).toEqual(expect.any(String));
      }),
      { numRuns: 200 },
    );
  });
});

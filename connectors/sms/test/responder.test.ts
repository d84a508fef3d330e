import { createLogger, type OutboundReply } from '@intake/core';
import { startLoopbackServer, type LoopbackServer } from '@intake/testkit';
import { createTwilioResponder } from '../src/index.js';
import { AUTH_TOKEN, testConfig } from './harness.js';

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const log = createLogger({ level: 'silent' });
const reply: OutboundReply = {
  request_id: '01JD0000000000000000ABC123',
  reference: 'ABC123',
  kind: 'status',
  text: 'Your report ABC123 is now closed.',
  language: 'en',
};

describe('the Twilio REST responder', () => {
  let twilioApi: LoopbackServer;
  beforeAll(async () => {
    twilioApi = await startLoopbackServer((request) =>
      request.url.endsWith('/Messages.json')
        ? { status: 201, body: JSON.stringify({ sid: `SM${twilioApi.requests.length}`, status: 'queued' }) }
        : { status: 404, body: JSON.stringify({ code: 20404, message: 'not found', status: 404 }) },
    );
  });
  afterAll(() => twilioApi.close());
  beforeEach(() => {
    twilioApi.requests.length = 0;
  });

  const responder = (sms: Record<string, unknown> = {}) =>
    createTwilioResponder(
      testConfig({ sms: { auth_token: AUTH_TOKEN, account_sid: ACCOUNT_SID, from: '+15555550100', api_url: twilioApi.url, ...sms } }),
      log,
    )!;

  it('sends an SMS through the Messages API with the account credentials', async () => {
    await responder().send({ channel: 'sms', to: '+15555550123', from: null, thread: [], subject: null }, reply);
    expect(twilioApi.requests).toHaveLength(1);
    const [request] = twilioApi.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`);
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({ To: '+15555550123', From: '+15555550100', Body: reply.text });
  });

  it('answers from the number the citizen wrote to, and adds the whatsapp: prefix on WhatsApp', async () => {
    await responder().send({ channel: 'whatsapp', to: '+15555550123', from: '+15555550199', thread: [], subject: null }, reply);
    expect(Object.fromEntries(new URLSearchParams(twilioApi.requests[0]?.body))).toMatchObject({
      To: 'whatsapp:+15555550123',
      From: 'whatsapp:+15555550199',
    });
  });

  it('keeps a path prefix of the API base', async () => {
    await responder({ api_url: `${twilioApi.url}/twilio-egress/` }).send(
      { channel: 'sms', to: '+15555550123', from: null, thread: [], subject: null },
      reply,
    );
    expect(twilioApi.requests[0]?.url).toBe(`/twilio-egress/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
  });

  it('fails loudly when Twilio refuses, so the reply queue retries', async () => {
    const refusing = await startLoopbackServer(() => ({
      status: 400,
      body: JSON.stringify({ code: 21211, message: "The 'To' number is not valid.", status: 400 }),
    }));
    try {
      const send = responder({ api_url: refusing.url }).send({ channel: 'sms', to: '+1555', from: null, thread: [], subject: null }, reply);
      await expect(send).rejects.toThrow("The 'To' number is not valid.");
    } finally {
      await refusing.close();
    }
  });

  it('fails when Twilio cannot be reached, so the reply queue retries', async () => {
    const gone = await startLoopbackServer(() => ({ status: 201, body: '{}' }));
    await gone.close();
    const send = responder({ api_url: gone.url }).send({ channel: 'sms', to: '+1555', from: null, thread: [], subject: null }, reply);
    await expect(send).rejects.toThrow(/ECONNREFUSED/);
  });

  it('is not there without an account to send with', () => {
    expect(createTwilioResponder(testConfig({ sms: { auth_token: AUTH_TOKEN } }), log)).toBeNull();
    expect(createTwilioResponder(testConfig({ web: {} }), log)).toBeNull();
  });

  it('answers for SMS and WhatsApp', () => {
    expect(responder().channels).toEqual(['sms', 'whatsapp']);
  });
});

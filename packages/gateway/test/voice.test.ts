import { startLoopbackServer, waitFor, type LoopbackServer } from '@intake/testkit';
import { everythingTo, deliveredRecords, demoConfig, startGateway, type Running } from './harness.js';
import { TWILIO, postAsTwilio, settle, smsChannel, startTwilioStandIn, untilReady, type TwilioStandIn } from './twilio.js';

const VOICE_TOKEN = 'gateway-test-voice-token';
const RECORDING = 'https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000001/Recordings/RE0123';
let calls = 0;
const nextCallSid = () => `CA${Date.now().toString(16)}${String((calls += 1)).padStart(8, '0')}`;

describe('a phone call through Twilio, end to end', () => {
  let crm: LoopbackServer;
  let twilioApi: TwilioStandIn;
  let running: Running;

  beforeAll(async () => {
    crm = await startLoopbackServer(() => ({ status: 201, body: JSON.stringify({ id: 'CRM-9' }) }));
    twilioApi = await startTwilioStandIn();
    running = await startGateway(
      demoConfig((raw) => {
        raw.channels.voice = { auth_token: VOICE_TOKEN };
        raw.channels.sms = smsChannel(twilioApi);
        raw.router = everythingTo(crm);
      }),
    );
    await untilReady(running.url);
  });
  afterAll(async () => {
    await running.stop();
    await crm.close();
    await twilioApi.close();
  });

  const twilioPost = (path: string, params: Record<string, string>, token = VOICE_TOKEN) =>
    postAsTwilio(running.url, running.gateway.config, path, params, token);
  const transcription = (params: Record<string, string>) =>
    twilioPost('/webhooks/twilio/voice/transcription', {
      To: TWILIO.number,
      RecordingUrl: RECORDING,
      TranscriptionStatus: 'completed',
      ...params,
    });
  const recordFrom = (phone: string) => deliveredRecords(crm).find((record) => record.reporter.phone === phone);

  it('greets the caller by the town and records with transcription, calling back on our public URL', async () => {
    const response = await twilioPost('/webhooks/twilio/voice', {
      CallSid: nextCallSid(),
      From: '+14035550140',
      To: TWILIO.number,
      CallStatus: 'ringing',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    const twiml = await response.text();
    expect(twiml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><Response><Say language="en-US">You have reached Town of Banff\. [^<]+<\/Say><Record [^>]+\/><\/Response>$/,
    );
    const record = /<Record ([^>]+)\/>/.exec(twiml)![1]!;
    expect(record).toContain('transcribe="true"');
    expect(record).toContain('transcribeCallback="http://127.0.0.1/webhooks/twilio/voice/transcription"');
    expect(record).toContain('action="http://127.0.0.1/webhooks/twilio/voice/recorded"');
    expect(record).toContain('maxLength="120"');
  });

  it('thanks the caller and hangs up once the recording ends', async () => {
    const twiml = await (
      await twilioPost('/webhooks/twilio/voice/recorded', { CallSid: nextCallSid(), RecordingUrl: RECORDING, RecordingDuration: '14' })
    ).text();
    expect(twiml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say language="en-US">Thank you. Your report has been recorded. Goodbye.</Say><Hangup/></Response>',
    );
  });

  it('refuses calls and callbacks signed with another token', async () => {
    for (const path of ['/webhooks/twilio/voice', '/webhooks/twilio/voice/transcription']) {
      const response = await twilioPost(
        path,
        { CallSid: nextCallSid(), From: '+14035550141', TranscriptionText: 'pothole at 211 Bear Street' },
        TWILIO.authToken,
      );
      expect(response.status).toBe(403);
    }
    await settle();
    expect(recordFrom('+14035550141')).toBeUndefined();
  });

  it('turns the transcription into a delivered request with the caller, the recording and the location, and texts the caller', async () => {
    const callSid = nextCallSid();
    const response = await transcription({
      CallSid: callSid,
      From: '+14035550142',
      TranscriptionText: 'Hi, there is a tree down blocking the road in front of 211 Bear Street.',
    });
    expect(response.status).toBe(200);
    const record = await waitFor(() => recordFrom('+14035550142'), 15_000, 'the CRM delivery');
    expect(record).toMatchObject({
      channel: 'voice',
      description: 'Hi, there is a tree down blocking the road in front of 211 Bear Street.',
      service_code: 'TREE',
      location: { address: '211 Bear Street', precision: 'address', in_jurisdiction: true },
      media: [{ url: RECORDING, content_type: 'audio/x-wav', name: 'recording', bytes: null }],
      source: { external_id: `call:${callSid}` },
    });
    const text = await waitFor(() => twilioApi.messages().find((message) => message.To === '+14035550142'), 15_000, 'an SMS to the caller');
    expect(text.From).toBe(TWILIO.number);
  });

  it('asks a caller who gave no usable location where it is, by SMS', async () => {
    await transcription({ CallSid: nextCallSid(), From: '+14035550145', TranscriptionStatus: 'failed', TranscriptionText: '' });
    const question = await waitFor(
      () => twilioApi.messages().find((message) => message.To === '+14035550145'),
      15_000,
      'the question by SMS',
    );
    expect(question).toMatchObject({ From: TWILIO.number, Body: expect.stringContaining('Where is it?') });
  });

  it('makes one request of a transcription callback Twilio retries', async () => {
    const params = { CallSid: nextCallSid(), From: '+14035550144', TranscriptionText: 'snow not plowed on Wolf Street' };
    expect((await transcription(params)).status).toBe(200);
    expect((await transcription(params)).status).toBe(200);
    await waitFor(() => recordFrom('+14035550144'), 15_000, 'the CRM delivery');
    await settle();
    expect(crm.requests.filter((received) => JSON.parse(received.body).reporter.phone === '+14035550144')).toHaveLength(1);
  });
});

describe('a phone call in a town that does not text', () => {
  let crm: LoopbackServer;
  let running: Running;

  beforeAll(async () => {
    crm = await startLoopbackServer(() => ({ status: 201, body: '{}' }));
    running = await startGateway(
      demoConfig((raw) => {
        raw.channels.voice = { auth_token: VOICE_TOKEN };
        raw.router = everythingTo(crm);
      }),
    );
    await untilReady(running.url);
  });
  afterAll(async () => {
    await running.stop();
    await crm.close();
  });

  it('still delivers a request when the transcription failed, saying so and carrying the recording', async () => {
    const callSid = nextCallSid();
    const params = {
      CallSid: callSid,
      From: '+14035550146',
      To: TWILIO.number,
      RecordingUrl: RECORDING,
      TranscriptionStatus: 'failed',
      TranscriptionText: '',
    };
    expect(
      (await postAsTwilio(running.url, running.gateway.config, '/webhooks/twilio/voice/transcription', params, VOICE_TOKEN)).status,
    ).toBe(200);
    const delivered = await waitFor(
      () => crm.requests.find((received) => JSON.parse(received.body).source.external_id === `call:${callSid}`),
      15_000,
      'the CRM delivery',
    );
    const record = JSON.parse(delivered.body);
    expect(record).toMatchObject({ channel: 'voice', reporter: { phone: '+14035550146' }, location: { precision: 'none' } });
    // the system's own note is for staff, in source.details: the normalizer never reads it for a place or a service
    expect(record.description).toBe('');
    expect(record.source.details).toEqual({
      note: 'Voice message from a caller. The automatic transcription failed: please listen to the recording.',
    });
    expect(record.media).toEqual([{ url: RECORDING, content_type: 'audio/x-wav', name: 'recording', bytes: null }]);
  });
});

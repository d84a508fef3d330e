import { startLoopbackServer, waitFor, type LoopbackServer } from '@intake/testkit';
import { everythingTo, errorCodeOf, demoConfig, startGateway, type Running } from './harness.js';
import { deliveredRecord, settle, untilReady } from './twilio.js';

const KEY = 'transcripts-test-key';
let calls = 0;
const nextCallId = () => `call-${Date.now()}-${(calls += 1)}`;

describe('POST /api/v1/transcripts, end to end', () => {
  let crm: LoopbackServer;
  let running: Running;

  beforeAll(async () => {
    crm = await startLoopbackServer(() => ({ status: 201, body: '{}' }));
    running = await startGateway(
      demoConfig((raw) => {
        raw.channels.transcripts = { api_keys: ['another-key', KEY] };
        raw.router = everythingTo(crm);
      }),
    );
    await untilReady(running.url);
  });
  afterAll(async () => {
    await running.stop();
    await crm.close();
  });

  const post = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${KEY}` }) =>
    fetch(`${running.url}/api/v1/transcripts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const accepted = async (body: unknown) => {
    const response = await post(body);
    expect(response.status).toBe(202);
    return (await response.json()) as { id: string; reference: string; duplicate: boolean };
  };
  const delivery = (id: string) => waitFor(() => deliveredRecord(crm, id), 15_000, 'the CRM delivery');

  it("splits a pasted transcript: the caller's words are the description and carry the location", async () => {
    const answer = await accepted({
      call_id: nextCallId(),
      transcript:
        "Clerk: Town of Banff, what's the problem? Caller: a streetlight is out. Clerk: what's the address? Caller: it's 211 Banff Avenue by the bank",
    });
    expect(answer).toEqual({ id: expect.any(String), reference: expect.stringMatching(/^[2-9A-HJKMNP-Z]{6}$/), duplicate: false });
    const record = await delivery(answer.id);
    expect(record).toMatchObject({
      channel: 'transcript',
      description: "a streetlight is out.\nit's 211 Banff Avenue by the bank",
      service_code: 'STREETLIGHT',
      location: { address: '211 Banff Avenue', precision: 'address', in_jurisdiction: true },
    });
  });

  it('takes speaker turns, with the caller phone as typed normalized to E.164', async () => {
    const answer = await accepted({
      call_id: nextCallId(),
      caller_phone: '(403) 555-0150',
      clerk: 'Dana',
      transcript: [
        { speaker: 'Dana', text: 'Is it the pothole on Wolf Street?' },
        { speaker: 'Caller', text: 'No, a big pothole outside 211 Bear St' },
      ],
    });
    const record = await delivery(answer.id);
    expect(record).toMatchObject({
      reporter: { phone: '+14035550150' },
      description: 'No, a big pothole outside 211 Bear St',
      service_code: 'POTHOLE',
      location: { address: '211 Bear Street', precision: 'address' },
    });
  });

  it('lets a given address and service code win over the words', async () => {
    const answer = await accepted({
      call_id: nextCallId(),
      transcript: 'Caller: there is a pothole near 211 Bear Street',
      address: '137 Banff Avenue',
      service_code: 'GRAFFITI',
    });
    const record = await delivery(answer.id);
    expect(record).toMatchObject({ service_code: 'GRAFFITI', location: { address: '137 Banff Avenue', precision: 'address' } });
  });

  it('makes one request of a transcript retried with the same call_id', async () => {
    const body = { call_id: nextCallId(), transcript: 'Caller: garbage was not picked up at 211 Bear Street' };
    const first = await accepted(body);
    const second = await accepted(body);
    expect(second).toEqual({ ...first, duplicate: true });
    await delivery(first.id);
    await settle();
    expect(
      crm.requests.filter((received) => JSON.parse(received.body).description === 'garbage was not picked up at 211 Bear Street'),
    ).toHaveLength(1);
  });

  it('refuses a missing or wrong key with a 401', async () => {
    expect((await post({ call_id: nextCallId(), transcript: 'x' }, {})).status).toBe(401);
    const wrong = await post({ call_id: nextCallId(), transcript: 'x' }, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(await errorCodeOf(wrong)).toBe('unauthorized');
  });

  it('answers bad transcripts with clear 400s and delivers nothing', async () => {
    const before = crm.requests.length;
    const unknown = await post({ call_id: nextCallId(), transcript: 'Caller: pothole', service_code: 'NOPE' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({
      error: { code: 'unknown_service_code', message: 'service_code: "NOPE" is not in the service catalogue' },
    });
    const missing = await post({ transcript: [{ speaker: 'Caller' }] });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: { code: 'invalid_transcript', message: 'call_id: is required; transcript.0.text: text is required' },
    });
    const malformed = await fetch(`${running.url}/api/v1/transcripts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: '{"call_id":',
    });
    expect(malformed.status).toBe(400);
    expect(await errorCodeOf(malformed)).toBe('invalid_json');
    const plain = await fetch(`${running.url}/api/v1/transcripts`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${KEY}` },
      body: 'Caller: pothole',
    });
    expect(plain.status).toBe(415);
    await settle();
    expect(crm.requests.length).toBe(before);
  });
});

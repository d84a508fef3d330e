import { startLoopbackServer, waitFor, type LoopbackServer } from '@intake/testkit';
import { lookUp, errorCodeOf, adminHeaders, demoConfig, startGateway, type Running } from './harness.js';
import { TWILIO, postAsTwilio, settle, smsChannel, startTwilioStandIn, untilReady, type TwilioStandIn } from './twilio.js';

/** A CRM's status change travels back to the citizen on the channel they used. */
describe('CRM status updates', () => {
  let crm: LoopbackServer;
  let twilioApi: TwilioStandIn;
  let running: Running;

  beforeAll(async () => {
    crm = await startLoopbackServer(() => ({ status: 201, body: JSON.stringify({ service_request_id: 'CRM-77' }) }));
    twilioApi = await startTwilioStandIn();
    running = await startGateway(
      demoConfig((raw) => {
        raw.channels.sms = smsChannel(twilioApi);
        raw.router = {
          destinations: { crm: { type: 'webhook', url: crm.url, secret: 'crm-secret', team: 'Public Works' } },
          rules: [],
          default: { deliver_to: ['crm'] },
        };
        raw.status_map = { 'Crew Dispatched': 'in_progress' };
      }),
    );
    await untilReady(running.url);
  });
  afterAll(async () => {
    await running.stop();
    await crm.close();
    await twilioApi.close();
  });

  const postStatus = (id: string, body: unknown, headers: Record<string, string> = adminHeaders) =>
    fetch(`${running.url}/api/v1/requests/${id}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  /** Texts a report in; returns the reference the TwiML acknowledgement gives. */
  const report = async (sid: string, body: string) => {
    const response = await postAsTwilio(running.url, running.gateway.config, '/webhooks/twilio/sms', {
      MessageSid: `SM${Date.now()}${sid}`,
      From: '+14035550188',
      To: TWILIO.number,
      Body: body,
    });
    return /report ([0-9A-Z]{6})\b/.exec(await response.text())![1]!;
  };
  const textsAbout = (reference: string) =>
    twilioApi.messages().filter((message) => message.To === '+14035550188' && message.Body.includes(reference));

  it('texts the citizen each new status once, keeps the CRM id, and refuses bad updates', async () => {
    const reference = await report('status', 'streetlight out in front of 211 Bear Street');
    const delivered = await waitFor(() => crm.requests[0], 15_000, 'the delivery');
    const { id, reference: deliveredReference } = JSON.parse(delivered.body) as { id: string; reference: string };
    expect(deliveredReference).toBe(reference);
    await waitFor(() => textsAbout(reference).length === 1, 15_000, 'the delivered SMS');

    expect((await postStatus(id, { status: 'in progress', note: 'A crew is on the way.' })).status).toBe(202);
    const update = await waitFor(() => textsAbout(reference)[1], 15_000, 'the status SMS');
    expect(update.Body).toBe(`Town of Banff: your report ${reference} is now in progress. A crew is on the way.`);

    expect(await (await postStatus(id, { status: 'in progress' })).json()).toEqual({ status: 'accepted', changed: false });
    const stored = await lookUp(running, id);
    expect(stored.crm).toEqual({ status: 'in progress', external_id: 'CRM-77' });

    expect((await postStatus(id, { status: '' })).status).toBe(400);
    expect((await postStatus(id, { status: 'closed', surprise: true })).status).toBe(400);
    expect((await postStatus(id, { status: 'closed' }, {})).status).toBe(401);
    expect((await postStatus('01UNKNOWN0000000000000000', { status: 'closed' })).status).toBe(404);
    await settle();
    expect(textsAbout(reference)).toHaveLength(2);
  });

  it("maps the CRM's words (and the town's own) to the public statuses, keeps every note in the timeline, and refuses a word no one mapped", async () => {
    const reference = await report('words', 'graffiti on the wall at 211 Bear Street');
    const stored = () => lookUp(running, reference);
    await waitFor(async () => (await stored()).timeline?.length === 1, 15_000, 'the delivery');
    const before = await stored();

    const refused = await postStatus(reference, { status: 'banana', note: 'peeled' });
    expect(refused.status).toBe(422);
    expect(await errorCodeOf(refused)).toBe('unknown_status');
    expect(await stored()).toEqual(before);

    expect((await postStatus(reference.toLowerCase(), { status: 'Crew Dispatched', note: 'On its way.' })).status).toBe(202);
    expect((await postStatus(reference, { status: 'FIXED', note: 'Painted over.' })).status).toBe(202);
    const done = await waitFor(() => textsAbout(reference).find((text) => text.Body.includes('closed')), 15_000, 'the closed SMS');
    expect(done.Body).toBe(`Town of Banff: your report ${reference} is now closed. Painted over.`);
    expect((await stored()).timeline).toEqual([
      { kind: 'passed_on', at: expect.any(String), destination: 'crm', team: 'Public Works' },
      { kind: 'status', at: expect.any(String), status: 'in_progress', crm_status: 'crew dispatched', note: 'On its way.' },
      { kind: 'status', at: expect.any(String), status: 'closed', crm_status: 'fixed', note: 'Painted over.' },
    ]);
  });
});

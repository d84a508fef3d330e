import { createHmac } from 'node:crypto';
import { open311Fixture, startLoopbackServer, waitFor, type LoopbackServer, type ReceivedRequest, type Reply } from '@intake/testkit';
import { adminHeaders, deliveredRecords, demoConfig, lookUp, startGateway, type Running } from './harness.js';
import { TWILIO, postAsTwilio, settle, smsChannel, startTwilioStandIn, untilReady, type TwilioStandIn } from './twilio.js';

const WEBHOOK_SECRET = 'follow-up-secret';
const OPEN311_KEY = 'fms-key';

/** A city's Open311 CRM: creates 293944 (its own answer, replayed), and takes updates as FixMyStreet's servers do. */
function open311Crm(received: ReceivedRequest): Reply {
  const xml = { 'content-type': 'text/xml; charset=utf-8' };
  const path = new URL(received.url, 'http://crm').pathname;
  if (received.method === 'POST' && path === '/open311/v2/requests.xml')
    return { status: 200, body: open311Fixture('cfa-post_service_request.xml'), headers: xml };
  if (received.method === 'POST' && path === '/open311/v2/servicerequestupdates.xml')
    return {
      status: 200,
      body: '<?xml version="1.0" encoding="utf-8"?><service_request_updates><request_update><update_id>CRM-U-1</update_id></request_update></service_request_updates>',
      headers: xml,
    };
  return { status: 404, body: '<errors><error><code>404</code><description>no such resource</description></error></errors>', headers: xml };
}

/** A citizen follows a report by text: asks how it stands (no request), or adds to it (an update, never a new work order). */
describe('following a report by text, and updates reaching the CRMs', () => {
  let hook: LoopbackServer;
  let city: LoopbackServer;
  let twilioApi: TwilioStandIn;
  let running: Running;

  beforeAll(async () => {
    [hook, city, twilioApi] = await Promise.all([
      startLoopbackServer(() => ({ status: 201, body: '{}' })),
      startLoopbackServer(open311Crm),
      startTwilioStandIn(),
    ]);
    running = await startGateway(
      demoConfig((raw) => {
        raw.channels.sms = smsChannel(twilioApi);
        raw.channels.open311 = { api_keys: [OPEN311_KEY] };
        raw.router = {
          destinations: {
            hook: { type: 'webhook', url: hook.url, secret: WEBHOOK_SECRET },
            city: { type: 'open311', url: `${city.url}/open311/v2`, api_key: 'city-key', format: 'xml', poll_seconds: 0 },
          },
          rules: [],
          default: { deliver_to: ['hook', 'city'] },
        };
      }),
    );
    await untilReady(running.url);
  });
  afterAll(async () => {
    await running?.stop();
    await Promise.all([hook?.close(), city?.close(), twilioApi?.close()]);
  });

  let sids = 0;
  /** Texts as Twilio does (signed); returns the TwiML answer's text, empty when there is none. */
  const text = async (from: string, body: string, extra: Record<string, string> = {}) => {
    const response = await postAsTwilio(running.url, running.gateway.config, '/webhooks/twilio/sms', {
      MessageSid: `SM${String(++sids).padStart(32, '0')}`,
      From: from,
      To: TWILIO.number,
      Body: body,
      ...extra,
    });
    expect(response.status).toBe(200);
    const twiml = await response.text();
    return (/<Message>([\s\S]*)<\/Message>/.exec(twiml)?.[1] ?? '').replaceAll('&amp;', '&');
  };
  const records = () => deliveredRecords(hook);
  const openCalls = (path: string) => city.requests.filter((request) => request.url.startsWith(`/open311/v2/${path}`));
  /** Reports a problem by SMS and waits until both CRMs took it; returns its id and reference. */
  const report = async (from: string, body: string) => {
    const reference = /report ([0-9A-Z]{6})\b/.exec(await text(from, body))![1]!;
    const record = await waitFor(() => records().find((r) => r.reference === reference), 15_000, 'the webhook delivery');
    await waitFor(async () => (await lookUp(running, reference)).deliveries.city?.status === 'delivered', 15_000, 'the Open311 delivery');
    return { id: record.id, reference };
  };
  const trackingLink = async (reference: string) => {
    return `http://127.0.0.1/track/${reference}-${(await lookUp(running, reference)).tracking_token}`;
  };

  it("answers STATUS with the sender's own report's status, note and link, answers a reference of someone else's with a neutral text, and makes no request", async () => {
    const jane = '+14035550141';
    const { id, reference } = await report(jane, 'Streetlight out in front of 211 Bear Street');
    const status = await fetch(`${running.url}/api/v1/requests/${id}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...adminHeaders },
      body: JSON.stringify({ status: 'in progress', note: 'A crew is booked for Tuesday.' }),
    });
    expect(status.status).toBe(202);
    const deliveries = hook.requests.length;
    const link = await trackingLink(reference);

    const answer = `Town of Banff: your report ${reference}: In progress. Latest note: A crew is booked for Tuesday. Follow it at ${link}`;
    expect(await text(jane, 'status')).toBe(answer);
    expect(await text(jane, `Status ${reference.toLowerCase()}`)).toBe(answer);
    expect(await text(jane, 'stauts?')).toBe(answer);
    // WhatsApp from the same number is the same person
    expect(await text(`whatsapp:${jane}`, 'STATUS')).toBe(answer);

    // someone else's reference, and one that does not exist, get the same neutral words: nothing about the report
    const neutral = (ref: string) =>
      `Town of Banff: we found no report ${ref} sent from this number or address. Send STATUS alone for your latest report.`;
    const stranger = await text('+14035550199', `STATUS ${reference}`);
    expect(stranger).toBe(neutral(reference));
    expect(stranger).not.toContain('In progress');
    expect(await text(jane, 'STATUS ZZ22ZZ')).toBe(neutral('ZZ22ZZ'));
    expect(await text('+14035550199', 'estado')).toBe(
      'Town of Banff: we found no report sent from this number or address. To report a problem, tell us what it is and where.',
    );

    // STOP keeps working, and then STATUS answers nothing
    expect(await text(jane, 'STOP')).toMatch(/unsubscribed/);
    expect(await text(jane, 'STATUS')).toBe('');
    expect(await text(jane, 'START')).toMatch(/subscribed/);

    await settle();
    expect(hook.requests).toHaveLength(deliveries);
    expect(openCalls('requests')).toHaveLength(records().length);
  });

  it('answers a follow-up that asks and delivers nothing; one that adds reaches both CRMs as an update of the first request', async () => {
    const sam = '+14035550142';
    const { id, reference } = await report(sam, 'Big pothole outside 211 Bear Street');
    const created = openCalls('requests').length;
    const webhookDeliveries = hook.requests.length;

    expect(await text(sam, 'any news on my pothole report from yesterday?')).toBe(
      `Town of Banff: your report ${reference}: Received. Follow it at ${await trackingLink(reference)}`,
    );
    expect(await text(sam, 'has anyone looked at it')).toContain(`your report ${reference}: Received.`);
    await settle();
    expect(hook.requests).toHaveLength(webhookDeliveries);

    expect(await text(sam, "it's gotten much bigger, two cars hit it")).toBe(
      `Town of Banff: thank you, we added that to your report ${reference}.`,
    );
    const delivered = await waitFor(
      () => hook.requests.find((r) => JSON.parse(r.body).event === 'service_request.updated'),
      15_000,
      'the update',
    );
    const record = JSON.parse(delivered.body);
    expect(record).toMatchObject({
      id,
      reference,
      event: 'service_request.updated',
      update: {
        id: expect.stringMatching(new RegExp(`^${id}-\\d+$`)),
        from: 'citizen',
        note: "it's gotten much bigger, two cars hit it",
        media: [],
      },
    });
    expect(delivered.headers['idempotency-key']).toBe(`${id}:hook:update-${record.update.id.split('-').pop()}`);
    expect(delivered.headers['x-intake-signature']).toBe(
      `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(delivered.body).digest('hex')}`,
    );

    const posted = await waitFor(() => openCalls('servicerequestupdates')[0], 15_000, 'the Open311 update');
    const form = new URLSearchParams(posted.body);
    expect(posted.method).toBe('POST');
    expect(Object.fromEntries(form)).toMatchObject({
      api_key: 'city-key',
      service_request_id: '293944',
      update_id_ext: record.update.id,
      description: "it's gotten much bigger, two cars hit it",
      phone: sam,
    });
    await settle();
    // one work order: the update is no new request, on either CRM
    expect(openCalls('requests')).toHaveLength(created);
    expect(records().filter((r) => r.event !== 'service_request.updated' && r.reporter.phone === sam)).toHaveLength(1);
    const stored = await lookUp(running, id);
    expect(stored.deliveries[`city@update-${record.update.id.split('-').pop()}`]).toMatchObject({
      status: 'delivered',
      receipt: { update_id: 'CRM-U-1', external_id: '293944' },
    });
    expect(stored.timeline.filter((event) => event.kind === 'update')).toEqual([
      expect.objectContaining({ from: 'citizen', note: "it's gotten much bigger, two cars hit it" }),
    ]);

    // the CRMs get the citizen's words in full; the public Open311 listing of updates does not show their number
    expect(await text(sam, 'Call me on 403-555-0142 if the crew needs to see it')).toContain('we added that');
    await waitFor(
      () => records().filter((r) => r.id === id && r.event === 'service_request.updated').length === 2,
      15_000,
      'the 2nd update',
    );
    const day = 86_400_000;
    const window = { start_date: new Date(Date.now() - day).toISOString(), end_date: new Date(Date.now() + day).toISOString() };
    const listed = (await (await fetch(`${running.url}/open311/v2/servicerequestupdates.json?${new URLSearchParams(window)}`)).json()) as {
      service_request_id: string;
      description: string;
    }[];
    expect(listed.filter((update) => update.service_request_id === id).map((update) => update.description)).toEqual([
      "it's gotten much bigger, two cars hit it",
      'Call me on [removed] if the crew needs to see it',
    ]);
  });

  it("passes an Open311 client's comment to the CRMs as an update of the request", async () => {
    const { id, reference } = await report('+14035550143', 'Graffiti on the wall at 211 Bear Street');
    const before = openCalls('servicerequestupdates').length;
    const response = await fetch(`${running.url}/open311/v2/servicerequestupdates.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: OPEN311_KEY, service_request_id: reference, description: 'Still there this morning.' }),
    });
    expect(response.status).toBe(200);
    const [answer] = (await response.json()) as { update_id: string }[];
    const updateId = answer!.update_id;

    const delivered = await waitFor(
      () => records().find((r) => r.id === id && r.event === 'service_request.updated'),
      15_000,
      'the update at the webhook',
    );
    expect(delivered.update).toMatchObject({ id: updateId, from: 'open311', note: 'Still there this morning.' });
    const posted = await waitFor(() => openCalls('servicerequestupdates')[before], 15_000, 'the Open311 update');
    expect(Object.fromEntries(new URLSearchParams(posted.body))).toMatchObject({
      service_request_id: '293944',
      update_id_ext: updateId,
      description: 'Still there this morning.',
    });
    // a client's comment does not speak for the reporter
    expect(new URLSearchParams(posted.body).has('phone')).toBe(false);
  });
});

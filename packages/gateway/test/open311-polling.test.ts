import { open311Fixture, startLoopbackServer, waitFor, type LoopbackServer, type ReceivedRequest, type Reply } from '@intake/testkit';
import { lookUp, demoConfig, startGateway, type Running } from './harness.js';
import { TWILIO, postAsTwilio, settle, smsChannel, startTwilioStandIn, untilReady, type TwilioStandIn } from './twilio.js';

const CITIZEN = '+14035550177';

/** A city's Open311 CRM replaying real answers: it creates 293944, then reports on it as it is told to. */
function open311Crm(status: () => 'Open' | 'closed') {
  const created = open311Fixture('cfa-post_service_request.xml');
  // cfa-get_service_request.xml is request 638344, closed as a duplicate; the same answer about ours
  const looked = open311Fixture('cfa-get_service_request.xml').replaceAll('638344', '293944');
  return (received: ReceivedRequest): Reply => {
    const url = new URL(received.url, 'http://crm');
    const xml = { 'content-type': 'text/xml; charset=utf-8' };
    if (received.method === 'POST' && url.pathname === '/open311/v2/requests.xml') return { status: 200, body: created, headers: xml };
    if (received.method === 'GET' && url.pathname === '/open311/v2/requests.xml') {
      // San Francisco style while open: a capitalised status and no notes
      const body =
        status() === 'closed'
          ? looked
          : looked
              .replace('<status>closed</status>', '<status>Open</status>')
              .replace('<status_notes>Duplicate request.</status_notes>', '<status_notes/>');
      return { status: 200, body, headers: xml };
    }
    return {
      status: 404,
      body: '<errors><error><code>404</code><description>no such resource</description></error></errors>',
      headers: xml,
    };
  };
}

/** The CRM closes a request; the gateway's polling finds out and texts the citizen who reported it. */
describe('Open311 status polling', () => {
  let crm: LoopbackServer;
  let twilioApi: TwilioStandIn;
  let running: Running;
  let crmStatus: 'Open' | 'closed' = 'Open';

  beforeAll(async () => {
    crm = await startLoopbackServer(open311Crm(() => crmStatus));
    twilioApi = await startTwilioStandIn();
    running = await startGateway(
      demoConfig((raw) => {
        raw.channels.sms = smsChannel(twilioApi);
        raw.router = {
          destinations: {
            city: {
              type: 'open311',
              url: `${crm.url}/open311/v2`,
              api_key: 'city-key',
              jurisdiction_id: 'banff.ca',
              format: 'xml',
              poll_seconds: 0.2,
            },
          },
          rules: [],
          default: { deliver_to: ['city'] },
        };
      }),
    );
    await untilReady(running.url);
  });
  afterAll(async () => {
    await running.stop();
    await crm.close();
    await twilioApi.close();
  });

  const textsAbout = (reference: string) =>
    twilioApi.messages().filter((message) => message.To === CITIZEN && message.Body.includes(reference));
  const polls = () =>
    crm.requests.filter(
      (request) => request.method === 'GET' && new URL(request.url, 'http://crm').searchParams.get('service_request_id') === '293944',
    );
  const stored = (id: string) => lookUp(running, id);

  it('texts the citizen when the CRM closes the request, once, and stops asking about it', async () => {
    const response = await postAsTwilio(running.url, running.gateway.config, '/webhooks/twilio/sms', {
      MessageSid: `SM${Date.now()}open311`,
      From: CITIZEN,
      To: TWILIO.number,
      Body: 'streetlight out in front of 201 Bear Street',
    });
    const reference = /report ([0-9A-Z]{6})\b/.exec(await response.text())![1]!;
    const posted = await waitFor(() => crm.requests.find((request) => request.method === 'POST'), 15_000, 'the delivery to the CRM');
    expect(new URLSearchParams(posted.body).get('service_code')).toBe('STREETLIGHT');
    await waitFor(() => textsAbout(reference).length === 1, 15_000, 'the "passed on" SMS');

    // while the CRM says "Open" nothing new is said; the status is kept as the CRM's word, lower case
    await waitFor(() => polls().length >= 2, 10_000, 'polling');
    const id = String(posted.headers['idempotency-key']).replace(/:city$/, '');
    expect((await stored(id)).record.reference).toBe(reference);
    await waitFor(async () => (await stored(id)).crm.status === 'open', 5_000, 'the open status');
    expect((await stored(id)).crm).toEqual({ status: 'open', external_id: '293944' });
    expect(textsAbout(reference)).toHaveLength(1);

    crmStatus = 'closed';
    const update = await waitFor(() => textsAbout(reference)[1], 10_000, 'the status SMS');
    expect(update.Body).toBe(`Town of Banff: your report ${reference} is now closed. Duplicate request.`);
    expect((await stored(id)).crm).toEqual({ status: 'closed', external_id: '293944' });

    const asked = polls().length;
    await settle(1000);
    expect(polls()).toHaveLength(asked);
    expect(textsAbout(reference)).toHaveLength(2);
  });
});

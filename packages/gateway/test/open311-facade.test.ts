import { startLoopbackServer, waitFor, type LoopbackServer } from '@intake/testkit';
import type { Open311Request } from '../../../connectors/open311/src/requests.js';
import { expectValid, parseXml, typedFromXml, type XmlList } from '../../../connectors/open311/test/conformance.js';
import { lookUp, adminHeaders, demoConfig, startGateway, type Running } from './harness.js';
import { deliveredRecord, settle, untilReady } from './twilio.js';

const APP_KEY = 'open311-app-key';

/** An Open311 app reports into Intake; the request reaches the town's CRM and reads back through the facade. */
describe('Open311 facade, end to end', () => {
  let crm: LoopbackServer;
  let running: Running;

  beforeAll(async () => {
    crm = await startLoopbackServer(() => ({ status: 201, body: JSON.stringify({ service_request_id: 'CRM-5' }) }));
    running = await startGateway(
      demoConfig((raw) => {
        raw.channels.open311 = { api_keys: [APP_KEY] };
        raw.router = {
          destinations: { crm: { type: 'webhook', url: crm.url, secret: 'crm-secret' } },
          rules: [],
          default: { deliver_to: ['crm'] },
        };
      }),
    );
    await untilReady(running.url);
  });
  afterAll(async () => {
    await running.stop();
    await crm.close();
  });

  const open311 = (path: string, init?: RequestInit) => fetch(`${running.url}/open311/v2/${path}`, init);
  const post = (fields: Record<string, string>) => open311('requests.json', { method: 'POST', body: new URLSearchParams(fields) });

  it('delivers a report posted by an Open311 app to the CRM and serves it back as a valid GeoReport v2 request', async () => {
    const response = await post({
      api_key: APP_KEY,
      jurisdiction_id: 'banff.ca',
      service_code: 'POTHOLE',
      lat: '51.1768046',
      long: '-115.5728479',
      description: 'Deep pothole by the bakery',
      first_name: 'Jane',
      last_name: 'Doe',
      email: 'Jane.Doe@Example.org',
      media_url: 'https://photos.example.org/pothole.jpg',
    });
    expect(response.status).toBe(200);
    const [created] = (await response.json()) as { service_request_id: string; reference: string; service_notice: string }[];
    const id = created!.service_request_id;
    const { reference } = created!;
    expect(reference).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(created!.service_notice).toBe(`Town of Banff received your report ${reference}.`);

    const record = await waitFor(() => deliveredRecord(crm, id), 15_000, 'the delivery');
    expect(record).toMatchObject({
      channel: 'open311',
      service_code: 'POTHOLE',
      description: 'Deep pothole by the bakery',
      reporter: { name: 'Jane Doe', email: 'jane.doe@example.org', phone: null },
      location: { lat: 51.1768046, long: -115.5728479, in_jurisdiction: true },
      media: [{ url: 'https://photos.example.org/pothole.jpg' }],
      reference,
    });

    // the CRM has the POST before the worker records the delivery: the request is read twice only once it has settled
    const settled = async () => (await lookUp(running, id)).timeline;
    await waitFor(async () => (await settled()).some((event) => event.kind === 'passed_on'), 15_000, 'the delivery to be recorded');
    const one = (await (await open311(`requests/${id}.json`)).json()) as Open311Request[];
    expectValid('requests', one);
    expect(one[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: null,
      service_code: 'POTHOLE',
      service_name: 'Pothole',
      lat: 51.1768046,
      long: -115.5728479,
    });
    expect(JSON.stringify(one)).not.toMatch(/jane/i);
    const byReference = (await (await open311(`requests/${reference.toLowerCase()}.json`)).json()) as Open311Request[];
    expect(byReference).toEqual(one);
    const listedByReference = (await (await open311(`requests.json?service_request_id=${reference}`)).json()) as {
      service_request_id: string;
    }[];
    expect(listedByReference.map((request) => request.service_request_id)).toEqual([id]);
    const admin = await lookUp(running, reference);
    expect(admin.record).toMatchObject({ id, reference });
    expect((await fetch(`${running.url}/api/v1/requests/Z9Z9Z9`, { headers: adminHeaders })).status).toBe(404);
    const listed = (await (await open311('requests.json?service_code=POTHOLE&status=open')).json()) as { service_request_id: string }[];
    expect(listed.map((request) => request.service_request_id)).toContain(id);

    const update = await fetch(`${running.url}/api/v1/requests/${id}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...adminHeaders },
      body: JSON.stringify({ status: 'Closed', note: 'Filled on Tuesday.' }),
    });
    expect(update.status).toBe(202);
    const xml = parseXml<XmlList<'service_requests', 'request'>>(await (await open311(`requests/${id}.xml`)).text());
    const closed = typedFromXml('request', xml.service_requests.request[0]!);
    expectValid('requests', [closed]);
    expect(closed).toMatchObject({ service_request_id: id, reference, status: 'closed', status_notes: 'Filled on Tuesday.' });
    const stillOpen = (await (await open311('requests.json?status=open')).json()) as { service_request_id: string }[];
    expect(stillOpen.map((request) => request.service_request_id)).not.toContain(id);
  });

  it('refuses a wrong api_key, jurisdiction or service code with an error list, and nothing reaches the CRM', async () => {
    const delivered = crm.requests.length;
    const base = { api_key: APP_KEY, service_code: 'POTHOLE', address_string: '201 Bear Street', description: 'pothole' };
    const refusals: [Record<string, string>, number][] = [
      [{ ...base, api_key: 'stolen-or-typo' }, 403],
      [{ ...base, jurisdiction_id: 'calgary.ca' }, 404],
      [{ ...base, service_code: 'UNICORN' }, 400],
    ];
    for (const [fields, status] of refusals) {
      const response = await post(fields);
      expect(response.status).toBe(status);
      const [error] = (await response.json()) as { code: number; description: string }[];
      expect(error?.code).toBe(status);
    }
    await settle();
    expect(crm.requests).toHaveLength(delivered);
  });
});

import { startLoopbackServer, waitFor, type LoopbackServer } from '@intake/testkit';
import { parseXml } from '../../../connectors/open311/test/conformance.js';
import { adminHeaders, demoConfig, startGateway, type Running } from './harness.js';
import { untilReady } from './twilio.js';

const API_KEY = 'fixmystreet-key';
const HOUR = 3_600_000;

/** W3C date-times without milliseconds, as FixMyStreet's DateTime::Format::W3CDTF writes them. */
const w3c = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A list that XML::Simple would read as one element or several, always as an array. */
/** A GeoReport v2 answer in XML as these tests read it: a root, its items (one, or a list), each item's elements. */
type Item = Record<string, string>;
type Open311Xml = Partial<Record<string, Partial<Record<string, Item | Item[]>>>>;

const many = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * An Open311 client session shaped like FixMyStreet's (perllib/Open311.pm, Open311/GetServiceRequestUpdates.pm):
 * XML everywhere, jurisdiction_id on every call, api_key on posts and on the updates listing, form-encoded posts,
 * updates asked for over the last two hours with both dates, comments posted with their own update_id.
 */
describe('an Open311 client (as FixMyStreet calls it) following what it sent', () => {
  let crm: LoopbackServer;
  let running: Running;

  beforeAll(async () => {
    crm = await startLoopbackServer(() => ({ status: 201, body: '{}' }));
    running = await startGateway(
      demoConfig((raw) => {
        raw.server.public_url = 'https://311.banff.example/';
        raw.channels.open311 = { api_keys: [API_KEY] };
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

  const endpoint = (path: string, query: Record<string, string> = {}) =>
    `${running.url}/open311/v2/${path}?${new URLSearchParams({ jurisdiction_id: 'banff.ca', ...query })}`;
  const getXml = async (path: string, query?: Record<string, string>) => {
    const response = await fetch(endpoint(path, query));
    return { status: response.status, document: parseXml<Open311Xml>(await response.text()) };
  };
  const postXml = async (path: string, fields: Record<string, string>) => {
    const response = await fetch(endpoint(path), {
      method: 'POST',
      body: new URLSearchParams({ jurisdiction_id: 'banff.ca', api_key: API_KEY, ...fields }),
    });
    return { status: response.status, document: parseXml<Open311Xml>(await response.text()) };
  };
  const updatesSince = async (start: number) => {
    const { status, document } = await getXml('servicerequestupdates.xml', {
      api_key: API_KEY,
      start_date: w3c(start),
      end_date: w3c(Date.now() + 1000),
    });
    expect(status).toBe(200);
    return many(document.service_request_updates?.request_update);
  };

  it("posts a report, finds it at once, reads the CRM's status as an update, and posts a comment that is listed too", async () => {
    const started = Date.now() - 2 * HOUR;
    const services = await getXml('services.xml');
    expect(many(services.document.services?.service).map((service) => service.service_code)).toContain('POTHOLE');

    const posted = await postXml('requests.xml', {
      lat: '51.1768046',
      long: '-115.5728479',
      email: 'pat@example.org',
      description: 'title: Pothole by the bakery\n\ndetail: deep, near the kerb\n\nSubmitted via FixMyStreet',
      service_code: 'POTHOLE',
      first_name: 'Pat',
      last_name: 'Smith',
    });
    expect(posted.status).toBe(200);
    const [created] = many(posted.document.service_requests?.request);
    const id = created!.service_request_id!;
    expect(created!.reference).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);

    // get_service_requests right after send_service_request: no waiting for the normalizer
    const [found] = many<Record<string, string>>(
      (await getXml('requests.xml', { service_request_id: id })).document.service_requests?.request,
    );
    expect(found).toMatchObject({ service_request_id: id, service_code: 'POTHOLE', status: 'open' });
    const [byReference] = many<Record<string, string>>(
      (await getXml(`requests/${created!.reference}.xml`)).document.service_requests?.request,
    );
    expect(byReference?.service_request_id).toBe(id);

    await waitFor(
      async () => (await fetch(`${running.url}/api/v1/requests/${id}`, { headers: adminHeaders })).status === 200,
      10_000,
      'the stored request',
    );
    const crmSays = await fetch(`${running.url}/api/v1/requests/${id}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...adminHeaders },
      body: JSON.stringify({ status: 'In Progress', note: 'A crew is booked for Monday.' }),
    });
    expect(crmSays.status).toBe(202);
    const [status] = (await updatesSince(started)).filter((update) => update.service_request_id === id);
    expect(status).toMatchObject({
      service_request_id: id,
      status: 'in_progress',
      description: 'A crew is booked for Monday.',
      external_status_code: 'in progress',
    });
    expect(status!.update_id).toMatch(/\S/);
    expect(Date.parse(status!.updated_datetime!)).toBeGreaterThanOrEqual(started);

    const comment = await postXml('servicerequestupdates.xml', {
      update_id: '4242',
      updated_datetime: w3c(Date.now()),
      service_request_id: id,
      status: 'OPEN',
      description: 'It has got bigger since.',
      first_name: 'Pat',
      last_name: 'Smith',
      email: 'pat@example.org',
    });
    expect(comment.status).toBe(200);
    const [answer] = many(comment.document.service_request_updates?.request_update);
    expect(answer!.update_id).toMatch(/\S/);

    const listed = (await updatesSince(started)).filter((update) => update.service_request_id === id);
    expect(listed.map((update) => [update.status, update.description])).toEqual([
      ['in_progress', 'A crew is booked for Monday.'],
      ['in_progress', 'It has got bigger since.'],
    ]);
    expect(listed[1]!.update_id).toBe(answer!.update_id);
    // updates are public: nothing about who wrote them
    expect(JSON.stringify(listed)).not.toMatch(/pat|smith/i);
    // outside the dates asked for, nothing
    const { document: before } = await getXml('servicerequestupdates.xml', {
      api_key: API_KEY,
      start_date: w3c(started - HOUR),
      end_date: w3c(started),
    });
    expect(many(before.service_request_updates?.request_update).filter((update) => update.service_request_id === id)).toEqual([]);
  });

  it("refuses a comment without a key or for an unknown request, and dates the wrong way round, in Open311's error form", async () => {
    const noKey = await fetch(endpoint('servicerequestupdates.xml'), {
      method: 'POST',
      body: new URLSearchParams({ jurisdiction_id: 'banff.ca', service_request_id: 'x', description: 'hi' }),
    });
    expect(noKey.status).toBe(403);
    const unknown = await postXml('servicerequestupdates.xml', { service_request_id: 'Z9Z9Z9', description: 'hello?' });
    expect(unknown.status).toBe(404);
    expect(many(unknown.document.errors?.error)[0]).toMatchObject({ code: '404' });
    const empty = await postXml('servicerequestupdates.xml', { service_request_id: 'Z9Z9Z9' });
    expect(empty.status).toBe(400);
    const backwards = await getXml('servicerequestupdates.xml', { start_date: w3c(Date.now()), end_date: w3c(Date.now() - HOUR) });
    expect(backwards.status).toBe(400);
  });

  it('publishes Open311 Service Discovery in JSON and XML: the town, the endpoint and its formats', async () => {
    const json: unknown = await (await fetch(`${running.url}/open311/discovery.json`)).json();
    expect(json).toMatchObject({
      contact: expect.stringContaining('Town of Banff'),
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'https://311.banff.example/open311/v2',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    type Endpoint = { url: string; formats: { format: string[] } };
    const xml = parseXml<{ discovery: { endpoints: { endpoint: Endpoint | Endpoint[] } } }>(
      await (await fetch(`${running.url}/open311/discovery.xml`)).text(),
    );
    const [endpointXml] = many(xml.discovery.endpoints.endpoint);
    expect(endpointXml).toMatchObject({
      url: 'https://311.banff.example/open311/v2',
      formats: { format: ['text/xml', 'application/json'] },
    });
    expect((await fetch(`${running.url}/open311/discovery.yaml`)).status).toBe(404);
  });
});

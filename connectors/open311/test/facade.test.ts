import { parseConfig, type StoredRequest } from '@intake/core';
import { open311Fixture } from '@intake/testkit';
import { open311Connector, open311Status } from '../src/index.js';
import type { Open311Request } from '../src/requests.js';
import { elementNames, expectValid, parseXml, typedFromXml, type XmlErrors, type XmlList } from './conformance.js';
import { API_KEY, baseConfig, startOpen311App, type Open311App } from './harness.js';

let app: Open311App;

beforeAll(async () => {
  app = await startOpen311App();
});
afterAll(() => app.close());

const get = (path: string) => fetch(`${app.url}/open311/v2/${path}`);
const postForm = (fields: Record<string, string>, path = 'requests.json', target = app) =>
  fetch(`${target.url}/open311/v2/${path}`, { method: 'POST', body: new URLSearchParams(fields) });

/** What a typical Open311 app posts. */
const REPORT = {
  api_key: API_KEY,
  jurisdiction_id: 'testville.example',
  service_code: 'POTHOLE',
  lat: '44.6521',
  long: '-63.5874',
  address_string: '12 Maple Street',
  description: 'Deep pothole in the right lane',
  media_url: 'https://photos.example.org/p/1.jpg',
  email: 'jane@example.org',
  first_name: 'Jane',
  last_name: 'van der Berg',
  phone: '902-555-0123',
  device_id: 'device-77',
  account_id: 'acct-9',
};

const fixtureShape = (name: string, root: string, item: string) => elementNames(parseXml(open311Fixture(name)), root, item);
/** A CRM's request answers, plus Intake's one extension: the citizen's short `reference`. */
const requestShape = (name: string) => [...fixtureShape(name, 'service_requests', 'request'), 'reference'].sort();

describe('GET services', () => {
  it('lists the configured catalogue as GeoReport v2 services in JSON', async () => {
    const response = await get('services.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const services = await response.json();
    expectValid('services', services);
    expect(services).toEqual([
      {
        service_code: 'POTHOLE',
        service_name: 'Pothole',
        description: 'A hole in the road',
        metadata: false,
        type: 'realtime',
        keywords: 'pothole, pot hole',
        group: 'Streets',
      },
      {
        service_code: 'STREETLIGHT',
        service_name: 'Streetlight out',
        description: null,
        metadata: false,
        type: 'realtime',
        keywords: null,
        group: 'Streets',
      },
      {
        service_code: 'OTHER',
        service_name: 'Something else',
        description: null,
        metadata: false,
        type: 'realtime',
        keywords: null,
        group: null,
      },
    ]);
  });

  it('serves the same catalogue as XML shaped like a CRM answer', async () => {
    const [json, response] = await Promise.all([get('services.json').then((r) => r.json()), get('services.xml')]);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    const xml = await response.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const document = parseXml<XmlList<'services', 'service'>>(xml);
    expect(elementNames(document, 'services', 'service')).toEqual(fixtureShape('cfa-services.xml', 'services', 'service'));
    const services = document.services.service.map((item: Record<string, string>) => typedFromXml('service', item));
    expectValid('services', services);
    expect(services).toEqual(json);
  });

  it('answers a service definition without attributes, and 404 in Open311 form for an unknown code', async () => {
    const definition = await (await get('services/POTHOLE.json')).json();
    expectValid('service-definition', definition);
    expect(definition).toEqual({ service_code: 'POTHOLE', attributes: [] });

    const xml = parseXml<{ service_definition: Record<string, string | undefined> }>(await (await get('services/POTHOLE.xml')).text());
    expect(xml.service_definition.service_code).toBe('POTHOLE');
    expect(xml.service_definition.attribute).toBeUndefined();

    const missing = await get('services/NOPE.json');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([{ code: 404, description: 'service_code "NOPE" was not found' }]);
    const missingXml = await get('services/NOPE.xml');
    expect(missingXml.status).toBe(404);
    const errors = parseXml<XmlErrors>(await missingXml.text());
    expect(elementNames(errors, 'errors', 'error')).toEqual(fixtureShape('cfa-get_service_request_not_found.xml', 'errors', 'error'));
    expect(errors.errors.error[0]).toEqual({ code: '404', description: 'service_code "NOPE" was not found' });
  });

  it('refuses another jurisdiction, other formats and unknown resources with an error list', async () => {
    const other = await get('services.json?jurisdiction_id=elsewhere.example');
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual([
      { code: 404, description: 'jurisdiction_id "elsewhere.example" was not found; this server is testville.example' },
    ]);
    expect((await get('services.json?jurisdiction_id=testville.example')).status).toBe(200);

    for (const path of ['services.csv', 'services/POTHOLE.html', 'requests/abc', 'tokens/123.json']) {
      const response = await get(path);
      expect([path, response.status]).toEqual([path, 404]);
      const [error] = (await response.json()) as { code: number; description: string }[];
      expect(error?.code).toBe(404);
    }
  });
});

describe('POST requests', () => {
  it('accepts a form-encoded report, answers its id and a notice, and queues it as an open311 message', async () => {
    const before = (await app.queued()).length;
    const response = await postForm(REPORT);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { service_request_id: string; service_notice: string; account_id: string }[];
    expectValid('request-response', answer);
    const [created] = answer;
    expect(created?.service_notice).toMatch(/^Town of Testville received your report [0-9A-Z]{6}\.$/);
    expect(created?.account_id).toBe('acct-9');

    const queued = await app.queued();
    expect(queued).toHaveLength(before + 1);
    const message = queued.find((m) => m.id === created?.service_request_id);
    expect(message).toMatchObject({
      channel: 'open311',
      external_id: null,
      text: 'Deep pothole in the right lane',
      service_code: 'POTHOLE',
      address: '12 Maple Street',
      point: { lat: 44.6521, long: -63.5874 },
      sender: { name: 'Jane van der Berg', phone: '902-555-0123', email: 'jane@example.org', handle: 'acct-9' },
      media: [{ url: 'https://photos.example.org/p/1.jpg', content_type: null, name: null }],
      context: { device_id: 'device-77', account_id: 'acct-9' },
      reply_to: null,
    });
  });

  it('answers a report without account_id with an empty one, as the swagger RequestResponse (a string) wants', async () => {
    const { account_id: _left, ...withoutAccount } = REPORT;
    const response = await postForm(withoutAccount);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { account_id: unknown }[];
    expectValid('request-response', answer);
    expect(answer[0]?.account_id).toBe('');
  });

  it('takes JSON bodies and arguments in the query string, as some clients send them', async () => {
    const json = await fetch(`${app.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: API_KEY, service_code: 'STREETLIGHT', lat: 44.65, long: -63.58, description: 'light out' }),
    });
    expect(json.status).toBe(200);
    const [created] = (await json.json()) as { service_request_id: string }[];
    const query = new URLSearchParams({ api_key: API_KEY, service_code: 'OTHER', address_id: 'A-123' });
    const queried = await fetch(`${app.url}/open311/v2/requests.json?${query}`, { method: 'POST' });
    expect(queried.status).toBe(200);
    const [fromQuery] = (await queried.json()) as { service_request_id: string }[];

    const queued = await app.queued();
    expect(queued.find((m) => m.id === created?.service_request_id)).toMatchObject({
      service_code: 'STREETLIGHT',
      point: { lat: 44.65, long: -63.58 },
      text: 'light out',
    });
    // address_id is the town's own address key: kept for the record, not guessed at as an address
    expect(queued.find((m) => m.id === fromQuery?.service_request_id)).toMatchObject({
      service_code: 'OTHER',
      point: null,
      address: null,
      context: { address_id: 'A-123' },
    });
  });

  it('answers in XML shaped like a CRM answer', async () => {
    const response = await postForm({ api_key: API_KEY, service_code: 'POTHOLE', address_string: '14 Maple Street' }, 'requests.xml');
    expect(response.status).toBe(200);
    const document = parseXml<XmlList<'service_requests', 'request'>>(await response.text());
    expect(elementNames(document, 'service_requests', 'request')).toEqual(requestShape('cfa-post_service_request.xml'));
    const created = document.service_requests.request[0]!;
    expect(created.service_request_id).toMatch(/\S/);
    expect(created.account_id).toBe('');
    expect((await app.queued()).some((m) => m.id === created.service_request_id)).toBe(true);
  });

  const refusals: [string, Record<string, string>, number, string[]][] = [
    ['no api_key', { ...REPORT, api_key: '' }, 403, ['api_key was not provided']],
    ['a wrong api_key', { ...REPORT, api_key: 'app-key-2' }, 403, ['invalid api_key received']],
    [
      'another jurisdiction',
      { ...REPORT, jurisdiction_id: 'elsewhere.example' },
      404,
      ['jurisdiction_id "elsewhere.example" was not found; this server is testville.example'],
    ],
    [
      'an unknown service code',
      { ...REPORT, service_code: 'POTHOLES' },
      400,
      ['service_code "POTHOLES" is not a known service (see services.json)'],
    ],
    [
      'no service code and no location',
      { api_key: API_KEY, description: 'help' },
      400,
      ['service_code was not provided', 'a location is required: lat and long, address_string or address_id'],
    ],
    [
      'a 0,0 device fix as the only location',
      { api_key: API_KEY, service_code: 'POTHOLE', lat: '0.0', long: '0.0' },
      400,
      ['a location is required: lat and long, address_string or address_id'],
    ],
    [
      'malformed fields',
      { ...REPORT, lat: 'north', long: '', media_url: 'javascript:alert(1)', email: 'jane@' },
      400,
      ['lat must be a number', 'media_url must be an http(s) URL', 'email is not a valid email address'],
    ],
    ['half a coordinate', { ...REPORT, long: '' }, 400, ['long is required when the other coordinate is given']],
  ];

  it.each(refusals)('refuses %s with an Open311 error list and queues nothing', async (_name, fields, status, problems) => {
    const before = (await app.queued()).length;
    for (const format of ['json', 'xml'] as const) {
      const response = await postForm(fields, `requests.${format}`);
      expect(response.status).toBe(status);
      const body = await response.text();
      const errors =
        format === 'json'
          ? JSON.parse(body)
          : parseXml<XmlErrors>(body).errors.error.map((e: { code: string; description: string }) => ({
              code: Number(e.code),
              description: e.description,
            }));
      expect(errors).toEqual(problems.map((description) => ({ code: status, description })));
    }
    expect(await app.queued()).toHaveLength(before);
  });

  it('refuses malformed JSON, oversize bodies and multipart posts in Open311 form', async () => {
    const before = (await app.queued()).length;
    const post = (body: string | FormData, type?: string) =>
      fetch(`${app.url}/open311/v2/requests.json`, { method: 'POST', headers: type ? { 'content-type': type } : {}, body });
    const malformed = await post('{"api_key":', 'application/json');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual([{ code: 400, description: 'the body is not valid JSON' }]);
    const huge = await post(
      new URLSearchParams({ ...REPORT, description: 'x'.repeat(20_000) }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(huge.status).toBe(413);
    const multipart = new FormData();
    for (const [key, value] of Object.entries(REPORT)) multipart.append(key, value);
    const refused = await post(multipart);
    expect(refused.status).toBe(415);
    expect(await app.queued()).toHaveLength(before);
  });

  it('answers 503 with Retry-After, as an error list, when the queue does not take the report', async () => {
    const down = await startOpen311App({ redisUrl: 'redis://127.0.0.1:1' });
    try {
      const response = await postForm(REPORT, 'requests.json', down);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toEqual([{ code: 503, description: 'the intake queue is unavailable, retry shortly' }]);
    } finally {
      await down.close();
    }
  });
});

describe('GET requests', () => {
  const DAY = 86_400_000;
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
  let recent: string;
  let recentRecord: StoredRequest;
  let closed: string;
  let older: string;
  let unclassified: string;

  beforeAll(async () => {
    recentRecord = await app.save(
      {
        received_at: daysAgo(1),
        media: [{ url: 'https://photos.example.org/2.jpg', content_type: 'image/jpeg', name: null, bytes: null }],
      },
      {
        crm: { status: 'in progress', external_id: 'CRM-1' },
        timeline: [
          { kind: 'status', at: daysAgo(1), status: 'in_progress', crm_status: 'in progress', note: 'A crew is booked for Monday.' },
        ],
      },
    );
    recent = recentRecord.record.id;
    closed = (
      await app.save(
        { received_at: daysAgo(2), service_code: 'STREETLIGHT', service_name: 'Streetlight out' },
        {
          crm: { status: 'resolved', external_id: 'CRM-2' },
          timeline: [
            { kind: 'status', at: daysAgo(2), status: 'closed', crm_status: 'resolved', note: 'Replaced the lamp.' },
            { kind: 'status', at: daysAgo(1), status: 'closed', crm_status: 'closed', note: null },
          ],
        },
      )
    ).record.id;
    older = (await app.save({ received_at: daysAgo(40), description: 'x'.repeat(5000) })).record.id;
    unclassified = (
      await app.save({
        received_at: daysAgo(3),
        service_code: null,
        service_name: null,
        description: '',
        location: { lat: null, long: null, address: null, precision: 'none', source: null, in_jurisdiction: null },
      })
    ).record.id;
  });

  const ids = (requests: Open311Request[]) => requests.map((request) => request.service_request_id);
  const list = async (query: string) => {
    const response = await get(`requests.json${query}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Open311Request[];
    expectValid('requests', body);
    return body;
  };

  it('lists stored requests newest first, as valid GeoReport v2 requests without anything about the reporter', async () => {
    const response = await get('requests.json');
    const text = await response.text();
    expect(text).not.toMatch(/jane|9025550123|Jane Doe/i);
    const requests = JSON.parse(text) as Open311Request[];
    expectValid('requests', requests);
    expect(ids(requests)).toEqual([recent, closed, unclassified, older]);
    expect(requests[0]).toEqual({
      service_request_id: recent,
      reference: 'K7PM2Q',
      status: 'open',
      status_notes: 'A crew is booked for Monday.',
      service_name: 'Pothole',
      service_code: 'POTHOLE',
      description: 'big pothole outside 12 Maple Street',
      agency_responsible: null,
      service_notice: null,
      requested_datetime: recentRecord.record.received_at,
      updated_datetime: recentRecord.updated_at,
      expected_datetime: null,
      address: '12 Maple Street',
      address_id: null,
      zipcode: null,
      lat: 44.6521,
      long: -63.5874,
      media_url: 'https://photos.example.org/2.jpg',
    });
    expect(requests[1]).toMatchObject({ status: 'closed', status_notes: 'Replaced the lamp.', service_code: 'STREETLIGHT' });
    expect(requests[2]).toMatchObject({ service_code: '', service_name: null, description: null, lat: null, long: null, address: null });
    expect(requests[3]!.description).toHaveLength(4000);
  });

  it('filters by service code, status and date range, and by a list of ids that overrides the rest', async () => {
    expect(ids(await list('?service_code=STREETLIGHT'))).toEqual([closed]);
    expect(ids(await list('?service_code=STREETLIGHT,POTHOLE'))).toEqual([recent, closed, older]);
    expect(ids(await list('?status=closed'))).toEqual([closed]);
    expect(ids(await list('?status=open&status=closed&service_code=STREETLIGHT'))).toEqual([closed]);
    expect(ids(await list('?status=open&service_code=POTHOLE'))).toEqual([recent, older]);
    expect(ids(await list(`?start_date=${daysAgo(10)}`))).toEqual([recent, closed, unclassified]);
    expect(ids(await list(`?start_date=${daysAgo(50)}&end_date=${daysAgo(20)}`))).toEqual([older]);
    expect(ids(await list(`?service_request_id=${older},unknown-id,${recent}&status=closed`))).toEqual([older, recent]);
    expect(ids(await list('?jurisdiction_id=testville.example&service_code=GRAFFITI'))).toEqual([]);
  });

  it('refuses bad filters with an error list', async () => {
    const refused = async (query: string, description: string) => {
      const response = await get(`requests.json${query}`);
      expect([query, response.status]).toEqual([query, 400]);
      expect(await response.json()).toEqual([{ code: 400, description }]);
    };
    await refused('?status=pending', 'status.0 must be open and/or closed');
    await refused('?start_date=yesterday', 'start_date must be a W3C date-time such as 2026-11-22T10:00:00Z');
    await refused(`?start_date=${daysAgo(200)}&end_date=${daysAgo(1)}`, 'end_date the range may not span more than 90 days');
    await refused(`?start_date=${daysAgo(1)}&end_date=${daysAgo(2)}`, 'start_date must be before end_date');
    await refused('?start_date=2026-01-01&start_date=2026-01-02', 'start_date must be given once');
    const other = await get('requests.json?jurisdiction_id=elsewhere.example');
    expect(other.status).toBe(404);
  });

  it('serves the same list in XML shaped like a CRM answer, with empty elements for nulls', async () => {
    const [json, response] = await Promise.all([list(''), get('requests.xml')]);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    const document = parseXml<XmlList<'service_requests', 'request'>>(await response.text());
    expect(elementNames(document, 'service_requests', 'request')).toEqual(requestShape('cfa-service_requests.xml'));
    const requests = document.service_requests.request.map((item: Record<string, string>) => typedFromXml('request', item));
    expectValid('requests', requests);
    expect(requests).toEqual(json);

    const empty = parseXml(await (await get('requests.xml?service_code=GRAFFITI')).text());
    expect(empty).toEqual(parseXml(open311Fixture('cfa-service_requests_empty.xml')));
  });

  it('answers one request as a list of one, and 404 in Open311 form for an unknown id', async () => {
    const response = await get(`requests/${closed}.json`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>[];
    expectValid('requests', body);
    expect(body).toEqual(await list(`?service_request_id=${closed}`));

    const xml = parseXml<XmlList<'service_requests', 'request'>>(await (await get(`requests/${closed}.xml`)).text());
    expect(elementNames(xml, 'service_requests', 'request')).toEqual(requestShape('cfa-get_service_request.xml'));
    expect(typedFromXml('request', xml.service_requests.request[0]!)).toEqual(body[0]);

    const missing = await get('requests/not-an-id.xml');
    expect(missing.status).toBe(404);
    expect(parseXml(await missing.text())).toEqual({
      errors: { error: [{ code: '404', description: 'service request not-an-id was not found' }] },
    });
    expect(await (await get(`requests/${closed}.json?jurisdiction_id=elsewhere.example`)).json()).toEqual([
      { code: 404, description: 'jurisdiction_id "elsewhere.example" was not found; this server is testville.example' },
    ]);
  });

  it("shows the citizen's words without their signature, phone numbers, email addresses or name", async () => {
    const description = [
      'Streetlight out in front of 12 Maple Street, call me at (902) 555-0188 or write to jane.doe@example.org',
      'jane doe here again: it has been dark for a week',
      'Thanks,',
      'Jane Doe',
      'Director, Maple Street Residents',
      '+1 902 555 0123',
    ].join('\n');
    // older than the default listing's 90 days, so the listings above stay as they are
    const { record } = await app.save({
      received_at: daysAgo(100),
      description,
      reporter: { name: 'Jane Doe', phone: '+19025550123', email: 'jane.doe@example.org' },
    });
    const text = await (await get(`requests/${record.id}.json`)).text();
    // ids, references and times are random or clock digits that may hold "555" by chance: the rest is checked
    const published = Object.entries((JSON.parse(text) as Record<string, unknown>[])[0]!).filter(
      ([key]) => !/(_id|reference|_datetime)$/.test(key),
    );
    expect(JSON.stringify(published)).not.toMatch(/jane|doe|555|Director|Thanks/i);
    expect((JSON.parse(text) as { description: string }[])[0]!.description).toBe(
      'Streetlight out in front of 12 Maple Street, call me at [removed] or write to [removed]\n[removed] here again: it has been dark for a week',
    );
  });

  it('answers 501 for lookups where the gateway gives no access to stored requests', async () => {
    const bare = await startOpen311App({ withRequests: false });
    try {
      const response = await fetch(`${bare.url}/open311/v2/requests.json`);
      expect(response.status).toBe(501);
      expect(await response.json()).toEqual([{ code: 501, description: 'this server does not list requests' }]);
    } finally {
      await bare.close();
    }
  });
});

describe('status mapping and switch', () => {
  const at = '2026-11-22T10:00:00Z';
  it.each([
    [[], 'open'],
    [['acknowledged'], 'open'],
    [['in_progress'], 'open'],
    [['closed'], 'closed'],
    [['closed', 'acknowledged'], 'open'],
  ] as const)('a request whose CRM said %p is Open311 %p', (statuses, expected) => {
    const timeline = statuses.map((status) => ({ kind: 'status' as const, at, status, crm_status: status, note: null }));
    expect(open311Status({ timeline })).toBe(expected);
  });

  it('is on only when channels.open311 is configured', () => {
    const config = (channels: Record<string, unknown>) =>
      parseConfig({ ...baseConfig(), channels }, { base_dir: __dirname, source: 'test' });
    expect(open311Connector.enabled(config({ open311: { api_keys: ['k'] } }))).toBe(true);
    expect(open311Connector.enabled(config({ web: {} }))).toBe(false);
  });
});

import { PermanentDeliveryError, RequestStore, createLogger, type Destination, type PluginOptions } from '@intake/core';
import {
  REDIS_URL,
  deletePrefix,
  open311Fixture,
  startLoopbackServer,
  uniquePrefix,
  waitFor,
  type LoopbackServer,
  type ReceivedRequest,
  type Reply,
} from '@intake/testkit';
import { Redis } from 'ioredis';
import { createRouter, destinationPlugins } from '../src/index.js';
import { buildConfig, buildRequest, stored, tempDir } from './helpers.js';

const log = createLogger({ level: 'silent' });

/** A real CRM's recorded answer: its status line when the file has one (cfa-403.xml), else a 200. */
function replay(name: string, change: (body: string) => string = (body) => body): Reply {
  const raw = open311Fixture(name);
  const statusLine = /^HTTP\/1\.1 (\d{3})[^\n]*\n\s*\n/.exec(raw);
  const body = statusLine ? raw.slice(statusLine[0].length) : raw;
  const type = name.endsWith('.json') ? 'application/json' : 'text/xml; charset=utf-8';
  return { status: statusLine ? Number(statusLine[1]) : 200, body: change(body), headers: { 'content-type': type } };
}

function create(options: Record<string, unknown>): Destination {
  const config = buildConfig({ router: { destinations: { crm: { type: 'open311', ...options } }, default: { deliver_to: ['crm'] } } });
  const plugin = destinationPlugins.find((p) => p.type === 'open311')!;
  return plugin.create(config.router.destinations.crm as PluginOptions, { config, log });
}

const event = (id: string) => ({ destination: 'crm', attempt: 1, idempotency_key: `${id}:crm` });
const form = (received: ReceivedRequest | undefined) => Object.fromEntries(new URLSearchParams(received?.body ?? ''));
const pathOf = (received: ReceivedRequest | undefined) => new URL(received?.url ?? '/', 'http://x').pathname;
const queryOf = (received: ReceivedRequest | undefined) => Object.fromEntries(new URL(received?.url ?? '/', 'http://x').searchParams);

describe('open311 destination: creating requests', () => {
  let crm: LoopbackServer;
  let respond: (received: ReceivedRequest) => Reply;
  beforeAll(async () => {
    crm = await startLoopbackServer((received) => respond(received));
  });
  afterAll(() => crm.close());
  beforeEach(() => {
    crm.requests.length = 0;
    respond = () => replay('cfa-post_service_request.xml');
  });

  const options = (extra: Record<string, unknown> = {}) => ({
    url: `${crm.url}/open311/v2/`,
    api_key: 'city-key',
    jurisdiction_id: 'city.example',
    format: 'xml',
    service_code_map: { POTHOLE: '021' },
    ...extra,
  });

  it('POSTs the GeoReport v2 arguments form-encoded and reads the id from a real XML answer', async () => {
    const request = buildRequest({
      reporter: { name: 'Jane Q. Doe', phone: '+14035550123', email: 'jane@example.org' },
      media: [
        { url: 'cid:not-a-web-url', content_type: null, name: null, bytes: null },
        { url: 'https://media.example.org/1.jpg', content_type: 'image/jpeg', name: null, bytes: null },
      ],
    });
    const receipt = await create(options()).deliver(request, event(request.id));
    expect(receipt).toEqual({
      status: 200,
      external_id: '293944',
      service_notice: expect.stringMatching(/^The City will inspect and require the responsible party to correct within 24 hours/),
    });
    const [received] = crm.requests;
    expect(received?.method).toBe('POST');
    expect(pathOf(received)).toBe('/open311/v2/requests.xml');
    expect(received?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(received?.headers['idempotency-key']).toBe(`${request.id}:crm`);
    expect(form(received)).toEqual({
      api_key: 'city-key',
      jurisdiction_id: 'city.example',
      service_code: '021',
      lat: '50.5',
      long: '-110.5',
      address_string: '211 Main Street',
      description: request.description,
      email: 'jane@example.org',
      first_name: 'Jane',
      last_name: 'Q. Doe',
      phone: '+14035550123',
      media_url: 'https://media.example.org/1.jpg',
    });
  });

  it('reads a JSON answer, sends unmapped codes as they are, and leaves out what the request does not have', async () => {
    respond = () => ({ status: 201, body: JSON.stringify([{ service_request_id: 4711, service_notice: null, account_id: null }]) });
    const request = buildRequest({
      service_code: 'GRAFFITI',
      reporter: { name: null, phone: null, email: null },
      location: { lat: null, long: null, address: '5 Mill Lane', precision: 'street', source: 'gazetteer', in_jurisdiction: true },
    });
    const receipt = await create(options({ format: 'json', jurisdiction_id: undefined })).deliver(request, event(request.id));
    expect(receipt).toEqual({ status: 201, external_id: '4711', service_notice: null });
    expect(pathOf(crm.requests[0])).toBe('/open311/v2/requests.json');
    expect(form(crm.requests[0])).toEqual({
      api_key: 'city-key',
      service_code: 'GRAFFITI',
      address_string: '5 Mill Lane',
      description: request.description,
    });
  });

  it('resolves a token to the id with GET tokens/{token}, as the real token answer gives it', async () => {
    respond = (received) =>
      received.method === 'POST'
        ? replay('cfa-request_id_from_token.xml', (body) => body.replace(/\s*<service_request_id>.*<\/service_request_id>/, ''))
        : replay('cfa-request_id_from_token.xml');
    const request = buildRequest();
    const receipt = await create(options()).deliver(request, event(request.id));
    expect(receipt).toEqual({ status: 200, external_id: '638344', token: '12345', service_notice: null });
    expect(crm.requests.map((r) => `${r.method} ${pathOf(r)}`)).toEqual([
      'POST /open311/v2/requests.xml',
      'GET /open311/v2/tokens/12345.xml',
    ]);
    expect(queryOf(crm.requests[1])).toEqual({ jurisdiction_id: 'city.example' });
  });

  it('delivers with the token kept when the CRM has no id for it yet (never POSTs twice)', async () => {
    respond = (received) =>
      received.method === 'POST'
        ? { status: 200, body: '[{"token":"abc-1"}]' }
        : { ...replay('cfa-get_service_request_not_found.xml'), status: 404 };
    const receipt = await create(options({ format: 'json' })).deliver(buildRequest(), event('t'));
    expect(receipt).toEqual({ status: 200, external_id: null, token: 'abc-1', service_notice: null });
    expect(crm.requests.map((r) => `${r.method} ${pathOf(r)}`)).toEqual([
      'POST /open311/v2/requests.json',
      'GET /open311/v2/tokens/abc-1.json',
    ]);
  });

  it("is permanent on a 403 with the CRM's own words (cfa-403.xml)", async () => {
    respond = () => replay('cfa-403.xml');
    const failure = create(options()).deliver(buildRequest(), event('f'));
    await expect(failure).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(failure).rejects.toThrow(/answered 403: Invalid api_key received -- can't proceed with create_request\.$/);
  });

  it('is permanent on a JSON error list, even one sent with a 200', async () => {
    respond = () => ({
      status: 400,
      body: JSON.stringify([
        { code: 400, description: 'service_code was not provided' },
        { code: 400, description: 'lat is invalid' },
      ]),
    });
    await expect(create(options({ format: 'json' })).deliver(buildRequest(), event('e'))).rejects.toThrow(
      new PermanentDeliveryError(`POST ${crm.url}/open311/v2/requests.json answered 400: service_code was not provided; lat is invalid`),
    );
    respond = () => replay('cfa-get_service_request_not_found.xml');
    const failure = create(options()).deliver(buildRequest(), event('e2'));
    await expect(failure).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(failure).rejects.toThrow('answered 200 with errors: Service request not found with id or token not-an-id');
  });

  it.each([500, 502, 429, 408])('retries a %i', async (status) => {
    respond = () => ({ status, body: 'busy' });
    const failure = create(options()).deliver(buildRequest(), event('r'));
    await expect(failure).rejects.toThrow(`answered ${status}: busy`);
    await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
  });

  it('retries when the CRM does not answer within timeout_ms', async () => {
    const slow = await startLoopbackServer(
      () => new Promise<Reply>((resolve) => setTimeout(() => resolve(replay('cfa-post_service_request.xml')), 1000)),
    );
    try {
      const failure = create(options({ url: slow.url, timeout_ms: 100 })).deliver(buildRequest(), event('s'));
      await expect(failure).rejects.toThrow(`POST ${slow.url}/requests.xml failed: no answer within 100 ms`);
      await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
    } finally {
      await slow.close();
    }
  });

  it('refuses a request without a service code unless a default is configured', async () => {
    const unclassified = buildRequest({ service_code: null, service_name: null });
    await expect(create(options()).deliver(unclassified, event('u'))).rejects.toBeInstanceOf(PermanentDeliveryError);
    expect(crm.requests).toHaveLength(0);
    await create(options({ default_service_code: 'OTHER' })).deliver(unclassified, event('u'));
    expect(form(crm.requests[0]).service_code).toBe('OTHER');
  });

  it('checks its options as the config loader does', () => {
    const plugin = destinationPlugins.find((p) => p.type === 'open311')!;
    expect(plugin.options.safeParse({ type: 'open311', url: 'ftp://crm', api_key: 'k' }).success).toBe(false);
    expect(plugin.options.safeParse({ type: 'open311', url: 'https://crm', api_key: 'k', format: 'csv' }).success).toBe(false);
    expect(plugin.options.safeParse({ type: 'open311', url: 'https://crm', api_key: 'k', apikey: 'typo' }).success).toBe(false);
    expect(plugin.options.parse({ type: 'open311', url: 'https://crm.example.org/v2/', api_key: 'k' })).toMatchObject({
      url: 'https://crm.example.org/v2',
      format: 'json',
      poll_seconds: 300,
      timeout_ms: 10_000,
    });
  });
});

describe('open311 destination: asking for status', () => {
  let crm: LoopbackServer;
  let reply: Reply;
  beforeAll(async () => {
    crm = await startLoopbackServer(() => reply);
  });
  afterAll(() => crm.close());
  beforeEach(() => {
    crm.requests.length = 0;
  });

  const poller = (extra: Record<string, unknown> = {}) =>
    create({ url: crm.url, api_key: 'k', jurisdiction_id: 'sf.example', format: 'xml', poll_seconds: 60, ...extra });

  it("reads San Francisco's answer: capitalised statuses, xsi:nil, non-ISO dates", async () => {
    reply = replay('san_francisco_requests.xml');
    const destination = poller();
    expect(destination.pollIntervalMs).toBe(60_000);
    const statuses = await destination.pollStatus!(['1129806', '1129792', 'not-asked-for-by-the-crm']);
    expect(statuses).toEqual([
      { external_id: '1129806', status: 'open', notes: null, closed: false },
      { external_id: '1129792', status: 'open', notes: null, closed: false },
    ]);
    expect(crm.requests[0]?.method).toBe('GET');
    expect(pathOf(crm.requests[0])).toBe('/requests.xml');
    expect(queryOf(crm.requests[0])).toEqual({
      jurisdiction_id: 'sf.example',
      service_request_id: '1129806,1129792,not-asked-for-by-the-crm',
    });

    const closedIds = [
      ...open311Fixture('san_francisco_requests.xml').matchAll(/<service_request_id>(\d+)<\/service_request_id><status>Closed</g),
    ].map((m) => m[1]!);
    expect(closedIds).toHaveLength(4);
    const closed = await destination.pollStatus!(closedIds);
    expect(closed.map((status) => [status.status, status.closed])).toEqual(closedIds.map(() => ['closed', true]));
  });

  it('reads status notes from XML and JSON answers', async () => {
    reply = replay('cfa-service_requests.xml');
    expect(await poller().pollStatus!(['638344', '638349'])).toEqual([
      { external_id: '638344', status: 'closed', notes: 'Duplicate request.', closed: true },
      { external_id: '638349', status: 'open', notes: null, closed: false },
    ]);
    reply = replay('o311status-requests_many.xml');
    expect(await poller().pollStatus!(['101005420894'])).toEqual([
      { external_id: '101005420894', status: 'open', notes: 'In progress - The request has been scheduled.', closed: false },
    ]);
    reply = replay('o311status-service_requests.json');
    expect(await poller({ format: 'json' }).pollStatus!(['14-01100669', '14-01100627'])).toEqual([
      { external_id: '14-01100669', status: 'open', notes: null, closed: false },
      { external_id: '14-01100627', status: 'open', notes: 'Locked', closed: false },
    ]);
    expect(pathOf(crm.requests.at(-1))).toBe('/requests.json');
  });

  it('fails the round on an error answer, asks nothing for no ids, and can be switched off', async () => {
    reply = { status: 500, body: 'down' };
    await expect(poller().pollStatus!(['1'])).rejects.toThrow(`GET ${crm.url}/requests.xml answered 500: down`);
    expect(await poller().pollStatus!([])).toEqual([]);
    expect(crm.requests).toHaveLength(1);
    expect(poller({ poll_seconds: 0 }).pollStatus).toBeUndefined();
  });
});

describe('open311 destination behind the router', () => {
  const prefix = uniquePrefix('open311');
  let crm: LoopbackServer;
  let redis: Redis;

  beforeAll(async () => {
    // a CRM that falls over once, then takes the request: the real answer
    crm = await startLoopbackServer((_received, index) =>
      index === 0 ? { status: 500, body: 'Internal Server Error' } : replay('cfa-post_service_request.xml'),
    );
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await deletePrefix(prefix);
    await crm.close();
  });

  it('retries a 500, then stores the CRM id once delivered, with one request in the CRM', async () => {
    const store = new RequestStore(redis, prefix);
    const config = buildConfig(
      {
        redis: { url: REDIS_URL, prefix },
        delivery: { attempts: 3, backoff_ms: 20 },
        router: {
          destinations: { city: { type: 'open311', url: crm.url, api_key: 'k', format: 'xml' } },
          default: { deliver_to: ['city'] },
        },
      },
      tempDir(),
    );
    const router = createRouter({ config, store, log });
    router.startDeliveryWorkers();
    try {
      const request = buildRequest();
      await store.save(stored(request));
      await router.route(request.id);
      const delivered = await waitFor(
        async () => (await store.deliveries(request.id)).find((state) => state.status === 'delivered'),
        10_000,
        'the delivery',
      );
      expect(delivered).toMatchObject({ attempts: 2, receipt: { external_id: '293944' } });
      expect((await store.get(request.id))?.crm.external_id).toBe('293944');
      expect(crm.requests.map((r) => r.headers['idempotency-key'])).toEqual([`${request.id}:city`, `${request.id}:city`]);
    } finally {
      await router.close();
    }
  });

  it('asks the CRM that took the request for its status, through the delivering destination, and reports each answer to onStatus', async () => {
    const statusPrefix = uniquePrefix('open311-status');
    // 638344 in the recorded answer is ours once the CRM created 293944
    const looked = replay('cfa-get_service_request.xml', (body) => body.replaceAll('638344', '293944'));
    const city = await startLoopbackServer((received) => (received.method === 'POST' ? replay('cfa-post_service_request.xml') : looked));
    const store = new RequestStore(redis, statusPrefix);
    const config = buildConfig(
      {
        redis: { url: REDIS_URL, prefix: statusPrefix },
        router: {
          destinations: { city: { type: 'open311', url: city.url, api_key: 'k', format: 'xml', poll_seconds: 0.1 } },
          default: { deliver_to: ['city'] },
        },
      },
      tempDir(),
    );
    const reports: [string, string][] = [];
    const router = createRouter({
      config,
      store,
      log,
      onStatus: async (id, report) => (reports.push([id, report.status]), { stored: true }),
    });
    router.startDeliveryWorkers();
    try {
      const request = buildRequest();
      await store.save(stored(request));
      await router.route(request.id);
      await waitFor(() => reports.length > 0, 10_000, 'a status report');
      expect(reports[0]).toEqual([request.id, 'closed']);
      const asked = city.requests
        .filter((r) => r.method === 'GET')
        .map((r) => new URL(r.url, city.url).searchParams.get('service_request_id'));
      expect(asked[0]).toBe('293944');
      // closed: the request is no longer followed, so the CRM is not asked about it again
      await waitFor(
        async () => (await redis.hexists(`${statusPrefix}:status-poll:city`, '293944')) === 0,
        10_000,
        'the request to be unfollowed',
      );
    } finally {
      await router.close();
      await city.close();
      await deletePrefix(statusPrefix);
    }
  });
});

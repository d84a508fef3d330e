import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PermanentDeliveryError, createLogger, type Destination, type PluginOptions } from '@intake/core';
import { startLoopbackServer, type LoopbackServer, type Reply } from '@intake/testkit';
import { destinationPlugins } from '../src/index.js';
import { buildConfig, buildRequest, tempDir } from './helpers.js';

const log = createLogger({ level: 'silent' });

function create(options: PluginOptions, baseDir = tempDir()): Destination {
  const config = buildConfig({ router: { destinations: { target: options }, default: { deliver_to: ['target'] } } }, baseDir);
  const plugin = destinationPlugins.find((p) => p.type === options.type);
  if (!plugin) throw new Error(`no plugin ${options.type}`);
  return plugin.create(config.router.destinations.target as PluginOptions, { config, log });
}

const event = (id: string, destination = 'hook') => ({ destination, attempt: 1, idempotency_key: `${id}:${destination}` });

/** What a receiving CRM does with the header: recompute the HMAC over the raw body bytes. */
function signatureValid(body: string, header: string | string[] | undefined, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex')}`);
  const given = Buffer.from(String(header ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('webhook destination', () => {
  let server: LoopbackServer;
  let reply: Reply;
  beforeAll(async () => {
    server = await startLoopbackServer(() => reply);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    reply = { status: 201, body: JSON.stringify({ service_request_id: 'CRM-42' }) };
  });

  const hook = (extra: Record<string, unknown> = {}) =>
    create({
      type: 'webhook',
      url: `${server.url}/intake?token=abc`,
      secret: 's3cret-value',
      headers: { 'X-Api-Key': 'k1', 'Idempotency-Key': 'forged' },
      ...extra,
    });

  it('POSTs the record as JSON, signed, with the idempotency key, and returns the CRM id', async () => {
    const request = buildRequest({ description: 'Schlagloch vor der Bäckerei — “tief”' });
    const receipt = await hook().deliver(request, event(request.id));
    expect(receipt).toEqual({ status: 201, external_id: 'CRM-42' });
    const [received] = server.requests;
    expect(received?.method).toBe('POST');
    expect(received?.url).toBe('/intake?token=abc');
    expect(JSON.parse(received?.body ?? '')).toEqual(request);
    expect(received?.headers['content-type']).toBe('application/json');
    expect(received?.headers['idempotency-key']).toBe(`${request.id}:hook`);
    expect(received?.headers['x-api-key']).toBe('k1');
    expect(received?.headers['user-agent']).toMatch(/^Intake\//);
    expect(signatureValid(received?.body ?? '', received?.headers['x-intake-signature'], 's3cret-value')).toBe(true);
    expect(signatureValid(received?.body ?? '', received?.headers['x-intake-signature'], 'another-secret')).toBe(false);
  });

  it('reads the CRM id from `id` or an Open311-style array, and tolerates a body that is not JSON', async () => {
    reply = { status: 200, body: JSON.stringify({ id: 7 }) };
    expect(await hook().deliver(buildRequest(), event('a'))).toEqual({ status: 200, external_id: '7' });
    reply = { status: 201, body: JSON.stringify([{ service_request_id: 'SR-1' }]) };
    expect(await hook().deliver(buildRequest(), event('b'))).toEqual({ status: 201, external_id: 'SR-1' });
    reply = { status: 204 };
    expect(await hook().deliver(buildRequest(), event('c'))).toEqual({ status: 204, external_id: null });
  });

  it.each([500, 503, 408, 429])('a %i is worth a retry', async (status) => {
    reply = { status, body: 'busy' };
    const failure = hook().deliver(buildRequest(), event('r'));
    await expect(failure).rejects.toThrow(`answered ${status}`);
    await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
  });

  it.each([400, 401, 404, 422, 302])('a %i is permanent', async (status) => {
    reply = { status, body: '{"error":"no"}', headers: status === 302 ? { location: '/elsewhere' } : {} };
    await expect(hook().deliver(buildRequest(), event('p'))).rejects.toBeInstanceOf(PermanentDeliveryError);
  });

  it('gives up after timeout_ms, and keeps the query string (a token) out of the error', async () => {
    const slow = await startLoopbackServer(() => new Promise<Reply>((resolve) => setTimeout(() => resolve({ status: 200 }), 1000)));
    try {
      const destination = create({ type: 'webhook', url: `${slow.url}/slow?token=abc`, secret: 'x', timeout_ms: 100 });
      const failure = destination.deliver(buildRequest(), event('t'));
      await expect(failure).rejects.toThrow(`POST ${slow.url}/slow failed: no answer within 100 ms`);
      await expect(failure).rejects.not.toThrow('token');
    } finally {
      await slow.close();
    }
  });

  it('a refused connection is worth a retry', async () => {
    const gone = await startLoopbackServer();
    await gone.close();
    const failure = create({ type: 'webhook', url: gone.url, secret: 'x' }).deliver(buildRequest(), event('n'));
    await expect(failure).rejects.toThrow('ECONNREFUSED');
    await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
  });

  it('refuses options without a secret, with a non-http URL, or with a misspelt key', () => {
    expect(() => create({ type: 'webhook', url: 'http://127.0.0.1/x' })).toThrow('router.destinations.target.secret');
    expect(() => create({ type: 'webhook', url: 'ftp://127.0.0.1/x', secret: 'x' })).toThrow('router.destinations.target.url');
    expect(() => create({ type: 'webhook', url: 'http://127.0.0.1/x', secret: 'x', timout_ms: 5 })).toThrow('timout_ms');
  });
});

describe('file destination', () => {
  it('appends one JSON line per request, creating folders, relative to the config file', async () => {
    const dir = tempDir();
    const outbox = create({ type: 'file', path: './out/box/requests.jsonl' }, dir);
    const requests = Array.from({ length: 20 }, (_, i) => buildRequest({ description: `report ${i}\nsecond line` }));
    await Promise.all(requests.map((request) => outbox.deliver(request, event(request.id, 'outbox'))));
    const lines = readFileSync(path.join(dir, 'out/box/requests.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(20);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(expect.arrayContaining(requests));
  });
});

import { createHmac } from 'node:crypto';
import { QUEUE, deliveryQueueName, indexFeedKey, type Accepted } from '@intake/core';
import { REDIS_URL, startLoopbackServer, waitFor, type LoopbackServer } from '@intake/testkit';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { lookUp, errorCodeOf, adminHeaders, demoConfig, startGateway, type Running } from './harness.js';

const WEBHOOK_SECRET = 'a-webhook-secret-for-tests';

describe('a web report travels to a CRM webhook', () => {
  let crm: LoopbackServer;
  let running: Running;

  beforeAll(async () => {
    crm = await startLoopbackServer(() => ({ status: 201, body: JSON.stringify({ id: 'CRM-1' }) }));
    running = await startGateway(
      demoConfig((raw) => {
        raw.router = {
          destinations: { crm: { type: 'webhook', url: `${crm.url}/intake`, secret: WEBHOOK_SECRET } },
          rules: [],
          default: { deliver_to: ['crm'] },
        };
      }),
    );
  });
  afterAll(async () => {
    await running.stop();
    await crm.close();
  });

  const report = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${running.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('accepts, normalizes, routes and delivers a signed record', async () => {
    // a reader of the feed of changes of its own, which keeps what it has not read from the console's trimming
    const feed = new Redis(REDIS_URL);
    const feedKey = indexFeedKey(running.gateway.config.redis.prefix);
    await feed.xgroup('CREATE', feedKey, 'pipeline-test', '$', 'MKSTREAM');
    const response = await report({ description: 'big pothole outside 211 Bear St, almost lost a tire', phone: '(403) 555-0123' });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const delivered = await waitFor(() => crm.requests.find((r) => JSON.parse(r.body).id === id), 15_000, 'the webhook');
    const signature = createHmac('sha256', WEBHOOK_SECRET).update(delivered.body).digest('hex');
    expect(delivered.headers['x-intake-signature']).toBe(`sha256=${signature}`);
    expect(delivered.headers['idempotency-key']).toBe(`${id}:crm`);
    const record = JSON.parse(delivered.body);
    expect(record).toMatchObject({
      id,
      event: 'service_request.created',
      channel: 'web',
      reporter: { phone: '+14035550123' },
      description: 'big pothole outside 211 Bear St, almost lost a tire',
      service_code: 'POTHOLE',
      service_name: 'Pothole',
      location: { address: '211 Bear Street', precision: 'address', source: 'gazetteer', in_jurisdiction: true },
      duplicate_of: null,
      routing: { rule: null, priority: 'normal' },
    });
    expect(record.location.lat).toBeCloseTo(51.176, 2);
    expect(record.location.long).toBeCloseTo(-115.571, 2);

    const status = await waitFor(async () => {
      const body = await lookUp(running, id);
      return body.deliveries?.crm?.status === 'delivered' && body;
    });
    expect(status.record.id).toBe(id);
    expect(status.deliveries.crm?.receipt).toMatchObject({ external_id: 'CRM-1' });

    // the demo town has no SMS channel, so nobody can be told: no "delivered" reply is queued
    const { prefix } = running.gateway.config.redis;
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const [delivery, reply, route] = [deliveryQueueName('crm'), QUEUE.reply, QUEUE.route].map(
      (name) => new Queue(name, { connection, prefix }),
    );
    try {
      await waitFor(async () => (await delivery!.getJob(`${id}@crm`))?.isCompleted());
      expect(await reply!.getJob(`${id}.delivered`)).toBeUndefined();
      // routed in the job that normalized it: the route queue is only for requests waiting for an answer
      expect(await route!.getJob(id)).toBeUndefined();
      // and in the same write as it was saved: the request changed twice, saved routed and delivered
      const read = (await feed.xreadgroup('GROUP', 'pipeline-test', 'test', 'COUNT', 1000, 'STREAMS', feedKey, '>')) as
        [string, [string, string[]][]][] | null;
      expect((read?.[0]?.[1] ?? []).filter(([, fields]) => fields[1] === id)).toHaveLength(2);
    } finally {
      await Promise.all([delivery!.close(), reply!.close(), route!.close()]);
      connection.disconnect();
      feed.disconnect();
    }
  });

  it('makes one request of the same Idempotency-Key sent twice', async () => {
    const key = `retry-${Date.now()}`;
    const first = (await (
      await report({ description: 'graffiti on the wall at 305 Banff Avenue' }, { 'idempotency-key': key })
    ).json()) as Accepted;
    const second = (await (
      await report({ description: 'graffiti on the wall at 305 Banff Avenue' }, { 'idempotency-key': key })
    ).json()) as Accepted;
    expect(second).toEqual({ ...first, duplicate: true });
    expect(first.duplicate).toBe(false);
    await waitFor(() => crm.requests.some((r) => JSON.parse(r.body).id === first.id), 15_000, 'the delivery');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(crm.requests.filter((r) => JSON.parse(r.body).id === first.id)).toHaveLength(1);
  });

  it('guards the request lookup with the admin token', async () => {
    expect((await fetch(`${running.url}/api/v1/requests/whatever`)).status).toBe(401);
    const wrong = await fetch(`${running.url}/api/v1/requests/whatever`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const missing = await fetch(`${running.url}/api/v1/requests/whatever`, { headers: adminHeaders });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'no request whatever' } });
  });

  it('answers bad bodies with JSON errors and queues nothing', async () => {
    const before = crm.requests.length;
    const malformed = await fetch(`${running.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"description": ',
    });
    expect(malformed.status).toBe(400);
    expect(await errorCodeOf(malformed)).toBe('invalid_json');
    const huge = await report({ description: 'x'.repeat(400_000) });
    expect(huge.status).toBe(413);
    expect(await errorCodeOf(huge)).toBe('payload_too_large');
    const unknown = await fetch(`${running.url}/no/such/route`);
    expect(unknown.status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(crm.requests.length).toBe(before);
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect(await (await fetch(`${running.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toMatch(/intake_received_total\{channel="web"\} [1-9]/);
    expect(metrics).toMatch(/intake_delivered_total\{destination="crm"\} [1-9]/);
    expect(metrics).toMatch(/intake_queue_jobs\{queue="deliver-crm",state="waiting"\} 0/);
  });
});

describe('when Redis is down', () => {
  let running: Running;
  beforeAll(async () => {
    running = await startGateway(
      demoConfig((raw) => (raw.redis.url = 'redis://127.0.0.1:1')),
      { workers: false },
    );
  });
  afterAll(async () => {
    await running.gateway.stop();
  });

  it('answers 503 with Retry-After and fails readiness, but stays healthy', async () => {
    const response = await fetch(`${running.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'while-down' },
      body: JSON.stringify({ description: 'streetlight out on Wolf Street' }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await errorCodeOf(response)).toBe('queue_unavailable');
    expect((await fetch(`${running.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });
});

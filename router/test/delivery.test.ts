import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IntakeError, RequestStore, createLogger, metrics, type DeliveryState, type ServiceRequest } from '@intake/core';
import { REDIS_URL, deletePrefix, startLoopbackServer, uniquePrefix, waitFor, type LoopbackServer, type Reply } from '@intake/testkit';
import { Redis } from 'ioredis';
import { createRouter, type IntakeRouter } from '../src/index.js';
import { buildConfig, saveRequest, tempDir } from './helpers.js';

const prefix = uniquePrefix('router');
const dir = tempDir();
const ATTEMPTS = 3;
const SECRET = 'test-secret';

let server: LoopbackServer;
let redis: Redis;
let store: RequestStore;
let router: IntakeRouter;
/** per path: how many POSTs arrived, and when */
const arrivals: Record<string, number[]> = {};
let downHealed = false;

/** Stand-in CRM: /flaky fails twice then succeeds, /down fails until healed, /bad refuses, /ok takes everything. */
function crm(pathname: string): Reply {
  const count = (arrivals[pathname] ??= []).push(Date.now());
  const ok = { status: 201, body: JSON.stringify({ id: `CRM-${pathname.slice(1)}-${count}` }) };
  if (pathname === '/flaky') return count <= 2 ? { status: 503, body: 'try later' } : ok;
  if (pathname === '/down') return downHealed ? ok : { status: 500, body: 'boom' };
  if (pathname === '/bad') return { status: 400, body: '{"error":"unknown service"}' };
  return ok;
}

const webhook = (pathname: string, extra: Record<string, unknown> = {}) => ({
  type: 'webhook',
  url: `${server.url}${pathname}`,
  secret: SECRET,
  ...extra,
});
const toRule = (name: string) => ({
  name: `to ${name}`,
  when: { text_matches: `^to ${name}\\b` },
  then: { deliver_to: [name], priority: 'high' },
});

beforeAll(async () => {
  server = await startLoopbackServer((received) => crm(new URL(received.url, 'http://x').pathname));
  redis = new Redis(REDIS_URL);
  store = new RequestStore(redis, prefix);
  const config = buildConfig(
    {
      redis: { url: REDIS_URL, prefix },
      delivery: { attempts: ATTEMPTS, backoff_ms: 20 },
      router: {
        destinations: {
          flaky: webhook('/flaky'),
          down: webhook('/down'),
          bad: webhook('/bad'),
          limited: webhook('/limited', { rate_limit: { max: 1, per_seconds: 0.4 } }),
          works: webhook('/works', { team: 'Public Works' }),
          outbox: { type: 'file', path: './out/outbox.jsonl' },
        },
        rules: ['flaky', 'down', 'bad', 'limited', 'works', 'outbox'].map(toRule),
        default: { deliver_to: ['outbox'] },
      },
    },
    dir,
  );
  router = createRouter({ config, store, log: createLogger({ level: 'silent' }) });
  router.startDeliveryWorkers();
});

afterAll(async () => {
  await router.close();
  redis.disconnect();
  await deletePrefix(prefix);
  await server.close();
});

const deliveryOf = async (id: string, destination: string) =>
  (await store.deliveries(id)).find((state) => state.destination === destination);

function settled(id: string, destination: string, status: DeliveryState['status']) {
  return waitFor(
    async () => {
      const state = await deliveryOf(id, destination);
      return state?.status === status && state;
    },
    10_000,
    `${destination} delivery of ${id} to be ${status}`,
  );
}

async function counted(counter: (typeof metrics)[keyof typeof metrics], labels: Record<string, string>): Promise<number> {
  const { values } = await counter.get();
  return values.find((value) => Object.entries(labels).every(([key, label]) => value.labels[key] === label))?.value ?? 0;
}

const outboxLines = () => {
  const file = path.join(dir, 'out/outbox.jsonl');
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as ServiceRequest)
    : [];
};

const drained = (queue: string) =>
  waitFor(
    async () => {
      const depth = (await router.queueDepths())[queue];
      return depth !== undefined && depth.waiting === 0 && depth.active === 0 && depth.delayed === 0;
    },
    10_000,
    `${queue} to drain`,
  );

describe('route()', () => {
  it('saves the routing and state and returns the decision', async () => {
    const request = await saveRequest(store, { description: 'to limited: streetlight flickering' });
    const decision = await router.route(request.id);
    expect(decision).toMatchObject({ rule: 'to limited', priority: 'high', deliver_to: ['limited'] });
    const after = await store.get(request.id);
    expect(after?.state).toBe('routed');
    expect(after?.record.routing).toEqual({ rule: 'to limited', priority: 'high' });
    expect(await counted(metrics.routed, { rule: 'to limited' })).toBe(1);
    await settled(request.id, 'limited', 'delivered');
  });

  it('leaves each delivery queued in the store until a worker takes it', async () => {
    const config = buildConfig({
      redis: { url: REDIS_URL, prefix },
      router: { destinations: { parked: webhook('/parked') }, default: { deliver_to: ['parked'] } },
    });
    const idle = createRouter({ config, store, log: createLogger({ level: 'silent' }) });
    try {
      const request = await saveRequest(store, { description: 'nobody works this queue' });
      expect(await idle.route(request.id)).toMatchObject({ rule: null, priority: 'normal', deliver_to: ['parked'] });
      expect(await deliveryOf(request.id, 'parked')).toMatchObject({ status: 'queued', attempts: 0 });
      await idle.route(request.id);
      expect((await idle.queueDepths())['deliver-parked']).toMatchObject({ waiting: 1 });
      expect(await counted(metrics.routed, { rule: '(default)' })).toBe(1);
    } finally {
      await idle.close();
    }
  });

  it('refuses an unknown request id with a 404', async () => {
    await expect(router.route('no-such-request')).rejects.toMatchObject({ status: 404 });
  });
});

describe('delivery', () => {
  it('the file outbox gets one line per request, even when route() runs twice, in the SPEC record shape', async () => {
    const request = await saveRequest(store, { description: 'to outbox: pothole at 5 Elm' });
    await Promise.all([router.route(request.id), router.route(request.id)]);
    await settled(request.id, 'outbox', 'delivered');
    await router.route(request.id);
    await drained('deliver-outbox');
    const lines = outboxLines().filter((line) => line.id === request.id);
    expect(lines).toEqual([{ ...request, routing: { rule: 'to outbox', priority: 'high' } }]);
    expect(Object.keys(lines[0] ?? {})).toEqual(Object.keys(request));
    expect((await deliveryOf(request.id, 'outbox'))?.status).toBe('delivered');
  });

  it('skips a destination the store already shows as delivered', async () => {
    const request = await saveRequest(store, { description: 'to outbox: already sent by hand' });
    const done = {
      destination: 'outbox',
      status: 'delivered',
      attempts: 1,
      updated_at: new Date().toISOString(),
      receipt: { by: 'hand' },
      error: null,
    } as const;
    await store.setDelivery(request.id, done);
    await router.route(request.id);
    await drained('deliver-outbox');
    expect(outboxLines().filter((line) => line.id === request.id)).toEqual([]);
    expect(await deliveryOf(request.id, 'outbox')).toEqual(done);
  });

  it('a webhook that fails twice then succeeds is delivered exactly once, with the same key and signature each time', async () => {
    const request = await saveRequest(store, { description: 'to flaky: graffiti on the bridge' });
    await router.route(request.id);
    const state = await settled(request.id, 'flaky', 'delivered');
    expect(state).toMatchObject({ attempts: 3, error: null, receipt: { status: 201, external_id: 'CRM-flaky-3' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const posts = server.requests.filter((received) => received.url === '/flaky');
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((post) => post.body)).size).toBe(1);
    expect(new Set(posts.map((post) => post.headers['idempotency-key']))).toEqual(new Set([`${request.id}:flaky`]));
    expect(JSON.parse(posts[0]?.body ?? '')).toEqual({ ...request, routing: { rule: 'to flaky', priority: 'high' } });
    expect(await counted(metrics.failed, { destination: 'flaky' })).toBe(2);
    expect(await counted(metrics.delivered, { destination: 'flaky' })).toBe(1);
  });

  it('a delivery leaves the CRM id and a passed_on event naming the team in the record, written with its state', async () => {
    const request = await saveRequest(store, { description: 'to works: a sinkhole by the library' });
    await router.route(request.id);
    await settled(request.id, 'works', 'delivered');
    const [stored, states] = await store.withDeliveries(request.id);
    expect(states).toEqual([expect.objectContaining({ destination: 'works', status: 'delivered', attempts: 1 })]);
    expect(stored?.crm.external_id).toBe('CRM-works-1');
    expect(stored?.timeline).toEqual([{ kind: 'passed_on', at: expect.any(String), destination: 'works', team: 'Public Works' }]);
    expect(stored?.record.routing).toEqual({ rule: 'to works', priority: 'high' });
  });

  it('a webhook that always fails ends in the dead-letter queue as dead, and replay delivers it', async () => {
    const request = await saveRequest(store, { description: 'to down: broken bench' });
    await router.route(request.id);
    const dead = await settled(request.id, 'down', 'dead');
    expect(dead).toMatchObject({ attempts: ATTEMPTS, error: expect.stringContaining('answered 500') });
    expect(arrivals['/down']).toHaveLength(ATTEMPTS);
    // the state is written before the metric counts it: a reader may come between the two
    await waitFor(async () => (await counted(metrics.deadLettered, { destination: 'down' })) === 1, 5_000, 'the dead letter counted');

    const entry = (await router.deadLetters()).find((letter) => letter.id === request.id);
    expect(entry).toMatchObject({
      destination: 'down',
      attempts: ATTEMPTS,
      error: expect.stringContaining('answered 500'),
      failed_at: expect.any(String),
    });

    downHealed = true;
    await router.replay(entry?.entry_id ?? '');
    const delivered = await settled(request.id, 'down', 'delivered');
    expect(delivered.receipt).toMatchObject({ status: 201, external_id: `CRM-down-${ATTEMPTS + 1}` });
    expect(arrivals['/down']).toHaveLength(ATTEMPTS + 1);
    expect((await router.deadLetters()).some((letter) => letter.id === request.id)).toBe(false);
  });

  it('a 400 goes straight to dead letters after one attempt', async () => {
    const request = await saveRequest(store, { description: 'to bad: leaf pile' });
    await router.route(request.id);
    const dead = await settled(request.id, 'bad', 'dead');
    expect(dead).toMatchObject({ attempts: 1, error: expect.stringContaining('answered 400') });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(arrivals['/bad']).toHaveLength(1);
    expect((await router.deadLetters()).find((letter) => letter.id === request.id)).toMatchObject({ destination: 'bad', attempts: 1 });
  });

  it('replay of an unknown dead letter is a 404', async () => {
    await expect(router.replay('nothing-here')).rejects.toBeInstanceOf(IntakeError);
    await expect(router.replay('nothing-here')).rejects.toMatchObject({ status: 404 });
  });

  it('holds a destination to its rate limit', async () => {
    const before = arrivals['/limited']?.length ?? 0;
    const requests = await Promise.all([1, 2, 3].map((n) => saveRequest(store, { description: `to limited: report ${n}` })));
    await Promise.all(requests.map((request) => router.route(request.id)));
    await Promise.all(requests.map((request) => settled(request.id, 'limited', 'delivered')));
    const times = (arrivals['/limited'] ?? []).slice(before);
    expect(times).toHaveLength(3);
    const gaps = times.slice(1).map((time, i) => time - (times[i] ?? 0));
    gaps.forEach((gap) => expect(gap).toBeGreaterThanOrEqual(300));
  });

  it('reports queue depths per delivery queue and for the dead letters', async () => {
    const depths = await router.queueDepths();
    expect(Object.keys(depths).sort()).toEqual([
      'dead-letter',
      'deliver-bad',
      'deliver-down',
      'deliver-flaky',
      'deliver-limited',
      'deliver-outbox',
      'deliver-works',
    ]);
    expect(depths['deliver-bad']).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 1 });
    expect(depths['dead-letter']?.waiting).toBe(1);
  });
});

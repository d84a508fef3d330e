import { RequestStore, createLogger, type ServiceRequest } from '@intake/core';
import { REDIS_URL, deletePrefix, startLoopbackServer, uniquePrefix, waitFor, type LoopbackServer } from '@intake/testkit';
import { Redis } from 'ioredis';
import { createRouter, type IntakeRouter } from '../src/index.js';
import { buildConfig, saveRequest } from './helpers.js';

const prefix = uniquePrefix('router-updates');
const ATTEMPTS = 2;

let server: LoopbackServer;
let redis: Redis;
let store: RequestStore;
let router: IntakeRouter;

/** Stand-in CRMs: /ok takes everything, /bad refuses everything (so a request sent there is never taken). */
beforeAll(async () => {
  server = await startLoopbackServer((received) =>
    received.url === '/bad' ? { status: 400, body: '{"error":"no"}' } : { status: 201, body: '{"id":"CRM-1"}' },
  );
  redis = new Redis(REDIS_URL);
  store = new RequestStore(redis, prefix);
  const webhook = (pathname: string) => ({ type: 'webhook', url: `${server.url}${pathname}`, secret: 'updates-secret' });
  const config = buildConfig({
    redis: { url: REDIS_URL, prefix },
    delivery: { attempts: ATTEMPTS, backoff_ms: 20 },
    router: {
      destinations: { ok: webhook('/ok'), bad: webhook('/bad') },
      rules: [{ name: 'to bad', when: { text_matches: '^to bad\\b' }, then: { deliver_to: ['bad'] } }],
      default: { deliver_to: ['ok'] },
    },
  });
  router = createRouter({ config, store, log: createLogger({ level: 'silent' }) });
  router.startDeliveryWorkers();
});

afterAll(async () => {
  await router.close();
  redis.disconnect();
  await deletePrefix(prefix);
  await server.close();
});

/** What a citizen's follow-up leaves in the timeline; returns its index. */
async function added(id: string, note: string): Promise<number> {
  const request = await store.appendTimeline(id, { kind: 'update', at: new Date().toISOString(), note, from: 'citizen' });
  return request!.timeline.length - 1;
}

const stateOf = async (id: string, key: string) => (await store.deliveries(id)).find((state) => state.destination === key);
const bodiesAt = (pathname: string, id: string) =>
  server.requests
    .filter((r) => r.url === pathname)
    .map((r) => JSON.parse(r.body) as ServiceRequest)
    .filter((r) => r.id === id);

describe('updates of a request a destination took', () => {
  it('go to that destination once, as service_request.updated naming the request, with their own idempotency key', async () => {
    const request = await saveRequest(store, { description: 'pothole on Main' });
    await router.route(request.id);
    await waitFor(async () => (await stateOf(request.id, 'ok'))?.status === 'delivered', 10_000, 'the delivery');
    const index = await added(request.id, 'it got bigger');

    expect(await router.deliverUpdate(request.id, index)).toEqual(['ok']);
    await router.deliverUpdate(request.id, index);
    await waitFor(async () => (await stateOf(request.id, `ok@update-${index}`))?.status === 'delivered', 10_000, 'the update');
    await new Promise((resolve) => setTimeout(resolve, 300));

    const bodies = bodiesAt('/ok', request.id);
    expect(bodies.map((body) => body.event)).toEqual(['service_request.created', 'service_request.updated']);
    expect(bodies[1]).toMatchObject({
      id: request.id,
      reference: request.reference,
      update: { id: `${request.id}-${index}`, from: 'citizen', note: 'it got bigger', media: [] },
    });
    const keys = server.requests
      .filter((r) => r.url === '/ok' && JSON.parse(r.body).id === request.id)
      .map((r) => r.headers['idempotency-key']);
    expect(keys).toEqual([`${request.id}:ok`, `${request.id}:ok:update-${index}`]);
  });

  it('of a request not routed yet go nowhere (the record carries what was added when it goes)', async () => {
    const request = await saveRequest(store, { description: 'bench broken' });
    expect(await router.deliverUpdate(request.id, await added(request.id, 'and wobbly'))).toEqual([]);
  });

  it('wait for the destination to take the request, end as dead letters that say so, and replay as updates', async () => {
    const request = await saveRequest(store, { description: 'to bad: leaf pile' });
    await router.route(request.id);
    await waitFor(async () => (await stateOf(request.id, 'bad'))?.status === 'dead', 10_000, 'the refused delivery');
    const index = await added(request.id, 'more leaves');
    await router.deliverUpdate(request.id, index);
    const dead = await waitFor(
      async () => {
        const state = await stateOf(request.id, `bad@update-${index}`);
        return state?.status === 'dead' && state;
      },
      10_000,
      'the update to give up',
    );
    expect(dead).toMatchObject({ attempts: ATTEMPTS, error: expect.stringContaining('waits for bad to take request') });
    // it never reached the CRM that has not taken the request
    expect(bodiesAt('/bad', request.id).map((body) => body.event)).toEqual(['service_request.created']);
    const entry = (await router.deadLetters()).find((letter) => letter.id === request.id && letter.update === index);
    expect(entry).toMatchObject({ destination: 'bad', update: index });

    await router.replay(entry!.entry_id);
    await waitFor(async () => (await stateOf(request.id, `bad@update-${index}`))?.status === 'dead', 10_000, 'the replayed update');
    expect((await router.deadLetters()).filter((letter) => letter.id === request.id && letter.update === index)).toHaveLength(1);
  });

  it('are resent by an operator by the name of their delivery row', async () => {
    const request = await saveRequest(store, { description: 'sign down' });
    await router.route(request.id);
    await waitFor(async () => (await stateOf(request.id, 'ok'))?.status === 'delivered', 10_000, 'the delivery');
    const index = await added(request.id, 'it is on the road now');
    await router.deliverUpdate(request.id, index);
    await waitFor(() => bodiesAt('/ok', request.id).length === 2, 10_000, 'the update');
    await router.resend(request.id, `ok@update-${index}`);
    await waitFor(() => bodiesAt('/ok', request.id).length === 3, 10_000, 'the resent update');
    expect(bodiesAt('/ok', request.id).map((body) => body.event)).toEqual([
      'service_request.created',
      'service_request.updated',
      'service_request.updated',
    ]);
    await expect(router.resend(request.id, 'nowhere@update-1')).rejects.toMatchObject({ status: 400 });
  });
});

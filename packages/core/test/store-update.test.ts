import { REDIS_URL, deletePrefix, uniquePrefix } from '@intake/testkit';
import { Redis } from 'ioredis';
import { RequestStore, serviceRequestFrom, type StoredRequest } from '../src/index.js';

const prefix = uniquePrefix('store-update');
const connections: Redis[] = [];
/** Each store on a connection of its own, as the gateway's and the workers' processes are. */
function storeOnOwnConnection(): RequestStore {
  const redis = new Redis(REDIS_URL);
  connections.push(redis);
  return new RequestStore(redis, prefix, 30);
}
let store: RequestStore;

beforeAll(() => {
  store = storeOnOwnConnection();
});
afterAll(async () => {
  for (const redis of connections) redis.disconnect();
  await deletePrefix(prefix);
});

function request(id: string): StoredRequest {
  return {
    record: serviceRequestFrom({ id, received_at: new Date().toISOString(), description: 'start', service_code: 'POTHOLE' }),
    state: 'received',
    reply_to: null,
    service_confidence: null,
    tracking_token: null,
    timeline: [],
    crm: { status: null, external_id: null },
    updated_at: new Date().toISOString(),
  };
}

const appendWord =
  (word: string) =>
  (stored: StoredRequest): StoredRequest => ({
    ...stored,
    record: { ...stored.record, description: `${stored.record.description} ${word}` },
  });

describe('RequestStore.update', () => {
  it('loses no change when many writers on one connection change the same request at once', async () => {
    await store.save(request('one-connection'));
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`);
    await Promise.all(words.map((word) => store.update('one-connection', appendWord(word))));
    const description = (await store.get('one-connection'))!.record.description.split(' ');
    expect(description.slice(1).sort()).toEqual([...words].sort());
  });

  it('loses no change when writers on separate connections change different fields of the same request', async () => {
    await store.save(request('many-connections'));
    const writers = Array.from({ length: 6 }, storeOnOwnConnection);
    await Promise.all(
      writers.flatMap((writer, i) => [
        writer.update('many-connections', appendWord(`d${i}`)),
        writer.update('many-connections', (stored) => ({ ...stored, crm: { ...stored.crm, status: `${stored.crm.status ?? ''}s${i},` } })),
      ]),
    );
    const stored = (await store.get('many-connections'))!;
    expect(stored.record.description.split(' ').slice(1).sort()).toEqual(writers.map((_, i) => `d${i}`).sort());
    expect(stored.crm.status!.split(',').filter(Boolean).sort()).toEqual(writers.map((_, i) => `s${i}`).sort());
  });

  it('answers null for a request that is not stored, and writes nothing', async () => {
    expect(await store.update('missing', appendWord('x'))).toBeNull();
    expect(await store.get('missing')).toBeNull();
  });

  it('indexes the request under a service code it changes to', async () => {
    await store.save(request('recoded'));
    await store.update('recoded', (stored) => ({ ...stored, record: { ...stored.record, service_code: 'GRAFFITI' } }));
    const found: string[] = [];
    for await (const stored of store.received({ from: 0, to: Date.now(), service_code: 'GRAFFITI' })) found.push(stored.record.id);
    expect(found).toEqual(['recoded']);
  });

  it('keeps a request listed through changes that leave its code and time alone (routing, deliveries)', async () => {
    const prefixOwn = `${prefix}-listed`;
    const own = new RequestStore(connections[0]!, prefixOwn, 30);
    await own.save(request('listed'));
    await own.update('listed', (stored) => ({ ...stored, state: 'routed' }));
    const listed = async (code?: string) => {
      const ids: string[] = [];
      for await (const stored of own.received({ from: 0, to: Date.now(), service_code: code }))
        ids.push(`${stored.record.id} ${stored.state}`);
      return ids;
    };
    expect([await listed(), await listed('POTHOLE')]).toEqual([['listed routed'], ['listed routed']]);
    await deletePrefix(prefixOwn);
  });
});

describe('RequestStore.recordDelivery', () => {
  const delivered = (destination: string) =>
    ({
      destination,
      status: 'delivered',
      attempts: 1,
      receipt: { status: 200 },
      error: null,
      updated_at: new Date().toISOString(),
    }) as const;
  const passedOn =
    (destination: string) =>
    (stored: StoredRequest): StoredRequest => ({
      ...stored,
      timeline: [...stored.timeline, { kind: 'passed_on', at: new Date().toISOString(), destination, team: null }],
    });

  it('writes the state and the change on the request as read, and on a newer one when another writer came between', async () => {
    await store.save(request('delivered'));
    const [read] = await store.withDeliveries('delivered');
    await store.recordDelivery('delivered', delivered('crm'), passedOn('crm'), read!);
    await store.update('delivered', appendWord('meanwhile'));
    await store.recordDelivery('delivered', delivered('works'), passedOn('works'), read!);
    const [stored, states] = await store.withDeliveries('delivered');
    expect(stored?.record.description).toBe('start meanwhile');
    expect(stored?.timeline.map((event) => event.kind === 'passed_on' && event.destination)).toEqual(['crm', 'works']);
    expect(states.map((state) => [state.destination, state.status]).sort()).toEqual([
      ['crm', 'delivered'],
      ['works', 'delivered'],
    ]);
  });

  it('changes a request as it saved it without reading it again, and a newer one when another writer came between', async () => {
    const redis = new Redis(REDIS_URL);
    connections.push(redis);
    const router = new RequestStore(redis, prefix, 30);
    // the real connection, watched: which records the store asks Redis for
    const reads = jest.spyOn(redis, 'get');
    const saved = request('saved-then-routed');
    await router.save(saved);
    const routed = await router.update('saved-then-routed', (stored) => ({ ...stored, state: 'routed' }), undefined, saved);
    expect(routed?.state).toBe('routed');
    expect(reads).not.toHaveBeenCalled();

    await store.update('saved-then-routed', appendWord('meanwhile'));
    await router.update('saved-then-routed', appendWord('later'), undefined, routed!);
    expect(reads).toHaveBeenCalledTimes(1);
    expect((await store.get('saved-then-routed'))?.record).toMatchObject({ description: 'start meanwhile later' });
    expect((await store.get('saved-then-routed'))?.state).toBe('routed');
  });

  it('still records the state of a request no longer stored', async () => {
    expect(await store.recordDelivery('gone', delivered('crm'), passedOn('crm'))).toBeNull();
    expect(await store.deliveries('gone')).toEqual([expect.objectContaining({ destination: 'crm', status: 'delivered' })]);
    expect(await store.get('gone')).toBeNull();
  });
});

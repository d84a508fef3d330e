import { REDIS_URL, deletePrefix, uniquePrefix } from '@intake/testkit';
import { Redis } from 'ioredis';
import { RequestStore, serviceRequestFrom, type StoredRequest } from '../src/index.js';

const prefix = uniquePrefix('store');
let redis: Redis;
let store: RequestStore;

beforeAll(() => {
  redis = new Redis(REDIS_URL);
  store = new RequestStore(redis, prefix, 30);
});
afterAll(async () => {
  redis.disconnect();
  await deletePrefix(prefix);
});

const DAY = 86_400_000;

function request(id: string, daysAgo: number, serviceCode: string | null): StoredRequest {
  return {
    record: serviceRequestFrom({
      id,
      received_at: new Date(Date.now() - daysAgo * DAY).toISOString(),
      description: 'test',
      service_code: serviceCode,
    }),
    state: 'received',
    reply_to: null,
    service_confidence: null,
    tracking_token: null,
    timeline: [],
    crm: { status: null, external_id: null },
    updated_at: new Date().toISOString(),
  };
}

async function ids(range: { from: number; to: number; service_code?: string }, pageSize?: number): Promise<string[]> {
  const found: string[] = [];
  for await (const stored of store.received(range, pageSize)) found.push(stored.record.id);
  return found;
}

describe('RequestStore.received', () => {
  it('lists saved requests by the time they were received, newest first, across pages, and by service code', async () => {
    await store.save(request('a', 3, 'POTHOLE'));
    await store.save(request('b', 1, 'GRAFFITI'));
    await store.save(request('c', 2, null));
    await store.save(request('d', 10, 'POTHOLE'));
    const all = { from: Date.now() - 20 * DAY, to: Date.now() };
    expect(await ids(all)).toEqual(['b', 'c', 'a', 'd']);
    expect(await ids(all, 1)).toEqual(['b', 'c', 'a', 'd']);
    expect(await ids({ ...all, service_code: 'POTHOLE' })).toEqual(['a', 'd']);
    expect(await ids({ from: Date.now() - 5 * DAY, to: Date.now() - 1.5 * DAY })).toEqual(['c', 'a']);
    // saving again (an update) neither duplicates nor moves an entry
    await store.update('a', (stored) => ({ ...stored, state: 'routed' }));
    expect(await ids(all)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('drops entries past the retention period from the index as requests are saved', async () => {
    await store.save(request('old', 40, 'POTHOLE'));
    expect(await store.get('old')).not.toBeNull();
    expect(await redis.zscore(`${prefix}:received`, 'old')).toBeNull();
    expect(await ids({ from: 0, to: Date.now(), service_code: 'POTHOLE' })).not.toContain('old');
  });
});

import { RedisSettings, RequestStore, createLogger, serviceRequestFrom, type StoredRequest } from '@intake/core';
import { REDIS_URL, deletePrefix, uniquePrefix, waitFor } from '@intake/testkit';
import { Redis } from 'ioredis';
import { Aggregates, bucketSeconds, timeBucket } from '../src/reports/aggregates.js';
import { IndexFeeder } from '../src/search/feeder.js';
import { openSqliteIndex } from '../src/search/sqlite.js';
import type { RequestIndex } from '../src/search/request-index.js';

const prefix = uniquePrefix('console-feed');
const TIMEZONE = 'America/Edmonton';

const stored = (id: string, fields: Partial<StoredRequest['record']> = {}, state: StoredRequest['state'] = 'routed'): StoredRequest => ({
  record: serviceRequestFrom({
    id,
    reference: id.slice(-6),
    received_at: '2026-11-20T23:30:00Z',
    channel: 'sms',
    service_code: 'POTHOLE',
    description: 'pothole on bear',
    ...fields,
  }),
  state,
  reply_to: null,
  service_confidence: null,
  crm: { status: null, external_id: null },
  tracking_token: null,
  timeline: [],
  updated_at: new Date().toISOString(),
});

describe('the index feed and the report counters', () => {
  let redis: Redis;
  let store: RequestStore;
  let index: RequestIndex;
  let aggregates: Aggregates;
  const feeders: IndexFeeder[] = [];
  const feeder = (group = 'sqlite:test') => {
    const created = new IndexFeeder({
      redis: RedisSettings.parse({ url: REDIS_URL, prefix }),
      group,
      store,
      index,
      aggregates,
      log: createLogger({ level: 'silent' }),
    });
    feeders.push(created);
    return created;
  };

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
    store = new RequestStore(redis, prefix);
    index = openSqliteIndex(':memory:');
    aggregates = new Aggregates(redis, prefix, TIMEZONE);
  });
  afterAll(async () => {
    await Promise.all(feeders.map((f) => f.stop()));
    await index.close();
    redis.disconnect();
    await deletePrefix(prefix);
  });

  it('indexes what the store saves, including saves made before the feeder started, and the latest version only', async () => {
    await store.save(stored('01JDFEED00000000000000000A', { description: 'first words' }, 'received'));
    const first = feeder();
    await first.drain();
    await store.update('01JDFEED00000000000000000A', (request) => ({
      ...request,
      record: { ...request.record, description: 'deep pothole on Bear Street' },
    }));
    await store.save(
      stored('01JDFEED00000000000000000B', {
        channel: 'email',
        service_code: 'TREE',
        description: 'tree down',
        location: { ...stored('x').record.location, address: '12 Wolf Street' },
      }),
    );
    await first.drain();
    const rows = await index.search({ limit: 10 });
    expect(rows.map((row) => row.id).sort()).toEqual(['01JDFEED00000000000000000A', '01JDFEED00000000000000000B']);
    expect((await index.search({ words: 'first', limit: 10 })).length).toBe(0);
    expect((await index.search({ words: 'deep pothole', limit: 10 }))[0]).toMatchObject({ reference: '00000A', status: 'received' });
    expect((await index.search({ street: 'Wolf Street', limit: 10 }))[0]).toMatchObject({ id: '01JDFEED00000000000000000B' });
  });

  it('follows delivery states into the status, and counts each fact once however often the feed repeats it', async () => {
    const id = '01JDFEED00000000000000000C';
    await store.save(
      stored(id, { duplicate_of: '01JDFEED00000000000000000A', location: { ...stored('x').record.location, address: '211 Bear Street' } }),
    );
    await store.setDelivery(id, {
      destination: 'crm',
      status: 'delivered',
      attempts: 1,
      updated_at: '2026-11-20T23:31:00Z',
      receipt: null,
      error: null,
    });
    await store.setDelivery(id, {
      destination: 'works',
      status: 'dead',
      attempts: 3,
      updated_at: '2026-11-20T23:35:00Z',
      receipt: null,
      error: 'HTTP 500',
    });
    await store.update(id, (request) => request); // the same record again
    const feed = feeders[0]!;
    await feed.drain();
    expect((await index.search({ id, limit: 1 }))[0]?.status).toBe('failed');

    // 23:30 UTC on the 20th is the afternoon of the 20th in Edmonton
    const day = (await aggregates.days('2026-11-20', '2026-11-20')).get('2026-11-20')!;
    expect(day).toEqual({
      'n|*|sms|POTHOLE': 1,
      'n|*|email|TREE': 1,
      'dup|*|sms|POTHOLE': 1,
      'st|*|sms|POTHOLE|Bear Street': 1,
      'st|*|email|TREE|Wolf Street': 1,
      [`t|*|sms|POTHOLE|${timeBucket(60_000)}`]: 1,
      'dead|*|sms|POTHOLE|works': 1,
    });
    // the first request was saved while 'received': it is counted once routed, and only once
    await store.update('01JDFEED00000000000000000A', (request) => ({ ...request, state: 'routed' }));
    await store.update('01JDFEED00000000000000000A', (request) => request);
    await feed.drain();
    expect((await aggregates.days('2026-11-20', '2026-11-20')).get('2026-11-20')!['n|*|sms|POTHOLE']).toBe(2);
  });

  it('keeps indexing in the background once started', async () => {
    const running = feeders[0]!;
    running.start();
    await store.save(stored('01JDFEED00000000000000000D', { description: 'bench broken in the park' }));
    await waitFor(async () => (await index.search({ words: 'bench', limit: 1 })).length === 1, 10_000, 'the background feed');
  });

  it('gives a second index its own consumer group, so it is fed everything too', async () => {
    const other = openSqliteIndex(':memory:');
    const second = new IndexFeeder({
      redis: RedisSettings.parse({ url: REDIS_URL, prefix }),
      group: 'sqlite:other-node',
      store,
      index: other,
      aggregates,
      log: createLogger({ level: 'silent' }),
    });
    feeders.push(second);
    await second.drain();
    expect(await other.count()).toBe(4);
    await other.close();
  });

  it('keeps time-to-CRM buckets narrow enough for a median', () => {
    for (const ms of [5_000, 60_000, 3_600_000]) {
      const estimate = bucketSeconds(timeBucket(ms)) * 1000;
      expect(Math.abs(estimate - ms) / ms).toBeLessThan(0.1);
    }
  });
});

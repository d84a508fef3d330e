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
      retentionDays: 90,
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
    // another process's feed, which remembers nothing of this one's, finds the facts counted in Redis
    const [again, deliveries] = await store.withDeliveries(id);
    await new Aggregates(redis, prefix, TIMEZONE).record(again!, deliveries);
    expect((await aggregates.days('2026-11-20', '2026-11-20')).get('2026-11-20')).toEqual({ ...day, 'n|*|sms|POTHOLE': 2 });
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
      retentionDays: 90,
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

describe('the index over the retention period', () => {
  const prefix = uniquePrefix('console-retention');
  const DAY = 86_400_000;
  let redis: Redis;
  let store: RequestStore;
  const opened: { index: RequestIndex; feeder: IndexFeeder }[] = [];
  const open = (group: string) => {
    const index = openSqliteIndex(':memory:');
    const aggregates = new Aggregates(redis, prefix, TIMEZONE, [], 90);
    const feeder = new IndexFeeder({
      redis: RedisSettings.parse({ url: REDIS_URL, prefix }),
      group,
      store,
      index,
      aggregates,
      log: createLogger({ level: 'silent' }),
      retentionDays: 90,
    });
    opened.push({ index, feeder });
    return { index, feeder };
  };
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
  // what Redis does when a request's retention runs out
  const expire = (id: string) => redis.del(`${prefix}:request:${id}`, `${prefix}:request:${id}:deliveries`);
  const ids = async (index: RequestIndex) => (await index.search({ limit: 10 })).map((row) => row.id).sort();

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
    store = new RequestStore(redis, prefix, 90);
  });
  afterAll(async () => {
    for (const { feeder, index } of opened) {
      await feeder.stop();
      await index.close();
    }
    redis.disconnect();
    await deletePrefix(prefix);
  });

  it('builds a new index from the store, forgets what Redis expired, and trims the stream once every index read it', async () => {
    // received long ago, one of them still kept because it changed since
    await store.save(stored('01JDKEEP0000000000000000OA', { received_at: daysAgo(100) }));
    await store.save(stored('01JDKEEP0000000000000000OB', { received_at: daysAgo(100) }));
    await store.save(stored('01JDKEEP0000000000000000NC', { received_at: daysAgo(1) }));
    const first = open('sqlite:first');
    await first.feeder.drain();
    expect(await ids(first.index)).toEqual(['01JDKEEP0000000000000000NC', '01JDKEEP0000000000000000OA', '01JDKEEP0000000000000000OB']);
    expect(await redis.xlen(`${prefix}:index-feed`)).toBe(0);
    // the marker that counts a request once lasts as long as the request, not as long as the day's counts
    const markerTtl = await redis.ttl(`${prefix}:agg-seen:n:01JDKEEP0000000000000000OA`);
    expect(markerTtl).toBeGreaterThan(0);
    expect(markerTtl).toBeGreaterThan(90 * 86_400);
    expect(markerTtl).toBeLessThanOrEqual(90 * 86_400 + 3600);

    await expire('01JDKEEP0000000000000000OB');
    // a request still within its retention has not expired: a key missing early is for a rebuild to notice
    await expire('01JDKEEP0000000000000000NC');
    await first.feeder.drain();
    expect(await ids(first.index)).toEqual(['01JDKEEP0000000000000000NC', '01JDKEEP0000000000000000OA']);
    expect(await first.feeder.rebuild()).toEqual({ indexed: 1, forgotten: 1 });
    expect(await ids(first.index)).toEqual(['01JDKEEP0000000000000000OA']);

    // with a second index, an entry stays until both have read it
    const second = open('sqlite:second');
    await second.feeder.drain();
    expect(await ids(second.index)).toEqual(['01JDKEEP0000000000000000OA']);
    await store.update('01JDKEEP0000000000000000OA', (request) => ({
      ...request,
      record: { ...request.record, description: 'now a sinkhole' },
    }));
    await first.feeder.drain();
    expect(await redis.xlen(`${prefix}:index-feed`)).toBe(1);
    await second.feeder.drain();
    expect(await redis.xlen(`${prefix}:index-feed`)).toBe(0);
    expect((await second.index.search({ words: 'sinkhole', limit: 1 })).length).toBe(1);
  });
});

import type { LoadedConfig } from '@intake/core';
import type { Redis } from 'ioredis';
import { Deduper, type DedupeInput } from '../src/index.js';
import { deleteKeys, redisFor, testConfig } from './helpers.js';

const BEAR_211 = { lat: 51.1762, long: -115.5713 };
/** about 40 m north: inside the demo's 75 m radius */
const NEAR_211 = { lat: 51.17656, long: -115.5713 };
/** about 400 m north */
const FAR = { lat: 51.1798, long: -115.5713 };

const report = (id: string, overrides: Partial<DedupeInput> = {}): DedupeInput => ({
  id,
  received_at: new Date().toISOString(),
  service_code: 'POTHOLE',
  point: BEAR_211,
  sender: null,
  stems: ['big', 'pothol', 'tire'],
  topics: [],
  streets: ['bear street'],
  precise: true,
  ...overrides,
});

describe('Deduper.remember: open requests added without a check', () => {
  let redis: Redis;
  let config: LoadedConfig;
  let deduper: Deduper;

  beforeAll(() => {
    redis = redisFor();
    config = testConfig();
    deduper = new Deduper(redis, config);
  });
  afterAll(async () => {
    await deleteKeys(redis, config.redis.prefix);
    redis.disconnect();
  });

  it('are found by later checks as checked ones are: near, along their street when vague, and by sender', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await deduper.remember([
      report('near-one', { received_at: hourAgo }),
      report('vague-one', { service_code: 'SNOW', point: FAR, precise: false, streets: ['caribou street'], received_at: hourAgo }),
      report('sender-one', { service_code: 'GRAFFITI', point: FAR, sender: 'phone:+14035550999', stems: ['tag', 'wall'] }),
    ]);
    expect(await deduper.check(report('near-two', { point: NEAR_211 }))).toEqual({ duplicate_of: 'near-one', kind: 'near' });
    expect(await deduper.check(report('far-two', { point: FAR }))).toEqual({ duplicate_of: null, kind: null });
    expect(await deduper.check(report('along-two', { service_code: 'SNOW', point: BEAR_211, streets: ['caribou street'] }))).toEqual({
      duplicate_of: 'vague-one',
      kind: 'near',
    });
    expect(
      await deduper.check(
        report('sender-two', { service_code: 'GRAFFITI', point: FAR, sender: 'phone:+14035550999', stems: ['tag', 'wall'] }),
      ),
    ).toEqual({ duplicate_of: 'sender-one', kind: 'sender' });
  });

  it('leaves every key it writes with an expiry', async () => {
    await deduper.remember([report('expiring', { precise: false, sender: 'phone:+14035550998' })]);
    const keys = await redis.keys(`${config.redis.prefix}:dedupe:*`);
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) expect(await redis.pttl(key)).toBeGreaterThan(0);
  });
});

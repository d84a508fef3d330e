import { REDIS_URL, deletePrefix, uniquePrefix } from '@intake/testkit';
import { Redis } from 'ioredis';
import { RequestStore } from '../src/index.js';

const prefix = uniquePrefix('store-conversation');
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

const turn = (kind: string, text: string) => ({ at: new Date().toISOString(), from: 'citizen' as const, channel: 'sms', kind, text });

describe('RequestStore.addTurnOnce', () => {
  it('logs a message once however often its job runs, and other messages after it', async () => {
    expect(await store.addTurnOnce('R1', turn('M1', 'pothole on Bear St'))).toBe(true);
    expect(await store.addTurnOnce('R1', turn('M1', 'pothole on Bear St'))).toBe(false);
    // a text that spells out another turn's JSON is only a text
    expect(await store.addTurnOnce('R1', turn('M2', '{"kind":"M3"} "kind":"M3"'))).toBe(true);
    expect(await store.addTurnOnce('R1', turn('M3', 'still there'))).toBe(true);
    expect((await store.conversation('R1')).map((logged) => [logged.kind, logged.text])).toEqual([
      ['M1', 'pothole on Bear St'],
      ['M2', '{"kind":"M3"} "kind":"M3"'],
      ['M3', 'still there'],
    ]);
    expect(await redis.ttl(`${prefix}:request:R1:conversation`)).toBeGreaterThan(0);
  });
});

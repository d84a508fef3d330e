import { REDIS_URL, deletePrefix, uniquePrefix } from '@intake/testkit';
import { Redis } from 'ioredis';
import {
  REFERENCE_ALPHABET,
  RequestStore,
  newReference,
  newRequestId,
  parseReference,
  serviceRequestFrom,
  type RandomIndex,
} from '../src/index.js';

const prefix = uniquePrefix('reference');
const redis = new Redis(REDIS_URL);
const store = new RequestStore(redis, prefix, 30);
afterAll(() => deletePrefix(prefix).finally(() => redis.disconnect()));

/** A random source that spells the given references, one after the other. */
function spelling(...references: string[]): RandomIndex {
  const indexes = references.flatMap((reference) => [...reference].map((char) => REFERENCE_ALPHABET.indexOf(char)));
  return () => indexes.shift()!;
}

describe('references', () => {
  it('are six characters without 0/O or 1/I/L, always mixing letters and digits', () => {
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OIL]/);
    for (let i = 0; i < 2000; i++) {
      const reference = newReference();
      expect(reference).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
      expect(reference).toMatch(/\d/);
      expect(reference).toMatch(/[A-Z]/);
    }
  });

  it('draws again rather than print a word', () => {
    expect(newReference(spelling('POTHRE', 'K7PM2Q'))).toBe('K7PM2Q');
  });

  it('are read back in any case, with "#", spaces or dashes, and nothing else is taken for one', () => {
    expect(parseReference(' #k7pm-2q ')).toBe('K7PM2Q');
    expect(parseReference('k7p m2q')).toBe('K7PM2Q');
    expect(parseReference('K7PM2')).toBeNull();
    expect(parseReference('K0PM2Q')).toBeNull();
    expect(parseReference('pothole')).toBeNull();
  });
});

describe('RequestStore references', () => {
  it('draws again when a reference is taken, so two live requests never share one', async () => {
    const first = newRequestId();
    const second = newRequestId();
    expect((await store.allocateReference(first, spelling('K7PM2Q'))).reference).toBe('K7PM2Q');
    const tracking = await store.allocateReference(second, spelling('K7PM2Q', 'K7PM2Q', 'W4XR9D'));
    expect(tracking.reference).toBe('W4XR9D');
    expect(tracking.token).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await store.idByReference('K7PM2Q')).toBe(first);
    expect(await store.idByReference('w4xr9d')).toBe(second);
    expect(await store.trackingOf(second)).toEqual(tracking);
  });

  it('gives up, loudly, when every draw collides', async () => {
    const taken = newRequestId();
    await store.allocateReference(taken, spelling('H3J5K7'));
    const unlucky = newRequestId();
    await expect(store.allocateReference(unlucky, spelling(...Array<string>(10).fill('H3J5K7')))).rejects.toThrow(/no free reference/);
    expect(await store.trackingOf(unlucky)).toBeNull();
  });

  it('keeps a reference for the retention period only', async () => {
    const id = newRequestId();
    const { reference } = await store.allocateReference(id);
    const ttl = await redis.ttl(`${prefix}:reference:${reference}`);
    expect(ttl).toBeGreaterThan(29 * 86_400);
    expect(ttl).toBeLessThanOrEqual(30 * 86_400);
  });

  it('finds a stored request by its id or its reference, and frees a reference whose request was never written', async () => {
    const id = newRequestId();
    const { reference } = await store.allocateReference(id);
    await store.save({
      record: serviceRequestFrom({ id, reference, description: 'test' }),
      state: 'received',
      reply_to: null,
      service_confidence: null,
      crm: { status: null, external_id: null },
      tracking_token: null,
      timeline: [],
      updated_at: new Date().toISOString(),
    });
    expect((await store.find(id))?.record.id).toBe(id);
    expect((await store.find(id.toLowerCase()))?.record.id).toBe(id);
    expect((await store.find(reference.toLowerCase()))?.record.id).toBe(id);
    expect(await store.find('N0TH3R')).toBeNull();

    const unwritten = newRequestId();
    const { reference: freed } = await store.allocateReference(unwritten);
    await store.releaseReference(unwritten, freed);
    expect(await store.idByReference(freed)).toBeNull();
    expect(await store.trackingOf(unwritten)).toBeNull();
  });
});

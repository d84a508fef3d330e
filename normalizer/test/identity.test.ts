import { newRequestId, type LoadedConfig } from '@intake/core';
import type { Redis } from 'ioredis';
import { createNormalizer, followUpOf, IdentityIndex, type Normalizer } from '../src/index.js';
import { channels, deleteKeys, message, redisFor, silentLog, storeFor, testConfig } from './helpers.js';

const DAY = 86_400_000;
const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describe('followUpOf', () => {
  it.each([
    'any update on my report from yesterday?',
    'Following up on the pothole I reported last week',
    "I've already called about this twice",
    'still waiting, the light is still out',
    'Bonjour, suite à mon signalement de lundi, rien n’a bougé',
    "J'ai déjà signalé ce lampadaire",
    'Hola, ¿hay novedades de mi reporte de ayer?',
    'Ya reporté este bache la semana pasada',
  ])('hears a follow-up in "%s"', (text) => {
    expect(followUpOf(text).refers).toBe(true);
  });

  it.each([
    'big pothole outside 211 bear st',
    "Hi, I'm calling about the noise from a party",
    'report: tree down on Wolf St',
    'la farola no funciona',
    'Clerk: Town of Elmvale, how can I help?\nCaller: the hedge blocks the sign.\nClerk: Thanks, I have logged that for the crew.',
    'Agente: ¿en qué le ayudo?\nLlamante: hay un bache enorme.\nAgente: ya lo reporté, su número de caso es 7KQ2ZD.',
  ])('hears none in "%s"', (text) => {
    expect(followUpOf(text).refers).toBe(false);
  });

  it('finds quoted references as we print them, or after a word that says so, and nothing else', () => {
    expect(followUpOf('Re: your reference 7KQ2ZD, any news?').references).toEqual(['7KQ2ZD']);
    expect(followUpOf('about request #abcdef').references).toEqual(['ABCDEF']);
    expect(followUpOf('the street is a mess, called on friday').references).toEqual([]);
    expect(followUpOf('Clerk: logged, your reference is 7KQ2ZD.\nCaller: thanks, and ask about 4MN8PX too').references).toEqual(['4MN8PX']);
  });
});

describe('IdentityIndex on Redis', () => {
  let redis: Redis;
  let config: LoadedConfig;
  let identity: IdentityIndex;

  beforeAll(() => {
    redis = redisFor();
    config = testConfig();
    identity = new IdentityIndex(redis, config);
  });
  afterAll(async () => {
    await deleteKeys(redis, config.redis.prefix);
    redis.disconnect();
  });

  it('joins a phone and an email given together, and finds the person again by either', async () => {
    const person = await identity.personOf(['phone:+14035550100', 'email:ana@example.org']);
    expect(person).not.toBeNull();
    expect(await identity.personOf(['email:ana@example.org'])).toBe(person);
    expect(await identity.personOf(['phone:+14035550100'])).toBe(person);
    expect(await identity.personOf([])).toBeNull();
  });

  it('merges two people found to be one, with their requests', async () => {
    const byPhone = (await identity.personOf(['phone:+14035550111'], { id: 'r-phone', received_at: '2026-11-01T10:00:00Z' }))!;
    const byEmail = (await identity.personOf(['email:bo@example.org'], { id: 'r-email', received_at: '2026-11-02T10:00:00Z' }))!;
    expect(byPhone).not.toBe(byEmail);
    const joined = (await identity.personOf(['phone:+14035550111', 'email:bo@example.org']))!;
    expect(await identity.personOf(['phone:+14035550111'])).toBe(joined);
    expect(await identity.personOf(['email:bo@example.org'])).toBe(joined);
    expect(await identity.requestsOf(joined, 10)).toEqual(['r-email', 'r-phone']);
  });

  it('keeps no phone or email in its keys, and lets everything expire after the retention period', async () => {
    const keys = await redis.keys(`${config.redis.prefix}:identity:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((key) => key.includes('4035550') || key.includes('@'))).toBe(false);
    const ttls = await Promise.all(keys.map((key) => redis.ttl(key)));
    expect(ttls.every((ttl) => ttl > 0 && ttl <= config.redis.retention_days * 86_400)).toBe(true);
  });
});

describe('the same person across channels, following up an earlier report', () => {
  let redis: Redis;
  let config: LoadedConfig;
  let normalizer: Normalizer;

  beforeAll(async () => {
    redis = redisFor();
    config = testConfig();
    normalizer = await createNormalizer({ config, redis, store: storeFor(redis, config), log: silentLog, channels });
  });
  afterAll(async () => {
    await deleteKeys(redis, config.redis.prefix);
    redis.disconnect();
  });

  it('threads "my report from yesterday" sent by text to a web report made with that phone and an email', async () => {
    const at = new Date(Date.now() - 2 * DAY).toISOString();
    const web = await normalizer.normalize(
      message({
        id: newRequestId(),
        channel: 'web',
        text: 'big pothole outside 211 Bear St',
        sender: { phone: '403-555-0140', email: 'Cleo@Example.org' },
        conversation_id: 'web-1',
        received_at: at,
      }),
    );
    const sms = await normalizer.normalize(
      message({
        text: 'any update on my report from yesterday?',
        sender: { phone: '+14035550140' },
        conversation_id: 'sms-thread',
        received_at: later(at, DAY),
      }),
    );
    // not asked where, and not given the earlier report's place: it names none ("I called about the noise" may be elsewhere)
    expect(sms.needs_location).toBe(false);
    expect(sms.request.related_to).toBe(web.request.record.id);
    expect(sms.request.record).toMatchObject({
      source: { conversation_id: 'web-1' },
      service_code: 'POTHOLE',
      location: { address: null, precision: 'none' },
      duplicate_of: null,
      event: 'service_request.created',
    });

    const email = await normalizer.normalize(
      message({
        channel: 'email',
        subject: 'Following up',
        text: 'Following up on the pothole I reported. Still there.',
        sender: { email: 'cleo@example.org' },
        received_at: later(at, DAY + 60_000),
      }),
    );
    expect(email.request.related_to).toBe(web.request.record.id);
    expect(email.request.record.duplicate_of).toBeNull();
  });

  it('links the phone in an email signature to the sender, so a later text finds the emailed report', async () => {
    const at = new Date(Date.now() - DAY).toISOString();
    const signed = 'The streetlight in front of 219 Grizzly Street is out.\nThanks,\nDev Patel\n(403) 555-0177';
    const email = await normalizer.normalize(
      message({ channel: 'email', subject: 'Light out', text: signed, sender: { email: 'dev@example.net' }, received_at: at }),
    );
    const sms = await normalizer.normalize(
      message({ text: 'the streetlight I reported is still out', sender: { phone: '4035550177' }, received_at: later(at, 3 * 3_600_000) }),
    );
    expect(email.request.record.service_code).toBe('STREETLIGHT');
    expect(sms.request.related_to).toBe(email.request.record.id);
    expect(sms.request.record.source.conversation_id).toBe(email.request.record.id);
  });

  it("links a caller's number from a transcript to their later texts", async () => {
    const at = new Date(Date.now() - DAY).toISOString();
    const call = await normalizer.normalize(
      message({
        channel: 'transcript',
        text: 'there is a dead deer at 227 Otter Street',
        sender: { phone: '403 555 0188', handle: 'clerk-amy' },
        received_at: at,
      }),
    );
    const sms = await normalizer.normalize(
      message({ text: 'I called yesterday about the deer, any news?', sender: { phone: '+14035550188' }, received_at: later(at, DAY) }),
    );
    expect(sms.request.related_to).toBe(call.request.record.id);
  });

  it('threads a quoted short reference from anyone, and leaves a follow-up with nothing earlier alone', async () => {
    const at = new Date(Date.now() - DAY).toISOString();
    const first = await normalizer.normalize(
      message({ id: newRequestId(), text: 'graffiti on the wall at 110 Bear Street', sender: { phone: '4035550190' }, received_at: at }),
    );
    const quoted = await normalizer.normalize(
      message({
        text: `neighbour here, about ref ${first.request.record.reference}: it has spread to the door`,
        sender: { phone: '4035550191' },
        received_at: later(at, DAY),
      }),
    );
    expect(quoted.request.related_to).toBe(first.request.record.id);
    const stranger = await normalizer.normalize(
      message({
        text: 'I reported a pothole last week, any news?',
        sender: { phone: '4035550192' },
        conversation_id: 'own',
        received_at: later(at, DAY),
      }),
    );
    expect(stranger.request.related_to).toBeNull();
    expect(stranger.request.record.source.conversation_id).toBe('own');
  });

  it('still marks a follow-up that reports the same problem at the same place again as the duplicate it is', async () => {
    const at = new Date().toISOString();
    const first = await normalizer.normalize(
      message({ text: 'pothole at 301 Buffalo Street', sender: { phone: '4035550195' }, received_at: at }),
    );
    const again = await normalizer.normalize(
      message({
        text: 'I reported this pothole at 301 Buffalo Street this morning, it is much bigger now',
        sender: { phone: '4035550195' },
        received_at: later(at, 5 * 3_600_000),
      }),
    );
    expect(again.request.related_to).toBe(first.request.record.id);
    expect(again.request.record.duplicate_of).toBe(first.request.record.id);
  });
});

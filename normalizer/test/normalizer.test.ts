import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { distanceMeters, type LoadedConfig } from '@intake/core';
import type { Redis } from 'ioredis';
import { createNormalizer, type Normalizer } from '../src/index.js';
import { channels, deleteKeys, message, redisFor, silentLog, storeFor, testConfig } from './helpers.js';
import { TOWN, writeTown } from './town.js';

const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

describe('normalize with the Banff demo config', () => {
  let redis: Redis;
  let config: LoadedConfig;
  let normalizer: Normalizer;

  beforeAll(async () => {
    redis = redisFor();
    config = testConfig();
    normalizer = await createNormalizer({ config, redis, store: storeFor(redis, config), log: silentLog, channels });
  });
  afterAll(async () => {
    await normalizer.close();
    await deleteKeys(redis, config.redis.prefix);
    redis.disconnect();
  });

  it('turns the SPEC example SMS into the delivered record and saves it', async () => {
    const sms = message({
      channel: 'sms',
      external_id: 'SM1',
      text: 'big pothole outside 211 Bear St, almost lost a tire',
      sender: { phone: '(403) 555-0123' },
    });
    const { request, needs_location } = await normalizer.normalize(sms);
    expect(needs_location).toBe(false);
    expect(request.state).toBe('received');
    expect(request.record).toMatchObject({
      id: sms.id,
      event: 'service_request.created',
      channel: 'sms',
      reporter: { name: null, phone: '+14035550123', email: null },
      description: 'big pothole outside 211 Bear St, almost lost a tire',
      service_code: 'POTHOLE',
      service_name: 'Pothole',
      location: { address: '211 Bear Street', precision: 'address', source: 'gazetteer', in_jurisdiction: true },
      source: { external_id: 'SM1', conversation_id: null },
      duplicate_of: null,
      intent: 'report',
      routing: { rule: null, priority: 'normal' },
    });
    expect(request.service_confidence).toBeGreaterThanOrEqual(0.5);
    expect(await storeFor(redis, config).get(sms.id)).toEqual(request);
  });

  it("passes what the channel knows for the clerk into the record's source", async () => {
    const reported = message({ channel: 'slack', text: 'tree down on Bear St', source_details: { slack_message_author: 'U0AUTHOR' } });
    const { request } = await normalizer.normalize(reported);
    expect(request.record.source.details).toEqual({ slack_message_author: 'U0AUTHOR' });
  });

  it('does not take the street for the animal: "Bear St" is a place, the problem is the light', async () => {
    const { request } = await normalizer.normalize(message({ text: 'street light out at corner of Bear St and Wolf St' }));
    expect(request.record.service_code).toBe('STREETLIGHT');
    expect(request.record.location.precision).toBe('intersection');
  });

  it('cleans HTML email into the description and lower-cases the email', async () => {
    const { request } = await normalizer.normalize(
      message({
        channel: 'email',
        subject: 'Graffiti',
        text: '',
        html: '<div>Someone <b>sprayed</b> tags on the wall<script>steal()</script> at 110 Bear Street</div>',
        sender: { email: 'Jane@Example.ORG', name: ' Jane  Doe ' },
      }),
    );
    expect(request.record.description).toBe('Graffiti\nSomeone sprayed tags on the wall at 110 Bear Street');
    expect(request.record.reporter).toEqual({ name: 'Jane Doe', phone: null, email: 'jane@example.org' });
    expect(request.record.service_code).toBe('GRAFFITI');
  });

  it('prefers the device point, labelled with the nearest address', async () => {
    const { request } = await normalizer.normalize(
      message({ channel: 'web', text: 'tree down on Banff Ave', point: { lat: 51.17736, long: -115.5728 } }),
    );
    expect(request.record.location).toEqual({
      lat: 51.17736,
      long: -115.5728,
      address: '211 Bear Street',
      precision: 'coordinates',
      source: 'device',
      in_jurisdiction: true,
    });
  });

  it('geocodes the form address field before the text, and keeps a given service code', async () => {
    const { request } = await normalizer.normalize(
      message({ channel: 'web', text: 'see photo', address: '123 Banff Avenue', service_code: 'SIGN' }),
    );
    expect(request.record.location).toMatchObject({ address: '123 Banff Avenue', precision: 'address' });
    expect(request.record).toMatchObject({ service_code: 'SIGN', service_name: 'Damaged sign or signal' });
    expect(request.service_confidence).toBe(1);
  });

  it('flags a point outside the town instead of dropping it', async () => {
    const { request } = await normalizer.normalize(message({ text: 'pothole here geo:51.0447,-114.0719' }));
    expect(request.record.location).toMatchObject({
      lat: 51.0447,
      long: -114.0719,
      precision: 'coordinates',
      source: 'map_link',
      in_jurisdiction: false,
      address: null,
    });
  });

  it('asks for a location when none was given, and falls back to the triage code when unsure', async () => {
    const { request, needs_location } = await normalizer.normalize(
      message({ text: 'something is wrong, please call me', sender: { phone: '12' } }),
    );
    expect(needs_location).toBe(true);
    expect(request.record.location.precision).toBe('none');
    expect(request.record.service_code).toBe('OTHER');
    expect(request.record.reporter.phone).toBeNull();
  });

  it("gives a question that names no service the town's question code, none unless it names one", async () => {
    const question = () => message({ text: 'what are the town hall hours on friday?', sender: { phone: '13' } });
    const { request } = await normalizer.normalize(question());
    expect(request.record).toMatchObject({ intent: 'question', service_code: 'OTHER', service_name: 'Something else (triage)' });
    const byDefault = testConfig();
    const classification = { ...byDefault.classification, question_fallback_code: null };
    const other = await createNormalizer({
      config: { ...byDefault, classification },
      redis,
      store: storeFor(redis, byDefault),
      log: silentLog,
      channels,
    });
    try {
      expect((await other.normalize(question())).request.record).toMatchObject({ intent: 'question', service_code: null });
    } finally {
      await other.close();
      await deleteKeys(redis, byDefault.redis.prefix);
    }
  });

  it('marks the same sender repeating themselves as a duplicate of the first request', async () => {
    const at = new Date().toISOString();
    const sender = { phone: '+1 403 555 0199' };
    const first = await normalizer.normalize(message({ text: 'garbage not picked up on Otter St', sender, received_at: at }));
    const again = await normalizer.normalize(
      message({ text: 'GARBAGE still not picked up!!', sender: { phone: '403-555-0199' }, received_at: minutesAfter(at, 3) }),
    );
    const other = await normalizer.normalize(message({ text: 'and the streetlight is out too', sender, received_at: minutesAfter(at, 4) }));
    expect(first.request.record.duplicate_of).toBeNull();
    expect(again.request.record).toMatchObject({ event: 'service_request.duplicate', duplicate_of: first.request.record.id });
    expect(other.request.record.duplicate_of).toBeNull();
  });

  it('marks a near report of the same problem as a duplicate naming the first, but not a different problem or a far one', async () => {
    const at = new Date().toISOString();
    const first = await normalizer.normalize(
      message({ text: 'huge pothole in front of 211 Beaver Street', sender: { phone: '4035550111' }, received_at: at }),
    );
    const near = await normalizer.normalize(
      message({
        text: 'pothole outside 215 beaver st, nearly lost a tire',
        sender: { phone: '4035550112' },
        received_at: minutesAfter(at, 60),
      }),
    );
    const third = await normalizer.normalize(
      message({
        channel: 'email',
        text: 'Pothole by 217 Beaver St is getting bigger',
        sender: { email: 'a@b.org' },
        received_at: minutesAfter(at, 120),
      }),
    );
    const otherProblem = await normalizer.normalize(
      message({ text: 'graffiti at 211 Beaver St', sender: { phone: '4035550113' }, received_at: minutesAfter(at, 61) }),
    );
    const far = await normalizer.normalize(
      message({ text: 'pothole at 400 Muskrat Street', sender: { phone: '4035550114' }, received_at: minutesAfter(at, 62) }),
    );
    const tooLate = await normalizer.normalize(
      message({ text: 'pothole at 211 Beaver Street again', sender: { phone: '4035550115' }, received_at: minutesAfter(at, 75 * 60) }),
    );
    expect(near.request.record).toMatchObject({ event: 'service_request.duplicate', duplicate_of: first.request.record.id });
    expect(third.request.record.duplicate_of).toBe(first.request.record.id);
    expect(otherProblem.request.record.duplicate_of).toBeNull();
    expect(far.request.record.duplicate_of).toBeNull();
    expect(tooLate.request.record.duplicate_of).toBeNull();
  });

  it('finds a near duplicate written in another language, and one placed only by its street', async () => {
    const at = new Date().toISOString();
    const first = await normalizer.normalize(
      message({ text: 'gros nid de poule au 127, rainbow ave, faites attention', sender: { phone: '4035550301' }, received_at: at }),
    );
    const english = await normalizer.normalize(
      message({ text: 'deep pothole near 129 Rainbow Avenue', sender: { phone: '4035550302' }, received_at: minutesAfter(at, 90) }),
    );
    expect(first.request.record.service_code).toBe('POTHOLE');
    expect(english.request.record.duplicate_of).toBe(first.request.record.id);

    const street = await normalizer.normalize(
      message({ text: 'garbage not picked up somewhere on Kootenay Avenue', sender: { phone: '4035550303' }, received_at: at }),
    );
    const address = await normalizer.normalize(
      message({
        channel: 'web',
        text: 'our garbage was missed at 120 Kootenay Avenue',
        sender: { phone: '4035550304' },
        received_at: minutesAfter(at, 30),
      }),
    );
    const otherStreet = await normalizer.normalize(
      message({ text: 'garbage was missed at 101 Mountain Avenue', sender: { phone: '4035550305' }, received_at: minutesAfter(at, 31) }),
    );
    expect(street.request.record.location.precision).toBe('street');
    expect(address.request.record.duplicate_of).toBe(street.request.record.id);
    expect(otherStreet.request.record.duplicate_of).toBeNull();
  });

  it('compares reports along a street when one of the two is placed only by the street, not two far-apart addresses', async () => {
    const at = new Date().toISOString();
    const first = await normalizer.normalize(
      message({ text: 'pothole outside 211 Banff Avenue', sender: { phone: '4035550401' }, received_at: at }),
    );
    const farAlong = await normalizer.normalize(
      message({ text: 'pothole in front of 502 Banff Avenue', sender: { phone: '4035550402' }, received_at: minutesAfter(at, 10) }),
    );
    const anywhere = await normalizer.normalize(
      message({ text: 'potholes all along Banff Avenue', sender: { phone: '4035550403' }, received_at: minutesAfter(at, 20) }),
    );
    const later = await normalizer.normalize(
      message({ text: 'pothole at 532 Banff Avenue', sender: { phone: '4035550404' }, received_at: minutesAfter(at, 30) }),
    );
    expect(anywhere.request.record.location.precision).toBe('street');
    expect(farAlong.request.record.duplicate_of).toBeNull();
    expect(anywhere.request.record.duplicate_of).toBe(first.request.record.id);
    expect(later.request.record.duplicate_of).toBe(first.request.record.id);
  });

  it('carries the topic of what the same sender reported a moment ago into "still there!!"', async () => {
    const at = new Date().toISOString();
    const sender = { phone: '4035550320' };
    const first = await normalizer.normalize(
      message({ text: 'a black truck is blocking my driveway at 135 nahanni dr', sender, received_at: at }),
    );
    const again = await normalizer.normalize(
      message({ text: 'still there!! 40 minutes now. 135 Nahanni Drive', sender, received_at: minutesAfter(at, 8) }),
    );
    expect(first.request.record.service_code).toBe('PARKING');
    expect(again.request.record).toMatchObject({
      service_code: 'PARKING',
      service_name: 'Parking or abandoned vehicle',
      duplicate_of: first.request.record.id,
    });
  });

  it("does not take a forwarding clerk's signature for the place, nor the clerk's words for the problem", async () => {
    const text = [
      'FYI - this came into the general inbox, please log.',
      'Marie Tremblay',
      'Town of Banff',
      '110 Bear Street, Box 1260, Banff AB T1L 1A1',
      '---------- Forwarded message ---------',
      'From: Janice Stewart <janice@example.org>',
      'Subject: icy crosswalk',
      'The crosswalk in the 400 block of Banff Ave. is a skating rink. Someone is going to get hurt.',
      'Janice Stewart',
    ].join('\n');
    const { request } = await normalizer.normalize(
      message({ channel: 'email', subject: 'Fwd: icy crosswalk', text, sender: { email: 'clerk@banff.ca' } }),
    );
    expect(request.record).toMatchObject({ service_code: 'SNOW', location: { address: '400 block of Banff Avenue', precision: 'street' } });
  });

  it('normalizing the same message twice (a retried job) does not make it a duplicate of itself', async () => {
    const sms = message({ text: 'sign down at 217 Bear Street', sender: { phone: '4035550177' } });
    await normalizer.normalize(sms);
    const { request } = await normalizer.normalize(sms);
    expect(request.record.duplicate_of).toBeNull();
  });

  it('keeps every dedupe key under the configured prefix, with an expiry', async () => {
    const keys = await redis.keys(`${config.redis.prefix}:dedupe:*`);
    expect(keys.length).toBeGreaterThan(0);
    const ttls = await Promise.all(keys.map((key) => redis.pttl(key)));
    expect(ttls.every((ttl) => ttl > 0)).toBe(true);
  });

  it('suggests addresses for the web form', () => {
    expect(normalizer.suggestAddresses('211 Be', 5).map((s) => s.label)).toEqual(['211 Bear Street', '211 Beaver Street']);
    expect(normalizer.suggestAddresses('   ', 5)).toEqual([]);
  });
});

describe('normalize in a town made up for the test, with a boundary file', () => {
  let redis: Redis;
  let config: LoadedConfig;
  let normalizer: Normalizer;

  beforeAll(async () => {
    const file = writeTown('');
    const boundary = path.join(path.dirname(file), 'boundary.geojson');
    writeFileSync(
      boundary,
      JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [-75.01, 44.99],
            [-74.99, 44.99],
            [-74.99, 45.01],
            [-75.01, 45.01],
            [-75.01, 44.99],
          ],
        ],
      }),
    );
    writeFileSync(file, readFileSync(file, 'utf8').replace('country: FR', 'country: FR\n  boundary: ./boundary.geojson'));
    redis = redisFor();
    config = testConfig(file);
    normalizer = await createNormalizer({ config, redis, store: storeFor(redis, config), log: silentLog, channels });
  });
  afterAll(async () => {
    await deleteKeys(redis, config.redis.prefix);
    redis.disconnect();
  });

  it('reads a French report with the town own street names and phone country', async () => {
    const { request } = await normalizer.normalize(
      message({ text: 'Un énorme nid de poule au coin de Main et Elm', sender: { phone: '06 12 34 56 78' } }),
    );
    expect(request.record).toMatchObject({ service_code: 'ROAD', reporter: { phone: '+33612345678' } });
    expect(request.record.location).toMatchObject({
      precision: 'intersection',
      address: 'Main Street & Elm Avenue',
      in_jurisdiction: true,
    });
    expect(distanceMeters(request.record.location as { lat: number; long: number }, { lat: TOWN.elm, long: TOWN.main })).toBeLessThan(5);
  });

  it('finds the town landmarks and addresses, and checks the boundary file', async () => {
    const mill = await normalizer.normalize(message({ text: 'la farola junto al Old Mill no funciona' }));
    expect(mill.request.record).toMatchObject({ service_code: 'LIGHT', location: { source: 'landmark', lat: 45.0035, long: -75.0015 } });
    const outside = await normalizer.normalize(message({ text: 'streetlight out at 45.2000, -75.3000' }));
    expect(outside.request.record.location).toMatchObject({ precision: 'coordinates', in_jurisdiction: false });
    // written long, lat: only the swapped order falls in town
    const swapped = await normalizer.normalize(message({ text: 'pothole at -75.0010, 45.0010' }));
    expect(swapped.request.record.location).toMatchObject({ lat: 45.001, long: -75.001, in_jurisdiction: true });
  });

  it("takes no place from a signature inside a text's one line, but a clerk's thanks in a call signs nothing off", async () => {
    const signed = await normalizer.normalize(message({ text: 'pothole on Oak Street by the school, thanks - Maria Lopez, 104 Main St' }));
    expect(signed.request.record.location).toMatchObject({ address: 'Oak Street', precision: 'street' });
    const call = 'Caller: there is a pothole, a deep one.\nClerk: Thank you, Maria, 104 Main St, I have it.';
    const transcript = await normalizer.normalize(message({ channel: 'transcript', text: call }));
    expect(transcript.request.record.location).toMatchObject({ address: '104 Main Street', precision: 'address' });
  });

  it('classifies words its terse catalogue does not list, and reads a French "rue" before its own street names', async () => {
    const lamp = await normalizer.normalize(message({ text: 'the lamp post in front of 104 Main St keeps flickering' }));
    expect(lamp.request.record).toMatchObject({ service_code: 'LIGHT', location: { address: '104 Main Street', precision: 'address' } });
    const french = await normalizer.normalize(message({ text: 'la chaussée est défoncée au 204, rue Oak' }));
    expect(french.request.record).toMatchObject({ service_code: 'ROAD', location: { address: '204 Oak Street', precision: 'address' } });
  });

  it('uses its own fallback code', async () => {
    const { request } = await normalizer.normalize(message({ text: '104 Main St, come quick' }));
    expect(request.record).toMatchObject({ service_code: 'TRIAGE', location: { address: '104 Main Street', precision: 'address' } });
  });
});

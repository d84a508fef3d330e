import { InboundMessageInput, RequestStore, createLogger, newReference, newRequestId, type LoadedConfig } from '@intake/core';
import {
  Deduper,
  Gazetteer,
  contentStems,
  createNormalizer,
  geocodeWithGazetteer,
  type AddressRow,
  type DedupeInput,
} from '@intake/normalizer';
import { startRedisServer } from '@intake/testkit';
import { Redis } from 'ioredis';
import { channels } from '../plugins.js';
import type { Figure, Scaling } from './report.js';

/** A Redis of the bench's own, without persistence: a million open requests stay out of the shared one. */
const privateRedis = () => startRedisServer(['--appendonly', 'no']);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;

/** Microseconds per call, the median of `count` calls or of those made within two seconds, whichever are fewer. */
function timeEach(count: number, call: (i: number) => unknown): number {
  const times: number[] = [];
  const until = performance.now() + 2000;
  for (let i = 0; i < count && performance.now() < until; i += 1) {
    const start = performance.now();
    call(i);
    times.push((performance.now() - start) * 1000);
  }
  return median(times);
}

/** Metres to degrees around a point. */
const offset = (center: { lat: number; long: number }, east: number, north: number) => ({
  lat: center.lat + north / 110_574,
  long: center.long + east / (111_320 * Math.cos((center.lat * Math.PI) / 180)),
});

/** A big city's extent around the town: the open requests are spread over it as a city's are. */
const CITY_SIDE_M = 30_000;
const CITY_STREETS = 10_000;
const DEDUPE_FILL_BATCH = 1000;
const DEDUPE_SAMPLES = 500;
const DEDUPE_WARMUP = 200;

export interface Town {
  config: LoadedConfig;
  center: { lat: number; long: number };
  texts: readonly string[];
  rows: AddressRow[];
}

/**
 * Near-duplicate checks with 10 thousand, 100 thousand and a million open requests (within the window, spread over a
 * big city's streets and every service code, one in ten placed only by its street): each size is filled through
 * `Deduper.remember`, then `DEDUPE_SAMPLES` checks are timed one by one.
 */
export async function measureDedupe(town: Town, sizes: readonly number[]): Promise<Scaling> {
  const redisServer = await privateRedis();
  const redis = new Redis(redisServer.url);
  const deduper = new Deduper(redis, { ...town.config, redis: { ...town.config.redis, prefix: 'bench' } });
  const stems = town.texts.map((text) => contentStems(text));
  const codes = town.config.services.map((service) => service.code);
  const types = streetTypes(town);
  const streets = Array.from({ length: CITY_STREETS }, (_, i) => `${syntheticName(i)} ${types[i % types.length]}`.toLowerCase());
  const windowMs = town.config.dedupe.window_hours * 3_600_000;
  // open requests arrived any time in the window; the checked ones arrive now
  const report = (receivedAt = new Date(Date.now() - Math.random() * windowMs * 0.9)): DedupeInput => ({
    id: newRequestId(),
    received_at: receivedAt.toISOString(),
    service_code: pick(codes),
    point: offset(town.center, (Math.random() - 0.5) * CITY_SIDE_M, (Math.random() - 0.5) * CITY_SIDE_M),
    sender: `phone:+1${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`,
    stems: pick(stems),
    topics: [],
    streets: [pick(streets)],
    // about one report in ten is placed only by its street
    precise: Math.random() > 0.1,
  });
  const result: Scaling = { name: 'near-duplicate check', unit: 'ms median', sizes: [], target: { maxValue: 1, maxGrowth: 1.5 } };
  let filled = 0;
  try {
    for (const size of sizes) {
      for (; filled < size; filled += DEDUPE_FILL_BATCH) await deduper.remember(Array.from({ length: DEDUPE_FILL_BATCH }, () => report()));
      for (let i = 0; i < DEDUPE_WARMUP; i += 1) await deduper.check(report(new Date()));
      const redisCpuBefore = await redisCpuMs(redis);
      const times: number[] = [];
      for (let i = 0; i < DEDUPE_SAMPLES; i += 1) {
        const start = performance.now();
        await deduper.check(report(new Date()));
        times.push(performance.now() - start);
      }
      const redisCpu = ((await redisCpuMs(redis)) - redisCpuBefore) / DEDUPE_SAMPLES;
      result.sizes.push({
        size,
        value: median(times),
        notes: `p99 ${percentile(times, 0.99).toFixed(2)} ms, Redis CPU ${(redisCpu * 1000).toFixed(0)} us a check`,
      });
    }
  } finally {
    redis.disconnect();
    await redisServer.stop();
  }
  return result;
}

async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const seconds = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)![1]);
  return (seconds('used_cpu_sys') + seconds('used_cpu_user')) * 1000;
}

/** Syllables, not words: the street names of a town that does not exist, in the demo town's street types. */
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ten', 'bo', 'su', 'vel', 'dor', 'an', 'pe', 'zu', 'ri', 'mon', 'ta', 'gel'];
const syntheticName = (i: number) => {
  let name = '';
  for (let n = i + SYLLABLES.length; n > 0; n = Math.floor(n / SYLLABLES.length)) name += SYLLABLES[n % SYLLABLES.length];
  return name[0]!.toUpperCase() + name.slice(1);
};

const ADDRESSES_PER_STREET = 100;

/** `size` address points on size/100 streets laid out over a big city. */
const streetTypes = (town: Town) => [...new Set(town.rows.map((row) => row.street.split(' ').at(-1)!))];

function syntheticRows(town: Town, size: number): AddressRow[] {
  const types = streetTypes(town);
  const rows: AddressRow[] = [];
  const streetCount = Math.ceil(size / ADDRESSES_PER_STREET);
  for (let s = 0; s < streetCount; s += 1) {
    const street = `${syntheticName(s)} ${types[s % types.length]}`;
    const start = offset(town.center, (Math.random() - 0.5) * CITY_SIDE_M, (Math.random() - 0.5) * CITY_SIDE_M);
    for (let n = 0; n < ADDRESSES_PER_STREET && rows.length < size; n += 1) {
      rows.push({ ...offset(start, n * 15, 0), number: String(2 + 2 * n), street, unit: null });
    }
  }
  return rows;
}

const LOOKUPS = 2000;

/** Gazetteer lookups (an exact address, a misspelt street, the form's suggestions) with 10 thousand to a million addresses. */
export function measureGazetteer(town: Town, sizes: readonly number[]): Scaling[] {
  const exact: Scaling = { name: 'gazetteer: address lookup', unit: 'us median', sizes: [] };
  const typo: Scaling = { name: 'gazetteer: misspelt street lookup', unit: 'us median', sizes: [] };
  const suggest: Scaling = { name: 'gazetteer: form suggestions', unit: 'us median', sizes: [] };
  for (const size of sizes) {
    const rows = syntheticRows(town, size);
    const started = performance.now();
    const gazetteer = Gazetteer.fromRows(rows);
    const built = `built in ${((performance.now() - started) / 1000).toFixed(1)} s`;
    const query = (row: AddressRow, street: string) => ({
      kind: 'address' as const,
      raw: `${row.number} ${street}`,
      number: row.number,
      unit: null,
      street,
      cross_street: null,
    });
    const sample = Array.from({ length: LOOKUPS }, () => pick(rows));
    exact.sizes.push({
      size,
      value: timeEach(LOOKUPS, (i) => geocodeWithGazetteer(gazetteer, query(sample[i]!, sample[i]!.street.toLowerCase()))),
      notes: built,
    });
    // one letter of the name doubled: a slip the fuzzy match must still find
    typo.sizes.push({
      size,
      value: timeEach(LOOKUPS, (i) => geocodeWithGazetteer(gazetteer, query(sample[i]!, sample[i]!.street.replace(/^(\w\w)/, '$1$1')))),
    });
    suggest.sizes.push({
      size,
      value: timeEach(LOOKUPS, (i) => gazetteer.suggest(`${sample[i]!.number} ${sample[i]!.street.slice(0, 5)}`, 8)),
    });
  }
  return [exact, typo, suggest];
}

const NORMALIZED = 1000;

/** The normalizer alone on the corpus (a private Redis for its dedupe and store): CPU of this process per message. */
export async function measureNormalizer(town: Town): Promise<Figure[]> {
  const redisServer = await privateRedis();
  const redis = new Redis(redisServer.url);
  const config = { ...town.config, redis: { ...town.config.redis, url: redisServer.url, prefix: 'bench' } };
  const normalizer = await createNormalizer({
    config,
    redis,
    store: new RequestStore(redis, 'bench', 1),
    log: createLogger({ level: 'warn' }),
    channels,
  });
  try {
    const messages = Array.from({ length: NORMALIZED }, (_, i) => {
      const parsed = InboundMessageInput.parse({ channel: 'web', text: town.texts[i % town.texts.length] });
      // accept gives each message its reference; the normalizer only copies it
      return {
        ...parsed,
        id: newRequestId(),
        received_at: new Date().toISOString(),
        tracking: { reference: newReference(), token: 'bench-token-000000' },
      };
    });
    for (const message of messages.slice(0, 100)) await normalizer.normalize({ ...message, id: newRequestId() });
    const times: number[] = [];
    const cpuBefore = process.cpuUsage();
    for (const message of messages) {
      const start = performance.now();
      await normalizer.normalize(message);
      times.push(performance.now() - start);
    }
    const cpu = process.cpuUsage(cpuBefore);
    return [
      {
        name: 'normalizer, one message at a time',
        unit: 'ms CPU a message',
        value: (cpu.user + cpu.system) / 1000 / NORMALIZED,
        notes: `wall median ${median(times).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms, with Redis`,
      },
    ];
  } finally {
    await normalizer.close();
    redis.disconnect();
    await redisServer.stop();
  }
}

import { InboundMessageInput, RequestStore, createLogger, newReference, newRequestId, type LoadedConfig } from '@intake/core';
import { Deduper, contentStems, createNormalizer, type AddressRow, type DedupeInput } from '@intake/normalizer';
import { startRedisServer } from '@intake/testkit';
import { Redis } from 'ioredis';
import { channels } from '../plugins.js';
import { CITY_SIDE_M, offset, streetTypes, syntheticName } from './city.js';
import type { Figure, Scaling } from './report.js';

/** A Redis of the bench's own, without persistence: a million open requests stay out of the shared one. */
const privateRedis = () => startRedisServer(['--appendonly', 'no']);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;

const CITY_STREETS = 10_000;
const DEDUPE_FILL_BATCH = 1000;
/** checks timed at each size per round, the sizes taking turns each round so a change of load falls on all alike */
const DEDUPE_CHECKS = 400;
const DEDUPE_ROUNDS = 5;
const DEDUPE_WARMUP = 200;

export interface Town {
  config: LoadedConfig;
  center: { lat: number; long: number };
  texts: readonly string[];
  rows: AddressRow[];
}

/**
 * Near-duplicate checks with 10 thousand, 100 thousand and a million open requests (within the window, spread over a
 * big city's streets and every service code, one in ten placed only by its street): each size has a Redis of its own,
 * so the smaller sizes do not pay for the million's keys (one shared keyspace made them slower and the growth look
 * smaller), filled through `Deduper.remember`; then in each of `DEDUPE_ROUNDS` rounds every size in turn is checked
 * `DEDUPE_CHECKS` times, one check at a time, each a new report. The density is a harsh one: a million requests
 * within the window over 900 km² and 15 codes makes about half the checks find a duplicate. A check is timed until
 * its verdict, which is what the normalizer waits for (a duplicate's group is written after it and awaited with the
 * request's save); the notes give the median until that write is done too.
 */
export async function measureDedupe(town: Town, sizes: readonly number[]): Promise<Scaling> {
  const stems = town.texts.map((text) => contentStems(text));
  const codes = town.config.services.map((service) => service.code);
  const types = streetTypes(town.rows);
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
  const servers = await Promise.all(sizes.map(() => privateRedis()));
  const cities = sizes.map((size, i) => {
    const redis = new Redis(servers[i]!.url);
    const deduper = new Deduper(redis, { ...town.config, redis: { ...town.config.redis, prefix: 'bench' } });
    return { size, redis, deduper, times: [] as number[], recordedTimes: [] as number[], redisCpuMs: 0 };
  });
  try {
    for (const city of cities) {
      for (let filled = 0; filled < city.size; filled += DEDUPE_FILL_BATCH)
        await city.deduper.remember(Array.from({ length: Math.min(DEDUPE_FILL_BATCH, city.size - filled) }, () => report()));
      for (let i = 0; i < DEDUPE_WARMUP; i += 1) await city.deduper.check(report(new Date()));
    }
    for (let round = 0; round < DEDUPE_ROUNDS; round += 1) {
      for (const city of cities) {
        const redisCpuBefore = await redisCpuMs(city.redis);
        for (let i = 0; i < DEDUPE_CHECKS; i += 1) {
          const checked = report(new Date());
          const start = performance.now();
          // the verdict is what the normalizer waits for; the duplicate's group it writes after rides with its save
          const { recorded } = await city.deduper.decide(checked);
          city.times.push(performance.now() - start);
          await recorded;
          city.recordedTimes.push(performance.now() - start);
        }
        city.redisCpuMs += (await redisCpuMs(city.redis)) - redisCpuBefore;
      }
    }
  } finally {
    for (const city of cities) city.redis.disconnect();
    await Promise.all(servers.map((server) => server.stop()));
  }
  return {
    name: 'near-duplicate check',
    unit: 'ms median',
    target: { maxValue: 1, maxGrowth: 1.5 },
    sizes: cities.map(({ size, times, recordedTimes, redisCpuMs: cpu }) => ({
      size,
      value: median(times),
      notes: `p99 ${percentile(times, 0.99).toFixed(2)} ms, median ${median(recordedTimes).toFixed(2)} ms until its write is done, Redis CPU ${((cpu * 1000) / times.length).toFixed(0)} us a check`,
    })),
  };
}

async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const seconds = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)![1]);
  return (seconds('used_cpu_sys') + seconds('used_cpu_user')) * 1000;
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

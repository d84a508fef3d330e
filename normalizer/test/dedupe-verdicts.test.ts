import { distanceMeters, type LoadedConfig } from '@intake/core';
import type { Redis } from 'ioredis';
import { Deduper, type DedupeInput, type DedupeVerdict } from '../src/index.js';
import { similarity } from '../src/language.js';
import { deleteKeys, redisFor, testConfig } from './helpers.js';

/** A seeded generator, so a failure repeats. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ORIGIN = { lat: 51.17, long: -115.57 };
/**
 * Points on a 20 m grid: two of them are never within 3 m of the 75 m radius, so the geo index's rounding of a
 * position cannot put a pair on the other side of it than the distance does.
 */
const GRID_M = 20;
const GRID_CELLS = 50;
const STEMS = ['pothol', 'big', 'tire', 'deep', 'road', 'crack', 'light', 'out'];
const TOPICS = ['road', 'light', 'water', 'wildlife'];
/** enough streets that none holds more reports of a code than a check reads along it (the indexes' bound) */
const STREETS = Array.from({ length: 24 }, (_, i) => `street ${i + 1}`);
const CODES = ['POTHOLE', 'STREETLIGHT', 'SNOW', 'GRAFFITI'];
const SENDERS = ['phone:+14035550101', 'phone:+14035550102', 'phone:+14035550103', 'email:a@example.org'];

interface Known extends DedupeInput {
  root: string | null;
}

/** The definition, comparing with every earlier request, no index in between; `matched` is the request it repeats. */
function straightforwardVerdict(config: LoadedConfig, earlier: readonly Known[], self: DedupeInput): DedupeVerdict & { matched?: Known } {
  const { radius_m: radius, window_hours: hours, sender_window_minutes: minutes, text_similarity: threshold } = config.dedupe;
  const at = (request: DedupeInput) => Date.parse(request.received_at);
  const apart = (other: DedupeInput) => Math.abs(at(self) - at(other));
  const near = (other: DedupeInput) => self.point !== null && other.point !== null && distanceMeters(self.point, other.point) <= radius;
  const overlap = (a: string[], b: string[]) =>
    a.length === 0 || b.length === 0 ? 0 : a.filter((topic) => b.includes(topic)).length / Math.min(a.length, b.length);
  const similar = (other: DedupeInput) => Math.max(similarity(self.stems, other.stems), overlap(self.topics, other.topics)) >= threshold;
  const sameSender = (other: Known) =>
    self.sender !== null &&
    other.sender === self.sender &&
    apart(other) <= minutes * 60_000 &&
    (self.point === null || other.point === null || near(other)) &&
    ((self.service_code !== null && self.service_code === other.service_code) || similar(other));
  const alongStreet = (other: Known) => (!self.precise || !other.precise) && other.streets.some((street) => self.streets.includes(street));
  const nearRepeat = (other: Known) =>
    self.service_code !== null &&
    other.service_code === self.service_code &&
    apart(other) <= hours * 3_600_000 &&
    similar(other) &&
    (near(other) || alongStreet(other));
  const first = (matches: (other: Known) => boolean) => earlier.filter(matches).sort((a, b) => at(a) - at(b))[0];
  const sender = first(sameSender);
  if (sender) return { duplicate_of: sender.root ?? sender.id, kind: 'sender', matched: sender };
  const nearby = first(nearRepeat);
  return nearby ? { duplicate_of: nearby.root ?? nearby.id, kind: 'near', matched: nearby } : { duplicate_of: null, kind: null };
}

describe('Deduper verdicts on many random reports', () => {
  let redis: Redis;
  let config: LoadedConfig;

  beforeAll(() => {
    redis = redisFor();
    config = testConfig();
  });
  afterAll(async () => {
    await deleteKeys(redis, config.redis.prefix);
    redis.disconnect();
  });

  it('are those of comparing each report with every earlier one, for open requests remembered and checked alike', async () => {
    const random = seeded(10);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const some = <T>(items: readonly T[], most: number) => [
      ...new Set(Array.from({ length: Math.floor(random() * (most + 1)) }, () => pick(items))),
    ];
    const now = Date.now();
    let id = 0;
    const report = (receivedAt: number): DedupeInput => {
      const north = Math.floor(random() * GRID_CELLS) * GRID_M;
      const east = Math.floor(random() * GRID_CELLS) * GRID_M;
      return {
        id: `r-${(id += 1)}`,
        received_at: new Date(receivedAt).toISOString(),
        service_code: pick(CODES),
        point: { lat: ORIGIN.lat + north / 111_195, long: ORIGIN.long + east / (111_195 * Math.cos((ORIGIN.lat * Math.PI) / 180)) },
        sender: random() < 0.5 ? pick(SENDERS) : null,
        stems: some(STEMS, 4),
        topics: some(TOPICS, 2),
        streets: random() < 0.1 ? some(STREETS, 2) : [pick(STREETS)],
        precise: random() > 0.2,
      };
    };
    const hour = 3_600_000;
    // open requests over the whole window and a little before it; a quarter of them within the sender window's reach
    const open = Array.from({ length: 600 }, () => report(now - (random() < 0.25 ? random() * hour * 0.25 : random() * hour * 75)));
    const deduper = new Deduper(redis, config);
    await deduper.remember(open);
    const known: Known[] = open.map((request) => ({ ...request, root: null }));
    const counts = { sender: 0, near: 0, none: 0, throughAnother: 0 };
    let last = now;
    for (let i = 0; i < 900; i += 1) {
      last = Math.max(Date.now(), last + 1);
      const checked = report(last);
      const { matched, ...expected } = straightforwardVerdict(config, known, checked);
      expect({ id: checked.id, ...(await deduper.check(checked)) }).toEqual({ id: checked.id, ...expected });
      known.push({ ...checked, root: expected.duplicate_of });
      counts[expected.kind ?? 'none'] += 1;
      if (matched?.root) counts.throughAnother += 1;
    }
    // the random reports reach every kind of verdict, and repeats of a repeat, which go to the group's first request
    expect(counts).toEqual({
      sender: expect.any(Number),
      near: expect.any(Number),
      none: expect.any(Number),
      throughAnother: expect.any(Number),
    });
    for (const count of Object.values(counts)) expect(count).toBeGreaterThan(30);
  });
});

/**
 * `pnpm eval`: runs the labelled corpus (normalizer/eval/corpus.jsonl) through the real normalizer on the demo
 * config and a real Redis, and prints how often it got each thing right. Usage:
 *   node normalizer/dist/eval/index.js [corpus.jsonl] [--config intake.yaml] [--split dev|test|all] [--misses]
 * Improve against `--split dev` (the only half whose misses should be read) and check that `test` scores alike.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger, distanceMeters, InboundMessage, loadConfig, RequestStore, type Channel, type ServiceRequest } from '@intake/core';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { fold } from '../language.js';
import { createNormalizer } from '../normalizer.js';
import { corpusChannels } from './channels.js';
import { parseStreetName } from '../streets.js';

const CorpusEntry = z.object({
  id: z.string(),
  channel: z.string(),
  text: z.string(),
  subject: z.string().nullish(),
  sender: z.object({ phone: z.string().nullish(), email: z.string().nullish() }).nullish(),
  received_at: z.string().nullish(),
  expected: z.object({
    service_code: z.string().nullable(),
    address: z.string().nullable(),
    precision: z.string(),
    lat: z.number().nullable(),
    long: z.number().nullable(),
  }),
  dedupe_group: z.string().nullable().default(null),
});
type CorpusEntry = z.infer<typeof CorpusEntry>;

const GEOCODE_TOLERANCE_M = 25;
/** A street is a line, not a point: its label point says little, so it is reported apart (see eval/README.md). */
const POINT_PRECISIONS = new Set(['address', 'intersection', 'coordinates']);

const SPLITS = ['dev', 'test', 'all'] as const;
type Split = (typeof SPLITS)[number];

/**
 * The half an entry belongs to, from a hash of its id: fixed, about half each, unrelated to content. Members of a
 * dedupe group go together (hashed by the group's id), or neither half could measure finding repeats.
 */
export function splitOf(entry: Pick<CorpusEntry, 'id' | 'dedupe_group'>): 'dev' | 'test' {
  const digest = createHash('sha256').update(entry.dedupe_group ?? entry.id).digest();
  return digest.readUInt32BE(0) % 2 === 0 ? 'dev' : 'test';
}

/**
 * A label reduced to what identifies the place: "211 Bear St" and "211 Bear Street, Unit 3" are one address, and
 * "300 block of Banff Avenue" is Banff Avenue, as the corpus labels a block (eval/README.md, precision `street`).
 */
export function placeKey(label: string): string {
  const withoutUnit = label.replace(/,?\s*(unit|apt|suite|#)\s*\S+$/i, '').replace(/^[^,]*,\s*(?=\d)/, '');
  const streetKey = (name: string) => parseStreetName(name)?.key ?? fold(name).trim();
  if (/\s(&|and|at)\s/i.test(withoutUnit)) return withoutUnit.split(/\s(?:&|and|at)\s/i).map(streetKey).sort().join(' & ');
  const block = /^(\d+)\s+block\s+of\s+(.+)$/i.exec(withoutUnit);
  if (block) return streetKey(block[2]!);
  const address = /^(\d+[A-Za-z]?)\s+(.+)$/.exec(withoutUnit);
  if (address) return `${address[1]!.toLowerCase()} ${streetKey(address[2]!)}`;
  return streetKey(withoutUnit);
}

function addressRight(entry: CorpusEntry, got: ServiceRequest['location']): boolean {
  const expected = entry.expected;
  if (expected.precision === 'none') return got.precision === 'none';
  if (expected.precision === 'coordinates') return got.precision === 'coordinates';
  return got.address !== null && expected.address !== null && placeKey(got.address) === placeKey(expected.address);
}

function readCorpus(file: string): CorpusEntry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, number]) => {
      const parsed = CorpusEntry.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${number}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return parsed.data;
    });
}

interface Tally {
  right: number;
  total: number;
}
const ratio = ({ right, total }: Tally) => (total === 0 ? 'n/a' : `${((100 * right) / total).toFixed(1)}%`);

function printTable(rows: [string, Tally][]) {
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`${'metric'.padEnd(width)}  ${'right'.padStart(6)}  ${'of'.padStart(6)}  ${'score'.padStart(7)}`);
  for (const [name, tally] of rows) console.log(`${name.padEnd(width)}  ${String(tally.right).padStart(6)}  ${String(tally.total).padStart(6)}  ${ratio(tally).padStart(7)}`);
}

async function main() {
  const args = process.argv.slice(2);
  const configAt = args.indexOf('--config');
  const configFile = configAt >= 0 ? args[configAt + 1]! : path.resolve(__dirname, '../../../packages/gateway/demo/intake.yaml');
  const corpusFile = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--config' && args[i - 1] !== '--split') ?? path.resolve(__dirname, '../../eval/corpus.jsonl');
  if (!existsSync(corpusFile)) {
    console.error(`no corpus at ${corpusFile}: write one JSON message per line (see normalizer/README.md)`);
    process.exitCode = 1;
    return;
  }
  const splitAt = args.indexOf('--split');
  const split = (splitAt >= 0 ? args[splitAt + 1] : 'all') as Split;
  if (!SPLITS.includes(split)) {
    console.error(`--split must be one of ${SPLITS.join(', ')}`);
    process.exitCode = 1;
    return;
  }
  const corpus = readCorpus(corpusFile).filter((entry) => split === 'all' || splitOf(entry) === split);
  // Geocoder options are checked by createNormalizer; destinations are not the normalizer's business.
  const loaded = loadConfig({ file: configFile, env: process.env });
  const config = { ...loaded, redis: { ...loaded.redis, prefix: `eval-${randomUUID()}` } };
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 1 });
  const normalizer = await createNormalizer({ config, redis, store: new RequestStore(redis, config.redis.prefix, 1), log: createLogger({ level: 'silent' }), channels: corpusChannels });

  // Dedupe depends on order: messages go through in the order they were received.
  const base = Date.parse('2026-01-05T08:00:00Z');
  const ordered = corpus.map((entry, i) => ({ entry, at: entry.received_at ?? new Date(base + i * 60_000).toISOString() })).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const tallies = { address: { right: 0, total: 0 }, geocode: { right: 0, total: 0 }, street: { right: 0, total: 0 }, service: { right: 0, total: 0 } };
  const groupOf = new Map<string, string | null>();
  const seenGroups = new Set<string>();
  const dedupe = { flagged: 0, flaggedRight: 0, shouldFlag: 0, found: 0 };
  const misses: string[] = [];
  const started = process.hrtime.bigint();
  try {
    for (const { entry, at } of ordered) {
      const message = InboundMessage.parse({
        id: randomUUID(),
        channel: entry.channel as Channel,
        received_at: at,
        text: entry.text,
        subject: entry.subject ?? null,
        sender: { phone: entry.sender?.phone ?? null, email: entry.sender?.email ?? null },
      });
      const { record } = (await normalizer.normalize(message)).request;
      groupOf.set(record.id, entry.dedupe_group);
      const addressOk = addressRight(entry, record.location);
      tallies.address.total += 1;
      tallies.address.right += Number(addressOk);
      if (entry.expected.lat !== null && entry.expected.long !== null) {
        const tally = POINT_PRECISIONS.has(entry.expected.precision) ? tallies.geocode : tallies.street;
        const near = record.location.lat !== null && record.location.long !== null && distanceMeters(record.location as { lat: number; long: number }, entry.expected as { lat: number; long: number }) <= GEOCODE_TOLERANCE_M;
        tally.total += 1;
        tally.right += Number(near);
        if (!near && tally === tallies.geocode) misses.push(`${entry.id}: point ${record.location.lat},${record.location.long} is ${record.location.lat === null ? 'missing' : `${Math.round(distanceMeters(record.location as { lat: number; long: number }, entry.expected as { lat: number; long: number }))} m off`} (${entry.expected.precision})`);
      }
      tallies.service.total += 1;
      tallies.service.right += Number(record.service_code === entry.expected.service_code);
      if (!addressOk || record.service_code !== entry.expected.service_code) {
        misses.push(`${entry.id}: want ${entry.expected.service_code} @ ${entry.expected.address ?? entry.expected.precision}, got ${record.service_code} @ ${record.location.address ?? record.location.precision}`);
      }
      const group = entry.dedupe_group;
      if (group !== null && seenGroups.has(group)) {
        dedupe.shouldFlag += 1;
        if (record.duplicate_of === null) misses.push(`${entry.id}: not found as a repeat in group ${group} (${record.service_code} @ ${record.location.address ?? record.location.precision})`);
      }
      if (record.duplicate_of !== null) {
        dedupe.flagged += 1;
        const right = group !== null && groupOf.get(record.duplicate_of) === group;
        dedupe.flaggedRight += Number(right);
        if (group !== null && seenGroups.has(group)) dedupe.found += Number(right);
      }
      if (group !== null) seenGroups.add(group);
    }
  } finally {
    const keys = await redis.keys(`${config.redis.prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await normalizer.close();
    redis.disconnect();
  }
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`${corpus.length} messages (split ${split}) from ${path.relative(process.cwd(), corpusFile)}, ${(elapsedMs / corpus.length).toFixed(2)} ms each\n`);
  printTable([
    ['address extraction', tallies.address],
    [`geocode within ${GEOCODE_TOLERANCE_M} m`, tallies.geocode],
    [`  street points within ${GEOCODE_TOLERANCE_M} m (indicative)`, tallies.street],
    ['classification', tallies.service],
    ['dedupe precision', { right: dedupe.flaggedRight, total: dedupe.flagged }],
    ['dedupe recall', { right: dedupe.found, total: dedupe.shouldFlag }],
  ]);
  if (args.includes('--misses')) console.log(`\n${misses.join('\n')}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

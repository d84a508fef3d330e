/**
 * `pnpm eval`: runs every labelled corpus through the real normalizer on its town's config and a real Redis, and
 * prints how often it got each thing right, on the dev and the test half side by side. Usage:
 *   node normalizer/dist/eval/index.js [--corpus banff|<a folder of eval/towns>|<that folder>-learned] [--misses]
 * Improve against the dev half (the only half whose misses are printed) and report the test half.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createLogger, distanceMeters, InboundMessage, loadConfig, RequestStore, type Channel, type ServiceRequest } from '@intake/core';
import { Redis } from 'ioredis';
import { readExamples } from '../learn.js';
import { trainTown } from '../learn-town.js';
import { createNormalizer } from '../normalizer.js';
import { corpusChannels } from './channels.js';
import { placeKey, readCorpus, splitOf, type CorpusEntry } from './corpus.js';

export { placeKey, splitOf } from './corpus.js';

const EVAL_DIR = path.resolve(__dirname, '../../eval');
const TOWNS_DIR = path.join(EVAL_DIR, 'towns');
interface Suite {
  name: string;
  corpus: string;
  config: string;
  history?: string;
}

/** A town's folder: its corpus on its own config, and once more trained on its history when it has one. */
function townSuites(name: string): Suite[] {
  const file = (base: string) => path.join(TOWNS_DIR, name, base);
  const suite = { name, corpus: file('corpus.jsonl'), config: file('intake.yaml') };
  return existsSync(file('history.csv')) ? [suite, { ...suite, name: `${name}-learned`, history: file('history.csv') }] : [suite];
}

/** Banff's corpus, then every folder of eval/towns/ holding a corpus and a config: a new town is a folder and nothing else. */
const SUITES: Suite[] = [
  { name: 'banff', corpus: path.join(EVAL_DIR, 'corpus.jsonl'), config: path.resolve(EVAL_DIR, '../../packages/gateway/demo/intake.yaml') },
  ...readdirSync(TOWNS_DIR)
    .filter((name) => existsSync(path.join(TOWNS_DIR, name, 'corpus.jsonl')) && existsSync(path.join(TOWNS_DIR, name, 'intake.yaml')))
    .sort()
    .flatMap(townSuites),
];

/** How far a point may be from the label's: a crossing's own point is fuzzier than a lot's. */
const TOLERANCE_M = { address: 25, intersection: 60, street: 25, coordinates: 25, none: 0 } as const;

interface Tally {
  right: number;
  total: number;
}
type Tallies = Map<string, Tally>;
type Location = ServiceRequest['location'];

const pointOff = (entry: CorpusEntry, got: Location): number | null =>
  got.lat === null || got.long === null || entry.expected.lat == null || entry.expected.long == null
    ? null
    : distanceMeters(got as { lat: number; long: number }, entry.expected as { lat: number; long: number });

/** The place found is the labelled one: the same address, crossing or street, and for points within the tolerance. */
function locationRight(entry: CorpusEntry, got: Location): boolean {
  const { precision, address } = entry.expected;
  if (precision === undefined) return true;
  if (precision === 'none') return got.precision === 'none';
  const off = pointOff(entry, got);
  const near = off !== null && off <= TOLERANCE_M[precision];
  if (precision === 'coordinates') return got.precision === 'coordinates' && near;
  const sameplace = got.address !== null && address != null && placeKey(got.address) === placeKey(address);
  // A street is a line: its label point says little, so a street is right by name (its point is reported apart).
  return sameplace && (precision === 'street' || near);
}

function count(tallies: Tallies, key: string, right: boolean) {
  const tally = tallies.get(key) ?? { right: 0, total: 0 };
  tally.total += 1;
  tally.right += Number(right);
  tallies.set(key, tally);
}

/** Scores one record against its label, into the tallies of its half. */
function score(entry: CorpusEntry, record: ServiceRequest, tallies: Tallies, misses: string[]) {
  const { expected } = entry;
  const serviceOk = record.service_code === expected.service_code;
  count(tallies, 'service', serviceOk);
  if (expected.intent !== undefined) count(tallies, 'intent', record.intent === expected.intent);
  const where = `${record.location.address ?? record.location.precision}`;
  if (expected.precision !== undefined) {
    const locationOk = locationRight(entry, record.location);
    for (const key of ['location', `  kind ${expected.precision}`, `  channel ${entry.channel}`, `  language ${entry.lang ?? '?'}`])
      count(tallies, key, locationOk);
    if (expected.precision === 'none') count(tallies, 'no-place messages given no place', record.location.precision === 'none');
    if (expected.precision === 'street')
      count(tallies, '  street point within 25 m (indicative)', (pointOff(entry, record.location) ?? Infinity) <= TOLERANCE_M.street);
    if (!locationOk) {
      const off = pointOff(entry, record.location);
      misses.push(
        `${entry.id}: place: want ${expected.address ?? expected.precision} (${expected.precision}), got ${where} (${record.location.precision}${off === null ? '' : `, ${Math.round(off)} m off`})`,
      );
    }
  }
  if (!serviceOk)
    misses.push(
      `${entry.id}: service: want ${expected.service_code}, got ${record.service_code} (${record.intent}) | ${entry.text.replace(/\s+/g, ' ').slice(0, 110)}`,
    );
}

async function runSuite(suite: Suite) {
  const corpus = readCorpus(suite.corpus);
  const loaded = loadConfig({ file: suite.config, env: process.env });
  const config = { ...loaded, redis: { ...loaded.redis, prefix: `eval-${randomUUID()}` } };
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 1 });
  const normalizer = await createNormalizer({
    config,
    redis,
    store: new RequestStore(redis, config.redis.prefix, 1),
    log: createLogger({ level: 'silent' }),
    channels: corpusChannels,
    learned:
      suite.history === undefined ? null : trainTown(config.services, config.classification.fallback_code, readExamples(suite.history)),
  });
  const halves = { dev: new Map() as Tallies, test: new Map() as Tallies };
  const misses: string[] = [];
  const dedupe = {
    dev: { flagged: 0, flaggedRight: 0, shouldFlag: 0, found: 0 },
    test: { flagged: 0, flaggedRight: 0, shouldFlag: 0, found: 0 },
  };
  const groupOf = new Map<string, string | null>();
  const seenGroups = new Set<string>();
  const base = Date.parse('2026-01-05T08:00:00Z');
  // Dedupe depends on order: messages go through in the order they were received.
  const ordered = corpus
    .map((entry, i) => ({ entry, at: entry.received_at ?? new Date(base + i * 60_000).toISOString() }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
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
      const half = splitOf(entry);
      score(entry, record, halves[half], half === 'dev' ? misses : []);
      groupOf.set(record.id, entry.dedupe_group);
      const tally = dedupe[half];
      const group = entry.dedupe_group;
      if (group !== null && seenGroups.has(group)) tally.shouldFlag += 1;
      if (record.duplicate_of !== null) {
        const right = group !== null && groupOf.get(record.duplicate_of) === group;
        tally.flagged += 1;
        tally.flaggedRight += Number(right);
        if (seenGroups.has(group ?? '')) tally.found += Number(right);
      }
      if (group !== null) seenGroups.add(group);
    }
  } finally {
    const keys = await redis.keys(`${config.redis.prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await normalizer.close();
    redis.disconnect();
  }
  for (const half of ['dev', 'test'] as const) {
    if (dedupe[half].shouldFlag === 0) continue;
    halves[half].set('dedupe precision', { right: dedupe[half].flaggedRight, total: dedupe[half].flagged });
    halves[half].set('dedupe recall', { right: dedupe[half].found, total: dedupe[half].shouldFlag });
  }
  return { corpus, halves, misses };
}

const ratio = (tally: Tally | undefined) =>
  tally === undefined || tally.total === 0 ? '' : `${((100 * tally.right) / tally.total).toFixed(1)}% of ${tally.total}`;

function printSuite(name: string, size: number, halves: { dev: Tallies; test: Tallies }) {
  const order = (key: string) => ['service', 'intent', 'location', 'no-place'].findIndex((prefix) => key.startsWith(prefix));
  const keys = [...new Set([...halves.dev.keys(), ...halves.test.keys()])];
  // Breakdowns stay under the figure they break down: each "  ..." row after the row it follows in the first half.
  const top = keys.filter((key) => !key.startsWith('  ')).sort((a, b) => order(a) - order(b));
  const rows = top.flatMap((key) => (key === 'location' ? [key, ...keys.filter((k) => k.startsWith('  ')).sort()] : [key]));
  const width = Math.max(...rows.map((row) => row.length), 10);
  console.log(`\n${name}: ${size} messages\n${'metric'.padEnd(width)}  ${'dev'.padStart(14)}  ${'test (held out)'.padStart(16)}`);
  for (const row of rows)
    console.log(`${row.padEnd(width)}  ${ratio(halves.dev.get(row)).padStart(14)}  ${ratio(halves.test.get(row)).padStart(16)}`);
}

async function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : undefined;
  const suites = SUITES.filter((suite) => only === undefined || suite.name === only);
  if (suites.length === 0) throw new Error(`--corpus must be one of ${SUITES.map((suite) => suite.name).join(', ')}`);
  for (const suite of suites) {
    const { corpus, halves, misses } = await runSuite(suite);
    printSuite(suite.name, corpus.length, halves);
    if (args.includes('--misses')) console.log(`\ndev misses:\n${misses.join('\n')}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

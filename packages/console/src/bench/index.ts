/**
 * Lists and searches an index of a million requests (`pnpm bench:index`; `pnpm bench:index --postgres URL` for PostgreSQL too).
 * Requests are made up from the demo town's streets and a few dozen words, with a few rare words, so that common
 * and rare searches both occur; each query is timed over several runs and the median printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgresIndex } from '../search/postgres.js';
import { openSqliteIndex } from '../search/sqlite.js';
import type { IndexedRequest } from '../search/document.js';
import type { IndexQuery } from '../search/query.js';
import type { RequestIndex } from '../search/request-index.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000000' }, postgres: { type: 'string' } } });
const COUNT = Number(values.count);
const STREETS = [
  'Bear Street',
  'Wolf Street',
  'Caribou Street',
  'Elk Street',
  'Banff Avenue',
  'Lynx Street',
  'Moose Street',
  'Muskrat Street',
  'Otter Street',
  'Beaver Street',
];
const WORDS = [
  'pothole',
  'deep',
  'streetlight',
  'out',
  'dark',
  'graffiti',
  'wall',
  'garbage',
  'missed',
  'pickup',
  'tree',
  'branch',
  'down',
  'snow',
  'ice',
  'sidewalk',
  'cracked',
  'noise',
  'party',
  'parked',
  'car',
  'blocking',
  'water',
  'leak',
  'drain',
  'blocked',
  'sign',
  'bent',
  'elk',
  'road',
];
const SERVICES = ['POTHOLE', 'STREETLIGHT', 'GRAFFITI', 'GARBAGE', 'TREE', 'SNOW', 'SIDEWALK', 'NOISE', 'PARKING', 'WATER'];
const CHANNELS = ['web', 'sms', 'email', 'voice', 'slack'];
const START = Date.parse('2024-01-01T00:00:00Z');

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;

function made(i: number): IndexedRequest {
  const street = pick(STREETS);
  const words = Array.from({ length: 6 }, () => pick(WORDS));
  if (i % 100_000 === 0) words.push('zeppelin'); // a rare word: ten requests in a million
  return {
    id: `01J${String(i).padStart(23, '0')}`,
    reference: i.toString(36).toUpperCase().padStart(6, '2'),
    received_at: START + i * 60_000,
    channel: pick(CHANNELS),
    service_code: pick(SERVICES),
    status: pick(['routed', 'delivered', 'closed', 'in_progress', 'failed']),
    description: words.join(' '),
    address: `${1 + (i % 400)} ${street}`,
    street,
    lat: 51.17 + random() * 0.02,
    long: -115.58 + random() * 0.02,
    phone: i % 3 === 0 ? `+1403555${String(i % 10_000).padStart(4, '0')}` : null,
    email: null,
    duplicate_of: null,
  };
}

async function fill(index: RequestIndex) {
  const started = Date.now();
  for (let from = 0; from < COUNT; from += 1000) {
    await index.upsert(Array.from({ length: Math.min(1000, COUNT - from) }, (_, k) => made(from + k)));
  }
  return (Date.now() - started) / 1000;
}

async function timed(index: RequestIndex, query: IndexQuery, runs = 7) {
  const times: number[] = [];
  let rows = 0;
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    rows = (await index.search(query)).length;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { median: times.sort((a, b) => a - b)[Math.floor(runs / 2)]!, rows };
}

async function measure(name: string, index: RequestIndex) {
  const filled = await fill(index);
  const analyzing = Date.now();
  await index.analyze();
  console.log(
    `${name}: indexing ${COUNT.toLocaleString('en')} requests took ${filled.toFixed(0)} s, analyzing them ${((Date.now() - analyzing) / 1000).toFixed(0)} s; ${await index.count()} rows`,
  );
  const deep = made(Math.floor(COUNT / 2));
  const month = START + Math.floor(COUNT * 0.4) * 60_000;
  const queries: [string, IndexQuery][] = [
    ['list, first page', { limit: 51 }],
    ['list, a page half way down (cursor)', { limit: 51, before: { received_at: deep.received_at, id: deep.id } }],
    ['search a common word ("pothole")', { words: 'pothole', limit: 51 }],
    ['search two words ("deep pothole")', { words: 'deep pothole', limit: 51 }],
    ['search a rare word ("zeppelin")', { words: 'zeppelin', limit: 51 }],
    ['search a prefix ("streetl")', { words: 'streetl', limit: 51 }],
    ['street + service', { street: 'Bear Street', service_code: 'POTHOLE', limit: 51 }],
    ['words + channel + a month', { words: 'graffiti', channel: 'sms', from_ms: month, to_ms: month + 30 * 86_400_000, limit: 51 }],
    ['exact phone', { phone: '+14035550300', limit: 51 }],
    ['reference', { reference: made(777_777 % COUNT).reference, limit: 51 }],
  ];
  for (const [label, query] of queries) {
    const { median, rows } = await timed(index, query);
    console.log(`  ${label.padEnd(40)} ${median.toFixed(2).padStart(8)} ms  (${rows} rows)`);
  }
  await index.close();
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'intake-index-bench-'));
  try {
    await measure('sqlite', openSqliteIndex(path.join(dir, 'index.sqlite')));
    if (values.postgres) {
      const schema = `bench_${process.pid}`;
      await measure('postgres', await openPostgresIndex(values.postgres, schema));
      const client = new pg.Client({ connectionString: values.postgres });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

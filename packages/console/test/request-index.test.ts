import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresIndex } from '../src/search/postgres.js';
import { openSqliteIndex } from '../src/search/sqlite.js';
import type { IndexedRequest } from '../src/search/document.js';
import type { RequestIndex } from '../src/search/request-index.js';

const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `index_test_${randomUUID().slice(0, 8)}`;
const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T12:00:00Z');

const request = (n: number, fields: Partial<IndexedRequest> = {}): IndexedRequest => ({
  id: `01JD${String(n).padStart(22, '0')}`,
  reference: `R${String(n).padStart(5, '0')}`,
  received_at: T0 + n * DAY,
  channel: 'sms',
  service_code: 'POTHOLE',
  status: 'routed',
  description: `report number ${n}`,
  address: `${n} Bear Street`,
  street: 'Bear Street',
  lat: 51.17,
  long: -115.57,
  phone: null,
  email: null,
  duplicate_of: null,
  ...fields,
});

const implementations: [string, () => Promise<RequestIndex>][] = [
  ['sqlite', async () => openSqliteIndex(':memory:')],
  ['postgres', () => openPostgresIndex(POSTGRES_URL, SCHEMA)],
];

afterAll(async () => {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await client.end();
});

describe.each(implementations)('the %s request index', (_name, open) => {
  let index: RequestIndex;
  const ids = (rows: IndexedRequest[]) => rows.map((row) => row.reference);

  beforeAll(async () => {
    index = await open();
    await index.upsert([
      request(1, { description: 'Huge pothole outside the bakery', channel: 'web' }),
      request(2, {
        description: 'Streetlight flickering all night',
        service_code: 'STREETLIGHT',
        address: 'Wolf Street and Bear Street',
        street: 'Wolf Street and Bear Street',
      }),
      request(3, { description: 'Another pothole, deeper now', phone: '+14035550123', status: 'failed' }),
      request(4, {
        description: 'Árbol caído en la calle',
        service_code: 'TREE',
        email: 'vecina@example.org',
        address: '10 Caribou Street',
        street: 'Caribou Street',
      }),
      request(5, { description: 'pothole again', duplicate_of: request(3).id }),
    ]);
  });
  afterAll(async () => index.close());

  it('lists newest first and pages by cursor without skipping or repeating', async () => {
    const first = await index.search({ limit: 2 });
    expect(ids(first)).toEqual(['R00005', 'R00004']);
    const last = first.at(-1)!;
    const second = await index.search({ limit: 2, before: { received_at: last.received_at, id: last.id } });
    expect(ids(second)).toEqual(['R00003', 'R00002']);
    expect(await index.count()).toBe(5);
  });

  it('finds words of the description and address, by prefix, all words required, accents folded or not', async () => {
    expect(ids(await index.search({ words: 'pothole', limit: 10 }))).toEqual(['R00005', 'R00003', 'R00001']);
    expect(ids(await index.search({ words: 'pot deeper', limit: 10 }))).toEqual(['R00003']);
    expect(ids(await index.search({ words: 'wolf', limit: 10 }))).toEqual(['R00002']);
    expect(ids(await index.search({ words: 'caído', limit: 10 }))).toEqual(['R00004']);
    // query syntax is not passed through: quotes, stars and operators are only separators
    expect(ids(await index.search({ words: '"pothole" OR * NEAR(', limit: 10 }))).toEqual([]);
    expect(ids(await index.search({ words: 'pothole)(*', limit: 10 }))).toEqual(['R00005', 'R00003', 'R00001']);
  });

  it('filters by exact fields and a time range, together with words', async () => {
    expect(ids(await index.search({ phone: '+14035550123', limit: 10 }))).toEqual(['R00003']);
    expect(ids(await index.search({ email: 'vecina@example.org', limit: 10 }))).toEqual(['R00004']);
    expect(ids(await index.search({ reference: 'R00002', limit: 10 }))).toEqual(['R00002']);
    expect(ids(await index.search({ street: 'bear street', limit: 10 }))).toEqual(['R00005', 'R00003', 'R00001']);
    expect(ids(await index.search({ service_code: 'STREETLIGHT', limit: 10 }))).toEqual(['R00002']);
    expect(ids(await index.search({ channel: 'web', limit: 10 }))).toEqual(['R00001']);
    expect(ids(await index.search({ status: 'failed', limit: 10 }))).toEqual(['R00003']);
    expect(ids(await index.search({ duplicate_of: request(3).id, limit: 10 }))).toEqual(['R00005']);
    expect(ids(await index.search({ from_ms: T0 + 2 * DAY, to_ms: T0 + 4 * DAY, limit: 10 }))).toEqual(['R00003', 'R00002']);
    expect(ids(await index.search({ words: 'pothole', from_ms: T0 + 2 * DAY, limit: 10 }))).toEqual(['R00005', 'R00003']);
  });

  it('replaces a request on a second upsert: its new words are found and its old ones are not', async () => {
    await index.upsert([request(1, { description: 'Filled in by the crew', status: 'closed', channel: 'web' })]);
    expect(ids(await index.search({ words: 'crew', limit: 10 }))).toEqual(['R00001']);
    expect(ids(await index.search({ words: 'bakery', limit: 10 }))).toEqual([]);
    expect(ids(await index.search({ status: 'closed', limit: 10 }))).toEqual(['R00001']);
    expect(await index.count()).toBe(5);
  });

  it('writes only the rows that changed, and a change of status alone keeps the words found', async () => {
    const bench = request(9, { description: 'Broken bench by the river', received_at: T0 - 50 * DAY });
    expect(await index.upsert([bench])).toBe(1);
    expect(await index.upsert([bench])).toBe(0);
    expect(await index.upsert([{ ...bench, status: 'delivered' }])).toBe(1);
    expect(ids(await index.search({ words: 'bench river', status: 'delivered', limit: 10 }))).toEqual(['R00009']);
    expect(await index.upsert([{ ...bench, status: 'delivered', description: 'Bench fixed' }])).toBe(1);
    expect(ids(await index.search({ words: 'river', limit: 10 }))).toEqual([]);
    expect(ids(await index.search({ words: 'fixed', limit: 10 }))).toEqual(['R00009']);
    await index.remove([bench.id]);
  });

  it('pages through requests received in the same millisecond without skipping or repeating', async () => {
    const same = [6, 7, 8].map((n) => request(n, { received_at: T0 + 100 * DAY, description: 'same instant' }));
    await index.upsert(same);
    const first = await index.search({ words: 'instant', limit: 2 });
    const last = first.at(-1)!;
    const second = await index.search({ words: 'instant', limit: 2, before: { received_at: last.received_at, id: last.id } });
    expect([...ids(first), ...ids(second)].sort()).toEqual(['R00006', 'R00007', 'R00008']);
    expect(ids(await index.search({ limit: 3 })).sort()).toEqual(['R00006', 'R00007', 'R00008']);
  });

  it('forgets removed requests, their words included', async () => {
    await index.remove([request(3).id, 'NOT-INDEXED']);
    expect(ids(await index.search({ words: 'pothole', limit: 10 }))).toEqual(['R00005']);
    expect(ids(await index.search({ phone: '+14035550123', limit: 10 }))).toEqual([]);
    await index.analyze();
    expect(ids(await index.search({ words: 'pothole', limit: 10 }))).toEqual(['R00005']);
  });
});

describe('the sqlite request index, written again', () => {
  it('leaves the words of a request whose words did not change as they are (its status moved)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'intake-index-')), 'index.sqlite');
    const index = openSqliteIndex(file);
    const reader = new Database(file, { readonly: true });
    const words = () => reader.prepare('SELECT group_concat(hex(block)) FROM requests_text_data').pluck().get();
    try {
      await index.upsert([request(1, { description: 'Huge pothole outside the bakery' })]);
      const before = words();
      expect(await index.upsert([request(1, { description: 'Huge pothole outside the bakery', status: 'delivered' })])).toBe(1);
      expect(words()).toBe(before);
      expect((await index.search({ words: 'bakery', limit: 10 })).map((row) => row.status)).toEqual(['delivered']);
    } finally {
      reader.close();
      await index.close();
    }
  });
});

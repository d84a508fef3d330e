import pg from 'pg';
import { IndexedRequest } from './document.js';
import { searchTerms, type IndexQuery } from './query.js';
import { COLUMNS, exactFilters, type RequestIndex } from './request-index.js';

/** 'simple' text search: no language's stemming, since a town's reports come in several languages. */
const schemaSql = (schema: string) => `
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${schema}.requests (
  id TEXT PRIMARY KEY, reference TEXT NOT NULL, received_at BIGINT NOT NULL, channel TEXT NOT NULL,
  service_code TEXT, status TEXT NOT NULL, description TEXT NOT NULL, address TEXT, street TEXT,
  lat DOUBLE PRECISION, long DOUBLE PRECISION, phone TEXT, email TEXT, duplicate_of TEXT,
  words TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', description || ' ' || coalesce(address, ''))) STORED
);
CREATE INDEX IF NOT EXISTS requests_received ON ${schema}.requests (received_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS requests_words ON ${schema}.requests USING GIN (words);
CREATE INDEX IF NOT EXISTS requests_reference ON ${schema}.requests (reference);
CREATE INDEX IF NOT EXISTS requests_phone ON ${schema}.requests (phone);
CREATE INDEX IF NOT EXISTS requests_email ON ${schema}.requests (email);
CREATE INDEX IF NOT EXISTS requests_street ON ${schema}.requests (lower(street), received_at DESC);
CREATE INDEX IF NOT EXISTS requests_service ON ${schema}.requests (service_code, received_at DESC);
CREATE INDEX IF NOT EXISTS requests_channel ON ${schema}.requests (channel, received_at DESC);
CREATE INDEX IF NOT EXISTS requests_status ON ${schema}.requests (status, received_at DESC);
CREATE INDEX IF NOT EXISTS requests_duplicate ON ${schema}.requests (duplicate_of);
`;

const toRow = (row: Record<string, unknown>) => IndexedRequest.parse({ ...row, received_at: Number(row.received_at) });

/** PostgreSQL with full-text search, for towns that run one: shared by every HTTP node, fed by any of them. */
export async function openPostgresIndex(url: string, schema: string): Promise<RequestIndex> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // Several nodes may start together: one creates the schema while the others wait on the lock.
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [schema]);
    await client.query(schemaSql(schema));
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [schema]);
  } finally {
    client.release();
  }
  const table = `${schema}.requests`;

  return {
    kind: 'postgres',
    async upsert(requests) {
      if (requests.length === 0) return 0;
      const values = requests.flatMap((request) => COLUMNS.map((column) => request[column]));
      const rows = requests.map((_, r) => `(${COLUMNS.map((_c, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`);
      // a row already as given is not written again (nor its words and indexes): most changes the feed shows list the same
      const kept = COLUMNS.filter((c) => c !== 'id');
      const result = await pool.query(
        `INSERT INTO ${table} AS t (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}
         ON CONFLICT (id) DO UPDATE SET ${kept.map((c) => `${c} = excluded.${c}`).join(', ')}
         WHERE (${kept.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${kept.map((c) => `excluded.${c}`).join(', ')})`,
        values,
      );
      return result.rowCount ?? 0;
    },
    async remove(ids) {
      if (ids.length > 0) await pool.query(`DELETE FROM ${table} WHERE id = ANY($1)`, [ids]);
    },
    async search(query: IndexQuery) {
      const where: string[] = [];
      const params: unknown[] = [];
      const param = (value: unknown) => {
        params.push(value);
        return `$${params.length}`;
      };
      const terms = query.words === undefined ? [] : searchTerms(query.words);
      if (terms.length > 0) where.push(`words @@ to_tsquery('simple', ${param(terms.map((term) => `${term}:*`).join(' & '))})`);
      for (const [column, value] of exactFilters(query))
        where.push(column === 'street' ? `lower(street) = lower(${param(value)})` : `${column} = ${param(value)}`);
      if (query.from_ms !== undefined) where.push(`received_at >= ${param(query.from_ms)}`);
      if (query.to_ms !== undefined) where.push(`received_at < ${param(query.to_ms)}`);
      if (query.before !== undefined) where.push(`(received_at, id) < (${param(query.before.received_at)}, ${param(query.before.id)})`);
      const sql = `SELECT ${COLUMNS.join(', ')} FROM ${table} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, id DESC LIMIT ${param(query.limit)}`;
      return (await pool.query(sql, params)).rows.map(toRow);
    },
    async count() {
      return Number((await pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    },
    async analyze() {
      await pool.query(`ANALYZE ${table}`);
    },
    async close() {
      await pool.end();
    },
  };
}

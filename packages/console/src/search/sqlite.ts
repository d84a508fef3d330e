import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { IndexedRequest } from './document.js';
import { searchTerms, type IndexQuery } from './query.js';
import { COLUMNS, exactFilters, type RequestIndex } from './request-index.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS requests (
  id TEXT PRIMARY KEY, reference TEXT NOT NULL, received_at INTEGER NOT NULL, channel TEXT NOT NULL,
  service_code TEXT, status TEXT NOT NULL, description TEXT NOT NULL, address TEXT, street TEXT COLLATE NOCASE,
  lat REAL, long REAL, phone TEXT, email TEXT, duplicate_of TEXT
);
CREATE INDEX IF NOT EXISTS requests_received ON requests (received_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS requests_reference ON requests (reference);
CREATE INDEX IF NOT EXISTS requests_phone ON requests (phone);
CREATE INDEX IF NOT EXISTS requests_email ON requests (email);
CREATE INDEX IF NOT EXISTS requests_street ON requests (street, received_at DESC);
CREATE INDEX IF NOT EXISTS requests_service ON requests (service_code, received_at DESC);
CREATE INDEX IF NOT EXISTS requests_channel ON requests (channel, received_at DESC);
CREATE INDEX IF NOT EXISTS requests_status ON requests (status, received_at DESC);
CREATE INDEX IF NOT EXISTS requests_duplicate ON requests (duplicate_of);
CREATE VIRTUAL TABLE IF NOT EXISTS requests_text USING fts5(description, address, content='requests', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS requests_text_insert AFTER INSERT ON requests BEGIN
  INSERT INTO requests_text (rowid, description, address) VALUES (new.rowid, new.description, new.address);
END;
CREATE TRIGGER IF NOT EXISTS requests_text_update AFTER UPDATE ON requests BEGIN
  INSERT INTO requests_text (requests_text, rowid, description, address) VALUES ('delete', old.rowid, old.description, old.address);
  INSERT INTO requests_text (rowid, description, address) VALUES (new.rowid, new.description, new.address);
END;
`;

const UPSERT = `INSERT INTO requests (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})
  ON CONFLICT (id) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}`;

/** The embedded default: one SQLite file with FTS5, nothing to install. WAL lets the HTTP node read while it is fed. */
export function openSqliteIndex(file: string): RequestIndex {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  const upsert = db.prepare(UPSERT);
  const upsertAll = db.transaction((requests: IndexedRequest[]) => {
    for (const request of requests) upsert.run(request);
  });

  function select(query: IndexQuery) {
    const where: string[] = [];
    const params: unknown[] = [];
    const terms = query.words === undefined ? [] : searchTerms(query.words);
    if (terms.length > 0) {
      where.push('r.rowid IN (SELECT rowid FROM requests_text WHERE requests_text MATCH ?)');
      params.push(terms.map((term) => `"${term}"*`).join(' '));
    }
    for (const [column, value] of exactFilters(query)) {
      where.push(`r.${column} = ?`);
      params.push(value);
    }
    if (query.from_ms !== undefined) {
      where.push('r.received_at >= ?');
      params.push(query.from_ms);
    }
    if (query.to_ms !== undefined) {
      where.push('r.received_at < ?');
      params.push(query.to_ms);
    }
    if (query.before !== undefined) {
      where.push('(r.received_at < ? OR (r.received_at = ? AND r.id < ?))');
      params.push(query.before.received_at, query.before.received_at, query.before.id);
    }
    const sql = `SELECT ${COLUMNS.map((c) => `r.${c}`).join(', ')} FROM requests r ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY r.received_at DESC, r.id DESC LIMIT ?`;
    return db.prepare(sql).all(...params, query.limit);
  }

  return {
    kind: 'sqlite',
    async upsert(requests) {
      upsertAll(requests);
    },
    async search(query) {
      return select(query).map((row) => IndexedRequest.parse(row));
    },
    async count() {
      return (db.prepare('SELECT count(*) AS n FROM requests').get() as { n: number }).n;
    },
    async close() {
      db.close();
    },
  };
}

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { IndexedRequest } from './document.js';
import { searchTerms, type IndexQuery } from './query.js';
import { COLUMNS, exactFilters, type RequestIndex } from './request-index.js';

/**
 * The rowid is the time of receipt in ms times SLOTS plus the order of arrival within that ms, so that "newest
 * first" is the rowid order that FTS5 and every index already keep: a search walks back from the newest match and
 * stops at the page's end instead of sorting every match of a common word.
 */
const SLOTS = 1024;
/**
 * 4: the words' trigger fires only when the words change. "UPDATE OF description, address" alone fires whenever an
 * UPDATE names them, and the row's update names every column: each delivery rewrote the request's words in FTS5 (an
 * update 28 us a row against 11 us, measured on 20,000 rows).
 */
const SCHEMA_VERSION = 4;

const SCHEMA = `
CREATE TABLE requests (
  id TEXT NOT NULL UNIQUE, reference TEXT NOT NULL, received_at INTEGER NOT NULL, channel TEXT NOT NULL,
  service_code TEXT, status TEXT NOT NULL, description TEXT NOT NULL, address TEXT, street TEXT COLLATE NOCASE,
  lat REAL, long REAL, phone TEXT, email TEXT, duplicate_of TEXT
);
CREATE INDEX requests_reference ON requests (reference);
CREATE INDEX requests_phone ON requests (phone);
CREATE INDEX requests_email ON requests (email);
CREATE INDEX requests_street ON requests (street);
CREATE INDEX requests_service ON requests (service_code);
CREATE INDEX requests_channel ON requests (channel);
CREATE INDEX requests_status ON requests (status);
CREATE INDEX requests_duplicate ON requests (duplicate_of);
CREATE VIRTUAL TABLE requests_text USING fts5(description, address, content='requests', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER requests_text_insert AFTER INSERT ON requests BEGIN
  INSERT INTO requests_text (rowid, description, address) VALUES (new.rowid, new.description, new.address);
END;
CREATE TRIGGER requests_text_update AFTER UPDATE OF description, address ON requests
WHEN old.description IS NOT new.description OR old.address IS NOT new.address BEGIN
  INSERT INTO requests_text (requests_text, rowid, description, address) VALUES ('delete', old.rowid, old.description, old.address);
  INSERT INTO requests_text (rowid, description, address) VALUES (new.rowid, new.description, new.address);
END;
CREATE TRIGGER requests_text_delete AFTER DELETE ON requests BEGIN
  INSERT INTO requests_text (requests_text, rowid, description, address) VALUES ('delete', old.rowid, old.description, old.address);
END;
PRAGMA user_version = ${SCHEMA_VERSION};
`;

/** An index file of an older layout is started afresh (`intake index rebuild` fills it from Redis). */
function ensureSchema(db: Database.Database) {
  if (db.pragma('user_version', { simple: true }) === SCHEMA_VERSION) return;
  db.exec('DROP TABLE IF EXISTS requests_text; DROP TABLE IF EXISTS requests;');
  db.exec(SCHEMA);
}

const firstKeyOf = (ms: number) => ms * SLOTS;

/** The embedded default: one SQLite file with FTS5, nothing to install. WAL lets the HTTP node read while it is fed. */
export function openSqliteIndex(file: string): RequestIndex {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  ensureSchema(db);
  const keyOf = db.prepare<[string], number>('SELECT rowid FROM requests WHERE id = ?').pluck();
  const rowOf = db.prepare<[string], IndexedRequest & { key: number }>(
    `SELECT rowid AS key, ${COLUMNS.join(', ')} FROM requests WHERE id = ?`,
  );
  const lastKeyIn = db.prepare<[number, number], number | null>('SELECT max(rowid) FROM requests WHERE rowid BETWEEN ? AND ?').pluck();
  const insert = db.prepare(`INSERT INTO requests (rowid, ${COLUMNS.join(', ')}) VALUES (@key, ${COLUMNS.map((c) => `@${c}`).join(', ')})`);
  const update = db.prepare(
    `UPDATE requests SET ${COLUMNS.filter((c) => c !== 'id')
      .map((c) => `${c} = @${c}`)
      .join(', ')} WHERE rowid = @key`,
  );
  const remove = db.prepare<[string]>('DELETE FROM requests WHERE id = ?');

  /**
   * A request keeps its key; a new one takes the next slot of its millisecond. A row as it was is not written again:
   * the feed shows a request at each of its changes, most of which (a delivery queued) change nothing listed here.
   * Returns whether it wrote.
   */
  function save(request: IndexedRequest): boolean {
    const row = rowOf.get(request.id);
    if (row !== undefined) {
      if (COLUMNS.every((column) => row[column] === request[column])) return false;
      update.run({ ...request, key: row.key });
      return true;
    }
    const first = firstKeyOf(request.received_at);
    const last = lastKeyIn.get(first, first + SLOTS - 1) ?? null;
    if (last === first + SLOTS - 1) throw new Error(`more than ${SLOTS} requests received in the same millisecond`);
    insert.run({ ...request, key: last === null ? first : last + 1 });
    return true;
  }
  const saveAll = db.transaction((requests: IndexedRequest[]) => requests.filter(save).length);
  const removeAll = db.transaction((ids: string[]) => ids.forEach((id) => remove.run(id)));

  /** Below the cursor's row; below its millisecond when that row has gone meanwhile. */
  const cursorKey = (before: NonNullable<IndexQuery['before']>) => keyOf.get(before.id) ?? firstKeyOf(before.received_at);

  function select(query: IndexQuery) {
    const terms = query.words === undefined ? [] : searchTerms(query.words);
    // With words, FTS5 drives the walk in its own rowid order, and the time range bounds it.
    const key = terms.length > 0 ? 't.rowid' : 'r.rowid';
    const where: string[] = [];
    const params: unknown[] = [];
    if (terms.length > 0) {
      where.push('requests_text MATCH ?');
      params.push(terms.map((term) => `"${term}"*`).join(' '));
    }
    for (const [column, value] of exactFilters(query)) {
      where.push(`r.${column} = ?`);
      params.push(value);
    }
    const lowest = query.from_ms === undefined ? undefined : firstKeyOf(query.from_ms);
    const above = [query.to_ms === undefined ? undefined : firstKeyOf(query.to_ms), query.before && cursorKey(query.before)].filter(
      (bound): bound is number => bound !== undefined,
    );
    if (lowest !== undefined) {
      where.push(`${key} >= ?`);
      params.push(lowest);
    }
    if (above.length > 0) {
      where.push(`${key} < ?`);
      params.push(Math.min(...above));
    }
    const from = terms.length > 0 ? 'requests_text t JOIN requests r ON r.rowid = t.rowid' : 'requests r';
    const sql = `SELECT ${COLUMNS.map((c) => `r.${c}`).join(', ')} FROM ${from} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${key} DESC LIMIT ?`;
    return db.prepare(sql).all(...params, query.limit);
  }

  return {
    kind: 'sqlite',
    async upsert(requests) {
      return saveAll(requests);
    },
    async remove(ids) {
      removeAll(ids);
    },
    async search(query) {
      return select(query).map((row) => IndexedRequest.parse(row));
    },
    async count() {
      return (db.prepare('SELECT count(*) AS n FROM requests').get() as { n: number }).n;
    },
    async analyze() {
      db.exec("INSERT INTO requests_text (requests_text) VALUES ('optimize'); ANALYZE;");
    },
    async close() {
      db.close();
    },
  };
}

// A second connection for the import: its temp staging tables and its one promoting transaction, apart from the app's connection.
import Database from 'better-sqlite3';
import type { Db } from '../db/open';

/** In-memory stores (tests, benchmarks) cannot be shared between connections: the import writes through the same one. */
export function openWriterConnection(db: Db): { writer: Db; close(): void } {
  if (db.memory || !db.name || db.name === ':memory:') return { writer: db, close: () => {} };
  const writer = new Database(db.name);
  writer.pragma('foreign_keys = ON');
  writer.pragma('synchronous = NORMAL');
  writer.pragma('busy_timeout = 5000');
  // The promoting transaction of a big import should stay in memory rather than spill pages into the WAL mid-way.
  writer.pragma('cache_size = -131072');
  return { writer, close: () => writer.close() };
}

// A second connection for the import: its temp staging tables, attached chunk files and transactions, apart from the app's connection.
import Database from 'better-sqlite3';
import { configureConnection, storeFile, type Db } from '../db/open';

/** In-memory stores (tests, benchmarks) cannot be shared between connections: the import writes through the same one. */
export function openWriterConnection(db: Db, options: { checkpointElsewhere: boolean }): { writer: Db; close(): void } {
  const file = storeFile(db);
  if (!file) return { writer: db, close: () => {} };
  const writer = new Database(file);
  configureConnection(writer);
  // The promoting transaction of a big import should stay in memory rather than spill pages into the WAL mid-way.
  writer.pragma('cache_size = -131072');
  // Copying the import's pages from the log into the file is left to a background checkpoint (walCheckpointer.ts).
  if (options.checkpointElsewhere) writer.pragma('wal_autocheckpoint = 0');
  return { writer, close: () => writer.close() };
}

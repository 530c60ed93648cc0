// Opens (and creates) the Repdesk data file in a data folder: WAL, foreign keys, migrations.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { pageSize } from './pageSize';
import { restoreSuspendedIndexes } from './queries/prospects';

export const databaseFileName = 'repdesk.sqlite';

export type Db = Database.Database;

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, databaseFileName));
  try {
    configure(db);
    // An import that stopped mid-way may have left the prospects' indexes dropped: back before anything else runs.
    restoreSuspendedIndexes(db);
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** The file behind a store, for another connection to open; null for an in-memory one. */
export function storeFile(db: Db): string | null {
  return db.memory || !db.name || db.name === ':memory:' ? null : db.name;
}

/** An in-memory store for tests and benchmarks, migrated like a real one. */
export function openMemoryDatabase(): Db {
  const db = new Database(':memory:');
  configure(db);
  migrate(db);
  return db;
}

function configure(db: Db): void {
  // Only a store with nothing in it yet takes it.
  db.pragma(`page_size = ${pageSize}`);
  db.pragma('journal_mode = WAL');
  // The screen's queries read pages all over the prospects (a search's matches are spread through the table, about
  // 30 MB for 100,000 of them). With SQLite's 2 MB cache each search read them from the system again: "patricia gar"
  // over 100,000 prospects took 10 to 12 ms, 8 ms with 32 MB (which fills only as pages are read).
  db.pragma('cache_size = -32768');
  configureConnection(db);
}

/** What every connection that writes to the store sets (the log mode is kept by the file itself). */
export function configureConnection(db: Db): void {
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // What is deleted or rewritten (a prospect the rep deletes, as a privacy request asks) is overwritten with zeros,
  // not left readable in the file's free space.
  db.pragma('secure_delete = ON');
}

// Worker-thread entry: copies the store's write-ahead log back into the database file, off the main thread.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointMode, CheckpointResult } from './walCheckpointer';

const { path, mode } = workerData as { path: string; mode: CheckpointMode };
const db = new Database(path, { fileMustExist: true });
try {
  db.pragma('busy_timeout = 2000');
  // PASSIVE never waits for the app's readers or writers: it copies what it can, and SQLite restarts the log once all
  // of it is in. TRUNCATE waits (up to the busy timeout) for the writers to finish, then empties the log file.
  const [result] = db.pragma(mode === 'truncate' ? 'wal_checkpoint(TRUNCATE)' : 'wal_checkpoint(PASSIVE)') as CheckpointResult[];
  parentPort?.postMessage(result ?? null);
} finally {
  db.close();
}

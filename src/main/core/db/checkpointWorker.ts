// Worker-thread entry: copies the store's write-ahead log back into the database file, off the main thread.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { path } = workerData as { path: string };
const db = new Database(path, { fileMustExist: true });
try {
  db.pragma('busy_timeout = 2000');
  // PASSIVE never waits for the app's readers or writers: it copies what it can, and SQLite restarts the log once all of it is in.
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  parentPort?.postMessage(result ?? null);
} finally {
  db.close();
}

// Worker-thread entry: builds the prospects' indexes a bulk load dropped (bulk_load_indexes), off the main thread.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { configureConnection } from './open';
import { restoreSuspendedIndexes } from './queries/prospects';

const { path } = workerData as { path: string };
const db = new Database(path, { fileMustExist: true });
try {
  configureConnection(db);
  parentPort?.postMessage({ built: restoreSuspendedIndexes(db) });
} finally {
  db.close();
}

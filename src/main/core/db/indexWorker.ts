// Worker-thread entry: builds the prospects' indexes a bulk load dropped (bulk_load_indexes), off the main thread.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { configureConnection } from './open';
import { bulkLoadQueries } from './queries/prospects';

const { path } = workerData as { path: string };
const db = new Database(path, { fileMustExist: true });
try {
  configureConnection(db);
  const bulk = bulkLoadQueries(db);
  // One index per transaction, as the import's own connection would build them: each commits with its record gone.
  let built = 0;
  while (db.transaction(() => bulk.restoreOne()).immediate()) built++;
  parentPort?.postMessage({ built });
} finally {
  db.close();
}

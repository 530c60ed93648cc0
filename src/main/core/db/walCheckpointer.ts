// Checkpoints the write-ahead log in a worker thread after a big write, so no one on the main thread pays for it.
import { Worker } from 'node:worker_threads';
import type { Log } from '../log';
import { storeFile, type Db } from './open';

/**
 * SQLite checkpoints on the committing connection once the log passes 1,000 pages: after an import that is a
 * few hundred milliseconds of copying and syncing inside the import's commit, or inside whatever the app writes
 * next. A connection that leaves it to this (wal_autocheckpoint = 0) calls soon() after committing instead.
 */
export interface WalCheckpointer {
  /** True when checkpoints run in a worker; false leaves them to SQLite on the committing connection. */
  readonly inBackground: boolean;
  soon(): void;
  /** Resolves when no checkpoint is running (tests, benchmarks, shutdown). */
  idle(): Promise<void>;
}

export function walCheckpointer(dbPath: string | null, workerPath: string | null, log: Log): WalCheckpointer {
  if (!dbPath || !workerPath) return { inBackground: false, soon: () => {}, idle: async () => {} };
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new Worker(workerPath, { workerData: { path: dbPath } });
      worker.on('error', (err) => log.warn('The database log could not be checkpointed; SQLite will do it later', { error: err.message }));
      worker.on('exit', () => resolve());
    }).then(() => {
      running = null;
      if (again) {
        again = false;
        running = run();
      }
    });
  return {
    inBackground: true,
    soon() {
      if (running) again = true;
      else running = run();
    },
    idle: async () => {
      while (running) await running;
    },
  };
}

/**
 * After a deletion that must leave no copy behind: the log's older pages may still hold what was deleted, so it is
 * checkpointed and then emptied. The copying is left to the worker (where there is one), which never blocks the app;
 * then the app's own connection truncates the log, which by then is quick. It runs on the app's thread, between its
 * transactions, so it never finds one of them half-done (a truncating checkpoint in the worker did: a transaction
 * that had begun reading could then not write, "database is locked").
 */
export function logEraser(db: Db, checkpointer: WalCheckpointer, log: Log): () => Promise<void> {
  const truncate = () => {
    if (!db.open) return;
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy) log.warn('The database log could not be emptied after a deletion; it will be at the next one');
  };
  return async () => {
    if (!storeFile(db)) return;
    if (checkpointer.inBackground) {
      checkpointer.soon();
      await checkpointer.idle();
    }
    truncate();
  };
}

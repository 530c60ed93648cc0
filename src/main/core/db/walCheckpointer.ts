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
  /**
   * Checkpoints the log soon. 'truncate' also empties the log file, so that nothing written before (a deleted
   * prospect, say) is left in it; it waits for the app's writers, and is tried again while they keep it busy.
   */
  soon(mode?: CheckpointMode): void;
  /** Resolves when no checkpoint is running (tests, benchmarks, shutdown). */
  idle(): Promise<void>;
}

export type CheckpointMode = 'passive' | 'truncate';

/** The worker's answer: SQLite's wal_checkpoint row. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** How often a truncating checkpoint the app's writers kept busy is tried again. */
const truncateAttempts = 3;

export function walCheckpointer(dbPath: string | null, workerPath: string | null, log: Log): WalCheckpointer {
  if (!dbPath || !workerPath) return { inBackground: false, soon: () => {}, idle: async () => {} };
  let running: Promise<void> | null = null;
  let again: CheckpointMode | null = null;
  let attempts = 0;
  const run = (mode: CheckpointMode): Promise<void> =>
    new Promise<CheckpointResult | null>((resolve) => {
      let result: CheckpointResult | null = null;
      const worker = new Worker(workerPath, { workerData: { path: dbPath, mode } });
      worker.on('message', (m: CheckpointResult | null) => (result = m));
      worker.on('error', (err) => log.warn('The database log could not be checkpointed; SQLite will do it later', { error: err.message }));
      worker.on('exit', () => resolve(result));
    }).then((result) => {
      running = null;
      if (mode === 'truncate' && result?.busy && ++attempts < truncateAttempts) again = 'truncate';
      else if (mode === 'truncate') attempts = 0;
      if (again) {
        const next = again;
        again = null;
        running = run(next);
      }
    });
  return {
    inBackground: true,
    soon(mode = 'passive') {
      if (running) again = again === 'truncate' ? again : mode;
      else running = run(mode);
    },
    idle: async () => {
      while (running) await running;
    },
  };
}

/**
 * After a deletion that must leave no copy behind: the log's older pages may still hold what was deleted, so it is
 * checkpointed and emptied, in the worker where there is one, or here (a store without the built worker: tests).
 */
export function logEraser(db: Db, checkpointer: WalCheckpointer): () => void {
  return () => {
    if (checkpointer.inBackground) checkpointer.soon('truncate');
    else if (storeFile(db)) db.pragma('wal_checkpoint(TRUNCATE)');
  };
}

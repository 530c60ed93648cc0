// Builds the indexes an import's bulk load dropped in a worker thread, so the app stays responsive meanwhile.
import { Worker } from 'node:worker_threads';

/**
 * One index over a million prospects takes about half a second to build, and a bulk load drops six: built on the main
 * thread, each froze the app for that long at the end of a big import. The worker (indexWorker.ts) builds them on its
 * own connection. The app's connections keep reading meanwhile (the log lets them); a write of theirs waits for the
 * index being built, as it did when the main thread built it. Null where there is no store file or no built worker:
 * the import builds them itself.
 */
export function indexBuilder(dbPath: string | null, workerPath: string | null): (() => Promise<number>) | null {
  if (!dbPath || !workerPath) return null;
  return () =>
    new Promise<number>((resolve, reject) => {
      let built: number | null = null;
      const worker = new Worker(workerPath, { workerData: { path: dbPath } });
      worker.on('message', (m: { built: number }) => (built = m.built));
      worker.on('error', reject);
      worker.on('exit', (code) => (built !== null ? resolve(built) : reject(new Error(`The index builder stopped (exit code ${code}).`))));
    });
}

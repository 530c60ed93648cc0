// Normalising shared between several import workers, their chunks handed to the promotion in file order.
import type { Worker } from 'node:worker_threads';
import { workerChunks, type WorkerInput } from './workerChunks';
import type { ImportPlan, StagedChunk } from './stagedChunks';

/**
 * Each worker reads the whole input and normalises every count-th chunk (see ImportPlan.share); chunk k of the
 * file comes from worker k % count. All workers start at once (those on standby take the first shares), so the
 * caller may drop its copy of the input.
 */
export function sharedWorkerChunks(workerPath: string, input: WorkerInput, plan: ImportPlan, count: number, standby: Worker[] = []): AsyncGenerator<StagedChunk> {
  if (count <= 1) return workerChunks(workerPath, input, plan, standby[0]);
  return inTurn(Array.from({ length: count }, (_, index) => workerChunks(workerPath, input, { ...plan, share: { index, count } }, standby[index])));
}

async function* inTurn(sources: AsyncGenerator<StagedChunk>[]): AsyncGenerator<StagedChunk> {
  // Every worker is asked for its first chunk at once, so each one is running (and is stopped in the end) even
  // if another fails first; a failure is thrown when its turn comes.
  const ask = (i: number) => {
    const p = sources[i]!.next();
    p.catch(() => undefined);
    return p;
  };
  const pending = sources.map((_, i) => ask(i));
  try {
    for (let k = 0; ; k++) {
      const i = k % sources.length;
      const next = await pending[i]!;
      // The worker whose turn it is has no more chunks: the input has ended for all of them.
      if (next.done) return;
      pending[i] = ask(i);
      yield next.value;
    }
  } finally {
    // Cancelled, failed or done: every worker stops with the import.
    await Promise.all(sources.map((s) => s.return(undefined)));
  }
}

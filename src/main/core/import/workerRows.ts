// The main thread's side of the import worker: its batches as an async iterator, with flow control and clean termination.
import { Worker } from 'node:worker_threads';
import { UserError } from '../errors';
import type { ImportPlan, RowBatch } from './normalizedRows';

type Message = { type: 'rows'; batch: RowBatch } | { type: 'end' } | { type: 'error'; message: string; user: boolean };

/** Starts the worker at once (so the caller may drop its bytes), and returns its batches. */
export function workerRows(workerPath: string, bytes: Uint8Array, plan: ImportPlan): AsyncGenerator<RowBatch> {
  // A private copy is transferred, not cloned: the worker owns it and the main thread can let go of the file.
  const copy = new Uint8Array(bytes);
  const worker = new Worker(workerPath, { workerData: { bytes: copy, plan }, transferList: [copy.buffer] });
  const queue: Message[] = [];
  let wake: (() => void) | null = null;
  const push = (m: Message) => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (err) => push({ type: 'error', message: err.message, user: false }));
  worker.on('exit', (code) => push(code === 0 ? { type: 'end' } : { type: 'error', message: `The import worker stopped (exit code ${code}).`, user: false }));
  return batches(worker, queue, (w) => (wake = w));
}

async function* batches(worker: Worker, queue: Message[], onWake: (w: (() => void) | null) => void): AsyncGenerator<RowBatch> {
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((r) => onWake(r));
      onWake(null);
      const m = queue.shift()!;
      if (m.type === 'end') return;
      if (m.type === 'error') throw m.user ? new UserError('invalid_request', m.message) : new Error(m.message);
      worker.postMessage('more');
      yield m.batch;
    }
  } finally {
    // Cancelled, failed or done: the worker never outlives its import.
    await worker.terminate();
  }
}

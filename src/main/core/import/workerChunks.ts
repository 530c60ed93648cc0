// The main thread's side of the import worker: a workbook sheet parsed off the main thread, and an import's chunk files as an async iterator.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { UserError } from '../errors';
import type { ImportPlan, StagedChunk } from './stagedChunks';
import type { RunShare, SheetRuns } from './readXlsx';
import type { SheetText } from './sheetText';

type Failure = { type: 'error'; message: string; user: boolean; code?: UserError['code'] };
type Message = { type: 'chunk'; chunk: StagedChunk } | { type: 'end' } | Failure;

/** What the worker reads: a text file's bytes, or a workbook sheet already parsed to text (never parsed twice). */
export type WorkerInput = { bytes: Uint8Array } | { sheet: SheetText };

/** What the worker thread is asked to do (its workerData, or the first message to a worker on standby). */
export type WorkerTask =
  | { task: 'import'; input: WorkerInput; plan: ImportPlan }
  | { task: 'parse'; bytes: Uint8Array; sheet: string | null; maxRows: number | null; share?: RunShare };
/**
 * A worker started before its import: it loads the import's code and waits for the task. warmUp: readied before any
 * file, it warms the code up on rows of its own meanwhile (one started for a file has the file's rows for that), and
 * loads the workbook reader, for a share of a workbook's sheet to parse before the import (workerParse).
 */
export type StandbyTask = { task: 'standby'; warmUp: boolean };

/**
 * An import worker started ahead of its import (as a file arrives, or readied before one, see
 * ImportService.readyWorkers), so that by the time the rep clicks Import its thread is up, its code loaded (about
 * 150 ms) and warmed up. It does not keep Repdesk running while it waits. `warm` settles once its warm-up on rows of
 * its own ended (done, or cut short by a file or the task), or the worker did; at once without one.
 */
export function standbyWorker(workerPath: string, warmUp: boolean): { worker: Worker; warm: Promise<void> } {
  const task: StandbyTask = { task: 'standby', warmUp };
  // It may parse a share of a workbook's sheet first (workerParse), which needs the roomier stack of parseInWorker.
  const worker = new Worker(workerPath, { workerData: task, resourceLimits: parserLimits });
  worker.unref();
  // A standby worker that fails is simply not used: its import starts a fresh one.
  worker.on('error', () => undefined);
  const warm = new Promise<void>((resolve) => {
    if (!warmUp) return resolve();
    const heard = (m: { type?: string }) => {
      if (m?.type !== 'warm') return;
      worker.off('message', heard);
      resolve();
    };
    worker.on('message', heard);
    worker.once('exit', () => resolve());
  });
  return { worker, warm };
}

/**
 * The file as a worker thread gets it: a file in shared memory (an upload's, see uploads.ts) as it is, since workers
 * only read it; any other, a private copy handed over (transferred, not cloned), so the caller may let go of its own.
 */
function forWorker(bytes: Uint8Array): { bytes: Uint8Array; transferList: ArrayBuffer[] } {
  if (bytes.buffer instanceof SharedArrayBuffer) return { bytes, transferList: [] };
  const copy = new Uint8Array(bytes);
  return { bytes: copy, transferList: [copy.buffer] };
}

/** Why a parse was stopped: the reason it was aborted with, when that is a message for the rep. */
const parseStopped = (signal: AbortSignal): Error => (signal.reason instanceof UserError ? signal.reason : new UserError('conflict', 'Reading the workbook was stopped.'));

const failure = (m: Failure): Error => (m.user ? new UserError(m.code ?? 'invalid_request', m.message) : new Error(m.message));

/**
 * Parses one workbook sheet in worker threads: the parse takes seconds for a big sheet and would freeze the window
 * on the main thread. The top of a sheet (maxRows) is one worker's; the whole sheet is one worker's too, or shared by
 * two for a big one, each reading every other run of its rows (readXlsx.parseXlsxRuns), and put together here. The
 * workers read the upload's shared copy of the file (which it keeps for the other sheets). onProgress hears how far
 * the workers have got together. Both go to the import's workers on standby, where there are: their thread is up and
 * the reader loaded, and they wait for the import afterwards. The top goes to the first (a fresh worker took 135 to
 * 290 ms to start and read it, one on standby 30 to 60 ms), and share k of the whole sheet to standby[k], which
 * reads it after any top it was asked for first (the preview asks for the top first).
 */
export async function workerParse(
  workerPath: string,
  bytes: Uint8Array,
  sheet: string | null,
  maxRows: number | null = null,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
  standby: Worker[] = [],
): Promise<SheetText> {
  // The top waits for no other parse: the first worker takes it only while it has none (a sheet looked at before may
  // still be parsing there, until the new sheet's parse stops it).
  if (maxRows !== null) {
    const idle = standby[0] && !parses.get(standby[0])?.pending ? standby[0] : undefined;
    return (await parseInWorker(workerPath, { task: 'parse', bytes, sheet, maxRows }, undefined, signal, idle)) as SheetText;
  }
  const { joinRuns, sheetShares } = await import('./readXlsx');
  const count = sheetShares(bytes, sheet, workerThreads());
  const heard = new Array<number>(count).fill(0);
  // One worker failing stops the others: their half is no use alone.
  const failed = new AbortController();
  const stop = signal ? AbortSignal.any([signal, failed.signal]) : failed.signal;
  const parts = await Promise.all(
    Array.from({ length: count }, (_, index) => {
      const hear = (f: number) => {
        heard[index] = f;
        onProgress?.(heard.reduce((a, b) => a + b, 0) / count);
      };
      const task: WorkerTask = { task: 'parse', bytes, sheet, maxRows: null, share: { index, count } };
      const part = parseInWorker(workerPath, task, hear, stop, standby[index]) as Promise<SheetRuns>;
      part.catch(() => failed.abort());
      return part;
    }),
  );
  return joinRuns(parts);
}

/** How many worker threads share one job: an import's reading and normalising, or a big sheet's parse. */
export const workerThreads = () => Math.min(2, availableParallelism());

/**
 * read-excel-file recurses once per chunk of sheet XML it parses; a big sheet on a busy machine (small chunks) outgrows
 * the default 4 MB stack, so a thread that parses gets a roomier one.
 */
const parserLimits = { stackSizeMb: 64 };

type ParseMessage = { type: 'parsed'; result: SheetText | SheetRuns } | { type: 'progress'; fraction: number } | Failure | { type: 'warm' };

/**
 * The parses each worker on standby was given: `last` settles when the last one has (the next waits for it, so a
 * worker answers one at a time), `pending` counts those not yet answered, and `ending` says a parse was stopped or
 * failed there, so the worker ends and no other parse goes to it.
 */
const parses = new WeakMap<Worker, { last: Promise<unknown>; pending: number; ending: boolean }>();
const parsesOf = (worker: Worker) => {
  let p = parses.get(worker);
  if (!p) parses.set(worker, (p = { last: Promise.resolve(), pending: 0, ending: false }));
  return p;
};

/**
 * One worker's parse: the top of a sheet, or its share of the runs of the whole. A worker started for it ends with
 * the parse; a worker on standby (given) goes on waiting for its import, unless the parse was stopped or failed. A
 * worker on standby takes one parse after another; one that is ending has a fresh worker take its parse instead.
 */
function parseInWorker(workerPath: string, task: Extract<WorkerTask, { task: 'parse' }>, onProgress?: (fraction: number) => void, signal?: AbortSignal, given?: Worker): Promise<SheetText | SheetRuns> {
  if (!given) return parseOn(workerPath, task, onProgress, signal);
  const on = parsesOf(given);
  // A worker that has ended (threadId -1) or is ending gets nothing more.
  const parse = on.last.then(() => parseOn(workerPath, task, onProgress, signal, on.ending || given.threadId < 0 ? undefined : given));
  on.pending++;
  on.last = parse.catch(() => undefined).then(() => void on.pending--);
  return parse;
}

function parseOn(workerPath: string, task: Extract<WorkerTask, { task: 'parse' }>, onProgress?: (fraction: number) => void, signal?: AbortSignal, given?: Worker): Promise<SheetText | SheetRuns> {
  // Nobody wants the sheet any more (the file was dropped): no worker is started.
  if (signal?.aborted) return Promise.reject(parseStopped(signal));
  const { bytes, transferList } = forWorker(task.bytes);
  const worker = given ?? new Worker(workerPath, { workerData: { ...task, bytes }, transferList, resourceLimits: parserLimits });
  if (given) given.postMessage({ ...task, bytes }, transferList);
  return new Promise<SheetText | SheetRuns>((resolve, reject) => {
    let done = false;
    /** Answers once; the worker ends, unless it is one on standby that finished its parse. */
    const settle = (finished: boolean, answer: () => void) => {
      if (done) return;
      done = true;
      worker.off('message', heard).off('error', crashed).off('exit', exited);
      signal?.removeEventListener('abort', stopped);
      if (given && !finished) parsesOf(given).ending = true;
      if (!given || !finished) void worker.terminate();
      answer();
    };
    const heard = (m: ParseMessage) => {
      if (m.type === 'progress') onProgress?.(m.fraction);
      else if (m.type === 'parsed') settle(true, () => resolve(m.result));
      else if (m.type === 'error') settle(false, () => reject(failure(m)));
    };
    // Past the size readXlsx refuses up front, a sheet can still outgrow the thread's heap: that ends the worker, not the app.
    const crashed = (err: Error & { code?: string }) =>
      settle(false, () => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new UserError('invalid_request', 'This workbook is too big to read. In Excel choose File > Save As > CSV UTF-8, then drop that file here.') : err));
    const exited = (code: number) => settle(false, () => reject(new Error(`The workbook reader stopped (exit code ${code}).`)));
    const stopped = () => settle(false, () => reject(parseStopped(signal!)));
    signal?.addEventListener('abort', stopped, { once: true });
    worker.on('message', heard).on('error', crashed).on('exit', exited);
  });
}

/**
 * Starts the worker at once, or hands the task to one on standby (so the caller may drop its copy of the input), and
 * returns the chunks it writes.
 */
export function workerChunks(workerPath: string, input: WorkerInput, plan: ImportPlan, standby?: Worker): AsyncGenerator<StagedChunk> {
  let task: WorkerTask;
  let transferList: ArrayBuffer[] = [];
  if ('bytes' in input) {
    const given = forWorker(input.bytes);
    task = { task: 'import', input: { bytes: given.bytes }, plan };
    transferList = given.transferList;
  } else {
    // A string is copied once, fast: far cheaper than parsing the workbook again.
    task = { task: 'import', input, plan };
  }
  let worker: Worker;
  if (standby) {
    worker = standby;
    worker.ref();
    worker.postMessage(task, transferList);
  } else {
    worker = new Worker(workerPath, { workerData: task, transferList });
  }
  const queue: Message[] = [];
  let wake: (() => void) | null = null;
  const push = (m: Message | { type: 'warm' }) => {
    // A worker on standby says when its warm-up ends, which may be after its task came.
    if (m.type === 'warm') return;
    queue.push(m);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (err) => push({ type: 'error', message: err.message, user: false }));
  worker.on('exit', (code) => push(code === 0 ? { type: 'end' } : { type: 'error', message: `The import worker stopped (exit code ${code}).`, user: false }));
  return chunks(worker, queue, (w) => (wake = w));
}

async function* chunks(worker: Worker, queue: Message[], onWake: (w: (() => void) | null) => void): AsyncGenerator<StagedChunk> {
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((r) => onWake(r));
      onWake(null);
      const m = queue.shift()!;
      if (m.type === 'end') return;
      if (m.type === 'error') throw failure(m);
      worker.postMessage('more');
      yield m.chunk;
    }
  } finally {
    // Cancelled, failed or done: the worker never outlives its import.
    await worker.terminate();
  }
}

// Worker-thread entry: parses a workbook sheet for the preview, or reads and normalises an import's rows into chunk files.
// A worker started on standby (ahead of an import, see ImportService.readyWorkers) loads the import's code, warms it
// up, reads the dropped file (a text file, or a workbook's parsed sheet) when told to (standbyPreparation.ts), and
// waits for its task by message.
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../errors';
import type { Prepared, PrepareMessage } from './standbyPreparation';
import type { StandbyTask, WorkerTask } from './workerChunks';

const task = workerData as WorkerTask | StandbyTask;
const port = parentPort!;

const failed = (err: unknown) => ({
  type: 'error' as const,
  message: err instanceof Error ? err.message : String(err),
  user: err instanceof UserError,
  code: err instanceof UserError ? err.code : undefined,
});

/** Each task loads only what it needs: parsing a workbook does not load the normaliser, nor an import the workbook reader. */
async function parse(t: Extract<WorkerTask, { task: 'parse' }>): Promise<void> {
  const [{ parseXlsxRuns, parseXlsxSheet }, { inSharedMemory }] = await Promise.all([import('./readXlsx'), import('./sheetText')]);
  const bytes = Buffer.from(t.bytes.buffer, t.bytes.byteOffset, t.bytes.byteLength);
  const onProgress = (fraction: number) => port.postMessage({ type: 'progress', fraction });
  const share = t.share ?? { index: 0, count: 1 };
  // The top of a sheet, or this worker's share of the runs of the whole sheet (all of them when it reads it alone), put
  // together by the caller. The runs go in shared memory: they reach the main thread without a copy, and the sheet
  // joined from them reaches the import's workers without one either.
  if (t.maxRows !== null) port.postMessage({ type: 'parsed', result: await parseXlsxSheet(bytes, t.sheet, t.maxRows) });
  else {
    const part = await parseXlsxRuns(bytes, t.sheet, share, { onProgress });
    port.postMessage({ type: 'parsed', result: { ...part, runs: part.runs.map((r) => ({ ...r, text: inSharedMemory(r.text) })) } });
  }
}

async function runImport(t: Extract<WorkerTask, { task: 'import' }>, prepared: Prepared | null): Promise<void> {
  const [{ stagedChunks }, { readerOf }] = await Promise.all([import('./stagedChunks'), import('./sheetReader')]);
  // The main thread asks for more as it takes chunks in, so a million-row file never piles up on disk.
  let credits = 2;
  let wake: (() => void) | null = null;
  port.on('message', (m: unknown) => {
    if (m === 'more') {
      credits++;
      wake?.();
    }
  });
  const { input, plan } = t;

  // The file this worker read on standby, if it is this import's (only a worker on standby has loaded that module).
  const ahead = prepared && (await import('./standbyPreparation')).preparedFor(prepared, plan.uploadId, input) ? prepared : null;
  const reader = ahead ? ahead.reader : readerOf(input, plan);
  for await (const chunk of stagedChunks(reader, plan)) {
    while (credits === 0) await new Promise<void>((r) => (wake = r));
    credits--;
    port.postMessage({ type: 'chunk', chunk });
  }
  port.postMessage({ type: 'end' });
}

const run = (t: WorkerTask, prepared: Prepared | null = null) => (t.task === 'parse' ? parse(t) : runImport(t, prepared)).catch((err: unknown) => port.postMessage(failed(err)));

if (task.task === 'standby') {
  // The import's code is loaded meanwhile and, in a worker readied before any file, warmed up on rows of its own until
  // a file or the task comes (then it says so). It may be given a share of a workbook's sheet to parse first. Each
  // file previewed may be read ahead (the last one told is kept); the task is the first other message, then come the
  // requests for more chunks.
  const loaded = Promise.all([import('./stagedChunks'), import('./sheetReader'), import('./standbyPreparation')]);
  let started = false;
  let told = false;
  const warm = !task.warmUp
    ? Promise.resolve()
    : loaded
        .then(([, , { warmUpOnSample }]) => warmUpOnSample(() => started || told))
        // The workbook reader too, for a share of a sheet to parse, unless a file or the task came meanwhile.
        .then(() => (started || told ? null : import('./readXlsx')))
        .catch(() => 0)
        .then(() => port.postMessage({ type: 'warm' }));
  let prepared: Promise<Prepared | null> = Promise.resolve(null);
  const listen = (m: PrepareMessage | WorkerTask) => {
    if ('type' in m) {
      told = true;
      prepared = Promise.all([loaded, warm]).then(([[, , { prepareStandby }]]) => (started ? null : prepareStandby(m, () => started))).catch(() => null);
      return;
    }
    if (m.task === 'parse') {
      // A share of a workbook's sheet, parsed before its import: the worker stays on standby for the import after.
      told = true;
      void warm.then(() => parse(m)).catch((err: unknown) => port.postMessage(failed(err)));
      return;
    }
    started = true;
    port.off('message', listen);
    void Promise.all([loaded, prepared, warm]).then(([, p]) => run(m, p));
  };
  port.on('message', listen);
} else {
  void run(task);
}

// Worker-thread entry: parses a workbook sheet for the preview, or reads and normalises an import's rows and hands them over in batches.
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../errors';
import type { WorkerTask } from './workerRows';

const task = workerData as WorkerTask;
const port = parentPort!;

const failed = (err: unknown) => ({
  type: 'error' as const,
  message: err instanceof Error ? err.message : String(err),
  user: err instanceof UserError,
  code: err instanceof UserError ? err.code : undefined,
});

/** Each task loads only what it needs: parsing a workbook does not load the normaliser, nor an import the workbook reader. */
async function parse(t: Extract<WorkerTask, { task: 'parse' }>): Promise<void> {
  const { parseXlsxSheet } = await import('./readXlsx');
  const bytes = Buffer.from(t.bytes.buffer, t.bytes.byteOffset, t.bytes.byteLength);
  port.postMessage({ type: 'parsed', sheet: await parseXlsxSheet(bytes, t.sheet) });
}

async function runImport(t: Extract<WorkerTask, { task: 'import' }>): Promise<void> {
  const [{ normalizedRows }, { openSheetReader, openParsedSheet }] = await Promise.all([import('./normalizedRows'), import('./sheetReader')]);
  // The main thread asks for more as it writes, so a million-row file never piles up in memory.
  let credits = 4;
  let wake: (() => void) | null = null;
  port.on('message', (m: unknown) => {
    if (m === 'more') {
      credits++;
      wake?.();
    }
  });
  const { input, plan } = t;
  const reader = 'sheet' in input ? openParsedSheet(input.sheet) : openSheetReader(plan.kind, Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength));
  for await (const batch of normalizedRows(reader, plan)) {
    while (credits === 0) await new Promise<void>((r) => (wake = r));
    credits--;
    port.postMessage({ type: 'rows', batch });
  }
  port.postMessage({ type: 'end' });
}

(task.task === 'parse' ? parse(task) : runImport(task)).catch((err: unknown) => port.postMessage(failed(err)));

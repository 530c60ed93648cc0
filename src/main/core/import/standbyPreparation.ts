// What an import worker on standby does while the rep maps columns: it reads the dropped text file as its import
// will, and runs the normaliser over the file's first rows, so that Import finds the file read and the code compiled.
import { yieldToLoop } from '../yieldToLoop';
import { readerOf, type SheetReader } from './sheetReader';
import { inMemoryChunks, stagedChunks, type ImportPlan } from './stagedChunks';
import { warmUpFile } from './warmUpSample';
import type { WorkerInput } from './workerChunks';

/** Sent to the workers on standby once a text file's preview is shown, or once a workbook's sheet is parsed whole. */
export interface PrepareMessage {
  type: 'prepare';
  /** The upload (the import's id) the bytes are: the import task names it, and only its own file is reused. */
  uploadId: number;
  /** What the import will read: a text file's bytes (the upload's copy in shared memory), or a workbook's parsed sheet. */
  input: WorkerInput;
  /**
   * How the preview reads the file, with the mapping it suggested: the rep may change the mapping, which only makes
   * the warm-up a little less exact.
   */
  plan: Pick<ImportPlan, 'kind' | 'headerIndex' | 'hasHeader' | 'headers' | 'mapping' | 'defaultCountry' | 'repTimeZone' | 'textFormat'>;
}

export interface Prepared {
  uploadId: number;
  /** The parsed sheet's name, or null for a text file. */
  sheet: string | null;
  /** The file decoded, its quotes made readable and (once warmUp has run) its record starts found. */
  reader: SheetReader;
  /** Settles with how many rows were normalised to warm up (fewer when the import began meanwhile). */
  warmedUp: Promise<number>;
}

/**
 * Rows taken through the import's code to warm up. V8 optimises that code as it runs: the first thousand rows of an
 * import took about 40 µs each to normalise and write, the next fifteen thousand about 16 µs, and only then 10 µs.
 */
export const warmUpRows = 16_000;
/** Rows per step of the warm-up (one chunk), with the worker's messages heard in between. */
export const warmUpStep = 1000;

/**
 * Reads the file now (about 50 ms for 100,000 rows) and warms up in the background. The warm-up stops as soon as
 * started() says the import has begun: it only ever uses time the worker would have spent waiting.
 */
export function prepareStandby(m: PrepareMessage, started: () => boolean): Prepared {
  const { input } = m;
  const reader = readerOf(input, m.plan);
  return { uploadId: m.uploadId, sheet: 'sheet' in input ? input.sheet.sheet : null, reader, warmedUp: warmUp(reader, m, started).catch(() => 0) };
}

/**
 * Warms the import's code up before any file comes (ImportService.readyWorkers), as prepareStandby does with a file:
 * over rows of its own (warmUpSample.ts), read, normalised and written to chunks dropped at once. Stops as soon as
 * stopped() says a file or the import came. Settles with how many rows it took through.
 */
export function warmUpOnSample(stopped: () => boolean): Promise<number> {
  return prepareStandby(warmUpFile(warmUpRows), stopped).warmedUp;
}

/** Whether what was read on standby is what the import reads. */
export const preparedFor = (p: Prepared | null, uploadId: number | undefined, input: WorkerInput): p is Prepared =>
  p !== null && p.uploadId === uploadId && p.sheet === ('sheet' in input ? input.sheet.sheet : null);

/**
 * Runs the file's first rows through the import's own code (stagedChunks: read, normalised, written), into chunks
 * kept in memory and dropped. The import reads every row again, as the mapping the rep settles on says. It goes
 * twice, as each of two workers' shares: V8 compiles code used by one instance of the import's functions for that
 * instance alone, and for all of them once there are two, so the import's own instance starts with compiled code.
 */
async function warmUp(reader: SheetReader, m: PrepareMessage, started: () => boolean): Promise<number> {
  // Let a task already waiting be heard first: then there is nothing to warm up for.
  await yieldToLoop();
  if (started()) return 0;
  // Chunks of the import's own record starts (found once, kept for the import): those that begin within warmUpRows.
  const first: SheetReader = {
    ...reader,
    chunked: async (sheet, size) => {
      const chunked = await reader.chunked?.(sheet, size);
      if (!chunked) return null;
      let count = 0;
      while (count < chunked.count && chunked.firstRow(count) < warmUpRows) count++;
      return { ...chunked, count };
    },
  };
  const plan: ImportPlan = { ...m.plan, sheet: null, stagingDir: inMemoryChunks, suppression: [], chunkRows: warmUpStep };
  let rows = 0;
  for (const index of [0, 1]) {
    for await (const chunk of stagedChunks(first, { ...plan, share: { index, count: 2 } })) {
      rows += chunk.total + chunk.blank;
      await yieldToLoop();
      if (started()) return rows;
    }
  }
  return rows;
}

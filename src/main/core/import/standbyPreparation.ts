// What an import worker on standby does while the rep maps columns: it reads the dropped text file as its import
// will, and runs the normaliser over the file's first rows, so that Import finds the file read and the code compiled.
import type { ColumnTarget } from '../../../shared/import/headerMapping';
import { yieldToLoop } from '../yieldToLoop';
import type { FileKind } from './fileKind';
import { rowNormalizer } from './normalizeRow';
import { openSheetReader, type SheetReader } from './sheetReader';
import { chunkSize, defaultChunkRows } from './stagedChunks';

/** Sent to the workers on standby once a text file's preview is shown (a workbook's sheet is parsed elsewhere). */
export interface PrepareMessage {
  type: 'prepare';
  /** The upload (the import's id) the bytes are: the import task names it, and only its own file is reused. */
  uploadId: number;
  kind: FileKind;
  /** The whole file: the upload's copy in shared memory, not copied on the way. */
  bytes: Uint8Array;
  headers: string[];
  /** The mapping the preview suggested; the rep may change it, which only makes the warm-up a little less exact. */
  mapping: ColumnTarget[];
  defaultCountry: string;
  repTimeZone: string;
}

export interface Prepared {
  uploadId: number;
  /** The file decoded, its quotes made readable and (once warmUp has run) its record starts found. */
  reader: SheetReader;
  /** Settles with how many rows were normalised to warm up (fewer when the import began meanwhile). */
  warmedUp: Promise<number>;
}

/**
 * Rows normalised to warm up. V8 optimises the normaliser's code as it runs: the first thousand rows of an import
 * took about 40 µs each, the next fifteen thousand about 16 µs, and only then about 10 µs (phones included).
 */
export const warmUpRows = 16_000;
/** Rows per step of the warm-up, with the worker's messages heard in between. */
const warmUpStep = 500;

/**
 * Reads the file now (about 50 ms for 100,000 rows) and warms up in the background. The warm-up stops as soon as
 * started() says the import has begun: it only ever uses time the worker would have spent waiting.
 */
export function prepareStandby(m: PrepareMessage, started: () => boolean): Prepared {
  const reader = openSheetReader(m.kind, Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
  return { uploadId: m.uploadId, reader, warmedUp: warmUp(reader, m, started).catch(() => 0) };
}

async function warmUp(reader: SheetReader, m: PrepareMessage, started: () => boolean): Promise<number> {
  // Let a task already waiting be heard first: then there is nothing to warm up for.
  await yieldToLoop();
  if (started()) return 0;
  // The same chunks as the import's, so the record starts found here are the ones it uses.
  const chunked = await reader.chunked?.(null, (k) => chunkSize(k, defaultChunkRows));
  if (!chunked) return 0;
  const normalize = rowNormalizer({ headers: m.headers, mapping: m.mapping, defaultCountry: m.defaultCountry, repTimeZone: m.repTimeZone });
  let done = 0;
  for (let k = 0; k < chunked.count && done < warmUpRows; k++) {
    const rows = chunked.rows(k);
    for (let i = 0; i < rows.length && done < warmUpRows; i += warmUpStep) {
      await yieldToLoop();
      if (started()) return done;
      // The results are dropped: the import normalises every row again, as the mapping the rep settles on says.
      for (const cells of rows.slice(i, i + warmUpStep)) normalize(cells);
      done += Math.min(warmUpStep, rows.length - i);
    }
  }
  return done;
}

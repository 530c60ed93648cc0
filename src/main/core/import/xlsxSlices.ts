// A big workbook sheet as a series of small workbooks, each holding a run of its rows, so read-excel-file (which holds
// a sheet's whole XML and every value while it parses) never has more than one run in memory, and several workers can
// share a sheet's parse. The sheet's XML is cut into runs as it is unzipped: it is never whole in memory either.
import { sheetDataStart } from './xlsxHead';
import { PieceQueue } from './pieceQueue';
import { entryPieces, storedZip, type ZipFiles } from './zipPackage';

const ascii = (s: string) => Buffer.from(s, 'latin1');

/** One run of a sheet's rows as a workbook of its own. */
export interface SheetRun {
  /** The run's place in the sheet: 0, 1, 2, ... */
  index: number;
  /** How far through the sheet's rows the run reaches, 0 to 1. */
  fraction: number;
  /**
   * The run as a workbook: its first row is row firstRow + 1 of the sheet, and the reader gives blankBefore blank rows
   * ahead of it (the rows before the run, up to padUpToRows of them; further in, the run is numbered from row 1).
   */
  workbook: Uint8Array;
  firstRow: number;
  blankBefore: number;
}

export interface RunOptions {
  /** About how much of the sheet's row elements a run holds (cut at the end of the row that reaches it). */
  sliceBytes: number;
  /** A run that starts further into the sheet than this is numbered from row 1. */
  padUpToRows: number;
  /** Which runs to build (a worker builds only its own; the others are cut and dropped). */
  wanted: (index: number) => boolean;
  /** The sheet's XML size, as the package's directory gives it (for the fraction read). */
  xmlBytes: number;
}

/** Where the sheet's rows begin; the elements before them are plain ASCII markup, found within this much of its start. */
const headBytes = 256 * 1024;

/**
 * Calls onRun with each wanted run of the sheet at `sheetPath`, in order, as the package's sheet is unzipped: the
 * workbook again, with the sheet holding only that run's row elements (cut at a row's end tag, so rows stay whole) and
 * every other part as it was (`files`: the shared strings and styles the reader needs); whatever the sheet holds after
 * its rows (merged ranges, links) is left out, as the reader does not use it. The cuts depend only on the sheet and
 * sliceBytes, so workers sharing a sheet agree on them. The reader fills every row before the first it meets with a
 * blank one: a run that starts within padUpToRows rows keeps its addresses (the blank rows cost less than rewriting
 * every address of the run), one further in is numbered from row 1 (its rows' and cells' addresses shifted down).
 * Resolves to false, having called nothing, when the sheet's rows cannot be found: the caller then reads it whole.
 */
export async function eachSheetRun(bytes: Uint8Array, files: ZipFiles, sheetPath: string, options: RunOptions, onRun: (run: SheetRun) => Promise<void>): Promise<boolean> {
  const pieces = entryPieces(bytes, sheetPath);
  try {
    return await cutRuns(pieces, files, sheetPath, options, onRun);
  } finally {
    // Stops the unzipping where it got to (at the end of the rows, or where a run failed).
    await pieces.return(undefined);
  }
}

async function cutRuns(pieces: AsyncGenerator<Uint8Array>, files: ZipFiles, sheetPath: string, options: RunOptions, onRun: (run: SheetRun) => Promise<void>): Promise<boolean> {
  const held = new PieceQueue();
  let ended = false;
  const more = async () => {
    const next = await pieces.next();
    if (next.done) ended = true;
    else held.push(next.value);
  };

  while (!ended && held.size < headBytes) await more();
  const head = held.peek(headBytes).toString('latin1');
  const data = sheetDataStart(head);
  if (!data) return false;
  const { prefix, rowsFrom } = data;
  const before = Buffer.concat(held.take(rowsFrom));
  const close = ascii(data.close);
  const rowEnd = ascii(`</${prefix}row>`);
  const rowsEnd = ascii(`</${prefix}sheetData>`);
  // How far into the sheet's rows the held bytes start, and how far they reach in all, for the fraction read.
  let consumed = 0;
  const total = Math.max(1, options.xmlBytes - rowsFrom);

  /** Where the next run ends in the held bytes (at the end of the rows, or of the row reaching sliceBytes); null until it shows. */
  const cutIn = (): { cut: number; last: boolean } | null => {
    const rowAt = held.indexOf(rowEnd, Math.min(options.sliceBytes, held.size));
    const end = held.indexOf(rowsEnd);
    if (end >= 0 && (rowAt < 0 || end < rowAt)) return { cut: end, last: true };
    return rowAt >= 0 ? { cut: rowAt + rowEnd.length, last: false } : null;
  };

  /** The next run's end, once enough is held for a run and the row that reaches it ends (or the rows end). */
  const nextCut = async (): Promise<{ cut: number; last: boolean }> => {
    for (;;) {
      const found = held.size >= options.sliceBytes || ended ? cutIn() : null;
      if (found) return found;
      if (ended) throw new Error('the sheet ends before its rows do');
      await more();
    }
  };

  for (let index = 0; ; index++) {
    const { cut, last } = await nextCut();
    const run = held.take(cut);
    consumed += cut;
    if (cut > 0 && options.wanted(index)) {
      const fraction = last ? 1 : Math.min(1, consumed / total);
      const pack = (rows: Uint8Array[]) => storedZip({ ...files, [sheetPath]: [before, ...rows, close] });
      const shift = rowsBefore(Buffer.concat(run.slice(0, 2)).subarray(0, 64 * 1024).toString('latin1'));
      if (shift <= options.padUpToRows) await onRun({ index, fraction, workbook: pack(run), firstRow: shift, blankBefore: shift });
      else {
        const { rows, firstRow } = renumbered(Buffer.concat(run).toString('latin1'));
        await onRun({ index, fraction, workbook: pack([Buffer.from(rows, 'latin1')]), firstRow, blankBefore: 0 });
      }
    }
    // Nothing after the rows is read; nor the rest of the sheet when no run this worker wants can come after.
    if (last || !wantedAhead(index, Math.ceil((total - consumed) / options.sliceBytes), options.wanted)) return true;
  }
}

/** Whether any of the `count` runs after run `index` is wanted. */
function wantedAhead(index: number, count: number, wanted: (index: number) => boolean): boolean {
  for (let k = index + 1; k <= index + count; k++) if (wanted(k)) return true;
  return false;
}

const firstAddress = /<(?:\w+:)?(?:row|c)\s[^>]*?\br="[A-Z]*(\d+)"/;

/** How many rows of the sheet come before a run of row elements: its first address, less one (0 when it has none). */
function rowsBefore(rows: string): number {
  const first = firstAddress.exec(rows);
  return first ? Math.max(0, Number(first[1]) - 1) : 0;
}

const rowAddress = /(<(?:\w+:)?row\s[^>]*?\br=")(\d+)"/g;
const cellAddress = /(<(?:\w+:)?c\s[^>]*?\br="[A-Z]+)(\d+)"/g;

/**
 * A run of row elements (as latin1 text, so each byte stays one character) with its row numbers shifted so that its
 * first row is row 1; firstRow is the shift. Rows without an address follow the one before, as in the sheet.
 */
export function renumbered(rows: string): { rows: string; firstRow: number } {
  const shift = rowsBefore(rows);
  if (shift === 0) return { rows, firstRow: 0 };
  const down = (_: string, tag: string, n: string) => `${tag}${Number(n) - shift}"`;
  return { rows: rows.replace(rowAddress, down).replace(cellAddress, down), firstRow: shift };
}

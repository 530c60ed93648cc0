// A very big workbook sheet as a series of small workbooks, each holding a run of its rows, so read-excel-file (which
// holds a sheet's whole XML and every value while it parses) never has more than one run in memory.
import { sheetDataStart } from './xlsxHead';
import { storedZip, type ZipFiles } from './zipPackage';

const ascii = (s: string) => Buffer.from(s, 'latin1');

/** One run of a sheet's rows, built as a workbook of its own only when asked (a worker builds only its own runs). */
export interface SheetSlice {
  /** The run's place in the sheet: 0, 1, 2, ... */
  index: number;
  /** How far through the sheet's rows the run reaches, 0 to 1. */
  fraction: number;
  /**
   * The run as a workbook: its first row is row firstRow + 1 of the sheet, and the reader gives blankBefore blank rows
   * ahead of it (the rows before the run, up to padUpToRows of them; further in, the run is numbered from row 1).
   */
  build(): { workbook: Uint8Array; firstRow: number; blankBefore: number };
}

/**
 * The workbook, again and again, with the sheet at `sheetPath` holding only the next run of about `sliceBytes` of its
 * row elements (cut at a row's end tag, so rows stay whole); every other part is as it was (the shared strings and
 * styles the reader needs). The cuts depend only on the sheet and sliceBytes, so workers sharing a sheet agree on
 * them. The reader fills every row before the first it meets with a blank one: a run that starts within padUpToRows
 * rows keeps its addresses (the blank rows cost less than rewriting every address of the run), one further in is
 * numbered from row 1 (its rows' and cells' addresses shifted down). Empty when the sheet's rows cannot be found: the
 * caller then reads it whole.
 */
export function* workbookSlices(files: ZipFiles, sheetPath: string, sliceBytes: number, padUpToRows = 200_000): Generator<SheetSlice> {
  const sheet = files[sheetPath];
  if (!sheet) return;
  const xml = Buffer.from(sheet.buffer, sheet.byteOffset, sheet.byteLength);
  // The elements before the rows are plain ASCII markup: enough of the start to find them is read as text.
  const head = xml.subarray(0, Math.min(xml.length, 256 * 1024)).toString('latin1');
  const data = sheetDataStart(head);
  if (!data) return;
  const { prefix, rowsFrom: start } = data;
  const end = xml.lastIndexOf(ascii(`</${prefix}sheetData>`));
  if (end < start) return;
  const rowEnd = ascii(`</${prefix}row>`);
  const before = xml.subarray(0, start);
  const after = xml.subarray(end);
  for (let from = start, index = 0; from < end; index++) {
    const cut = from + sliceBytes >= end ? -1 : xml.indexOf(rowEnd, from + sliceBytes);
    const to = cut < 0 || cut >= end ? end : cut + rowEnd.length;
    const run = xml.subarray(from, to);
    const build = () => {
      // Stored, not compressed: each copy lives for one read.
      const pack = (rows: Uint8Array) => storedZip({ ...files, [sheetPath]: [before, rows, after] });
      const shift = firstRowOf(run);
      if (shift <= padUpToRows) return { workbook: pack(run), firstRow: shift, blankBefore: shift };
      const { rows, firstRow } = renumbered(run.toString('latin1'));
      return { workbook: pack(Buffer.from(rows, 'latin1')), firstRow, blankBefore: 0 };
    };
    yield { index, fraction: (to - start) / (end - start), build };
    from = to;
  }
}

const firstAddress = /<(?:\w+:)?(?:row|c)\s[^>]*?\br="[A-Z]*(\d+)"/;

/** How many rows of the sheet come before a run of row elements: its first address, less one (0 when it has none). */
function rowsBefore(rows: string): number {
  const first = firstAddress.exec(rows);
  return first ? Math.max(0, Number(first[1]) - 1) : 0;
}

/** rowsBefore of a run still in bytes: its start is enough. */
const firstRowOf = (run: Uint8Array) => rowsBefore(Buffer.from(run.buffer, run.byteOffset, Math.min(run.byteLength, 64 * 1024)).toString('latin1'));

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

// A workbook sheet parsed to text rows, packed into one string: cheap to keep with the upload and to hand to the import worker.

/**
 * Rows are joined by a record separator and cells by the unit separator that PackedCells uses, because one string
 * crosses between threads (structured clone) far more cheaply than a hundred thousand arrays. A sheet where some
 * cell holds either character (Excel can store them, escaped) travels as JSON instead: slower, never wrong.
 */
export interface SheetText {
  /** The sheet's name in the workbook. */
  sheet: string;
  rowCount: number;
  format: 'separated' | 'json';
  /**
   * The packed rows: a string, or its UTF-8 bytes in shared memory (a whole sheet handed between threads, see
   * inSharedMemory). Read it with packedText.
   */
  text: string | Uint8Array;
  /** Only the sheet's first rows (a preview of a big sheet), not all of it. */
  truncated?: true;
}

export const rowSeparator = '\u001e';
export const cellSeparator = '\u001f';

/** Rows as read (blank rows as empty arrays), trailing empty cells already dropped. */
export function packSheet(sheet: string, rows: string[][]): SheetText {
  const lines: string[] = new Array<string>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!;
    for (const c of cells) {
      if (c.includes(rowSeparator) || c.includes(cellSeparator)) return { sheet, rowCount: rows.length, format: 'json', text: JSON.stringify(rows) };
    }
    lines[r] = cells.join(cellSeparator);
  }
  return { sheet, rowCount: rows.length, format: 'separated', text: lines.join(rowSeparator) };
}

/**
 * The sheet with its text in shared memory. A million-row sheet is some 100 MB of text: as a string it was copied
 * for each thread it was posted to, on the main thread (two import workers: 0.3 s of a frozen window); shared
 * bytes cross for nothing, and each worker decodes them on its own thread.
 */
export function inSharedMemory(st: SheetText): SheetText {
  if (typeof st.text !== 'string') return st;
  const bytes = new Uint8Array(new SharedArrayBuffer(Buffer.byteLength(st.text, 'utf8')));
  new TextEncoder().encodeInto(st.text, bytes);
  return { ...st, text: bytes };
}

/** Shared bytes decoded once per thread. */
const decoded = new WeakMap<Uint8Array, string>();

/** The packed rows as a string (decoding shared bytes, once). */
export function packedText(st: SheetText): string {
  if (typeof st.text === 'string') return st.text;
  let text = decoded.get(st.text);
  if (text === undefined) {
    text = new TextDecoder().decode(st.text);
    decoded.set(st.text, text);
  }
  return text;
}

/** Where each row of a packed sheet starts; a sheet packed as JSON is parsed whole instead, and its rows returned. */
export function rowStarts(st: SheetText): Uint32Array | string[][] {
  const text = packedText(st);
  if (st.format === 'json') return JSON.parse(text) as string[][];
  const starts = new Uint32Array(st.rowCount);
  let at = 0;
  for (let r = 0; r < st.rowCount; r++) {
    starts[r] = at;
    const end = text.indexOf(rowSeparator, at);
    at = end < 0 ? text.length + 1 : end + 1;
  }
  return starts;
}

/** Rows [from, to) of a packed sheet, given rowStarts. */
export function unpackRows(st: SheetText, starts: Uint32Array | string[][], from: number, to: number): string[][] {
  if (!(starts instanceof Uint32Array)) return starts.slice(from, to);
  const text = packedText(st);
  const out: string[][] = new Array<string[]>(to - from);
  for (let r = from; r < to; r++) {
    const end = r + 1 < st.rowCount ? starts[r + 1]! - 1 : text.length;
    out[r - from] = end === starts[r] ? [] : text.slice(starts[r], end).split(cellSeparator);
  }
  return out;
}

/** The rows back, in batches; `read.rows` counts the rows handed out so far (for progress). */
export function* unpackSheet(st: SheetText, batchSize: number, read: { rows: number } = { rows: 0 }): Generator<string[][]> {
  const text = packedText(st);
  if (st.format === 'json') {
    const rows = JSON.parse(text) as string[][];
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      read.rows += batch.length;
      yield batch;
    }
    return;
  }
  let start = 0;
  let batch: string[][] = [];
  for (let r = 0; r < st.rowCount; r++) {
    let end = text.indexOf(rowSeparator, start);
    if (end < 0) end = text.length;
    batch.push(end === start ? [] : text.slice(start, end).split(cellSeparator));
    start = end + 1;
    if (batch.length >= batchSize) {
      read.rows += batch.length;
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) {
    read.rows += batch.length;
    yield batch;
  }
}

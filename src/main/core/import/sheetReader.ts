// One way to read any supported file: its sheets, then its rows in batches, as text cells.
import { UserError } from '../errors';
import { decodeText, type TextEncoding } from './decode';
import { guessedFrom, lineBreak, parseRecords, readDelimitedRows, recordStarts, sniffDelimiter, type Delimiter } from './readDelimited';
import { rowStarts, unpackRows, unpackSheet, type SheetText } from './sheetText';
import { readableQuotes, type StrayQuotes } from './strayQuotes';
import type { FileKind } from './fileKind';
import type { ImportPlan } from './stagedChunks';
import type { WorkerInput } from './workerChunks';

/** How a text file is written: what the reader detected (shown in the mapping step), and its line break. */
export interface TextFormat {
  encoding: TextEncoding;
  delimiter: Delimiter;
  newline: '\r\n' | '\n' | '\r';
  /** How many characters of the text the delimiter and line break were guessed from (readDelimited.guessedFrom). */
  guessedFrom: number;
}

export interface SheetReader {
  kind: FileKind;
  /** For text files: how it is written. */
  format?: TextFormat;
  /** For text files: fields whose opening quote never closed properly, read with their quotes as ordinary characters. */
  strayQuotes?: StrayQuotes | null;
  sheetNames(): Promise<string[]>;
  /** Rows in file order (blank rows included, as empty arrays), in batches so the caller can yield between them. */
  rows(sheet: string | null): AsyncGenerator<string[][]>;
  /** How far rows() has read, 0 to 1, where the format tells us; null where it does not. */
  fraction(): number | null;
  /**
   * Workbooks only: the sheet's first rows, without waiting for a big sheet to parse whole (the preview). The whole
   * sheet is parsed meanwhile, in the background, for the import that usually follows.
   */
  head?(sheet: string | null, rows: number): Promise<string[][]>;
  /** Workbooks only: the sheet parsed to text (once, then kept), handed to the import worker in place of the file. */
  parsedSheet?(sheet: string | null): Promise<SheetText>;
  /**
   * The rows in consecutive chunks, chunk k holding size(k) rows, each readable without reading the others (so
   * several workers can share a file without each reading all of it); null where the file must be read whole.
   */
  chunked?(sheet: string | null, size: (k: number) => number): Promise<RowChunks | null>;
}

export interface RowChunks {
  count: number;
  /** The 0-based index, in the sheet, of chunk k's first row. */
  firstRow(k: number): number;
  rows(k: number): string[][];
  /** How far through the file chunk k reaches, 0 to 1. */
  fraction(k: number): number;
}

/** Chunks over `total` rows split at the given row starts; rows(from, to) reads rows [from, to). */
function rowChunks(total: number, size: (k: number) => number, rows: (from: number, to: number) => string[][]): RowChunks {
  const bounds = [0];
  while (bounds.at(-1)! < total) bounds.push(Math.min(total, bounds.at(-1)! + size(bounds.length - 1)));
  return {
    count: bounds.length - 1,
    firstRow: (k) => bounds[k]!,
    rows: (k) => rows(bounds[k]!, bounds[k + 1]!),
    fraction: (k) => (total ? bounds[k + 1]! / total : 1),
  };
}

/**
 * Parses one sheet of a workbook to text, or about its first maxRows rows: in a worker thread in the app, inline where
 * there is none (tests). onProgress hears how far a very big sheet has been read (it is read in runs of rows).
 */
export type ParseXlsxSheet = (bytes: Uint8Array, sheet: string | null, maxRows?: number, onProgress?: (fraction: number) => void, signal?: AbortSignal) => Promise<SheetText>;

// The workbook reader is loaded only when a workbook is read, so text imports (and the worker) start quickly.
export const parseInline: ParseXlsxSheet = async (bytes, sheet, maxRows, onProgress) => (await import('./readXlsx')).parseXlsxSheet(bytes, sheet, maxRows ?? null, { onProgress });

/** The first rows of a packed sheet. */
function firstRows(st: SheetText, rows: number): string[][] {
  for (const batch of unpackSheet(st, rows)) return batch;
  return [];
}

const rowsPerBatch = 2000;

/**
 * A reader of the file. `seen`: how another reader of the same file found it written (the preview's, which reads its
 * first megabytes). Where this one decodes it alike and the guesses looked at as much of it, they looked at the same
 * characters: the delimiter and line break are not guessed again (about 25 ms in a worker that has not run the
 * guessing code yet, at the start of an import).
 */
export function openSheetReader(kind: FileKind, bytes: Buffer, parseXlsx: ParseXlsxSheet = parseInline, seen?: TextFormat): SheetReader {
  if (kind === 'xlsx') return openWorkbook(bytes, parseXlsx);
  const decoded = decodeText(bytes);
  const sampled = guessedFrom(decoded.text);
  const known = seen?.encoding === decoded.encoding && seen.guessedFrom === sampled ? seen : null;
  const delimiter = known ? known.delimiter : sniffDelimiter(decoded.text);
  const newline = known ? known.newline : lineBreak(decoded.text, delimiter);
  const readable = readableQuotes(decoded.text, delimiter, newline);
  const stray = readable.stray;
  // The line break that ends the last row is not a blank row after it (nearly every export ends with one).
  const text = readable.text.endsWith(newline) ? readable.text.slice(0, -newline.length) : readable.text;
  const read = { chars: 0 };
  // Where each record starts: found once (a worker on standby finds them before its import begins, see standbyPreparation.ts).
  let starts: Uint32Array | null | undefined;
  return {
    kind,
    format: { encoding: decoded.encoding, delimiter, newline, guessedFrom: sampled },
    strayQuotes: stray,
    sheetNames: async () => [],
    rows: () => readDelimitedRows(text, delimiter, read),
    fraction: () => (text.length ? Math.min(1, read.chars / text.length) : 1),
    async chunked(_sheet, size) {
      if (starts === undefined) starts = text.length ? recordStarts(text, delimiter, newline) : null;
      const found = starts;
      return found && rowChunks(found.length, size, (from, to) => parseRecords(text, found, from, to, delimiter, newline));
    },
  };
}

/**
 * A workbook: the sheet list is read on the spot (one small entry). The preview parses the top of a sheet and starts
 * parsing the whole of it, which is kept for the import (so the rep maps columns while it parses). Only the last sheet
 * parsed whole is kept: a rep looking through a few big sheets does not pile them all up in memory, and a parse still
 * running for a sheet the rep moved away from is stopped.
 */
function openWorkbook(bytes: Buffer, parse: ParseXlsxSheet): SheetReader {
  let kept: { asked: string | null; name: string | null; text: Promise<SheetText>; stop: AbortController } | null = null;
  const keptFor = (sheet: string | null) => (kept && (kept.asked === sheet || (sheet !== null && kept.name === sheet)) ? kept.text : null);
  const keep = (asked: string | null, start: (signal: AbortSignal) => Promise<SheetText>): Promise<SheetText> => {
    kept?.stop.abort(new UserError('conflict', 'Another sheet was chosen while this one was being read. Choose the sheet again, then Import.'));
    const stop = new AbortController();
    const text = start(stop.signal);
    const entry: NonNullable<typeof kept> = { asked, name: null, text, stop };
    text.then(
      (st) => (entry.name = st.sheet),
      () => {
        // A failed parse is not kept: asking again tries again.
        if (kept === entry) kept = null;
      },
    );
    kept = entry;
    return text;
  };
  const parsedSheet = (sheet: string | null): Promise<SheetText> => keptFor(sheet) ?? keep(sheet, (signal) => parse(bytes, sheet, undefined, undefined, signal));
  const read = { rows: 0, of: 0 };
  return {
    kind: 'xlsx',
    sheetNames: async () => {
      const { readXlsxSheets, offered } = await import('./readXlsx');
      return readXlsxSheets(bytes)
        .filter(offered)
        .map((s) => s.name);
    },
    async *rows(sheet) {
      const st = await parsedSheet(sheet);
      read.rows = 0;
      read.of = st.rowCount;
      yield* unpackSheet(st, rowsPerBatch, read);
    },
    fraction: () => (read.of ? Math.min(1, read.rows / read.of) : null),
    async head(sheet, rows) {
      const known = keptFor(sheet);
      if (known) return firstRows(await known, rows);
      // The top is asked for first: a worker asked for both reads it before its share of the whole (workerParse).
      const reading = parse(bytes, sheet, rows);
      reading.catch(() => undefined);
      // A big sheet starts parsing whole at once, beside its top, for the import that usually follows. A failure there
      // surfaces when the import asks for the sheet (it is parsed again then).
      const { readXlsxSheets, chosenSheet } = await import('./readXlsx');
      const { readsWhole } = await import('./xlsxHead');
      const listed = readXlsxSheets(bytes);
      const info = listed[chosenSheet(listed, sheet)];
      const whole = info && !readsWhole(info.xmlBytes) ? parsedSheet(info.name) : null;
      whole?.catch(() => undefined);
      const top = await reading;
      // A sheet small enough to have been read whole is kept as it is; one cut short is parsed whole if not already.
      if (!top.truncated) void keep(sheet, () => Promise.resolve(top));
      else if (!whole) parsedSheet(top.sheet).catch(() => undefined);
      return firstRows(top, rows);
    },
    parsedSheet,
    chunked: async (sheet, size) => sheetChunks(await parsedSheet(sheet), size),
  };
}

/** The reader of what an import worker is handed: a text file's bytes, or a workbook's sheet parsed already. */
export function readerOf(input: WorkerInput, plan: Pick<ImportPlan, 'kind' | 'textFormat'>): SheetReader {
  if ('sheet' in input) return openParsedSheet(input.sheet);
  return openSheetReader(plan.kind, Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength), undefined, plan.textFormat);
}

/** A sheet parsed elsewhere (the import worker gets the preview's parse, not the file). */
export function openParsedSheet(st: SheetText): SheetReader {
  const read = { rows: 0 };
  // Where each row starts: found once (a worker on standby finds them before its import begins).
  let starts: ReturnType<typeof rowStarts> | undefined;
  return {
    kind: 'xlsx',
    sheetNames: async () => [st.sheet],
    async *rows(sheet) {
      if (sheet !== null && sheet !== st.sheet) throw new UserError('not_found', `The workbook has no sheet called "${sheet}". Choose one of its sheets.`);
      read.rows = 0;
      yield* unpackSheet(st, rowsPerBatch, read);
    },
    fraction: () => (st.rowCount ? Math.min(1, read.rows / st.rowCount) : null),
    parsedSheet: async () => st,
    chunked: async (sheet, size) => {
      if (sheet !== null && sheet !== st.sheet) throw new UserError('not_found', `The workbook has no sheet called "${sheet}". Choose one of its sheets.`);
      starts ??= rowStarts(st);
      return sheetChunks(st, size, starts);
    },
  };
}

function sheetChunks(st: SheetText, size: (k: number) => number, starts = rowStarts(st)): RowChunks {
  return rowChunks(st.rowCount, size, (from, to) => unpackRows(st, starts, from, to));
}

// Reads .xlsx workbooks: the sheet list from xl/workbook.xml, then one whole sheet with read-excel-file, as text rows.
import { Readable } from 'node:stream';
import { readSheet } from 'read-excel-file/node';
import { maxTextImportBytes, sizeText } from '../../../shared/contract/imports';
import { UserError } from '../errors';
import { cellText, type CellValue } from './cells';
import { packSheet, rowSeparator, unpackSheet, type SheetText } from './sheetText';
import { applyDigitFormats, digitCells, digitStyles, type DigitFormat } from './digitFormats';
import { readerPart, workbookHead } from './xlsxHead';
import { eachSheetRun } from './xlsxSlices';
import { readElements } from './xmlElements';
import { unzipPackage } from './zipPackage';

export interface XlsxSheet {
  name: string;
  /** Hidden or very hidden in Excel: not offered to the rep. */
  hidden: boolean;
  /** A worksheet (cells), not a chart or dialog sheet: only worksheets are offered and parsed. */
  cells: boolean;
  /** How big its XML is once unzipped, where the workbook says. */
  xmlBytes: number | null;
  /** Where its XML is in the package, where the workbook says. */
  path: string | null;
}

/**
 * read-excel-file holds a sheet's whole XML, and every value, in memory while it parses: 46 MB of XML (100,000 rows of
 * 12 columns) parse in about 2.5 s, 140 MB in about 8 s using 1 GB, and a million rows exhaust it. A sheet past
 * sliceAboveBytes is therefore read as a series of small workbooks of about sliceBytes of its rows each, cut as the
 * sheet is unzipped (xlsxSlices.ts). Past maxXmlBytes (well over a million rows of a dozen columns) the rep is asked
 * for a CSV, which is read as it streams.
 */
export const sheetLimits = {
  maxXmlBytes: 600 * 1024 * 1024,
  sliceAboveBytes: 64 * 1024 * 1024,
  sliceBytes: 48 * 1024 * 1024,
  // Two workers share the parse of a sheet past this size (each unzips the sheet as it cuts it, reading every other run).
  shareAboveBytes: 8 * 1024 * 1024,
  // A run that starts further into the sheet than this is numbered from row 1 (see xlsxSlices.ts).
  padUpToRows: 200_000,
};
export type SheetLimits = typeof sheetLimits;

function damaged(err: unknown): UserError {
  const detail = err instanceof Error ? err.message : String(err);
  return new UserError('invalid_request', `This Excel file could not be read (${detail.slice(0, 120)}). Open it in Excel and save it again as .xlsx or CSV UTF-8.`);
}

function tooBig(sheet: string, xmlBytes: number): UserError {
  const size = ` (${Math.round(xmlBytes / 1e6)} MB of cell data)`;
  return new UserError(
    'invalid_request',
    `The sheet "${sheet}" is too big to read from an Excel workbook${size}. In Excel choose File > Save As > CSV UTF-8, then drop that file here: Repdesk reads CSV files of up to ${sizeText(maxTextImportBytes)}, several million rows.`,
  );
}

/** Excel writes characters XML cannot hold as _xHHHH_ (read-excel-file decodes them the same way in cell text). */
const unescapeXlsx = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const workbookPath = 'xl/workbook.xml';
const relationsPath = 'xl/_rels/workbook.xml.rels';

/**
 * The workbook's sheets in workbook order. read-excel-file gives names but not whether a sheet is hidden, nor
 * whether it is a chart sheet (it fails on those), so the <sheet> elements and their relationships are read here
 * (only those two small entries are inflated). It finds sheets in the same document, in the same order and with the
 * same rule (a <sheet> with a name), so a position here is a position there.
 */
export function readXlsxSheets(bytes: Uint8Array): XlsxSheet[] {
  return readPackage(bytes).sheets;
}

/** The sheets, and where the workbook keeps its cell styles (number formats) and its shared strings. */
export function readPackage(bytes: Uint8Array): { sheets: XlsxSheet[]; stylesPath: string | null; stringsPath: string | null } {
  const sheets: XlsxSheet[] = [];
  let stylesPath: string | null = null;
  let stringsPath: string | null = null;
  try {
    const sizes = new Map<string, number>();
    const files = unzipPackage(bytes, (name, size) => {
      sizes.set(name, size);
      return name === workbookPath || name === relationsPath;
    });
    if (!files[workbookPath]) throw new Error(`"${workbookPath}" file not found inside the \`.xlsx\` file`);
    const relations = new Map<string, { type: string; path: string }>();
    if (files[relationsPath]) {
      readElements(new TextDecoder().decode(files[relationsPath]), (name, a) => {
        // Targets are relative to xl/, or absolute within the package.
        const target = a.Target ?? '';
        if (name !== 'Relationship' || !a.Id) return;
        const relation = { type: a.Type ?? '', path: target.startsWith('/') ? target.slice(1) : `xl/${target}` };
        relations.set(a.Id, relation);
        if (relation.type.endsWith('/styles')) stylesPath = relation.path;
        if (relation.type.endsWith('/sharedStrings')) stringsPath = relation.path;
      });
    }
    readElements(new TextDecoder().decode(files[workbookPath]), (name, a) => {
      if (name !== 'sheet' || !a.name) return;
      const rel = a.id ? relations.get(a.id) : undefined;
      sheets.push({
        name: unescapeXlsx(a.name),
        hidden: a.state === 'hidden' || a.state === 'veryHidden',
        cells: rel === undefined || rel.type.endsWith('/worksheet'),
        xmlBytes: rel ? (sizes.get(rel.path) ?? null) : null,
        path: rel?.path ?? null,
      });
    });
  } catch (err) {
    throw damaged(err);
  }
  return { sheets, stylesPath, stringsPath };
}

/** The sheets the rep may choose from: visible worksheets. */
export const offered = (s: XlsxSheet) => !s.hidden && s.cells;

/** Where the sheet asked for is among the workbook's sheets (null: the first offered); -1 when it is not there. */
export const chosenSheet = (sheets: XlsxSheet[], sheet: string | null): number => (sheet === null ? sheets.findIndex(offered) : sheets.findIndex((s) => s.name === sheet));

export interface ParseOptions {
  limits?: SheetLimits;
  /** How far this parse has got through the runs it reads, 0 to 1, after each run. */
  onProgress?: (fraction: number) => void;
}

/** Which of a sheet's runs one worker reads: runs k with k % count === index. */
export interface RunShare {
  index: number;
  count: number;
}

/** How many workers (up to `workers`) share the parse of this sheet of the workbook: by its size. */
export function sheetShares(bytes: Uint8Array, sheet: string | null, workers: number, limits: SheetLimits = sheetLimits): number {
  let size = 0;
  try {
    const sheets = readXlsxSheets(bytes);
    size = sheets[chosenSheet(sheets, sheet)]?.xmlBytes ?? 0;
  } catch {
    // A damaged file: one worker finds that out and says so, as for any workbook.
  }
  return size > limits.shareAboveBytes ? workers : 1;
}

/** The runs of a sheet one worker read: each packed on its own, with where it starts in the sheet. */
export interface SheetRuns {
  sheet: string;
  runs: { index: number; firstRow: number; text: SheetText }[];
}

/**
 * Parses one sheet (the chosen one, or the first visible one for null): every cell as trimmed text, blank rows kept
 * as empty arrays so row r of the sheet is index r - 1, leading empty columns kept in place. read-excel-file unzips
 * every entry before parsing any, so the order Excel (or exceljs) stored them in does not matter. With maxRows, only
 * about the first maxRows rows of a big sheet are parsed (for the preview); otherwise the whole sheet, a big one as
 * runs of its rows (see sheetLimits and parseXlsxRuns).
 * This blocks its thread for as long as the sheet takes to parse: callers run it in a worker thread.
 */
export async function parseXlsxSheet(bytes: Uint8Array, sheet: string | null, maxRows: number | null = null, options: ParseOptions = {}): Promise<SheetText> {
  if (maxRows === null) return joinRuns([await parseXlsxRuns(bytes, sheet, { index: 0, count: 1 }, options)]);
  const s = openSheet(bytes, sheet, options.limits ?? sheetLimits);
  if (!s.reader) return packSheet(s.name, []);
  const rows: string[][] = [];
  const head = s.path !== null ? guard(() => workbookHead(bytes, s.path!, maxRows, { stringsPath: s.stringsPath })) : null;
  await s.reader.read(head ?? bytes, rows);
  const packed = packSheet(s.name, rows);
  return head ? { ...packed, truncated: true } : packed;
}

/**
 * Parses the runs of the whole sheet that are this worker's share. A sheet past sliceAboveBytes is cut in runs of
 * sliceBytes; one past shareAboveBytes that several workers share is cut in as many runs as there are workers, of
 * about the same size: the second worker also unzips the first run's rows before it reaches its own, and the first
 * reads the preview's top before its share (workerParse), which took about as long. Giving the first 53% of the sheet
 * had a 100,000-row workbook read about 0.1 s sooner before the top moved to it, and about 0.2 s later after. Any other
 * sheet is one run, read whole by the first worker. joinRuns puts the workers' runs together.
 */
export async function parseXlsxRuns(bytes: Uint8Array, sheet: string | null, share: RunShare, options: ParseOptions = {}): Promise<SheetRuns> {
  const limits = options.limits ?? sheetLimits;
  const s = openSheet(bytes, sheet, limits);
  const out: SheetRuns = { sheet: s.name, runs: [] };
  if (!s.reader) return out;
  const xmlBytes = s.xmlBytes ?? 0;
  const sliceBytes = xmlBytes > limits.sliceAboveBytes ? limits.sliceBytes : share.count > 1 && xmlBytes > limits.shareAboveBytes ? Math.ceil(xmlBytes / share.count) : null;
  const mine = (k: number) => k % share.count === share.index;
  if (sliceBytes !== null && s.path !== null) {
    let reached = 0;
    // Every part of the package the reader reads but the sheet goes into each run's workbook; the sheet is unzipped as it is cut.
    const others = guard(() => unzipPackage(bytes, (name) => name !== s.path && readerPart(name)));
    const cutting = { sliceBytes, padUpToRows: limits.padUpToRows, wanted: mine, xmlBytes };
    const found = await guardAsync(() =>
      eachSheetRun(bytes, others, s.path!, cutting, async (run) => {
        const rows: string[][] = [];
        await s.reader!.read(run.workbook, rows);
        // The blank rows the reader gave for the rows before the run are not the run's.
        if (run.blankBefore > 0) rows.splice(0, run.blankBefore);
        out.runs.push({ index: run.index, firstRow: run.firstRow, text: packSheet(s.name, rows) });
        options.onProgress?.((reached = run.fraction));
      }),
    );
    if (found) {
      // This worker has read through the whole sheet, though the last run may have been another's.
      if (reached < 1) options.onProgress?.(1);
      return out;
    }
  }
  // Read whole, by the first worker of the share.
  if (mine(0)) {
    const rows: string[][] = [];
    await s.reader.read(bytes, rows);
    out.runs.push({ index: 0, firstRow: 0, text: packSheet(s.name, rows) });
  }
  return out;
}

/** The chosen sheet, checked, with a reader of its rows in a workbook (the file, its top, or a run of its rows). */
function openSheet(bytes: Uint8Array, sheet: string | null, limits: SheetLimits) {
  const { sheets, stylesPath, stringsPath } = readPackage(bytes);
  const index = chosenSheet(sheets, sheet);
  if (index < 0) {
    if (sheet === null) throw new UserError('invalid_request', 'This workbook has no visible sheets. Unhide a sheet in Excel, save, and drop it again.');
    throw new UserError('not_found', `The workbook has no sheet called "${sheet}". Choose one of its sheets.`);
  }
  const chosen = sheets[index]!;
  if (chosen.cells && chosen.xmlBytes !== null && chosen.xmlBytes > limits.maxXmlBytes) throw tooBig(chosen.name, chosen.xmlBytes);
  const path = chosen.path;
  // The styles are the same in every workbook read (the file, its top, its runs): read once.
  const formats = chosen.cells && stylesPath ? guard(() => digitStylesOf(bytes, stylesPath)) : new Map<number, DigitFormat>();
  /** The sheet's rows in `workbook`, read-excel-file's values as text, added to `into` (blank rows kept as empty arrays). */
  const read = async (workbook: Uint8Array, into: string[][]): Promise<void> => {
    try {
      const data = (await readSheet(inPieces(workbook), index + 1)) as unknown as CellValue[][];
      if (formats.size && path) showDigitFormats(workbook, path, formats, data);
      for (let r = 0; r < data.length; r++) {
        into.push(rowText(data[r]!));
        data[r] = [];
      }
    } catch (err) {
      throw damaged(err);
    }
  };
  return { name: chosen.name, path, stringsPath, xmlBytes: chosen.xmlBytes, reader: chosen.cells ? { read } : null };
}

/**
 * The workbook as a stream of 256 KB pieces. Given one buffer, read-excel-file's input stream copies it whole twice
 * before unzipping (about 0.1 s for a 30 MB run of a sheet's rows); given pieces, it copies only the first few.
 */
function inPieces(workbook: Uint8Array): Readable {
  const piece = 256 * 1024;
  const pieces: Buffer[] = [];
  for (let at = 0; at < workbook.byteLength; at += piece) pieces.push(Buffer.from(workbook.buffer, workbook.byteOffset + at, Math.min(piece, workbook.byteLength - at)));
  return Readable.from(pieces);
}

/** Awaits fn; what fails in it is a damaged workbook, unless it says already what is wrong. */
async function guardAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw err instanceof UserError ? err : damaged(err);
  }
}

/** Runs fn; what fails in it is a damaged workbook. */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw damaged(err);
  }
}

/**
 * The whole sheet from the runs its workers read, in sheet order: each run's rows at their place, the rows between
 * runs blank (a run that read no rows adds none), as a sequential read of the runs gives.
 */
export function joinRuns(parts: SheetRuns[]): SheetText {
  const runs = parts.flatMap((p) => p.runs).sort((a, b) => a.index - b.index);
  const name = parts[0]?.sheet ?? '';
  if (runs.some((r) => r.text.format === 'json')) {
    const rows: string[][] = [];
    for (const r of runs) {
      if (r.text.rowCount === 0) continue;
      while (rows.length < r.firstRow) rows.push([]);
      for (const batch of unpackSheet(r.text, 10_000)) rows.push(...batch);
    }
    return packSheet(name, rows);
  }
  // Packed rows joined by the row separator: a run's text stands for all its rows, a blank row for one.
  const pieces: (string | Uint8Array)[] = [];
  let rowCount = 0;
  for (const r of runs) {
    if (r.text.rowCount === 0) continue;
    for (; rowCount < r.firstRow; rowCount++) pieces.push('');
    pieces.push(r.text.text);
    rowCount += r.text.rowCount;
  }
  const text = pieces.every((p) => typeof p === 'string') ? pieces.join(rowSeparator) : joinShared(pieces);
  return { sheet: name, rowCount, format: 'separated', text };
}

/**
 * Runs in shared memory joined into shared memory, byte for byte: a million-row sheet's text (some 100 MB) is copied
 * once on the main thread, never decoded there nor copied again on its way to the import's workers.
 */
function joinShared(pieces: (string | Uint8Array)[]): Uint8Array {
  // The sheet read as one run is that run.
  if (pieces.length === 1 && typeof pieces[0] !== 'string') return pieces[0]!;
  const parts = pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p));
  const separator = Buffer.from(rowSeparator, 'utf8');
  const size = parts.reduce((n, p) => n + p.byteLength, 0) + separator.byteLength * Math.max(0, parts.length - 1);
  const out = new Uint8Array(new SharedArrayBuffer(size));
  let at = 0;
  parts.forEach((p, i) => {
    if (i > 0) {
      out.set(separator, at);
      at += separator.byteLength;
    }
    out.set(p, at);
    at += p.byteLength;
  });
  return out;
}

/**
 * Numbers shown through a digit format (a zip code's "00000") become the text Excel shows. read-excel-file gives the
 * number only, so where the workbook has such a format, the sheet's cells are scanned for the styles that use it.
 */
function showDigitFormats(bytes: Uint8Array, sheetPath: string, formats: Map<number, DigitFormat>, data: CellValue[][]): void {
  const sheet = unzipPackage(bytes, (name) => name === sheetPath)[sheetPath];
  const cells = sheet ? digitCells(new TextDecoder().decode(sheet), formats) : null;
  if (cells) applyDigitFormats(data, cells);
}

/** The workbook's cell styles that show numbers through a digit format (none for most workbooks). */
function digitStylesOf(bytes: Uint8Array, stylesPath: string): Map<number, DigitFormat> {
  const styles = unzipPackage(bytes, (name) => name === stylesPath)[stylesPath];
  return styles ? digitStyles(new TextDecoder().decode(styles)) : new Map();
}

/** The row's cells as text, without the empty cells read-excel-file pads every row with up to the sheet's width. */
function rowText(values: CellValue[]): string[] {
  const cells = values.map((v) => cellText(v).trim());
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  if (end < cells.length) cells.length = end;
  return cells;
}

// Reads .xlsx workbooks: the sheet list from xl/workbook.xml, then one whole sheet with read-excel-file, as text rows.
import { unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { UserError } from '../errors';
import { cellText, type CellValue } from './cells';
import { packSheet, type SheetText } from './sheetText';
import { applyDigitFormats, digitCells, digitStyles, type DigitFormat } from './digitFormats';
import { workbookHead } from './xlsxHead';
import { workbookSlices } from './xlsxSlices';
import { readElements } from './xmlElements';

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
 * sliceAboveBytes is therefore read as a series of small workbooks of about sliceBytes of its rows each (xlsxSlices.ts).
 * Past maxXmlBytes (well over a million rows of a dozen columns) the rep is asked for a CSV, which is read as it
 * streams.
 */
export const sheetLimits = { maxXmlBytes: 600 * 1024 * 1024, sliceAboveBytes: 64 * 1024 * 1024, sliceBytes: 48 * 1024 * 1024 };
export type SheetLimits = typeof sheetLimits;

function damaged(err: unknown): UserError {
  const detail = err instanceof Error ? err.message : String(err);
  return new UserError('invalid_request', `This Excel file could not be read (${detail.slice(0, 120)}). Open it in Excel and save it again as .xlsx or CSV UTF-8.`);
}

function tooBig(sheet: string, xmlBytes: number): UserError {
  const size = ` (${Math.round(xmlBytes / 1e6)} MB of cell data)`;
  return new UserError(
    'invalid_request',
    `The sheet "${sheet}" is too big to read from an Excel workbook${size}. In Excel choose File > Save As > CSV UTF-8, then drop that file here: a CSV file of any size can be imported.`,
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

/** The sheets, and where the workbook keeps its cell styles (number formats). */
function readPackage(bytes: Uint8Array): { sheets: XlsxSheet[]; stylesPath: string | null } {
  const sheets: XlsxSheet[] = [];
  let stylesPath: string | null = null;
  try {
    const sizes = new Map<string, number>();
    const files = unzipSync(bytes, {
      filter: (f) => {
        sizes.set(f.name, f.originalSize);
        return f.name === workbookPath || f.name === relationsPath;
      },
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
  return { sheets, stylesPath };
}

/** The sheets the rep may choose from: visible worksheets. */
export const offered = (s: XlsxSheet) => !s.hidden && s.cells;

/**
 * Parses one sheet (the chosen one, or the first visible one for null): every cell as trimmed text, blank rows kept
 * as empty arrays so row r of the sheet is index r - 1, leading empty columns kept in place. read-excel-file unzips
 * every entry before parsing any, so the order Excel (or exceljs) stored them in does not matter. With maxRows, only
 * about the first maxRows rows of a big sheet are parsed (for the preview); otherwise the whole sheet, a very big one
 * as runs of its rows (see sheetLimits).
 * This blocks its thread for as long as the sheet takes to parse: callers run it in a worker thread.
 */
export interface ParseOptions {
  limits?: SheetLimits;
  /** How far the rows of a sheet read in runs have been read, 0 to 1, after each run. */
  onProgress?: (fraction: number) => void;
}

export async function parseXlsxSheet(bytes: Uint8Array, sheet: string | null, maxRows: number | null = null, options: ParseOptions = {}): Promise<SheetText> {
  const limits = options.limits ?? sheetLimits;
  const { sheets, stylesPath } = readPackage(bytes);
  const index = sheet === null ? sheets.findIndex(offered) : sheets.findIndex((s) => s.name === sheet);
  if (index < 0) {
    if (sheet === null) throw new UserError('invalid_request', 'This workbook has no visible sheets. Unhide a sheet in Excel, save, and drop it again.');
    throw new UserError('not_found', `The workbook has no sheet called "${sheet}". Choose one of its sheets.`);
  }
  const chosen = sheets[index]!;
  if (!chosen.cells) return packSheet(chosen.name, []);
  if (chosen.xmlBytes !== null && chosen.xmlBytes > limits.maxXmlBytes) throw tooBig(chosen.name, chosen.xmlBytes);
  const path = chosen.path;
  // The styles are the same in every workbook read below (the file, its top, its runs): read once, in the try below.
  let formats = new Map<number, DigitFormat>();
  /**
   * The sheet's rows in `workbook` (the whole file, its top, or a run of its rows whose first is row firstRow + 1),
   * read-excel-file's values as text, added to `into` at their places (blank rows before them kept as empty arrays).
   */
  const read = async (workbook: Uint8Array, into: string[][], firstRow = 0): Promise<void> => {
    const data = (await readSheet(Buffer.from(workbook.buffer, workbook.byteOffset, workbook.byteLength), index + 1)) as unknown as CellValue[][];
    if (formats.size && path) showDigitFormats(workbook, path, formats, data);
    if (data.length === 0) return;
    while (into.length < firstRow) into.push([]);
    for (let r = 0; r < data.length; r++) {
      into.push(rowText(data[r]!));
      data[r] = [];
    }
  };
  const rows: string[][] = [];
  let head: Uint8Array | null = null;
  try {
    if (stylesPath) formats = digitStylesOf(bytes, stylesPath);
    if (maxRows !== null && path !== null) head = workbookHead(bytes, path, maxRows);
    if (head) await read(head, rows);
    else if (maxRows === null && path !== null && (chosen.xmlBytes ?? 0) > limits.sliceAboveBytes) {
      for (const run of workbookSlices(unzipSync(bytes), path, limits.sliceBytes)) {
        await read(run.workbook, rows, run.firstRow);
        options.onProgress?.(run.fraction);
      }
    }
    if (!head && rows.length === 0) await read(bytes, rows);
  } catch (err) {
    throw damaged(err);
  }
  const packed = packSheet(chosen.name, rows);
  return head ? { ...packed, truncated: true } : packed;
}

/**
 * Numbers shown through a digit format (a zip code's "00000") become the text Excel shows. read-excel-file gives the
 * number only, so where the workbook has such a format, the sheet's cells are scanned for the styles that use it.
 */
function showDigitFormats(bytes: Uint8Array, sheetPath: string, formats: Map<number, DigitFormat>, data: CellValue[][]): void {
  const sheet = unzipSync(bytes, { filter: (f) => f.name === sheetPath })[sheetPath];
  const cells = sheet ? digitCells(new TextDecoder().decode(sheet), formats) : null;
  if (cells) applyDigitFormats(data, cells);
}

/** The workbook's cell styles that show numbers through a digit format (none for most workbooks). */
function digitStylesOf(bytes: Uint8Array, stylesPath: string): Map<number, DigitFormat> {
  const styles = unzipSync(bytes, { filter: (f) => f.name === stylesPath })[stylesPath];
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

// Reads .xlsx workbooks: the sheet list from xl/workbook.xml, then one whole sheet with read-excel-file, as text rows.
import { unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { Parser } from 'saxen';
import { UserError } from '../errors';
import { cellText, type CellValue } from './cells';
import { packSheet, type SheetText } from './sheetText';

export interface XlsxSheet {
  name: string;
  /** Hidden or very hidden in Excel: not offered to the rep. */
  hidden: boolean;
}

function damaged(err: unknown): UserError {
  const detail = err instanceof Error ? err.message : String(err);
  return new UserError('invalid_request', `This Excel file could not be read (${detail.slice(0, 120)}). Open it in Excel and save it again as .xlsx or CSV UTF-8.`);
}

/** Excel writes characters XML cannot hold as _xHHHH_ (read-excel-file decodes them the same way in cell text). */
const unescapeXlsx = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * The workbook's sheets in workbook order. read-excel-file gives names but not whether a sheet is hidden, so the
 * <sheet> elements are read here (only that small entry is inflated). It finds sheets in the same document, in the
 * same order and with the same rule (a <sheet> with a name), so a position here is a position there.
 */
export function readXlsxSheets(bytes: Uint8Array): XlsxSheet[] {
  let xml: string;
  try {
    const entry = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' })['xl/workbook.xml'];
    if (!entry) throw new Error('"xl/workbook.xml" file not found inside the `.xlsx` file');
    xml = new TextDecoder().decode(entry);
  } catch (err) {
    throw damaged(err);
  }
  const sheets: XlsxSheet[] = [];
  let failure: Error | null = null;
  const parser = new Parser();
  parser.on('error', (err: Error) => {
    failure ??= err;
  });
  parser.on('openTag', (element: string, attrs: () => Record<string, string>, decode: (s: string) => string) => {
    // Strict Open XML files may prefix the element (x:sheet).
    if (element !== 'sheet' && !element.endsWith(':sheet')) return;
    const a = attrs();
    if (!a.name) return;
    const state = a.state ? decode(a.state) : 'visible';
    sheets.push({ name: unescapeXlsx(decode(a.name)), hidden: state === 'hidden' || state === 'veryHidden' });
  });
  parser.parse(xml);
  if (failure) throw damaged(failure);
  return sheets;
}

/**
 * Parses one sheet whole (the chosen one, or the first visible one for null): every cell as trimmed text, blank
 * rows kept as empty arrays so row r of the sheet is index r - 1, leading empty columns kept in place. read-excel-file
 * unzips every entry before parsing any, so the order Excel (or exceljs) stored them in does not matter.
 * This blocks its thread for as long as the sheet takes to parse: callers run it in a worker thread.
 */
export async function parseXlsxSheet(bytes: Uint8Array, sheet: string | null): Promise<SheetText> {
  const sheets = readXlsxSheets(bytes);
  const index = sheet === null ? sheets.findIndex((s) => !s.hidden) : sheets.findIndex((s) => s.name === sheet);
  if (index < 0) {
    if (sheet === null) throw new UserError('invalid_request', 'This workbook has no visible sheets. Unhide a sheet in Excel, save, and drop it again.');
    throw new UserError('not_found', `The workbook has no sheet called "${sheet}". Choose one of its sheets.`);
  }
  let data: CellValue[][];
  try {
    data = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), index + 1)) as unknown as CellValue[][];
  } catch (err) {
    throw damaged(err);
  }
  // In place, so a big sheet is never held twice (as values and as text).
  const rows = data as unknown as string[][];
  for (let r = 0; r < data.length; r++) rows[r] = rowText(data[r]!);
  return packSheet(sheets[index]!.name, rows);
}

/** The row's cells as text, without the empty cells read-excel-file pads every row with up to the sheet's width. */
function rowText(values: CellValue[]): string[] {
  const cells = values.map((v) => cellText(v).trim());
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  if (end < cells.length) cells.length = end;
  return cells;
}

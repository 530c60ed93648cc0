// The top of a workbook sheet as a workbook of its own, so the mapping step can show a big sheet's first rows without
// waiting for the whole sheet to parse (read-excel-file parses a sheet whole: seconds for a hundred thousand rows).
import { headStrings } from './headStrings';
import { entryStart, storedZip, unzipPackage } from './zipPackage';

/** How much of a sheet's XML is decoded to find its first rows; more than enough for the rows a preview shows. */
const headBytes = 4 * 1024 * 1024;

/**
 * The parts of a package read-excel-file reads (the XML parts and their relationships), so the only ones a workbook
 * built for it (the top of a sheet, a run of its rows) carries: pictures, printer settings and macros stay out of it.
 */
export const readerPart = (name: string) => name.endsWith('.xml') || name.endsWith('.xml.rels');

/** Whether a preview reads a sheet of this much XML whole (workbookHead decides a sheet of unknown size when it reads it). */
export const readsWhole = (xmlBytes: number | null) => xmlBytes === null || xmlBytes <= headBytes;

/**
 * The workbook with the sheet at `sheetPath` cut after its first `rows` row elements, and only the shared strings (at
 * stringsPath) those rows use; every other part the reader reads as it was (the styles it needs). Rows are cut whole, at a
 * row's end tag, and the sheet is closed where it was cut; whatever the sheet held after its cells (merged ranges,
 * links) goes, as the reader does not use it. Null when the sheet is short enough to read whole (within `window`
 * bytes), or its rows cannot be found where expected: the caller then reads it all.
 */
export function workbookHead(bytes: Uint8Array, sheetPath: string, rows: number, options: { stringsPath?: string | null; window?: number } = {}): Uint8Array | null {
  const { stringsPath = null, window = headBytes } = options;
  // Every part the reader reads but the sheet is inflated whole; of the sheet (hundreds of MB in a big workbook), only its start.
  const files = unzipPackage(bytes, (name) => name !== sheetPath && readerPart(name));
  const top = entryStart(bytes, sheetPath, window);
  if (!top || top.byteLength <= window) return null;
  // Cut at a byte boundary, the decoder may end in a partial character: only the text before the last whole row is used.
  const xml = new TextDecoder().decode(top.subarray(0, window));
  const cut = afterRows(xml, rows);
  if (!cut) return null;
  // Only the shared strings the top uses go with it (headStrings.ts): the reader parses all it is given.
  const strings = stringsPath ? files[stringsPath] : undefined;
  const trimmed = strings ? headStrings(cut, new TextDecoder().decode(strings)) : null;
  files[sheetPath] = new TextEncoder().encode(trimmed?.sheet ?? cut);
  if (trimmed) files[stringsPath!] = new TextEncoder().encode(trimmed.strings);
  // Stored, not compressed: this copy lives for one read.
  return storedZip(files);
}

/**
 * Where a sheet's rows begin in its XML (just after <sheetData>), the prefix its element names carry ("x:" in a
 * Strict Open XML file, else ""), and what closes the sheet after a run of its rows (the end tags of the rows element
 * and of the worksheet); null when the sheet has no rows element or an empty one.
 */
export function sheetDataStart(xml: string): { rowsFrom: number; prefix: string; close: string } | null {
  const root = /<((?:\w+:)?worksheet)\b/.exec(xml);
  const open = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!root || !open || open[2] === '/') return null;
  const prefix = open[1] ?? '';
  return { rowsFrom: open.index + open[0].length, prefix, close: `</${prefix}sheetData></${root[1]}>` };
}

/**
 * The sheet XML up to the end of its `rows`-th row element, closed again; null if it has fewer rows in this text. The
 * element names keep the document's prefix ("x:row" in a Strict Open XML file). XML text cannot hold a bare "<", so
 * every "<...row" found is markup.
 */
export function afterRows(xml: string, rows: number): string | null {
  const data = sheetDataStart(xml);
  if (!data) return null;
  const { prefix } = data;
  const rowTag = new RegExp(`<${prefix}row\\b[^>]*?(/?)>|</${prefix}row>`, 'g');
  rowTag.lastIndex = data.rowsFrom;
  let ended = 0;
  for (let m = rowTag.exec(xml); m; m = rowTag.exec(xml)) {
    // A row ends at its end tag, or at once if it is empty (<row r="7"/>).
    if (m[0].startsWith('</') || m[1] === '/') ended++;
    if (ended === rows) return `${xml.slice(0, m.index + m[0].length)}${data.close}`;
  }
  return null;
}

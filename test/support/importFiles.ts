// Builds spreadsheet files in tests and benchmarks (CSV in any encoding, real .xlsx through exceljs) and drives an import through core.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Core } from '../../src/main/core/createCore';
import type { DuplicatePolicy, ImportPreview } from '../../src/shared/contract/imports';
import type { ColumnTarget } from '../../src/shared/import/headerMapping';

export function csvBytes(text: string, encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le' | 'windows-1252' = 'utf-8'): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    case 'utf-16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
    case 'utf-16le':
      return iconv.encode(text, 'utf16le');
    case 'windows-1252':
      return iconv.encode(text, 'windows-1252');
  }
}

/** An empty row ([]) is left out of the file, as Excel leaves out rows with nothing in them. */
/** formats: Excel number formats by 0-based column, given to every cell of the column. */
export type SheetSpec = { name: string; rows: unknown[][]; state?: 'visible' | 'hidden' | 'veryHidden'; formats?: Record<number, string> };

/** A workbook as exceljs writes it (xl/workbook.xml stored last); date1904: the old Mac date system. */
export async function xlsxBytes(sheets: SheetSpec[], options: { date1904?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (options.date1904) wb.properties.date1904 = true;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.state ? { state: s.state } : {});
    for (const values of s.rows) {
      const row = ws.addRow(values);
      for (const [column, format] of Object.entries(s.formats ?? {})) row.getCell(Number(column) + 1).numFmt = format;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Uploads in chunks (as the window does), then previews. */
export async function upload(core: Core, fileName: string, bytes: Uint8Array, chunk = 64 * 1024): Promise<ImportPreview> {
  const { importId } = core.imports.create(fileName, bytes.byteLength);
  for (let offset = 0; offset < bytes.byteLength; offset += chunk) core.imports.append(importId, offset, bytes.subarray(offset, offset + chunk));
  return core.imports.preview(importId);
}

export async function importFile(
  core: Core,
  fileName: string,
  bytes: Uint8Array,
  options: { mapping?: (p: ImportPreview) => ColumnTarget[]; tag?: string | null; policy?: DuplicatePolicy; sheet?: string } = {},
) {
  let preview = await upload(core, fileName, bytes);
  if (options.sheet) preview = await core.imports.preview(preview.importId, options.sheet);
  await core.imports.start({
    importId: preview.importId,
    sheet: preview.sheet,
    mapping: options.mapping ? options.mapping(preview) : preview.suggested,
    tag: options.tag ?? null,
    duplicatePolicy: options.policy ?? 'skip',
  });
  await core.imports.idle();
  return { preview, summary: core.imports.get(preview.importId) };
}

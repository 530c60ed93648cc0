// Reads .xlsx workbooks with exceljs's streaming reader: sheet names, then one sheet's rows in batches.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { UserError } from '../errors';
import { cellText } from './cells';

type WorkbookReader = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookReader>;

function openWorkbook(bytes: Buffer): WorkbookReader {
  return new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // needed to tell dates from numbers
    worksheets: 'emit',
    entries: 'ignore',
  });
}

function damaged(err: unknown): UserError {
  const detail = err instanceof Error ? err.message : String(err);
  return new UserError('invalid_request', `This Excel file could not be read (${detail.slice(0, 120)}). Open it in Excel and save it again as .xlsx or CSV UTF-8.`);
}

interface SheetModel {
  name: string;
  state?: string;
}

/** Sheet names come from workbook.xml, which exceljs has read by the time it reaches the first sheet. */
export async function readXlsxSheetNames(bytes: Buffer): Promise<string[]> {
  const reader = openWorkbook(bytes);
  try {
    for await (const _sheet of reader) break;
  } catch (err) {
    throw damaged(err);
  }
  const model = (reader as unknown as { model?: { sheets?: SheetModel[] } }).model;
  return (model?.sheets ?? []).filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden').map((s) => s.name);
}

export async function* readXlsxRows(bytes: Buffer, sheet: string | null): AsyncGenerator<string[][]> {
  const reader = openWorkbook(bytes);
  let found = false;
  try {
    for await (const ws of reader) {
      const name = (ws as unknown as { name?: string }).name;
      if (!found && (sheet === null || name === sheet)) {
        found = true;
        let batch: string[][] = [];
        let next = 1;
        for await (const row of ws) {
          // Rows Excel left out entirely are blank rows: keep the numbering the rep sees.
          while (next < row.number) {
            batch.push([]);
            next++;
          }
          const values = row.values as unknown[];
          const cells: string[] = [];
          for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
          batch.push(cells);
          next = row.number + 1;
          if (batch.length >= 2000) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
        return;
      }
      // Sheets before the chosen one must be drained: the zip is read in order.
      for await (const _row of ws) {
        // skip
      }
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw damaged(err);
  }
  if (!found) throw new UserError('not_found', `The workbook has no sheet called "${sheet}". Choose one of its sheets.`);
}

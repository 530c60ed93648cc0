// One way to read any supported file: its sheets, then its rows in batches, as text cells.
import { decodeText, type TextEncoding } from './decode';
import { readDelimitedRows, sniffDelimiter, type Delimiter } from './readDelimited';
import type { FileKind } from './fileKind';

export interface SheetReader {
  kind: FileKind;
  /** For text files: what we detected, shown in the mapping step. */
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  sheetNames(): Promise<string[]>;
  /** Rows in file order (blank rows included, as empty arrays), in batches so the caller can yield between them. */
  rows(sheet: string | null): AsyncGenerator<string[][]>;
  /** How far rows() has read, 0 to 1, where the format tells us (text files); null where it does not (workbooks). */
  fraction(): number | null;
}

export function openSheetReader(kind: FileKind, bytes: Buffer): SheetReader {
  if (kind === 'xlsx') {
    // exceljs is large: loaded only when a workbook is read, so text imports (and the worker) start quickly.
    return {
      kind,
      sheetNames: async () => (await import('./readXlsx')).readXlsxSheetNames(bytes),
      async *rows(sheet) {
        yield* (await import('./readXlsx')).readXlsxRows(bytes, sheet);
      },
      fraction: () => null,
    };
  }
  const { text, encoding } = decodeText(bytes);
  const delimiter = sniffDelimiter(text);
  const read = { chars: 0 };
  return {
    kind,
    encoding,
    delimiter,
    sheetNames: async () => [],
    rows: () => readDelimitedRows(text, delimiter, read),
    fraction: () => (text.length ? Math.min(1, read.chars / text.length) : 1),
  };
}

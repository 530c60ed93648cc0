// One way to read any supported file: its sheets, then its rows in batches, as text cells.
import { decodeText, type TextEncoding } from './decode';
import { readDelimitedRows, sniffDelimiter, type Delimiter } from './readDelimited';
import { readXlsxRows, readXlsxSheetNames } from './readXlsx';
import type { FileKind } from './fileKind';

export interface SheetReader {
  kind: FileKind;
  /** For text files: what we detected, shown in the mapping step. */
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  sheetNames(): Promise<string[]>;
  /** Rows in file order (blank rows included, as empty arrays), in batches so the caller can yield between them. */
  rows(sheet: string | null): AsyncGenerator<string[][]>;
}

export function openSheetReader(kind: FileKind, bytes: Buffer): SheetReader {
  if (kind === 'xlsx') {
    return { kind, sheetNames: () => readXlsxSheetNames(bytes), rows: (sheet) => readXlsxRows(bytes, sheet) };
  }
  const { text, encoding } = decodeText(bytes);
  const delimiter = sniffDelimiter(text);
  return { kind, encoding, delimiter, sheetNames: async () => [], rows: () => readDelimitedRows(text, delimiter) };
}

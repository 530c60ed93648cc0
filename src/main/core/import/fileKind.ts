// Decides how to read an uploaded file from its name and first bytes, and says what to do with files we cannot read.
import iconv from 'iconv-lite';
import { UserError } from '../errors';
import { detectEncoding } from './decode';

export type FileKind = 'delimited' | 'xlsx';

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0]; // old binary Office files (.xls, .doc)

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export function extensionOf(fileName: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/** How much of a file's start detectFileKind looks at. */
const headBytes = 8192;

/**
 * Text exports hold next to no control characters (tab and line breaks aside); a PDF, an image or a database file
 * renamed .csv is full of them. NULs padding the end, as some old systems write, are still text.
 */
function looksBinary(head: Uint8Array): boolean {
  const { encoding, bomLength } = detectEncoding(head);
  const body = head.subarray(bomLength);
  // UTF-16 is looked at as characters, any other encoding as bytes (UTF-8's multi-byte characters are all above 0x7f).
  const units: ArrayLike<number> = encoding.startsWith('utf-16') ? codes(iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), encoding)) : body;
  let end = units.length;
  while (end > 0 && units[end - 1] === 0) end--;
  let control = 0;
  for (let i = 0; i < end; i++) if (isControl(units[i]!)) control++;
  return end > 0 && control / end > 0.03;
}

const codes = (text: string): Uint16Array => Uint16Array.from(text, (c) => c.charCodeAt(0));

/** Below space, other than tab, line feed, form feed and carriage return. */
const isControl = (code: number) => code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d;

/**
 * What kind of file this is, from its name and its first bytes (the file, or as much of it as has arrived); a file
 * Repdesk cannot read is refused with what to export instead.
 */
export function detectFileKind(fileName: string, bytes: Uint8Array): FileKind {
  const ext = extensionOf(fileName);
  const head = bytes.subarray(0, headBytes);
  if (ext === 'xls' || startsWith(head, oleMagic)) {
    throw new UserError(
      'invalid_request',
      `"${fileName}" is an old Excel 97-2003 workbook (.xls), which Repdesk cannot read. In Excel choose File > Save As > Excel Workbook (.xlsx) or CSV UTF-8, then drop that file here.`,
    );
  }
  if (ext === 'numbers') {
    throw new UserError('invalid_request', `"${fileName}" is an Apple Numbers file. In Numbers choose File > Export To > CSV (or Excel), then drop that file here.`);
  }
  if (ext === 'xlsx' || ext === 'xlsm') {
    if (!startsWith(head, zipMagic)) {
      throw new UserError('invalid_request', `"${fileName}" is named like an Excel workbook but is not one (it may be damaged or renamed). Open it in Excel and save it again as .xlsx or CSV.`);
    }
    return 'xlsx';
  }
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt' || ext === 'tab') {
    if (startsWith(head, zipMagic)) {
      throw new UserError('invalid_request', `"${fileName}" is named like a text file but is a compressed archive. Export the list as CSV or .xlsx and drop that file here.`);
    }
    if (looksBinary(head)) {
      throw new UserError(
        'invalid_request',
        `"${fileName}" is named like a text file but holds binary data (it may be another kind of file, renamed). Export the list as CSV or .xlsx and drop that file here.`,
      );
    }
    return 'delimited';
  }
  throw new UserError(
    'invalid_request',
    `Repdesk cannot read "${fileName}". Drop a spreadsheet saved as CSV (.csv), tab-separated text (.tsv or .txt) or an Excel workbook (.xlsx).`,
  );
}

// Decides how to read an uploaded file from its name and first bytes, and says what to do with files we cannot read.
import { UserError } from '../errors';

export type FileKind = 'delimited' | 'xlsx';

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0]; // old binary Office files (.xls, .doc)

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export function extensionOf(fileName: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

export function detectFileKind(fileName: string, head: Uint8Array): FileKind {
  const ext = extensionOf(fileName);
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
    return 'delimited';
  }
  throw new UserError(
    'invalid_request',
    `Repdesk cannot read "${fileName}". Drop a spreadsheet saved as CSV (.csv), tab-separated text (.tsv or .txt) or an Excel workbook (.xlsx).`,
  );
}

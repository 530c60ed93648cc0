// Files being uploaded for import: bytes arrive in order, in chunks, and are kept in memory until the import ends.
import { UserError } from '../errors';
import { maxTextImportBytes, sizeText } from '../../../shared/contract/imports';
import { detectFileKind, type FileKind } from './fileKind';
import { openSheetReader, parseInline, type ParseXlsxSheet, type SheetReader } from './sheetReader';
import type { SheetLayout } from './preview';

export interface Upload {
  importId: number;
  fileName: string;
  size: number;
  received: number;
  chunks: Buffer[];
  kind: FileKind | null;
  /** The whole file once it has arrived, in shared memory; what the worker threads read. */
  bytes: Buffer | null;
  /** Reads the whole file; a workbook's reader also keeps the sheet it last parsed, for the import. */
  reader: SheetReader | null;
  /** Reads the first megabytes of a big text file, for the mapping step (opened once). */
  head: SheetReader | null;
  layouts: Map<string, SheetLayout>;
  /** Stops what still works on the file in the background (a workbook's whole-sheet parse) when it is dropped. */
  stop: AbortController;
}

const previewBytes = 2 * 1024 * 1024;

export class Uploads {
  private readonly byId = new Map<number, Upload>();

  /**
   * parseXlsx: how a workbook sheet is parsed (in a worker thread in the app); inline by default. onSheetRead hears
   * how far the whole parse of a very big sheet has got, for the upload it belongs to.
   */
  constructor(
    private readonly parseXlsx: ParseXlsxSheet = parseInline,
    private readonly onSheetRead?: (importId: number, fraction: number) => void,
  ) {}

  create(importId: number, fileName: string, size: number): void {
    this.byId.set(importId, { importId, fileName, size, received: 0, chunks: [], kind: null, bytes: null, reader: null, head: null, layouts: new Map(), stop: new AbortController() });
  }

  get(importId: number): Upload {
    const u = this.byId.get(importId);
    if (!u) throw new UserError('not_found', 'That file is no longer waiting to be imported (Repdesk may have restarted). Drop it again.');
    return u;
  }

  has(importId: number): boolean {
    return this.byId.has(importId);
  }

  /** Whether any file is waiting for its import. */
  any(): boolean {
    return this.byId.size > 0;
  }

  append(importId: number, offset: number, bytes: Uint8Array): number {
    const u = this.get(importId);
    if (offset !== u.received) throw new UserError('conflict', `Expected the piece of the file at byte ${u.received}, got ${offset}. Drop the file again.`);
    if (u.received + bytes.byteLength > u.size) throw new UserError('invalid_request', 'The file is larger than announced. Drop it again.');
    if (u.received === 0 && bytes.byteLength > 0) {
      u.kind = detectFileKind(u.fileName, bytes);
      if (u.kind === 'delimited' && u.size > maxTextImportBytes) {
        throw new UserError(
          'invalid_request',
          `"${u.fileName}" is ${sizeText(u.size)}: Repdesk reads text files of up to ${sizeText(maxTextImportBytes)} (some 3.5 million rows). Split it into smaller files (each with the header row) and import them one after the other.`,
        );
      }
    }
    u.chunks.push(Buffer.from(bytes));
    u.received += bytes.byteLength;
    return u.received;
  }

  /**
   * A reader for the mapping step. A big text file is previewed from its first megabytes only, so the
   * main thread never decodes hundreds of MB to show ten rows; the import itself reads the whole file.
   */
  previewReader(importId: number): { upload: Upload; reader: SheetReader; partial: boolean } {
    const { upload, bytes, kind } = this.complete(importId);
    if (kind === 'delimited' && bytes.byteLength > previewBytes) {
      const cut = bytes.lastIndexOf(0x0a, previewBytes);
      upload.head ??= openSheetReader(kind, bytes.subarray(0, cut > 0 ? cut + 1 : previewBytes));
      return { upload, reader: upload.head, partial: true };
    }
    return { ...this.reader(importId), partial: false };
  }

  /** The whole file, once it has arrived, and its kind (known from its first piece). */
  private complete(importId: number): { upload: Upload; bytes: Buffer; kind: FileKind } {
    const u = this.get(importId);
    if (u.received < u.size) throw new UserError('conflict', `The file has not fully arrived (${u.received} of ${u.size} bytes). Wait for the upload to finish.`);
    if (u.size === 0) throw new UserError('invalid_request', `"${u.fileName}" is empty. Export the list again and drop the new file.`);
    if (!u.bytes) {
      // Put together in shared memory: the import's worker threads read the file where it is, instead of each being
      // handed a copy of its own (two copies of 140 MB made on the main thread at the start of a million-row import).
      const whole = Buffer.from(new SharedArrayBuffer(u.received));
      let at = 0;
      for (const chunk of u.chunks) {
        whole.set(chunk, at);
        at += chunk.byteLength;
      }
      u.bytes = whole;
      u.chunks = [];
    }
    u.kind ??= detectFileKind(u.fileName, u.bytes);
    return { upload: u, bytes: u.bytes, kind: u.kind };
  }

  /** Opens the whole file for reading once it has fully arrived (decoded or parsed once, kept until the import ends). */
  reader(importId: number): { upload: Upload; reader: SheetReader } {
    const u = this.get(importId);
    if (u.reader) return { upload: u, reader: u.reader };
    const { bytes, kind } = this.complete(importId);
    const parse: ParseXlsxSheet = (b, sheet, maxRows, _onProgress, signal) =>
      this.parseXlsx(b, sheet, maxRows, maxRows === undefined ? (f) => this.onSheetRead?.(importId, f) : undefined, signal ? AbortSignal.any([signal, u.stop.signal]) : u.stop.signal);
    u.reader = openSheetReader(kind, bytes, parse);
    return { upload: u, reader: u.reader };
  }

  /** Forgets the file, and stops any parse of it still running. */
  discard(importId: number): boolean {
    this.byId.get(importId)?.stop.abort(new UserError('conflict', 'Reading the workbook was stopped: the file was closed.'));
    return this.byId.delete(importId);
  }
}

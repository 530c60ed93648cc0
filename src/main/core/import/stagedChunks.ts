// Reads a sheet, normalises its rows and writes them to chunk files: the CPU-heavy half of an import, run in worker threads where built.
import { join } from 'node:path';
import type { ColumnTarget } from '../../../shared/import/headerMapping';
import { columnLetter } from '../../../shared/import/headerMapping';
import { isBlankRow } from '../../../shared/import/headerRow';
import { chunkFileWriter, type ChunkFileWriter } from '../db/queries/importChunks';
import { searchName } from '../db/queries/prospects';
import type { FileKind } from './fileKind';
import { rowNormalizer } from './normalizeRow';
import type { SheetReader, TextFormat } from './sheetReader';
import { suppressionMatcher, type SuppressionEntry } from './suppressionMatcher';

/** What to read, how to map it and where to write it: plain data, so it can cross to a worker thread. */
export interface ImportPlan {
  kind: FileKind;
  sheet: string | null;
  /** 0-based index of the header row (or of the first data row when hasHeader is false). */
  headerIndex: number;
  hasHeader: boolean;
  headers: string[];
  mapping: ColumnTarget[];
  defaultCountry: string;
  repTimeZone: string;
  /** The import's own folder for its chunk files; inMemoryChunks for chunks nobody takes in (a warm-up's). */
  stagingDir: string;
  /** The do-not-contact list when the import starts: rows it covers are staged as suppressed. */
  suppression: SuppressionEntry[];
  /** The upload the rows come from: a worker that read it on standby uses what it read (standbyPreparation.ts). */
  uploadId?: number;
  /** How the preview found a text file written: a worker decoding it alike does not guess again (openSheetReader). */
  textFormat?: TextFormat;
  /** Rows per chunk once the import is under way (see chunkSize); tests set it small. */
  chunkRows?: number;
  /**
   * Normalising is the import's heaviest work: several workers share it. All find the same chunk boundaries (from
   * the file's record starts, or by reading it whole where it cannot be split); each normalises and writes every
   * count-th chunk, starting at index, so chunk k comes from worker k % count.
   */
  share?: { index: number; count: number };
}

/** One chunk of the file, written and closed: the promotion attaches its file and takes its rows in. */
export interface StagedChunk {
  /** The chunk's place in the file: 0, 1, 2, ... */
  index: number;
  path: string;
  /** Row numbers (as in the sheet) of the chunk's prospects, in file order. */
  numbers: number[];
  /** Their normalised emails, in the same order, joined by newlines (one string crosses threads cheaply). */
  emails: string;
  /** Rows that were not blank, rows rejected, blank rows. */
  total: number;
  rejected: number;
  blank: number;
  /** How far through the file the chunk reaches (null when the format cannot tell). */
  fraction: number | null;
}

/**
 * Rows per chunk: each is taken into the store in one transaction, during which the window waits (about 0.2 s at
 * 100,000 rows, with the workers busy on both cores). Chunks of 5,000 rows shortened that wait by about a fifth but
 * made the whole import 10 to 20% slower (a transaction's fixed costs, twice as often), so they stay at 10,000.
 */
export const defaultChunkRows = 10_000;

/**
 * How many rows of the file chunk k covers: small at first (250, 500, 1,000, ...), so the first prospects reach the
 * store a moment after the import starts instead of once ten thousand rows are normalised, then `rows` each. The first
 * rows are the slowest (the code is not compiled yet, about 80 µs a row): starting at 250 rows instead of 1,000 had them
 * in the store about 40 ms sooner. Every worker computes the same boundaries, so they agree on which rows are whose.
 */
export function chunkSize(k: number, rows: number): number {
  return Math.min(rows, 250 * 2 ** k);
}

/** The row as read, keyed by header, so a rejected row can be shown, fixed and exported as it was. */
export function rawRecord(cells: string[], headers: string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < Math.max(cells.length, headers.length); i++) {
    const v = cells[i] ?? '';
    if (i < headers.length) raw[headers[i]!] = v;
    else if (v.trim()) raw[`Column ${columnLetter(i)}`] = v;
  }
  return raw;
}

/** A stagingDir that has the chunks written to memory and dropped when closed (standbyPreparation.ts). */
export const inMemoryChunks = ':memory:';

export const chunkPath = (stagingDir: string, index: number) => (stagingDir === inMemoryChunks ? inMemoryChunks : join(stagingDir, `chunk-${index}.sqlite`));

/** The cells of the given rows (numbers as in the sheet), read from the file again. */
export async function cellsOf(reader: SheetReader, sheet: string | null, rowNumbers: number[]): Promise<Map<number, string[]>> {
  const wanted = new Set(rowNumbers);
  const last = rowNumbers.reduce((m, n) => Math.max(m, n), 0);
  const out = new Map<number, string[]>();
  let n = 0;
  for await (const batch of reader.rows(sheet)) {
    for (const cells of batch) {
      n++;
      if (wanted.has(n)) out.set(n, cells);
    }
    if (n >= last) break;
  }
  return out;
}

export async function* stagedChunks(reader: SheetReader, plan: ImportPlan): AsyncGenerator<StagedChunk> {
  const normalize = rowNormalizer({ headers: plan.headers, mapping: plan.mapping, defaultCountry: plan.defaultCountry, repTimeZone: plan.repTimeZone });
  const share = plan.share ?? { index: 0, count: 1 };
  const chunkRows = plan.chunkRows ?? defaultChunkRows;
  const size = (k: number) => chunkSize(k, chunkRows);
  const suppression = suppressionMatcher(plan.suppression);
  let open: OpenChunk | null = null;
  /** Row `index` (0-based in the sheet) of the open chunk: header rows skipped, blank rows counted, the rest normalised and written. */
  const take = (cells: string[], index: number) => {
    if (index < plan.headerIndex || (plan.hasHeader && index === plan.headerIndex)) return;
    const { writer, chunk, emails } = open!;
    const n = index + 1;
    if (isBlankRow(cells)) {
      chunk.blank++;
      return;
    }
    chunk.total++;
    const r = normalize(cells);
    if (!r.ok) {
      chunk.rejected++;
      writer.reject(n, r.reason, JSON.stringify(rawRecord(cells, plan.headers)));
      return;
    }
    const d = r.draft;
    writer.add(n, d, suppression.isSuppressed(d.emailNormalized) ? 'suppressed' : 'active', searchName(d.firstName, d.lastName));
    chunk.numbers.push(n);
    emails.push(d.emailNormalized);
  };
  try {
    // Where the file can be split, each worker reads only its own chunks.
    const chunked = share.count > 1 ? await reader.chunked?.(plan.sheet, size) : null;
    if (chunked) {
      for (let k = share.index; k < chunked.count; k += share.count) {
        const rows = chunked.rows(k);
        const first = chunked.firstRow(k);
        open = openChunk(plan.stagingDir, k);
        for (let i = 0; i < rows.length; i++) take(rows[i]!, first + i);
        const done = open;
        open = null;
        yield finish(done, chunked.fraction(k));
      }
      return;
    }
    // Otherwise every worker reads the whole file, and normalises its own chunks of it.
    let index = -1;
    let chunkIndex = 0;
    let rowsInChunk = 0;
    for await (const batch of reader.rows(plan.sheet)) {
      for (const cells of batch) {
        index++;
        if (rowsInChunk === size(chunkIndex)) {
          const done = open;
          open = null;
          chunkIndex++;
          rowsInChunk = 0;
          if (done) yield finish(done, reader.fraction());
        }
        rowsInChunk++;
        if (chunkIndex % share.count !== share.index) continue;
        open ??= openChunk(plan.stagingDir, chunkIndex);
        take(cells, index);
      }
    }
    const done = open;
    open = null;
    if (done) yield finish(done, reader.fraction());
  } finally {
    // Stopped early (cancelled, failed): the half-written file is left for the import to delete with its folder.
    (open as OpenChunk | null)?.writer.abandon();
  }
}

interface OpenChunk {
  writer: ChunkFileWriter;
  chunk: StagedChunk;
  emails: string[];
}

function openChunk(stagingDir: string, index: number): OpenChunk {
  const path = chunkPath(stagingDir, index);
  return { writer: chunkFileWriter(path), chunk: { index, path, numbers: [], emails: '', total: 0, rejected: 0, blank: 0, fraction: null }, emails: [] };
}

function finish(open: OpenChunk, fraction: number | null): StagedChunk {
  open.writer.close();
  open.chunk.emails = open.emails.join('\n');
  open.chunk.fraction = fraction;
  return open.chunk;
}

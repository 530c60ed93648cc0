// Reads a sheet and normalises its rows, in batches: the CPU-heavy half of an import, run in a worker thread where one is available.
import type { ColumnTarget } from '../../../shared/import/headerMapping';
import { isBlankRow } from '../../../shared/import/headerRow';
import type { FileKind } from './fileKind';
import { normalizeRow, type ProspectDraft } from './normalizeRow';
import type { SheetReader } from './sheetReader';

/** What to read and how to map it: plain data, so it can cross to a worker thread. */
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
  /**
   * Normalising is the import's heaviest work: several workers can share it. Each reads the whole file (cheap
   * for text) and normalises every count-th batch of the reader's, starting at index; it yields every one of
   * its batches, even an empty one, so the writer can take batches from the workers in turn.
   */
  share?: { index: number; count: number };
}

/**
 * A row's cells as they travel to the writer: joined by a unit separator, because one string crosses to the
 * main thread (structured clone) far more cheaply than a dozen. A row holding that character stays an array.
 */
export type PackedCells = string | string[];
const separator = '\u001f';

export function packCells(cells: string[]): PackedCells {
  for (const c of cells) if (c.includes(separator)) return cells;
  return cells.join(separator);
}

export function unpackCells(cells: PackedCells): string[] {
  return typeof cells === 'string' ? cells.split(separator) : cells;
}

/** One row's fate before it meets the store; cells travel along so a rejected or duplicate row is kept as read. */
export type RowOutcome =
  | { n: number; blank: true }
  | { n: number; blank?: false; draft: ProspectDraft; cells: PackedCells }
  | { n: number; blank?: false; reason: string; cells: PackedCells };

/** A batch of outcomes and how far through the file it reaches (null when the format cannot tell). */
export interface RowBatch {
  rows: RowOutcome[];
  fraction: number | null;
}

export async function* normalizedRows(reader: SheetReader, plan: ImportPlan): AsyncGenerator<RowBatch> {
  const ctx = { headers: plan.headers, mapping: plan.mapping, defaultCountry: plan.defaultCountry, repTimeZone: plan.repTimeZone };
  let index = -1;
  let batchNo = -1;
  const share = plan.share ?? { index: 0, count: 1 };
  for await (const batch of reader.rows(plan.sheet)) {
    batchNo++;
    if (batchNo % share.count !== share.index) {
      index += batch.length;
      continue;
    }
    const out: RowOutcome[] = [];
    for (const cells of batch) {
      index++;
      if (index < plan.headerIndex || (plan.hasHeader && index === plan.headerIndex)) continue;
      const n = index + 1;
      if (isBlankRow(cells)) {
        out.push({ n, blank: true });
        continue;
      }
      const r = normalizeRow(cells, ctx);
      out.push(r.ok ? { n, draft: r.draft, cells: packCells(cells) } : { n, reason: r.reason, cells: packCells(cells) });
    }
    if (out.length || share.count > 1) yield { rows: out, fraction: reader.fraction() };
  }
}

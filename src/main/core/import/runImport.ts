// The import's writing half: normalised rows are staged outside the store, then promoted in one short transaction.
import type { DuplicatePolicy, ImportCounts } from '../../../shared/contract/imports';
import { columnLetter } from '../../../shared/import/headerMapping';
import type { Db } from '../db/open';
import { createStagingTables, dropStagingTables } from '../db/queries/importStaging';
import { applyDraft } from './applyDraft';
import { promoteImport } from './promoteImport';
import { stagedProspects } from './stagedProspects';
import { unpackCells, type PackedCells, type RowBatch } from './normalizedRows';
import type { SuppressionMatcher } from './suppressionMatcher';

export interface ImportJob {
  importId: number;
  /** Rows read and normalised, in file order: from a worker thread, or inline. */
  rows: AsyncIterable<RowBatch>;
  headers: string[];
  tag: string | null;
  policy: DuplicatePolicy;
  suppression: SuppressionMatcher;
  /** The do-not-contact list as it is when the import is promoted. */
  currentSuppression: () => SuppressionMatcher;
  now: () => number;
  isCancelled: () => boolean;
  onProgress: (processed: number, counts: ImportCounts, fraction: number | null) => void;
  /** Every row is read and staged: the promotion starts once this has had a turn of the event loop to go out; a big one reports how far it is. */
  onSaving: (counts: ImportCounts, fraction: number) => void;
  /** How many new prospects each promoting transaction takes (see promoteImport); tests set it small. */
  chunkRows?: number;
}

export type ImportOutcome = { status: 'done' | 'cancelled'; counts: ImportCounts };

const rowsPerSlice = 1000;
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function emptyCounts(): ImportCounts {
  return { total: 0, created: 0, updated: 0, duplicates: 0, suppressed: 0, rejected: 0, blank: 0 };
}

/** The row as read, keyed by header, so a rejected row can be shown, fixed and exported as it was. */
export function rawRecord(packed: PackedCells, headers: string[]): Record<string, string> {
  const cells = unpackCells(packed);
  const raw: Record<string, string> = {};
  for (let i = 0; i < Math.max(cells.length, headers.length); i++) {
    const v = cells[i] ?? '';
    if (i < headers.length) raw[headers[i]!] = v;
    else if (v.trim()) raw[`Column ${columnLetter(i)}`] = v;
  }
  return raw;
}

export async function runImport(db: Db, job: ImportJob): Promise<ImportOutcome> {
  const counts = emptyCounts();
  const seenInFile = new Map<string, number>();
  let rowNumber = 0;
  let sinceYield = 0;
  // Staging writes only this connection's temp tables: no lock on the store while the file is read.
  createStagingTables(db);
  try {
    const staged = stagedProspects(db, () => rowNumber);
    const { staging } = staged;
    const now = job.now();
    // The real tag is created at promotion; any id tells applyDraft the rows are to be tagged.
    const tagId = job.tag ? 0 : null;
    let cancelled = false;
    for await (const batch of job.rows) {
      // One temp-table transaction per batch: the staging writes are far cheaper together than alone.
      db.exec('SAVEPOINT import_stage_batch');
      staged.lookAhead(batch.rows.flatMap((r) => (!r.blank && 'draft' in r ? [r.draft.emailNormalized] : [])));
      try {
        for (const row of batch.rows) {
          if (row.blank) {
            counts.blank++;
            continue;
          }
          counts.total++;
          rowNumber = row.n;
          if ('reason' in row) {
            counts.rejected++;
            staging.addIssue(row.n, 'rejected', row.reason, JSON.stringify(rawRecord(row.cells, job.headers)), null);
            continue;
          }
          const email = row.draft.emailNormalized;
          const suppressed = job.suppression.isSuppressed(email);
          const applied = applyDraft(row.draft, { q: staged, policy: job.policy, importId: job.importId, tagId, suppressed, now, seenInFile, rowNumber: row.n });
          if (applied.outcome === 'duplicate') {
            counts.duplicates++;
            staging.addIssue(row.n, 'duplicate', applied.reason, JSON.stringify(rawRecord(row.cells, job.headers)), email);
          } else if (applied.outcome === 'created') counts.created++;
          else if (applied.outcome === 'updated') counts.updated++;
          else counts.suppressed++;
        }
      } finally {
        db.exec('RELEASE import_stage_batch');
      }
      sinceYield += batch.rows.length;
      if (sinceYield >= rowsPerSlice) {
        sinceYield = 0;
        job.onProgress(counts.total, counts, batch.fraction);
        await yieldToLoop();
      }
      if (job.isCancelled()) {
        cancelled = true;
        break;
      }
    }
    if (cancelled) return { status: 'cancelled', counts };
    // The promotion holds this thread (about a second per 100,000 rows): say so first, so the window can show it.
    job.onSaving(counts, 0);
    await yieldToLoop();
    const final = await promoteImport(db, {
      importId: job.importId,
      tag: job.tag,
      policy: job.policy,
      stagedWith: job.suppression,
      suppressionNow: job.currentSuppression,
      now: job.now(),
      counts,
      onChunk: (fraction) => job.onSaving(counts, fraction),
      ...(job.chunkRows ? { chunkRows: job.chunkRows } : {}),
    });
    return { status: 'done', counts: final.counts };
  } finally {
    dropStagingTables(db);
  }
}

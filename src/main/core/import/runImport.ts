// The import's writing half: normalised rows -> prospects, in one transaction, in slices that yield to the event loop.
import type { DuplicatePolicy, ImportCounts } from '../../../shared/contract/imports';
import { columnLetter } from '../../../shared/import/headerMapping';
import type { Db } from '../db/open';
import { importQueries } from '../db/queries/imports';
import { prospectQueries, searchIndexQueries } from '../db/queries/prospects';
import { applyDraft } from './applyDraft';
import type { RowBatch } from './normalizedRows';
import type { SuppressionMatcher } from './suppressionMatcher';

export interface ImportJob {
  importId: number;
  /** Rows read and normalised, in file order: from a worker thread, or inline. */
  rows: AsyncIterable<RowBatch>;
  headers: string[];
  tag: string | null;
  policy: DuplicatePolicy;
  suppression: SuppressionMatcher;
  now: () => number;
  isCancelled: () => boolean;
  onProgress: (processed: number, counts: ImportCounts, fraction: number | null) => void;
}

/** Prospects a finished import created or updated (offered for enrollment), and those it marked suppressed. */
export interface ImportedProspects {
  enrollable: number[];
  suppressed: number[];
}
export type ImportOutcome = { status: 'done'; counts: ImportCounts; prospects: ImportedProspects } | { status: 'cancelled'; counts: ImportCounts };

const rowsPerSlice = 1000;
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function emptyCounts(): ImportCounts {
  return { total: 0, created: 0, updated: 0, duplicates: 0, suppressed: 0, rejected: 0, blank: 0 };
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

export async function runImport(db: Db, job: ImportJob): Promise<ImportOutcome> {
  const q = prospectQueries(db);
  const iq = importQueries(db);
  const search = searchIndexQueries(db);
  const counts = emptyCounts();
  const seenInFile = new Map<string, number>();
  // Sets: a file may name the same prospect twice (fill-empty / overwrite update it again).
  const enrollable = new Set<number>();
  const suppressedIds = new Set<number>();
  let sinceYield = 0;

  db.exec('BEGIN IMMEDIATE');
  try {
    const indexState = search.defer();
    const now = job.now();
    const tagId = job.tag ? q.tagIdFor(job.tag, now) : null;
    for await (const batch of job.rows) {
      for (const row of batch.rows) {
        if (row.blank) {
          counts.blank++;
          continue;
        }
        counts.total++;
        if ('reason' in row) {
          counts.rejected++;
          iq.addIssue(job.importId, row.n, 'rejected', row.reason, rawRecord(row.cells, job.headers), null);
        } else {
          const suppressed = job.suppression.isSuppressed(row.draft.emailNormalized);
          const applied = applyDraft(row.draft, { q, policy: job.policy, importId: job.importId, tagId, suppressed, now, seenInFile, rowNumber: row.n });
          if (applied.outcome === 'duplicate') {
            counts.duplicates++;
            iq.addIssue(job.importId, row.n, 'duplicate', applied.reason, rawRecord(row.cells, job.headers), applied.prospectId);
          } else if (applied.outcome === 'created') {
            counts.created++;
            enrollable.add(applied.prospectId);
          } else if (applied.outcome === 'updated') {
            counts.updated++;
            enrollable.add(applied.prospectId);
          } else {
            counts.suppressed++;
            suppressedIds.add(applied.prospectId);
          }
        }
        if (++sinceYield >= rowsPerSlice) {
          sinceYield = 0;
          job.onProgress(counts.total, counts, batch.fraction);
          await yieldToLoop();
          if (job.isCancelled()) break;
        }
      }
      if (job.isCancelled()) {
        db.exec('ROLLBACK');
        return { status: 'cancelled', counts };
      }
    }
    await search.indexAndResume(indexState, yieldToLoop);
    iq.finish(job.importId, counts, job.now());
    db.exec('COMMIT');
    return { status: 'done', counts, prospects: { enrollable: [...enrollable], suppressed: [...suppressedIds].filter((id) => !enrollable.has(id)) } };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

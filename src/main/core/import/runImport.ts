// The import pipeline: rows -> normalise -> write, in one transaction, in batches that yield to the event loop.
import type { DuplicatePolicy, ImportCounts } from '../../../shared/contract/imports';
import { columnLetter, type ColumnTarget } from '../../../shared/import/headerMapping';
import { isBlankRow } from '../../../shared/import/headerRow';
import type { Db } from '../db/open';
import { importQueries } from '../db/queries/imports';
import { prospectQueries, searchIndexQueries } from '../db/queries/prospects';
import { applyDraft } from './applyDraft';
import { normalizeRow } from './normalizeRow';
import type { SheetReader } from './sheetReader';
import type { SuppressionMatcher } from './suppressionMatcher';

export interface ImportJob {
  importId: number;
  reader: SheetReader;
  sheet: string | null;
  /** 0-based index of the header row (or of the first data row when hasHeader is false). */
  headerIndex: number;
  hasHeader: boolean;
  headers: string[];
  mapping: ColumnTarget[];
  tag: string | null;
  policy: DuplicatePolicy;
  defaultCountry: string;
  repTimeZone: string;
  suppression: SuppressionMatcher;
  now: () => number;
  isCancelled: () => boolean;
  onProgress: (processed: number, counts: ImportCounts) => void;
}

export type ImportOutcome = { status: 'done'; counts: ImportCounts } | { status: 'cancelled'; counts: ImportCounts };

const rowsPerSlice = 1000;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

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
  const counts = emptyCounts();
  const ctx = { headers: job.headers, mapping: job.mapping, defaultCountry: job.defaultCountry, repTimeZone: job.repTimeZone };
  const seenInFile = new Map<string, number>();
  let index = -1;
  let sinceYield = 0;

  const search = searchIndexQueries(db);
  db.exec('BEGIN IMMEDIATE');
  try {
    const indexAfter = search.defer();
    const now = job.now();
    const tagId = job.tag ? q.tagIdFor(job.tag, now) : null;
    for await (const batch of job.reader.rows(job.sheet)) {
      for (const cells of batch) {
        index++;
        if (index < job.headerIndex || (job.hasHeader && index === job.headerIndex)) continue;
        const rowNumber = index + 1;
        if (isBlankRow(cells)) {
          counts.blank++;
          continue;
        }
        counts.total++;
        const result = normalizeRow(cells, ctx);
        if (!result.ok) {
          counts.rejected++;
          iq.addIssue(job.importId, rowNumber, 'rejected', result.reason, rawRecord(cells, job.headers), null);
        } else {
          const suppressed = job.suppression.isSuppressed(result.draft.emailNormalized);
          const applied = applyDraft(result.draft, { q, policy: job.policy, importId: job.importId, tagId, suppressed, now, seenInFile, rowNumber });
          if (applied.outcome === 'duplicate') {
            counts.duplicates++;
            iq.addIssue(job.importId, rowNumber, 'duplicate', applied.reason, rawRecord(cells, job.headers), applied.prospectId);
          } else if (applied.outcome === 'created') counts.created++;
          else if (applied.outcome === 'updated') counts.updated++;
          else counts.suppressed++;
        }
        if (++sinceYield >= rowsPerSlice) {
          sinceYield = 0;
          job.onProgress(counts.total, counts);
          await yieldToLoop();
          if (job.isCancelled()) {
            db.exec('ROLLBACK');
            return { status: 'cancelled', counts };
          }
        }
      }
      if (job.isCancelled()) {
        db.exec('ROLLBACK');
        return { status: 'cancelled', counts };
      }
    }
    await search.indexAndResume(indexAfter, yieldToLoop);
    iq.finish(job.importId, counts, job.now());
    db.exec('COMMIT');
    return { status: 'done', counts };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

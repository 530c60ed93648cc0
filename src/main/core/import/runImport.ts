// The import's writing half: chunk files, in file order, into the store as they come; then the rows set aside, decided one by one.
import { rm } from 'node:fs/promises';
import type { DuplicatePolicy, ImportCounts } from '../../../shared/contract/imports';
import type { Db } from '../db/open';
import { createStagingTables, dropStagingTables, specialRows } from '../db/queries/importStaging';
import { applyDraft } from './applyDraft';
import { yieldToLoop } from '../yieldToLoop';
import { draftOf, importPromotion, type IndexesElsewhere } from './promoteImport';
import { stagedProspects } from './stagedProspects';
import { rawRecord, type StagedChunk } from './stagedChunks';
import type { SuppressionMatcher } from './suppressionMatcher';

export interface ImportJob {
  importId: number;
  /** The file's chunk files, in file order: from worker threads, or written inline. */
  chunks: AsyncIterable<StagedChunk>;
  headers: string[];
  tag: string | null;
  policy: DuplicatePolicy;
  /** The do-not-contact list the rows are staged against. */
  suppression: SuppressionMatcher;
  /** The do-not-contact list as it is now. */
  currentSuppression: () => SuppressionMatcher;
  now: () => number;
  isCancelled: () => boolean;
  onProgress: (processed: number, counts: ImportCounts, fraction: number | null) => void;
  /** Every row is read: what is left is the rows set aside and the last transaction; fraction is how far that is. */
  onSaving: (counts: ImportCounts, fraction: number) => void;
  /** Called between two chunk transactions, with what is in so far (tests use it to write in between). */
  afterChunk?: (counts: ImportCounts) => void;
  /**
   * The cells of these rows as read, for the duplicates among the rows set aside: they are kept as the file had them.
   * Chunk files hold only normalised values, so the file is read again for them (only when there are duplicates).
   */
  cellsOf: (rowNumbers: number[]) => Promise<Map<number, string[]>>;
  /** Where a big bulk load's indexes are built in a worker thread (see promoteImport.ts). */
  indexesElsewhere?: IndexesElsewhere | null;
}

export type ImportOutcome = { status: 'done' | 'cancelled'; counts: ImportCounts };


export function emptyCounts(): ImportCounts {
  return { total: 0, created: 0, updated: 0, duplicates: 0, suppressed: 0, rejected: 0, blank: 0 };
}

/** Rows set aside are decided this many at a time, with the event loop free in between. */
const specialSlice = 1000;

export async function runImport(db: Db, job: ImportJob): Promise<ImportOutcome> {
  const counts = emptyCounts();
  // The first row of the file holding each email: a later row with it repeats it.
  const firstRow = new Map<string, number>();
  createStagingTables(db);
  const promotion = importPromotion(db, {
    importId: job.importId,
    tag: job.tag,
    policy: job.policy,
    stagedWith: job.suppression,
    suppressionNow: job.currentSuppression,
    now: job.now(),
    indexesElsewhere: job.indexesElsewhere ?? null,
  });
  let finished = false;
  try {
    for await (const chunk of job.chunks) {
      counts.total += chunk.total;
      counts.rejected += chunk.rejected;
      counts.blank += chunk.blank;
      const repeats: number[] = [];
      if (chunk.numbers.length > 0) {
        const emails = chunk.emails.split('\n');
        for (let i = 0; i < emails.length; i++) {
          const email = emails[i]!;
          if (firstRow.has(email)) repeats.push(chunk.numbers[i]!);
          else firstRow.set(email, chunk.numbers[i]!);
        }
      }
      // How many rows the whole file holds, guessed from how far this chunk reaches (for the bulk load's choice).
      const expectedRows = chunk.fraction ? Math.round(counts.total / chunk.fraction) : null;
      const taken = promotion.takeChunk(chunk.path, repeats, expectedRows);
      // Deleted off the main thread (a few ms a file); the folder goes with whatever is left when the import ends.
      void rm(chunk.path, { force: true }).catch(() => undefined);
      counts.created += taken.created;
      counts.suppressed += taken.suppressed;
      job.onProgress(counts.total, counts, chunk.fraction);
      job.afterChunk?.(counts);
      await yieldToLoop();
      if (job.isCancelled()) {
        await promotion.undo();
        finished = true;
        return { status: 'cancelled', counts };
      }
    }
    job.onSaving(counts, 0);
    await yieldToLoop();
    await promotion.restoreIndexes();
    await decideSetAside(db, job, firstRow, counts);
    const final = promotion.finish(counts);
    finished = true;
    return { status: 'done', counts: final };
  } finally {
    // Failed part-way: what the import created goes again; nothing it would have merged was written.
    if (!finished) await promotion.undo().catch(() => undefined);
    dropStagingTables(db);
  }
}

/**
 * The rows set aside (an email seen earlier in the file, or one the store has), in file order, against the store as
 * the chunks left it. Their merges and any new prospect they turn out to be are staged (stagedProspects.ts) for the
 * last transaction; duplicates are recorded with the row as read.
 */
async function decideSetAside(db: Db, job: ImportJob, firstRow: Map<string, number>, counts: ImportCounts): Promise<void> {
  let rowNumber = 0;
  const staged = stagedProspects(db, () => rowNumber);
  const rows = specialRows(db);
  const total = rows.count();
  const suppression = job.currentSuppression();
  const now = job.now();
  // The real tag is in place already; any id tells applyDraft the rows are to be tagged.
  const tagId = job.tag ? 0 : null;
  let done = 0;
  const duplicates: { n: number; reason: string; email: string }[] = [];
  for (let after = 0; ; ) {
    const slice = rows.after(after, specialSlice);
    if (slice.length === 0) break;
    staged.lookAhead(slice.map((r) => r.email_normalized));
    db.exec('SAVEPOINT import_set_aside');
    try {
      for (const r of slice) {
        rowNumber = r.n;
        const email = r.email_normalized;
        const earlier = firstRow.get(email);
        const applied = applyDraft(draftOf(r), { q: staged, policy: job.policy, importId: job.importId, tagId, suppressed: suppression.isSuppressed(email), now, ...(earlier !== undefined && earlier !== r.n ? { earlierRow: earlier } : {}) });
        if (applied.outcome === 'duplicate') {
          counts.duplicates++;
          duplicates.push({ n: r.n, reason: applied.reason, email });
        } else if (applied.outcome === 'updated') counts.updated++;
      }
    } finally {
      db.exec('RELEASE import_set_aside');
    }
    after = slice.at(-1)!.n;
    done += slice.length;
    job.onSaving(counts, total ? done / total : 1);
    await yieldToLoop();
  }
  if (duplicates.length === 0) return;
  const cells = await job.cellsOf(duplicates.map((d) => d.n));
  for (const d of duplicates) staged.staging.addIssue(d.n, 'duplicate', d.reason, JSON.stringify(rawRecord(cells.get(d.n) ?? [d.email], job.headers)), d.email);
}

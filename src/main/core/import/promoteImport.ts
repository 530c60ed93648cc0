// Takes a staged import into the store: each chunk file in a short transaction of its own as it arrives, then the rest in one.
import type { DuplicatePolicy, ImportCounts } from '../../../shared/contract/imports';
import type { ProspectStatus, TimeZoneSource } from '../../../shared/domain/prospect';
import type { Db } from '../db/open';
import { attachChunk, chunkPromotionQueries, detachChunk } from '../db/queries/importChunks';
import { promotionQueries, stagingQueries, type StagedRow } from '../db/queries/importStaging';
import { importQueries } from '../db/queries/imports';
import { prospectRemoval } from '../db/queries/prospectRemoval';
import { bulkLoadQueries, prospectQueries, searchIndexQueries, type ProspectRow, type WritableColumn } from '../db/queries/prospects';
import { yieldToLoop } from '../yieldToLoop';
import { applyDraft } from './applyDraft';
import type { ProspectDraft } from './normalizeRow';
import type { SuppressionMatcher } from './suppressionMatcher';

export interface Promotion {
  importId: number;
  tag: string | null;
  policy: DuplicatePolicy;
  /** The do-not-contact list the rows were staged against. */
  stagedWith: SuppressionMatcher;
  /** The list as it is at this moment: each transaction follows it. */
  suppressionNow: () => SuppressionMatcher;
  now: number;
  /** Where there is a worker thread for it: a bulk load of `from` prospects or more has it build the dropped indexes. */
  indexesElsewhere?: IndexesElsewhere | null;
}

export interface IndexesElsewhere {
  /** Builds the indexes recorded in bulk_load_indexes in a worker thread (db/indexBuilder.ts); returns how many. */
  build: () => Promise<number>;
  from: number;
}

/**
 * From this many prospects loaded, a bulk load's indexes are built in the worker. On the main thread each index takes
 * about half a second over a million prospects, the longest freeze of a big import, and about 100 ms over 250,000, no
 * longer than taking in a chunk. Below that, starting the worker would cost more than it spares.
 */
export const indexesElsewhereFrom = 250_000;

/** What a chunk added to the store. */
export interface ChunkTaken {
  created: number;
  suppressed: number;
}

/** A staged row (a prospect the rows set aside turned out to be, or the new values of one they merge into) as a draft again. */
export function draftOf(r: Pick<ProspectRow, WritableColumn | 'email_normalized' | 'custom_fields'>): ProspectDraft {
  return {
    email: r.email,
    emailNormalized: r.email_normalized,
    firstName: r.first_name,
    lastName: r.last_name,
    company: r.company,
    title: r.title,
    phone: r.phone,
    phoneRaw: r.phone_raw,
    linkedinUrl: r.linkedin_url,
    website: r.website,
    domain: r.domain,
    city: r.city,
    region: r.region,
    country: r.country,
    timeZone: r.time_zone ?? '',
    timeZoneSource: (r.time_zone_source ?? 'rep') as TimeZoneSource,
    industry: r.industry,
    source: r.source,
    customFields: JSON.parse(r.custom_fields) as Record<string, string>,
  };
}

type Outcome = 'created' | 'updated' | 'suppressed' | 'duplicates';
const stagedOutcome = (r: { target_id: number | null; status: ProspectStatus }): Outcome => (r.target_id !== null ? 'updated' : r.status === 'suppressed' ? 'suppressed' : 'created');


/** The insert hit a prospect the store already has (by email): the unique index refused the whole statement. */
const isKnownEmail = (err: unknown): boolean =>
  err instanceof Error && (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && err.message.includes('prospects.email_normalized');

/** Runs fn in one write transaction (better-sqlite3's, taking the write lock at once), without yielding. */
const inTransaction = <T>(db: Db, fn: () => T): T => db.transaction(fn).immediate();

/** How many prospects an undo deletes per transaction: the app stays free between them. */
const undoSlice = 5_000;

/**
 * Each transaction is synchronous on purpose: the write lock is taken and released without yielding to the event
 * loop, so the engine's and the rep's writes (on the same thread) never find it held; they run between chunks. An
 * import's new prospects therefore appear chunk by chunk; if it is cancelled or fails, undo() takes them out again
 * (and importQueries.recoverInterrupted does at the next start if Repdesk stopped). Merges into prospects that were
 * there before wait for finish(), the last transaction, so an import that does not finish changes none of them.
 */
export function importPromotion(db: Db, p: Promotion) {
  const q = prospectQueries(db);
  const search = searchIndexQueries(db);
  const bulk = bulkLoadQueries(db);
  const promote = promotionQueries(db);
  const staging = stagingQueries(db);
  const imports = importQueries(db);
  const removal = prospectRemoval(db);
  let tagId: number | null = null;
  let tagIsNew = false;
  let bulkLoad = false;
  const tag = () => {
    if (p.tag !== null && tagId === null) {
      tagIsNew = !q.tagExists(p.tag);
      tagId = q.tagIdFor(p.tag, p.now);
    }
    return tagId;
  };

  /** Prospects the bulk load has written: the store's size, near enough (a bulk load only goes into a smaller store). */
  let loaded = 0;
  /**
   * After a bulk load: builds the indexes again. A big load leaves them to the worker, where there is one; whatever
   * is left (all of them without a worker, or if it failed) is built here, one per transaction with the event loop
   * free between them (one index over a million prospects takes about half a second to build).
   */
  const restoreIndexes = async () => {
    if (!bulkLoad) return;
    if (p.indexesElsewhere && loaded >= p.indexesElsewhere.from) await p.indexesElsewhere.build().catch(() => 0);
    while (inTransaction(db, () => bulk.restoreOne())) await yieldToLoop();
    bulkLoad = false;
  };

  /**
   * Whether the rows are taken to hold no email the store already has. Looking each row's email up before inserting
   * it took about 70 ms of the main thread per 100,000 rows, and most imports bring new people: so each chunk is
   * inserted as it is until one turns out to hold a known email. The store's unique email index stops that insert
   * (nothing of it is kept); from then on each chunk first sets aside its rows with known emails, as that one does then.
   */
  let expectNewEmails = true;
  const insertNew = (chunk: ReturnType<typeof chunkPromotionQueries>): number => {
    if (expectNewEmails) {
      try {
        return chunk.insertNew(p.importId, p.now);
      } catch (err) {
        if (!isKnownEmail(err)) throw err;
        expectNewEmails = false;
        chunk.setAsideKnown();
      }
    }
    return chunk.insertNew(p.importId, p.now);
  };

  /** Writes the new prospects of temp.import_stage (rows set aside that turned out to be new) with their index and tag. */
  const insertStaged = (counts: ImportCounts) => {
    const { first, last } = promote.newRange();
    if (last === 0) return;
    followList(promote.newEmails(), (r, status) => staging.setStatus(r.id, status));
    applyConflicts(promote.newConflicts(first, last), counts);
    const index = search.defer();
    promote.insertNew(p.importId, p.now, first, last);
    search.indexAndResumeNow(index);
    if (tag() !== null) promote.tagCreated(tagId!, p.importId, index.after);
  };
  /** Rows waiting to become new prospects take the status the do-not-contact list gives them now. */
  const followList = <R extends { email_normalized: string; status: ProspectStatus }>(rows: R[], setStatus: (row: R, status: ProspectStatus) => void) => {
    const now = p.suppressionNow();
    for (const r of rows) {
      const status: ProspectStatus = now.isSuppressed(r.email_normalized) ? 'suppressed' : 'active';
      if (status !== r.status) setStatus(r, status);
    }
  };
  /**
   * Staged rows another writer got to first are applied one by one, as a row of the file would be. Only updated and
   * duplicates are moved between in the counts: created and suppressed are counted from the store at the end.
   */
  const applyConflicts = (rows: StagedRow[], counts: ImportCounts) => {
    const now = p.suppressionNow();
    for (const r of rows) {
      staging.remove(r.stage_id);
      const out = applyDraft(draftOf(r), { q, policy: p.policy, importId: p.importId, tagId: tag(), suppressed: now.isSuppressed(r.email_normalized), now: p.now });
      // A prospect it created carries the import's id; one it updated is recorded with the import.
      if (out.outcome === 'updated') promote.recordUpdate(p.importId, out.prospectId);
      const from = stagedOutcome(r);
      const to: Outcome = out.outcome === 'duplicate' ? 'duplicates' : out.outcome;
      if (from === 'updated') counts.updated--;
      if (to === 'updated' || to === 'duplicates') counts[to]++;
      if (out.outcome === 'duplicate') staging.addIssue(r.row_number, 'duplicate', `${out.reason} (changed while importing)`, JSON.stringify({ Email: r.email }), r.email_normalized);
    }
  };

  return {
    /**
     * Takes one chunk file in, in one transaction: its new prospects (written, indexed for search, tagged), its
     * rejected rows, and, set aside for finish(), its rows that repeat an email (these row numbers) or hold one the
     * store already has.
     */
    takeChunk(path: string, repeats: number[], expectedRows: number | null): ChunkTaken {
      attachChunk(db, path);
      try {
        return inTransaction(db, () => {
          const chunk = chunkPromotionQueries(db);
          tag();
          chunk.setAsideRepeats(repeats);
          if (!expectNewEmails) chunk.setAsideKnown();
          // The rep may have added to the do-not-contact list since the rows were staged: they follow it.
          if (p.suppressionNow().key !== p.stagedWith.key) followList(chunk.statuses(), (r, status) => chunk.setStatus(r.n, status));
          // A big import into a small store loads without the secondary indexes and builds them at its end.
          if (!bulkLoad && expectedRows !== null && bulk.worthIt(expectedRows)) {
            bulk.suspend(p.importId);
            bulkLoad = true;
          }
          const index = search.defer();
          const inserted = insertNew(chunk);
          if (bulkLoad) loaded += inserted;
          search.indexAndResumeNow(index);
          if (tagId !== null) promote.tagCreated(tagId, p.importId, index.after);
          chunk.issues();
          return promote.createdSince(p.importId, index.after);
        });
      } finally {
        detachChunk(db);
      }
    },

    /**
     * The last transaction: the new prospects and merges of the rows set aside (staged by the caller), the
     * import's issues, and its final counts. Created and suppressed are counted from the store, so they say what
     * the import's prospects are now (a do-not-contact entry added during the import included).
     */
    finish(counts: ImportCounts): ImportCounts {
      return inTransaction(db, () => {
        const final = { ...counts };
        insertStaged(final);
        applyConflicts(promote.targetConflicts(), final);
        promote.recordUpdates(p.importId);
        promote.updateExisting(p.now);
        if (tag() !== null) promote.tagOthers(tagId!);
        promote.issues(p.importId);
        const made = imports.createdCounts(p.importId);
        final.created = made.created;
        final.suppressed = made.suppressed;
        imports.finish(p.importId, final, p.now);
        return final;
      });
    },

    restoreIndexes,

    /** Takes out every prospect the import created, a slice per transaction, and the tag if it made it and nobody else has it. */
    async undo(): Promise<number> {
      let removed = 0;
      for (;;) {
        const n = inTransaction(db, () => {
          const taken = removal.createdBy(p.importId, undoSlice);
          // The last slice and the search index's rebuild commit together (see prospectRemoval.ts).
          if (taken < undoSlice) removal.settle();
          return taken;
        });
        removed += n;
        if (n < undoSlice) break;
        await yieldToLoop();
      }
      await restoreIndexes();
      if (tagIsNew && tagId !== null) inTransaction(db, () => q.removeTagIfUnused(tagId!));
      return removed;
    },
  };
}

// Moves a staged import into the store: one transaction, or for a big import a few, each without yielding inside.
import type { DuplicatePolicy, ImportCounts } from '../../../shared/contract/imports';
import type { ProspectStatus, TimeZoneSource } from '../../../shared/domain/prospect';
import type { Db } from '../db/open';
import { promotionQueries, stagingQueries, type StagedRow } from '../db/queries/importStaging';
import { importQueries } from '../db/queries/imports';
import { bulkLoadQueries, prospectQueries, searchIndexQueries } from '../db/queries/prospects';
import { applyDraft } from './applyDraft';
import type { ProspectDraft } from './normalizeRow';
import type { SuppressionMatcher } from './suppressionMatcher';

export interface Promotion {
  importId: number;
  tag: string | null;
  policy: DuplicatePolicy;
  /** The do-not-contact list the rows were staged against. */
  stagedWith: SuppressionMatcher;
  /** The list as it is at this moment: the promotion follows it, checking again before each of its transactions. */
  suppressionNow: () => SuppressionMatcher;
  now: number;
  counts: ImportCounts;
  /** Above this many new prospects, they go in in transactions of this many, with the event loop free between them. */
  chunkRows?: number;
  /** Between two such transactions: how far the saving is, 0 to 1. */
  onChunk?: (fraction: number) => void;
}

/** About a quarter of a second of holding the main thread per transaction on a 2-core laptop. */
export const promotionChunkRows = 25_000;

function draftOf(r: StagedRow): ProspectDraft {
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

/** The promotion's steps, each run inside a transaction its caller holds. */
function promotionSteps(db: Db, p: Promotion) {
  const counts = { ...p.counts };
  const staging = stagingQueries(db);
  const promote = promotionQueries(db);
  const q = prospectQueries(db);
  const search = searchIndexQueries(db);
  const bulk = bulkLoadQueries(db);
  const move = (from: Outcome, to: Outcome) => {
    counts[from]--;
    counts[to]++;
  };
  let tagId: number | null = null;
  let suppression = p.stagedWith;
  /** New prospects staged after `after` (not yet written) follow the list as it is now, not as it was when they were staged. */
  const followList = (after: number) => {
    const now = p.suppressionNow();
    if (now.key === suppression.key) return;
    suppression = now;
    for (const r of promote.newEmails(after)) {
      const status: ProspectStatus = suppression.isSuppressed(r.email_normalized) ? 'suppressed' : 'active';
      if (status === r.status) continue;
      staging.setStatus(r.id, status);
      move(stagedOutcome({ target_id: null, status: r.status }), stagedOutcome({ target_id: null, status }));
    }
  };
  /** Staged rows another writer got to first are applied one by one, as a row of the file would be. */
  const applyConflicts = (rows: StagedRow[]) => {
    for (const r of rows) {
      staging.remove(r.stage_id);
      const out = applyDraft(draftOf(r), { q, policy: p.policy, importId: p.importId, tagId, suppressed: suppression.isSuppressed(r.email_normalized), now: p.now });
      // A prospect it created carries the import's id; one it updated is recorded with the import.
      if (out.outcome === 'updated') promote.recordUpdate(p.importId, out.prospectId);
      move(stagedOutcome(r), out.outcome === 'duplicate' ? 'duplicates' : out.outcome);
      if (out.outcome === 'duplicate') staging.addIssue(r.row_number, 'duplicate', `${out.reason} (changed while importing)`, JSON.stringify({ Email: r.email }), r.email_normalized);
    }
  };
  return {
    counts,
    newRange: () => promote.newRange(),
    newCount: () => promote.newCount(),
    /** Statuses follow the do-not-contact list as it is now; the tag is made. */
    begin() {
      followList(0);
      tagId = p.tag ? q.tagIdFor(p.tag, p.now) : null;
    },
    /** The new prospects staged in (from, to]: written, indexed for search and tagged. */
    insertNew(from: number, to: number, rebuildIndexes: boolean) {
      // Between two transactions the rep may have added to the list: the rows still to write follow it.
      followList(from);
      applyConflicts(promote.newConflicts(from, to));
      const index = search.defer();
      const indexes = rebuildIndexes ? bulk.dropIndexes() : [];
      promote.insertNew(p.importId, p.now, from, to);
      bulk.rebuildIndexes(indexes);
      search.indexAndResumeNow(index);
      if (tagId !== null) promote.tagCreated(tagId, p.importId, index.after);
    },
    /** The merges into existing prospects, the import's issues and its counts. */
    finish() {
      applyConflicts(promote.targetConflicts());
      promote.recordUpdates(p.importId);
      promote.updateExisting(p.now);
      if (tagId !== null) promote.tagOthers(tagId);
      promote.issues(p.importId);
      importQueries(db).finish(p.importId, counts, p.now);
    },
    worthRebuilding: (rows: number) => bulk.worthIt(rows),
  };
}

/** Runs fn in one write transaction (better-sqlite3's, taking the write lock at once), without yielding. */
const inTransaction = (db: Db, fn: () => void): void => db.transaction(fn).immediate();

/**
 * Each transaction is synchronous on purpose: the write lock is taken and released without yielding to the event
 * loop, so the engine's and the rep's writes (on the same thread) never find it held; they run just after. A big
 * import goes in as several such transactions with the event loop free between them, so the app never stands
 * still for long; its prospects appear as they go in, and if it fails part-way (or Repdesk stops) the ones it
 * created are taken out again (here, or by importQueries.recoverInterrupted at the next start).
 */
export async function promoteImport(db: Db, p: Promotion): Promise<{ counts: ImportCounts }> {
  const steps = promotionSteps(db, p);
  const chunk = p.chunkRows ?? promotionChunkRows;
  const { first, last } = steps.newRange();
  if (steps.newCount() <= chunk) {
    inTransaction(db, () => {
      steps.begin();
      steps.insertNew(first, last, steps.worthRebuilding(steps.newCount()));
      steps.finish();
    });
    return { counts: steps.counts };
  }
  try {
    inTransaction(db, () => steps.begin());
    // Stage ids are dense for new rows (updates and removed conflicts leave small gaps): ranges of about chunk rows.
    for (let from = first; from < last; from += chunk) {
      const to = Math.min(from + chunk, last);
      inTransaction(db, () => steps.insertNew(from, to, steps.worthRebuilding(to - from)));
      p.onChunk?.(Math.min(1, (from + chunk - first) / (last - first)));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    inTransaction(db, () => steps.finish());
  } catch (err) {
    inTransaction(db, () => void importQueries(db).removeCreated(p.importId));
    throw err;
  }
  return { counts: steps.counts };
}

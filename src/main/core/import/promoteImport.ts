// Moves a staged import into the store in one short transaction: the only moment an import holds the write lock.
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
  /** Read again now: the do-not-contact list may have changed while the import was staging. */
  suppression: SuppressionMatcher;
  /** False when the list is the one the rows were staged against: their statuses stand as staged. */
  suppressionChanged: boolean;
  now: number;
  counts: ImportCounts;
}

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

/**
 * Synchronous on purpose: the write lock is taken and released without ever yielding to the event loop, so
 * the engine's and the rep's writes (on the same thread) never find it held; they simply run just after.
 */
export function promoteImport(db: Db, p: Promotion): { counts: ImportCounts } {
  const counts = { ...p.counts };
  const staging = stagingQueries(db);
  const promote = promotionQueries(db);
  const q = prospectQueries(db);
  const search = searchIndexQueries(db);
  const move = (from: Outcome, to: Outcome) => {
    counts[from]--;
    counts[to]++;
  };
  db.exec('BEGIN IMMEDIATE');
  try {
    // New prospects follow the list as it is now, not as it was when the import started.
    for (const r of p.suppressionChanged ? promote.newEmails() : []) {
      const status: ProspectStatus = p.suppression.isSuppressed(r.email_normalized) ? 'suppressed' : 'active';
      if (status === r.status) continue;
      staging.setStatus(r.id, status);
      move(stagedOutcome({ target_id: null, status: r.status }), stagedOutcome({ target_id: null, status }));
    }
    const tagId = p.tag ? q.tagIdFor(p.tag, p.now) : null;
    for (const r of promote.conflicts()) {
      staging.remove(r.stage_id);
      const out = applyDraft(draftOf(r), { q, policy: p.policy, importId: p.importId, tagId, suppressed: p.suppression.isSuppressed(r.email_normalized), now: p.now });
      // A prospect it created carries the import's id; one it updated is recorded with the import.
      if (out.outcome === 'updated') promote.recordUpdate(p.importId, out.prospectId);
      move(stagedOutcome(r), out.outcome === 'duplicate' ? 'duplicates' : out.outcome);
      if (out.outcome === 'duplicate') staging.addIssue(r.row_number, 'duplicate', `${out.reason} (changed while importing)`, JSON.stringify({ Email: r.email }), r.email_normalized);
    }
    const index = search.defer();
    promote.recordUpdates(p.importId);
    const bulk = bulkLoadQueries(db);
    const indexes = bulk.worthIt(promote.newCount()) ? bulk.dropIndexes() : [];
    promote.insertNew(p.importId, p.now);
    bulk.rebuildIndexes(indexes);
    promote.updateExisting(p.now);
    search.indexAndResumeNow(index);
    if (tagId !== null) promote.tag(tagId, p.importId);
    promote.issues(p.importId);
    importQueries(db).finish(p.importId, counts, p.now);
    db.exec('COMMIT');
    return { counts };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}


// The import's view of prospects while it stages: its own staged rows over the store's, read without any write lock.
import type { ProspectStatus } from '../../../shared/domain/prospect';
import type { Db } from '../db/open';
import { stagingQueries, type StagingQueries } from '../db/queries/importStaging';
import { searchName, type ProspectRow, type ProspectValues } from '../db/queries/prospects';
import type { DraftStore } from './applyDraft';

/**
 * applyDraft() runs against this as it would against the store: a new prospect or a merge lands in the staging
 * tables instead. A staged new prospect has no id yet, so it reports id 0; whatever needs its id (a duplicate's
 * prospect, its tag) is resolved by email when the import is promoted.
 */
export function stagedProspects(db: Db, stagedEmails: { has(email: string): boolean }, rowNumber: () => number): DraftStore & { staging: StagingQueries } {
  const staging = stagingQueries(db);
  const storeByEmail = db.prepare<[string], ProspectRow>('SELECT * FROM main.prospects WHERE email_normalized = ?');
  const storeUpdatedAt = db.prepare<[number], { updated_at: number }>('SELECT updated_at FROM main.prospects WHERE id = ?');
  return {
    staging,
    byEmail(emailNormalized) {
      // Only an email already seen in this file can be staged: skip that lookup for the rest.
      if (stagedEmails.has(emailNormalized)) {
        const staged = staging.byEmail(emailNormalized);
        if (staged) return staged;
      }
      return storeByEmail.get(emailNormalized) ?? null;
    },
    insert(values: ProspectValues, emailNormalized: string, status: ProspectStatus) {
      staging.insert({ emailNormalized, rowNumber: rowNumber(), targetId: null, targetUpdatedAt: null, values, status, searchName: searchName(values.first_name, values.last_name) });
      return 0;
    },
    update(id: number, values: ProspectValues, emailNormalized: string, status: ProspectStatus) {
      const name = searchName(values.first_name, values.last_name);
      if (stagedEmails.has(emailNormalized) && staging.byEmail(emailNormalized)) staging.update(emailNormalized, values, status, name);
      else staging.insert({ emailNormalized, rowNumber: rowNumber(), targetId: id, targetUpdatedAt: storeUpdatedAt.get(id)?.updated_at ?? 0, values, status, searchName: name });
    },
    link(prospectId: number) {
      // Staged rows are all tagged at promotion; this records existing prospects a duplicate row still tags.
      if (prospectId > 0) staging.link(prospectId);
    },
  };
}

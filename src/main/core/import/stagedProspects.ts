// The import's view of prospects while it decides the rows set aside: its own staged rows over the store's, read without any write lock.
import type { ProspectStatus } from '../../../shared/domain/prospect';
import type { Db } from '../db/open';
import { stagingQueries, type StagingQueries } from '../db/queries/importStaging';
import { searchName, type ProspectValues } from '../db/queries/prospects';
import type { DraftStore } from './applyDraft';

/**
 * applyDraft() runs against this as it would against the store: a new prospect or a merge lands in the staging
 * tables instead. A staged new prospect has no id yet, so it reports id 0; whatever needs its id (a duplicate's
 * prospect, its tag) is resolved when the import is promoted.
 */
export function stagedProspects(db: Db, rowNumber: () => number): DraftStore & { staging: StagingQueries; lookAhead(emailsNormalized: string[]): void } {
  const staging = stagingQueries(db);
  // Email -> staged row: kept here rather than as an index on the staging table, which cost more per row.
  const stagedIds = new Map<string, number>();
  // The stored emails among the batch being staged (see lookAhead); null outside a batch: ask the store.
  let inStore: Set<string> | null = null;
  return {
    staging,
    /** Before a batch (staged without yielding): finds in one query which of its emails the store already has. */
    lookAhead(emailsNormalized) {
      inStore = staging.storeHas(emailsNormalized);
    },
    byEmail(emailNormalized) {
      const stageId = stagedIds.get(emailNormalized);
      if (stageId !== undefined) return staging.byId(stageId);
      if (inStore && !inStore.has(emailNormalized)) return null;
      return staging.storeByEmail(emailNormalized);
    },
    insert(values: ProspectValues, emailNormalized: string, status: ProspectStatus) {
      stagedIds.set(emailNormalized, staging.insert({ emailNormalized, rowNumber: rowNumber(), targetId: null, targetUpdatedAt: null, values, status, searchName: searchName(values.first_name, values.last_name) }));
      return 0;
    },
    update(id: number, values: ProspectValues, emailNormalized: string, status: ProspectStatus) {
      const name = searchName(values.first_name, values.last_name);
      const stageId = stagedIds.get(emailNormalized);
      if (stageId !== undefined) staging.update(stageId, values, status, name);
      else {
        const targetUpdatedAt = staging.storeUpdatedAt(id) ?? 0;
        stagedIds.set(emailNormalized, staging.insert({ emailNormalized, rowNumber: rowNumber(), targetId: id, targetUpdatedAt, values, status, searchName: name }));
      }
    },
    link(prospectId: number) {
      // Staged rows are all tagged at promotion; this records existing prospects a duplicate row still tags.
      if (prospectId > 0) staging.link(prospectId);
    },
  };
}

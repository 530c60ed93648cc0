// Deleting prospects: with everything held about them, their words out of the search index, at a cost that suits the count.
import type { Db } from '../open';
import { searchIndexRows } from './prospects';

/*
 * Every deletion of prospects comes through here: the rep's (a privacy request), an import taking back what it
 * created, the demo workspace's. Foreign keys cascade to what hangs off a prospect; the rows of files that matched
 * them (import_rows, which only lose their link by the foreign key) are deleted too, as they hold what the file said
 * about them.
 *
 * The search index (prospects_fts) has secure-delete on (0009): a deleted prospect's words are taken out of the index
 * pages at once, so nothing of them is left to read in the file. That costs about 0.4 ms a prospect in a store of
 * 100,000, while indexing a prospect again costs about 3 µs. So a deletion of more than one in `rebuildRatio` of the
 * prospects that stay skips the per-row trigger (search_index_control.deferred_after = 0) and builds the index again
 * from the prospects that are left, which leaves nothing of the others either: 50,000 of 100,000 go in about a
 * second instead of 18.
 *
 * A deletion made in slices (an import's undo) may leave the rebuild to its end: search_index_control.stale says
 * the index still holds prospects that are gone (search never shows them: it only matches prospects that exist), and
 * settle() rebuilds it. A Repdesk that stopped in between settles at its next start.
 */
const rebuildRatio = 100;

export function prospectRemoval(db: Db) {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS prospects_removing (id INTEGER PRIMARY KEY)');
  const pickIds = db.prepare<[string]>('INSERT OR IGNORE INTO temp.prospects_removing (id) SELECT p.id FROM main.prospects p WHERE p.id IN (SELECT value FROM json_each(?))');
  const pickCreated = db.prepare<[number, number]>(
    'INSERT INTO temp.prospects_removing (id) SELECT id FROM main.prospects WHERE import_id = ? ORDER BY id LIMIT ?',
  );
  const pickUnfinished = db.prepare(
    `INSERT INTO temp.prospects_removing (id) SELECT id FROM main.prospects WHERE import_id IN (SELECT id FROM main.imports WHERE status IN ('running', 'cancelled', 'failed'))`,
  );
  const pickBySource = db.prepare<[string]>('INSERT INTO temp.prospects_removing (id) SELECT id FROM main.prospects WHERE source = ?');
  const count = db.prepare<[], number>('SELECT count(*) FROM main.prospects').pluck();
  const removeFileRows = db.prepare('DELETE FROM main.import_rows WHERE prospect_id IN (SELECT id FROM temp.prospects_removing)');
  const removeProspects = db.prepare('DELETE FROM main.prospects WHERE id IN (SELECT id FROM temp.prospects_removing)');
  const clear = db.prepare('DELETE FROM temp.prospects_removing');
  const isStale = db.prepare<[], number>('SELECT stale FROM main.search_index_control WHERE id = 1').pluck();
  const skipTrigger = db.prepare('UPDATE main.search_index_control SET deferred_after = 0, stale = 1 WHERE id = 1');
  const resumeTrigger = db.prepare('UPDATE main.search_index_control SET deferred_after = NULL WHERE id = 1');
  const emptyIndex = db.prepare("INSERT INTO main.prospects_fts (prospects_fts) VALUES ('delete-all')");
  const fresh = db.prepare('UPDATE main.search_index_control SET stale = 0 WHERE id = 1');
  const index = searchIndexRows(db);

  /** Deletes the prospects picked into temp.prospects_removing; returns how many. */
  const removePicked = (picked: number, settleNow: boolean): number => {
    if (picked === 0) {
      if (settleNow) settle();
      return 0;
    }
    const staying = count.get()! - picked;
    const oneByOne = picked * rebuildRatio <= staying && !isStale.get();
    if (!oneByOne) skipTrigger.run();
    removeFileRows.run();
    const removed = removeProspects.run().changes;
    if (!oneByOne) resumeTrigger.run();
    if (settleNow) settle();
    return removed;
  };

  /** Builds the search index again from the prospects there are, if a deletion left it holding some that are gone. */
  const settle = (): boolean => {
    if (!isStale.get()) return false;
    emptyIndex.run();
    index.range(0, Number.MAX_SAFE_INTEGER);
    fresh.run();
    return true;
  };

  /** Picks the prospects to delete into temp.prospects_removing, empty beforehand whatever happened last time. */
  const pick = (run: () => { changes: number }): number => {
    clear.run();
    return run().changes;
  };

  return {
    /**
     * Deletes these prospects (ids that do not exist are skipped); call inside a transaction. Returns how many. A
     * deletion made in slices settles the index with its last slice only.
     */
    byIds: (ids: number[], settleNow = true) => removePicked(pick(() => pickIds.run(JSON.stringify(ids))), settleNow),
    /**
     * Deletes up to `limit` of the prospects an import created (one cancelled or failed part-way), lowest ids first,
     * so that no prospect added meanwhile is given the id of one already deleted. The index is left for settle().
     */
    createdBy: (importId: number, limit: number) => removePicked(pick(() => pickCreated.run(importId, limit)), false),
    /** At start-up: deletes what imports that never finished created. */
    unfinishedImports: () => removePicked(pick(() => pickUnfinished.run()), true),
    /** Deletes every prospect from one source (the demo workspace's). */
    bySource: (source: string) => removePicked(pick(() => pickBySource.run(source)), true),
    settle,
  };
}
export type ProspectRemoval = ReturnType<typeof prospectRemoval>;

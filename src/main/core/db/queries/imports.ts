// SQL for imports and the rows they could not take (rejected, or skipped as duplicates).
import type { Db } from '../open';
import { prospectRemoval } from './prospectRemoval';

export interface ImportRow {
  id: number;
  file_name: string;
  file_size: number;
  sheet: string | null;
  tag: string | null;
  duplicate_policy: 'skip' | 'fill_empty' | 'overwrite';
  mapping: string;
  status: 'uploading' | 'ready' | 'running' | 'done' | 'cancelled' | 'failed';
  failure: string | null;
  total_rows: number;
  created_count: number;
  updated_count: number;
  duplicate_count: number;
  suppressed_count: number;
  rejected_count: number;
  blank_count: number;
  created_at: number;
  finished_at: number | null;
  open_issues?: number;
}

export interface ImportRowIssue {
  id: number;
  import_id: number;
  row_number: number;
  outcome: 'rejected' | 'duplicate';
  reason: string;
  raw: string;
  prospect_id: number | null;
  resolved_at: number | null;
}

export interface ImportCounts {
  total: number;
  created: number;
  updated: number;
  duplicates: number;
  suppressed: number;
  rejected: number;
  blank: number;
}

const openIssues = `(SELECT count(*) FROM import_rows r WHERE r.import_id = i.id AND r.outcome = 'rejected' AND r.resolved_at IS NULL) AS open_issues`;

export type IssueOutcome = 'rejected' | 'duplicate';
type OpenQuery = { importId: number | null; outcome: IssueOutcome };

export function importQueries(db: Db) {
  const create = db.prepare<[string, number, number]>(`INSERT INTO imports (file_name, file_size, status, created_at) VALUES (?, ?, 'uploading', ?)`);
  const get = db.prepare<[number], ImportRow>(`SELECT i.*, ${openIssues} FROM imports i WHERE i.id = ?`);
  const list = db.prepare<[], ImportRow>(`SELECT i.*, ${openIssues} FROM imports i WHERE i.status IN ('done', 'cancelled', 'failed', 'running') ORDER BY i.created_at DESC, i.id DESC LIMIT 200`);
  const setStatus = db.prepare<[string, string | null, number | null, number]>('UPDATE imports SET status = ?, failure = ?, finished_at = ? WHERE id = ?');
  const start = db.prepare('UPDATE imports SET status = \'running\', sheet = @sheet, tag = @tag, duplicate_policy = @policy, mapping = @mapping WHERE id = @id');
  const finish = db.prepare(`UPDATE imports SET status = 'done', finished_at = @now, total_rows = @total, created_count = @created, updated_count = @updated,
    duplicate_count = @duplicates, suppressed_count = @suppressed, rejected_count = @rejected, blank_count = @blank WHERE id = @id`);
  const addIssue = db.prepare<[number, number, string, string, string, number | null]>(
    'INSERT INTO import_rows (import_id, row_number, outcome, reason, raw, prospect_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  // The open rows of one outcome, of one import or of all, newest import first and in sheet order (both by index).
  const openOf = 'FROM import_rows WHERE import_id = @importId AND outcome = @outcome AND resolved_at IS NULL';
  const openOfAll = 'FROM import_rows WHERE outcome = @outcome AND resolved_at IS NULL';
  const order = 'ORDER BY import_id DESC, row_number';
  type Outcome = { outcome: IssueOutcome };
  type OfImport = Outcome & { importId: number };
  type Page = { offset: number; limit: number };
  const openPage = db.prepare<[OfImport & Page], ImportRowIssue>(`SELECT * ${openOf} ${order} LIMIT @limit OFFSET @offset`);
  const openPageAll = db.prepare<[Outcome & Page], ImportRowIssue>(`SELECT * ${openOfAll} ${order} LIMIT @limit OFFSET @offset`);
  const openCount = db.prepare<[OfImport], number>(`SELECT count(*) ${openOf}`).pluck();
  const openCountAll = db.prepare<[Outcome], number>(`SELECT count(*) ${openOfAll}`).pluck();
  const openAll = db.prepare<[OfImport], ImportRowIssue>(`SELECT * ${openOf} ${order}`);
  const openAllAll = db.prepare<[Outcome], ImportRowIssue>(`SELECT * ${openOfAll} ${order}`);
  const issue = db.prepare<[number], ImportRowIssue>('SELECT * FROM import_rows WHERE id = ?');
  const resolve = db.prepare<[number, number | null, number]>('UPDATE import_rows SET resolved_at = ?, prospect_id = ? WHERE id = ? AND resolved_at IS NULL');
  const updateRaw = db.prepare<[string, string, number]>('UPDATE import_rows SET raw = ?, reason = ? WHERE id = ?');
  const createdBy = db.prepare<[number], { id: number; status: string }>('SELECT id, status FROM prospects WHERE import_id = ? ORDER BY id');
  const updatedBy = db.prepare<[number], number>('SELECT prospect_id FROM import_updates WHERE import_id = ? ORDER BY prospect_id').pluck();
  const dropUnstarted = db.prepare(`DELETE FROM imports WHERE status IN ('uploading', 'ready')`);
  // Two counts that each read one index only (the status index read for the suppressed, usually few; `+` keeps the
  // import's index out of that one): reading every prospect of a million-row import for its status took 0.2 s more
  // of the import's last transaction.
  const createdCountsSql = `
    SELECT (SELECT count(*) FROM prospects WHERE import_id = @importId) AS total,
           (SELECT count(*) FROM prospects WHERE status = 'suppressed' AND +import_id = @importId) AS suppressed`;
  const createdCounts = db.prepare<{ importId: number }, { total: number; suppressed: number }>(createdCountsSql);
  const failRunning = db.prepare(
    `UPDATE imports SET status = 'failed', failure = 'Repdesk closed during this import; nothing from it was saved. Import the file again.' WHERE status = 'running'`,
  );
  const discardUnstarted = db.prepare<[number]>(`DELETE FROM imports WHERE id = ? AND status IN ('uploading', 'ready')`);
  return {
    /**
     * At start-up: drops uploads a previous run never started, and marks the one it was running as failed. An import
     * writes its new prospects chunk by chunk: those of one that never finished are taken out again (a cancelled or
     * failed one takes its own out, unless Repdesk stopped before it could).
     */
    recoverInterrupted() {
      db.transaction(() => {
        dropUnstarted.run();
        prospectRemoval(db).unfinishedImports();
        failRunning.run();
      })();
    },
    /** The prospects an import created, as they are now: suppressed, and all others. */
    createdCounts: (importId: number): { created: number; suppressed: number } => {
      const { total, suppressed } = createdCounts.get({ importId })!;
      return { created: total - suppressed, suppressed };
    },
    /** How SQLite reads createdCounts (tests check it reads indexes only). */
    createdCountsPlan: (importId: number): string[] => db.prepare<{ importId: number }, { detail: string }>(`EXPLAIN QUERY PLAN ${createdCountsSql}`).all({ importId }).map((r) => r.detail),
    /** Deletes an import that is still uploading or ready (not one that ran). */
    discardUnstarted: (id: number) => void discardUnstarted.run(id),
    create: (fileName: string, size: number, now: number) => Number(create.run(fileName, size, now).lastInsertRowid),
    get: (id: number) => get.get(id) ?? null,
    list: () => list.all(),
    setStatus: (id: number, status: ImportRow['status'], failure: string | null, finishedAt: number | null) => void setStatus.run(status, failure, finishedAt, id),
    start: (id: number, v: { sheet: string | null; tag: string | null; policy: string; mapping: string }) => void start.run({ id, ...v }),
    finish: (id: number, c: ImportCounts, now: number) => void finish.run({ id, now, ...c }),
    addIssue: (importId: number, rowNumber: number, outcome: 'rejected' | 'duplicate', reason: string, raw: Record<string, string>, prospectId: number | null) =>
      void addIssue.run(importId, rowNumber, outcome, reason, JSON.stringify(raw), prospectId),
    /** A page of the open rows of one outcome, of one import (or all imports for null), and how many there are. */
    openIssues: ({ importId, outcome }: OpenQuery, offset: number, limit: number) =>
      importId === null
        ? { rows: openPageAll.all({ outcome, offset, limit }), total: openCountAll.get({ outcome })! }
        : { rows: openPage.all({ importId, outcome, offset, limit }), total: openCount.get({ importId, outcome })! },
    /** Every open row of one outcome, one at a time. */
    eachOpenIssue: ({ importId, outcome }: OpenQuery) => (importId === null ? openAllAll.iterate({ outcome }) : openAll.iterate({ importId, outcome })),
    issue: (id: number) => issue.get(id) ?? null,
    resolve: (id: number, prospectId: number | null, now: number) => resolve.run(now, prospectId, id).changes,
    updateRaw: (id: number, raw: Record<string, string>, reason: string) => void updateRaw.run(JSON.stringify(raw), reason, id),
    /** Prospects an import created (the ones it updated keep their first import), with their status now. */
    createdBy: (importId: number) => createdBy.all(importId),
    /** Existing prospects the import updated (those deleted since are gone from the list). */
    updatedBy: (importId: number) => updatedBy.all(importId),
  };
}
export type ImportQueries = ReturnType<typeof importQueries>;

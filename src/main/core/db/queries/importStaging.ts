// SQL for an import's staging area: TEMP tables on the import's own connection, so staging never takes the store's write lock.
import { writableColumns, type ProspectRow, type ProspectValues } from './prospects';
import type { Db } from '../open';
import type { ProspectStatus } from '../../../../shared/domain/prospect';

/*
 * The chunks' new prospects go straight into the store (importChunks.ts). What waits here is the rest (temp tables
 * live in the connection's own temp database, so writing them locks nothing the app's other connection or the
 * engine needs): the rows set aside for a decision one by one (import_special), what those decisions stage
 * (import_stage), the import's issues and the existing prospects it links to its tag, all moved into the store by
 * the import's last transaction (promoteImport.ts). A staged row is either a new prospect (target_id NULL) or the
 * new values for an existing one (target_id, with the updated_at it was merged against, to detect a concurrent edit).
 */
const valueColumns = [...writableColumns, 'custom_fields'] as const;

export function createStagingTables(db: Db): void {
  // Room for a big import's staged rows in memory; beyond it they spill to a temporary file.
  db.pragma('temp.cache_size = -65536');
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS import_stage (
      id INTEGER PRIMARY KEY, -- the import keeps email -> id in memory: no index to maintain per row
      email_normalized TEXT NOT NULL,
      row_number INTEGER NOT NULL,
      target_id INTEGER,
      target_updated_at INTEGER,
      ${valueColumns.map((c) => `${c} TEXT`).join(', ')},
      status TEXT NOT NULL,
      search_name TEXT NOT NULL
    );
    CREATE TEMP TABLE IF NOT EXISTS import_stage_issues (
      row_number INTEGER NOT NULL,
      outcome TEXT NOT NULL,
      reason TEXT NOT NULL,
      raw TEXT NOT NULL,
      email_normalized TEXT
    );
    CREATE TEMP TABLE IF NOT EXISTS import_stage_links (prospect_id INTEGER PRIMARY KEY);
    -- A chunk's rows that need a decision one by one (see importChunks.ts), taken at the end in file order.
    CREATE TEMP TABLE IF NOT EXISTS import_special (
      n INTEGER PRIMARY KEY,
      email_normalized TEXT NOT NULL,
      ${valueColumns.map((c) => `${c} TEXT`).join(', ')},
      status TEXT NOT NULL,
      search_name TEXT NOT NULL
    );
    DELETE FROM temp.import_stage;
    DELETE FROM temp.import_stage_issues;
    DELETE FROM temp.import_stage_links;
    DELETE FROM temp.import_special;`);
}

export function dropStagingTables(db: Db): void {
  if (!db.open) return;
  db.exec(
    'DROP TABLE IF EXISTS temp.import_stage; DROP TABLE IF EXISTS temp.import_stage_issues; DROP TABLE IF EXISTS temp.import_stage_links; DROP TABLE IF EXISTS temp.import_special;',
  );
}

/** A row set aside while the chunks went in (see importChunks.ts). */
export type SpecialRow = Pick<ProspectRow, (typeof valueColumns)[number] | 'email_normalized' | 'status'> & { n: number; search_name: string };

/** The rows set aside, read back in file order a slice at a time. */
export function specialRows(db: Db) {
  const count = db.prepare<[], number>('SELECT count(*) FROM temp.import_special').pluck();
  const after = db.prepare<[number, number], SpecialRow>('SELECT * FROM temp.import_special WHERE n > ? ORDER BY n LIMIT ?');
  return {
    count: () => count.get()!,
    after: (n: number, limit: number) => after.all(n, limit),
  };
}

export type StagedRow = ProspectRow & { stage_id: number; target_id: number | null; target_updated_at: number | null; row_number: number };

const stagedSelect = `SELECT id AS stage_id, coalesce(target_id, 0) AS id, target_id, target_updated_at, row_number, ${valueColumns.join(', ')}, email_normalized, status,
  NULL AS import_id, 0 AS created_at, coalesce(target_updated_at, 0) AS updated_at FROM temp.import_stage`;

export function stagingQueries(db: Db) {
  const byId = db.prepare<[number], StagedRow>(`${stagedSelect} WHERE id = ?`);
  const insert = db.prepare<unknown[]>(
    `INSERT INTO temp.import_stage (email_normalized, row_number, target_id, target_updated_at, ${valueColumns.join(', ')}, status, search_name)
     VALUES (${Array(valueColumns.length + 6).fill('?').join(', ')})`,
  );
  const update = db.prepare<unknown[]>(`UPDATE temp.import_stage SET ${valueColumns.map((c) => `${c} = ?`).join(', ')}, status = ?, search_name = ? WHERE id = ?`);
  const addIssue = db.prepare<[number, string, string, string, string | null]>(
    'INSERT INTO temp.import_stage_issues (row_number, outcome, reason, raw, email_normalized) VALUES (?, ?, ?, ?, ?)',
  );
  const link = db.prepare<[number]>('INSERT OR IGNORE INTO temp.import_stage_links (prospect_id) VALUES (?)');
  const remove = db.prepare<[number]>('DELETE FROM temp.import_stage WHERE id = ?');
  const setStatus = db.prepare<[string, number]>('UPDATE temp.import_stage SET status = ? WHERE id = ?');
  const storeByEmail = db.prepare<[string], ProspectRow>('SELECT * FROM main.prospects WHERE email_normalized = ?');
  // One query per batch instead of one per row: which of these emails the store already has.
  const storeHas = db.prepare<[string], string>('SELECT email_normalized FROM main.prospects WHERE email_normalized IN (SELECT value FROM json_each(?))').pluck();
  const storeUpdatedAt = db.prepare<[number], { updated_at: number }>('SELECT updated_at FROM main.prospects WHERE id = ?');

  const values = (v: ProspectValues) => valueColumns.map((c) => (c === 'custom_fields' ? JSON.stringify(v.custom_fields) : v[c]));
  return {
    byId: (stageId: number) => byId.get(stageId) ?? null,
    /** Returns the staged row's id. */
    insert(row: { emailNormalized: string; rowNumber: number; targetId: number | null; targetUpdatedAt: number | null; values: ProspectValues; status: ProspectStatus; searchName: string }): number {
      return Number(insert.run([row.emailNormalized, row.rowNumber, row.targetId, row.targetUpdatedAt, ...values(row.values), row.status, row.searchName]).lastInsertRowid);
    },
    update(stageId: number, v: ProspectValues, status: ProspectStatus, searchName: string) {
      update.run([...values(v), status, searchName, stageId]);
    },
    addIssue: (rowNumber: number, outcome: 'rejected' | 'duplicate', reason: string, raw: string, emailNormalized: string | null) =>
      void addIssue.run(rowNumber, outcome, reason, raw, emailNormalized),
    link: (prospectId: number) => void link.run(prospectId),
    remove: (stageId: number) => void remove.run(stageId),
    setStatus: (stageId: number, status: ProspectStatus) => void setStatus.run(status, stageId),
    /** Which of these emails belong to stored prospects (not staged ones). */
    storeHas: (emailsNormalized: string[]) => new Set(storeHas.all(JSON.stringify(emailsNormalized))),
    /** The stored prospect with this email (not a staged one). */
    storeByEmail: (emailNormalized: string) => storeByEmail.get(emailNormalized) ?? null,
    /** When the stored prospect was last changed, to detect a change made while the import stages. */
    storeUpdatedAt: (id: number) => storeUpdatedAt.get(id)?.updated_at ?? null,
  };
}
export type StagingQueries = ReturnType<typeof stagingQueries>;

/** The promotion's bulk statements: staged rows into the store, in one transaction the caller holds. */
export function promotionQueries(db: Db) {
  const cols = valueColumns.join(', ');
  // New prospects in stage-id order, a range at a time (a big import promotes in several transactions).
  const insertNew = db.prepare<[number, number, number, number, number]>(`
    INSERT INTO main.prospects (email_normalized, ${cols}, status, search_name, import_id, created_at, updated_at)
    SELECT email_normalized, ${cols}, status, search_name, ?, ?, ? FROM temp.import_stage WHERE target_id IS NULL AND id > ? AND id <= ? ORDER BY id`);
  const updateExisting = db.prepare<[number]>(`
    UPDATE main.prospects SET ${valueColumns.map((c) => `${c} = s.${c}`).join(', ')}, status = s.status, search_name = s.search_name, updated_at = ?
    FROM temp.import_stage s WHERE s.target_id = prospects.id`);
  // New prospects through their import's index, updated ones through the staged target: no lookup by email.
  const tagCreated = db.prepare<[number, number, number]>(`
    INSERT OR IGNORE INTO main.prospect_tags (prospect_id, tag_id) SELECT id, ? FROM main.prospects WHERE import_id = ? AND id > ?`);
  const tagUpdated = db.prepare<[number]>(`
    INSERT OR IGNORE INTO main.prospect_tags (prospect_id, tag_id) SELECT target_id, ? FROM temp.import_stage WHERE target_id IS NOT NULL`);
  const tagLinked = db.prepare<[number]>(`
    INSERT OR IGNORE INTO main.prospect_tags (prospect_id, tag_id)
    SELECT l.prospect_id, ? FROM temp.import_stage_links l WHERE l.prospect_id IN (SELECT id FROM main.prospects)`);
  const issues = db.prepare<[number]>(`
    INSERT INTO main.import_rows (import_id, row_number, outcome, reason, raw, prospect_id)
    SELECT ?, row_number, outcome, reason, raw,
      CASE WHEN outcome = 'duplicate' THEN (SELECT p.id FROM main.prospects p WHERE p.email_normalized = i.email_normalized) END
    FROM temp.import_stage_issues i ORDER BY rowid`);
  // Staged rows another writer got to first while the import was staging: a new email that now exists, or
  // an existing prospect edited or deleted since it was merged. They are applied one by one instead.
  const stagedFrom = stagedSelect.replace('FROM temp.import_stage', 'FROM temp.import_stage s');
  const newConflicts = db.prepare<[number, number], StagedRow>(`
    ${stagedFrom} WHERE s.target_id IS NULL AND s.id > ? AND s.id <= ? AND EXISTS (SELECT 1 FROM main.prospects p WHERE p.email_normalized = s.email_normalized) ORDER BY s.id`);
  const targetConflicts = db.prepare<[], StagedRow>(`
    ${stagedFrom} WHERE s.target_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM main.prospects p WHERE p.id = s.target_id AND p.updated_at = s.target_updated_at AND p.email_normalized = s.email_normalized)
    ORDER BY s.id`);
  const newRange = db.prepare<[], { first: number | null; last: number | null }>('SELECT min(id) - 1 AS first, max(id) AS last FROM temp.import_stage WHERE target_id IS NULL');
  // The existing prospects this import changed, kept with it (see 0006-import-updates.sql); not its own new ones.
  const recordUpdates = db.prepare<[number, number]>(`
    INSERT OR IGNORE INTO main.import_updates (import_id, prospect_id)
    SELECT ?, s.target_id FROM temp.import_stage s JOIN main.prospects p ON p.id = s.target_id WHERE p.import_id IS NOT ?`);
  const recordUpdate = db.prepare<[number, number]>('INSERT OR IGNORE INTO main.import_updates (import_id, prospect_id) VALUES (?, ?)');
  const createdSince = db.prepare<[number, number], { created: number; suppressed: number }>(`
    SELECT coalesce(sum(status <> 'suppressed'), 0) AS created, coalesce(sum(status = 'suppressed'), 0) AS suppressed FROM main.prospects WHERE import_id = ? AND id > ?`);
  const newEmails = db.prepare<[], { id: number; email_normalized: string; status: ProspectStatus }>(
    'SELECT id, email_normalized, status FROM temp.import_stage WHERE target_id IS NULL',
  );
  return {
    /** Records the staged updates of existing prospects (duplicates with nothing new are not among them) with the import. */
    recordUpdates: (importId: number) => void recordUpdates.run(importId, importId),
    /** Records one existing prospect the import updated outside the bulk statements. */
    recordUpdate: (importId: number, prospectId: number) => void recordUpdate.run(importId, prospectId),
    /** New prospects staged in (from, to] whose email another writer added to the store meanwhile. */
    newConflicts: (from: number, to: number) => newConflicts.all(from, to),
    /** Staged updates of prospects another writer changed or deleted meanwhile. */
    targetConflicts: () => targetConflicts.all(),
    /** The stage ids of the new prospects lie in (first, last]; both 0 when there are none. */
    newRange: () => {
      const r = newRange.get()!;
      return { first: r.first ?? 0, last: r.last ?? 0 };
    },
    /** The import's prospects with an id above afterId (those one transaction wrote), suppressed or not. */
    createdSince: (importId: number, afterId: number) => createdSince.get(importId, afterId)!,
    /** The staged new prospects, with the status they were staged with. */
    newEmails: () => newEmails.all(),
    insertNew: (importId: number, now: number, from: number, to: number) => insertNew.run(importId, now, now, from, to).changes,
    updateExisting: (now: number) => updateExisting.run(now).changes,
    /** Tags the prospects the import created with an id above afterId. */
    tagCreated: (tagId: number, importId: number, afterId: number) => void tagCreated.run(tagId, importId, afterId),
    /** Tags the existing prospects the import updated or matched. */
    tagOthers(tagId: number) {
      tagUpdated.run(tagId);
      tagLinked.run(tagId);
    },
    issues: (importId: number) => void issues.run(importId),
  };
}

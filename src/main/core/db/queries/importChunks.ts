// SQL for an import's chunk files: a worker writes a chunk of normalised rows to its own small SQLite file, the store takes it in.
import Database from 'better-sqlite3';
import type { ProspectStatus } from '../../../../shared/domain/prospect';
import type { Db } from '../open';
import { pageSize } from '../pageSize';
import type { ProspectDraft } from '../../import/normalizeRow';
import { writableColumns } from './prospects';

/*
 * A chunk file holds one stretch of the spreadsheet (about ten thousand rows) after normalising: its prospects
 * (`rows`, keyed by the row's number in the sheet) and the rows it rejected (`issues`). A worker thread writes it
 * and closes it; only then does the store's import connection attach it and copy its rows in with one
 * INSERT ... SELECT, which costs a fraction of binding every value from JavaScript on the main thread. A chunk file
 * is scratch: no journal, no sync, deleted once taken in (or when the import ends in any way).
 */
export const chunkValueColumns = [...writableColumns, 'custom_fields'] as const;
const columns = ['n', 'email_normalized', ...chunkValueColumns, 'status', 'search_name'] as const;

/** The schema alias a chunk file is attached under on the import's connection. */
export const chunkSchema = 'import_chunk';

/** Writes one chunk file: call add/reject for its rows, then close() (which commits). */
export function chunkFileWriter(path: string) {
  const db = new Database(path);
  db.pragma(`page_size = ${pageSize}`);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.exec(`
    CREATE TABLE rows (n INTEGER PRIMARY KEY, email_normalized TEXT NOT NULL, ${chunkValueColumns.map((c) => `${c} TEXT`).join(', ')}, status TEXT NOT NULL, search_name TEXT NOT NULL);
    CREATE TABLE issues (n INTEGER PRIMARY KEY, reason TEXT NOT NULL, raw TEXT NOT NULL);`);
  const add = db.prepare<unknown[]>(`INSERT INTO rows VALUES (${columns.map(() => '?').join(', ')})`);
  const reject = db.prepare<[number, string, string]>('INSERT INTO issues VALUES (?, ?, ?)');
  db.exec('BEGIN');
  return {
    /** One prospect of the chunk: its row number, its values (in chunkValueColumns order), its status and sort name. */
    add(n: number, d: ProspectDraft, status: ProspectStatus, searchName: string) {
      // In the order of `columns`; written out, as this runs for every row of every import.
      add.run(n, d.emailNormalized, d.email, d.firstName, d.lastName, d.company, d.title, d.phone, d.phoneRaw, d.linkedinUrl, d.website, d.domain,
        d.city, d.region, d.country, d.timeZone, d.timeZoneSource, d.industry, d.source, JSON.stringify(d.customFields), status, searchName);
    },
    reject: (n: number, reason: string, raw: string) => void reject.run(n, reason, raw),
    close() {
      db.exec('COMMIT');
      db.close();
    },
    /** Gives up on the file (the import stopped): closes it without committing. */
    abandon() {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    },
  };
}
export type ChunkFileWriter = ReturnType<typeof chunkFileWriter>;

export function attachChunk(db: Db, path: string): void {
  db.prepare(`ATTACH DATABASE ? AS ${chunkSchema}`).run(path);
  // The promotion may correct a row's status in the file: scratch, so without a journal.
  db.pragma(`${chunkSchema}.journal_mode = OFF`);
  db.pragma(`${chunkSchema}.synchronous = OFF`);
}

export function detachChunk(db: Db): void {
  if (db.open) db.exec(`DETACH DATABASE ${chunkSchema}`);
}

/**
 * The statements that take an attached chunk in, run inside the promotion's transaction. Prepared per chunk: a
 * statement compiled against one attached file is not reused after the next is attached under the same name.
 */
export function chunkPromotionQueries(db: Db) {
  const cols = chunkValueColumns.join(', ');
  const c = chunkSchema;
  // Rows that need a decision one by one go to temp.import_special (see importStaging.ts): an email seen earlier in
  // the file (their row numbers come as a JSON array), or one the store already has.
  const setAsideWhere = (which: string) => `
    INSERT INTO temp.import_special (n, email_normalized, ${cols}, status, search_name)
    SELECT n, email_normalized, ${cols}, status, search_name FROM ${c}.rows r WHERE ${which}`;
  const setAsideRepeats = db.prepare<[string]>(setAsideWhere('r.n IN (SELECT value FROM json_each(?))'));
  const setAsideKnown = db.prepare(
    setAsideWhere('r.n NOT IN (SELECT n FROM temp.import_special) AND EXISTS (SELECT 1 FROM main.prospects p WHERE p.email_normalized = r.email_normalized)'),
  );
  const insertNew = db.prepare<[number, number, number]>(`
    INSERT INTO main.prospects (email_normalized, ${cols}, status, search_name, import_id, created_at, updated_at)
    SELECT email_normalized, ${cols}, status, search_name, ?, ?, ? FROM ${c}.rows r
    WHERE r.n NOT IN (SELECT n FROM temp.import_special) ORDER BY r.n`);
  const issues = db.prepare(`INSERT INTO temp.import_stage_issues (row_number, outcome, reason, raw, email_normalized) SELECT n, 'rejected', reason, raw, NULL FROM ${c}.issues ORDER BY n`);
  const statuses = db.prepare<[], { n: number; email_normalized: string; status: ProspectStatus }>(`SELECT n, email_normalized, status FROM ${c}.rows`);
  const setStatus = db.prepare<[string, number]>(`UPDATE ${c}.rows SET status = ? WHERE n = ?`);
  return {
    /** Sets aside the rows repeating an email of an earlier row (these row numbers). */
    setAsideRepeats: (repeats: number[]) => (repeats.length ? setAsideRepeats.run(JSON.stringify(repeats)).changes : 0),
    /** Sets aside the rows holding an email the store already has. */
    setAsideKnown: () => setAsideKnown.run().changes,
    /** The chunk's rows that are new prospects, in file order; returns how many. */
    insertNew: (importId: number, now: number) => insertNew.run(importId, now, now).changes,
    issues: () => void issues.run(),
    statuses: () => statuses.all(),
    setStatus: (n: number, status: ProspectStatus) => void setStatus.run(status, n),
  };
}

// SQL for prospects: writes used by import and editing, the screen's paged list, and the row <-> Prospect mappers.
import type { Prospect, ProspectStatus } from '../../../../shared/domain/prospect';
import type { Db } from '../open';

export interface ProspectRow {
  id: number;
  email: string;
  email_normalized: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  title: string | null;
  phone: string | null;
  phone_raw: string | null;
  linkedin_url: string | null;
  website: string | null;
  domain: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  time_zone: string | null;
  time_zone_source: string | null;
  industry: string | null;
  source: string | null;
  custom_fields: string;
  status: ProspectStatus;
  import_id: number | null;
  created_at: number;
  updated_at: number;
  tags?: string | null;
}

/** The columns a rep can fill, as stored (snake_case), in one place for inserts and merges. */
export const writableColumns = [
  'email', 'first_name', 'last_name', 'company', 'title', 'phone', 'phone_raw', 'linkedin_url', 'website', 'domain',
  'city', 'region', 'country', 'time_zone', 'time_zone_source', 'industry', 'source',
] as const;
export type WritableColumn = (typeof writableColumns)[number];
export type ProspectValues = Record<WritableColumn, string | null> & { custom_fields: Record<string, string> };

export function searchName(first: string | null, last: string | null): string {
  return `${first ?? ''} ${last ?? ''}`.trim().toLowerCase();
}

export function toProspect(row: ProspectRow): Prospect {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    company: row.company,
    title: row.title,
    phone: row.phone,
    phoneRaw: row.phone_raw,
    linkedinUrl: row.linkedin_url,
    website: row.website,
    domain: row.domain,
    city: row.city,
    region: row.region,
    country: row.country,
    timeZone: row.time_zone,
    timeZoneSource: row.time_zone_source,
    industry: row.industry,
    source: row.source,
    customFields: JSON.parse(row.custom_fields) as Record<string, string>,
    status: row.status,
    importId: row.import_id,
    tags: row.tags ? row.tags.split('\u001f') : [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const tagList = `(SELECT group_concat(t.name, char(31)) FROM prospect_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.prospect_id = p.id) AS tags`;

/** A prospect the test harness adds directly, without import rules. */
export interface TestProspectValues {
  email: string;
  email_normalized: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  title: string | null;
  country: string | null;
  time_zone: string | null;
  domain: string;
  custom_fields: string;
  phone: string | null;
  now: number;
}

/** A demo workspace prospect; its email is already normalised. */
export interface DemoProspectValues {
  email: string;
  first: string;
  last: string;
  company: string;
  title: string;
  phone: string;
  domain: string;
  website: string;
  country: string;
  zone: string;
  custom: string;
  now: number;
}

export function prospectQueries(db: Db) {
  const byEmail = db.prepare<[string], ProspectRow>('SELECT * FROM prospects WHERE email_normalized = ?');
  const byId = db.prepare<[number], ProspectRow>(`SELECT p.*, ${tagList} FROM prospects p WHERE p.id = ?`);
  const insert = db.prepare(`
    INSERT INTO prospects (email, email_normalized, ${writableColumns.slice(1).join(', ')}, custom_fields, status, import_id, search_name, created_at, updated_at)
    VALUES (@email, @email_normalized, ${writableColumns.slice(1).map((c) => '@' + c).join(', ')}, @custom_fields, @status, @import_id, @search_name, @now, @now)`);
  const update = db.prepare(`
    UPDATE prospects SET email = @email, email_normalized = @email_normalized, ${writableColumns.slice(1).map((c) => `${c} = @${c}`).join(', ')},
      custom_fields = @custom_fields, status = @status, search_name = @search_name, updated_at = @now
    WHERE id = @id`);
  const ensureTag = db.prepare<[string, number]>('INSERT INTO tags (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING');
  const tagId = db.prepare<[string], { id: number }>('SELECT id FROM tags WHERE name = ?');
  const removeTagIfUnused = db.prepare<[number, number]>('DELETE FROM tags WHERE id = ? AND NOT EXISTS (SELECT 1 FROM prospect_tags WHERE tag_id = ?)');
  const link = db.prepare<[number, number]>('INSERT OR IGNORE INTO prospect_tags (prospect_id, tag_id) VALUES (?, ?)');
  const unlinkAll = db.prepare<[number]>('DELETE FROM prospect_tags WHERE prospect_id = ?');
  const allTags = db.prepare<[], { id: number; name: string; count: number }>(
    'SELECT t.id, t.name, (SELECT count(*) FROM prospect_tags pt WHERE pt.tag_id = t.id) AS count FROM tags t ORDER BY t.name COLLATE NOCASE',
  );
  const timeline = db.prepare<[number, number], { id: number; type: string; reason: string | null; data: string; at: number }>(
    'SELECT id, type, reason, data, at FROM events WHERE prospect_id = ? ORDER BY at DESC, id DESC LIMIT ?',
  );
  const addEvent = db.prepare<[number, string, string | null, string, number]>('INSERT INTO events (prospect_id, type, reason, data, at) VALUES (?, ?, ?, ?, ?)');
  const anyFromSource = db.prepare<[string], { x: number }>('SELECT 1 AS x FROM prospects WHERE source = ? LIMIT 1');
  const insertTest = db.prepare<[TestProspectValues]>(
    `INSERT INTO prospects (email, email_normalized, first_name, last_name, company, title, country, time_zone, domain, custom_fields, source, created_at, updated_at, phone)
     VALUES (@email, @email_normalized, @first_name, @last_name, @company, @title, @country, @time_zone, @domain, @custom_fields, 'test', @now, @now, @phone)`,
  );
  const insertDemo = db.prepare<[DemoProspectValues]>(
    `INSERT INTO prospects (email, email_normalized, first_name, last_name, company, title, phone, phone_raw, domain, website, country, time_zone, time_zone_source, source, custom_fields, created_at, updated_at)
     VALUES (@email, @email, @first, @last, @company, @title, @phone, @phone, @domain, @website, @country, @zone, 'demo', 'demo', @custom, @now, @now)`,
  );

  function params(values: ProspectValues, emailNormalized: string, status: ProspectStatus, now: number) {
    return { ...values, email_normalized: emailNormalized, custom_fields: JSON.stringify(values.custom_fields), status, search_name: searchName(values.first_name, values.last_name), now };
  }

  return {
    byEmail: (emailNormalized: string) => byEmail.get(emailNormalized) ?? null,
    byId: (id: number) => byId.get(id) ?? null,
    insert(values: ProspectValues, emailNormalized: string, status: ProspectStatus, importId: number | null, now: number): number {
      const r = insert.run({ ...params(values, emailNormalized, status, now), import_id: importId });
      return Number(r.lastInsertRowid);
    },
    update(id: number, values: ProspectValues, emailNormalized: string, status: ProspectStatus, now: number): void {
      const { changes } = update.run({ ...params(values, emailNormalized, status, now), id });
      if (changes !== 1) throw new Error(`Prospect ${id} was not updated`);
    },
    tagIdFor(name: string, now: number): number {
      ensureTag.run(name, now);
      return tagId.get(name)!.id;
    },
    tagExists: (name: string) => tagId.get(name) !== undefined,
    /** Deletes a tag no prospect has (one an import made and then took back). */
    removeTagIfUnused: (id: number) => void removeTagIfUnused.run(id, id),
    link: (prospectId: number, tag: number) => void link.run(prospectId, tag),
    setTags(prospectId: number, names: string[], now: number) {
      unlinkAll.run(prospectId);
      for (const n of names) link.run(prospectId, this.tagIdFor(n, now));
    },
    tags: () => allTags.all(),
    timeline: (prospectId: number, limit = 200) => timeline.all(prospectId, limit),
    addEvent: (prospectId: number, type: string, reason: string | null, data: unknown, at: number) => void addEvent.run(prospectId, type, reason, JSON.stringify(data ?? {}), at),
    anyFromSource: (source: string) => anyFromSource.get(source) !== undefined,
    /** A prospect added by the test harness (source 'test'); returns its id. */
    insertTest: (values: TestProspectValues) => Number(insertTest.run(values).lastInsertRowid),
    /** A sample prospect of the demo workspace (source and zone source 'demo'); returns its id. */
    insertDemo: (values: DemoProspectValues) => Number(insertDemo.run(values).lastInsertRowid),
  };
}
export type ProspectQueries = ReturnType<typeof prospectQueries>;

/** Adds prospects to the search index in one pass, as the insert trigger would one by one. */
export function searchIndexRows(db: Db) {
  const indexRange = db.prepare<[number, number]>(`
    INSERT INTO main.prospects_fts (rowid, name, email, company)
    SELECT id, coalesce(first_name, '') || ' ' || coalesce(last_name, ''), email, coalesce(company, '') FROM main.prospects WHERE id > ? AND id <= ?`);
  return {
    /** Indexes the prospects with ids in (after, upTo]. */
    range: (after: number, upTo: number) => void indexRange.run(after, upTo),
  };
}

/** Bulk search indexing for an import (see search_index_control in 0002-import.sql); call inside its transaction. */
export function searchIndexQueries(db: Db) {
  const maxId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM prospects');
  const defer = db.prepare<[number]>('UPDATE search_index_control SET deferred_after = ? WHERE id = 1');
  const indexNew = searchIndexRows(db);
  const resume = db.prepare('UPDATE search_index_control SET deferred_after = NULL WHERE id = 1');
  const triggerSql = db.prepare<[], { sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'prospects_fts_insert'`);
  return {
    /** From now on, new rows wait for indexAndResume(); returns what resuming needs. */
    defer(): { after: number; trigger: string } {
      const after = maxId.get()?.id ?? 0;
      const trigger = triggerSql.get()!.sql;
      db.exec('DROP TRIGGER prospects_fts_insert');
      defer.run(after);
      return { after, trigger };
    },
    /** Indexes the new rows in one pass, then restores the trigger. */
    indexAndResumeNow(state: { after: number; trigger: string }): void {
      indexNew.range(state.after, maxId.get()?.id ?? 0);
      resume.run();
      db.exec(state.trigger);
    },
  };
}

/**
 * Bulk loading for an import that brings more new prospects than the store holds: SQLite builds an index from
 * sorted rows far faster than it grows one row by row, so the secondary indexes are dropped at the import's first
 * chunk and built again at its end (or when it is cancelled or fails). Their definitions are recorded in the same
 * transaction as the drop, so a Repdesk that stops meanwhile builds them again when it next opens the store
 * (restoreSuspendedIndexes). The email index, which the load itself needs, stays.
 */
export function bulkLoadQueries(db: Db) {
  const count = db.prepare<[], number>('SELECT count(*) FROM prospects').pluck();
  const secondary = db.prepare<[], { name: string; sql: string }>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'prospects' AND sql IS NOT NULL ORDER BY name`,
  );
  const record = db.prepare<[string, string, number]>('INSERT INTO bulk_load_indexes (name, sql, import_id) VALUES (?, ?, ?)');
  const suspended = db.prepare<[], number>('SELECT count(*) FROM bulk_load_indexes').pluck();
  const next = db.prepare<[], { name: string; sql: string }>('SELECT name, sql FROM bulk_load_indexes ORDER BY name LIMIT 1');
  const forget = db.prepare<[string]>('DELETE FROM bulk_load_indexes WHERE name = ?');
  return {
    /** True when building the indexes again costs less than growing them by this many rows. */
    worthIt: (newRows: number) => newRows >= 20_000 && newRows >= count.get()!,
    /** Drops the secondary indexes for an import's bulk load, recording them; call inside a transaction. */
    suspend(importId: number): void {
      for (const i of secondary.all()) {
        record.run(i.name, i.sql, importId);
        db.exec(`DROP INDEX "${i.name.replaceAll('"', '""')}"`);
      }
    },
    isSuspended: () => suspended.get()! > 0,
    /** Builds again one index a bulk load dropped (each in a transaction of its own keeps the app free between them); false when none is left. */
    restoreOne(): boolean {
      const i = next.get();
      if (!i) return false;
      db.exec(ifNotExists(i.sql));
      forget.run(i.name);
      return true;
    },
  };
}

const ifNotExists = (sql: string) => sql.replace(/^CREATE INDEX /i, 'CREATE INDEX IF NOT EXISTS ');

/**
 * Builds the indexes a bulk load dropped and forgets them, each in a transaction of its own (it commits with its record
 * gone); returns how many. Safe on a store without the table yet. At start-up, and in the index worker (indexWorker.ts).
 */
export function restoreSuspendedIndexes(db: Db): number {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bulk_load_indexes'`).get();
  if (!table) return 0;
  const bulk = bulkLoadQueries(db);
  let restored = 0;
  while (db.transaction(() => bulk.restoreOne()).immediate()) restored++;
  return restored;
}

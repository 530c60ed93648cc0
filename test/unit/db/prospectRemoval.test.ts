// Deleting prospects: the search index stays exact whichever way a deletion goes (one by one, or rebuilt), and in slices.
import { describe, expect, it } from 'vitest';
import { openMemoryDatabase, type Db } from '../../../src/main/core/db/open';
import { prospectRemoval } from '../../../src/main/core/db/queries/prospectRemoval';
import { importQueries } from '../../../src/main/core/db/queries/imports';

function store(n: number, importId: number | null = null): Db {
  const db = openMemoryDatabase();
  if (importId !== null) db.prepare("INSERT INTO imports (id, file_name, file_size, status, created_at) VALUES (?, 'f.csv', 1, 'running', 0)").run(importId);
  const add = db.prepare('INSERT INTO prospects (email, email_normalized, first_name, last_name, company, import_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)');
  db.transaction(() => {
    for (let i = 1; i <= n; i++) add.run(`p${i}@x.test`, `p${i}@x.test`, 'Pat', `Word${i}`, i % 2 ? 'Odd Co' : 'Even Co', importId);
  })();
  return db;
}

const matches = (db: Db, q: string) => db.prepare('SELECT count(*) FROM prospects_fts WHERE prospects_fts MATCH ?').pluck().get(q) as number;
const indexed = (db: Db) => db.prepare("SELECT count(*) FROM prospects_fts WHERE prospects_fts MATCH '\"pat\"*'").pluck().get() as number;
const stale = (db: Db) => db.prepare('SELECT stale FROM search_index_control').pluck().get() as number;
/** What the index holds for each prospect, as search sees it: every id it matches for "pat". */
const indexedIds = (db: Db) => db.prepare(`SELECT rowid FROM prospects_fts WHERE prospects_fts MATCH '"pat"*' ORDER BY rowid`).pluck().all() as number[];
/** The prospects the index should match for "pat" (all but the newcomers). */
const ids = (db: Db) => db.prepare("SELECT id FROM prospects WHERE first_name = 'Pat' ORDER BY id").pluck().all() as number[];

describe('prospect removal', () => {
  it('deletes a few prospects one by one, their words out of the index at once', () => {
    const db = store(500);
    const removal = prospectRemoval(db);
    expect(db.transaction(() => removal.byIds([3, 4, 4, 99_999]))()).toBe(2);
    expect(matches(db, '"word3"')).toBe(0);
    expect(indexedIds(db)).toEqual(ids(db));
    expect(stale(db)).toBe(0);
  });

  it('deletes many prospects by building the index again from those left', () => {
    const db = store(500);
    const removal = prospectRemoval(db);
    const gone = Array.from({ length: 300 }, (_, i) => i + 1);
    expect(db.transaction(() => removal.byIds(gone))()).toBe(300);
    expect(indexed(db)).toBe(200);
    expect(indexedIds(db)).toEqual(ids(db));
    expect(matches(db, '"word1"')).toBe(0);
    expect(matches(db, '"word301"')).toBe(1);
    expect(matches(db, '"odd"')).toBe(100);
    expect(stale(db)).toBe(0);
    // The triggers are back: a new prospect is indexed, an edit re-indexed, a deletion unindexed.
    const newcomer = Number(db.prepare("INSERT INTO prospects (email, email_normalized, first_name, created_at, updated_at) VALUES ('n@x.test', 'n@x.test', 'Newcomer', 0, 0)").run().lastInsertRowid);
    expect(matches(db, '"newcomer"')).toBe(1);
    db.prepare("UPDATE prospects SET first_name = 'Renamed' WHERE email = 'n@x.test'").run();
    expect([matches(db, '"newcomer"'), matches(db, '"renamed"')]).toEqual([0, 1]);
    expect(db.transaction(() => removal.byIds([newcomer]))()).toBe(1);
    expect(matches(db, '"renamed"')).toBe(0);
  });

  it('undoes an import in slices, leaving the index stale until the last, and never gives a deleted id to a newcomer', () => {
    const db = store(1000, 7);
    const removal = prospectRemoval(db);
    expect(db.transaction(() => removal.createdBy(7, 400))()).toBe(400);
    expect(stale(db)).toBe(1);
    // Between slices search shows only prospects that exist, though the index still holds the deleted.
    expect(db.prepare(`SELECT count(*) FROM prospects WHERE id IN (SELECT rowid FROM prospects_fts WHERE prospects_fts MATCH '"word1"')`).pluck().get()).toBe(0);
    const newcomer = Number(db.prepare("INSERT INTO prospects (email, email_normalized, first_name, created_at, updated_at) VALUES ('n@x.test', 'n@x.test', 'Newcomer', 0, 0)").run().lastInsertRowid);
    expect(newcomer).toBe(1001);
    expect(db.transaction(() => removal.createdBy(7, 400))()).toBe(400);
    expect(stale(db)).toBe(1);
    // A small deletion while the index is stale still leaves it exact once settled.
    db.transaction(() => removal.byIds([900]))();
    expect(stale(db)).toBe(0);
    expect(indexedIds(db)).toEqual(ids(db));
    expect(db.transaction(() => removal.createdBy(7, 400))()).toBe(199);
    expect(db.transaction(() => removal.settle())()).toBe(true);
    expect(indexedIds(db)).toEqual([]);
    expect(matches(db, '"newcomer"')).toBe(1);
  });

  it('settles at the next start what a stopped undo left stale', () => {
    const db = store(300, 7);
    db.transaction(() => prospectRemoval(db).createdBy(7, 100))();
    expect(stale(db)).toBe(1);
    importQueries(db).recoverInterrupted();
    expect(db.prepare('SELECT count(*) FROM prospects').pluck().get()).toBe(0);
    expect(stale(db)).toBe(0);
    expect(indexed(db)).toBe(0);
  });
});

// The 0011 migration: the search index no longer records which column each word was found in.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/db/migrate';
import { migrations } from '../../../src/main/core/db/migrations';
import { configureConnection } from '../../../src/main/core/db/open';
import { ftsQuery } from '../../../src/main/core/db/queries/prospectList';

function storeAt(version: number): Database.Database {
  const db = new Database(':memory:');
  configureConnection(db);
  migrate(db, migrations.slice(0, version));
  const add = db.prepare('INSERT INTO prospects (email, email_normalized, first_name, last_name, company, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)');
  db.transaction(() => {
    for (let i = 0; i < 5000; i++) add.run(`person${i}@company${i % 97}.test`, `person${i}@company${i % 97}.test`, i % 2 ? 'Zoë' : `First${i}`, `Müller${i % 50}`, `Company ${i % 97} Holdings`);
  })();
  return db;
}

/** The index's size: FTS5 keeps it as blocks in prospects_fts_data. */
const indexBytes = (db: Database.Database) => db.prepare('SELECT sum(length(block)) FROM prospects_fts_data').pluck().get() as number;

describe('0011-search-detail-none migration', () => {
  it('builds the index again at less than half its size, and every search the app makes finds the same prospects', () => {
    const before = storeAt(10);
    const after = storeAt(10);
    try {
      migrate(after);
      expect(after.prepare("SELECT sql FROM sqlite_master WHERE name = 'prospects_fts'").pluck().get()).toMatch(/detail = none/);
      expect(indexBytes(after)).toBeLessThan(indexBytes(before) / 2);
      // The settings of 0009 and 0010 are kept.
      expect(after.prepare("SELECT k, v FROM prospects_fts_config WHERE k IN ('secure-delete', 'hashsize') ORDER BY k").all()).toEqual([
        { k: 'hashsize', v: 8 * 1024 * 1024 },
        { k: 'secure-delete', v: 1 },
      ]);
      const find = (db: Database.Database, typed: string) => db.prepare('SELECT rowid FROM prospects_fts WHERE prospects_fts MATCH ? ORDER BY rowid').pluck().all(ftsQuery(typed));
      for (const typed of ['zoe muller1', 'person12', 'co', 'company 5 hold', 'first4 mü', 'person1@company1.test']) {
        const found = find(after, typed);
        expect(found.length, typed).toBeGreaterThan(0);
        expect(found, typed).toEqual(find(before, typed));
      }
      // The triggers keep it up to date: a renamed prospect is found by the new name only.
      after.prepare("UPDATE prospects SET first_name = 'Renamed' WHERE id = 1").run();
      expect(find(after, 'renamed')).toEqual([1]);
      expect(find(after, 'first0')).toEqual([]);
    } finally {
      before.close();
      after.close();
    }
  });
});

// The 0012 migration: the search index's leaves fill the store's pages.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/db/migrate';
import { configureConnection } from '../../../src/main/core/db/open';
import { pageSize } from '../../../src/main/core/db/pageSize';
import { searchIndexQueries } from '../../../src/main/core/db/queries/prospects';

/** A migrated store in memory with pages of the given size. */
function store(pages: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma(`page_size = ${pages}`);
  configureConnection(db);
  migrate(db);
  return db;
}

/** Adds n prospects as an import chunk does: indexed in one pass, in one transaction. */
function addChunk(db: Database.Database, n: number): void {
  const add = db.prepare('INSERT INTO prospects (email, email_normalized, first_name, last_name, company, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)');
  const search = searchIndexQueries(db);
  db.transaction(() => {
    const index = search.defer();
    for (let i = 0; i < n; i++) add.run(`person${i}@company${i % 997}.test`, `person${i}@company${i % 997}.test`, `First${i}`, `Last${i % 5000}`, `Company ${i % 997} Holdings`);
    search.indexAndResumeNow(index);
  })();
}

const leaves = (db: Database.Database) => db.prepare('SELECT count(*) AS n, max(length(block)) AS biggest FROM prospects_fts_data WHERE id > 10').get() as { n: number; biggest: number };
const pgsz = (db: Database.Database) => db.prepare("SELECT v FROM prospects_fts_config WHERE k = 'pgsz'").pluck().get();

describe('0012-search-page-size migration', () => {
  it('writes leaves of about 16 KB in a store of 16 KB pages, a quarter as many as of 4 KB, and every prospect stays findable', () => {
    const big = store(pageSize);
    const small = store(4096);
    try {
      expect(pageSize).toBe(16_384);
      expect(pgsz(big)).toBe(16_338);
      expect(pgsz(small)).toBe(4050);
      addChunk(big, 20_000);
      addChunk(small, 20_000);
      expect(leaves(big).biggest).toBeGreaterThan(4050);
      expect(leaves(big).biggest).toBeLessThanOrEqual(16_338 + 200);
      expect(leaves(big).n).toBeLessThan(leaves(small).n / 3);
      const search = big.prepare('SELECT count(*) FROM prospects_fts WHERE prospects_fts MATCH ?').pluck();
      expect(search.get('"company"')).toBe(20_000);
      expect(search.get('"last4999"')).toBe(4);
      expect(search.get('"first99"*')).toBe(111);
      expect(() => big.prepare("INSERT INTO prospects_fts (prospects_fts) VALUES ('integrity-check')").run()).not.toThrow();
    } finally {
      big.close();
      small.close();
    }
  });
});

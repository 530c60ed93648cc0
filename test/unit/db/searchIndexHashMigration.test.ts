// The 0010 migration: the search index keeps a whole import chunk's words in memory, and writes them out once.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/db/migrate';
import { migrations } from '../../../src/main/core/db/migrations';
import { configureConnection } from '../../../src/main/core/db/open';
import { searchIndexQueries } from '../../../src/main/core/db/queries/prospects';

/** Adds n prospects the way an import chunk does: the trigger off, then indexed in one pass, in one transaction. */
function addChunk(db: Database.Database, from: number, n: number): void {
  const add = db.prepare('INSERT INTO prospects (email, email_normalized, first_name, last_name, company, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)');
  const search = searchIndexQueries(db);
  db.transaction(() => {
    const index = search.defer();
    for (let i = from; i < from + n; i++) add.run(`person${i}@company${i % 997}.test`, `person${i}@company${i % 997}.test`, `First${i}`, `Last${i % 5000}`, `Company ${i % 997} Holdings`);
    search.indexAndResumeNow(index);
  })();
}

/** How many segments the search index is made of (FTS5's structure record, id 10, counts them per level). */
const segments = (db: Database.Database): number => {
  const structure = db.prepare('SELECT block FROM prospects_fts_data WHERE id = 10').pluck().get() as Buffer;
  // Varints after the 4-byte cookie (and the 4-byte mark of the second format, if there): levels, then segments.
  let at = structure.readUInt32BE(4) === 0xff000001 ? 8 : 4;
  const varint = () => {
    let v = 0;
    for (;;) {
      const b = structure[at++]!;
      v = v * 128 + (b & 0x7f);
      if (b < 0x80) return v;
    }
  };
  varint();
  return varint();
};

describe('0010-search-index-hash migration', () => {
  it('writes the words of a 10,000-prospect chunk as one segment instead of several, and every prospect stays findable', () => {
    const before = new Database(':memory:');
    const after = new Database(':memory:');
    try {
      for (const db of [before, after]) configureConnection(db);
      migrate(before, migrations.slice(0, 9));
      migrate(after);
      expect(after.prepare("SELECT v FROM prospects_fts_config WHERE k = 'hashsize'").pluck().get()).toBe(8 * 1024 * 1024);
      addChunk(before, 0, 10_000);
      addChunk(after, 0, 10_000);
      expect(segments(before)).toBeGreaterThan(1);
      expect(segments(after)).toBe(1);
      const search = after.prepare('SELECT count(*) FROM prospects_fts WHERE prospects_fts MATCH ?').pluck();
      expect(search.get('"company"')).toBe(10_000);
      expect(search.get('"last4999"')).toBe(2);
      expect(search.get('"first99"*')).toBe(111);
    } finally {
      before.close();
      after.close();
    }
  });
});

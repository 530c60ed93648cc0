// The 0009 migration: the search index built again (words of prospects deleted before it gone, secure-delete on, two-letter prefixes).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/db/migrate';
import { migrations } from '../../../src/main/core/db/migrations';
import { configureConnection } from '../../../src/main/core/db/open';

describe('0009-search-secure-delete migration', () => {
  it('purges the words deleted prospects left in the index, and keeps every other prospect findable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'repdesk-fts-'));
    const file = join(dir, 'store.sqlite');
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      configureConnection(db);
      migrate(db, migrations.slice(0, 8));
      const add = db.prepare("INSERT INTO prospects (email, email_normalized, first_name, last_name, company, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)");
      db.transaction(() => {
        for (let i = 0; i < 100; i++) add.run(`keep${i}@x.test`, `keep${i}@x.test`, 'Keep', `Me${i}`, 'Other Co');
      })();
      const gone = Number(add.run('erin@private.test', 'erin@private.test', 'Erin', 'Quixotrix', 'Privacy Ltd').lastInsertRowid);
      db.prepare('DELETE FROM prospects WHERE id = ?').run(gone);
      db.pragma('wal_checkpoint(TRUNCATE)');
      // Before: the deletion is only a marker, and the word is still in the file.
      expect(readFileSync(file).includes('quixotrix')).toBe(true);

      migrate(db);
      db.pragma('wal_checkpoint(TRUNCATE)');
      expect(readFileSync(file).includes('quixotrix')).toBe(false);
      const search = db.prepare('SELECT count(*) FROM prospects_fts WHERE prospects_fts MATCH ?').pluck();
      expect(search.get('"keep"*')).toBe(100);
      expect(search.get('"other"*')).toBe(100);
      expect(search.get('"quixotrix"*')).toBe(0);
      expect(db.prepare("SELECT v FROM prospects_fts_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
      expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'prospects_fts'").pluck().get()).toMatch(/prefix = '2',/);
      // The triggers on prospects keep the new index in step: an insert, an edit and a deletion.
      const id = Number(add.run('zed@new.test', 'zed@new.test', 'Zed', 'Garcia', 'Newco').lastInsertRowid);
      expect([search.get('"ga"*'), search.get('"gar"*'), search.get('"garcia"'), search.get('"newco"')]).toEqual([1, 1, 1, 1]);
      db.prepare("UPDATE prospects SET last_name = 'Moreno' WHERE id = ?").run(id);
      expect([search.get('"gar"*'), search.get('"mor"*')]).toEqual([0, 1]);
      db.prepare('DELETE FROM prospects WHERE id = ?').run(id);
      expect([search.get('"mor"*'), search.get('"zed"*')]).toEqual([0, 0]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate, schemaVersion } from '../../../src/main/core/db/migrate';
import { migrations } from '../../../src/main/core/db/migrations';
import { databaseFileName, openDatabase } from '../../../src/main/core/db/open';
import { pageSize } from '../../../src/main/core/db/pageSize';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'repdesk-db-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('build the whole schema from an empty file, with WAL and foreign keys on', () => {
    const db = openDatabase(tempDir());
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['accounts', 'calls', 'enrollments', 'events', 'messages', 'prospects', 'sequences', 'settings', 'step_runs', 'steps']),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('page_size', { simple: true })).toBe(pageSize);
    db.close();
  });

  it('keeps the page size of a store made before 16 KB pages', () => {
    const dir = tempDir();
    const old = new Database(join(dir, databaseFileName));
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE notes (id INTEGER)');
    old.close();
    const db = openDatabase(dir);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(schemaVersion(db)).toBe(migrations.length);
    db.close();
  });

  it('re-opening an up-to-date file changes nothing and keeps the data', () => {
    const dir = tempDir();
    const first = openDatabase(dir);
    first.prepare("INSERT INTO settings (key, value) VALUES ('repName', '\"Sam\"')").run();
    first.close();
    const again = openDatabase(dir);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'repName'").pluck().get()).toBe('"Sam"');
    expect(migrate(again)).toEqual({ from: migrations.length, to: migrations.length });
    again.close();
  });

  it('refuses a file written by a newer Repdesk and leaves it untouched', () => {
    const dir = tempDir();
    const raw = new Database(join(dir, databaseFileName));
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.exec('CREATE TABLE future_thing (id INTEGER)');
    raw.close();
    expect(() => openDatabase(dir)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(dir)).toThrow(/newer version of Repdesk/);
    const check = new Database(join(dir, databaseFileName));
    expect(schemaVersion(check)).toBe(migrations.length + 5);
    expect(tables(check)).toEqual(['future_thing']);
    check.close();
  });

  it('applies pending migrations in one transaction: a failing one leaves the file as it was', () => {
    const db = new Database(':memory:');
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); SELECT nonsense FROM nowhere;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('foreign keys cascade: deleting a prospect removes their timeline', () => {
    const db = openDatabase(tempDir());
    db.prepare("INSERT INTO prospects (id, email, email_normalized, created_at, updated_at) VALUES (1, 'a@x.com', 'a@x.com', 0, 0)").run();
    db.prepare("INSERT INTO events (prospect_id, type, at) VALUES (1, 'imported', 0)").run();
    db.prepare('DELETE FROM prospects WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
    db.close();
  });

  it('the due-work query of the outbox uses its index', () => {
    const db = openDatabase(tempDir());
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT id FROM step_runs WHERE state = 'scheduled' AND due_at <= ? ORDER BY due_at").all(0) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/USING (COVERING )?INDEX step_runs_due/);
    expect(plan).not.toMatch(/SCAN step_runs\b(?! USING)/);
    db.close();
  });
});

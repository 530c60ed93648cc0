// The index builder (the built out/main/indexWorker.js): a bulk load's dropped indexes are built on its own connection, off the main thread.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { indexBuilder } from '../../../src/main/core/db/indexBuilder';
import { openDatabase, storeFile, type Db } from '../../../src/main/core/db/open';
import { bulkLoadQueries } from '../../../src/main/core/db/queries/prospects';

const built = resolve(__dirname, '../../../out/main/indexWorker.js');
const indexes = (db: Db) => db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'prospects' AND sql IS NOT NULL ORDER BY name`).all();

describe('index builder', () => {
  it('is not there for an in-memory store or without a built worker', () => {
    expect(indexBuilder(null, built)).toBeNull();
    expect(indexBuilder('/some/file', null)).toBeNull();
  });

  it.skipIf(!existsSync(built))('builds the indexes a bulk load dropped, each committed with its record gone (needs npm run build)', async () => {
    const db = openDatabase(mkdtempSync(join(tmpdir(), 'repdesk-index-')));
    const file = storeFile(db)!;
    const insert = db.prepare(`INSERT INTO prospects (email, email_normalized, company, time_zone, search_name, created_at, updated_at) VALUES (?, ?, ?, 'UTC', ?, 1, 1)`);
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`p${i}@x.com`, `p${i}@x.com`, `Company ${i % 40}`, `p ${i}`);
    })();
    const before = indexes(db);
    db.transaction(() => bulkLoadQueries(db).suspend(1))();
    expect(indexes(db)).toEqual([]);
    expect(await indexBuilder(file, built)!()).toBe(before.length);
    // The app's connection sees them, and nothing is left for it to build.
    expect(indexes(db)).toEqual(before);
    expect(bulkLoadQueries(db).isSuspended()).toBe(false);
    const other = new Database(file, { readonly: true });
    expect(other.prepare(`SELECT count(*) AS n FROM prospects INDEXED BY prospects_company WHERE company = 'Company 7'`).get()).toEqual({ n: 50 });
    other.close();
    db.close();
  });

  it.skipIf(!existsSync(built))('fails, rather than hangs, when the store cannot be opened (needs npm run build)', async () => {
    await expect(indexBuilder(join(tmpdir(), 'repdesk-no-such-store.sqlite'), built)!()).rejects.toThrow();
  });
});

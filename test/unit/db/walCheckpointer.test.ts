// The background checkpoint (the built out/main/checkpointWorker.js): after a big write with autocheckpoint off, the log is copied into the file off the main thread.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, storeFile } from '../../../src/main/core/db/open';
import { logEraser, walCheckpointer } from '../../../src/main/core/db/walCheckpointer';
import { silentLog } from '../../../src/main/core/log';

const built = resolve(__dirname, '../../../out/main/checkpointWorker.js');

describe('WAL checkpointer', () => {
  it('does nothing for an in-memory store or without a built worker', async () => {
    const c = walCheckpointer(null, built, silentLog);
    expect(c.inBackground).toBe(false);
    c.soon();
    await c.idle();
    expect(walCheckpointer('/some/file', null, silentLog).inBackground).toBe(false);
  });

  it.skipIf(!existsSync(built))('copies a big write into the database file in a worker (needs npm run build)', async () => {
    const db = openDatabase(mkdtempSync(join(tmpdir(), 'repdesk-ckpt-')));
    const file = storeFile(db)!;
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE blob_rows (v TEXT)');
    const insert = db.prepare('INSERT INTO blob_rows (v) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run('x'.repeat(2000));
    })();
    const before = statSync(file).size;
    const c = walCheckpointer(file, built, silentLog);
    expect(c.inBackground).toBe(true);
    c.soon();
    c.soon(); // asked again while running: one more pass, never two at once
    await c.idle();
    // The pages reached the database file itself, and a fresh connection sees every row.
    expect(statSync(file).size).toBeGreaterThan(before + 3000 * 2000 * 0.9);
    const reader = new Database(file, { readonly: true });
    expect((reader.prepare('SELECT count(*) AS n FROM blob_rows').get() as { n: number }).n).toBe(3000);
    reader.close();
    db.close();
  });

  it.skipIf(!existsSync(built))('after a deletion, empties the log: the worker copies it, then the app truncates it (needs npm run build)', async () => {
    const db = openDatabase(mkdtempSync(join(tmpdir(), 'repdesk-ckpt-')));
    const file = storeFile(db)!;
    db.pragma('wal_autocheckpoint = 0');
    db.exec("CREATE TABLE secrets (v TEXT); INSERT INTO secrets VALUES ('private-words-here')");
    db.exec('DELETE FROM secrets');
    expect(readFileSync(`${file}-wal`).includes('private-words-here')).toBe(true);
    await logEraser(db, walCheckpointer(file, built, silentLog), silentLog)();
    expect(statSync(`${file}-wal`).size).toBe(0);
    expect(readFileSync(file).includes('private-words-here')).toBe(false);
    db.close();
  });

  it('empties the log on the app\'s own connection where there is no worker', async () => {
    const db = openDatabase(mkdtempSync(join(tmpdir(), 'repdesk-ckpt-')));
    const file = storeFile(db)!;
    db.pragma('wal_autocheckpoint = 0');
    db.exec("CREATE TABLE secrets (v TEXT); INSERT INTO secrets VALUES ('private-words-here')");
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    await logEraser(db, walCheckpointer(file, null, silentLog), silentLog)();
    expect(statSync(`${file}-wal`).size).toBe(0);
    db.close();
  });
});

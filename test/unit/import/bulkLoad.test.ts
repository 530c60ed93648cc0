// A big import into a small store loads without the secondary indexes: they always come back, whatever ends the import.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/main/core/db/open';
import { bulkLoadQueries } from '../../../src/main/core/db/queries/prospects';
import { csvBytes, upload } from '../../support/importFiles';
import { makeTestCore } from '../../support/testCore';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const indexes = (db: Db) => db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'prospects' AND sql IS NOT NULL ORDER BY name`).all();

function bigCsv(rows: number): Buffer {
  const lines = ['email,first name,company'];
  for (let i = 0; i < rows; i++) lines.push(`p${i}@c${i % 300}.com,P${i},Company ${i % 300}`);
  return csvBytes(lines.join('\n'));
}

describe('bulk load', () => {
  it('a Repdesk that stopped mid-import builds the dropped indexes again when it next opens the store', () => {
    const dir = mkdtempSync(join(tmpdir(), 'repdesk-bulk-'));
    dirs.push(dir);
    let db = openDatabase(dir);
    const before = indexes(db);
    expect(before.length).toBeGreaterThanOrEqual(6);
    db.transaction(() => bulkLoadQueries(db).suspend(1))();
    expect(indexes(db)).toEqual([]);
    // The process stops here: the drop is committed, the import never finishes.
    db.close();
    db = openDatabase(dir);
    expect(indexes(db)).toEqual(before);
    expect(bulkLoadQueries(db).isSuspended()).toBe(false);
    db.close();
  });

  it('a big import into an empty store drops the indexes while it loads and leaves them as they were', async () => {
    const { core } = makeTestCore();
    const db = core.deps.db;
    const before = indexes(db);
    let droppedMidway = false;
    core.bus.subscribe((name, payload) => {
      const p = payload as { status: string; processed: number; saving: boolean };
      if (name === 'import.progress' && p.status === 'running' && p.processed > 5000 && !p.saving) droppedMidway ||= indexes(db).length === 0;
    });
    const preview = await upload(core, 'big.csv', bigCsv(30_000));
    await core.imports.start({ importId: preview.importId, sheet: null, mapping: preview.suggested, tag: 'Big', duplicatePolicy: 'skip' });
    await core.imports.idle();
    expect(core.imports.get(preview.importId).counts.created).toBe(30_000);
    expect(droppedMidway).toBe(true);
    expect(indexes(db)).toEqual(before);
  });

  it('a cancelled big import takes its prospects out and builds the indexes again', async () => {
    const { core } = makeTestCore();
    const db = core.deps.db;
    const before = indexes(db);
    const preview = await upload(core, 'big.csv', bigCsv(60_000));
    core.bus.subscribe((name, payload) => {
      const p = payload as { status: string; processed: number };
      if (name === 'import.progress' && p.status === 'running' && p.processed > 10_000) core.imports.cancel(preview.importId);
    });
    await core.imports.start({ importId: preview.importId, sheet: null, mapping: preview.suggested, tag: 'Big', duplicatePolicy: 'skip' });
    await core.imports.idle();
    expect(core.imports.get(preview.importId).status).toBe('cancelled');
    expect(core.navCounts().prospects).toBe(0);
    expect(indexes(db)).toEqual(before);
    expect(bulkLoadQueries(db).isSuspended()).toBe(false);
  });
});

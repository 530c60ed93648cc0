// A big import into a small store loads without the secondary indexes: they always come back, whatever ends the import.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/main/core/clock';
import { indexBuilder } from '../../../src/main/core/db/indexBuilder';
import { openDatabase, openMemoryDatabase, storeFile, type Db } from '../../../src/main/core/db/open';
import { bulkLoadQueries } from '../../../src/main/core/db/queries/prospects';
import { EventBus } from '../../../src/main/core/eventBus';
import { ImportService } from '../../../src/main/core/import/importService';
import { silentLog } from '../../../src/main/core/log';
import { SettingsService } from '../../../src/main/core/settings/settingsService';
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

describe('bulk load: indexes built in a worker thread', () => {
  const builtWorker = resolve(__dirname, '../../../out/main/indexWorker.js');

  /** An import service over db whose index builder is `build`, used from `from` prospects loaded. */
  function service(db: Db, build: () => Promise<number>, from: number): ImportService {
    const bus = new EventBus();
    return new ImportService({ db, clock: new ManualClock(new Date('2026-03-02T09:00:00Z')), bus, log: silentLog, settings: new SettingsService(db, bus, 'UTC'), changed: () => {}, indexesElsewhere: { build, from } });
  }

  async function importBig(imports: ImportService, rows: number): Promise<number> {
    const bytes = bigCsv(rows);
    const { importId } = imports.create('big.csv', bytes.byteLength);
    imports.append(importId, 0, bytes);
    const preview = await imports.preview(importId);
    await imports.start({ importId, sheet: null, mapping: preview.suggested, tag: 'Big', duplicatePolicy: 'skip' });
    await imports.idle();
    return imports.get(importId).counts.created;
  }

  it.skipIf(!existsSync(builtWorker))('a big load has the worker build them on its own connection (needs npm run build)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repdesk-bulk-'));
    dirs.push(dir);
    const db = openDatabase(dir);
    const before = indexes(db);
    const worker = indexBuilder(storeFile(db), builtWorker)!;
    const builtThere: number[] = [];
    const imports = service(db, async () => {
      const n = await worker();
      builtThere.push(n);
      return n;
    }, 10_000);
    expect(await importBig(imports, 30_000)).toBe(30_000);
    expect(builtThere).toEqual([before.length]);
    expect(indexes(db)).toEqual(before);
    expect(bulkLoadQueries(db).isSuspended()).toBe(false);
    imports.close();
    db.close();
  });

  it('builds them itself when the worker fails, and for a load below the threshold', async () => {
    const db = openMemoryDatabase();
    const before = indexes(db);
    let asked = 0;
    const failing = service(db, async () => {
      asked++;
      throw new Error('The index builder stopped (exit code 1).');
    }, 10_000);
    expect(await importBig(failing, 25_000)).toBe(25_000);
    expect(asked).toBe(1);
    expect(indexes(db)).toEqual(before);
    failing.close();

    const db2 = openMemoryDatabase();
    const unused = service(db2, async () => {
      asked++;
      return 0;
    }, 1_000_000);
    expect(await importBig(unused, 25_000)).toBe(25_000);
    expect(asked).toBe(1);
    expect(indexes(db2)).toEqual(before);
    unused.close();
  });
});

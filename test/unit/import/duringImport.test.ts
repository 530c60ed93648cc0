// While an import runs, the store stays writable: the engine, inbox sync and the rep's edits never wait for it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../src/main/api';
import { openDatabase, databaseFileName } from '../../../src/main/core/db/open';
import { prospectQueries } from '../../../src/main/core/db/queries/prospects';
import { csvBytes, upload } from '../../support/importFiles';
import { makeTestCore } from '../../support/testCore';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A core over a WAL file, so the import writes through its own second connection as in the app. */
function fileCore() {
  const dir = mkdtempSync(join(tmpdir(), 'repdesk-during-import-'));
  dirs.push(dir);
  const db = openDatabase(dir);
  return { ...makeTestCore(undefined, { db }), db, file: join(dir, databaseFileName) };
}

function bigCsv(rows: number): Buffer {
  const lines = ['email,first name,company'];
  for (let i = 0; i < rows; i++) lines.push(`p${i}@${i % 2 ? 'odd' : 'even'}.com,P${i},Acme`);
  return csvBytes(lines.join('\n'));
}

/** Resolves at the first progress event of a running import that has read some rows. */
function midImport(core: ReturnType<typeof makeTestCore>['core']): Promise<void> {
  return new Promise((resolve) => {
    const off = core.bus.subscribe((name, payload) => {
      if (name === 'import.progress' && (payload as { status: string; processed: number }).status === 'running' && (payload as { processed: number }).processed > 0) {
        off();
        resolve();
      }
    });
  });
}

describe('writes during a running import', () => {
  it('succeed at once, even from a connection that will not wait, and the import still accounts for every row', async () => {
    const { core, db, file } = fileCore();
    const api = createApi(core);
    const existing = prospectQueries(db).insert(
      { email: 'rep@known.com', first_name: 'Known', last_name: null, company: null, title: null, phone: null, phone_raw: null, linkedin_url: null, website: null, domain: 'known.com', city: null, region: null, country: null, time_zone: 'UTC', time_zone_source: 'rep', industry: null, source: null, custom_fields: {} },
      'rep@known.com', 'active', null, 1,
    );
    const preview = await upload(core, 'a.csv', bigCsv(30_000));
    const reached = midImport(core);
    await core.imports.start({ importId: preview.importId, sheet: null, mapping: preview.suggested, tag: 'Big', duplicatePolicy: 'skip' });
    await reached;
    expect(core.imports.isRunning()).toBe(true);

    // Another connection with no busy timeout at all (as a second process would be): the lock is free.
    const other = new Database(file);
    other.pragma('busy_timeout = 0');
    other.exec("BEGIN IMMEDIATE; UPDATE settings SET value = value WHERE key = 'none'; COMMIT");
    other.close();
    // The rep's own writes, on the app's connection, while the import is reading.
    expect(await api('settings.update', { repName: 'Casey' })).toMatchObject({ ok: true });
    expect(await api('prospects.update', { id: existing, patch: { company: 'Known Inc' } })).toMatchObject({ ok: true });
    expect(await api('suppressions.add', { entries: 'odd.com' })).toMatchObject({ ok: true });
    // A prospect saved meanwhile with an email the file holds further down (as inbox sync or the rep might).
    prospectQueries(db).insert(
      { email: 'p29998@even.com', first_name: 'Elsewhere', last_name: null, company: null, title: null, phone: null, phone_raw: null, linkedin_url: null, website: null, domain: 'even.com', city: null, region: null, country: null, time_zone: 'UTC', time_zone_source: 'rep', industry: null, source: null, custom_fields: {} },
      'p29998@even.com', 'active', null, 2,
    );
    // The import's prospects come in chunk by chunk: the first is in, the rest is still being read.
    const midway = core.navCounts().prospects;
    expect(midway).toBeGreaterThan(3);
    expect(midway).toBeLessThan(30_003);

    await core.imports.idle();
    const summary = core.imports.list()[0]!;
    expect(summary.status).toBe('done');
    // The suppression added mid-import covers the rows already in (marked by the suppression service) and those
    // still to come (they follow the list); the row saved meanwhile becomes a duplicate.
    expect(summary.counts).toEqual({ total: 30_000, created: 14_999, updated: 0, duplicates: 1, suppressed: 15_000, rejected: 0, blank: 0 });
    expect(core.settings.get().repName).toBe('Casey');
    expect(core.prospects.get(existing).prospect.company).toBe('Known Inc');
    expect(core.importIssues.page({ importId: summary.id, outcome: 'duplicate' }).rows[0]).toMatchObject({ rowNumber: 30_000, prospectId: expect.any(Number) });
    expect(db.prepare(`SELECT count(*) AS n FROM prospects WHERE import_id = ?`).get(summary.id)).toEqual({ n: 29_999 });
    expect(db.prepare(`SELECT count(*) AS n FROM prospects WHERE import_id = ? AND status = 'suppressed'`).get(summary.id)).toEqual({ n: 15_000 });
    core.close();
  });
});

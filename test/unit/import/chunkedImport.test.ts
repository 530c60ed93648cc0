// An import takes its chunk files in one transaction each: the same outcome whatever the chunks, room for other writers between them, nothing left behind when it stops.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DuplicatePolicy, ImportCounts } from '../../../src/shared/contract/imports';
import { openMemoryDatabase, type Db } from '../../../src/main/core/db/open';
import { importQueries } from '../../../src/main/core/db/queries/imports';
import { prospectQueries } from '../../../src/main/core/db/queries/prospects';
import { suppressionQueries } from '../../../src/main/core/db/queries/suppressions';
import { readLayout } from '../../../src/main/core/import/preview';
import { runImport } from '../../../src/main/core/import/runImport';
import { cellsOf, stagedChunks } from '../../../src/main/core/import/stagedChunks';
import { openSheetReader } from '../../../src/main/core/import/sheetReader';
import { suppressionMatcher } from '../../../src/main/core/import/suppressionMatcher';
import { csvBytes } from '../../support/importFiles';

const now = Date.parse('2026-03-02T09:00:00Z');

/** 5,000 rows with rejects and in-file duplicates spread through them, and two existing prospects to merge into. */
function file(): Buffer {
  const lines = ['Email,First Name,Company'];
  for (let i = 0; i < 5000; i++) {
    if (i % 701 === 0) lines.push(`broken-${i},Bad,X`);
    else lines.push(`p${i % 4800}@c${i % 40}.com,Pat${i},Company ${i % 40}`);
  }
  lines.push('known@old.com,Known,Old Co', 'other@old.com,,Other Co');
  return csvBytes(lines.join('\n'));
}

/** A prospect written straight to the store, as the rep (or an import) would have added it. */
function addProspect(db: Db, email: string, firstName: string | null, importId: number | null): void {
  const domain = email.split('@')[1]!;
  const values = { email, first_name: firstName, last_name: null, company: null, title: null, phone: null, phone_raw: null, linkedin_url: null, website: null, domain, city: null, region: null, country: null, time_zone: 'UTC', time_zone_source: 'rep', industry: null, source: null, custom_fields: {} };
  prospectQueries(db).insert(values, email, 'active', importId, now);
}

function store(): Db {
  const db = openMemoryDatabase();
  for (const email of ['known@old.com', 'other@old.com']) {
    addProspect(db, email, null, null);
  }
  return db;
}

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

interface Hooks {
  /** Between two chunk transactions. */
  afterChunk?: (counts: ImportCounts) => void;
  isCancelled?: () => boolean;
  policy?: DuplicatePolicy;
}

/** An afterChunk hook that runs `write` once, after the first chunk; `ran` says whether it did. */
function onceBetweenChunks(write: () => void) {
  const state = { ran: false };
  const afterChunk = () => {
    if (state.ran) return;
    write();
    state.ran = true;
  };
  return { afterChunk, state };
}

async function importInto(db: Db, chunkRows: number, hooks: Hooks = {}) {
  const bytes = file();
  const layout = await readLayout(openSheetReader('delimited', bytes), null);
  const stagingDir = mkdtempSync(join(tmpdir(), 'repdesk-chunks-'));
  folders.push(stagingDir);
  const plan = { kind: 'delimited' as const, sheet: null, headerIndex: layout.headerIndex, hasHeader: layout.hasHeader, headers: layout.headers, mapping: layout.suggested, defaultCountry: 'US', repTimeZone: 'UTC', stagingDir, suppression: [], chunkRows };
  const importId = importQueries(db).create('big.csv', bytes.byteLength, now);
  importQueries(db).start(importId, { sheet: null, tag: 'Fair', policy: 'fill_empty', mapping: '{}' });
  const outcome = await runImport(db, {
    importId,
    chunks: stagedChunks(openSheetReader('delimited', bytes), plan),
    headers: layout.headers,
    tag: 'Fair',
    policy: hooks.policy ?? 'fill_empty',
    suppression: suppressionMatcher([]),
    currentSuppression: () => suppressionMatcher(suppressionQueries(db).list()),
    now: () => now,
    isCancelled: hooks.isCancelled ?? (() => false),
    onProgress: () => {},
    onSaving: () => {},
    ...(hooks.afterChunk ? { afterChunk: hooks.afterChunk } : {}),
    cellsOf: (rowNumbers) => cellsOf(openSheetReader('delimited', bytes), null, rowNumbers),
  });
  return { importId, outcome };
}

/** Everything an import leaves in the store, without ids and times. */
function snapshot(db: Db) {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    prospects: all('SELECT email_normalized, first_name, company, status, import_id IS NOT NULL AS imported FROM prospects ORDER BY email_normalized'),
    tagged: all(`SELECT p.email_normalized FROM prospect_tags pt JOIN prospects p ON p.id = pt.prospect_id ORDER BY 1`),
    issues: all('SELECT row_number, outcome, reason FROM import_rows ORDER BY row_number'),
    updated: all('SELECT p.email_normalized FROM import_updates u JOIN prospects p ON p.id = u.prospect_id ORDER BY 1'),
    searchable: all(`SELECT count(*) AS n FROM prospects_fts WHERE prospects_fts MATCH 'pat*'`),
    trigger: all(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'prospects_fts_insert'`),
    deferred: all('SELECT deferred_after FROM search_index_control'),
  };
}

describe('an import taken in chunk by chunk', () => {
  it('leaves the store exactly as one chunk does', async () => {
    const one = store();
    const single = await importInto(one, 100_000);
    const several = store();
    let chunks = 0;
    const chunked = await importInto(several, 500, { afterChunk: () => chunks++ });
    expect(chunks).toBeGreaterThanOrEqual(10);
    expect(chunked.outcome).toEqual(single.outcome);
    expect(chunked.outcome.counts).toMatchObject({ total: 5002, created: 4794, updated: 2, duplicates: 198, rejected: 8 });
    expect(snapshot(several)).toEqual(snapshot(one));
    // Row numbers of duplicates name the first row of the file holding the email, whichever chunk it was in.
    expect(several.prepare(`SELECT reason FROM import_rows WHERE row_number = 4803`).get()).toEqual({ reason: 'Same email as row 3 of this file; nothing new to add' });
  });

  it('lets another writer in between chunks; an email it added meanwhile becomes a merge, not a failure', async () => {
    const db = store();
    // Between two chunks: the rep adds someone the file holds further down.
    const between = onceBetweenChunks(() => addProspect(db, 'p4500@c20.com', 'Added', null));
    const { outcome } = await importInto(db, 1000, { afterChunk: between.afterChunk });
    expect(between.state.ran).toBe(true);
    expect(outcome.counts).toMatchObject({ created: 4793, updated: 3 });
    expect(db.prepare(`SELECT first_name, company FROM prospects WHERE email_normalized = 'p4500@c20.com'`).get()).toEqual({ first_name: 'Added', company: 'Company 20' });
  });

  it('chunks still to come follow a do-not-contact entry added between two of them', async () => {
    const db = store();
    const between = onceBetweenChunks(() => suppressionQueries(db).add('domain', 'c20.com', null, now));
    const { outcome } = await importInto(db, 1000, { afterChunk: between.afterChunk });
    expect(between.state.ran).toBe(true);
    const status = (email: string) => (db.prepare('SELECT status FROM prospects WHERE email_normalized = ?').get(email) as { status: string }).status;
    // p220 went in with the first thousand, before the entry (the suppression service marks existing prospects itself).
    expect(status('p220@c20.com')).toBe('active');
    // p20 did too, but the file repeats it further down: that row merges with the list as it is now.
    expect(status('p20@c20.com')).toBe('suppressed');
    expect(status('p4500@c20.com')).toBe('suppressed');
    expect(outcome.counts.suppressed).toBeGreaterThan(90);
    expect(db.prepare(`SELECT count(*) AS n FROM prospects WHERE status = 'suppressed'`).get()).toEqual({ n: outcome.counts.suppressed });
  });

  it('a cancelled import takes its prospects and its new tag out again, and merged into nothing', async () => {
    const db = store();
    const before = snapshot(db);
    let chunks = 0;
    const { outcome } = await importInto(db, 1000, { afterChunk: () => chunks++, isCancelled: () => chunks >= 3 });
    expect(outcome.status).toBe('cancelled');
    expect(snapshot(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM tags').get()).toEqual({ n: 0 });
  });

  it('takes out what it created when it fails part-way, and a restart takes out what a crash left', async () => {
    const db = store();
    const before = snapshot(db);
    let calls = 0;
    await expect(
      importInto(db, 1000, {
        afterChunk: () => {
          if (++calls === 3) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(snapshot(db)).toEqual(before);

    // A crash between two chunks leaves an import "running" with prospects of its own: the next start removes them.
    const q = importQueries(db);
    const crashed = q.create('crashed.csv', 10, now);
    q.start(crashed, { sheet: null, tag: null, policy: 'skip', mapping: '{}' });
    addProspect(db, 'half@way.com', null, crashed);
    q.recoverInterrupted();
    expect(db.prepare(`SELECT count(*) AS n FROM prospects WHERE email_normalized = 'half@way.com'`).get()).toEqual({ n: 0 });
    expect(q.get(crashed)!.status).toBe('failed');
  });
});

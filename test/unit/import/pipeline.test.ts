// Import through core: every row ends up created, updated, duplicate, suppressed or rejected; cancel leaves nothing.
import { describe, expect, it } from 'vitest';
import { csvBytes, importFile, upload } from '../../support/importFiles';
import { makeTestCore } from '../../support/testCore';
import { ManualClock } from '../../../src/main/core/clock';
import { openMemoryDatabase } from '../../../src/main/core/db/open';
import { EventBus } from '../../../src/main/core/eventBus';
import { ImportService } from '../../../src/main/core/import/importService';
import { importQueries } from '../../../src/main/core/db/queries/imports';
import { silentLog } from '../../../src/main/core/log';
import { SettingsService } from '../../../src/main/core/settings/settingsService';

const list = (core: ReturnType<typeof makeTestCore>['core'], search = '') =>
  core.prospects.list({ search, tagId: null, importId: null, status: null, timeZone: null, sort: 'created', dir: 'asc', offset: 0, limit: 100 });

describe('import pipeline', () => {
  it('says when every row is read and the rest is being saved, just before the import is done', async () => {
    const { core } = makeTestCore();
    const seen: string[] = [];
    const prospectsWhenSaving: number[] = [];
    core.bus.subscribe((name, payload) => {
      if (name !== 'import.progress') return;
      const p = payload as { status: string; saving: boolean; processed: number };
      seen.push(`${p.status}${p.saving ? ' saving' : ''} ${p.processed}`);
      if (p.saving) prospectsWhenSaving.push(core.navCounts().prospects);
    });
    await importFile(core, 'a.csv', csvBytes('Email\na@x.com\nb@x.com\na@x.com'), { policy: 'fill_empty' });
    expect(seen[0]).toBe('running 0');
    expect(seen.at(-1)).toBe('done 3');
    expect(seen.filter((s) => s.includes('saving')).length).toBeGreaterThan(0);
    expect(seen.slice(seen.findIndex((s) => s.includes('saving')), -1).every((s) => s.includes('saving'))).toBe(true);
    // New prospects went in as their chunk was read; the repeated row is decided while saving.
    expect(prospectsWhenSaving[0]).toBe(2);
    expect(core.navCounts().prospects).toBe(2);
  });

  it('a bulk import into a small store rebuilds the indexes it dropped, and every screen query still uses them', async () => {
    const { core } = makeTestCore();
    const db = core.deps.db;
    const indexes = () => db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'prospects' ORDER BY name`).all();
    const before = indexes();
    const lines = ['Email,First Name,Last Name,Company'];
    for (let i = 0; i < 25_000; i++) lines.push(`p${i}@co${i % 50}.com,Pat,Lee${i},Co ${i % 50}`);
    const { summary } = await importFile(core, 'bulk.csv', csvBytes(lines.join('\n')), { tag: 'Bulk' });
    expect(summary.counts.created).toBe(25_000);
    expect(indexes()).toEqual(before);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT id FROM prospects ORDER BY search_name, id LIMIT 100')).toContain('prospects_name');
    expect(plan(`SELECT id FROM prospects WHERE import_id = 1 ORDER BY id DESC LIMIT 100`)).toMatch(/USING (COVERING )?INDEX prospects_import/);
    // The import's counts at its end read two indexes, never each of its prospects.
    expect(importQueries(db).createdCountsPlan(summary.id)).toEqual([
      'SCAN CONSTANT ROW',
      'SCALAR SUBQUERY 1',
      'SEARCH prospects USING COVERING INDEX prospects_import (import_id=?)',
      'SCALAR SUBQUERY 2',
      'SEARCH prospects USING INDEX prospects_status (status=?)',
    ]);
    expect(importQueries(db).createdCounts(summary.id)).toEqual({ created: 25_000, suppressed: 0 });
    expect(list(core, 'lee24999').rows.map((r) => r.email)).toEqual(['p24999@co49.com']);
    expect(core.prospects.list({ search: '', tagId: null, importId: null, status: null, timeZone: null, sort: 'name', dir: 'desc', offset: 0, limit: 1 }).rows[0]!.lastName).toBe('Lee9999');
  });

  it('imports a CRM export and accounts for every row', async () => {
    const { core } = makeTestCore();
    core.suppressions.addText('blocked.com\nno@acme.com', null);
    const csv = [
      'Email Address,First Name,Last Name,Account Name,Phone,State,Country,Favourite Color',
      'Jane@Acme.com,Jane,Doe,Acme,(415) 555-0132,CA,US,blue',
      'not-an-email,Bad,Row,Acme,,,,',
      'jane@acme.com,Jane,Again,Acme,,,,',
      'x@blocked.com,Sup,Pressed,Blocked,,,,',
      ',No,Email,Nowhere,,,,',
      '',
      'bob@widgets.de,Bob,Builder,Widgets,030 1234567,,Germany,green',
    ].join('\r\n');
    const { summary } = await importFile(core, 'leads.csv', csvBytes(csv), { tag: 'Webinar' });
    expect(summary.status).toBe('done');
    expect(summary.counts).toEqual({ total: 6, created: 2, updated: 0, duplicates: 1, suppressed: 1, rejected: 2, blank: 1 });
    const { rows, total } = list(core);
    expect(total).toBe(3);
    const jane = rows.find((p) => p.email === 'Jane@Acme.com')!;
    expect(jane).toMatchObject({ firstName: 'Jane', company: 'Acme', phone: '+14155550132', timeZone: 'America/Los_Angeles', timeZoneSource: 'location', tags: ['Webinar'] });
    expect(jane.customFields).toEqual({ 'Favourite Color': 'blue' });
    const bob = rows.find((p) => p.email === 'bob@widgets.de')!;
    expect(bob).toMatchObject({ country: 'DE', phone: '+49301234567', timeZone: 'Europe/Berlin' });
    expect(rows.find((p) => p.email === 'x@blocked.com')!.status).toBe('suppressed');
    const rejected = core.importIssues.page({ importId: summary.id, outcome: 'rejected' }).rows;
    expect(rejected.map((r) => [r.rowNumber, r.reason])).toEqual([
      [3, '"not-an-email" is not a valid email address: it has no @'],
      [6, 'No email address'],
    ]);
    const dupes = core.importIssues.page({ importId: summary.id, outcome: 'duplicate' }).rows;
    expect(dupes).toHaveLength(1);
    expect(dupes[0]).toMatchObject({ rowNumber: 4, prospectId: jane.id, reason: 'Same email as row 2 of this file' });
    // A duplicate is kept as the file had it, every column included.
    expect(dupes[0]!.raw).toEqual({ 'Email Address': 'jane@acme.com', 'First Name': 'Jane', 'Last Name': 'Again', 'Account Name': 'Acme', Phone: '', State: '', Country: '', 'Favourite Color': '' });
    expect(core.prospects.list({ ...baseFilter, importId: summary.id, offset: 0, limit: 10, sort: 'created', dir: 'asc' }).total).toBe(3);
  });

  it('applies the duplicate policy against existing prospects', async () => {
    const { core } = makeTestCore();
    await importFile(core, 'a.csv', csvBytes('email,first name,title\na@x.com,Ann,\nb@x.com,,CTO'));
    const second = 'email,first name,title\na@x.com,Annie,VP\nb@x.com,Bea,CEO';
    const skip = await importFile(core, 'b.csv', csvBytes(second), { policy: 'skip' });
    expect(skip.summary.counts).toMatchObject({ duplicates: 2, updated: 0 });
    const fill = await importFile(core, 'c.csv', csvBytes(second), { policy: 'fill_empty' });
    expect(fill.summary.counts).toMatchObject({ updated: 2 });
    let rows = list(core).rows;
    expect(rows.map((p) => [p.firstName, p.title])).toEqual([['Ann', 'VP'], ['Bea', 'CTO']]);
    await importFile(core, 'd.csv', csvBytes(second), { policy: 'overwrite' });
    rows = list(core).rows;
    expect(rows.map((p) => [p.firstName, p.title])).toEqual([['Annie', 'VP'], ['Bea', 'CEO']]);
  });

  it('merges a row repeated in the file into what the file already staged, and tags what it touched', async () => {
    const { core } = makeTestCore();
    await importFile(core, 'a.csv', csvBytes('email,first name,company\na@x.com,Ann,'));
    const csv = 'email,first name,company\na@x.com,Ann,Acme\nb@x.com,Bob,\nb@x.com,Bobby,Widgets\na@x.com,,Other';
    const { summary } = await importFile(core, 'b.csv', csvBytes(csv), { policy: 'fill_empty', tag: 'Again' });
    expect(summary.counts).toMatchObject({ total: 4, created: 1, updated: 2, duplicates: 1 });
    const rows = list(core).rows;
    expect(rows.map((p) => [p.email, p.firstName, p.company, p.tags])).toEqual([
      ['a@x.com', 'Ann', 'Acme', ['Again']],
      ['b@x.com', 'Bob', 'Widgets', ['Again']],
    ]);
    expect(core.importIssues.page({ importId: summary.id, outcome: 'duplicate' }).rows).toMatchObject([
      { rowNumber: 5, prospectId: rows[0]!.id, reason: 'Same email as row 2 of this file; nothing new to add' },
    ]);
  });

  it('a cancelled import leaves no prospects behind', async () => {
    const { core } = makeTestCore();
    const lines = ['email,name'];
    for (let i = 0; i < 20_000; i++) lines.push(`p${i}@example.com,Person ${i}`);
    const preview = await upload(core, 'big.csv', csvBytes(lines.join('\n')));
    const seen: string[] = [];
    const fractions: (number | null)[] = [];
    core.bus.subscribe((name, payload) => {
      if (name !== 'import.progress') return;
      const p = payload as { status: string; processed: number; fraction: number | null };
      seen.push(p.status);
      if (p.status === 'running' && p.processed > 0) fractions.push(p.fraction);
      if (p.status === 'running' && p.processed > 2000) core.imports.cancel(preview.importId);
    });
    await core.imports.start({ importId: preview.importId, sheet: null, mapping: preview.suggested, tag: 'Big', duplicatePolicy: 'skip' });
    await core.imports.idle();
    expect(seen.at(-1)).toBe('cancelled');
    // A text file reports how far through it the import is, for a real progress bar.
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions.every((f) => f !== null && f > 0 && f < 1)).toBe(true);
    expect(core.imports.get(preview.importId).status).toBe('cancelled');
    expect(list(core).total).toBe(0);
    expect(core.prospects.facets().tags).toEqual([]);
  });

  it('has the log checkpointed in the background while a big import runs, and once more at its end', async () => {
    const db = openMemoryDatabase();
    const bus = new EventBus();
    let checkpoints = 0;
    const imports = new ImportService({
      db,
      clock: new ManualClock(new Date('2026-03-02T09:00:00Z')),
      bus,
      log: silentLog,
      settings: new SettingsService(db, bus, 'UTC'),
      changed: () => {},
      checkpointer: { inBackground: true, soon: () => void checkpoints++, idle: async () => {} },
      checkpointEveryRows: 5000,
    });
    const lines = ['email'];
    for (let i = 0; i < 24_000; i++) lines.push(`p${i}@x.com`);
    const bytes = csvBytes(lines.join('\n'));
    const { importId } = imports.create('big.csv', bytes.byteLength);
    imports.append(importId, 0, bytes);
    const preview = await imports.preview(importId);
    await imports.start({ importId, sheet: null, mapping: preview.suggested, tag: null, duplicatePolicy: 'skip' });
    await imports.idle();
    expect(imports.get(importId).counts.created).toBe(24_000);
    // Chunks end after 999, 2,999, 6,999, 14,999 and 24,000 rows (the header is in the first): checkpoints after the
    // last three (each 5,000 or more past the one before), then one when the import is done.
    expect(checkpoints).toBe(4);
  });

  it('refuses a file without an email column mapped, and unreadable formats with what to export instead', async () => {
    const { core } = makeTestCore();
    const preview = await upload(core, 'x.csv', csvBytes('name,company\nAnn,Acme'));
    await expect(core.imports.start({ importId: preview.importId, sheet: null, mapping: preview.suggested, tag: null, duplicatePolicy: 'skip' })).rejects.toThrow(
      /Choose the column that holds the email address/,
    );
    const xls = core.imports.create('old.xls', 8);
    expect(() => core.imports.append(xls.importId, 0, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).toThrow(/Save As > Excel Workbook \(.xlsx\)/);
    const numbers = core.imports.create('list.numbers', 4);
    expect(() => core.imports.append(numbers.importId, 0, new Uint8Array([0x50, 0x4b, 3, 4]))).toThrow(/Export To > CSV/);
    const pdf = core.imports.create('list.pdf', 4);
    expect(() => core.imports.append(pdf.importId, 0, new Uint8Array([1, 2, 3, 4]))).toThrow(/CSV \(.csv\)/);
    // A text file past what one string can hold is refused on its first piece, with what to do instead.
    const huge = core.imports.create('everyone.csv', 600 * 1024 * 1024);
    expect(() => core.imports.append(huge.importId, 0, csvBytes('Email\n'))).toThrow('"everyone.csv" is 600 MB: Repdesk reads text files of up to 500 MB');
    expect(() => core.imports.append(huge.importId, 6, csvBytes('a@x.com\n'))).toThrow(/no longer waiting/);
    // Another kind of file renamed .csv: refused, where a text export with a few stray NULs is still read.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 37) % 256))]);
    const renamed = core.imports.create('list.csv', png.length);
    expect(() => core.imports.append(renamed.importId, 0, png)).toThrow(/"list.csv" is named like a text file but holds binary data/);
    const padded = await importFile(core, 'padded.csv', Buffer.concat([csvBytes('Email,Name\na@x.com,Ann\n'), Buffer.alloc(3)]));
    expect(padded.preview.rows).toEqual([['a@x.com', 'Ann']]);
    expect(padded.summary.counts).toMatchObject({ total: 1, created: 1, rejected: 0 });
    const utf16 = await upload(core, 'unicode.txt', csvBytes('Email\tName\r\nzoë@x.com\tZoë', 'utf-16le'));
    expect(utf16.rows[0]).toEqual(['zoë@x.com', 'Zoë']);
  });

  it('fixes a rejected row and re-imports it with the import mapping and tag', async () => {
    const { core } = makeTestCore();
    const { summary } = await importFile(core, 'a.csv', csvBytes('Work Email,Full Name\nann(at)x.com,Ann Lee'), { tag: 'Fair' });
    const [issue] = core.importIssues.page({ importId: summary.id, outcome: 'rejected' }).rows;
    expect(() => core.importIssues.fix(issue!.id, { 'Work Email': 'still bad' })).toThrow(/still cannot be imported/);
    expect(core.importIssues.page({ importId: summary.id, outcome: 'rejected' }).rows[0]!.raw['Work Email']).toBe('still bad');
    const csv = core.importIssues.csv(summary.id);
    expect(csv.csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual(['Work Email,Full Name,Repdesk row,Repdesk problem', 'still bad,Ann Lee,2,"""still bad"" is not a valid email address: it has no @"']);
    // The downloaded file, fixed in Excel and dropped again, maps as the original did and drops our columns.
    const again = await upload(core, 'issues.csv', csvBytes(csv.csv.replace('still bad', 'ann.lee@x.com')));
    expect(again.suggested).toEqual([{ kind: 'field', field: 'email' }, { kind: 'field', field: 'full_name' }, { kind: 'ignore' }, { kind: 'ignore' }]);
    const fixed = core.importIssues.fix(issue!.id, { 'Work Email': 'ann@x.com' });
    expect(fixed.outcome).toBe('created');
    const p = core.prospects.get(fixed.prospectId!).prospect;
    expect(p).toMatchObject({ email: 'ann@x.com', firstName: 'Ann', lastName: 'Lee', tags: ['Fair'], importId: summary.id });
    expect(core.imports.get(summary.id).openIssues).toBe(0);
    expect(core.importIssues.csv(summary.id).rows).toBe(0);
  });

  it('lists import issues a page at a time, newest import first, and downloads every one of them', async () => {
    const { core } = makeTestCore();
    const lines = ['Email,Name'];
    for (let i = 1; i <= 12_000; i++) lines.push(i % 2 ? `bad-${i},Row ${i}` : `p${i}@x.com,Row ${i}`);
    const first = (await importFile(core, 'first.csv', csvBytes(lines.join('\n')))).summary;
    const second = (await importFile(core, 'second.csv', csvBytes('Email,Name\nnope,Late\nok@x.com,Fine\nok@x.com,Again'))).summary;

    const all = core.importIssues.page({ importId: null, outcome: 'rejected', offset: 0, limit: 100 });
    expect(all.total).toBe(6001);
    expect(all.rows).toHaveLength(100);
    // The newest import's rows come first, then the older one's in sheet order.
    expect(all.rows.slice(0, 3).map((r) => `${r.fileName} ${r.rowNumber}`)).toEqual(['second.csv 2', 'first.csv 2', 'first.csv 4']);
    const last = core.importIssues.page({ importId: null, outcome: 'rejected', offset: 6000, limit: 100 });
    expect(last.rows.map((r) => `${r.fileName} ${r.rowNumber}`)).toEqual(['first.csv 12000']);
    expect(core.importIssues.page({ importId: first.id, outcome: 'rejected', offset: 5990, limit: 100 }).rows.map((r) => r.rowNumber)).toEqual([11982, 11984, 11986, 11988, 11990, 11992, 11994, 11996, 11998, 12000]);
    const dupes = core.importIssues.page({ importId: second.id, outcome: 'duplicate' });
    expect(dupes).toMatchObject({ total: 1, rows: [{ rowNumber: 4, fileName: 'second.csv', reason: 'Same email as row 3 of this file' }] });

    // A fixed row leaves the list and the total.
    core.importIssues.fix(all.rows[0]!.id, { Email: 'late@x.com' });
    expect(core.importIssues.page({ importId: null, outcome: 'rejected' }).total).toBe(6000);
    // The download has every open row, not a page of them.
    const csv = core.importIssues.csv(null);
    expect(csv.rows).toBe(6000);
    expect(csv.csv.trimEnd().split('\r\n')).toHaveLength(6001);
  });
});

const baseFilter = { search: '', tagId: null, importId: null, status: null, timeZone: null };

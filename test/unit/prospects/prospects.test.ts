// The prospects screen's core: search and filters, the indexes behind them, edits with validation, delete and export.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFileName, openDatabase } from '../../../src/main/core/db/open';
import type { UserError } from '../../../src/main/core/errors';
import { prospectListQueries } from '../../../src/main/core/db/queries/prospectList';
import type { ProspectListQuery } from '../../../src/shared/contract/prospects';
import { csvBytes, importFile } from '../../support/importFiles';
import { makeTestCore } from '../../support/testCore';

const builtWorkers = resolve(__dirname, '../../../out/main');

const q = (over: Partial<ProspectListQuery> = {}): ProspectListQuery => ({
  search: '', tagId: null, importId: null, status: null, timeZone: null, sort: 'created', dir: 'desc', offset: 0, limit: 100, ...over,
});

async function seeded() {
  const t = makeTestCore();
  const csv = [
    'email,first name,last name,company,state,country',
    'jane@acme.com,Jane,Doe,Acme Corp,CA,US',
    'joe@beta.io,Joe,Bloggs,Beta,NY,US',
    'zoe@gamma.de,Zoë,Müller,Gamma GmbH,,DE',
  ].join('\n');
  const { summary } = await importFile(t.core, 'seed.csv', csvBytes(csv), { tag: 'Fair 2026' });
  return { ...t, importId: summary.id };
}

describe('prospect list', () => {
  it('searches by word prefixes of name, email and company', async () => {
    const { core } = await seeded();
    const emails = (search: string) => core.prospects.list(q({ search, sort: 'email', dir: 'asc' })).rows.map((p) => p.email);
    expect(emails('jan')).toEqual(['jane@acme.com']);
    expect(emails('acme')).toEqual(['jane@acme.com']);
    expect(emails('jo bl')).toEqual(['joe@beta.io']);
    expect(emails('muller')).toEqual(['zoe@gamma.de']);
    expect(emails('beta.io')).toEqual(['joe@beta.io']);
    expect(emails('nobody')).toEqual([]);
  });

  it('filters by tag, import, status and time zone, and sorts', async () => {
    const { core, importId } = await seeded();
    const tag = core.prospects.facets().tags[0]!;
    expect(tag).toMatchObject({ name: 'Fair 2026', count: 3 });
    expect(core.prospects.list(q({ tagId: tag.id })).total).toBe(3);
    expect(core.prospects.list(q({ importId })).total).toBe(3);
    expect(core.prospects.list(q({ timeZone: 'America/Los_Angeles' })).rows.map((p) => p.email)).toEqual(['jane@acme.com']);
    core.suppressions.addText('gamma.de', null);
    expect(core.prospects.list(q({ status: 'suppressed' })).rows.map((p) => p.email)).toEqual(['zoe@gamma.de']);
    expect(core.prospects.list(q({ sort: 'name', dir: 'asc' })).rows.map((p) => p.firstName)).toEqual(['Jane', 'Joe', 'Zoë']);
    expect(core.prospects.list(q({ sort: 'company', dir: 'desc', limit: 1, offset: 1 })).rows.map((p) => p.company)).toEqual(['Beta']);
  });

  it('uses indexes for the screen queries, never a scan of prospects beyond the page it shows', () => {
    const { core } = makeTestCore();
    const list = prospectListQueries(core.deps.db);
    const plans = [
      list.explain(q()),
      list.explain(q({ sort: 'name', dir: 'asc' })),
      list.explain(q({ sort: 'company' })),
      list.explain(q({ sort: 'email', dir: 'asc' })),
      list.explain(q({ status: 'active' })),
      list.explain(q({ importId: 1 })),
      list.explain(q({ timeZone: 'Europe/Berlin' })),
      list.explain(q({ search: 'jane' })),
    ];
    // "Added" reads the table itself in id order (the order prospects were added) and stops after the page.
    expect(plans[0]!.join('\n')).toMatch(/^SCAN p\b(?! USING)/);
    for (const plan of plans.slice(1)) expect(plan.join('\n')).not.toMatch(/SCAN p\b(?! USING)/);
    // Browsing sorts through an index; a search sorts only its matches.
    for (const plan of plans.slice(0, -1)) expect(plan.join('\n')).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    expect(plans.at(-1)!.join('\n')).toMatch(/SCAN prospects_fts VIRTUAL TABLE INDEX/);
    expect(plans.at(-1)!.join('\n')).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
  });
});

describe('search index', () => {
  it('stays consistent when an import updates its own rows and rows are later edited or deleted', async () => {
    const { core } = await seeded();
    const csv = 'email,first name,company\nnew@x.com,Nina,Old Co\nnew@x.com,Nora,New Co\njane@acme.com,Janet,Acme Corp';
    await importFile(core, 'again.csv', csvBytes(csv), { policy: 'overwrite' });
    const check = () => core.deps.db.prepare(`INSERT INTO prospects_fts (prospects_fts) VALUES ('integrity-check')`).run();
    expect(check).not.toThrow();
    const find = (s: string) => core.prospects.list(q({ search: s })).rows.map((p) => p.email);
    expect(find('nora new')).toEqual(['new@x.com']);
    expect(find('nina')).toEqual([]);
    expect(find('janet')).toEqual(['jane@acme.com']);
    const nora = core.prospects.list(q({ search: 'nora' })).rows[0]!;
    core.prospects.update(nora.id, { firstName: 'Nadia' });
    expect(find('nadia')).toEqual(['new@x.com']);
    await core.prospects.delete([nora.id]);
    expect(find('nadia')).toEqual([]);
    expect(check).not.toThrow();
    expect(core.deps.db.prepare('SELECT deferred_after FROM search_index_control').get()).toEqual({ deferred_after: null });
  });
});

describe('prospect edits, deletion and export', () => {
  it('validates edits, keeps other fields, and writes the timeline', async () => {
    const { core } = await seeded();
    const jane = core.prospects.list(q({ search: 'jane' })).rows[0]!;
    expect(() => core.prospects.update(jane.id, { email: 'joe@beta.io' })).toThrow(/not valid/);
    expect(() => core.prospects.update(jane.id, { phone: '12' })).toThrow(/not valid/);
    // The field says what is wrong with the address.
    const badEmail = (() => {
      try {
        core.prospects.update(jane.id, { email: 'jane.doe@acme' });
      } catch (err) {
        return (err as UserError).issues;
      }
    })();
    expect(badEmail).toEqual([{ path: 'email', message: 'Enter a valid email address: "acme" after the @ is not a domain (it has no dot)' }]);
    // An address typed with a domain beyond ASCII is kept as mail writes it (and so sent to), as the import keeps it.
    expect(core.prospects.update(jane.id, { email: ' mailto:Jane@Müller.de ' }).email).toBe('Jane@xn--mller-kva.de');
    expect(core.prospects.list(q({ search: 'jane' })).rows[0]!.email).toBe('Jane@xn--mller-kva.de');
    const updated = core.prospects.update(jane.id, { title: 'VP Sales', phone: '415 555 0132', customFields: { Owner: 'me' }, tags: ['Hot'] });
    expect(updated).toMatchObject({ title: 'VP Sales', phone: '+14155550132', company: 'Acme Corp', customFields: { Owner: 'me' }, tags: ['Hot'] });
    const detail = core.prospects.get(jane.id);
    expect(detail.importFileName).toBe('seed.csv');
    expect(detail.timeline[0]).toMatchObject({ type: 'prospect_edited' });
    expect(core.prospects.list(q({ search: 'jane' })).rows[0]!.title).toBe('VP Sales');
  });

  it('guesses the time zone again when the rep changes where a prospect is, but keeps one the rep chose', async () => {
    const { core } = await seeded();
    const jane = core.prospects.list(q({ search: 'jane' })).rows[0]!;
    expect(jane).toMatchObject({ timeZone: 'America/Los_Angeles', timeZoneSource: 'location' });
    expect(core.prospects.update(jane.id, { region: 'NY' })).toMatchObject({ timeZone: 'America/New_York', timeZoneSource: 'location' });
    // No state left: the phone's area code decides.
    expect(core.prospects.update(jane.id, { region: '', phone: '+1 312 555 0100' })).toMatchObject({ timeZone: 'America/Chicago', timeZoneSource: 'phone' });
    // A zone the rep picked stays whatever else changes, until the rep clears it.
    expect(core.prospects.update(jane.id, { timeZone: 'Asia/Tokyo' })).toMatchObject({ timeZone: 'Asia/Tokyo', timeZoneSource: 'manual' });
    expect(core.prospects.update(jane.id, { region: 'CA' })).toMatchObject({ timeZone: 'Asia/Tokyo', timeZoneSource: 'manual' });
    expect(core.prospects.update(jane.id, { timeZone: '' })).toMatchObject({ timeZone: 'America/Los_Angeles', timeZoneSource: 'location' });
    // Edits that say nothing about where the prospect is leave the zone alone.
    expect(core.prospects.update(jane.id, { title: 'CTO' })).toMatchObject({ timeZone: 'America/Los_Angeles', timeZoneSource: 'location' });
  });

  it('deletes prospects with their timeline, search entries and the file rows that matched them', async () => {
    const { core } = await seeded();
    // A second file repeats Jane: its row is kept, as a duplicate matched to her, until she is deleted.
    const again = await importFile(core, 'again.csv', csvBytes('email,first name,notes\njane@acme.com,Jane,met at the fair'));
    expect(core.importIssues.page({ importId: again.summary.id, outcome: 'duplicate' }).total).toBe(1);
    const ids = core.prospects.ids({ search: 'acme', tagId: null, importId: null, status: null, timeZone: null });
    core.prospects.update(ids[0]!, { title: 'x' });
    expect(await core.prospects.delete(ids)).toEqual({ deleted: 1 });
    expect(core.prospects.list(q({ search: 'jane' })).total).toBe(0);
    expect(core.deps.db.prepare('SELECT count(*) AS n FROM events WHERE prospect_id = ?').get(ids[0]!)).toEqual({ n: 0 });
    expect(core.importIssues.page({ importId: again.summary.id, outcome: 'duplicate' }).total).toBe(0);
    expect(core.deps.db.prepare("SELECT count(*) AS n FROM import_rows WHERE raw LIKE '%jane@acme.com%'").get()).toEqual({ n: 0 });
    expect(core.navCounts().prospects).toBe(2);
  });

  it('leaves no copy of deleted prospects in the store file, not even in the pages it frees', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repdesk-erase-'));
    try {
      const db = openDatabase(dir);
      const { core } = makeTestCore(undefined, { db });
      const marker = 'erase.me.please@private-example.org';
      // A word only the erased prospect has: the search index stores its words, not the email whole.
      const word = 'quixotrix';
      const rows = ['email,first name,last name,company,notes', `${marker},Erin,Quixotrix,Privacy Ltd,call about ${marker}`];
      for (let i = 0; i < 200; i++) rows.push(`keep${i}@x.com,Keep,Me${i},Other Co,`);
      // Enough others deleted with them that whole pages are freed.
      for (let i = 0; i < 3000; i++) rows.push(`gone${i}@x.com,Gone,Erasure${i},Privacy Ltd,`);
      await importFile(core, 'people.csv', csvBytes(rows.join('\n')));
      await importFile(core, 'again.csv', csvBytes(`email,first name\n${marker},Erin`));
      db.pragma('wal_checkpoint(TRUNCATE)');
      const file = join(dir, databaseFileName);
      const before = readFileSync(file);
      expect(before.includes(marker)).toBe(true);
      expect(before.includes(word)).toBe(true);
      expect(await core.prospects.delete(core.prospects.ids({ search: 'privacy', tagId: null, importId: null, status: null, timeZone: null }))).toEqual({ deleted: 3001 });
      // The delete itself empties the log (here on its own connection: the test core has no built worker).
      expect(statSync(`${file}-wal`).size).toBe(0);
      const after = readFileSync(file);
      expect(after.includes(marker)).toBe(false);
      expect(after.includes(word)).toBe(false);
      expect(after.includes('gone1500@x.com')).toBe(false);
      expect(core.prospects.list(q({ search: 'keep' })).total).toBe(200);
      core.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes a deleted prospect\'s words out of the search index at once, not at its next merge', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repdesk-erase-'));
    try {
      const db = openDatabase(dir);
      const { core } = makeTestCore(undefined, { db });
      const rows = ['email,first name,last name,company', 'only.one@private-example.org,Erin,Quixotrix,Privacy Ltd'];
      for (let i = 0; i < 200; i++) rows.push(`keep${i}@x.com,Keep,Me${i},Other Co`);
      await importFile(core, 'people.csv', csvBytes(rows.join('\n')));
      db.pragma('wal_checkpoint(TRUNCATE)');
      const file = join(dir, databaseFileName);
      expect(readFileSync(file).includes('quixotrix')).toBe(true);
      expect(await core.prospects.delete(core.prospects.ids({ search: 'quixotrix', tagId: null, importId: null, status: null, timeZone: null }))).toEqual({ deleted: 1 });
      expect(statSync(`${file}-wal`).size).toBe(0);
      expect(readFileSync(file).includes('quixotrix')).toBe(false);
      expect(core.prospects.list(q({ search: 'keep' })).total).toBe(200);
      expect(core.prospects.list(q({ search: 'other' })).total).toBe(200);
      core.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('deletes many prospects a slice at a time, the app free between slices, the search index exact at the end', async () => {
    const { core } = makeTestCore();
    const rows = ['email,first name,last name,company'];
    for (let i = 0; i < 12_000; i++) rows.push(`p${i}@x.com,Pat,Number${i},${i % 2 ? 'Odd' : 'Even'} Co`);
    await importFile(core, 'many.csv', csvBytes(rows.join('\n')));
    const all = core.prospects.ids({ search: '', tagId: null, importId: null, status: null, timeZone: null });
    let ranBetween = false;
    setImmediate(() => (ranBetween = true));
    // Newest first, as the screen lists them; 11,000 of 12,000.
    const deleting = core.prospects.delete(all.slice(0, 11_000));
    expect(ranBetween).toBe(false);
    expect(await deleting).toEqual({ deleted: 11_000 });
    expect(ranBetween).toBe(true);
    expect(core.prospects.list(q({ search: 'pat' })).total).toBe(1000);
    expect(core.prospects.list(q({ search: 'odd' })).total).toBe(500);
    expect(core.deps.db.prepare(`SELECT count(*) FROM prospects_fts WHERE prospects_fts MATCH '"pat"*'`).pluck().get()).toBe(1000);
    expect(core.deps.db.prepare('SELECT stale FROM search_index_control').pluck().get()).toBe(0);
  });

  it.skipIf(!existsSync(builtWorkers))('deletes back to back in a store whose log the worker checkpoints, edits in between (needs npm run build)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repdesk-erase-'));
    try {
      const db = openDatabase(dir);
      const { core } = makeTestCore(undefined, { db, workersDir: builtWorkers });
      const rows = ['email,first name,last name'];
      for (let i = 0; i < 3000; i++) rows.push(`p${i}@x.com,Pat,Number${i}`);
      await importFile(core, 'many.csv', csvBytes(rows.join('\n')));
      const ids = core.prospects.ids({ search: '', tagId: null, importId: null, status: null, timeZone: null });
      const first = core.prospects.delete(ids.slice(0, 100));
      // The rep edits while the log is copied, then deletes again at once.
      core.prospects.update(ids[500]!, { title: 'CTO' });
      expect(await first).toEqual({ deleted: 100 });
      expect(await core.prospects.delete(ids.slice(100, 2100))).toEqual({ deleted: 2000 });
      expect(statSync(join(dir, `${databaseFileName}-wal`)).size).toBe(0);
      expect(core.prospects.list(q({ search: 'pat' })).total).toBe(900);
      core.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports the current view as CSV, custom fields included', async () => {
    const { core } = await seeded();
    const out = core.prospects.exportCsv({ search: '', tagId: null, importId: null, status: null, timeZone: 'America/New_York', sort: 'email', dir: 'asc' });
    expect(out.rows).toBe(1);
    const lines = out.csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]!.startsWith('Email,First name,Last name,Company')).toBe(true);
    expect(lines[1]!.startsWith('joe@beta.io,Joe,Bloggs,Beta')).toBe(true);
  });
});

// Enrolling from the prospects screen's filter and from the end of an import: the same prospects the rep sees are enrolled.
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../src/main/api';
import type { EnrollFilter } from '../../../src/main/core/engine/enrollmentService';
import { ImportService } from '../../../src/main/core/import/importService';
import { csvBytes, importFile, upload } from '../../support/importFiles';
import { autoEmail, makeWorld, sequenceInput } from '../../support/engineWorld';

const screenFilter = { search: '', tagId: null, importId: null, status: null, timeZone: null } as const;

async function twoImports() {
  const w = makeWorld('2026-03-02T14:00:00Z');
  const first = await importFile(
    w.core,
    'fair.csv',
    csvBytes(['Email,First Name,Last Name,Company,Time Zone', 'jane@acme.com,Jane,Doe,Acme,America/New_York', 'jan@acorn.io,Jan,Berg,Acorn,Europe/Berlin', 'al@beta.io,Al,Ray,Beta,America/New_York'].join('\n')),
    { tag: 'Fair' },
  );
  const second = await importFile(w.core, 'webinar.csv', csvBytes(['Email,First Name,Company,Time Zone', 'zoe@acme.com,Zoe,Acme,Europe/Berlin', 'max@gamma.com,Max,Gamma,America/New_York'].join('\n')));
  w.core.suppressions.addText('max@gamma.com', null);
  const id = (email: string) => w.core.prospects.ids({ ...screenFilter, search: email })[0]!;
  return { w, first: first.summary, second: second.summary, id };
}

describe('enroll by the prospects screen filter', () => {
  it('selects exactly what the screen lists for search, tag, import, status and time zone', async () => {
    const { w, first, second, id } = await twoImports();
    const tagId = w.core.prospects.facets().tags.find((t) => t.name === 'Fair')!.id;
    const cases: [Partial<EnrollFilter>, string[]][] = [
      [{ search: 'jan acm' }, ['jane@acme.com']], // word prefixes across fields, as the screen's search
      [{ search: 'ja' }, ['jane@acme.com', 'jan@acorn.io']],
      [{ tagId }, ['jane@acme.com', 'jan@acorn.io', 'al@beta.io']],
      [{ importId: second.id }, ['zoe@acme.com', 'max@gamma.com']],
      [{ status: 'suppressed' }, ['max@gamma.com']],
      [{ timeZone: 'Europe/Berlin' }, ['jan@acorn.io', 'zoe@acme.com']],
      [{ importId: first.id, timeZone: 'America/New_York', search: 'a' }, ['jane@acme.com', 'al@beta.io']],
      [{}, ['jane@acme.com', 'jan@acorn.io', 'al@beta.io', 'zoe@acme.com', 'max@gamma.com']],
    ];
    for (const [filter, emails] of cases) {
      const engine = w.core.enrollments.prospectIdsFor(filter);
      expect(engine, JSON.stringify(filter)).toEqual(emails.map(id).sort((a, b) => a - b));
      expect(engine).toEqual([...w.core.prospects.ids({ ...screenFilter, ...filter })].sort((a, b) => a - b));
    }
  });

  it('enrolls "all matching" through the API and refuses the suppressed prospect with its reason', async () => {
    const { w, second, id } = await twoImports();
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'Hello')]));
    const api = createApi(w.core);
    const res = await api('enrollments.create', { sequenceId: seq.id, filter: { importId: second.id, tagId: null, status: null, timeZone: null, search: '' } });
    expect(res).toMatchObject({ ok: true, value: { enrolled: 1, refused: 1 } });
    if (!res.ok) return;
    const value = res.value as { results: { prospectId: number; refusal: { code: string; message: string } | null }[] };
    expect(value.results.find((r) => r.prospectId === id('zoe@acme.com'))!.refusal).toBeNull();
    expect(value.results.find((r) => r.prospectId === id('max@gamma.com'))!.refusal).toMatchObject({ code: 'suppressed', message: expect.stringMatching(/do-not-contact/) });
    expect(await api('enrollments.create', { sequenceId: seq.id, filter: { status: 'lost' } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await api('enrollments.create', { sequenceId: seq.id, filter: { team: 1 } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

describe('enroll the prospects an import created or updated', () => {
  it('offers created and updated prospects, keeps suppressed rows apart, and leaves rejected and duplicate rows out', async () => {
    const { w, id } = await twoImports();
    w.core.suppressions.addText('blocked.com', null);
    const csv = [
      'Email,First Name,Title',
      'jane@acme.com,Jane,CEO', // updated: a title where there was none
      'new@delta.com,Nia,CTO', // created
      'x@blocked.com,Xi,COO', // suppressed on import
      'max@gamma.com,Max,CFO', // already suppressed: updated, but enrollment refuses it
      'al@beta.io,Al,', // nothing new: a duplicate
      'not-an-email,Bad,VP', // rejected
    ].join('\n');
    const { summary } = await importFile(w.core, 'update.csv', csvBytes(csv), { policy: 'fill_empty' });
    expect(summary.counts).toMatchObject({ created: 1, updated: 2, suppressed: 1, rejected: 1, duplicates: 1 });
    const got = w.core.imports.prospectsOf(summary.id);
    expect([...got.enrollable].sort()).toEqual([id('jane@acme.com'), id('new@delta.com'), id('max@gamma.com')].sort());
    expect(got.suppressed).toEqual([id('x@blocked.com')]);

    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'Hello')]));
    const results = w.core.enrollments.create(seq.id, [...got.enrollable, ...got.suppressed]);
    const byEmail = Object.fromEntries(results.map((r) => [w.core.prospects.get(r.prospectId).prospect.email, r.refusal?.code ?? 'enrolled']));
    expect(byEmail).toEqual({ 'jane@acme.com': 'enrolled', 'new@delta.com': 'enrolled', 'max@gamma.com': 'suppressed', 'x@blocked.com': 'suppressed' });
  });

  it('refuses an import that did not finish, and says which import is unknown', async () => {
    const { w } = await twoImports();
    const { importId } = w.core.imports.create('later.csv', 10);
    expect(() => w.core.imports.prospectsOf(importId)).toThrow(/Only a finished import/);
    expect(() => w.core.imports.prospectsOf(9999)).toThrow(/import/i);
  });

  it('works while an import is running (the import stages its rows without locking the store)', async () => {
    const { w, first } = await twoImports();
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'Hello')]));
    const api = createApi(w.core);
    const lines = ['email'];
    for (let i = 0; i < 5000; i++) lines.push(`p${i}@big.test`);
    const preview = await upload(w.core, 'big.csv', csvBytes(lines.join('\n')));
    await w.core.imports.start({ importId: preview.importId, sheet: null, mapping: preview.suggested, tag: null, duplicatePolicy: 'skip' });
    expect(w.core.imports.isRunning()).toBe(true);
    const during = await api('enrollments.create', { sequenceId: seq.id, filter: { importId: first.id } });
    expect(during).toMatchObject({ ok: true, value: { enrolled: 3 } });
    await w.core.imports.idle();
    expect(w.core.imports.prospectsOf(preview.importId).enrollable).toHaveLength(5000);
  });

  it('after a restart still knows the prospects the import created and those it updated', async () => {
    const { w, first, id } = await twoImports();
    const { summary } = await importFile(w.core, 'again.csv', csvBytes(['Email,Title', 'jane@acme.com,CEO', 'kim@kappa.io,CMO'].join('\n')), { policy: 'fill_empty' });
    expect(w.core.imports.prospectsOf(summary.id).enrollable.sort()).toEqual([id('jane@acme.com'), id('kim@kappa.io')].sort());
    const { db, clock } = w.core.deps;
    const restarted = new ImportService({ db, clock, bus: w.core.bus, log: w.core.deps.log, settings: w.core.settings, changed: () => undefined });
    expect(restarted.prospectsOf(summary.id).enrollable.sort()).toEqual([id('jane@acme.com'), id('kim@kappa.io')].sort());
    expect(restarted.prospectsOf(summary.id).suppressed).toEqual([]);
    expect(restarted.prospectsOf(first.id).enrollable).toHaveLength(3);
    // A prospect deleted since is no longer offered.
    await w.core.prospects.delete([id('jane@acme.com')]);
    expect(restarted.prospectsOf(summary.id).enrollable).toEqual([id('kim@kappa.io')]);
  });
});

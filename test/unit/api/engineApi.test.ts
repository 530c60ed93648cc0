// The engine's API: validation, refusals with reasons, and the test clock refused outside test mode.
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../src/main/api';
import { ManualClock, systemClock } from '../../../src/main/core/clock';
import { createCore } from '../../../src/main/core/createCore';
import { openMemoryDatabase } from '../../../src/main/core/db/open';
import { silentLog } from '../../../src/main/core/log';
import { memoryVault } from '../../support/testCore';

const core = (testMode: boolean, clock = testMode ? new ManualClock(Date.parse('2026-03-02T14:00:00Z')) : systemClock()) =>
  createCore({
    db: openMemoryDatabase(),
    clock,
    providers: {},
    log: silentLog,
    vault: memoryVault(),
    notifier: { notify() {} },
    env: { appName: 'Repdesk', version: 't', dataDir: '/x', transport: 'http', testMode, systemTimeZone: 'UTC' },
  });

describe('engine API', () => {
  it('refuses the test clock and test prospects outside test mode, with a clear message', async () => {
    const api = createApi(core(false));
    for (const [m, r] of [
      ['test.clock.advance', { ms: 1000 }],
      ['test.clock.set', { at: Date.now() + 1000 }],
      ['test.prospects.add', { prospects: [] }],
    ] as const) {
      const res = await api(m, r);
      expect(res).toMatchObject({ ok: false, error: { code: 'conflict' } });
      if (!res.ok) expect(res.error.message).toMatch(/only available when Repdesk runs in test mode/);
    }
  });

  it('moves the test clock in test mode', async () => {
    const api = createApi(core(true));
    const res = await api('test.clock.advance', { ms: 60_000 });
    expect(res).toEqual({ ok: true, value: { now: Date.parse('2026-03-02T14:01:00Z') } });
  });

  it('validates a sequence and says what is wrong, field by field', async () => {
    const api = createApi(core(true));
    const res = await api('sequences.create', {
      name: ' ',
      schedule: { days: [], start: '18:00', end: '08:00', skipHolidays: true, timeZone: null },
      options: { stopOnCallOutcomes: [], description: '' },
      steps: [{ type: 'auto_email', delayAmount: 0, delayUnit: 'business_days', threadMode: 'new', variants: [{ subject: 'x', body: '' }], note: '', attachmentIds: [] }],
    });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.issues!.map((i) => i.path).sort()).toEqual(['name', 'schedule.days', 'schedule.end', 'steps.0.variants.0.body']);
  });

  it('finds prospects for the preview with the Prospects screen search (word prefixes of name, email, company)', async () => {
    const api = createApi(core(true));
    await api('test.prospects.add', {
      prospects: [
        { email: 'ann.lee@acme.test', firstName: 'Ann', lastName: 'Lee', company: 'Acme Freight' },
        { email: 'bo@zeta.test', firstName: 'Bo', company: 'Zeta' },
      ],
    });
    const byName = await api('sequences.findProspects', { search: 'an' });
    expect(byName).toMatchObject({ ok: true, value: [{ name: 'Ann Lee', email: 'ann.lee@acme.test', company: 'Acme Freight', status: 'active' }] });
    const byCompany = await api('sequences.findProspects', { search: 'zet' });
    expect(byCompany).toMatchObject({ ok: true, value: [{ name: 'Bo', email: 'bo@zeta.test' }] });
    expect(await api('sequences.findProspects', { search: 'nobody' })).toEqual({ ok: true, value: [] });
  });

  it('enrolls by filter and returns a reason for each refusal', async () => {
    const c = core(true);
    const api = createApi(c);
    const added = await api('test.prospects.add', { prospects: [{ email: 'a@x.test', firstName: 'A' }, { email: 'b@x.test' }, { email: 'c@y.test' }] });
    expect(added.ok).toBe(true);
    c.deps.db.prepare("UPDATE prospects SET status = 'suppressed' WHERE email = 'b@x.test'").run();
    const seq = await api('sequences.createFromStarter', { key: 're-engagement' });
    if (!seq.ok) throw new Error('no sequence');
    const res = await api('enrollments.create', { sequenceId: (seq.value as { id: number }).id, filter: { search: 'x.test' } });
    expect(res).toMatchObject({ ok: true, value: { enrolled: 1, refused: 1 } });
    if (res.ok) expect((res.value as { results: { refusal: { message: string } | null }[] }).results[1]!.refusal!.message).toMatch(/do-not-contact/);
    expect(await api('enrollments.create', { sequenceId: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/main/core/errors';
import { makeTestCore } from '../../support/testCore';

describe('settings', () => {
  it('start from defaults with the system time zone', () => {
    const { core } = makeTestCore(undefined, { systemTimeZone: 'Europe/Paris' });
    expect(core.settings.get()).toEqual({
      repName: '',
      repEmail: '',
      timeZone: 'Europe/Paris',
      defaultCountry: 'US',
      dailySendCap: 80,
      sendSpacingMinSeconds: 60,
      sendSpacingMaxSeconds: 180,
      perDomainDailyCap: 3,
      timeOff: [],
      callUriTemplate: 'tel:{phone}',
      startCallFromReminder: false,
    });
  });

  it('save a patch, announce it, and keep the rest', () => {
    const { core } = makeTestCore();
    const seen: unknown[] = [];
    core.bus.subscribe((name, payload) => seen.push([name, payload]));
    const saved = core.settings.update({ repName: '  Riley  ', defaultCountry: 'GB' });
    expect(saved.repName).toBe('Riley');
    expect(core.settings.get()).toMatchObject({ repName: 'Riley', defaultCountry: 'GB', timeZone: 'America/New_York' });
    expect(seen).toEqual([['settings.changed', saved]]);
  });

  it('refuse an invalid patch whole, saying which field is wrong', () => {
    const { core } = makeTestCore();
    core.settings.update({ repName: 'Kept' });
    let error: unknown;
    try {
      core.settings.update({ repName: 'Lost', timeZone: 'Mars/Olympus_Mons' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).issues?.[0]?.path).toBe('timeZone');
    expect(core.settings.get().repName).toBe('Kept');
  });
});

describe('sending settings', () => {
  it('refuse a daily limit above what providers tolerate and a bad day off, saving nothing', () => {
    const { core } = makeTestCore();
    expect(() => core.settings.update({ dailySendCap: 2000 })).toThrow(/not valid/);
    expect(() => core.settings.update({ timeOff: [{ start: '2026-03-10', end: '2026-03-09', label: '' }] })).toThrow(/not valid/);
    expect(core.settings.get().dailySendCap).toBe(80);
    core.settings.update({ timeOff: [{ start: '2026-03-09', end: '2026-03-10', label: 'Trip' }], perDomainDailyCap: null });
    expect(core.settings.get()).toMatchObject({ timeOff: [{ start: '2026-03-09', end: '2026-03-10', label: 'Trip' }], perDomainDailyCap: null });
  });
});

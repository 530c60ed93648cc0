import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/main/core/errors';
import { makeTestCore } from '../../support/testCore';

describe('settings', () => {
  it('start from defaults with the system time zone', () => {
    const { core } = makeTestCore(undefined, { systemTimeZone: 'Europe/Paris' });
    expect(core.settings.get()).toMatchObject({ repName: '', repEmail: '', timeZone: 'Europe/Paris', defaultCountry: 'US', callUriTemplate: 'tel:{phone}', startCallFromReminder: false });
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

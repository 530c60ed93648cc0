import { describe, expect, it } from 'vitest';
import { createApi } from '../../../src/main/api';
import { createDispatch } from '../../../src/main/api/dispatch';
import { createHandlers } from '../../../src/main/api/handlers';
import { silentLog } from '../../../src/main/core/log';
import { makeTestCore } from '../../support/testCore';

describe('api dispatch', () => {
  it('answers a valid call with a value', async () => {
    const api = createApi(makeTestCore().core);
    const result = await api('settings.update', { repName: 'Casey' });
    expect(result).toMatchObject({ ok: true, value: { repName: 'Casey' } });
  });

  it('returns a typed error for an unknown method instead of crashing', async () => {
    const api = createApi(makeTestCore().core);
    expect(await api('prospects.dropAll', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await api({ toString: null }, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await api('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('returns invalid_request with the failing fields for bad input, and changes nothing', async () => {
    const { core } = makeTestCore();
    const api = createApi(core);
    const result = await api('settings.update', { timeZone: 42, extra: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_request');
    expect(result.error.issues?.map((i) => i.path).sort()).toEqual(['', 'timeZone']);
    expect(core.settings.get().timeZone).toBe('America/New_York');
    expect(await api('settings.get', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('hides internal failures behind a calm message', async () => {
    const { core } = makeTestCore();
    const handlers = createHandlers(core);
    handlers['app.counts'] = () => {
      throw new Error('disk on fire');
    };
    const result = await createDispatch(handlers, silentLog)('app.counts', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('Nothing was lost') } });
  });

  it('refuses a response that breaks the contract', async () => {
    const { core } = makeTestCore();
    const handlers = createHandlers(core);
    handlers['app.counts'] = () => ({ today: -1, prospects: 0, sequences: 0 });
    expect(await createDispatch(handlers, silentLog)('app.counts', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

// While an import holds the write lock, other writes are refused with a clear message instead of freezing the app.
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../src/main/api';
import { csvBytes, upload } from '../../support/importFiles';
import { makeTestCore } from '../../support/testCore';

describe('writes during a running import', () => {
  it('are refused with a conflict, and accepted again once it ends', async () => {
    const { core } = makeTestCore();
    const api = createApi(core);
    const lines = ['email'];
    for (let i = 0; i < 5000; i++) lines.push(`p${i}@x.com`);
    const preview = await upload(core, 'a.csv', csvBytes(lines.join('\n')));
    await core.imports.start({ importId: preview.importId, sheet: null, mapping: preview.suggested, tag: null, duplicatePolicy: 'skip' });
    for (const [method, request] of [
      ['settings.update', { repName: 'Casey' }],
      ['suppressions.add', { entries: 'x.com' }],
      ['prospects.delete', { ids: [1] }],
    ] as const) {
      const result = await api(method, request);
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('An import is running') } });
    }
    await core.imports.idle();
    expect(await api('settings.update', { repName: 'Casey' })).toMatchObject({ ok: true });
    expect(core.navCounts().prospects).toBe(5000);
  });
});

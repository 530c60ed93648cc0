// The import worker thread (the built out/main/importWorker.js): same results as inline, and its failures surface.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/main/core/clock';
import { createCore } from '../../../src/main/core/createCore';
import { openMemoryDatabase } from '../../../src/main/core/db/open';
import { silentLog } from '../../../src/main/core/log';
import { csvBytes, importFile, xlsxBytes } from '../../support/importFiles';
import { memoryVault } from '../../support/testCore';

const built = resolve(__dirname, '../../../out/main/importWorker.js');

function coreWithWorker(importWorkerPath: string) {
  return createCore({
    db: openMemoryDatabase(),
    clock: new ManualClock(new Date('2026-03-02T09:00:00Z')),
    providers: {},
    log: silentLog,
    vault: memoryVault(),
    notifier: { notify: () => {} },
    env: { appName: 'Repdesk', version: 'test', dataDir: '/nonexistent', transport: 'http', testMode: true, systemTimeZone: 'UTC', importWorkerPath },
  });
}

describe('import worker', () => {
  it.skipIf(!existsSync(built))('reads CSV and XLSX in the built worker with the same outcome as inline (needs npm run build)', async () => {
    const core = coreWithWorker(built);
    const csv = await importFile(core, 'a.csv', csvBytes('Title row\nEmail,Name,Phone\na@x.com,Ann Lee,415 555 0132\nbad,Bob,\n\na@x.com,Ann Again,'), { tag: 'T' });
    expect(csv.summary.counts).toEqual({ total: 3, created: 1, updated: 0, duplicates: 1, suppressed: 0, rejected: 1, blank: 1 });
    expect(core.importIssues.list(csv.summary.id, 'rejected')[0]).toMatchObject({ rowNumber: 4, raw: { Email: 'bad', Name: 'Bob', Phone: '' } });
    const xlsx = await importFile(core, 'b.xlsx', await xlsxBytes([{ name: 'S', rows: [['Email', 'Phone'], ['b@x.com', 14155550133]] }]));
    expect(xlsx.summary.counts.created).toBe(1);
    expect(core.prospects.list({ search: 'b', tagId: null, importId: null, status: null, timeZone: null, sort: 'email', dir: 'asc', offset: 0, limit: 5 }).rows[0]!.phone).toBe('+14155550133');
  });

  it('a worker that dies fails the import cleanly, saving nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repdesk-worker-'));
    const broken = join(dir, 'importWorker.js');
    writeFileSync(broken, "throw new Error('worker exploded');");
    const core = coreWithWorker(broken);
    const { summary } = await importFile(core, 'a.csv', csvBytes('email\na@x.com'));
    expect(summary.status).toBe('failed');
    expect(summary.failure).toMatch(/nothing from it was saved/);
    expect(core.navCounts().prospects).toBe(0);
  });
});

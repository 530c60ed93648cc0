// The rows an import worker warms up on before any file comes: shaped like a real export, so every path of the import runs.
import { describe, expect, it } from 'vitest';
import { warmUpOnSample, warmUpRows } from '../../../src/main/core/import/standbyPreparation';
import { warmUpCsv, warmUpFile } from '../../../src/main/core/import/warmUpSample';
import { csvBytes, importFile } from '../../support/importFiles';
import { makeTestCore } from '../../support/testCore';

describe('warm-up sample', () => {
  it('is mapped as a CRM export is: a column for each field, the notes kept as a custom field', () => {
    const { plan } = warmUpFile(10);
    const fields = plan.mapping.map((t) => (t.kind === 'field' ? t.field : t.kind));
    expect(fields).toEqual(['email', 'first_name', 'last_name', 'company', 'title', 'phone', 'phone', 'city', 'region', 'country', 'website', 'linkedin_url', 'industry', 'source', 'custom']);
  });

  it('takes the import through each of its paths: rows created, rejected and blank, quoted fields, phones of several countries', async () => {
    const { core } = makeTestCore();
    const rows = 1000;
    const { summary } = await importFile(core, 'sample.csv', csvBytes(warmUpCsv(rows)));
    // Every 97th row is blank; every 53rd other one has an address written " at " instead of "@".
    const sampleRows = Array.from({ length: rows }, (_, i) => i);
    const blank = sampleRows.filter((i) => i % 97 === 96).length;
    const rejected = sampleRows.filter((i) => i % 97 !== 96 && i % 53 === 0).length;
    expect(summary.counts).toEqual({ total: rows - blank, created: rows - blank - rejected, updated: 0, duplicates: 0, suppressed: 0, rejected, blank });
    const list = core.prospects.list({ search: '', tagId: null, importId: null, status: null, timeZone: null, sort: 'created', dir: 'asc', offset: 0, limit: 500 }).rows;
    const zones = new Set(list.map((p) => p.timeZone));
    expect([...zones]).toEqual(expect.arrayContaining(['America/Los_Angeles', 'America/Chicago', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/Toronto', 'Australia/Sydney']));
    expect(list.filter((p) => p.phone?.startsWith('+44')).length).toBeGreaterThan(0);
    expect(list.find((p) => p.company === 'Company 11, Inc.')).toBeDefined();
    expect(list.some((p) => p.customFields.Notes === 'Asked for a demo, "next quarter"')).toBe(true);
  });

  it('warms up over its rows, and stops as soon as it is told to', async () => {
    expect(await warmUpOnSample(() => false)).toBe(warmUpRows);
    expect(await warmUpOnSample(() => true)).toBe(0);
    let steps = 0;
    expect(await warmUpOnSample(() => ++steps > 2)).toBeLessThan(warmUpRows / 4);
  });
});

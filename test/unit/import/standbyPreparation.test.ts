// A worker on standby reads the dropped file ahead and warms up on its first rows (through the import's own code, into
// chunks kept in memory), stopping once its import begins.
import { describe, expect, it } from 'vitest';
import { preparedFor, prepareStandby, warmUpRows, warmUpStep, type PrepareMessage } from '../../../src/main/core/import/standbyPreparation';
import { packSheet } from '../../../src/main/core/import/sheetText';
import { chunkSize } from '../../../src/main/core/import/stagedChunks';
import { suggestMapping } from '../../../src/shared/import/headerMapping';
import { csvBytes } from '../../support/importFiles';

const headers = ['Email', 'Name', 'Phone'];
const record = (i: number) => [`p${i}@x.com`, `Person ${i}`, `+1 415 555 ${String(i % 10_000).padStart(4, '0')}`];
function message(rows: number): PrepareMessage {
  const lines = [headers.join(',')];
  for (let i = 0; i < rows; i++) lines.push(record(i).join(','));
  const plan = { kind: 'delimited' as const, headerIndex: 0, hasHeader: true, headers, mapping: suggestMapping(headers), defaultCountry: 'US', repTimeZone: 'UTC' };
  return { type: 'prepare', uploadId: 7, input: { bytes: csvBytes(lines.join('\n')) }, plan };
}

describe('a worker on standby', () => {
  it('reads the file as its import will, and normalises its first rows to warm up', async () => {
    const prepared = prepareStandby(message(20_000), () => false);
    expect(prepared.uploadId).toBe(7);
    // The chunks that begin within the first warmUpRows rows (the header row is the first of them), not the whole file.
    let through = 0;
    for (let k = 0; through < warmUpRows; k++) through += chunkSize(k, warmUpStep);
    expect(await prepared.warmedUp).toBe(through - 1);
    // The import's chunks come from the record starts found meanwhile: every row, header included, in file order.
    const chunked = (await prepared.reader.chunked!(null, (k) => chunkSize(k, 10_000)))!;
    expect(chunked.rows(0)[0]).toEqual(headers);
    expect(chunked.rows(chunked.count - 1).at(-1)).toEqual(['p19999@x.com', 'Person 19999', '+1 415 555 9999']);
    let rows = 0;
    for (let k = 0; k < chunked.count; k++) rows += chunked.rows(k).length;
    expect(rows).toBe(20_001);
  });

  it("reads a workbook's parsed sheet ahead the same way, and is used only by the import of that upload and sheet", async () => {
    const sheet = packSheet('Leads', [headers, ...Array.from({ length: 3000 }, (_, i) => record(i))]);
    const base = message(0);
    const prepared = prepareStandby({ ...base, input: { sheet }, plan: { ...base.plan, kind: 'xlsx' } }, () => false);
    expect(await prepared.warmedUp).toBe(3000);
    const chunked = (await prepared.reader.chunked!('Leads', (k) => chunkSize(k, 10_000)))!;
    expect(chunked.rows(chunked.count - 1).at(-1)).toEqual(record(2999));
    expect(preparedFor(prepared, 7, { sheet })).toBe(true);
    expect(preparedFor(prepared, 8, { sheet })).toBe(false);
    expect(preparedFor(prepared, 7, { sheet: packSheet('Other', [headers]) })).toBe(false);
    expect(preparedFor(prepared, 7, { bytes: csvBytes('a') })).toBe(false);
    expect(preparedFor(null, 7, { sheet })).toBe(false);
  });

  it('warms up no further than a small file goes', async () => {
    expect(await prepareStandby(message(1200), () => false).warmedUp).toBe(1200);
  });

  it('stops warming up as soon as the import has begun, and not at all when it began first', async () => {
    let started = false;
    const prepared = prepareStandby(message(20_000), () => started);
    // The warm-up goes a step at a time, each after a turn of the event loop: the import starting in one stops it.
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    started = true;
    const warmed = await prepared.warmedUp;
    expect(warmed).toBeLessThan(warmUpRows);
    expect(await prepareStandby(message(20_000), () => true).warmedUp).toBe(0);
  });

  it('a file it cannot split still reads; there is only nothing to warm up', async () => {
    const empty: PrepareMessage = { ...message(0), input: { bytes: csvBytes('') } };
    expect(await prepareStandby(empty, () => false).warmedUp).toBe(0);
  });
});

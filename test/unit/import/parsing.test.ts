// Every parsing quirk real exports contain: encodings, delimiters, quoting, title rows, odd headers, Excel cell types.
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../../src/main/core/import/decode';
import { csvBytes, importFile, upload, xlsxBytes } from '../../support/importFiles';
import { makeTestCore } from '../../support/testCore';

const header = 'Email,First Name,Company';
const row = 'zoë@müller.de,Zoë,Müller GmbH';

describe('text encodings', () => {
  for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le', 'windows-1252'] as const) {
    it(`reads ${encoding}`, async () => {
      const { core } = makeTestCore();
      const text = encoding.startsWith('utf-16') ? `${header}\r\n${row}`.replaceAll(',', '\t') : `${header}\r\n${row}`;
      const preview = await upload(core, 'list.txt', csvBytes(text, encoding));
      expect(preview.headers).toEqual(['Email', 'First Name', 'Company']);
      expect(preview.rows[0]).toEqual(['zoë@müller.de', 'Zoë', 'Müller GmbH']);
    });
  }

  it('tells UTF-8 from Windows-1252 by validity, not by guessing', () => {
    expect(detectEncoding(Buffer.from('Müller', 'utf8')).encoding).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72])).encoding).toBe('windows-1252');
  });
});

describe('delimiters and quoting', () => {
  for (const [name, d] of [['comma', ','], ['semicolon', ';'], ['tab', '\t'], ['pipe', '|']] as const) {
    it(`detects ${name}`, async () => {
      const { core } = makeTestCore();
      const preview = await upload(core, 'list.csv', csvBytes(`email${d}first name${d}company\na@x.com${d}Ann${d}"Acme${d} Inc"\nb@x.com${d}Bob${d}Beta`));
      expect(preview.delimiter).toBe(d);
      expect(preview.rows[0]).toEqual(['a@x.com', 'Ann', `Acme${d} Inc`]);
    });
  }

  it('keeps quoted commas, quotes and newlines inside a field', async () => {
    const { core } = makeTestCore();
    const { summary } = await importFile(core, 'notes.csv', csvBytes('email,notes\na@x.com,"Met at booth, said ""call me""\nsecond line"\nb@x.com,plain'));
    expect(summary.counts.created).toBe(2);
    const a = core.prospects.list({ search: 'a@x.com', tagId: null, importId: null, status: null, timeZone: null, sort: 'created', dir: 'asc', offset: 0, limit: 5 }).rows[0]!;
    expect(a.customFields.notes).toBe('Met at booth, said "call me"\nsecond line');
    // Row numbers count records, so b is row 3 even though a's field spans two lines.
  });
});

describe('big text files', () => {
  it('previews from the first megabytes and imports every row of the whole file', async () => {
    const { core } = makeTestCore();
    const lines = ['Email;Company'];
    for (let i = 0; i < 45_000; i++) lines.push(`person${i}@example.com;A company with a long enough name ${i}`);
    lines.push('last@example.com;Café Noël'); // the only accented text, beyond the previewed part
    const bytes = csvBytes(lines.join('\n'), 'windows-1252');
    expect(bytes.byteLength).toBeGreaterThan(2.5 * 1024 * 1024);
    const { preview, summary } = await importFile(core, 'big.csv', bytes);
    expect(preview.delimiter).toBe(';');
    expect(preview.rows[0]).toEqual(['person0@example.com', 'A company with a long enough name 0']);
    expect(summary.counts.created).toBe(45_001);
    const last = core.prospects.list({ search: 'last', tagId: null, importId: null, status: null, timeZone: null, sort: 'created', dir: 'asc', offset: 0, limit: 5 }).rows[0]!;
    expect(last.company).toBe('Café Noël');
  });
});

describe('sheet layout', () => {
  it('skips title and blank rows above the header, and trailing empty columns', async () => {
    const { core } = makeTestCore();
    const csv = 'Leads export,,,,\nGenerated 2026-03-01,,,,\n,,,,\nEmail,Name,Company,,\na@x.com,Ann Lee,Acme,,\n,,,,\nb@x.com,Bob Ray,Beta,,';
    const preview = await upload(core, 'export.csv', csvBytes(csv));
    expect(preview.headerRowNumber).toBe(4);
    expect(preview.headers).toEqual(['Email', 'Name', 'Company']);
    expect(preview.rows).toEqual([['a@x.com', 'Ann Lee', 'Acme'], ['b@x.com', 'Bob Ray', 'Beta']]);
    await core.imports.start({ importId: preview.importId, sheet: null, mapping: preview.suggested, tag: null, duplicatePolicy: 'skip' });
    await core.imports.idle();
    expect(core.imports.get(preview.importId).counts).toMatchObject({ total: 2, created: 2, blank: 1 });
  });

  it('names empty headers and makes duplicate headers unique, keeping both columns', async () => {
    const { core } = makeTestCore();
    const { preview } = await importFile(core, 'dupes.csv', csvBytes('Email,Note,Note,,Score\na@x.com,one,two,orphan,5'));
    expect(preview.headers).toEqual(['Email', 'Note', 'Note (2)', 'Column D', 'Score']);
    const p = core.prospects.list({ search: '', tagId: null, importId: null, status: null, timeZone: null, sort: 'created', dir: 'asc', offset: 0, limit: 5 }).rows[0]!;
    expect(p.customFields).toEqual({ Note: 'one', 'Note (2)': 'two', 'Column D': 'orphan', Score: '5' });
  });

  it('reads a sheet with no header row at all', async () => {
    const { core } = makeTestCore();
    const preview = await upload(core, 'emails.txt', csvBytes('a@x.com\nb@x.com\nc@x.com'));
    expect(preview.hasHeader).toBe(false);
    expect(preview.suggested[0]).toEqual({ kind: 'field', field: 'email' });
    await core.imports.start({ importId: preview.importId, sheet: null, mapping: preview.suggested, tag: null, duplicatePolicy: 'skip' });
    await core.imports.idle();
    expect(core.imports.get(preview.importId).counts.created).toBe(3);
  });
});

describe('xlsx', () => {
  it('lists sheets, lets the rep choose one, and reads formulas, dates and numeric phones', async () => {
    const { core } = makeTestCore();
    const bytes = await xlsxBytes([
      { name: 'Notes', rows: [['This workbook holds the fair leads']] },
      {
        name: 'Leads',
        rows: [
          ['Trade fair leads'],
          [],
          ['E-mail', 'Given Name', 'Surname', 'Mobile', 'Met on', 'Score', 'Domain'],
          ['ann@acme.com', 'Ann', 'Lee', 14155550132, new Date(Date.UTC(2026, 2, 1)), { formula: 'B4&"!"', result: 'Ann!' }, { text: 'acme.com', hyperlink: 'https://acme.com' }],
        ],
      },
    ]);
    const first = await upload(core, 'fair.xlsx', bytes);
    expect(first.sheets).toEqual(['Notes', 'Leads']);
    const preview = await core.imports.preview(first.importId, 'Leads');
    expect(preview.headerRowNumber).toBe(3);
    expect(preview.headers).toEqual(['E-mail', 'Given Name', 'Surname', 'Mobile', 'Met on', 'Score', 'Domain']);
    expect(preview.rows[0]).toEqual(['ann@acme.com', 'Ann', 'Lee', '14155550132', '2026-03-01', 'Ann!', 'acme.com']);
    await core.imports.start({ importId: preview.importId, sheet: 'Leads', mapping: preview.suggested, tag: null, duplicatePolicy: 'skip' });
    await core.imports.idle();
    const p = core.prospects.list({ search: 'ann', tagId: null, importId: null, status: null, timeZone: null, sort: 'created', dir: 'asc', offset: 0, limit: 5 }).rows[0]!;
    expect(p).toMatchObject({ firstName: 'Ann', lastName: 'Lee', phone: '+14155550132', website: 'acme.com', domain: 'acme.com' });
    expect(p.customFields).toEqual({ 'Met on': '2026-03-01', Score: 'Ann!' });
  });

  it('says so when a file named .xlsx is not a workbook', () => {
    const { core } = makeTestCore();
    const { importId } = core.imports.create('fake.xlsx', 5);
    expect(() => core.imports.append(importId, 0, Buffer.from('a,b,c'))).toThrow(/not one/);
  });
});

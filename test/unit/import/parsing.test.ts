// Every parsing quirk real exports contain: encodings, delimiters, quoting, title rows, odd headers, Excel cell types.
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { detectEncoding } from '../../../src/main/core/import/decode';
import { applyDigitFormat, digitCells, digitFormat, digitStyles } from '../../../src/main/core/import/digitFormats';
import { joinRuns, parseXlsxRuns, parseXlsxSheet, readPackage, readXlsxSheets, sheetLimits } from '../../../src/main/core/import/readXlsx';
import { openSheetReader } from '../../../src/main/core/import/sheetReader';
import { Uploads } from '../../../src/main/core/import/uploads';
import { inSharedMemory, packedText, packSheet, rowStarts, unpackRows, unpackSheet, type SheetText } from '../../../src/main/core/import/sheetText';
import { afterRows, readerPart, workbookHead } from '../../../src/main/core/import/xlsxHead';
import { eachSheetRun, renumbered, type SheetRun } from '../../../src/main/core/import/xlsxSlices';
import { headStrings } from '../../../src/main/core/import/headStrings';
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

  it('does not count the line break that ends the last row as a blank row; a blank line before it is one', async () => {
    const { core } = makeTestCore();
    const cases: [string, number][] = [
      ['Email\na@x.com\n', 0],
      ['Email\r\nb@x.com\r\n', 0],
      ['Email\rc@x.com\r', 0],
      ['Email\nd@x.com', 0],
      ['Email\ne@x.com\n\n', 1],
      ['Email\r\nf@x.com\r\n\r\n', 1],
    ];
    for (const [text, blank] of cases) {
      const preview = await upload(core, 'export.csv', csvBytes(text));
      await core.imports.start({ importId: preview.importId, sheet: null, mapping: preview.suggested, tag: null, duplicatePolicy: 'skip' });
      await core.imports.idle();
      expect({ text, counts: core.imports.get(preview.importId).counts }).toMatchObject({ text, counts: { total: 1, created: 1, blank } });
    }
  });

  it('names empty headers and makes duplicate headers unique, keeping both columns', async () => {
    const { core } = makeTestCore();
    const { preview } = await importFile(core, 'dupes.csv', csvBytes('Email,Note,Note,,Score\na@x.com,one,two,orphan,5'));
    expect(preview.headers).toEqual(['Email', 'Note', 'Note (2)', 'Column D', 'Score']);
    const p = core.prospects.list({ search: '', tagId: null, importId: null, status: null, timeZone: null, sort: 'created', dir: 'asc', offset: 0, limit: 5 }).rows[0]!;
    expect(p.customFields).toEqual({ Note: 'one', 'Note (2)': 'two', 'Column D': 'orphan', Score: '5' });
  });

  it('recognises a LinkedIn column by its links when its header says nothing', async () => {
    const { core } = makeTestCore();
    const preview = await upload(core, 'list.csv', csvBytes('Email,Profile,Notes\na@x.com,https://www.linkedin.com/in/ann-lee,met\nb@x.com,linkedin.com/in/bob,\nc@x.com,,call'));
    expect(preview.suggested).toEqual([{ kind: 'field', field: 'email' }, { kind: 'field', field: 'linkedin_url' }, { kind: 'custom', name: 'Notes' }]);
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

  it('imports numbers shown through a digit format as Excel shows them: zip codes keep their leading zeros', async () => {
    const { core } = makeTestCore();
    const bytes = await xlsxBytes([
      {
        name: 'Leads',
        rows: [
          ['Email', 'Zip', 'Zip+4', 'Phone', 'Score', 'Member ID'],
          ['ann@acme.com', 2139, 21391234, 4155550132, 7.5, 42],
          ['bob@beta.io', 501, 1234567890, 2125550100, 3, 'A-17'],
        ],
        formats: { 1: '00000', 2: '00000-0000', 3: '(000) 000-0000', 4: '0.00', 5: '"ACC-"000000' },
      },
    ]);
    const { summary } = await importFile(core, 'zips.xlsx', bytes);
    expect(summary.counts.created).toBe(2);
    const list = core.prospects.list({ search: '', tagId: null, importId: null, status: null, timeZone: null, sort: 'email', dir: 'asc', offset: 0, limit: 5 }).rows;
    expect(list[0]!.customFields).toEqual({ Zip: '02139', 'Zip+4': '02139-1234', Score: '7.5', 'Member ID': 'ACC-000042' });
    expect(list[0]).toMatchObject({ phone: '+14155550132', phoneRaw: '(415) 555-0132' });
    // More digits than the format has go in front, as Excel shows them; a text cell stays as typed.
    expect(list[1]!.customFields).toEqual({ Zip: '00501', 'Zip+4': '123456-7890', Score: '3', 'Member ID': 'A-17' });
  });

  it('reads digit formats as Excel writes them, and leaves every other format to the reader', () => {
    expect(digitFormat('00000')).toEqual([0, 0, 0, 0, 0]);
    expect(applyDigitFormat(123456789, digitFormat('000\\-00\\-0000')!)).toBe('123-45-6789');
    // A quoted or escaped 0 is text, not a digit.
    expect(applyDigitFormat(42, digitFormat('"ID0-"0000')!)).toBe('ID0-0042');
    expect(applyDigitFormat(42, digitFormat('\\000')!)).toBe('042');
    for (const other of ['0', '0.00', '#,##0', '[<=9999999]###-####;(###) ###-####', '00000;-00000', 'yyyy-mm-dd', '@', '0%', '0"']) expect(digitFormat(other)).toBe(null);
    expect(applyDigitFormat(2139, digitFormat('00000')!)).toBe('02139');
    expect(applyDigitFormat(4155550132, digitFormat('(000) 000-0000')!)).toBe('(415) 555-0132');
    expect(applyDigitFormat(7, digitFormat('000-00-0000')!)).toBe('000-00-0007');
    expect(applyDigitFormat(2139.5, digitFormat('00000')!)).toBe(null);
    expect(applyDigitFormat(-2139, digitFormat('00000')!)).toBe(null);
    const styles = '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="00000"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts><cellStyleXfs><xf numFmtId="164"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="165"/><xf numFmtId="164"/></cellXfs><cellStyles><cellStyle xfId="0"/></cellStyles></styleSheet>';
    expect([...digitStyles(styles).keys()]).toEqual([2]);
    const sheet = '<worksheet><sheetData><row r="2"><c r="B2" s="2"><v>2139</v></c><c r="C2" s="2" t="s"><v>0</v></c><c r="AA2" s="2" t="n"><v>1</v></c></row></sheetData></worksheet>';
    const cells = digitCells(sheet, digitStyles(styles))!;
    expect([...cells.get(1)!.keys()]).toEqual([1, 26]);
    expect(digitCells('<c s="2"><v>1</v></c>', digitStyles(styles))).toBe(null);
  });

  it('says so when a file named .xlsx is not a workbook', () => {
    const { core } = makeTestCore();
    const { importId } = core.imports.create('fake.xlsx', 5);
    expect(() => core.imports.append(importId, 0, Buffer.from('a,b,c'))).toThrow(/not one/);
  });

  // exceljs stores xl/workbook.xml last; its own streaming reader then sometimes parsed a sheet before knowing its
  // name, and the chosen sheet was "not found". Reading the same file many times must give the same answer.
  it('finds the chosen sheet of an exceljs workbook every time, whatever order the zip stores its parts in', async () => {
    const bytes = await xlsxBytes([
      { name: 'Read me', rows: [['Nothing to import here']] },
      { name: 'Leads', rows: [['Email', 'Name'], ['ann@acme.com', 'Ann'], ['bob@beta.io', 'Bob']] },
      { name: 'Old', rows: [['Email'], ['old@x.com']] },
    ]);
    const { core } = makeTestCore();
    for (let i = 0; i < 25; i++) {
      const first = await upload(core, `fair-${i}.xlsx`, bytes);
      expect(first.sheets).toEqual(['Read me', 'Leads', 'Old']);
      expect(first.sheet).toBe('Read me');
      const leads = await core.imports.preview(first.importId, 'Leads');
      expect(leads.sheet).toBe('Leads');
      expect(leads.headers).toEqual(['Email', 'Name']);
      expect(leads.rows).toEqual([['ann@acme.com', 'Ann'], ['bob@beta.io', 'Bob']]);
      core.imports.discard(first.importId);
    }
  });

  it('reads rich text, booleans, errors, times and padded text, keeping blank rows and a leading empty column in place', async () => {
    const { core } = makeTestCore();
    const bytes = await xlsxBytes([
      {
        name: 'Sheet1',
        rows: [
          ['Exported leads'],
          [], // left out of the file, as Excel does
          [null, 'Email', 'Company', 'Opted in', 'Lookup', 'Called at', 'Ratio', 'Score'],
          [
            null,
            '  ann@acme.com ',
            { richText: [{ text: 'Acme ' }, { font: { bold: true }, text: 'Corp' }] },
            true,
            { error: '#N/A' },
            new Date(Date.UTC(2026, 2, 1, 14, 30)),
            0.25,
            { formula: '1/0', result: { error: '#DIV/0!' } },
          ],
          [],
          [],
          [null, 'not an email', 'Beta', false],
        ],
      },
    ]);
    const { preview, summary } = await importFile(core, 'leads.xlsx', bytes);
    expect(preview.headerRowNumber).toBe(3);
    expect(preview.headers).toEqual(['Column A', 'Email', 'Company', 'Opted in', 'Lookup', 'Called at', 'Ratio', 'Score']);
    expect(preview.rows).toEqual([
      ['', 'ann@acme.com', 'Acme Corp', 'TRUE', '', '2026-03-01 14:30:00', '0.25', ''],
      ['', 'not an email', 'Beta', 'FALSE', '', '', '', ''],
    ]);
    expect(summary.counts).toMatchObject({ total: 2, created: 1, rejected: 1, blank: 2 });
    // Row numbers are the ones the rep sees in Excel, blank rows counted.
    expect(core.importIssues.page({ importId: summary.id, outcome: 'rejected' }).rows.map((r) => r.rowNumber)).toEqual([7]);
  });

  it('reads dates of a workbook in the 1904 date system (old Mac Excel)', async () => {
    const { core } = makeTestCore();
    const bytes = await xlsxBytes([{ name: 'S', rows: [['Email', 'Met on', 'Called at'], ['a@x.com', new Date(Date.UTC(2026, 2, 1)), new Date(Date.UTC(1999, 11, 31, 23, 59, 59))]] }], {
      date1904: true,
    });
    const preview = await upload(core, 'mac.xlsx', bytes);
    expect(preview.rows[0]).toEqual(['a@x.com', '2026-03-01', '1999-12-31 23:59:59']);
  });

  it('offers only the visible sheets and opens the first of them', async () => {
    const { core } = makeTestCore();
    const bytes = await xlsxBytes([
      { name: 'Lookup', state: 'hidden', rows: [['Code', 'Region'], ['1', 'West']] },
      { name: 'Leads & more', rows: [['Email'], ['a@x.com']] },
      { name: 'Macros', state: 'veryHidden', rows: [['x']] },
      { name: 'Archive', rows: [['Email'], ['old@x.com']] },
    ]);
    const preview = await upload(core, 'book.xlsx', bytes);
    expect(preview.sheets).toEqual(['Leads & more', 'Archive']);
    expect(preview.sheet).toBe('Leads & more');
    expect(preview.rows).toEqual([['a@x.com']]);
  });

  it('does not offer a chart sheet, and reads one asked for by name as empty rather than failing', async () => {
    const { core } = makeTestCore();
    const files = unzipSync(await xlsxBytes([{ name: 'Leads', rows: [['Email'], ['a@x.com']] }]));
    const text = (path: string) => strFromU8(files[path]!);
    files['xl/workbook.xml'] = strToU8(text('xl/workbook.xml').replace('</sheets>', '<sheet sheetId="9" name="Chart" r:id="rIdChart"/></sheets>'));
    files['xl/_rels/workbook.xml.rels'] = strToU8(
      text('xl/_rels/workbook.xml.rels').replace(
        '</Relationships>',
        '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
      ),
    );
    files['xl/chartsheets/sheet1.xml'] = strToU8('<?xml version="1.0"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    const bytes = Buffer.from(zipSync(files));
    const first = await upload(core, 'chart.xlsx', bytes);
    expect(first.sheets).toEqual(['Leads']);
    expect((await core.imports.preview(first.importId, 'Chart')).sheet).toBe('Leads');
    expect(await parseXlsxSheet(bytes, 'Chart')).toMatchObject({ sheet: 'Chart', rowCount: 0 });
  });

  it('asks for a CSV when a sheet is too big to read from a workbook', async () => {
    const bytes = await xlsxBytes([{ name: 'Leads', rows: [['Email'], ...Array.from({ length: 200 }, (_, i) => [`p${i}@x.com`])] }]);
    await expect(parseXlsxSheet(bytes, 'Leads', null, { limits: { ...sheetLimits, maxXmlBytes: 1000 } })).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/^The sheet "Leads" is too big to read from an Excel workbook \(0 MB of cell data\)\. In Excel choose File > Save As > CSV UTF-8/),
    });
    expect((await parseXlsxSheet(bytes, 'Leads')).rowCount).toBe(201);
  });

  it('says which sheet is missing when asked for one the workbook does not have', async () => {
    const { core } = makeTestCore();
    const preview = await upload(core, 'one.xlsx', await xlsxBytes([{ name: 'Leads', rows: [['Email'], ['a@x.com']] }]));
    await expect(core.imports.start({ importId: preview.importId, sheet: 'Contacts', mapping: preview.suggested, tag: null, duplicatePolicy: 'skip' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('no sheet called "Contacts"'),
    });
  });

  it('refuses a damaged workbook, and a zip that is not a workbook, with a way out', async () => {
    const { core } = makeTestCore();
    const whole = await xlsxBytes([{ name: 'Leads', rows: [['Email'], ['a@x.com']] }]);
    const cut = whole.subarray(0, Math.floor(whole.byteLength / 2));
    await expect(upload(core, 'cut.xlsx', cut)).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/could not be read .*save it again as \.xlsx/) });
    const notAWorkbook = Buffer.from(zipSync({ 'notes.txt': strToU8('hello') }));
    await expect(upload(core, 'zip.xlsx', notAWorkbook)).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/could not be read/) });
  });
});

describe('parsed sheet text', () => {
  it('crosses threads in shared memory and reads back as the same rows, however it was packed', () => {
    for (const rows of [[['Email', 'Name'], [], ['zoë@x.com', 'Zoë']], [['Email'], ['odd\u001fcell']]]) {
      const shared = inSharedMemory(packSheet('Leads', rows));
      expect((shared.text as Uint8Array).buffer).toBeInstanceOf(SharedArrayBuffer);
      expect([...unpackSheet(shared, 2)].flat()).toEqual(rows);
      expect(unpackRows(shared, rowStarts(shared), 1, rows.length)).toEqual(rows.slice(1));
      // What postMessage makes of it: the same memory, not a copy.
      const posted = structuredClone(shared);
      expect(packedText(posted)).toBe(packedText(shared));
      (posted.text as Uint8Array)[0] = 'X'.charCodeAt(0);
      expect((shared.text as Uint8Array)[0]).toBe('X'.charCodeAt(0));
    }
  });

  it('parses a workbook sheet once for its preview and its import, and again only for another sheet', async () => {
    const bytes = await xlsxBytes([
      { name: 'Notes', rows: [['Read me']] },
      { name: 'Leads', rows: [['Email'], ['a@x.com']] },
    ]);
    const parsed: (string | null)[] = [];
    const reader = openSheetReader('xlsx', bytes, (b, sheet) => {
      parsed.push(sheet);
      return parseXlsxSheet(b, sheet);
    });
    const all = async (sheet: string | null) => {
      const rows: string[][] = [];
      for await (const batch of reader.rows(sheet)) rows.push(...batch);
      return rows;
    };
    expect(await reader.sheetNames()).toEqual(['Notes', 'Leads']);
    expect(await all(null)).toEqual([['Read me']]);
    expect((await reader.parsedSheet!('Notes')).sheet).toBe('Notes');
    expect(await all('Leads')).toEqual([['Email'], ['a@x.com']]);
    expect(await all('Leads')).toEqual([['Email'], ['a@x.com']]);
    expect((await reader.parsedSheet!('Leads')).rowCount).toBe(2);
    expect(reader.fraction()).toBe(1);
    expect(parsed).toEqual([null, 'Leads']);
  });

  it('cuts a sheet after its first rows, whole rows only, whatever prefix its XML uses', () => {
    const plain = '<?xml version="1.0"?><worksheet xmlns="m"><dimension ref="A1:B4"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"/><row r="3" spans="1:2"><c r="A3"><v>3</v></c></row></sheetData><mergeCells count="0"/></worksheet>';
    expect(afterRows(plain, 2)).toBe('<?xml version="1.0"?><worksheet xmlns="m"><dimension ref="A1:B4"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"/></sheetData></worksheet>');
    expect(afterRows(plain, 4)).toBe(null);
    const strict = '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect(afterRows(strict, 1)).toBe('<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>');
    expect(afterRows('<worksheet><sheetData/></worksheet>', 1)).toBe(null);
  });

  it('previews a big sheet from its top, and the rows are those of the whole sheet', async () => {
    const rows = [['Leads, spring fair'], [], ['Email', 'Phone', 'Met on'], ...Array.from({ length: 300 }, (_, i) => [`p${i}@x.com`, 14155550100 + i, new Date(Date.UTC(2026, 2, 1 + (i % 28)))])];
    const bytes = await xlsxBytes([{ name: 'Leads', rows }]);
    const whole = [...unpackSheet(await parseXlsxSheet(bytes, 'Leads'), 1000)].flat();
    const path = readXlsxSheets(bytes)[0]!.path!;
    const head = workbookHead(bytes, path, 40, { window: 10_000, stringsPath: readPackage(bytes).stringsPath })!;
    expect(unzipSync(head)[path]!.byteLength).toBeLessThan(10_000);
    // 40 row elements: Excel writes none for a blank row, so the top holds the blank one too.
    const top = [...unpackSheet(await parseXlsxSheet(head, 'Leads'), 1000)].flat();
    expect(top).toHaveLength(41);
    expect(top).toEqual(whole.slice(0, 41));
    // Only the shared strings of those rows went with them: the title, three headers and 38 emails.
    expect(new TextDecoder().decode(unzipSync(head)['xl/sharedStrings.xml']).match(/<si>/g)).toHaveLength(42);
    // A sheet smaller than the window is read whole.
    expect(workbookHead(bytes, path, 40)).toBe(null);
  });

  it('leaves the parts the reader does not read (pictures, printer settings) out of the workbooks built for it', async () => {
    const rows = [['Email', 'Name'], ...Array.from({ length: 300 }, (_, i) => [`p${i}@x.com`, `Person ${i}`])];
    const files = unzipSync(await xlsxBytes([{ name: 'Leads', rows }]));
    const picture = new Uint8Array(200_000).fill(7);
    const bytes = Buffer.from(zipSync({ ...files, 'xl/media/image1.png': picture, 'xl/printerSettings/printerSettings1.bin': picture }));
    const path = readXlsxSheets(bytes)[0]!.path!;
    const head = workbookHead(bytes, path, 10, { window: 2000, stringsPath: readPackage(bytes).stringsPath })!;
    expect(Object.keys(unzipSync(head)).filter((n) => !readerPart(n))).toEqual([]);
    expect(Object.keys(unzipSync(head))).toContain('xl/_rels/workbook.xml.rels');
    // The runs of a shared sheet read the same rows as a whole read.
    const whole = [...unpackSheet(await parseXlsxSheet(bytes, 'Leads'), 1000)].flat();
    const limits = { ...sheetLimits, sliceAboveBytes: 0, sliceBytes: 2000 };
    const parts = await Promise.all([0, 1].map((index) => parseXlsxRuns(bytes, 'Leads', { index, count: 2 }, { limits })));
    expect([...unpackSheet(joinRuns(parts), 1000)].flat()).toEqual(whole);
  });

  it('keeps only the shared strings the top of a sheet uses, renumbered, or changes nothing when it cannot be sure', () => {
    const sst = '<?xml version="1.0"?><sst xmlns="m" count="9" uniqueCount="5"><si><t>zero</t></si><si/><si><r><t>ri</t></r><r><t>ch</t></r></si><si><t>three</t></si><si><t>four</t></si></sst>';
    const sheet = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>3</v></c><c r="B1" t=\'s\'> <v>2</v></c><c r="C1"><v>7</v></c></row><row r="2"><c r="A2" s="1" t="s"><v>3</v></c></row></sheetData></worksheet>';
    expect(headStrings(sheet, sst)).toEqual({
      sheet: '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t=\'s\'> <v>1</v></c><c r="C1"><v>7</v></c></row><row r="2"><c r="A2" s="1" t="s"><v>0</v></c></row></sheetData></worksheet>',
      strings: '<?xml version="1.0"?><sst xmlns="m" count="2" uniqueCount="2"><si><t>three</t></si><si><r><t>ri</t></r><r><t>ch</t></r></si></sst>',
    });
    // Strict Open XML names its elements with a prefix.
    const strict = headStrings('<x:c r="A1" t="s"><x:v>1</x:v></x:c>', '<x:sst xmlns:x="m"><x:si><x:t>a</x:t></x:si><x:si><x:t>b</x:t></x:si></x:sst>');
    expect(strict).toEqual({ sheet: '<x:c r="A1" t="s"><x:v>0</x:v></x:c>', strings: '<x:sst xmlns:x="m" count="1" uniqueCount="1"><x:si><x:t>b</x:t></x:si></x:sst>' });
    // A shared-string cell with a formula before its value, or a string the table does not have: nothing changes.
    expect(headStrings('<c r="A1" t="s"><f>X</f><v>0</v></c>', sst)).toBe(null);
    expect(headStrings('<c r="A1" t="s"><v>9</v></c>', sst)).toBe(null);
  });

  it('reads a very big sheet as runs of its rows, with the same rows as a read of the whole', async () => {
    const rows: unknown[][] = [['Leads, spring fair'], [], ['Email', 'Met on', 'Zip', 'Score']];
    for (let i = 0; i < 400; i++) {
      // Blank rows here and there, some of them where a run ends.
      if (i % 37 === 0) rows.push([]);
      else rows.push([`p${i}@x.com`, new Date(Date.UTC(2026, 2, 1 + (i % 28))), 1000 + i, { formula: `${i}*2`, result: i * 2 }]);
    }
    rows.push([], []);
    const bytes = await xlsxBytes([{ name: 'Notes', rows: [['Read me']] }, { name: 'Leads', rows, formats: { 2: '00000' } }]);
    const read: number[] = [];
    const all = async (limits?: typeof sheetLimits) => [...unpackSheet(await parseXlsxSheet(bytes, 'Leads', null, { limits, onProgress: (f) => read.push(f) }), 10_000)].flat();
    const whole = await all();
    expect(whole[4]).toEqual(['p1@x.com', '2026-03-02', '01001', '2']);
    expect(read).toEqual([]);
    for (const sliceBytes of [1, 500, 3000, 20_000]) {
      expect(await all({ ...sheetLimits, sliceAboveBytes: 0, sliceBytes })).toEqual(whole);
      // Runs far into a sheet are numbered from row 1 instead of read after blank rows: the same rows.
      expect(await all({ ...sheetLimits, sliceAboveBytes: 0, sliceBytes, padUpToRows: 0 })).toEqual(whole);
    }
    // Shared between workers, each reading every count-th run, and put together: the same rows again.
    const shared = async (count: number, limits: typeof sheetLimits) => {
      const parts = await Promise.all(Array.from({ length: count }, (_, index) => parseXlsxRuns(bytes, 'Leads', { index, count }, { limits })));
      return [...unpackSheet(joinRuns(parts.reverse()), 10_000)].flat();
    };
    for (const count of [1, 2, 3]) {
      expect(await shared(count, { ...sheetLimits, shareAboveBytes: 0 })).toEqual(whole);
      expect(await shared(count, { ...sheetLimits, sliceAboveBytes: 0, sliceBytes: 3000 })).toEqual(whole);
      expect(await shared(count, { ...sheetLimits, sliceAboveBytes: 0, sliceBytes: 3000, padUpToRows: 0 })).toEqual(whole);
    }
    // A sheet under the size worth sharing is read whole by the first worker; the others read nothing.
    expect((await parseXlsxRuns(bytes, 'Leads', { index: 1, count: 2 })).runs).toEqual([]);
    // Progress after each run, up to the whole sheet.
    read.length = 0;
    await all({ ...sheetLimits, sliceAboveBytes: 0, sliceBytes: 3000 });
    expect(read.length).toBeGreaterThan(5);
    expect(read.every((f, i) => f > (read[i - 1] ?? 0))).toBe(true);
    expect(read.at(-1)).toBe(1);
    const { path, xmlBytes } = readXlsxSheets(bytes)[1]!;
    const cut = async (padUpToRows: number, wanted = (_: number) => true) => {
      const runs: SheetRun[] = [];
      const others = unzipSync(bytes, { filter: (f) => f.name !== path });
      expect(await eachSheetRun(bytes, others, path!, { sliceBytes: 3000, padUpToRows, wanted, xmlBytes: xmlBytes! }, async (r) => void runs.push(r))).toBe(true);
      return runs;
    };
    const runs = await cut(200_000);
    expect(runs.length).toBeGreaterThan(5);
    expect(runs.map((r) => r.index)).toEqual(runs.map((_, i) => i));
    expect(runs[0]).toMatchObject({ firstRow: 0, blankBefore: 0 });
    const second = runs[1]!;
    expect(second.firstRow).toBeGreaterThan(3);
    expect(second.blankBefore).toBe(second.firstRow);
    expect((await cut(0))[1]).toMatchObject({ firstRow: second.firstRow, blankBefore: 0 });
    // How far each run reaches, up to the whole sheet; a worker builds only the runs it wants.
    expect(runs.every((r, i) => r.fraction > (runs[i - 1]?.fraction ?? 0))).toBe(true);
    expect(runs.at(-1)!.fraction).toBe(1);
    expect((await cut(200_000, (k) => k % 2 === 1)).map((r) => r.index)).toEqual(runs.filter((r) => r.index % 2 === 1).map((r) => r.index));
    // Each run's workbook holds its rows only, the sheet closed after them.
    const sheetOf = (r: SheetRun) => strFromU8(unzipSync(r.workbook)[path!]!);
    expect(sheetOf(runs[1]!)).toMatch(/^<\?xml[\s\S]*<sheetData>(<row [^]*<\/row>)<\/sheetData><\/worksheet>$/);
    expect(runs.map((r) => sheetOf(r).match(/<row /g)!.length).reduce((a, b) => a + b)).toBe(strFromU8(unzipSync(bytes)[path!]!).match(/<row /g)!.length);
    // Each run is numbered from row 1, so the reader does not fill the rows before it.
    expect(renumbered('<row r="41" spans="1:2"><c r="A41" t="s"><v>0</v></c><c r="AB41"><v>3</v></c></row><row r="43"/>')).toEqual({
      rows: '<row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="AB1"><v>3</v></c></row><row r="3"/>',
      firstRow: 40,
    });
    expect(renumbered('<x:row r="7"><x:c r="B7"><x:v>1</x:v></x:c></x:row>').rows).toBe('<x:row r="1"><x:c r="B1"><x:v>1</x:v></x:c></x:row>');
  });

  it('tells the upload how far the whole parse of its sheet has got, and nothing about the top read for the preview', async () => {
    const bytes = await xlsxBytes([{ name: 'Leads', rows: [['Email'], ['a@x.com']] }]);
    const calls: string[] = [];
    const heard: [number, number][] = [];
    const uploads = new Uploads(
      async (b, sheet, maxRows, onProgress) => {
        calls.push(`${maxRows ?? 'whole'}${onProgress ? ', with progress' : ''}`);
        onProgress?.(0.5);
        return parseXlsxSheet(b, sheet, maxRows ?? null);
      },
      (importId, fraction) => heard.push([importId, fraction]),
    );
    for (const id of [9, 10]) {
      uploads.create(id, 'leads.xlsx', bytes.byteLength);
      uploads.append(id, 0, bytes);
    }
    expect((await uploads.reader(9).reader.parsedSheet!('Leads')).rowCount).toBe(2);
    expect(await uploads.reader(10).reader.head!('Leads', 40)).toEqual([['Email'], ['a@x.com']]);
    expect(calls).toEqual(['whole, with progress', '40']);
    expect(heard).toEqual([[9, 0.5]]);
  });

  it("opens a big text file's head for the mapping step once, however often the preview or the import asks for it", () => {
    const bytes = csvBytes(['Email,Name', ...Array.from({ length: 120_000 }, (_, i) => `p${i}@x.com,Person ${i}`)].join('\n'));
    const uploads = new Uploads();
    uploads.create(4, 'big.csv', bytes.byteLength);
    uploads.append(4, 0, bytes);
    const first = uploads.previewReader(4);
    expect(first.partial).toBe(true);
    expect(uploads.previewReader(4).reader).toBe(first.reader);
  });

  it('puts an upload together once, in memory its workers share, byte for byte as sent', () => {
    const bytes = csvBytes(['Email,Name', ...Array.from({ length: 500 }, (_, i) => `p${i}@x.com,Person ${i}`)].join('\n'));
    const uploads = new Uploads();
    uploads.create(3, 'a.csv', bytes.byteLength);
    for (let at = 0; at < bytes.byteLength; at += 1000) uploads.append(3, at, bytes.subarray(at, at + 1000));
    uploads.previewReader(3);
    const whole = uploads.get(3).bytes!;
    expect(whole.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.compare(whole, bytes)).toBe(0);
  });

  it('puts runs together in sheet order, blank rows between them, whether they were packed as text or as JSON', () => {
    const run = (index: number, firstRow: number, rows: string[][]) => ({ index, firstRow, text: packSheet('Leads', rows) });
    const parts = [
      { sheet: 'Leads', runs: [run(2, 5, [['c@x.com', 'odd \u001e cell']]), run(1, 3, [])] },
      { sheet: 'Leads', runs: [run(0, 0, [['Email', 'Note'], [], ['a@x.com']]), run(3, 6, [['d@x.com']])] },
    ];
    const rows = [['Email', 'Note'], [], ['a@x.com'], [], [], ['c@x.com', 'odd \u001e cell'], ['d@x.com']];
    expect([...unpackSheet(joinRuns(parts), 100)].flat()).toEqual(rows);
    const separated = [{ sheet: 'Leads', runs: [run(1, 4, [['b@x.com']]), run(0, 0, [['Email'], []])] }];
    expect(joinRuns(separated)).toEqual({ sheet: 'Leads', rowCount: 5, format: 'separated', text: 'Email\u001e\u001e\u001e\u001eb@x.com' });
    expect(joinRuns([{ sheet: 'Leads', runs: [] }])).toMatchObject({ rowCount: 0, text: '' });
    // Runs in shared memory (as workers post them) are joined into shared memory: the same rows.
    const shared = separated.map((p) => ({ ...p, runs: p.runs.map((r) => ({ ...r, text: inSharedMemory(r.text) })) }));
    const joined = joinRuns(shared);
    expect((joined.text as Uint8Array).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(packedText(joined)).toBe('Email\u001e\u001e\u001e\u001eb@x.com');
    expect([...unpackSheet(joined, 100)].flat()).toEqual([['Email'], [], [], [], ['b@x.com']]);
  });

  it('stops what still reads a file when the file is dropped', async () => {
    const bytes = await xlsxBytes([{ name: 'Leads', rows: [['Email'], ['a@x.com']] }]);
    const signals: AbortSignal[] = [];
    const uploads = new Uploads((b, sheet, maxRows, _onProgress, signal) => {
      signals.push(signal!);
      return parseXlsxSheet(b, sheet, maxRows ?? null);
    });
    uploads.create(9, 'leads.xlsx', bytes.byteLength);
    uploads.append(9, 0, bytes);
    await uploads.reader(9).reader.parsedSheet!('Leads');
    expect(signals.map((s) => s.aborted)).toEqual([false]);
    expect(uploads.discard(9)).toBe(true);
    expect(signals.map((s) => s.aborted)).toEqual([true]);
  });

  it('stops reading a sheet the rep moved away from, and reads it again if they come back', async () => {
    const bytes = await xlsxBytes([
      { name: 'A', rows: [['Email'], ['a@x.com']] },
      { name: 'B', rows: [['Email'], ['b@x.com']] },
    ]);
    const reads: { sheet: string | null; signal: AbortSignal }[] = [];
    const reader = openSheetReader('xlsx', bytes, (b, sheet, maxRows, _onProgress, signal) => {
      reads.push({ sheet, signal: signal! });
      return parseXlsxSheet(b, sheet, maxRows ?? null);
    });
    await reader.parsedSheet!('A');
    const b = reader.parsedSheet!('B');
    expect(reads.map((r) => [r.sheet, r.signal.aborted])).toEqual([['A', true], ['B', false]]);
    expect(reads[0]!.signal.reason).toMatchObject({ message: expect.stringMatching(/Another sheet was chosen/) });
    expect((await b).sheet).toBe('B');
    expect((await reader.parsedSheet!('A')).sheet).toBe('A');
    expect(reads.map((r) => [r.sheet, r.signal.aborted])).toEqual([['A', true], ['B', true], ['A', false]]);
  });

  it('reads the top of a big sheet for the preview and the whole sheet once, in the background, for the import', async () => {
    const bytes = await xlsxBytes([{ name: 'Leads', rows: [['Email'], ['a@x.com'], ['b@x.com']] }]);
    const calls: string[] = [];
    const whole = await parseXlsxSheet(bytes, 'Leads');
    let finishParse: () => void = () => {};
    // As if the sheet were big: a request for its first rows gets only those, and the whole parse takes a while.
    const reader = openSheetReader('xlsx', bytes, async (_b, sheet, maxRows) => {
      calls.push(`${sheet} ${maxRows ?? 'all'}`);
      if (maxRows) return { ...packSheet(whole.sheet, [['Email'], ['a@x.com']]), truncated: true } satisfies SheetText;
      await new Promise<void>((r) => (finishParse = r));
      return whole;
    });
    expect(await reader.head!('Leads', 2)).toEqual([['Email'], ['a@x.com']]);
    expect(calls).toEqual(['Leads 2', 'Leads all']);
    const forImport = reader.parsedSheet!('Leads');
    finishParse();
    expect((await forImport).rowCount).toBe(3);
    expect(calls).toHaveLength(2);

    // A small sheet comes back whole from the first read, and is not parsed again.
    const small: string[] = [];
    const smallReader = openSheetReader('xlsx', bytes, (b, sheet, maxRows) => {
      small.push(`${sheet} ${maxRows ?? 'all'}`);
      return parseXlsxSheet(b, sheet, maxRows ?? null);
    });
    expect(await smallReader.head!('Leads', 40)).toEqual([['Email'], ['a@x.com'], ['b@x.com']]);
    expect((await smallReader.parsedSheet!('Leads')).rowCount).toBe(3);
    expect(small).toEqual(['Leads 40']);
  });

  it('packs rows into one string and back, blank rows included, and falls back to JSON for cells holding a separator', () => {
    const rows = [['Email', 'Name'], [], ['a@x.com', '', 'x'], ['']];
    const packed = packSheet('S', rows);
    expect(packed.format).toBe('separated');
    expect([...unpackSheet(packed, 2)]).toEqual([[['Email', 'Name'], []], [['a@x.com', '', 'x'], []]]);
    const odd = [['a\u001fb', 'c'], [], ['d\u001e']];
    const json = packSheet('S', odd);
    expect(json.format).toBe('json');
    expect([...unpackSheet(json, 10)].flat()).toEqual(odd);
    expect([...unpackSheet(packSheet('S', []), 10)]).toEqual([]);
  });
});

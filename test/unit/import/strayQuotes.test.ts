// A field opening a quote that never closes properly must not swallow the rows after it (readableQuotes).
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { lineBreak, recordStarts, sniffDelimiter } from '../../../src/main/core/import/readDelimited';
import { openSheetReader } from '../../../src/main/core/import/sheetReader';
import { readableQuotes } from '../../../src/main/core/import/strayQuotes';
import { seeded } from '../../support/buildingBlocks';
import { quoted, randomRecords } from '../../support/randomRecords';
import { csvBytes, importFile, upload } from '../../support/importFiles';
import { makeTestCore } from '../../support/testCore';

const parse = (text: string, delimiter = ',') => Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
async function rowsOf(text: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of openSheetReader('delimited', Buffer.from(text)).rows(null)) rows.push(...batch);
  return rows;
}

describe('stray quotes', () => {
  it('reads a quote that never closes as an ordinary character, so the rows after it stay rows', async () => {
    const text = 'Email,Note\r\na@x.com,"open quote\r\nb@y.com,fine\r\nc@z.com,ok\r\n';
    // As papaparse reads the file as it is: b and c are swallowed into a's note.
    expect(parse(text)).toHaveLength(2);
    expect(await rowsOf(text)).toEqual([['Email', 'Note'], ['a@x.com', '"open quote'], ['b@y.com', 'fine'], ['c@z.com', 'ok']]);
    expect(readableQuotes(text, ',', '\r\n').stray).toEqual({ fields: 1, firstRow: 2 });
  });

  it('reads "Big" Corp and 6" as typed when their quote only closes lines later, and keeps proper quoting as it is', async () => {
    const text = ['Email,Company,State', 'a@x.com,"Big" Corp,CA', 'b@y.com,Fine,NY', 'c@z.com,"Quoted, ok",TX', 'd@w.com,"6" screen,WA', 'e@v.com,"two\nlines ""quoted""",OR', ''].join('\n');
    expect(await rowsOf(text)).toEqual([
      ['Email', 'Company', 'State'],
      ['a@x.com', '"Big" Corp', 'CA'],
      ['b@y.com', 'Fine', 'NY'],
      ['c@z.com', 'Quoted, ok', 'TX'],
      ['d@w.com', '"6" screen', 'WA'],
      ['e@v.com', 'two\nlines "quoted"', 'OR'],
    ]);
    const { text: readable, stray } = readableQuotes(text, ',', '\n');
    expect(stray).toEqual({ fields: 2, firstRow: 2 });
    // The file can be split between workers again, at the same records papaparse finds.
    const starts = recordStarts(readable, ',', '\n')!;
    expect(starts).toHaveLength(parse(readable).length);
  });

  it('leaves a file with proper or merely untidy quoting exactly as papaparse reads it', () => {
    for (const text of [
      'Email,Note\na@x.com,"Met at booth, said ""call me""\nsecond line"\nb@x.com,plain\n',
      // An inner quote papaparse tolerates on one line, and quotes inside a field, are read as before.
      'Email,Note\na@x.com,"He said "hi" there",x\nb@x.com,The "Best" Co\n',
      // Spaces between a closing quote and the delimiter.
      'Email,Note\na@x.com,"padded"  ,x\nb@x.com,y\n',
      'Email\tNote\na@x.com\t"tabbed"\tx\nb@x.com\t"two\nlines"\n',
      'no quotes at all\n',
    ]) {
      const delimiter = sniffDelimiter(text);
      const out = readableQuotes(text, delimiter, lineBreak(text, delimiter));
      expect(out).toEqual({ text, stray: null });
      expect(out.text).toBe(text);
    }
  });

  it('counts the row of the first stray quote in records, not lines', () => {
    const text = 'Email,Note\na@x.com,"two\nlines"\nb@x.com,"never closed\nc@x.com,x\n';
    expect(readableQuotes(text, ',', '\n').stray).toEqual({ fields: 1, firstRow: 3 });
  });

  it('imports every row of a file with stray quotes, and the preview says where the first one is', async () => {
    const { core } = makeTestCore();
    const file = csvBytes('Email,Company\r\nann@acme.com,"Acme" Inc\r\nbob@beta.io,Beta\r\ncyd@gamma.com,"Gamma\r\n');
    const preview = await upload(core, 'stray.csv', file);
    expect(preview.strayQuotes).toEqual({ fields: 2, firstRow: 2, wholeFile: true });
    const { summary } = await importFile(core, 'stray.csv', file);
    expect(summary.counts).toMatchObject({ total: 3, created: 3, rejected: 0 });
    const clean = await upload(core, 'clean.csv', csvBytes('Email,Company\r\nann@acme.com,"Acme, Inc"\r\n'));
    expect(clean.strayQuotes).toBe(null);
  });

  it('on random files: changes nothing papaparse reads without a quote error, and leaves no quote unclosed', () => {
    const random = seeded(7);
    const pieces = ['a', 'Zoë', ' ', ',', '"', '""', '\n', '@', 'x"', '"y'];
    let changed = 0;
    for (let file = 0; file < 500; file++) {
      const records = randomRecords(random, { pieces, maxRecords: 8, maxPieces: 4, field: (v) => (random() < 0.3 ? quoted(v) : v) });
      const text = records.join('\n');
      const before = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n' });
      const { text: readable, stray } = readableQuotes(text, ',', '\n');
      if (!before.errors.some((e) => e.type === 'Quotes')) expect(readable).toBe(text);
      if (stray) changed++;
      const after = Papa.parse<string[]>(readable, { delimiter: ',', newline: '\n' });
      expect(after.errors.filter((e) => e.code === 'MissingQuotes')).toEqual([]);
      // Stray quotes only ever give back rows: never fewer than papaparse found.
      expect(after.data.length).toBeGreaterThanOrEqual(before.data.length);
    }
    expect(changed).toBeGreaterThan(50);
  });
});

// A big file read in separate chunks (one per worker) gives exactly the rows of reading it whole, or is read whole.
import { describe, expect, it } from 'vitest';
import { lineBreak, recordStarts, sniffDelimiter } from '../../../src/main/core/import/readDelimited';
import { openParsedSheet, openSheetReader } from '../../../src/main/core/import/sheetReader';
import { packSheet } from '../../../src/main/core/import/sheetText';
import { seeded } from '../../support/buildingBlocks';
import { quoted, randomRecords } from '../../support/randomRecords';

async function whole(text: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of openSheetReader('delimited', Buffer.from(text, 'utf8')).rows(null)) rows.push(...batch);
  return rows;
}

/** The rows of every chunk, in order, with each chunk's first row number checked against the rows before it. */
async function inChunks(text: string, size: (k: number) => number): Promise<string[][] | null> {
  const chunked = await openSheetReader('delimited', Buffer.from(text, 'utf8')).chunked!(null, size);
  if (!chunked) return null;
  const rows: string[][] = [];
  for (let k = 0; k < chunked.count; k++) {
    expect(chunked.firstRow(k)).toBe(rows.length);
    rows.push(...chunked.rows(k));
    expect(chunked.fraction(k)).toBeGreaterThan(0);
  }
  expect(chunked.fraction(chunked.count - 1)).toBe(1);
  return rows;
}

const sizes = [() => 1, () => 2, (k: number) => 1 + (k % 3), () => 1000];

describe('reading a delimited file in chunks', () => {
  const cases: Record<string, string> = {
    'plain, LF': 'email,name\na@x.com,Ann\nb@x.com,Bob\n',
    'CRLF, no final break': 'email,name\r\na@x.com,Ann\r\nb@x.com,Bob',
    'CR only': 'email,name\ra@x.com,Ann\rb@x.com,Bob\r',
    'quoted delimiters, breaks and doubled quotes': 'email,note\r\na@x.com,"one, two"\r\nb@x.com,"line\r\nbreak and ""quoted"""\r\nc@x.com,""\r\n"d@x.com",last',
    'blank lines and a blank last line': 'email\n\na@x.com\n\n\nb@x.com\n\n',
    'a lone LF inside a CRLF file stays in its field': 'email,note\r\na@x.com,half\nline\r\nb@x.com,x\r\n',
    'semicolons and tabs': 'email;name\na@x.com;"A;nn"\n',
    'quote at the very end': 'email,note\na@x.com,"ends here"',
    'empty fields everywhere': ',,\n,,\n"",,""\n',
    // Read with its quote as an ordinary character (strayQuotes.ts), after which the file splits like any other.
    'a quote never closed': 'email,note\na@x.com,"never closed\nb@x.com,x\n',
    'text after a closing quote, with no quote to close it later': 'email,note\na@x.com,"closed" then more\nb@x.com,x\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`gives the rows of a whole read: ${name}`, async () => {
      const expected = await whole(text);
      for (const size of sizes) expect(await inChunks(text, size)).toEqual(expected);
    });
  }

  it('reads a file whole when its quoting could put a record break in doubt', async () => {
    for (const text of [
      'email,size\na@x.com,27" screen\nb@x.com,x\n', // a quote inside an unquoted field
      'email,note\na@x.com, "space before"\n', // a quote that does not open its field
      'email,note\na@x.com,"he said "hi" there",x\n', // a quote that closes nothing, on one line
    ]) {
      expect(await inChunks(text, () => 1)).toBeNull();
    }
  });

  it('agrees with a whole read on random files, whenever it splits at all', async () => {
    const random = seeded(42);
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
    const pieces = ['a', 'b', 'Zoë', ' ', ',', ';', '"', '""', '\n', '\r\n', '\r', '@', ''];
    let split = 0;
    for (let file = 0; file < 300; file++) {
      const newline = pick(['\n', '\r\n', '\r']);
      const clean = random() < 0.7;
      // Clean files quote what needs quoting, the RFC 4180 way; the others are left as they fall.
      const records = randomRecords(random, { pieces, maxRecords: 12, maxPieces: 5, field: (v) => (clean && /[",\r\n]/.test(v) ? quoted(v) : v) });
      const text = `email,x,y,z${newline}${records.join(newline)}${random() < 0.5 ? newline : ''}`;
      const expected = await whole(text);
      const got = await inChunks(text, (k) => 1 + (k % 2));
      if (got) {
        split++;
        expect(got).toEqual(expected);
      }
      if (clean) expect(got).not.toBeNull();
    }
    expect(split).toBeGreaterThan(150);
  });

  it('finds record starts past quoted line breaks, with the line break papaparse would choose', () => {
    const text = 'a;b\r\n"x\r\ny";z\r\nlast;1';
    const delimiter = sniffDelimiter(text);
    expect(delimiter).toBe(';');
    expect(lineBreak(text, delimiter)).toBe('\r\n');
    expect([...recordStarts(text, delimiter, '\r\n')!]).toEqual([0, 5, 15]);
  });
});

describe("a reader given the preview's reading of the file", () => {
  const lines = ['Email;Name', ...Array.from({ length: 40_000 }, (_, i) => `p${i}@x.com;Person ${i}, Jr`)];
  const file = Buffer.from(lines.join('\r\n'), 'utf8');
  // The preview reads the first 2 MB of a big file, cut at a line break.
  const head = openSheetReader('delimited', file.subarray(0, file.lastIndexOf(0x0a, 2 * 1024 * 1024 - 1) + 1));

  it("takes its delimiter and line break instead of guessing them again, and reads the file as it would have", async () => {
    const own = openSheetReader('delimited', file);
    const given = openSheetReader('delimited', file, undefined, head.format);
    expect(head.format).toMatchObject({ encoding: 'utf-8', delimiter: ';', newline: '\r\n' });
    expect(given.format).toEqual(own.format);
    const rows = async (r: typeof own) => {
      const chunked = (await r.chunked!(null, () => 7000))!;
      return Array.from({ length: chunked.count }, (_, k) => chunked.rows(k)).flat();
    };
    expect(await rows(given)).toEqual(await rows(own));
    // It is taken as given: a wrong delimiter would be used.
    const wrong = openSheetReader('delimited', file, undefined, { ...head.format!, delimiter: '|' });
    expect(wrong.format!.delimiter).toBe('|');
  });

  it('guesses again where it decodes the file otherwise, or its guesses would look at other characters', () => {
    expect(openSheetReader('delimited', file, undefined, { ...head.format!, delimiter: '|', encoding: 'windows-1252' }).format!.delimiter).toBe(';');
    expect(openSheetReader('delimited', file, undefined, { ...head.format!, delimiter: '|', guessedFrom: 1000 }).format!.delimiter).toBe(';');
  });
});

describe('reading a parsed workbook sheet in chunks', () => {
  it('gives the rows of a whole read, blank rows included, whether packed as text or as JSON', async () => {
    for (const rows of [
      [['Email', 'Name'], ['a@x.com', 'Ann'], [], ['b@x.com', 'Bob'], ['c@x.com']],
      [['Email'], ['odd\u001fcell'], [], ['x@y.com']],
    ]) {
      const st = packSheet('S', rows);
      for (const size of sizes) {
        const chunked = (await openParsedSheet(st).chunked!('S', size))!;
        const got: string[][] = [];
        for (let k = 0; k < chunked.count; k++) got.push(...chunked.rows(k));
        expect(got).toEqual(rows);
      }
    }
  });
});

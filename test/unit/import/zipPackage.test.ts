// Reading and writing workbook packages with the platform's zlib: the same entries as fflate reads, and what it cannot read left to fflate.
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import { entryPieces, entryStart, storedZip, unzipPackage } from '../../../src/main/core/import/zipPackage';

const xml = (rows: number) => `<sheetData>${Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i * 7919}</v></c></row>`).join('')}</sheetData>`;
/** The entries as plain bytes, whatever kind of array holds them. */
const bytesOf = (f: Record<string, Uint8Array>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, [...v]]));
const files = { 'xl/sheet.xml': strToU8(xml(5000)), 'docs/notes été.txt': strToU8('Zoë'), 'empty.txt': new Uint8Array(0) };

describe('unzipping a package', () => {
  it('reads deflated and stored entries as fflate does, names in UTF-8 included', () => {
    for (const level of [0, 6] as const) {
      const bytes = zipSync(files, { level });
      expect(bytesOf(unzipPackage(bytes))).toEqual(bytesOf(unzipSync(bytes)));
    }
  });

  it('reads a package written as it streamed, whose entries give their sizes after their data', () => {
    // As ExcelJS's streaming writer does: data descriptors (flag bit 3), the sizes only in the central directory.
    const parts: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => parts.push(chunk));
    for (const [name, data] of Object.entries(files)) {
      const entry = new ZipDeflate(name);
      zip.add(entry);
      entry.push(data, true);
    }
    zip.end();
    const bytes = Buffer.concat(parts);
    expect(bytes.readUInt16LE(6) & 8).toBe(8);
    expect(bytesOf(unzipPackage(bytes))).toEqual(bytesOf(files));
  });

  it('inflates only the entries asked for, and says each entry’s unzipped size', () => {
    const bytes = zipSync(files);
    const sizes = new Map<string, number>();
    const kept = unzipPackage(bytes, (name, size) => (sizes.set(name, size), name === 'empty.txt'));
    expect(Object.keys(kept)).toEqual(['empty.txt']);
    expect(sizes.get('xl/sheet.xml')).toBe(files['xl/sheet.xml'].byteLength);
  });

  it('reads a package in memory shared with other threads, and keeps no view of it', () => {
    const plain = zipSync(files, { level: 0 });
    const shared = new Uint8Array(new SharedArrayBuffer(plain.byteLength));
    shared.set(plain);
    const out = unzipPackage(shared);
    expect(strFromU8(out['docs/notes été.txt']!)).toBe('Zoë');
    expect(out['xl/sheet.xml']!.buffer).not.toBeInstanceOf(SharedArrayBuffer);
  });

  it('leaves to fflate what it does not read, and a damaged package fails with a reason', () => {
    // An entry compressed some other way (method 12, bzip2): fflate names it.
    const bytes = zipSync({ 'a.txt': strToU8('hello') }, { level: 0 });
    const odd = bytes.slice();
    for (let at = 0; at < odd.length - 4; at++) {
      const sig = odd[at]! | (odd[at + 1]! << 8) | (odd[at + 2]! << 16) | (odd[at + 3]! << 24);
      if (sig === 0x04034b50) odd[at + 8] = 12;
      if (sig === 0x02014b50) odd[at + 10] = 12;
    }
    expect(() => unzipPackage(odd)).toThrow(/compression type 12/);
    expect(() => unzipPackage(strToU8('not a zip at all'))).toThrow();
    // A deflated entry cut short inside an otherwise whole directory.
    const deflated = zipSync({ 'x.xml': strToU8(xml(2000)) });
    const broken = deflated.slice();
    broken.fill(0xff, 60, 400);
    expect(() => unzipPackage(broken)).toThrow();
  });

  it('inflates an entry no further than the size its directory record gives', () => {
    // A megabyte of zeros deflates to about a kilobyte; the record is changed to say 100 bytes.
    const bytes = Buffer.from(zipSync({ 'bomb.xml': new Uint8Array(1024 * 1024) }));
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(100, central + 24);
    expect(() => unzipPackage(bytes)).toThrow(/larger than 100 bytes/);
  });
});

describe('the start of an entry', () => {
  const long = strToU8(xml(50_000));

  it('inflates the first window bytes and a little more, the same as the entry starts', () => {
    for (const level of [0, 6] as const) {
      const start = entryStart(zipSync({ 'xl/sheet.xml': long }, { level }), 'xl/sheet.xml', 100_000)!;
      expect(start.byteLength).toBeGreaterThan(100_000);
      expect(start.byteLength).toBeLessThan(long.byteLength);
      expect(Buffer.compare(start, long.subarray(0, start.byteLength))).toBe(0);
    }
  });

  it('is the whole entry when it is no longer than the window; null when the entry is missing', () => {
    const bytes = zipSync({ 'xl/sheet.xml': long });
    expect(Buffer.compare(entryStart(bytes, 'xl/sheet.xml', long.byteLength)!, long)).toBe(0);
    expect(entryStart(bytes, 'xl/other.xml', 1000)).toBeNull();
  });
});

describe('an entry a piece at a time', () => {
  const long = strToU8(xml(200_000));
  const piecesOf = async (bytes: Uint8Array, name: string) => {
    const pieces: Uint8Array[] = [];
    for await (const p of entryPieces(bytes, name)) pieces.push(p);
    return pieces;
  };

  it('gives the entry in pieces of about a megabyte, deflated or stored, and nothing for a missing entry', async () => {
    for (const level of [0, 6] as const) {
      const pieces = await piecesOf(zipSync({ 'xl/sheet.xml': long }, { level }), 'xl/sheet.xml');
      expect(pieces.length).toBeGreaterThan(3);
      expect(Math.max(...pieces.map((p) => p.byteLength))).toBeLessThanOrEqual(1024 * 1024);
      expect(Buffer.compare(Buffer.concat(pieces), long)).toBe(0);
    }
    expect(await piecesOf(zipSync({ 'a.txt': strToU8('a') }), 'xl/sheet.xml')).toEqual([]);
  });

  it('fails on damaged data and on an entry longer than its record says', async () => {
    const bytes = Buffer.from(zipSync({ 'xl/sheet.xml': long }));
    const broken = Buffer.from(bytes);
    broken.fill(0x55, 200, 2000);
    await expect(piecesOf(broken, 'xl/sheet.xml')).rejects.toThrow();
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(1000, central + 24);
    await expect(piecesOf(bytes, 'xl/sheet.xml')).rejects.toThrow(/damaged/);
  });
});

describe('a stored package', () => {
  it('holds the files as given, a file given in parts joined, with their CRC-32', () => {
    const bytes = storedZip({ 'hello.txt': [strToU8('hel'), strToU8('lo')], 'été/b.xml': files['xl/sheet.xml'], 'empty.txt': new Uint8Array(0) });
    const out = unzipSync(bytes);
    expect(strFromU8(out['hello.txt']!)).toBe('hello');
    expect(out['été/b.xml']).toEqual(files['xl/sheet.xml']);
    expect(out['empty.txt']!.byteLength).toBe(0);
    // The central directory's CRC-32 of "hello" (offset 16 of its record), a known value.
    const central = Buffer.from(bytes).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(Buffer.from(bytes).readUInt32LE(central + 16)).toBe(0x3610a686);
    expect(bytesOf(unzipPackage(bytes))).toEqual(bytesOf(out));
  });
});

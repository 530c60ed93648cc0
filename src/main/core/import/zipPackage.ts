// A workbook's zip package, read and written with the platform's zlib. An import worker sharing a big sheet unzips the
// package's parts, and its sheet a piece at a time, and zips each run of the rows it reads as a workbook of its own
// (xlsxSlices.ts); with fflate's JavaScript inflate and CRC-32 that took about 0.5 s of each worker's time for a
// 100,000-row sheet, zlib takes about a fifth.
// What this reader does not handle (Zip64, encryption, other compression methods, a directory it cannot find) is left
// to fflate, which reads it or says what is wrong.
import { Readable } from 'node:stream';
import { constants, crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';

export type ZipFiles = Record<string, Uint8Array>;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Where its compressed data starts in the package. */
  dataStart: number;
}

const u16 = (v: DataView, at: number) => v.getUint16(at, true);
const u32 = (v: DataView, at: number) => v.getUint32(at, true);
const signatures = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 };
const zip64 = 0xffffffff;
/** The most an entry is inflated into at once (a sheet's XML is refused well before this, see readXlsx.sheetLimits). */
const oneBuffer = 1024 * 1024 * 1024;

/** The package's entries from its central directory; null where it is anything but a plain zip of stored or deflated entries. */
function directory(bytes: Uint8Array): Entry[] | null {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is last, after a comment of up to 64 KB.
  let end = bytes.byteLength - 22;
  const stop = Math.max(0, end - 0xffff);
  while (end >= stop && u32(v, end) !== signatures.end) end--;
  if (end < stop) return null;
  const count = u16(v, end + 10);
  let at = u32(v, end + 16);
  if (count === 0xffff || at === zip64) return null;
  const entries: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.byteLength || u32(v, at) !== signatures.central) return null;
    const flags = u16(v, at + 8);
    const method = u16(v, at + 10);
    const compressedSize = u32(v, at + 20);
    const size = u32(v, at + 24);
    const nameLength = u16(v, at + 28);
    const local = u32(v, at + 42);
    // Encrypted, or neither stored nor deflated, or sized in a Zip64 record.
    if (flags & 1 || (method !== 0 && method !== 8) || compressedSize === zip64 || size === zip64 || local === zip64) return null;
    if (local + 30 > bytes.byteLength || u32(v, local) !== signatures.local) return null;
    const dataStart = local + 30 + u16(v, local + 26) + u16(v, local + 28);
    if (dataStart + compressedSize > bytes.byteLength) return null;
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1');
    entries.push({ name, method, compressedSize, size, dataStart });
    at += 46 + nameLength + u16(v, at + 30) + u16(v, at + 32);
  }
  return entries;
}

const rawData = (bytes: Uint8Array, e: Entry) => bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);

function inflated(bytes: Uint8Array, e: Entry): Uint8Array {
  // A stored entry is copied: the package may be a buffer shared with other threads.
  if (e.method === 0) return rawData(bytes, e).slice();
  // No more than the directory says: a package claiming a small entry does not inflate without end. Inflated into one
  // buffer of that size (and a byte), not pieces of 16 KB joined afterwards; up to a bound, so that a package claiming
  // a huge entry is not given the memory before it shows the data.
  const out = inflateRawSync(rawData(bytes, e), { maxOutputLength: Math.max(1, e.size), chunkSize: Math.max(64, Math.min(e.size + 1, oneBuffer)) });
  if (out.byteLength !== e.size) throw new Error(`the entry "${e.name}" is damaged`);
  return out;
}

/** The package's entries that `keep` wants (by name and unzipped size), unzipped; like fflate's unzipSync. */
export function unzipPackage(bytes: Uint8Array, keep: (name: string, size: number) => boolean = () => true): ZipFiles {
  const entries = directory(bytes);
  if (!entries) return unzipSync(bytes, { filter: (f) => keep(f.name, f.originalSize) });
  const files: ZipFiles = {};
  for (const e of entries) if (keep(e.name, e.size)) files[e.name] = inflated(bytes, e);
  return files;
}

/**
 * One entry, unzipped a piece at a time (about a megabyte each) as it is read: a sheet of hundreds of MB is never
 * whole in memory. Nothing when the entry is missing; throws when its data is damaged.
 */
export async function* entryPieces(bytes: Uint8Array, name: string): AsyncGenerator<Uint8Array> {
  const entries = directory(bytes);
  if (!entries) {
    const whole = unzipSync(bytes, { filter: (f) => f.name === name })[name];
    if (whole) yield whole;
    return;
  }
  const entry = entries.find((e) => e.name === name);
  if (!entry) return;
  const piece = 1024 * 1024;
  // Copied a piece at a time: the package may be a buffer shared with other threads.
  const raw = rawData(bytes, entry);
  const rawPieces = function* () {
    for (let at = 0; at < raw.byteLength; at += piece) yield raw.slice(at, at + piece);
  };
  if (entry.method === 0) return yield* rawPieces();
  let size = 0;
  for await (const out of Readable.from(rawPieces()).pipe(createInflateRaw({ chunkSize: piece })) as AsyncIterable<Buffer>) {
    size += out.byteLength;
    if (size > entry.size) throw new Error(`the entry "${name}" is damaged`);
    yield out;
  }
  if (size !== entry.size) throw new Error(`the entry "${name}" is damaged`);
}

/**
 * The first `window` bytes and a little more of one entry, unzipped: all of it when it is shorter, so a result of at
 * most `window` bytes is the whole entry. Only as much of the entry's compressed data is inflated as that takes. Null
 * when the entry is missing or the package cannot be read this way.
 */
export function entryStart(bytes: Uint8Array, name: string, window: number): Uint8Array | null {
  const entry = directory(bytes)?.find((e) => e.name === name);
  if (!entry) return null;
  const raw = rawData(bytes, entry);
  if (entry.method === 0) return raw.slice(0, window + 1);
  // XML deflates to about a tenth: start with an eighth of the window, four times more while that falls short.
  for (let take = Math.min(raw.byteLength, window >> 3); ; take = Math.min(raw.byteLength, take * 4)) {
    let out: Uint8Array;
    try {
      // A sync flush at the end gives what the data so far holds, without asking for the rest.
      out = inflateRawSync(raw.subarray(0, take), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 64 * window });
    } catch {
      return null;
    }
    if (out.byteLength > window || take === raw.byteLength) return out;
  }
}

/**
 * A zip package of the files, stored (not compressed: each such package is read once, at once). A file may be given
 * as parts, written one after the other: the package is the only copy made of them.
 */
export function storedZip(files: Record<string, Uint8Array | Uint8Array[]>): Uint8Array {
  const list = Object.entries(files).map(([name, data]) => {
    const parts = Array.isArray(data) ? data : [data];
    const size = parts.reduce((n, p) => n + p.byteLength, 0);
    if (size >= zip64) throw new Error(`"${name}" is too big for a zip entry`);
    return { name: Buffer.from(name, 'utf8'), parts, size, crc: parts.reduce((c, p) => crc32(p, c), 0) };
  });
  const localBytes = list.reduce((n, f) => n + 30 + f.name.byteLength + f.size, 0);
  const centralBytes = list.reduce((n, f) => n + 46 + f.name.byteLength, 0);
  const out = new Uint8Array(localBytes + centralBytes + 22);
  const v = new DataView(out.buffer);
  // Version 2.0, UTF-8 names, stored, 1 January 1980: the same for the local and central headers.
  const common = (at: number, f: (typeof list)[number]) => {
    v.setUint16(at, 20, true);
    v.setUint16(at + 2, 0x800, true);
    v.setUint16(at + 4, 0, true);
    v.setUint16(at + 6, 0, true);
    v.setUint16(at + 8, 0x21, true);
    v.setUint32(at + 10, f.crc, true);
    v.setUint32(at + 14, f.size, true);
    v.setUint32(at + 18, f.size, true);
    v.setUint16(at + 22, f.name.byteLength, true);
  };
  let at = 0;
  const offsets: number[] = [];
  for (const f of list) {
    offsets.push(at);
    v.setUint32(at, signatures.local, true);
    common(at + 4, f);
    out.set(f.name, at + 30);
    at += 30 + f.name.byteLength;
    for (const p of f.parts) {
      out.set(p, at);
      at += p.byteLength;
    }
  }
  const central = at;
  list.forEach((f, k) => {
    v.setUint32(at, signatures.central, true);
    v.setUint16(at + 4, 20, true);
    common(at + 6, f);
    v.setUint32(at + 42, offsets[k]!, true);
    out.set(f.name, at + 46);
    at += 46 + f.name.byteLength;
  });
  v.setUint32(at, signatures.end, true);
  v.setUint16(at + 8, list.length, true);
  v.setUint16(at + 10, list.length, true);
  v.setUint32(at + 12, at - central, true);
  v.setUint32(at + 16, central, true);
  return out;
}

// Turns the bytes of a text export into a string: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text"), or Windows-1252.
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

function detectBom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function looksUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  return sample.includes(0);
}

export function detectEncoding(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // UTF-16 without a BOM: ASCII text leaves every other byte zero.
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = sample.length / 2;
  if (half > 0 && oddZeros > half * 0.3 && evenZeros < half * 0.05) return { encoding: 'utf-16le', bomLength: 0 };
  if (half > 0 && evenZeros > half * 0.3 && oddZeros < half * 0.05) return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: strictUtf8(bytes) !== null ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

/** The text if the bytes are valid UTF-8, else null: Windows-1252 exports are rarely valid UTF-8 once they hold an accent. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The text of a file (NULs padding its end left out: some old systems write them, and they are no row of it). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const { text, encoding } = decoded(bytes);
  return { text: withoutPadding(text), encoding };
}

function decoded(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const bom = detectBom(bytes);
  if (!bom) {
    // One pass for the common case: valid UTF-8 without a BOM.
    const text = looksUtf16(bytes) ? null : strictUtf8(bytes);
    if (text !== null) return { text, encoding: 'utf-8' };
  }
  const { encoding, bomLength } = detectEncoding(bytes);
  const body = bytes.subarray(bomLength);
  if (encoding === 'utf-8' || encoding === 'utf-16le') return { text: new TextDecoder(encoding).decode(body), encoding };
  return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), encoding), encoding };
}

function withoutPadding(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0) end--;
  return end === text.length ? text : text.slice(0, end);
}

// Turns the bytes of a text export into a string: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text"), or Windows-1252.
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

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
  return { encoding: isUtf8(bytes) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const { encoding, bomLength } = detectEncoding(bytes);
  const body = bytes.subarray(bomLength);
  if (encoding === 'utf-8' || encoding === 'utf-16le') return { text: new TextDecoder(encoding).decode(body), encoding };
  return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), encoding), encoding };
}

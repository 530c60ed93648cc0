// An address as the rep reads it: a domain stored in the form mail uses ("xn--mller-kva.de") shown in its letters.
import { toUnicode } from 'punycode/punycode.es6.js';

/**
 * Addresses are stored with their domain as mail systems write it (shared/import/email.ts asciiDomain), and are sent
 * and matched so. On screen, "zoe@xn--mller-kva.de" reads as "zoe@müller.de". Any other address, and one whose xn--
 * label is not valid Punycode, is shown as stored.
 */
export function displayEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0 || !address.toLowerCase().includes('xn--', at)) return address;
  try {
    return address.slice(0, at + 1) + toUnicode(address.slice(at + 1));
  } catch {
    return address;
  }
}

// Email rules shared by import, editing and the suppression list: normalise for matching, check syntax.

/** The address as typed, without what was around it (spaces, "mailto:", angle brackets), its domain as mail systems write it. */
export function cleanEmail(value: string): string {
  const address = value.trim().replace(/^mailto:/i, '').replace(/^<|>$/g, '').trim();
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at + 1) + asciiDomain(address.slice(at + 1));
}

/** A character beyond ASCII: a letter such as "ë" or "ü", an emoji. */
const beyondAscii = /[\u0080-\u{10FFFF}]/u;

/**
 * A domain with letters beyond ASCII ("müller.de") in the form mail systems and DNS use ("xn--mller-kva.de"), so
 * that an address is matched, suppressed and sent to the same whichever form a file or a mail gave. Others, and one
 * that is no domain at all (a space, a slash...), are left as they are: the address check says what is wrong.
 */
export function asciiDomain(domain: string): string {
  if (!beyondAscii.test(domain) || /[\s/\\?#@:%[\]]/.test(domain) || [...domain].some((c) => c.charCodeAt(0) < 0x20)) return domain;
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return domain;
  }
}

/** The form used to match duplicates and suppressions: cleaned and lower-cased. */
export function normalizeEmail(value: string): string {
  return cleanEmail(value).toLowerCase();
}

// Deliberately practical rather than RFC 5322 complete: one @, a dotted domain, no spaces or commas; plain ASCII, as
// most mail systems still need (an address with "ë" before the @ is refused by many).
const localPart = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+$/i;
const emailPattern = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,63}$/i;

export function isValidEmail(value: string): boolean {
  if (value.length > 254 || !emailPattern.test(value)) return false;
  const local = value.slice(0, value.lastIndexOf('@'));
  return local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
}

/**
 * What is wrong with an address (as normalizeEmail gives it), in a few words a rep can act on ("it has no @"); null
 * when it is a valid one.
 */
export function emailProblem(value: string): string | null {
  // Most addresses are fine: checked at once, as every row of an import is.
  if (isValidEmail(value)) return null;
  if (value === '') return 'it is empty';
  if (value.length > 254) return 'it is longer than 254 characters';
  const at = value.lastIndexOf('@');
  if (at < 0) return 'it has no @';
  if (/\s/.test(value)) return 'it has a space in it';
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.includes('@')) return 'it has more than one @';
  if (local === '') return 'nothing comes before the @';
  if (domain === '') return 'nothing comes after the @';
  const foreign = beyondAscii.exec(local)?.[0];
  if (foreign) return `it has "${foreign}" before the @, where most mail systems accept only plain letters, digits and marks such as . _ + -`;
  if (!localPart.test(local)) return `it has "${[...local].find((c) => !localPart.test(c))}" before the @, which is not allowed there`;
  if (local.length > 64) return 'the part before the @ is longer than 64 characters';
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return 'the part before the @ starts or ends with a dot, or has two in a row';
  // A domain beyond ASCII is in its xn-- form by now, unless it could not be written so.
  const foreignDomain = beyondAscii.exec(domain)?.[0];
  if (foreignDomain) return `it has "${foreignDomain}" in a domain that cannot be written in the form mail systems use`;
  if (!domain.includes('.')) return `"${domain}" after the @ is not a domain (it has no dot)`;
  return `"${domain}" after the @ is not a domain like example.com`;
}

export function emailDomain(normalized: string): string {
  return normalized.slice(normalized.lastIndexOf('@') + 1);
}

/** A domain as the rep types it ("@Acme.com", "https://www.acme.com/about") reduced to "acme.com". */
export function normalizeDomain(value: string): string {
  let v = value.trim().toLowerCase().replace(/^@/, '');
  v = v.replace(/^[a-z]+:\/\//, '').replace(/^www\./, '');
  v = v.split(/[/?#]/)[0] ?? '';
  return asciiDomain(v.replace(/\.$/, ''));
}

export function isValidDomain(value: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,63}$/.test(value);
}

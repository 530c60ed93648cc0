// Email rules shared by import, editing and the suppression list: normalise for matching, check syntax.

/** The address as typed, without what was around it: spaces, "mailto:", angle brackets. */
export function cleanEmail(value: string): string {
  return value.trim().replace(/^mailto:/i, '').replace(/^<|>$/g, '').trim();
}

/** The form used to match duplicates and suppressions: cleaned and lower-cased. */
export function normalizeEmail(value: string): string {
  return cleanEmail(value).toLowerCase();
}

// Deliberately practical rather than RFC 5322 complete: one @, a dotted domain, no spaces or commas.
const emailPattern = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,63}$/i;

export function isValidEmail(value: string): boolean {
  if (value.length > 254) return false;
  if (!emailPattern.test(value)) return false;
  const local = value.slice(0, value.lastIndexOf('@'));
  return local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
}

export function emailDomain(normalized: string): string {
  return normalized.slice(normalized.lastIndexOf('@') + 1);
}

/** A domain as the rep types it ("@Acme.com", "https://www.acme.com/about") reduced to "acme.com". */
export function normalizeDomain(value: string): string {
  let v = value.trim().toLowerCase().replace(/^@/, '');
  v = v.replace(/^[a-z]+:\/\//, '').replace(/^www\./, '');
  v = v.split(/[/?#]/)[0] ?? '';
  return v.replace(/\.$/, '');
}

export function isValidDomain(value: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,63}$/.test(value);
}

// Answers "is this address on the do-not-contact list?" for a whole import without a query per row.
import { emailDomain } from '../../../shared/import/email';

export interface SuppressionMatcher {
  isSuppressed(emailNormalized: string): boolean;
  /** The same for the same list: tells whether the list changed between two reads. */
  readonly key: string;
}

/** One entry of the do-not-contact list: plain data, so the list can cross to a worker thread. */
export interface SuppressionEntry {
  kind: 'email' | 'domain';
  value: string;
}

export function suppressionMatcher(entries: SuppressionEntry[]): SuppressionMatcher {
  const emails = new Set(entries.filter((e) => e.kind === 'email').map((e) => e.value));
  const domains = new Set(entries.filter((e) => e.kind === 'domain').map((e) => e.value));
  return {
    key: entries.map((e) => `${e.kind}:${e.value}`).sort().join('\n'),
    isSuppressed(email) {
      if (emails.has(email)) return true;
      if (domains.size === 0) return false;
      // A listed domain covers its subdomains too (eu.acme.com under acme.com).
      let d = emailDomain(email);
      for (;;) {
        if (domains.has(d)) return true;
        const dot = d.indexOf('.');
        if (dot < 0 || d.indexOf('.', dot + 1) < 0) return false;
        d = d.slice(dot + 1);
      }
    },
  };
}

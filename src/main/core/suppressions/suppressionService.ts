// The do-not-contact list: emails and whole domains, typed in Settings or read from a file; applied to prospects at once.
import type { Suppression, SuppressionAddResult } from '../../../shared/contract/suppressions';
import { isValidDomain, isValidEmail, normalizeDomain, normalizeEmail } from '../../../shared/import/email';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { suppressionQueries } from '../db/queries/suppressions';
import { UserError } from '../errors';
import { detectFileKind } from '../import/fileKind';
import { openSheetReader } from '../import/sheetReader';
import { suppressionMatcher } from '../import/suppressionMatcher';

export function parseSuppressionEntry(text: string): { kind: 'email' | 'domain'; value: string } | null {
  const t = text.trim();
  if (!t) return null;
  if (t.includes('@') && !t.startsWith('@')) {
    const email = normalizeEmail(t);
    return isValidEmail(email) ? { kind: 'email', value: email } : null;
  }
  const domain = normalizeDomain(t);
  return isValidDomain(domain) ? { kind: 'domain', value: domain } : null;
}

/**
 * The do-not-contact entries of a file's rows. Every email is taken. A domain blocks a whole company, so a domain is
 * taken only where the file is a list of them: a file without emails (a list of domains), a column that mixes both
 * (a list typed one per line), or one written as a domain on purpose ("@rival.com"). Domains in a column beside the
 * emails (an unsubscribe export's Website or Company Domain) are counted, not added.
 */
export function entriesOfSheet(rows: string[][]): { entries: string[]; domainsIgnored: number } {
  const parsed = rows.map((row) => row.map((cell) => ({ cell, entry: parseSuppressionEntry(cell) })));
  const emailColumns = new Set<number>();
  for (const row of parsed) row.forEach((c, i) => c.entry?.kind === 'email' && emailColumns.add(i));
  const entries: string[] = [];
  let domainsIgnored = 0;
  for (const row of parsed) {
    row.forEach(({ cell, entry }, i) => {
      if (!entry) return;
      if (entry.kind === 'email' || emailColumns.size === 0 || emailColumns.has(i) || cell.trim().startsWith('@')) entries.push(cell);
      else domainsIgnored++;
    });
  }
  return { entries, domainsIgnored };
}

export class SuppressionService {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly changed: (reason: string) => void,
  ) {
    this.q = suppressionQueries(db);
  }

  list(): Suppression[] {
    return this.q.list().map((r) => ({ id: r.id, kind: r.kind, value: r.value, reason: r.reason, createdAt: r.created_at }));
  }

  add(entries: string[], reason: string | null): SuppressionAddResult {
    const invalid: string[] = [];
    let added = 0;
    let alreadyListed = 0;
    let prospectsSuppressed = 0;
    const now = this.clock.now();
    this.db.transaction(() => {
      for (const raw of entries) {
        if (!raw.trim()) continue;
        const entry = parseSuppressionEntry(raw);
        if (!entry) {
          if (invalid.length < 200) invalid.push(raw.trim().slice(0, 120));
          continue;
        }
        if (this.q.add(entry.kind, entry.value, reason, now) === 1) {
          added++;
          prospectsSuppressed += this.q.suppressProspects(entry.kind, entry.value, now);
        } else alreadyListed++;
      }
    })();
    if (prospectsSuppressed) this.changed('suppression');
    return { added, alreadyListed, invalid, prospectsSuppressed, domainsIgnored: 0 };
  }

  addText(text: string, reason: string | null): SuppressionAddResult {
    return this.add(text.split(/[\r\n,;\t]+/), reason);
  }

  /** The entries of a file (see entriesOfSheet); header cells and other text are ignored. */
  async addFile(fileName: string, bytes: Uint8Array): Promise<SuppressionAddResult> {
    const reader = openSheetReader(detectFileKind(fileName, bytes), Buffer.from(bytes));
    const rows: string[][] = [];
    const sheets = await reader.sheetNames();
    for await (const batch of reader.rows(sheets[0] ?? null)) rows.push(...batch);
    const { entries, domainsIgnored } = entriesOfSheet(rows);
    if (entries.length === 0) throw new UserError('invalid_request', `No email addresses or domains were found in "${fileName}". Put one per row, in any column.`);
    return { ...this.add(entries, `Imported from ${fileName}`), domainsIgnored };
  }

  remove(id: number): { removed: boolean; prospectsReleased: number } {
    const now = this.clock.now();
    const result = this.db.transaction(() => {
      const removed = this.q.remove(id) === 1;
      if (!removed) return { removed, prospectsReleased: 0 };
      // A prospect returns to active only when no remaining entry covers it.
      const matcher = suppressionMatcher(this.q.list());
      let prospectsReleased = 0;
      for (const p of this.q.suppressedProspects()) if (!matcher.isSuppressed(p.email_normalized)) prospectsReleased += this.q.release(p.id, now);
      return { removed, prospectsReleased };
    })();
    if (result.prospectsReleased) this.changed('suppression');
    return result;
  }
}

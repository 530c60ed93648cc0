// SQL for the suppression list (do-not-contact emails and domains) and its effect on prospects.
import type { Db } from '../open';

export interface SuppressionRow {
  id: number;
  kind: 'email' | 'domain';
  value: string;
  reason: string | null;
  created_at: number;
}

export function suppressionQueries(db: Db) {
  const list = db.prepare<[], SuppressionRow>('SELECT * FROM suppressions ORDER BY kind, value');
  const add = db.prepare<[string, string, string | null, number]>('INSERT INTO suppressions (kind, value, reason, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (kind, value) DO NOTHING');
  const remove = db.prepare<[number]>('DELETE FROM suppressions WHERE id = ?');
  const suppressEmail = db.prepare<[number, string]>(`UPDATE prospects SET status = 'suppressed', updated_at = ? WHERE status = 'active' AND email_normalized = ?`);
  // A domain covers its subdomains: "acme.com" suppresses x@acme.com and x@eu.acme.com.
  const suppressDomain = db.prepare<{ now: number; domain: string }>(
    `UPDATE prospects SET status = 'suppressed', updated_at = @now WHERE status = 'active' AND (email_normalized LIKE '%@' || @domain OR email_normalized LIKE '%.' || @domain)`,
  );
  const suppressedProspects = db.prepare<[], { id: number; email_normalized: string }>(`SELECT id, email_normalized FROM prospects WHERE status = 'suppressed'`);
  const release = db.prepare<[number, number]>(`UPDATE prospects SET status = 'active', updated_at = ? WHERE id = ? AND status = 'suppressed'`);
  return {
    list: () => list.all(),
    add: (kind: 'email' | 'domain', value: string, reason: string | null, now: number) => add.run(kind, value, reason, now).changes,
    remove: (id: number) => remove.run(id).changes,
    suppressProspects: (kind: 'email' | 'domain', value: string, now: number) =>
      kind === 'email' ? suppressEmail.run(now, value).changes : suppressDomain.run({ now, domain: value }).changes,
    suppressedProspects: () => suppressedProspects.all(),
    release: (id: number, now: number) => release.run(now, id).changes,
  };
}

// The rows an import could not take: list them, fix and re-import one, dismiss one, or download them as CSV.
import Papa from 'papaparse';
import type { ImportIssue, IssuePage, IssuesQuery } from '../../../shared/contract/imports';
import { issueColumns, type ColumnTarget } from '../../../shared/import/headerMapping';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { importQueries, type ImportRowIssue } from '../db/queries/imports';
import { prospectQueries } from '../db/queries/prospects';
import { suppressionQueries } from '../db/queries/suppressions';
import { UserError, notFound } from '../errors';
import type { SettingsService } from '../settings/settingsService';
import { applyDraft } from './applyDraft';
import { normalizeRow } from './normalizeRow';
import { suppressionMatcher } from './suppressionMatcher';

export class ImportIssues {
  private readonly q;
  private readonly pq;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly changed: (reason: string) => void,
  ) {
    this.q = importQueries(db);
    this.pq = prospectQueries(db);
  }

  private toIssue(r: ImportRowIssue, fileName: string): ImportIssue {
    return {
      id: r.id,
      importId: r.import_id,
      fileName,
      rowNumber: r.row_number,
      outcome: r.outcome,
      reason: r.reason,
      raw: JSON.parse(r.raw) as Record<string, string>,
      prospectId: r.prospect_id,
      resolvedAt: r.resolved_at,
    };
  }

  /**
   * A page of the rows still waiting: rejected rows not yet fixed or dismissed, or the rows skipped as duplicates (each
   * with the prospect it matched), of one import or of all, newest import first, in sheet order.
   */
  page({ importId, outcome, offset = 0, limit = 100 }: IssuesQuery): IssuePage {
    const { rows, total } = this.q.openIssues({ importId, outcome }, offset, limit);
    const fileNames = new Map<number, string>();
    for (const r of rows) if (!fileNames.has(r.import_id)) fileNames.set(r.import_id, this.q.get(r.import_id)?.file_name ?? '');
    return { rows: rows.map((r) => this.toIssue(r, fileNames.get(r.import_id)!)), total };
  }

  /** Re-runs the row through the import's own mapping and rules with the rep's corrections. */
  fix(issueId: number, values: Record<string, string>): { prospectId: number | null; outcome: 'created' | 'updated' | 'duplicate' | 'suppressed' } {
    const issue = this.q.issue(issueId);
    if (!issue) throw notFound('That row');
    if (issue.outcome !== 'rejected' || issue.resolved_at !== null) throw new UserError('conflict', 'That row was already dealt with.');
    const imp = this.q.get(issue.import_id);
    if (!imp) throw notFound('That import');
    const { headers, targets } = JSON.parse(imp.mapping) as { headers: string[]; targets: ColumnTarget[] };
    const raw = { ...(JSON.parse(issue.raw) as Record<string, string>), ...values };
    const extras = Object.keys(raw).filter((k) => !headers.includes(k));
    const allHeaders = [...headers, ...extras];
    const cells = allHeaders.map((h) => raw[h] ?? '');
    const settings = this.settings.get();
    const result = normalizeRow(cells, { headers: allHeaders, mapping: targets, defaultCountry: settings.defaultCountry, repTimeZone: settings.timeZone });
    if (!result.ok) {
      // Keep what the rep typed, so the next attempt starts from it.
      this.q.updateRaw(issueId, raw, result.reason);
      throw new UserError('invalid_request', `Row ${issue.row_number} still cannot be imported: ${result.reason}.`, [{ path: 'values', message: result.reason }]);
    }
    const now = this.clock.now();
    const applied = this.db.transaction(() => {
      const tagId = imp.tag ? this.pq.tagIdFor(imp.tag, now) : null;
      const suppressed = suppressionMatcher(suppressionQueries(this.db).list()).isSuppressed(result.draft.emailNormalized);
      const out = applyDraft(result.draft, { q: this.pq, policy: imp.duplicate_policy, importId: imp.id, tagId, suppressed, now });
      this.q.updateRaw(issueId, raw, issue.reason);
      this.q.resolve(issueId, out.prospectId, now);
      return out;
    })();
    this.changed('issue-fixed');
    return { prospectId: applied.prospectId, outcome: applied.outcome };
  }

  dismiss(issueId: number): { dismissed: boolean } {
    return { dismissed: this.q.resolve(issueId, null, this.clock.now()) === 1 };
  }

  /** The open rejected rows with their original columns plus row number and reason, ready to fix in Excel. */
  csv(importId: number | null): { fileName: string; csv: string; rows: number } {
    const issues: { raw: Record<string, string>; rowNumber: number; reason: string }[] = [];
    const columns = new Set<string>();
    for (const r of this.q.eachOpenIssue({ importId, outcome: 'rejected' })) {
      const raw = JSON.parse(r.raw) as Record<string, string>;
      for (const k of Object.keys(raw)) columns.add(k);
      issues.push({ raw, rowNumber: r.row_number, reason: r.reason });
    }
    // The file's own columns first, so it can be fixed and dropped again as it is; our two columns are ignored then.
    const fields = [...columns];
    const data = issues.map((i) => [...fields.map((c) => i.raw[c] ?? ''), String(i.rowNumber), i.reason]);
    const csv = Papa.unparse({ fields: [...fields, issueColumns.row, issueColumns.problem], data }, { escapeFormulae: true });
    const base = importId === null ? 'all-imports' : (this.q.get(importId)?.file_name ?? 'import').replace(/\.[^.]+$/, '');
    return { fileName: `${base}-import-issues.csv`, csv: '\uFEFF' + csv, rows: issues.length };
  }
}

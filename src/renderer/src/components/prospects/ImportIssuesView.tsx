// Rows imports did not turn into new prospects, a page at a time: rejected rows (each with its reason and values,
// fixable in place or downloadable as CSV to fix in Excel), and rows skipped as duplicates with the prospect they matched.
import { useEffect, useState } from 'react';
import { issuesPageSize, type ImportIssue, type ImportSummary } from '../../../../shared/contract/imports';
import { api } from '../../api/client';
import { importSelectors, useImportStore, type IssueQuery } from '../../store/imports';
import { useProspectsStore } from '../../store/prospects';

export function ImportIssuesView() {
  // The selects show what the rep asked for; the rest, the page on screen and the question it answers.
  const asked = useImportStore(importSelectors.issueQuery);
  const { rows, total, query } = useImportStore(importSelectors.issues);
  const error = useImportStore(importSelectors.issuesError);
  const { loadIssues, setIssueQuery, downloadIssues } = useImportStore.getState();
  const [imports, setImports] = useState<ImportSummary[]>([]);
  useEffect(() => {
    void loadIssues();
    api()
      .call('imports.list')
      .then((list) => setImports(list.filter((i) => i.status === 'done')), () => setImports([]));
  }, [loadIssues]);
  const rejected = query.outcome === 'rejected';
  return (
    <section className="issues-view" aria-label="Import issues">
      <div className="filters">
        <select aria-label="Show" value={asked.outcome} onChange={(e) => void setIssueQuery({ outcome: e.target.value as IssueQuery['outcome'] })}>
          <option value="rejected">Rows that could not be imported</option>
          <option value="duplicate">Rows skipped as duplicates</option>
        </select>
        <select aria-label="From import" value={asked.importId ?? ''} onChange={(e) => void setIssueQuery({ importId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">All imports</option>
          {imports.map((i) => (
            <option key={i.id} value={i.id}>
              {i.fileName} · {new Date(i.createdAt).toLocaleDateString()}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p className="form-error">{error}</p>
      ) : total === 0 ? (
        <p className="muted empty-issues">
          {rejected
            ? `No rejected rows${query.importId === null ? '. Every row of every import became a prospect or was matched to one.' : ' in this import.'}`
            : `No rows were skipped as duplicates${query.importId === null ? '.' : ' in this import.'}`}
        </p>
      ) : (
        <>
          <div className="issues-toolbar">
            <p className="muted">
              {total === 1 ? 'One row' : `${total.toLocaleString()} rows`}{' '}
              {rejected
                ? 'could not be imported. Fix a row and import it, or download them all to fix in Excel and drop the file again.'
                : total === 1
                  ? 'repeated the email of a prospect you already had or of a row above it, and was matched to that prospect.'
                  : 'repeated the email of a prospect you already had or of a row above them, and were matched to that prospect.'}
            </p>
            {rejected && (
              <button type="button" className="button secondary" onClick={() => void downloadIssues(query.importId)}>
                Download as CSV
              </button>
            )}
          </div>
          <ul className="issues">{rows.map((i) => (rejected ? <IssueRow key={i.id} issue={i} /> : <DuplicateRow key={i.id} issue={i} />))}</ul>
          <Pager offset={query.offset} asked={asked.offset} shown={rows.length} total={total} />
        </>
      )}
    </section>
  );
}

/**
 * Shows the rows on screen (from `offset`), and moves from the page last asked for (`asked`): clicked twice before
 * the next page came, Next goes two pages on.
 */
function Pager({ offset, asked, shown, total }: { offset: number; asked: number; shown: number; total: number }) {
  const { setIssueQuery } = useImportStore.getState();
  if (total <= issuesPageSize) return null;
  return (
    <nav className="pager" aria-label="Pages of import issues">
      <button type="button" className="button secondary small" disabled={asked === 0} onClick={() => void setIssueQuery({ offset: Math.max(0, asked - issuesPageSize) })}>
        Previous
      </button>
      <span className="muted" data-testid="issues-range">
        Rows {(offset + 1).toLocaleString()}–{(offset + shown).toLocaleString()} of {total.toLocaleString()}
      </span>
      <button type="button" className="button secondary small" disabled={asked + issuesPageSize >= total} onClick={() => void setIssueQuery({ offset: asked + issuesPageSize })}>
        Next
      </button>
    </nav>
  );
}

const where = (issue: ImportIssue) => `${issue.fileName}, row ${issue.rowNumber}:`;

function IssueRow({ issue }: { issue: ImportIssue }) {
  const [values, setValues] = useState(issue.raw);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { fixIssue, dismissIssue } = useImportStore.getState();
  const entries = Object.entries(values);
  const submit = async () => {
    setBusy(true);
    const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => issue.raw[k] !== v));
    const problem = await fixIssue(issue.id, changed);
    setBusy(false);
    setError(problem);
  };
  return (
    <li className="issue card" data-testid="import-issue">
      <p>
        <strong>{where(issue)}</strong> <span className="issue-reason">{issue.reason}</span>
      </p>
      <div className="issue-fields">
        {entries.map(([k, v]) => (
          <label key={k}>
            <span>{k}</span>
            <input type="text" value={v} onChange={(e) => setValues({ ...values, [k]: e.target.value })} />
          </label>
        ))}
      </div>
      <div className="form-actions">
        {error && <p className="form-error" role="alert">{error}</p>}
        <button type="button" className="button secondary" onClick={() => void dismissIssue(issue.id)}>
          Dismiss
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void submit()}>
          Import this row
        </button>
      </div>
    </li>
  );
}

/** A row skipped as a duplicate: what the file said, and the prospect it was matched to (gone if deleted since). */
function DuplicateRow({ issue }: { issue: ImportIssue }) {
  const filled = Object.entries(issue.raw).filter(([, v]) => v.trim() !== '');
  const matched = issue.prospectId;
  const openProspect = (id: number) => {
    const prospects = useProspectsStore.getState();
    prospects.setView('all');
    prospects.open(id);
  };
  return (
    <li className="issue card duplicate" data-testid="duplicate-row">
      <p>
        <strong>{where(issue)}</strong> <span className="muted">{issue.reason}</span>
      </p>
      <dl className="issue-values">
        {filled.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="form-actions">
        {matched === null ? (
          <span className="muted">The prospect it matched has since been deleted.</span>
        ) : (
          <button type="button" className="button secondary" onClick={() => openProspect(matched)}>
            Open the matched prospect
          </button>
        )}
      </div>
    </li>
  );
}

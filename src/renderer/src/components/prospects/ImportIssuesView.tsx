// Rows imports could not take: each with its reason and values, fixable in place, or downloadable as CSV to fix in Excel.
import { useEffect, useState } from 'react';
import type { ImportIssue } from '../../../../shared/contract/imports';
import { importSelectors, useImportStore } from '../../store/imports';

export function ImportIssuesView() {
  const issues = useImportStore(importSelectors.issues);
  const error = useImportStore(importSelectors.issuesError);
  const { loadIssues, downloadIssues } = useImportStore.getState();
  useEffect(() => {
    void loadIssues();
  }, [loadIssues]);
  if (error) return <p className="form-error">{error}</p>;
  if (issues.length === 0) return <p className="muted empty-issues">No rejected rows. Every row of every import became a prospect or was matched to one.</p>;
  return (
    <section aria-label="Import issues">
      <div className="issues-toolbar">
        <p className="muted">{issues.length === 1 ? 'One row' : `${issues.length.toLocaleString()} rows`} could not be imported. Fix a row and import it, or download them all to fix in Excel and drop the file again.</p>
        <button type="button" className="button secondary" onClick={() => void downloadIssues(null)}>
          Download as CSV
        </button>
      </div>
      <ul className="issues">
        {issues.slice(0, 500).map((i) => (
          <IssueRow key={i.id} issue={i} />
        ))}
      </ul>
      {issues.length > 500 && <p className="muted">Showing the first 500; download the CSV for all of them.</p>}
    </section>
  );
}

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
        <strong>
          {issue.fileName}, row {issue.rowNumber}:
        </strong>{' '}
        <span className="issue-reason">{issue.reason}</span>
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

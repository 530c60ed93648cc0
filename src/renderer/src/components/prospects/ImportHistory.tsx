// Every import Repdesk ran: file, time, tag and counts, with a link to the prospects it created.
import { useEffect, useState } from 'react';
import type { ImportSummary } from '../../../../shared/contract/imports';
import { api } from '../../api/client';
import { showImported, showImportIssues } from './showImport';

export function ImportHistory() {
  const [imports, setImports] = useState<ImportSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api().call('imports.list').then(setImports, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  if (error) return <p className="form-error">{error}</p>;
  if (!imports) return <p className="muted">Loading…</p>;
  if (imports.length === 0) return <p className="muted empty-issues">No imports yet.</p>;
  return (
    <table className="history" aria-label="Imports">
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">When</th>
          <th scope="col">Tag</th>
          <th scope="col">Rows</th>
          <th scope="col">Created</th>
          <th scope="col">Updated</th>
          <th scope="col">Duplicates</th>
          <th scope="col">Suppressed</th>
          <th scope="col">Rejected</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {imports.map((i) => (
          <tr key={i.id}>
            <td>{i.fileName}</td>
            <td>{new Date(i.createdAt).toLocaleString()}</td>
            <td>{i.tag}</td>
            {i.status === 'done' ? (
              <>
                <td>{i.counts.total.toLocaleString()}</td>
                <td>{i.counts.created.toLocaleString()}</td>
                <td>{i.counts.updated.toLocaleString()}</td>
                <td>
                  <IssuesLink count={i.counts.duplicates} onClick={() => showImportIssues(i.id, 'duplicate')} label={`Rows of ${i.fileName} skipped as duplicates`} />
                </td>
                <td>{i.counts.suppressed.toLocaleString()}</td>
                <td>
                  <IssuesLink count={i.counts.rejected} onClick={() => showImportIssues(i.id, 'rejected')} label={`Rejected rows of ${i.fileName}`} />
                  {i.openIssues ? ` (${i.openIssues.toLocaleString()} open)` : ''}
                </td>
                <td>
                  <button type="button" className="link-button" onClick={() => showImported(i.id)}>
                    Show prospects
                  </button>
                </td>
              </>
            ) : (
              <td colSpan={7} className="muted">
                {i.status === 'running' ? 'Running…' : i.status === 'cancelled' ? 'Cancelled: nothing was saved' : (i.failure ?? 'Failed')}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A count that opens the rows it counts under Import issues; a plain zero otherwise. */
function IssuesLink({ count, onClick, label }: { count: number; onClick: () => void; label: string }) {
  if (count === 0) return <>0</>;
  return (
    <button type="button" className="link-button" onClick={onClick} aria-label={label}>
      {count.toLocaleString()}
    </button>
  );
}

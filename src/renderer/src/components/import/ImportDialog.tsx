// The import dialog, over any screen: upload progress, the mapping step, import progress, then the summary.
import type { ImportCounts } from '../../../../shared/contract/imports';
import { importSelectors, useImportStore } from '../../store/imports';
import { useProspectsStore } from '../../store/prospects';
import { MappingStep } from './MappingStep';
import { Modal } from './Modal';
import { ProgressBar } from './ProgressBar';

export function ImportDialog() {
  const phase = useImportStore(importSelectors.phase);
  const fileName = useImportStore(importSelectors.fileName);
  if (phase === 'closed') return null;
  const close = () => void useImportStore.getState().close();
  return (
    <Modal title={`Import ${fileName ?? 'prospects'}`} onClose={phase === 'running' ? null : close} wide={phase === 'mapping'}>
      {phase === 'uploading' && <Uploading />}
      {phase === 'mapping' && <MappingStep />}
      {phase === 'running' && <Running />}
      {phase === 'finished' && <Finished />}
      {phase === 'error' && <Failed />}
    </Modal>
  );
}

function Uploading() {
  const uploaded = useImportStore(importSelectors.uploaded);
  const size = useImportStore(importSelectors.size);
  return (
    <div className="import-step">
      <p>Reading the file… {mb(uploaded)} of {mb(size)}</p>
      <ProgressBar value={uploaded} max={size} label="Reading the file" />
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={() => void useImportStore.getState().close()}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function Running() {
  const progress = useImportStore(importSelectors.progress);
  const counts = progress?.counts;
  return (
    <div className="import-step" data-testid="import-running">
      <p>Importing… {counts ? `${counts.total.toLocaleString()} rows read` : 'starting'}</p>
      <ProgressBar value={Math.round((progress?.fraction ?? 0) * 1000)} max={progress?.fraction == null ? null : 1000} label="Importing" />
      {counts && <CountList counts={counts} />}
      <p className="hint">Nothing is saved until the import finishes; cancelling leaves your prospects as they were.</p>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={() => void useImportStore.getState().cancel()}>
          Cancel import
        </button>
      </div>
    </div>
  );
}

function Finished() {
  const summary = useImportStore(importSelectors.summary);
  const progress = useImportStore(importSelectors.progress);
  if (!summary) return null;
  const cancelled = summary.status === 'cancelled';
  const failed = summary.status === 'failed';
  const showProspects = () => {
    useProspectsStore.getState().setView('all');
    useProspectsStore.getState().setQuery({ search: '', tagId: null, status: null, timeZone: null, importId: summary.id });
    window.location.hash = '#/prospects';
    void useImportStore.getState().close();
  };
  const showIssues = () => {
    useProspectsStore.getState().setView('issues');
    window.location.hash = '#/prospects';
    void useImportStore.getState().close();
  };
  return (
    <div className="import-step" data-testid="import-summary">
      {cancelled && <p>The import was cancelled. No prospects were added or changed.</p>}
      {failed && <p className="form-error">{summary.failure ?? progress?.failure}</p>}
      {!cancelled && !failed && (
        <>
          <p>
            <strong>Import finished.</strong> {summary.counts.total.toLocaleString()} rows read from {summary.fileName}
            {summary.tag ? `, tagged “${summary.tag}”` : ''}.
          </p>
          <CountList counts={summary.counts} />
        </>
      )}
      <div className="form-actions">
        {summary.counts.rejected > 0 && !cancelled && (
          <button type="button" className="button secondary" onClick={showIssues}>
            Review {summary.counts.rejected.toLocaleString()} rejected rows
          </button>
        )}
        {!cancelled && !failed ? (
          <button type="button" className="button" onClick={showProspects}>
            Show these prospects
          </button>
        ) : (
          <button type="button" className="button" onClick={() => void useImportStore.getState().close()}>
            Close
          </button>
        )}
      </div>
    </div>
  );
}

function Failed() {
  const error = useImportStore(importSelectors.error);
  return (
    <div className="import-step">
      <p className="form-error" role="alert">
        {error}
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void useImportStore.getState().close()}>
          Close
        </button>
      </div>
    </div>
  );
}

export function CountList({ counts }: { counts: ImportCounts }) {
  const items: [string, number, string][] = [
    ['Created', counts.created, 'count-created'],
    ['Updated', counts.updated, 'count-updated'],
    ['Skipped as duplicates', counts.duplicates, 'count-duplicates'],
    ['Suppressed (imported, never enrolled)', counts.suppressed, 'count-suppressed'],
    ['Rejected (kept in Import issues)', counts.rejected, 'count-rejected'],
  ];
  return (
    <dl className="count-list">
      {items.map(([label, n, id]) => (
        <div key={id} data-testid={id}>
          <dt>{label}</dt>
          <dd>{n.toLocaleString()}</dd>
        </div>
      ))}
      {counts.blank > 0 && (
        <div>
          <dt>Blank rows ignored</dt>
          <dd>{counts.blank.toLocaleString()}</dd>
        </div>
      )}
    </dl>
  );
}

const mb = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

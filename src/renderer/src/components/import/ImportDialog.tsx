// The import dialog, over any screen: upload progress, the mapping step, import progress, then the summary.
import { useState } from 'react';
import type { ImportCounts, ImportSummary } from '../../../../shared/contract/imports';
import { api } from '../../api/client';
import { importSelectors, useImportStore } from '../../store/imports';
import { showImported, showImportIssues } from '../prospects/showImport';
import { MappingStep } from './MappingStep';
import { EnrollDialog } from '../sequences/EnrollDialog';
import { Modal } from './Modal';
import { ProgressBar } from './ProgressBar';

/** The prospects offered for enrollment at the end of an import, and its suppressed ones (refused with the reason). */
interface Enrolling {
  summary: ImportSummary;
  enrollable: number[];
  suppressed: number[];
}

export function ImportDialog() {
  const phase = useImportStore(importSelectors.phase);
  const fileName = useImportStore(importSelectors.fileName);
  const [enrolling, setEnrolling] = useState<Enrolling | null>(null);
  if (phase === 'closed') return null;
  const close = () => void useImportStore.getState().close();
  // The enroll dialog takes the summary's place while it is open.
  if (enrolling) {
    const { summary, enrollable, suppressed } = enrolling;
    return (
      <EnrollDialog
        prospectIds={[...enrollable, ...suppressed]}
        count={enrollable.length}
        description={`from ${summary.fileName}`}
        note={
          suppressed.length
            ? `${suppressed.length.toLocaleString()} suppressed prospect${suppressed.length === 1 ? '' : 's'} from this file will be refused with the reason.`
            : undefined
        }
        onClose={(enrolled) => {
          setEnrolling(null);
          // Nothing enrolled (cancelled, or all refused): back to the summary; otherwise list who was imported.
          if (enrolled === 0) return;
          showImported(summary.id);
          close();
        }}
      />
    );
  }
  return (
    <Modal title={`Import ${fileName ?? 'prospects'}`} onClose={phase === 'running' ? null : close} wide={phase === 'mapping'}>
      {phase === 'uploading' && <Uploading />}
      {phase === 'mapping' && <MappingStep />}
      {phase === 'running' && <Running />}
      {phase === 'finished' && <Finished onEnroll={setEnrolling} />}
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
  if (progress?.saving && counts) {
    // The last step merges into prospects the rep already had and finishes the indexes: it cannot be cancelled.
    return (
      <div className="import-step" data-testid="import-saving" aria-live="polite">
        <p>Every row is read. Saving {(counts.created + counts.updated + counts.suppressed).toLocaleString()} prospects…</p>
        <ProgressBar value={Math.round((progress.fraction ?? 0) * 1000)} max={progress.fraction ? 1000 : null} label="Saving" />
        <CountList counts={counts} />
        <p className="hint">This last step cannot be cancelled: it updates the prospects you already had and finishes sorting the list.</p>
      </div>
    );
  }
  return (
    <div className="import-step" data-testid="import-running">
      <p>Importing… {counts ? `${counts.total.toLocaleString()} rows read` : 'starting'}</p>
      <ProgressBar value={Math.round((progress?.fraction ?? 0) * 1000)} max={progress?.fraction == null ? null : 1000} label="Importing" />
      {counts && <CountList counts={counts} />}
      <p className="hint">New prospects appear in your list as the rows are read. Cancelling takes them out again; prospects you already had change only at the very end.</p>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={() => void useImportStore.getState().cancel()}>
          Cancel import
        </button>
      </div>
    </div>
  );
}

function Finished({ onEnroll }: { onEnroll(e: Enrolling): void }) {
  const summary = useImportStore(importSelectors.summary);
  const progress = useImportStore(importSelectors.progress);
  const [enrollError, setEnrollError] = useState<string | null>(null);
  if (!summary) return null;
  const cancelled = summary.status === 'cancelled';
  const failed = summary.status === 'failed';
  const offered = summary.counts.created + summary.counts.updated;
  const showProspects = () => {
    showImported(summary.id);
    void useImportStore.getState().close();
  };
  const enroll = async () => {
    setEnrollError(null);
    try {
      const who = await api().call('imports.prospects', { importId: summary.id });
      onEnroll({ summary, ...who });
    } catch (err) {
      setEnrollError(err instanceof Error ? err.message : String(err));
    }
  };
  // This import's rows that did not become new prospects, under Prospects > Import issues.
  const showIssues = (outcome: 'rejected' | 'duplicate') => {
    void useImportStore.getState().close();
    showImportIssues(summary.id, outcome);
  };
  const { rejected, duplicates } = summary.counts;
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
          {(rejected > 0 || duplicates > 0) && (
            <p className="review-links">
              {rejected > 0 && (
                <button type="button" className="link-button" onClick={() => showIssues('rejected')}>
                  Review {rejected === 1 ? 'the rejected row' : `${rejected.toLocaleString()} rejected rows`}
                </button>
              )}
              {duplicates > 0 && (
                <button type="button" className="link-button" onClick={() => showIssues('duplicate')}>
                  See {duplicates === 1 ? 'the row' : `the ${duplicates.toLocaleString()} rows`} skipped as {duplicates === 1 ? 'a duplicate' : 'duplicates'}
                </button>
              )}
            </p>
          )}
        </>
      )}
      {enrollError && (
        <p className="form-error" role="alert">
          {enrollError}
        </p>
      )}
      <div className="form-actions">
        {!cancelled && !failed ? (
          <>
            {offered > 0 && (
              <button type="button" className="button secondary" onClick={() => void enroll()}>
                {offered === 1 ? 'Enroll this prospect in a sequence…' : `Enroll these ${offered.toLocaleString()} prospects in a sequence…`}
              </button>
            )}
            <button type="button" className="button" onClick={showProspects}>
              Show these prospects
            </button>
          </>
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

// Prospects: everyone the rep can reach, imported from spreadsheets; search, filter, select, edit, delete, export.
import { useEffect, useState } from 'react';
import { EmptyState } from '../components/EmptyState';
import { ImportButton } from '../components/import/ImportButton';
import { ImportHistory } from '../components/prospects/ImportHistory';
import { ImportIssuesView } from '../components/prospects/ImportIssuesView';
import { ProspectDetail } from '../components/prospects/ProspectDetail';
import { ProspectFilters } from '../components/prospects/ProspectFilters';
import { ProspectTable } from '../components/prospects/ProspectTable';
import { ScreenHeader } from '../components/ScreenHeader';
import { EnrollDialog, type EnrollDialogProps } from '../components/sequences/EnrollDialog';
import { useAppStore } from '../store/app';
import { appSelectors } from '../store/app/selectors';
import { importSelectors, useImportStore } from '../store/imports';
import { useProspectsStore } from '../store/prospects';
import { prospectsSelectors } from '../store/prospects/selectors';

export function ProspectsScreen() {
  const view = useProspectsStore(prospectsSelectors.view);
  const total = useProspectsStore(prospectsSelectors.total);
  const filtered = useProspectsStore(prospectsSelectors.filtered);
  const openId = useProspectsStore(prospectsSelectors.openId);
  const error = useProspectsStore(prospectsSelectors.error);
  const counts = useAppStore(appSelectors.counts);
  const openRejected = useImportStore(importSelectors.openRejected);
  const { reload, setView } = useProspectsStore.getState();
  useEffect(() => {
    void reload();
    void useImportStore.getState().loadIssues();
    // A rep here may well import: the import's workers get ready meanwhile.
    useImportStore.getState().ready();
  }, [reload]);

  const nobody = counts.prospects === 0 && total === 0 && !filtered;
  return (
    <div className={`prospects-screen${openId ? ' with-detail' : ''}`}>
      <div className="prospects-main">
        <ScreenHeader title="Prospects" subtitle="People you can enroll in sequences" actions={<ImportButton />} />
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={view === 'all'} className="tab" onClick={() => setView('all')}>
            All prospects
          </button>
          <button type="button" role="tab" aria-selected={view === 'issues'} className="tab" onClick={() => setView('issues')}>
            Import issues{openRejected ? ` (${openRejected.toLocaleString()})` : ''}
          </button>
          <button type="button" role="tab" aria-selected={view === 'imports'} className="tab" onClick={() => setView('imports')}>
            Imports
          </button>
        </div>
        {view === 'imports' ? (
          <ImportHistory />
        ) : view === 'issues' ? (
          <ImportIssuesView />
        ) : nobody ? (
          <EmptyState icon="prospects" title="No prospects yet">
            <p>Drop a spreadsheet anywhere on this window (CSV, TSV, TXT or Excel .xlsx), or pick one. Every row is kept: created, matched to an existing prospect, or listed under Import issues with its reason.</p>
            <ImportButton label="Choose a spreadsheet" />
          </EmptyState>
        ) : (
          <>
            <ProspectFilters />
            <SelectionBar />
            {error && <p className="form-error" role="alert">{error}</p>}
            <ProspectTable />
          </>
        )}
      </div>
      {openId !== null && view === 'all' && <ProspectDetail key={openId} id={openId} />}
    </div>
  );
}

/** What the Enroll dialog acts on: the ticked prospects, or everyone the current filter lists. */
function enrollTarget(everyone: boolean): Pick<EnrollDialogProps, 'prospectIds' | 'filter' | 'count' | 'description'> {
  const { selected, query, total } = useProspectsStore.getState();
  if (!everyone) return { prospectIds: selected };
  const { search, tagId, importId, status, timeZone } = query;
  const filtered = prospectsSelectors.filtered(useProspectsStore.getState());
  return { filter: { search, tagId, importId, status, timeZone }, count: total ?? 0, description: filtered ? 'matching the filter' : '' };
}

function SelectionBar() {
  const total = useProspectsStore(prospectsSelectors.total);
  const selectedCount = useProspectsStore(prospectsSelectors.selectedCount);
  const filtered = useProspectsStore(prospectsSelectors.filtered);
  const [enrolling, setEnrolling] = useState<ReturnType<typeof enrollTarget> | null>(null);
  const { selectAllMatching, clearSelection, deleteSelected, exportView } = useProspectsStore.getState();
  const toast = useAppStore.getState().pushToast;
  const del = async () => {
    if (!window.confirm(`Delete ${selectedCount.toLocaleString()} prospects and everything Repdesk holds about them? This cannot be undone.`)) return;
    try {
      const n = await deleteSelected();
      toast({ title: 'Prospects deleted', body: `${n.toLocaleString()} prospects and all their data were deleted.`, tone: 'info' });
    } catch (err) {
      toast({ title: 'Nothing was deleted', body: err instanceof Error ? err.message : String(err), tone: 'error' });
    }
  };
  const exp = async () => {
    const n = await exportView();
    toast({ title: 'Export ready', body: `${n.toLocaleString()} prospects saved as CSV.`, tone: 'info' });
  };
  return (
    <div className="selection-bar">
      <span className="muted" data-testid="prospect-total">
        {total === null ? 'Loading…' : `${total.toLocaleString()} prospect${total === 1 ? '' : 's'}`}
        {selectedCount > 0 && ` · ${selectedCount.toLocaleString()} selected`}
      </span>
      {selectedCount > 0 ? (
        <>
          <button type="button" className="button small" onClick={() => setEnrolling(enrollTarget(false))}>
            Enroll {selectedCount.toLocaleString()} in a sequence…
          </button>
          <button type="button" className="button secondary small" onClick={clearSelection}>
            Clear selection
          </button>
          <button type="button" className="button danger small" onClick={() => void del()}>
            Delete selected
          </button>
        </>
      ) : (
        total !== null &&
        total > 0 && (
          <>
            <button type="button" className="button small" onClick={() => setEnrolling(enrollTarget(true))}>
              Enroll all{' '}
              {total.toLocaleString()}
              {filtered ? ' matching' : ''} in a sequence…
            </button>
            <button type="button" className="button secondary small" onClick={() => void selectAllMatching()}>
              Select all {total.toLocaleString()}
            </button>
          </>
        )
      )}
      <button type="button" className="button secondary small" onClick={() => void exp()} disabled={!total}>
        Export view as CSV
      </button>
      {enrolling && (
        <EnrollDialog
          {...enrolling}
          onClose={(enrolled) => {
            setEnrolling(null);
            if (enrolled > 0) {
              useProspectsStore.getState().clearSelection();
              void useProspectsStore.getState().reload();
            }
          }}
        />
      )}
    </div>
  );
}

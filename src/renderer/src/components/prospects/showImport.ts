// Where the import dialog and the list of imports take the rep: the prospects an import created, or its issue rows.
import { useImportStore } from '../../store/imports';
import { useProspectsStore } from '../../store/prospects';

/** The Prospects screen, filtered to the prospects one import created. */
export function showImported(importId: number): void {
  useProspectsStore.getState().setView('all');
  useProspectsStore.getState().setQuery({ search: '', tagId: null, status: null, timeZone: null, importId });
  window.location.hash = '#/prospects';
}

/** Prospects > Import issues, on one import's rejected rows or the rows it skipped as duplicates. */
export function showImportIssues(importId: number, outcome: 'rejected' | 'duplicate'): void {
  useProspectsStore.getState().setView('issues');
  window.location.hash = '#/prospects';
  void useImportStore.getState().setIssueQuery({ importId, outcome });
}

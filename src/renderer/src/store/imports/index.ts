// The import dialog's store: upload the file in chunks, map columns, run with progress, show the summary; plus the issues list.
import { create } from 'zustand';
import { fillsFromSeveralColumns, type ColumnTarget } from '../../../../shared/import/headerMapping';
import type { DuplicatePolicy, ImportPreview, ImportProgress, ImportSummary, IssuePage } from '../../../../shared/contract/imports';
import { issuesPageSize, uploadChunkBytes } from '../../../../shared/contract/imports';
import { api, ApiCallError } from '../../api/client';
import { downloadText } from '../../lib/download';

export type ImportPhase = 'closed' | 'uploading' | 'mapping' | 'running' | 'finished' | 'error';

export interface ImportState {
  phase: ImportPhase;
  fileName: string | null;
  uploaded: number;
  size: number;
  preview: ImportPreview | null;
  mapping: ColumnTarget[];
  tag: string;
  policy: DuplicatePolicy;
  progress: ImportProgress | null;
  summary: ImportSummary | null;
  error: string | null;
  /** Import was clicked and the import has not begun yet (a big workbook sheet may still be parsing). */
  starting: boolean;
  /** How far the whole parse of a very big workbook sheet has got, 0 to 1; null while nothing says. */
  sheetRead: number | null;
  /**
   * The Import issues tab: which rows the rep asked for, the page shown (with the question it answers, which lags the
   * asking while the page loads), and how many rejected rows wait in all.
   */
  issueQuery: IssueQuery;
  issues: ShownIssues;
  openRejected: number;
  issuesError: string | null;
}

export interface IssueQuery {
  outcome: 'rejected' | 'duplicate';
  importId: number | null;
  offset: number;
}

export type ShownIssues = IssuePage & { query: IssueQuery };

const firstIssues: IssueQuery = { outcome: 'rejected', importId: null, offset: 0 };

export interface ImportActions {
  /** An import may come soon (the Prospects screen is open, a file is dragged over the window): its workers get ready. */
  ready(): void;
  startFile(file: File): Promise<void>;
  chooseSheet(sheet: string): Promise<void>;
  setTarget(column: number, target: ColumnTarget): void;
  setTag(tag: string): void;
  setPolicy(policy: DuplicatePolicy): void;
  run(): Promise<void>;
  cancel(): Promise<void>;
  close(): Promise<void>;
  progressed(p: ImportProgress): void;
  sheetProgress(p: { importId: number; fraction: number }): void;
  loadIssues(): Promise<void>;
  /** Shows other rows (another outcome or import: from the first page) or another page of the same. */
  setIssueQuery(change: Partial<IssueQuery>): Promise<void>;
  fixIssue(issueId: number, values: Record<string, string>): Promise<string | null>;
  dismissIssue(issueId: number): Promise<void>;
  downloadIssues(importId: number | null): Promise<void>;
}

export type ImportStore = ImportState & ImportActions;

const closed: ImportState = {
  phase: 'closed', fileName: null, uploaded: 0, size: 0, preview: null, mapping: [], tag: '', policy: 'skip', progress: null, summary: null, error: null, starting: false, sheetRead: null,
  issueQuery: firstIssues, issues: { rows: [], total: 0, query: firstIssues }, openRejected: 0, issuesError: null,
};

/** The issues list outlives the import dialog: closing or starting an import keeps it. */
const issuesOf = (s: ImportState) => ({ issueQuery: s.issueQuery, issues: s.issues, openRejected: s.openRejected, issuesError: s.issuesError });

/** What went wrong, for the rep: where the request itself was refused, what was wrong with it (a file too big...). */
const message = (err: unknown) =>
  err instanceof ApiCallError && err.error.issues?.length ? err.error.issues.map((i) => i.message).join(' ') : err instanceof Error ? err.message : String(err);
let cancelUpload = false;

export const useImportStore = create<ImportStore>()((set, get) => ({
  ...closed,
  ready() {
    // Only a head start: nothing waits on it, and a failure changes nothing the rep sees.
    void api().call('imports.ready').catch(() => undefined);
  },
  async startFile(file) {
    if (get().phase === 'running') {
      set({ error: 'An import is already running. Wait for it to finish before dropping another file.' });
      return;
    }
    cancelUpload = false;
    set({ ...closed, ...issuesOf(get()), phase: 'uploading', fileName: file.name, size: file.size, tag: file.name.replace(/\.[^.]+$/, '') });
    try {
      const { importId } = await api().call('imports.create', { fileName: file.name, size: file.size });
      // The file travels once, in order, a few MB at a time: a huge export never sits in one message.
      for (let offset = 0; offset < file.size; offset += uploadChunkBytes) {
        if (cancelUpload) {
          await api().call('imports.discard', { importId });
          return;
        }
        const bytes = new Uint8Array(await file.slice(offset, offset + uploadChunkBytes).arrayBuffer());
        const { received } = await api().call('imports.append', { importId, offset, bytes });
        set({ uploaded: received });
      }
      const preview = await api().call('imports.preview', { importId });
      set({ phase: 'mapping', preview, mapping: preview.suggested });
    } catch (err) {
      set({ phase: 'error', error: message(err) });
    }
  },
  async chooseSheet(sheet) {
    const preview = get().preview;
    if (!preview) return;
    try {
      const next = await api().call('imports.preview', { importId: preview.importId, sheet });
      set({ preview: next, mapping: next.suggested, error: null, sheetRead: null });
    } catch (err) {
      set({ error: message(err) });
    }
  },
  setTarget(column, target) {
    const mapping = [...get().mapping];
    // A standard field belongs to one column (but the phone, see fillsFromSeveralColumns): choosing it here frees it
    // elsewhere (kept as a custom field).
    if (target.kind === 'field' && !fillsFromSeveralColumns(target.field)) {
      mapping.forEach((t, i) => {
        if (i !== column && t.kind === 'field' && t.field === target.field) mapping[i] = { kind: 'custom', name: get().preview?.headers[i] ?? `Column ${i + 1}` };
      });
    }
    mapping[column] = target;
    set({ mapping, error: null });
  },
  setTag: (tag) => set({ tag }),
  setPolicy: (policy) => set({ policy }),
  async run() {
    const { preview, mapping, tag, policy } = get();
    if (!preview || get().starting) return;
    set({ error: null, starting: true });
    try {
      const summary = await api().call('imports.start', { importId: preview.importId, sheet: preview.sheet, mapping, tag: tag.trim() || null, duplicatePolicy: policy });
      set({ phase: get().phase === 'finished' ? 'finished' : 'running', summary: get().summary ?? summary, starting: false });
    } catch (err) {
      // Cancelled while starting, the dialog has closed meanwhile: nothing to say.
      if (get().preview?.importId !== preview.importId) return;
      set({ error: err instanceof ApiCallError ? err.message : message(err), starting: false });
    }
  },
  async cancel() {
    const { phase, preview } = get();
    if (phase === 'uploading') cancelUpload = true;
    if (phase === 'running' && preview) await api().call('imports.cancel', { importId: preview.importId });
  },
  async close() {
    const { phase, preview, starting } = get();
    if (phase === 'running') return;
    // Import was clicked and is waiting for a big sheet to be read: it never begins, and the read stops with the file.
    if (starting && preview) {
      await api().call('imports.cancel', { importId: preview.importId });
      // It began just before the cancel reached it: its own cancellation runs, and the dialog shows how it ends.
      if (get().phase === 'running') return;
    }
    if (phase === 'uploading') cancelUpload = true;
    if (phase === 'mapping' && preview) await api().call('imports.discard', { importId: preview.importId }).catch(() => undefined);
    set({ ...closed, ...issuesOf(get()) });
  },
  sheetProgress({ importId, fraction }) {
    if (get().preview?.importId === importId) set({ sheetRead: fraction });
  },
  progressed(p) {
    const { preview, phase } = get();
    if (!preview || p.importId !== preview.importId) return;
    if (p.status === 'running') {
      if (phase === 'mapping' || phase === 'running') set({ phase: 'running', progress: p });
      return;
    }
    set({ progress: p });
    void api()
      .call('imports.get', { importId: p.importId })
      .then((summary) => set({ phase: 'finished', summary }))
      .catch((err: unknown) => set({ phase: 'error', error: message(err) }));
  },
  async loadIssues() {
    const asked = get().issueQuery;
    try {
      let query = asked;
      let page = await api().call('imports.issues', { ...query, limit: issuesPageSize });
      // The last rows of the last page were fixed or dismissed: show the page before.
      if (page.rows.length === 0 && query.offset > 0) {
        query = { ...query, offset: Math.max(0, Math.floor((page.total - 1) / issuesPageSize) * issuesPageSize) };
        page = await api().call('imports.issues', { ...query, limit: issuesPageSize });
      }
      const everyRejected = query.outcome === 'rejected' && query.importId === null;
      const openRejected = everyRejected ? page.total : (await api().call('imports.issues', { importId: null, outcome: 'rejected', limit: 1 })).total;
      // The rep asked for other rows meanwhile: the answer to that question is the one to show.
      if (get().issueQuery !== asked) return;
      set({ issueQuery: query, issues: { ...page, query }, openRejected, issuesError: null });
    } catch (err) {
      set({ issuesError: message(err) });
    }
  },
  async setIssueQuery(change) {
    const current = get().issueQuery;
    const offset = change.offset ?? (change.outcome === undefined && change.importId === undefined ? current.offset : 0);
    set({ issueQuery: { ...current, ...change, offset } });
    await get().loadIssues();
  },
  async fixIssue(issueId, values) {
    try {
      await api().call('imports.fixIssue', { issueId, values });
      await get().loadIssues();
      return null;
    } catch (err) {
      await get().loadIssues();
      return message(err);
    }
  },
  async dismissIssue(issueId) {
    await api().call('imports.dismissIssue', { issueId });
    await get().loadIssues();
  },
  async downloadIssues(importId) {
    const out = await api().call('imports.issuesCsv', { importId });
    downloadText(out.fileName, out.csv, 'text/csv');
  },
}));

export const importSelectors = {
  phase: (s: ImportStore) => s.phase,
  fileName: (s: ImportStore) => s.fileName,
  uploaded: (s: ImportStore) => s.uploaded,
  size: (s: ImportStore) => s.size,
  preview: (s: ImportStore) => s.preview,
  mapping: (s: ImportStore) => s.mapping,
  tag: (s: ImportStore) => s.tag,
  policy: (s: ImportStore) => s.policy,
  progress: (s: ImportStore) => s.progress,
  summary: (s: ImportStore) => s.summary,
  error: (s: ImportStore) => s.error,
  starting: (s: ImportStore) => s.starting,
  sheetRead: (s: ImportStore) => s.sheetRead,
  issueQuery: (s: ImportStore) => s.issueQuery,
  issues: (s: ImportStore) => s.issues,
  openRejected: (s: ImportStore) => s.openRejected,
  issuesError: (s: ImportStore) => s.issuesError,
};

// The import dialog's store against a fake transport: the file travels once in order, mapping edits, progress to summary.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/shared/contract';
import { createClient, setClient } from '../../src/renderer/src/api/client';
import type { Transport } from '../../src/renderer/src/api/transport';
import { useImportStore } from '../../src/renderer/src/store/imports';

let calls: [string, Record<string, unknown>][];
let openRejected = 250;
/** Milliseconds the fake takes to answer for the rows skipped as duplicates (0: at once). */
let duplicatesDelay = 0;
/** Set while imports.start waits for a big sheet: imports.cancel ends that wait, as the service does. */
let endStart: (() => void) | null = null;
let startWaits = false;
const counts = { total: 2, created: 2, updated: 0, duplicates: 0, suppressed: 0, rejected: 0, blank: 0 };
const summary = { id: 7, fileName: 'a.csv', fileSize: 10, sheet: null, tag: 'a', duplicatePolicy: 'skip', status: 'done', failure: null, counts, openIssues: 0, createdAt: 1, finishedAt: 2 };

function fakeTransport(): Transport {
  let received = 0;
  return {
    kind: 'http',
    async call(method, request): Promise<ApiResult<unknown>> {
      const r = request as Record<string, unknown>;
      calls.push([method, r]);
      if (method === 'imports.create' && r.fileName === 'refused.csv') {
        const issues = [{ path: 'size', message: 'Repdesk imports files of up to 1 GB.' }];
        return { ok: false, error: { code: 'invalid_request', message: 'The request to imports.create was not valid; nothing was changed.', issues } };
      }
      if (method === 'imports.create') return { ok: true, value: { importId: 7 } };
      if (method === 'imports.append') {
        received += (r.bytes as Uint8Array).byteLength;
        return { ok: true, value: { received } };
      }
      if (method === 'imports.preview') {
        return {
          ok: true,
          value: {
            importId: 7, fileName: 'a.csv', kind: 'delimited', encoding: 'utf-8', delimiter: ',', sheets: [], sheet: null, hasHeader: true, headerRowNumber: 1,
            headers: ['Email', 'Other'], rows: [['a@x.com', 'b@x.com']], suggested: [{ kind: 'field', field: 'email' }, { kind: 'custom', name: 'Other' }],
          },
        };
      }
      if (method === 'imports.start' && startWaits) {
        await new Promise<void>((done) => (endStart = done));
        return { ok: false, error: { code: 'conflict', message: 'The import was cancelled before it began; nothing was imported.' } };
      }
      if (method === 'imports.start') return { ok: true, value: { ...summary, status: 'running' } };
      if (method === 'imports.cancel') {
        endStart?.();
        return { ok: true, value: { cancelled: endStart !== null } };
      }
      if (method === 'imports.discard') return { ok: true, value: { discarded: true } };
      if (method === 'imports.get') return { ok: true, value: summary };
      if (method === 'imports.issues') {
        // 250 open rejected rows in all, 3 duplicates; a page is whatever of them lies at the offset asked.
        if (r.outcome === 'duplicate' && duplicatesDelay) await new Promise((done) => setTimeout(done, duplicatesDelay));
        const total = r.outcome === 'rejected' ? openRejected : 3;
        const offset = (r.offset as number | undefined) ?? 0;
        const count = Math.max(0, Math.min((r.limit as number | undefined) ?? 100, total - offset));
        const rows = Array.from({ length: count }, (_, i) => ({ id: offset + i + 1, importId: 7, fileName: 'a.csv', rowNumber: offset + i + 2, outcome: r.outcome, reason: 'x', raw: {}, prospectId: null, resolvedAt: null }));
        return { ok: true, value: { rows, total } };
      }
      return { ok: false, error: { code: 'unknown_method', message: method } };
    },
    subscribe: () => () => {},
  };
}

beforeEach(() => {
  calls = [];
  openRejected = 250;
  duplicatesDelay = 0;
  endStart = null;
  startWaits = false;
  useImportStore.setState({ phase: 'closed', preview: null, mapping: [], summary: null, progress: null, error: null });
  setClient(createClient(fakeTransport()));
});

describe('import store', () => {
  it('uploads the file in order, lets the rep move the email field, starts, and follows progress to the summary', async () => {
    const file = new File(['Email,Other\na@x.com,b@x.com'], 'a.csv');
    await useImportStore.getState().startFile(file);
    expect(calls.map((c) => c[0])).toEqual(['imports.create', 'imports.append', 'imports.preview']);
    expect(calls[1]![1]).toMatchObject({ importId: 7, offset: 0 });
    expect(useImportStore.getState()).toMatchObject({ phase: 'mapping', tag: 'a', uploaded: file.size });

    useImportStore.getState().setTarget(1, { kind: 'field', field: 'email' });
    expect(useImportStore.getState().mapping).toEqual([{ kind: 'custom', name: 'Email' }, { kind: 'field', field: 'email' }]);
    // Several columns can hold the phone: choosing it for one keeps it on the other.
    useImportStore.getState().setTarget(0, { kind: 'field', field: 'phone' });
    useImportStore.getState().setTarget(1, { kind: 'field', field: 'phone' });
    expect(useImportStore.getState().mapping).toEqual([{ kind: 'field', field: 'phone' }, { kind: 'field', field: 'phone' }]);
    useImportStore.getState().setTarget(0, { kind: 'custom', name: 'Email' });
    useImportStore.getState().setTarget(1, { kind: 'field', field: 'email' });

    // How far a big sheet has been read, for this upload only.
    useImportStore.getState().sheetProgress({ importId: 8, fraction: 0.9 });
    expect(useImportStore.getState().sheetRead).toBe(null);
    useImportStore.getState().sheetProgress({ importId: 7, fraction: 0.4 });
    expect(useImportStore.getState().sheetRead).toBe(0.4);

    // A second click while the import starts (a workbook's sheet may still be parsing) starts nothing more.
    await Promise.all([useImportStore.getState().run(), useImportStore.getState().run()]);
    expect(calls.filter((c) => c[0] === 'imports.start')).toHaveLength(1);
    expect(useImportStore.getState().starting).toBe(false);
    expect(calls.at(-1)).toEqual(['imports.start', { importId: 7, sheet: null, mapping: useImportStore.getState().mapping, tag: 'a', duplicatePolicy: 'skip' }]);
    useImportStore.getState().progressed({ importId: 7, status: 'running', processed: 1, counts, failure: null, fraction: 0.5, saving: false });
    expect(useImportStore.getState()).toMatchObject({ phase: 'running', progress: { saving: false } });
    useImportStore.getState().progressed({ importId: 7, status: 'running', processed: 2, counts, failure: null, fraction: 1, saving: true });
    expect(useImportStore.getState()).toMatchObject({ phase: 'running', progress: { saving: true } });
    useImportStore.getState().progressed({ importId: 7, status: 'done', processed: 2, counts, failure: null, fraction: null, saving: false });
    await new Promise((r) => setTimeout(r, 0));
    expect(useImportStore.getState()).toMatchObject({ phase: 'finished', summary: { status: 'done' } });
  });

  it('says what was wrong with a file the request refused, not only that it was refused', async () => {
    await useImportStore.getState().startFile(new File(['Email\na@x.com'], 'refused.csv'));
    expect(useImportStore.getState()).toMatchObject({ phase: 'error', error: 'Repdesk imports files of up to 1 GB.' });
  });

  it('cancels an import still waiting for its sheet to be read: it never begins, and the file is let go', async () => {
    startWaits = true;
    await useImportStore.getState().startFile(new File(['Email\na@x.com'], 'a.csv'));
    const running = useImportStore.getState().run();
    await new Promise((r) => setTimeout(r, 0));
    expect(useImportStore.getState().starting).toBe(true);
    await useImportStore.getState().close();
    await running;
    expect(calls.map((c) => c[0]).slice(-3)).toEqual(['imports.start', 'imports.cancel', 'imports.discard']);
    expect(useImportStore.getState()).toMatchObject({ phase: 'closed', starting: false, error: null });
  });

  it('pages through import issues, keeps the count of rejected rows for the tab, and steps back when a last page empties', async () => {
    const store = useImportStore.getState();
    await store.setIssueQuery({ outcome: 'rejected', importId: null, offset: 0 });
    expect(useImportStore.getState()).toMatchObject({ openRejected: 250, issues: { total: 250 } });
    await store.setIssueQuery({ offset: 200 });
    expect(useImportStore.getState().issues.rows.map((r) => r.rowNumber).slice(0, 2)).toEqual([202, 203]);
    // The rep fixes the last 50 elsewhere: the page at 200 is now empty, so the one before it is shown.
    openRejected = 200;
    await store.loadIssues();
    expect(useImportStore.getState()).toMatchObject({ issueQuery: { offset: 100 }, issues: { total: 200 } });
    expect(useImportStore.getState().issues.rows).toHaveLength(100);
    // Another outcome starts from its first page; the tab still counts the open rejected rows.
    await store.setIssueQuery({ outcome: 'duplicate' });
    expect(useImportStore.getState()).toMatchObject({ issueQuery: { outcome: 'duplicate', offset: 0 }, issues: { total: 3 }, openRejected: 200 });
    // The page on screen says which rows it holds.
    expect(useImportStore.getState().issues.query).toEqual({ outcome: 'duplicate', importId: null, offset: 0 });
  });

  it('shows the page the rep asked for last, whatever order the answers come back in', async () => {
    const store = useImportStore.getState();
    await store.setIssueQuery({ outcome: 'rejected', importId: null, offset: 0 });
    duplicatesDelay = 20;
    const slow = store.setIssueQuery({ outcome: 'duplicate' });
    // While the answer is on its way, the page on screen still says it holds rejected rows.
    expect(useImportStore.getState()).toMatchObject({ issueQuery: { outcome: 'duplicate' }, issues: { total: 250, query: { outcome: 'rejected' } } });
    await store.setIssueQuery({ outcome: 'rejected', offset: 100 });
    await slow;
    expect(useImportStore.getState()).toMatchObject({ issueQuery: { outcome: 'rejected', offset: 100 }, issues: { total: 250, query: { outcome: 'rejected', offset: 100 } } });
    expect(useImportStore.getState().issues.rows.every((r) => r.outcome === 'rejected')).toBe(true);
  });
});

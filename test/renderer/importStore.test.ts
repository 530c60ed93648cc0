// The import dialog's store against a fake transport: the file travels once in order, mapping edits, progress to summary.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/shared/contract';
import { createClient, setClient } from '../../src/renderer/src/api/client';
import type { Transport } from '../../src/renderer/src/api/transport';
import { useImportStore } from '../../src/renderer/src/store/imports';

let calls: [string, Record<string, unknown>][];
const counts = { total: 2, created: 2, updated: 0, duplicates: 0, suppressed: 0, rejected: 0, blank: 0 };
const summary = { id: 7, fileName: 'a.csv', fileSize: 10, sheet: null, tag: 'a', duplicatePolicy: 'skip', status: 'done', failure: null, counts, openIssues: 0, createdAt: 1, finishedAt: 2 };

function fakeTransport(): Transport {
  let received = 0;
  return {
    kind: 'http',
    async call(method, request): Promise<ApiResult<unknown>> {
      const r = request as Record<string, unknown>;
      calls.push([method, r]);
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
      if (method === 'imports.start') return { ok: true, value: { ...summary, status: 'running' } };
      if (method === 'imports.get') return { ok: true, value: summary };
      return { ok: false, error: { code: 'unknown_method', message: method } };
    },
    subscribe: () => () => {},
  };
}

beforeEach(() => {
  calls = [];
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

    await useImportStore.getState().run();
    expect(calls.at(-1)).toEqual(['imports.start', { importId: 7, sheet: null, mapping: useImportStore.getState().mapping, tag: 'a', duplicatePolicy: 'skip' }]);
    useImportStore.getState().progressed({ importId: 7, status: 'running', processed: 1, counts, failure: null, fraction: 0.5, saving: false });
    expect(useImportStore.getState()).toMatchObject({ phase: 'running', progress: { saving: false } });
    useImportStore.getState().progressed({ importId: 7, status: 'running', processed: 2, counts, failure: null, fraction: 1, saving: true });
    expect(useImportStore.getState()).toMatchObject({ phase: 'running', progress: { saving: true } });
    useImportStore.getState().progressed({ importId: 7, status: 'done', processed: 2, counts, failure: null, fraction: null, saving: false });
    await new Promise((r) => setTimeout(r, 0));
    expect(useImportStore.getState()).toMatchObject({ phase: 'finished', summary: { status: 'done' } });
  });
});

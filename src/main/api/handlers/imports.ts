// Handlers for spreadsheet import.
import type { Core } from '../../core/createCore';
import type { HandlerGroup } from '../handlers';

type ImportMethod =
  | 'imports.create' | 'imports.append' | 'imports.preview' | 'imports.ready' | 'imports.start' | 'imports.cancel' | 'imports.discard'
  | 'imports.get' | 'imports.list' | 'imports.prospects' | 'imports.issues' | 'imports.fixIssue' | 'imports.dismissIssue' | 'imports.issuesCsv';

export function importHandlers(core: Core): HandlerGroup<ImportMethod> {
  return {
    'imports.create': (r) => core.imports.create(r.fileName, r.size),
    'imports.append': (r) => core.imports.append(r.importId, r.offset, r.bytes),
    'imports.preview': (r) => core.imports.preview(r.importId, r.sheet ?? null),
    'imports.ready': () => core.imports.readyWorkers(),
    'imports.start': (r) => core.imports.start(r),
    'imports.cancel': (r) => core.imports.cancel(r.importId),
    'imports.discard': (r) => core.imports.discard(r.importId),
    'imports.get': (r) => core.imports.get(r.importId),
    'imports.list': () => core.imports.list(),
    'imports.prospects': (r) => core.imports.prospectsOf(r.importId),
    'imports.issues': (r) => core.importIssues.page(r),
    'imports.fixIssue': (r) => core.importIssues.fix(r.issueId, r.values),
    'imports.dismissIssue': (r) => core.importIssues.dismiss(r.issueId),
    'imports.issuesCsv': (r) => core.importIssues.csv(r.importId),
  };
}

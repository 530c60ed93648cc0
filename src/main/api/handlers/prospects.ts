// Handlers for the prospects screen and the suppression list.
// Requests are already valid; parsing again here only applies the schema's defaults to the handler's types.
import { ProspectFilterSchema, ProspectListQuerySchema } from '../../../shared/contract/prospects';
import type { Core } from '../../core/createCore';
import type { HandlerGroup } from '../handlers';

type ProspectMethod =
  | 'prospects.list' | 'prospects.get' | 'prospects.update' | 'prospects.delete' | 'prospects.ids' | 'prospects.facets' | 'prospects.exportCsv'
  | 'suppressions.list' | 'suppressions.add' | 'suppressions.remove' | 'suppressions.importFile';

export function prospectHandlers(core: Core): HandlerGroup<ProspectMethod> {
  return {
    'prospects.list': (q) => core.prospects.list(ProspectListQuerySchema.parse(q)),
    'prospects.get': (r) => core.prospects.get(r.id),
    'prospects.update': (r) => core.prospects.update(r.id, r.patch),
    'prospects.delete': (r) => core.prospects.delete(r.ids),
    'prospects.ids': (f) => ({ ids: core.prospects.ids(ProspectFilterSchema.parse(f)) }),
    'prospects.facets': () => core.prospects.facets(),
    'prospects.exportCsv': (q) => core.prospects.exportCsv(ProspectListQuerySchema.omit({ offset: true, limit: true }).parse(q)),
    'suppressions.list': () => core.suppressions.list(),
    'suppressions.add': (r) => core.suppressions.addText(r.entries, r.reason ?? null),
    'suppressions.remove': (r) => core.suppressions.remove(r.id),
    'suppressions.importFile': (r) => core.suppressions.addFile(r.fileName, r.bytes),
  };
}

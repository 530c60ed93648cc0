// Handlers for sequences: editing, status, starters, attachments and the preview.
import { ProspectListQuerySchema } from '../../../shared/contract/prospects';
import { starters } from '../../../shared/domain/starters';
import type { Core } from '../../core/createCore';
import { prospectName } from '../../core/db/queries/enrollments';
import { previewSequence } from '../../core/sequences/preview';
import { repFieldList, standardFields, fieldKey } from '../../core/templates/mergeFields';
import type { HandlerGroup } from '../handlers';

type SequenceMethods =
  | 'sequences.list'
  | 'sequences.get'
  | 'sequences.create'
  | 'sequences.update'
  | 'sequences.setStatus'
  | 'sequences.duplicate'
  | 'sequences.starters'
  | 'sequences.createFromStarter'
  | 'sequences.preview'
  | 'sequences.mergeFields'
  | 'sequences.findProspects'
  | 'sequences.addAttachment';

export function sequenceHandlers(core: Core): HandlerGroup<SequenceMethods> {
  const s = core.sequences;
  return {
    'sequences.list': (r) => s.list(r.includeArchived ?? false),
    'sequences.get': (r) => s.get(r.id),
    'sequences.create': (r) => s.create(r),
    'sequences.update': (r) => s.update(r.id, r.sequence),
    'sequences.setStatus': (r) => s.setStatus(r.id, r.status),
    'sequences.duplicate': (r) => s.duplicate(r.id),
    'sequences.starters': () =>
      starters.map((st) => ({ key: st.key, name: st.name, description: st.description, stepCount: st.sequence.steps.length, stepTypes: st.sequence.steps.map((x) => x.type) })),
    'sequences.createFromStarter': (r) => s.createFromStarter(r.key, r.name),
    'sequences.preview': (r) => previewSequence(core.engine, r.prospectId, r.sequence, r.startAt),
    'sequences.mergeFields': () => {
      // Custom fields seen on prospects (from imports), so the editor can offer them by name.
      return [
        ...standardFields.map((f) => ({ ...f, source: 'prospect' as const })),
        ...core.prospects.customFieldKeys().map((key) => ({ name: fieldKey(key), label: key, source: 'custom' as const })).filter((f) => f.name),
        ...repFieldList.map((f) => ({ ...f, source: 'rep' as const })),
      ];
    },
    'sequences.findProspects': ({ search }) => {
      // The same word-prefix search as the Prospects screen.
      const { rows } = core.prospects.list(ProspectListQuerySchema.parse({ search, limit: 50 }));
      return rows.map((p) => ({
        id: p.id,
        name: prospectName({ email: p.email, first_name: p.firstName, last_name: p.lastName }),
        email: p.email,
        company: p.company,
        status: p.status,
      }));
    },
    'sequences.addAttachment': (r) => s.addAttachment(r.sequenceId, r.filename, r.contentType, r.dataBase64),
  };
}

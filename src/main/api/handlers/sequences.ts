// Handlers for sequences: editing, status, starters, attachments and the preview.
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
      const rows = core.deps.db
        .prepare("SELECT DISTINCT j.key AS key FROM prospects, json_each(prospects.custom_fields) j WHERE prospects.id IN (SELECT id FROM prospects ORDER BY id DESC LIMIT 2000) LIMIT 200")
        .all() as { key: string }[];
      return [
        ...standardFields.map((f) => ({ ...f, source: 'prospect' as const })),
        ...rows.map((r) => ({ name: fieldKey(r.key), label: r.key, source: 'custom' as const })).filter((f) => f.name),
        ...repFieldList.map((f) => ({ ...f, source: 'rep' as const })),
      ];
    },
    'sequences.findProspects': ({ search }) => {
      const like = `%${search.trim().replace(/[%_]/g, '')}%`;
      const rows = core.deps.db
        .prepare(
          `SELECT id, email, first_name, last_name, company, status FROM prospects
           WHERE email_normalized LIKE @like OR first_name LIKE @like OR last_name LIKE @like OR company LIKE @like
           ORDER BY id DESC LIMIT 50`,
        )
        .all({ like }) as { id: number; email: string; first_name: string | null; last_name: string | null; company: string | null; status: string }[];
      return rows.map((r) => ({ id: r.id, name: prospectName(r), email: r.email, company: r.company, status: r.status }));
    },
    'sequences.addAttachment': (r) => s.addAttachment(r.sequenceId, r.filename, r.contentType, r.dataBase64),
  };
}

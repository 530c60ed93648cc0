// Writes one normalised row as a prospect, honouring the duplicate policy: skip, fill empty fields, or overwrite.
import type { DuplicatePolicy } from '../../../shared/contract/imports';
import type { ProspectStatus } from '../../../shared/domain/prospect';
import { writableColumns, type ProspectQueries, type ProspectRow, type ProspectValues } from '../db/queries/prospects';
import type { ProspectDraft } from './normalizeRow';

export type DraftOutcome = { outcome: 'created' | 'suppressed' | 'updated'; prospectId: number } | { outcome: 'duplicate'; prospectId: number; reason: string };

/** Where a draft is written: the store itself (ProspectQueries), or an import's staging area (stagedProspects.ts). */
export type DraftStore = Pick<ProspectQueries, 'byEmail' | 'insert' | 'update' | 'link'>;

export interface ApplyContext {
  q: DraftStore;
  policy: DuplicatePolicy;
  importId: number | null;
  tagId: number | null;
  suppressed: boolean;
  now: number;
  /** The earlier row of the same file that first held this email, to say which row a duplicate repeats. */
  earlierRow?: number;
}

export function draftValues(d: ProspectDraft): ProspectValues {
  return {
    email: d.email,
    first_name: d.firstName,
    last_name: d.lastName,
    company: d.company,
    title: d.title,
    phone: d.phone,
    phone_raw: d.phoneRaw,
    linkedin_url: d.linkedinUrl,
    website: d.website,
    domain: d.domain,
    city: d.city,
    region: d.region,
    country: d.country,
    time_zone: d.timeZone,
    time_zone_source: d.timeZoneSource,
    industry: d.industry,
    source: d.source,
    custom_fields: d.customFields,
  };
}

export function rowValues(row: ProspectRow): ProspectValues {
  const out = { custom_fields: JSON.parse(row.custom_fields) as Record<string, string> } as ProspectValues;
  for (const c of writableColumns) out[c] = row[c];
  return out;
}

const empty = (v: string | null | undefined) => v === null || v === undefined || v === '';

function merge(existing: ProspectRow, incoming: ProspectValues, policy: 'fill_empty' | 'overwrite'): ProspectValues {
  const base = rowValues(existing);
  const out = { ...base, custom_fields: { ...base.custom_fields } };
  for (const c of writableColumns) {
    if (c === 'email') continue;
    if (empty(incoming[c])) continue;
    if (policy === 'overwrite' || empty(base[c])) out[c] = incoming[c];
  }
  // A guessed time zone gives way to a better-founded one even when only filling gaps.
  if (policy === 'fill_empty' && base.time_zone_source === 'rep' && incoming.time_zone_source !== 'rep') {
    out.time_zone = incoming.time_zone;
    out.time_zone_source = incoming.time_zone_source;
  }
  for (const [k, v] of Object.entries(incoming.custom_fields)) {
    if (policy === 'overwrite' || empty(out.custom_fields[k])) out.custom_fields[k] = v;
  }
  if (policy === 'overwrite') out.email = incoming.email;
  return out;
}

export function applyDraft(draft: ProspectDraft, ctx: ApplyContext): DraftOutcome {
  const { q } = ctx;
  const existing = q.byEmail(draft.emailNormalized);
  const values = draftValues(draft);
  const { earlierRow } = ctx;
  if (!existing) {
    const status: ProspectStatus = ctx.suppressed ? 'suppressed' : 'active';
    const id = q.insert(values, draft.emailNormalized, status, ctx.importId, ctx.now);
    if (ctx.tagId !== null) q.link(id, ctx.tagId);
    return { outcome: ctx.suppressed ? 'suppressed' : 'created', prospectId: id };
  }
  const who = earlierRow !== undefined ? `Same email as row ${earlierRow} of this file` : `Already a prospect (${existing.email})`;
  if (ctx.policy === 'skip') return { outcome: 'duplicate', prospectId: existing.id, reason: who };
  const merged = merge(existing, values, ctx.policy);
  const status: ProspectStatus = ctx.suppressed && existing.status === 'active' ? 'suppressed' : existing.status;
  const before = JSON.stringify(rowValues(existing));
  if (JSON.stringify(merged) === before && status === existing.status) {
    if (ctx.tagId !== null) q.link(existing.id, ctx.tagId);
    return { outcome: 'duplicate', prospectId: existing.id, reason: `${who}; nothing new to add` };
  }
  q.update(existing.id, merged, draft.emailNormalized, status, ctx.now);
  if (ctx.tagId !== null) q.link(existing.id, ctx.tagId);
  return { outcome: 'updated', prospectId: existing.id };
}

// The side panel for one prospect: every field (custom ones too), editable with validation, and the timeline.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ProspectPatch, TimelineEvent } from '../../../../shared/contract/prospects';
import { zoneSourceText, type Prospect } from '../../../../shared/domain/prospect';
import { api, ApiCallError } from '../../api/client';
import { useAppStore } from '../../store/app';
import { useProspectsStore } from '../../store/prospects';
import { displayEmail } from '../../lib/displayEmail';
import { Timeline } from './Timeline';

type Draft = Record<Exclude<keyof ProspectPatch, 'customFields' | 'tags'>, string> & { custom: [string, string][]; tags: string };

const fields: { key: keyof Omit<Draft, 'custom' | 'tags'>; label: string; type?: string }[] = [
  { key: 'email', label: 'Email', type: 'email' },
  { key: 'firstName', label: 'First name' },
  { key: 'lastName', label: 'Last name' },
  { key: 'company', label: 'Company' },
  { key: 'title', label: 'Title' },
  { key: 'phone', label: 'Phone' },
  { key: 'linkedinUrl', label: 'LinkedIn URL' },
  { key: 'website', label: 'Website' },
  { key: 'city', label: 'City' },
  { key: 'region', label: 'State / region' },
  { key: 'country', label: 'Country' },
  { key: 'timeZone', label: 'Time zone' },
  { key: 'industry', label: 'Industry' },
  { key: 'source', label: 'Source' },
];

function toDraft(p: Prospect): Draft {
  return {
    email: displayEmail(p.email), firstName: p.firstName ?? '', lastName: p.lastName ?? '', company: p.company ?? '', title: p.title ?? '', phone: p.phoneRaw ?? p.phone ?? '',
    linkedinUrl: p.linkedinUrl ?? '', website: p.website ?? '', city: p.city ?? '', region: p.region ?? '', country: p.country ?? '', timeZone: p.timeZone ?? '',
    industry: p.industry ?? '', source: p.source ?? '', custom: Object.entries(p.customFields), tags: p.tags.join(', '),
  };
}

function patchOf(d: Draft, before: Draft): ProspectPatch {
  const patch: Record<string, unknown> = {};
  for (const f of fields) if (d[f.key] !== before[f.key]) patch[f.key] = f.key === 'email' ? d.email : d[f.key] || null;
  if (JSON.stringify(d.custom) !== JSON.stringify(before.custom)) patch.customFields = Object.fromEntries(d.custom.filter(([k]) => k.trim()).map(([k, v]) => [k.trim(), v]));
  if (d.tags !== before.tags) patch.tags = d.tags.split(',').map((t) => t.trim()).filter(Boolean);
  return patch as ProspectPatch;
}

export function ProspectDetail({ id }: { id: number }) {
  const [data, setData] = useState<{ prospect: Prospect; timeline: TimelineEvent[]; importFileName: string | null } | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Bumped when a save fails on its fields: once they are marked, the first is brought into view with the cursor in it.
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused) formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [refused]);

  const load = useCallback(async () => {
    const d = await api().call('prospects.get', { id });
    setData(d);
    setDraft(toDraft(d.prospect));
  }, [id]);
  // The panel is keyed by prospect id, so a new prospect starts from fresh state.
  useEffect(() => {
    let live = true;
    api()
      .call('prospects.get', { id })
      .then(
        (d) => {
          if (!live) return;
          setData(d);
          setDraft(toDraft(d.prospect));
        },
        (err: unknown) => live && setFailure(err instanceof Error ? err.message : String(err)),
      );
    return () => {
      live = false;
    };
  }, [id]);
  // The timeline follows the engine live (enrolled, sent, replied…); the fields being edited are left alone.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api().on('timeline.changed', ({ prospectIds }) => {
      if (!prospectIds.includes(id)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        void api()
          .call('prospects.get', { id })
          .then(
            (d) => setData((prev) => (prev ? { ...prev, timeline: d.timeline, prospect: { ...prev.prospect, status: d.prospect.status } } : prev)),
            () => undefined,
          );
      }, 150);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [id]);

  if (failure && !data) return <aside className="detail-panel" aria-label="Prospect"><p className="form-error">{failure}</p></aside>;
  if (!data || !draft) return <aside className="detail-panel" aria-label="Prospect"><p className="muted">Loading…</p></aside>;
  const before = toDraft(data.prospect);
  // The address as the rep reads it (the panel's Email field before any edit).
  const email = before.email;
  const patch = patchOf(draft, before);
  const dirty = Object.keys(patch).length > 0;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    setFailure(null);
    try {
      await api().call('prospects.update', { id, patch });
      await load();
      void useProspectsStore.getState().reload();
    } catch (err) {
      const invalid = err instanceof ApiCallError ? Object.fromEntries((err.error.issues ?? []).map((i) => [i.path.replace(/^patch\./, ''), i.message])) : {};
      setErrors(invalid);
      const named = fields.filter((f) => invalid[f.key]).map((f) => f.label);
      setFailure(named.length > 0 ? `Nothing was saved: check ${named.join(', ')}.` : err instanceof Error ? err.message : String(err));
      if (named.length > 0) setRefused((n) => n + 1);
    } finally {
      setSaving(false);
    }
  };
  const remove = async () => {
    if (!window.confirm(`Delete ${email} and everything Repdesk holds about them (timeline, messages, calls)? This cannot be undone.`)) return;
    await api().call('prospects.delete', { ids: [id] });
    useProspectsStore.getState().open(null);
    void useProspectsStore.getState().reload();
    useAppStore.getState().pushToast({ title: 'Prospect deleted', body: `${email} and all their data were deleted.`, tone: 'info' });
  };
  const name = [data.prospect.firstName, data.prospect.lastName].filter(Boolean).join(' ') || email;

  return (
    <aside className="detail-panel" aria-label="Prospect" data-testid="prospect-detail">
      <header className="detail-header">
        <div>
          <h2>{name}</h2>
          <p className="muted">
            <span className={`badge badge-${data.prospect.status}`}>{data.prospect.status}</span>
            {data.importFileName && ` · imported from ${data.importFileName}`}
            {data.prospect.timeZoneSource && ` · time zone ${zoneSourceText(data.prospect.timeZoneSource)}`}
          </p>
        </div>
        <button type="button" className="icon-button" aria-label="Close prospect" onClick={() => useProspectsStore.getState().open(null)}>
          ×
        </button>
      </header>
      <form ref={formRef} className="detail-form" noValidate onSubmit={(e) => void save(e)}>
        {fields.map((f) => (
          <label key={f.key} className="detail-field">
            <span>{f.label}</span>
            <input
              type={f.type ?? 'text'}
              value={draft[f.key]}
              aria-invalid={errors[f.key] ? true : undefined}
              aria-describedby={errors[f.key] ? `prospect-error-${f.key}` : undefined}
              onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
            />
            {errors[f.key] && (
              <span className="field-error" id={`prospect-error-${f.key}`}>
                {errors[f.key]}
              </span>
            )}
          </label>
        ))}
        <label className="detail-field">
          <span>Tags</span>
          <input type="text" value={draft.tags} onChange={(e) => setDraft({ ...draft, tags: e.target.value })} placeholder="Comma-separated" />
        </label>
        <fieldset className="custom-fields">
          <legend>Custom fields</legend>
          {draft.custom.length === 0 && <p className="muted">None. Unmapped spreadsheet columns land here.</p>}
          {draft.custom.map(([k, v], i) => (
            <div key={i} className="custom-row">
              <input type="text" aria-label="Custom field name" value={k} onChange={(e) => setDraft({ ...draft, custom: draft.custom.map((c, j) => (j === i ? [e.target.value, c[1]] : c)) })} />
              <input type="text" aria-label={`Value of ${k}`} value={v} onChange={(e) => setDraft({ ...draft, custom: draft.custom.map((c, j) => (j === i ? [c[0], e.target.value] : c)) })} />
              <button type="button" className="icon-button" aria-label={`Remove ${k}`} onClick={() => setDraft({ ...draft, custom: draft.custom.filter((_, j) => j !== i) })}>
                ×
              </button>
            </div>
          ))}
          <button type="button" className="button secondary small" onClick={() => setDraft({ ...draft, custom: [...draft.custom, ['', '']] })}>
            Add custom field
          </button>
        </fieldset>
        <div className="form-actions">
          {failure && <p className="form-error" role="alert">{failure}</p>}
          <button type="button" className="button danger" onClick={() => void remove()}>
            Delete
          </button>
          <button type="button" className="button secondary" disabled={!dirty || saving} onClick={() => setDraft(before)}>
            Discard
          </button>
          <button type="submit" className="button" disabled={!dirty || saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
      <Timeline events={data.timeline} />
    </aside>
  );
}

// One sequence: its steps editor, schedule, preview and prospects, with save, pause/resume and archive.
import { useEffect, useMemo, useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import type { Attachment, StepInput } from '../../../../shared/domain/sequence';
import { api } from '../../api/client';
import { toInput, useSequencesStore } from '../../store/sequences';
import { useSettingsStore } from '../../store/settings';
import { EnrollmentsPanel } from './EnrollmentsPanel';
import { ScheduleEditor } from './ScheduleEditor';
import { SequencePreview } from './SequencePreview';
import { StepEditor, newStep } from './StepEditor';
import { stepTypeLabel } from './format';

type Tab = 'steps' | 'schedule' | 'preview' | 'prospects';
const tabs: { id: Tab; label: string }[] = [
  { id: 'steps', label: 'Steps' },
  { id: 'schedule', label: 'Schedule' },
  { id: 'preview', label: 'Preview' },
  { id: 'prospects', label: 'Prospects' },
];

export function SequenceDetail() {
  const current = useSequencesStore((s) => s.current)!;
  const draft = useSequencesStore((s) => s.draft)!;
  const saving = useSequencesStore((s) => s.saving);
  const error = useSequencesStore((s) => s.error);
  const fieldErrors = useSequencesStore((s) => s.fieldErrors);
  const notice = useSequencesStore((s) => s.notice);
  const settings = useSettingsStore((s) => s.settings);
  const options = useSettingsStore((s) => s.options);
  const { edit, save, close, setStatus } = useSequencesStore.getState();
  const [tab, setTab] = useState<Tab>('steps');
  const [fields, setFields] = useState<ResponseOf<'sequences.mergeFields'>>([]);
  const [extraAttachments, setExtra] = useState<Attachment[]>([]);
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(toInput(current)), [draft, current]);

  useEffect(() => {
    void api().call('sequences.mergeFields').then(setFields);
    if (!options) void useSettingsStore.getState().load();
  }, [options]);

  const attachments = useMemo(() => {
    const m = new Map<number, Attachment>();
    for (const s of current.steps) for (const a of s.attachments) m.set(a.id, a);
    for (const a of extraAttachments) m.set(a.id, a);
    return m;
  }, [current, extraAttachments]);

  const setSteps = (steps: StepInput[]) => edit({ ...draft, steps });
  const move = (from: number, to: number) => {
    const steps = [...draft.steps];
    const [s] = steps.splice(from, 1);
    steps.splice(to, 0, s!);
    setSteps(steps);
    // Keep keyboard focus on the moved step so Alt+Arrow can be pressed again.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="step-${to}"] .step-head`)?.focus());
  };

  return (
    <>
      <header className="screen-header">
        <div>
          <button type="button" className="link-button" onClick={close}>
            ← All sequences
          </button>
          <h1>{current.name}</h1>
          <p className="screen-subtitle">
            <span className={`badge badge-${current.status}`}>{current.status}</span> {current.counts.active} active · {current.counts.paused} paused · {current.counts.finished} finished
          </p>
        </div>
        <div className="screen-actions">
          {current.status === 'active' ? (
            <button type="button" className="button secondary" onClick={() => void setStatus(current.id, 'paused')}>
              Pause sequence
            </button>
          ) : (
            <button type="button" className="button secondary" onClick={() => void setStatus(current.id, 'active')}>
              {current.status === 'archived' ? 'Restore' : 'Resume sequence'}
            </button>
          )}
          <button type="button" className="button" disabled={saving || !dirty} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      </header>
      {dirty && current.counts.active + current.counts.paused > 0 && !error && (
        <p className="banner banner-info" role="note">
          {current.counts.active + current.counts.paused} prospects are in this sequence. Your changes will apply to every step they have not reached or been sent yet; what was already sent stays as it was.
        </p>
      )}
      {(notice || error) && (
        <p className={error ? 'banner banner-danger' : 'banner banner-info'} role="status" data-testid="sequence-notice">
          {error ?? notice}
        </p>
      )}
      <div role="tablist" aria-label="Sequence sections" className="tabs">
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`panel-${t.id}`} className="tab" onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'steps' && (
          <div className="editor-layout">
            <div>
              <label htmlFor="sequence-name" className="form-label">
                Name
              </label>
              <input id="sequence-name" type="text" value={draft.name} aria-invalid={fieldErrors.name ? true : undefined} onChange={(e) => edit({ ...draft, name: e.target.value })} />
              {fieldErrors.name && <p className="field-error">{fieldErrors.name}</p>}
              <ol className="step-list" aria-label="Steps">
                {draft.steps.map((s, i) => (
                  <StepEditor
                    key={s.id ?? `new-${i}`}
                    index={i}
                    count={draft.steps.length}
                    step={s}
                    sequenceId={current.id}
                    attachments={attachments}
                    errors={fieldErrors}
                    onChange={(step) => setSteps(draft.steps.map((x, j) => (j === i ? step : x)))}
                    onMove={(to) => move(i, to)}
                    onRemove={() => setSteps(draft.steps.filter((_, j) => j !== i))}
                    onAttachment={(a) => setExtra((x) => [...x, a])}
                  />
                ))}
              </ol>
              {draft.steps.length === 0 && <p className="muted">No steps yet. Add the first one below.</p>}
              <div className="add-step" role="group" aria-label="Add a step">
                {(['auto_email', 'manual_email', 'call', 'task'] as const).map((t) => (
                  <button key={t} type="button" className="button secondary" onClick={() => setSteps([...draft.steps, newStep(t, draft.steps.length === 0)])}>
                    + {stepTypeLabel[t]}
                  </button>
                ))}
              </div>
            </div>
            <aside className="card merge-help" aria-labelledby="merge-help-title">
              <h2 id="merge-help-title">Merge fields</h2>
              <p className="muted">
                Write <code>{'{{ first_name }}'}</code> to insert a field. Add a fallback for prospects without it: <code>{'{{ first_name | default: "there" }}'}</code>. An email with an empty field and no
                fallback waits in your queue instead of being sent.
              </p>
              <ul>
                {fields.map((f) => (
                  <li key={`${f.source}-${f.name}`}>
                    <code>{`{{ ${f.name} }}`}</code> <span className="muted">{f.label}</span>
                  </li>
                ))}
              </ul>
            </aside>
          </div>
        )}
        {tab === 'schedule' && <ScheduleEditor draft={draft} timeZones={options?.timeZones ?? []} errors={fieldErrors} onChange={edit} />}
        {tab === 'preview' && <SequencePreview draft={draft} />}
        {tab === 'prospects' && <EnrollmentsPanel sequenceId={current.id} timeZone={settings?.timeZone} />}
      </div>
    </>
  );
}


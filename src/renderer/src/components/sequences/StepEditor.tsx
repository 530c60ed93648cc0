// One step of the sequence editor: type, delay, thread, A/B variants, note and attachments; reorder by buttons or Alt+Arrow.
import { useState, type KeyboardEvent } from 'react';
import { delayUnits, isEmailStep, stepTypes, type Attachment, type StepInput } from '../../../../shared/domain/sequence';
import { api } from '../../api/client';
import { delayLabel, stepTypeLabel } from './format';

interface Props {
  index: number;
  count: number;
  step: StepInput;
  sequenceId: number;
  attachments: Map<number, Attachment>;
  errors: Record<string, string>;
  onChange(step: StepInput): void;
  onMove(to: number): void;
  onRemove(): void;
  onAttachment(a: Attachment): void;
}

const unitLabel = { business_days: 'business days', days: 'calendar days', hours: 'hours' };

export function StepEditor({ index, count, step, sequenceId, attachments, errors, onChange, onMove, onRemove, onAttachment }: Props) {
  const id = `step-${index}`;
  const email = isEmailStep(step.type);
  const err = (path: string) => errors[`steps.${index}.${path}`];
  const set = (patch: Partial<StepInput>) => onChange({ ...step, ...patch });
  const reply = email && index > 0 && step.threadMode === 'reply';

  const onKey = (e: KeyboardEvent) => {
    if (!e.altKey) return;
    const to = e.key === 'ArrowUp' ? index - 1 : e.key === 'ArrowDown' ? index + 1 : -1;
    if (to < 0 || to >= count) return;
    e.preventDefault();
    onMove(to);
  };

  const [attachError, setAttachError] = useState<string | null>(null);
  const attach = async (files: FileList | null) => {
    setAttachError(null);
    for (const file of Array.from(files ?? [])) {
      try {
        const data = new Uint8Array(await file.arrayBuffer());
        let binary = '';
        for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
        const a = await api().call('sequences.addAttachment', { sequenceId, filename: file.name, contentType: file.type, dataBase64: btoa(binary) });
        onAttachment(a);
        set({ attachmentIds: [...step.attachmentIds, a.id] });
      } catch (err) {
        setAttachError(err instanceof Error ? err.message : String(err));
      }
    }
  };

  return (
    <li className={`step-card step-${step.type}`} aria-labelledby={`${id}-title`} data-testid={`step-${index}`}>
      <div className="step-head" tabIndex={0} onKeyDown={onKey} aria-describedby={`${id}-keys`}>
        <span className="step-number" id={`${id}-title`}>
          Step {index + 1}
        </span>
        <label className="visually-hidden" htmlFor={`${id}-type`}>
          Step {index + 1} type
        </label>
        <select id={`${id}-type`} value={step.type} onChange={(e) => set({ type: e.target.value as StepInput['type'], variants: isEmailStep(e.target.value as StepInput['type']) && step.variants.length === 0 ? [{ subject: '', body: '' }] : step.variants })}>
          {stepTypes.map((t) => (
            <option key={t} value={t}>
              {stepTypeLabel[t]}
            </option>
          ))}
        </select>
        <span className="muted step-delay-text">{delayLabel(step, index === 0)}</span>
        <span id={`${id}-keys`} className="visually-hidden">
          Alt+Arrow Up or Down moves this step.
        </span>
        <span className="step-tools">
          <button type="button" className="icon-button" aria-label={`Move step ${index + 1} up`} disabled={index === 0} onClick={() => onMove(index - 1)}>
            ↑
          </button>
          <button type="button" className="icon-button" aria-label={`Move step ${index + 1} down`} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
            ↓
          </button>
          <button type="button" className="icon-button danger" aria-label={`Remove step ${index + 1}`} onClick={onRemove}>
            ✕
          </button>
        </span>
      </div>
      <div className="step-body">
        <div className="step-row">
          <label htmlFor={`${id}-delay`}>Wait</label>
          <input id={`${id}-delay`} type="number" min={0} max={365} className="narrow" value={step.delayAmount} onChange={(e) => set({ delayAmount: Math.max(0, Math.min(365, Number(e.target.value) || 0)) })} />
          <label className="visually-hidden" htmlFor={`${id}-unit`}>
            Step {index + 1} delay unit
          </label>
          <select id={`${id}-unit`} value={step.delayUnit} onChange={(e) => set({ delayUnit: e.target.value as StepInput['delayUnit'] })}>
            {delayUnits.map((u) => (
              <option key={u} value={u}>
                {unitLabel[u]}
              </option>
            ))}
          </select>
          {email && index > 0 && (
            <>
              <label htmlFor={`${id}-thread`}>Send as</label>
              <select id={`${id}-thread`} value={step.threadMode} onChange={(e) => set({ threadMode: e.target.value as StepInput['threadMode'] })}>
                <option value="reply">a reply in the same thread</option>
                <option value="new">a new thread</option>
              </select>
            </>
          )}
        </div>
        {email &&
          step.variants.map((v, vi) => (
            <fieldset key={vi} className="variant">
              <legend>
                {step.variants.length > 1 ? `Variant ${String.fromCharCode(65 + vi)}` : 'Email'}
                {step.variants.length > 1 && (
                  <button type="button" className="link-button small" onClick={() => set({ variants: step.variants.filter((_, j) => j !== vi) })}>
                    Remove variant
                  </button>
                )}
              </legend>
              <label htmlFor={`${id}-subject-${vi}`}>Subject</label>
              <input
                id={`${id}-subject-${vi}`}
                type="text"
                value={reply ? '' : v.subject}
                disabled={reply}
                placeholder={reply ? 'Re: the first email’s subject (keeps the thread)' : 'Subject, e.g. Quick question, {{ first_name }}'}
                onChange={(e) => set({ variants: step.variants.map((x, j) => (j === vi ? { ...x, subject: e.target.value } : x)) })}
              />
              <label htmlFor={`${id}-body-${vi}`}>Body</label>
              <textarea
                id={`${id}-body-${vi}`}
                rows={6}
                value={v.body}
                aria-invalid={err(`variants.${vi}.body`) ? true : undefined}
                onChange={(e) => set({ variants: step.variants.map((x, j) => (j === vi ? { ...x, body: e.target.value } : x)) })}
              />
              {vi === 0 && <p className="hint">Plain text is fine: a blank line starts a paragraph and web addresses become links.</p>}
              {err(`variants.${vi}.body`) && <p className="field-error">{err(`variants.${vi}.body`)}</p>}
            </fieldset>
          ))}
        {email && (
          <div className="step-row">
            {step.variants.length < 4 && (
              <button type="button" className="button secondary small" onClick={() => set({ variants: [...step.variants, { subject: step.variants[0]?.subject ?? '', body: step.variants[0]?.body ?? '' }] })}>
                Add A/B variant
              </button>
            )}
            <label className="button secondary small file-button">
              Attach a file
              <input type="file" className="visually-hidden" aria-label={`Attach a file to step ${index + 1}`} onChange={(e) => void attach(e.target.files)} />
            </label>
            {step.attachmentIds.map((aid) => (
              <span key={aid} className="attachment-chip">
                {attachments.get(aid)?.filename ?? 'file'}
                <button type="button" className="link-button small" aria-label={`Remove ${attachments.get(aid)?.filename ?? 'file'}`} onClick={() => set({ attachmentIds: step.attachmentIds.filter((x) => x !== aid) })}>
                  ✕
                </button>
              </span>
            ))}
          </div>
        )}
        {attachError && (
          <p className="field-error" role="alert">
            {attachError}
          </p>
        )}
        <label htmlFor={`${id}-note`}>{step.type === 'call' ? 'Call script' : step.type === 'task' ? 'What to do' : 'Note for yourself (optional)'}</label>
        <textarea id={`${id}-note`} rows={2} value={step.note} aria-invalid={err('note') ? true : undefined} onChange={(e) => set({ note: e.target.value })} />
        {err('note') && <p className="field-error">{err('note')}</p>}
      </div>
    </li>
  );
}

export function newStep(type: StepInput['type'], first: boolean): StepInput {
  return {
    type,
    delayAmount: first ? 0 : 2,
    delayUnit: 'business_days',
    threadMode: first ? 'new' : 'reply',
    variants: isEmailStep(type) ? [{ subject: '', body: '' }] : [],
    note: '',
    attachmentIds: [],
  };
}

// Settings for sending like a person: daily limit per mailbox, spacing, per-company limit, and the rep's days off.
import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/domain/settings';
import { defaultSendingSettings, type TimeOff } from '../../../shared/domain/sendingSettings';
import { settingsSelectors, useSettingsStore } from '../store/settings';

type Sending = Pick<Settings, 'dailySendCap' | 'sendSpacingMinSeconds' | 'sendSpacingMaxSeconds' | 'perDomainDailyCap' | 'timeOff'>;

export function SendingSettingsCard({ settings }: { settings: Settings }) {
  // Defaults fill anything an older main process did not send.
  const pick = (s: Settings): Sending => {
    const d = defaultSendingSettings();
    return {
      dailySendCap: s.dailySendCap ?? d.dailySendCap,
      sendSpacingMinSeconds: s.sendSpacingMinSeconds ?? d.sendSpacingMinSeconds,
      sendSpacingMaxSeconds: s.sendSpacingMaxSeconds ?? d.sendSpacingMaxSeconds,
      perDomainDailyCap: s.perDomainDailyCap === undefined ? d.perDomainDailyCap : s.perDomainDailyCap,
      timeOff: s.timeOff ?? d.timeOff,
    };
  };
  const [draft, setDraft] = useState<Sending>(pick(settings));
  const [off, setOff] = useState<TimeOff>({ start: '', end: '', label: '' });
  const [localError, setLocalError] = useState<string | null>(null);
  const fieldErrors = useSettingsStore(settingsSelectors.fieldErrors);
  const saving = useSettingsStore(settingsSelectors.saving);
  const dirty = JSON.stringify(draft) !== JSON.stringify(pick(settings));
  const num = (v: string) => Math.round(Number(v) || 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.sendSpacingMinSeconds > draft.sendSpacingMaxSeconds) return setLocalError('The shortest gap must not be longer than the longest gap.');
    setLocalError(null);
    void useSettingsStore.getState().save(draft);
  };
  const addOff = () => {
    if (!off.start) return setLocalError('Choose the first day off.');
    const end = off.end || off.start;
    if (end < off.start) return setLocalError('The last day off must not be before the first.');
    setLocalError(null);
    setDraft({ ...draft, timeOff: [...draft.timeOff, { ...off, end }].sort((a, b) => a.start.localeCompare(b.start)) });
    setOff({ start: '', end: '', label: '' });
  };
  const err = (k: string) => (fieldErrors[k] ? <p className="field-error">{fieldErrors[k]}</p> : null);

  return (
    <form className="card form settings-sending" noValidate onSubmit={submit} aria-labelledby="sending-heading">
      <h2 id="sending-heading">Sending like a person</h2>
      <p className="muted">Automatic emails go out one at a time, spaced at random, inside each sequence&apos;s hours. Work that does not fit today moves to the next window.</p>
      <div className="form-grid">
        <label htmlFor="setting-dailySendCap">Daily limit per mailbox</label>
        <div>
          <input id="setting-dailySendCap" type="number" min={1} max={500} value={draft.dailySendCap} onChange={(e) => setDraft({ ...draft, dailySendCap: num(e.target.value) })} />
          <p className="hint">Gmail and Outlook flag bulk senders; 50 to 100 a day is a safe pace for one person.</p>
          {err('dailySendCap')}
        </div>
        <label htmlFor="setting-spacing-min">Gap between sends</label>
        <div className="step-row">
          <input id="setting-spacing-min" className="narrow" type="number" min={10} value={draft.sendSpacingMinSeconds} onChange={(e) => setDraft({ ...draft, sendSpacingMinSeconds: num(e.target.value) })} />
          <label htmlFor="setting-spacing-max">to</label>
          <input id="setting-spacing-max" className="narrow" type="number" min={10} value={draft.sendSpacingMaxSeconds} onChange={(e) => setDraft({ ...draft, sendSpacingMaxSeconds: num(e.target.value) })} />
          <span className="muted">seconds, chosen at random</span>
          {err('sendSpacingMinSeconds')}
          {err('sendSpacingMaxSeconds')}
        </div>
        <label htmlFor="setting-perDomainDailyCap">Per company per day</label>
        <div>
          <input
            id="setting-perDomainDailyCap"
            type="number"
            min={1}
            placeholder="No limit"
            value={draft.perDomainDailyCap ?? ''}
            onChange={(e) => setDraft({ ...draft, perDomainDailyCap: e.target.value === '' ? null : num(e.target.value) })}
          />
          <p className="hint">At most this many automatic emails a day to one company&apos;s domain. Leave empty for no limit.</p>
          {err('perDomainDailyCap')}
        </div>
        <span className="form-label">Days off</span>
        <div>
          <ul className="time-off-list" aria-label="Days off">
            {draft.timeOff.map((t, i) => (
              <li key={`${t.start}-${i}`}>
                {t.start === t.end ? t.start : `${t.start} to ${t.end}`}
                {t.label && <span className="muted"> · {t.label}</span>}
                <button type="button" className="link-button small" onClick={() => setDraft({ ...draft, timeOff: draft.timeOff.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              </li>
            ))}
            {draft.timeOff.length === 0 && <li className="muted">None planned.</li>}
          </ul>
          <div className="step-row">
            <label className="visually-hidden" htmlFor="off-start">
              First day off
            </label>
            <input id="off-start" type="date" value={off.start} onChange={(e) => setOff({ ...off, start: e.target.value })} />
            <label htmlFor="off-end">to</label>
            <input id="off-end" type="date" value={off.end} onChange={(e) => setOff({ ...off, end: e.target.value })} />
            <label className="visually-hidden" htmlFor="off-label">
              Note
            </label>
            <input id="off-label" type="text" className="narrow-text" placeholder="e.g. Holiday" value={off.label} onChange={(e) => setOff({ ...off, label: e.target.value })} />
            <button type="button" className="button secondary small" onClick={addOff}>
              Add days off
            </button>
          </div>
          <p className="hint">No sequence sends, and no call or task is planned, on these days; work moves to the next working day.</p>
        </div>
      </div>
      <div className="form-actions">
        {localError && (
          <p className="form-error" role="alert">
            {localError}
          </p>
        )}
        <button type="submit" className="button" disabled={!dirty || saving}>
          Update sending rules
        </button>
      </div>
    </form>
  );
}

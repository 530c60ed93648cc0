// Settings > Calling: how the Call button dials (a URI template for tel:, callto:, sip: or a softphone) and reminder behaviour.
import { useState, type FormEvent } from 'react';
import { buildCallUri, callTemplateProblem } from '../../../../shared/domain/calling';
import type { Settings } from '../../../../shared/domain/settings';
import { settingsSelectors, useSettingsStore } from '../../store/settings';

const examples = ['tel:{phone}', 'callto:{phone}', 'sip:{phone}@pbx.example.com', 'zoomphonecall:{phone}'];

export function CallingSettings({ settings }: { settings: Settings }) {
  const [template, setTemplate] = useState(settings.callUriTemplate);
  const [fromReminder, setFromReminder] = useState(settings.startCallFromReminder);
  const [saved, setSaved] = useState(false);
  const save = useSettingsStore((s) => s.save);
  const saving = useSettingsStore(settingsSelectors.saving);
  const serverError = useSettingsStore(settingsSelectors.fieldErrors).callUriTemplate;
  const problem = callTemplateProblem(template);
  const dirty = template !== settings.callUriTemplate || fromReminder !== settings.startCallFromReminder;
  const example = buildCallUri(template, '+14155550142');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    setSaved(await save({ callUriTemplate: template.trim(), startCallFromReminder: fromReminder }));
  };
  return (
    <form className="card form settings-card" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="calling-heading">
      <h2 id="calling-heading">Calling</h2>
      <p className="muted">The Call button hands the prospect’s number to your phone app or softphone. Repdesk never dials by itself.</p>
      <div className="form-grid">
        <label htmlFor="setting-callUriTemplate">Call link</label>
        <div>
          <input
            id="setting-callUriTemplate"
            type="text"
            spellCheck={false}
            value={template}
            aria-invalid={problem || serverError ? true : undefined}
            aria-describedby="call-template-hint"
            onChange={(e) => (setTemplate(e.target.value), setSaved(false))}
          />
          <p className="hint" id="call-template-hint">
            {'{phone}'} is the number in international format (+14155550100); {'{digits}'} is the same without the plus. Examples:{' '}
            {examples.map((x, i) => (
              <span key={x}>
                {i > 0 && ', '}
                <button type="button" className="link-button mono" onClick={() => (setTemplate(x), setSaved(false))}>
                  {x}
                </button>
              </span>
            ))}
          </p>
          {problem || serverError ? <p className="field-error">{problem ?? serverError}</p> : example.ok && <p className="hint">Opens: {example.uri}</p>}
        </div>
        <span className="form-grid-label">Reminders</span>
        <label className="checkbox-row">
          <input type="checkbox" checked={fromReminder} onChange={(e) => (setFromReminder(e.target.checked), setSaved(false))} />
          Clicking a call reminder also starts the call
        </label>
      </div>
      <div className="form-actions">
        {saved && !dirty && <p className="form-saved" data-testid="calling-saved">Saved</p>}
        <button type="submit" className="button" disabled={!dirty || saving || problem !== null}>
          Save calling settings
        </button>
      </div>
    </form>
  );
}

// Settings: the rep's profile, time zone and default country, saved in the local store.
import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/domain/settings';
import { zoneName } from '../../../shared/domain/timeZones';
import { MailboxesSettings } from '../components/MailboxesSettings';
import { ScreenHeader } from '../components/ScreenHeader';
import { SendingSettingsCard } from '../components/SendingSettingsCard';
import '../sequences.css';
import { SuppressionList } from '../components/settings/SuppressionList';
import { CallingSettings } from '../components/settings/CallingSettings';
import { settingsSelectors, useSettingsStore } from '../store/settings';

export function SettingsScreen() {
  const settings = useSettingsStore(settingsSelectors.settings);
  const options = useSettingsStore(settingsSelectors.options);
  const load = useSettingsStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <ScreenHeader title="Settings" subtitle="Saved on this computer only" />
      {settings && options ? <ProfileForm key={JSON.stringify(settings)} settings={settings} options={options} /> : <p className="muted">Loading…</p>}
      {settings && <SendingSettingsCard key={`sending-${JSON.stringify(settings)}`} settings={settings} />}
      <MailboxesSettings />
      <SuppressionList />
      {settings && <CallingSettings settings={settings} />}
    </>
  );
}

function ProfileForm({ settings, options }: { settings: Settings; options: NonNullable<ReturnType<typeof settingsSelectors.options>> }) {
  const [draft, setDraft] = useState(settings);
  const save = useSettingsStore((s) => s.save);
  const saving = useSettingsStore(settingsSelectors.saving);
  const error = useSettingsStore(settingsSelectors.error);
  const fieldErrors = useSettingsStore(settingsSelectors.fieldErrors);
  const savedAt = useSettingsStore(settingsSelectors.savedAt);
  const dirty = JSON.stringify(draft) !== JSON.stringify(settings);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(draft);
  };
  const field = <K extends keyof Settings>(key: K) => ({
    id: `setting-${key}`,
    name: key,
    value: draft[key],
    'aria-invalid': fieldErrors[key] ? true : undefined,
    'aria-describedby': fieldErrors[key] ? `setting-${key}-error` : undefined,
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
  });
  const fieldError = (key: keyof Settings) =>
    fieldErrors[key] ? (
      <p className="field-error" id={`setting-${key}-error`}>
        {fieldErrors[key]}
      </p>
    ) : null;

  return (
    <form className="card form" noValidate onSubmit={submit} aria-labelledby="profile-heading">
      <h2 id="profile-heading">You</h2>
      <p className="muted">Used in merge fields and signatures, and to plan sends for prospects whose time zone is unknown.</p>
      <div className="form-grid">
        <label htmlFor="setting-repName">Your name</label>
        <div>
          <input type="text" autoComplete="name" placeholder="Alex Example" {...field('repName')} />
          {fieldError('repName')}
        </div>
        <label htmlFor="setting-repEmail">Your work email</label>
        <div>
          <input type="email" autoComplete="email" placeholder="you@company.com" {...field('repEmail')} />
          {fieldError('repEmail')}
        </div>
        <label htmlFor="setting-timeZone">Your time zone</label>
        <div>
          <select {...field('timeZone')}>
            {options.timeZones.map((tz) => (
              <option key={tz} value={tz}>
                {zoneName(tz)}
              </option>
            ))}
          </select>
          {fieldError('timeZone')}
        </div>
        <label htmlFor="setting-defaultCountry">Default country</label>
        <div>
          <select {...field('defaultCountry')}>
            {options.countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          <p className="hint">Used for phone numbers and holidays when a prospect&apos;s country is unknown.</p>
          {fieldError('defaultCountry')}
        </div>
      </div>
      <div className="form-actions">
        {error && <p className="form-error" role="alert">{error}</p>}
        {!error && savedAt && !dirty && <p className="form-saved" data-testid="settings-saved">Saved</p>}
        <button type="button" className="button secondary" disabled={!dirty || saving} onClick={() => setDraft(settings)}>
          Discard changes
        </button>
        <button type="submit" className="button" disabled={!dirty || saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}

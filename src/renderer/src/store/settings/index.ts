// The rep's settings as the Settings screen edits them.
import { create } from 'zustand';
import type { Settings, SettingsPatch } from '../../../../shared/domain/settings';
import type { Country } from '../../../../shared/domain/countries';
import { api, ApiCallError } from '../../api/client';

export interface SettingsState {
  settings: Settings | null;
  options: { timeZones: string[]; countries: Country[] } | null;
  saving: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  savedAt: number | null;
}

export interface SettingsActions {
  load(): Promise<void>;
  save(patch: SettingsPatch): Promise<boolean>;
  received(settings: Settings): void;
}

export type SettingsStore = SettingsState & SettingsActions;

export const useSettingsStore = create<SettingsStore>()((set) => ({
  settings: null,
  options: null,
  saving: false,
  error: null,
  fieldErrors: {},
  savedAt: null,
  async load() {
    const [settings, options] = await Promise.all([api().call('settings.get'), api().call('settings.options')]);
    set({ settings, options });
  },
  async save(patch) {
    set({ saving: true, error: null, fieldErrors: {} });
    try {
      const settings = await api().call('settings.update', patch);
      set({ settings, saving: false, savedAt: Date.now() });
      return true;
    } catch (err) {
      const fieldErrors: Record<string, string> = {};
      if (err instanceof ApiCallError) for (const issue of err.error.issues ?? []) fieldErrors[issue.path] = issue.message;
      set({ saving: false, error: err instanceof Error ? err.message : String(err), fieldErrors });
      return false;
    }
  },
  received: (settings) => set({ settings }),
}));

export const settingsSelectors = {
  settings: (s: SettingsStore) => s.settings,
  options: (s: SettingsStore) => s.options,
  saving: (s: SettingsStore) => s.saving,
  error: (s: SettingsStore) => s.error,
  fieldErrors: (s: SettingsStore) => s.fieldErrors,
  savedAt: (s: SettingsStore) => s.savedAt,
};

// Reads and writes the rep's settings, filling defaults for anything never set.
import { SettingsPatchSchema, SettingsSchema, defaultSettings, type Settings, type SettingsPatch } from '../../../shared/domain/settings';
import { settingsQueries } from '../db/queries/settings';
import type { Db } from '../db/open';
import type { EventBus } from '../eventBus';
import { UserError } from '../errors';

export class SettingsService {
  private readonly q;

  constructor(
    db: Db,
    private readonly bus: EventBus,
    private readonly systemTimeZone: string,
  ) {
    this.q = settingsQueries(db);
  }

  get(): Settings {
    const stored = this.q.all();
    const merged = { ...defaultSettings(this.systemTimeZone), ...pickKnown(stored) };
    const parsed = SettingsSchema.safeParse(merged);
    // A value that no longer validates (say a time zone ICU dropped) falls back to its default.
    return parsed.success ? parsed.data : { ...defaultSettings(this.systemTimeZone), ...validSubset(merged) };
  }

  update(patch: SettingsPatch): Settings {
    const parsed = SettingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      throw new UserError(
        'invalid_request',
        'Some settings are not valid; nothing was saved.',
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    }
    this.q.put(parsed.data);
    const settings = this.get();
    this.bus.emit('settings.changed', settings);
    return settings;
  }
}

const keys = Object.keys(SettingsSchema.shape) as (keyof Settings)[];

function pickKnown(stored: Record<string, unknown>): Partial<Settings> {
  return Object.fromEntries(Object.entries(stored).filter(([k]) => (keys as string[]).includes(k))) as Partial<Settings>;
}

function validSubset(values: Record<string, unknown>): Partial<Settings> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const field = SettingsSchema.shape[key].safeParse(values[key]);
    if (field.success) out[key] = field.data;
  }
  return out as Partial<Settings>;
}

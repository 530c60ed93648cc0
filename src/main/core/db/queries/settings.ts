// SQL for the settings table: JSON values by key.
import type { Db } from '../open';

export interface SettingsQueries {
  all(): Record<string, unknown>;
  put(values: Record<string, unknown>): void;
}

export function settingsQueries(db: Db): SettingsQueries {
  const selectAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const putMany = db.transaction((values: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(values)) {
      const { changes } = upsert.run(key, JSON.stringify(value));
      if (changes !== 1) throw new Error(`Setting ${key} was not written`);
    }
  });
  return {
    all() {
      const out: Record<string, unknown> = {};
      for (const row of selectAll.all()) out[row.key] = JSON.parse(row.value);
      return out;
    },
    put: (values) => putMany(values),
  };
}

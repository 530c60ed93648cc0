// SQL for the settings table: JSON values by key.
import type { Db } from '../open';

export interface SettingsQueries {
  all(): Record<string, unknown>;
  put(values: Record<string, unknown>): void;
  /** One key's JSON value, or null when the row is missing (for internal marks the rep's settings ignore). */
  value(key: string): unknown;
  /** Adds a key; fails if it exists. */
  insert(key: string, value: unknown): void;
  /** Adds or replaces a key. */
  upsert(key: string, value: unknown): void;
  remove(key: string): void;
}

export function settingsQueries(db: Db): SettingsQueries {
  const selectAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const selectOne = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const insertOne = db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?)');
  const deleteOne = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');
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
    value(key) {
      const row = selectOne.get(key);
      return row ? (JSON.parse(row.value) as unknown) : null;
    },
    insert: (key, value) => void insertOne.run(key, JSON.stringify(value)),
    upsert: (key, value) => void upsert.run(key, JSON.stringify(value)),
    remove: (key) => void deleteOne.run(key),
  };
}

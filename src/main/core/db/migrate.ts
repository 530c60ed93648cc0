// Applies pending migrations in one transaction and refuses a database written by a newer Repdesk.
import type Database from 'better-sqlite3';
import { migrations as bundled, type Migration } from './migrations';

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(
      `This Repdesk data file was written by a newer version of Repdesk (schema ${found}; this version knows up to ${supported}). ` +
        'Update Repdesk to open it. Nothing in the file was changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database.Database, migrations: Migration[] = bundled): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} is out of order: expected version ${i + 1}`);
  });
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) throw new DatabaseTooNewError(from, latest);
  if (from === latest) return { from, to: latest };
  db.transaction(() => {
    for (const m of migrations.slice(from)) db.exec(m.sql);
    db.pragma(`user_version = ${latest}`);
  })();
  return { from, to: latest };
}

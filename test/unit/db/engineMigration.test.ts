// The engine migration (0003) on a store that already holds data: rows kept, new columns defaulted, new tables and indexes there.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/db/migrate';
import { migrations } from '../../../src/main/core/db/migrations';

describe('0003-engine migration', () => {
  it('upgrades a store with sequences and step runs without losing anything', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 1));
    db.exec(`
      INSERT INTO prospects (email, email_normalized, created_at, updated_at) VALUES ('a@x.test', 'a@x.test', 0, 0);
      INSERT INTO sequences (name, created_at, updated_at) VALUES ('Old', 0, 0);
      INSERT INTO steps (sequence_id, position, type, created_at, updated_at) VALUES (1, 0, 'auto_email', 0, 0);
      INSERT INTO enrollments (prospect_id, sequence_id, created_at, updated_at) VALUES (1, 1, 0, 0);
      INSERT INTO step_runs (enrollment_id, step_id, state, due_at, created_at, updated_at) VALUES (1, 1, 'scheduled', 5, 0, 0);
    `);
    migrate(db);
    expect(db.prepare('SELECT auto, warning, approved_at FROM step_runs').get()).toEqual({ auto: 0, warning: null, approved_at: null });
    expect(db.prepare('SELECT next_variant, attachments FROM steps').get()).toEqual({ next_variant: 0, attachments: '[]' });
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['attachments', 'send_ledger', 'account_pacing', 'step_runs_auto_due', 'step_runs_queue_due', 'step_runs_approved_due', 'enrollments_paused_until']));
    db.close();
  });
});

// Counts for the navigation: work due today, prospects, live sequences.
import type { Db } from '../open';

export interface NavCountRow {
  today: number;
  prospects: number;
  sequences: number;
}

export function countQueries(db: Db) {
  const nav = db.prepare<{ endOfToday: number }, NavCountRow>(`
    SELECT
      (SELECT count(*) FROM step_runs
        WHERE state = 'awaiting_approval' OR (state = 'scheduled' AND due_at <= @endOfToday AND step_id IN (SELECT id FROM steps WHERE type IN ('call', 'task', 'manual_email')))) AS today,
      (SELECT count(*) FROM prospects) AS prospects,
      (SELECT count(*) FROM sequences WHERE status <> 'archived') AS sequences
  `);
  return {
    nav: (endOfToday: number): NavCountRow => nav.get({ endOfToday }) as NavCountRow,
  };
}

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
      (SELECT count(*) FROM step_runs INDEXED BY step_runs_queue_due
        WHERE auto = 0 AND state IN ('scheduled', 'awaiting_approval', 'failed') AND due_at <= @endOfToday) AS today,
      (SELECT count(*) FROM prospects) AS prospects,
      (SELECT count(*) FROM sequences WHERE status <> 'archived') AS sequences
  `);
  return {
    nav: (endOfToday: number): NavCountRow => nav.get({ endOfToday }) as NavCountRow,
  };
}

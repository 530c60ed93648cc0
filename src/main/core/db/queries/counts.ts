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
      -- The Today queue's rows (see queueQueries): work waiting for the rep, due by the end of the rep's day.
      (SELECT count(*) FROM step_runs r JOIN enrollments e ON e.id = r.enrollment_id JOIN sequences sq ON sq.id = e.sequence_id
        WHERE r.auto = 0 AND r.state IN ('scheduled', 'awaiting_approval', 'failed') AND r.due_at <= @endOfToday AND e.status = 'active' AND sq.status = 'active') AS today,
      (SELECT count(*) FROM prospects) AS prospects,
      (SELECT count(*) FROM sequences WHERE status <> 'archived') AS sequences
  `);
  return {
    nav: (endOfToday: number): NavCountRow => nav.get({ endOfToday }) as NavCountRow,
  };
}

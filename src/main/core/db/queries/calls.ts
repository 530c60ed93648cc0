// SQL for the calls table: the rep's logged calls.
import type { Db } from '../open';

export interface NewCall {
  prospectId: number;
  stepRunId: number;
  phone: string | null;
  outcome: string;
  notes: string | null;
  placedAt: number;
}

export function callQueries(db: Db) {
  const insert = db.prepare<[number, number, string | null, string, string | null, number]>(
    'INSERT INTO calls (prospect_id, step_run_id, phone, outcome, notes, placed_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return {
    /** Returns the call's id. */
    insert: (c: NewCall) => Number(insert.run(c.prospectId, c.stepRunId, c.phone, c.outcome, c.notes, c.placedAt).lastInsertRowid),
  };
}
export type CallQueries = ReturnType<typeof callQueries>;

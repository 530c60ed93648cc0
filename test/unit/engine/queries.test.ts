// The queue query and the tick use their indexes: their cost grows with due work, not with every run in the store.
import { describe, expect, it } from 'vitest';
import { makeWorld } from '../../support/engineWorld';

const plan = (db: ReturnType<typeof makeWorld>['core']['deps']['db'], sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array(sql.split('?').length - 1).fill(0)) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('query plans', () => {
  const w = makeWorld('2026-03-02T14:00:00Z');
  const db = w.core.deps.db;
  it('the tick walks the partial index of due automatic runs', () => {
    const p = plan(db, "SELECT r.id FROM step_runs r INDEXED BY step_runs_auto_due JOIN enrollments e ON e.id = r.enrollment_id WHERE r.state = 'scheduled' AND r.auto = 1 AND r.due_at <= ? ORDER BY r.due_at LIMIT 50");
    expect(p).toMatch(/SEARCH r USING INDEX step_runs_auto_due/);
    expect(p).not.toMatch(/SCAN r\b/);
  });
  it('the queue walks the partial index of work waiting for the rep', () => {
    const p = plan(db, "SELECT r.id FROM step_runs r INDEXED BY step_runs_queue_due WHERE r.auto = 0 AND r.state IN ('scheduled', 'awaiting_approval', 'failed') AND r.due_at <= ? ORDER BY r.due_at LIMIT 50");
    expect(p).toMatch(/SEARCH r USING INDEX step_runs_queue_due/);
    expect(p).not.toMatch(/SCAN r\b/);
  });
  it('the timeline reads a prospect events by index', () => {
    expect(plan(db, 'SELECT * FROM events WHERE prospect_id = ? ORDER BY at DESC, id DESC LIMIT 100')).toMatch(/events_prospect/);
  });
});

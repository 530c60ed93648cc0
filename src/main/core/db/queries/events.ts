// SQL for the events table: the prospect's timeline.
import type { TimelineEvent } from '../../../../shared/domain/timeline';
import type { Db } from '../open';

export interface NewEvent {
  prospectId: number | null;
  enrollmentId: number | null;
  stepRunId: number | null;
  type: string;
  reason: string | null;
  data?: Record<string, unknown>;
  at: number;
}

interface Row {
  id: number;
  prospect_id: number | null;
  enrollment_id: number | null;
  step_run_id: number | null;
  type: string;
  reason: string | null;
  data: string;
  at: number;
  sequence_name: string | null;
  step_position: number | null;
}

export function eventQueries(db: Db) {
  const insert = db.prepare<[number | null, number | null, number | null, string, string | null, string, number]>(
    'INSERT INTO events (prospect_id, enrollment_id, step_run_id, type, reason, data, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const list = db.prepare<[number, number, number], Row>(`
    SELECT ev.*, sq.name AS sequence_name, st.position AS step_position
    FROM events ev
    LEFT JOIN enrollments en ON en.id = ev.enrollment_id
    LEFT JOIN sequences sq ON sq.id = en.sequence_id
    LEFT JOIN step_runs r ON r.id = ev.step_run_id
    LEFT JOIN steps st ON st.id = r.step_id
    WHERE ev.prospect_id = ? AND ev.id < ?
    ORDER BY ev.at DESC, ev.id DESC LIMIT ?`);
  return {
    add(e: NewEvent): void {
      insert.run(e.prospectId, e.enrollmentId, e.stepRunId, e.type, e.reason, JSON.stringify(e.data ?? {}), e.at);
    },
    timeline(prospectId: number, limit: number, beforeId = Number.MAX_SAFE_INTEGER): TimelineEvent[] {
      return list.all(prospectId, beforeId, limit).map((r) => ({
        id: r.id,
        prospectId: r.prospect_id,
        enrollmentId: r.enrollment_id,
        stepRunId: r.step_run_id,
        type: r.type,
        reason: r.reason,
        data: JSON.parse(r.data) as Record<string, unknown>,
        at: r.at,
        sequenceName: r.sequence_name,
        stepPosition: r.step_position,
      }));
    },
  };
}
export type EventQueries = ReturnType<typeof eventQueries>;

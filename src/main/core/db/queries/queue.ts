// SQL for the Today view: queue rows with their prospect and step, today's automatic sends, overnight stops, reminders.
import type { StepRunRow } from './stepRuns';
import type { Db } from '../open';

export interface QueueRow extends StepRunRow {
  email: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  title: string | null;
  phone: string | null;
  phone_raw: string | null;
  time_zone: string | null;
  country: string | null;
  prospect_source: string | null;
  sequence_id: number;
  sequence_name: string;
  sequence_schedule: string;
  sequence_options: string;
  step_note: string | null;
  step_variants: string;
  step_thread_mode: 'reply' | 'new';
  last_position: number;
  account_id: number | null;
}

const select = `SELECT r.*, e.prospect_id, e.account_id, st.type AS step_type, st.position AS step_position, st.note AS step_note,
    st.variants AS step_variants, st.thread_mode AS step_thread_mode,
    p.email, p.first_name, p.last_name, p.company, p.title, p.phone, p.phone_raw, p.time_zone, p.country, p.source AS prospect_source,
    sq.id AS sequence_id, sq.name AS sequence_name, sq.schedule AS sequence_schedule, sq.options AS sequence_options,
    (SELECT max(position) FROM steps s2 WHERE s2.sequence_id = sq.id AND s2.deleted_at IS NULL) AS last_position
  FROM step_runs r JOIN enrollments e ON e.id = r.enrollment_id JOIN steps st ON st.id = r.step_id
  JOIN prospects p ON p.id = e.prospect_id JOIN sequences sq ON sq.id = e.sequence_id`;

export interface StopEventRow {
  id: number;
  prospect_id: number;
  type: string;
  reason: string | null;
  data: string;
  at: number;
  email: string;
  first_name: string | null;
  last_name: string | null;
  sequence_name: string | null;
}

export function queueQueries(db: Db) {
  // Same rows as stepRunQueries.queue (the engine's definition of queue work), with what the view shows.
  const queue = db.prepare<[number, number], QueueRow>(
    `${select} WHERE r.auto = 0 AND r.state IN ('scheduled', 'awaiting_approval', 'failed') AND r.due_at <= ? AND e.status = 'active' AND sq.status = 'active'
     ORDER BY r.due_at, r.id LIMIT ?`,
  );
  const one = db.prepare<[number], QueueRow>(`${select} WHERE r.id = ?`);
  // Automatic emails the engine will send by the end of the rep's day.
  const goingOut = db.prepare<[number, number], QueueRow>(
    `${select} WHERE r.state = 'scheduled' AND r.auto = 1 AND r.due_at <= ? AND e.status = 'active' AND sq.status = 'active' ORDER BY r.due_at, r.id LIMIT ?`,
  );
  const count = db.prepare<[number], { n: number }>(
    `SELECT count(*) AS n FROM step_runs r JOIN enrollments e ON e.id = r.enrollment_id JOIN sequences sq ON sq.id = e.sequence_id
     WHERE r.auto = 0 AND r.state IN ('scheduled', 'awaiting_approval', 'failed') AND r.due_at <= ? AND e.status = 'active' AND sq.status = 'active'`,
  );
  const stops = db.prepare<[number, number], StopEventRow>(
    `SELECT ev.id, ev.prospect_id, ev.type, ev.reason, ev.data, ev.at, p.email, p.first_name, p.last_name, sq.name AS sequence_name
     FROM events ev JOIN prospects p ON p.id = ev.prospect_id
     LEFT JOIN enrollments en ON en.id = ev.enrollment_id LEFT JOIN sequences sq ON sq.id = en.sequence_id
     WHERE ev.type IN ('finished', 'paused') AND ev.at >= ? ORDER BY ev.at DESC, ev.id DESC LIMIT ?`,
  );
  // Calls and tasks falling due in (after, upTo]: what the reminder service announces.
  const comingDue = db.prepare<[number, number], QueueRow>(
    `${select} WHERE r.auto = 0 AND r.state = 'scheduled' AND st.type IN ('call', 'task') AND r.due_at > ? AND r.due_at <= ? AND e.status = 'active' AND sq.status = 'active'
     ORDER BY r.due_at, r.id LIMIT 200`,
  );
  const nextDue = db.prepare<[number], { due_at: number }>(
    `SELECT r.due_at FROM step_runs r JOIN steps st ON st.id = r.step_id JOIN enrollments e ON e.id = r.enrollment_id
     WHERE r.auto = 0 AND r.state = 'scheduled' AND r.due_at > ? AND st.type IN ('call', 'task') AND e.status = 'active' ORDER BY r.due_at LIMIT 1`,
  );
  const hasConnected = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM accounts WHERE status = 'connected'");
  return {
    queue: (endOfToday: number, limit: number) => queue.all(endOfToday, limit),
    get: (id: number) => one.get(id) ?? null,
    goingOut: (endOfToday: number, limit: number) => goingOut.all(endOfToday, limit),
    count: (endOfToday: number) => count.get(endOfToday)!.n,
    stopsSince: (since: number, limit: number) => stops.all(since, limit),
    comingDue: (after: number, upTo: number) => comingDue.all(after, upTo),
    nextDueAfter: (at: number) => nextDue.get(at)?.due_at ?? null,
    hasConnectedMailbox: () => hasConnected.get()!.n > 0,
  };
}
export type QueueQueries = ReturnType<typeof queueQueries>;

// SQL for enrollments and the prospect facts the engine plans and renders with.
import type { Enrollment } from '../../../../shared/contract/enrollments';
import type { Db } from '../open';
import type { ProspectRow } from './prospects';

export interface EnrollmentRow {
  id: number;
  prospect_id: number;
  sequence_id: number;
  account_id: number | null;
  status: 'active' | 'paused' | 'finished';
  finish_reason: string | null;
  paused_until: number | null;
  thread_id: string | null;
  created_at: number;
  updated_at: number;
}

export const prospectName = (p: Pick<ProspectRow, 'first_name' | 'last_name' | 'email'>) => [p.first_name, p.last_name].filter(Boolean).join(' ') || p.email;

type ListRow = EnrollmentRow & { email: string; first_name: string | null; last_name: string | null; sequence_name: string };

export function toEnrollment(r: ListRow, next: Enrollment['next']): Enrollment {
  return {
    id: r.id,
    prospectId: r.prospect_id,
    prospectName: prospectName(r),
    prospectEmail: r.email,
    sequenceId: r.sequence_id,
    sequenceName: r.sequence_name,
    status: r.status,
    finishReason: r.finish_reason,
    pausedUntil: r.paused_until,
    accountId: r.account_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    next,
  };
}

const listSelect = `SELECT en.*, p.email, p.first_name, p.last_name, s.name AS sequence_name
  FROM enrollments en JOIN prospects p ON p.id = en.prospect_id JOIN sequences s ON s.id = en.sequence_id`;

export function enrollmentQueries(db: Db) {
  const s = {
    get: db.prepare<[number], EnrollmentRow>('SELECT * FROM enrollments WHERE id = ?'),
    listRow: db.prepare<[number], ListRow>(`${listSelect} WHERE en.id = ?`),
    open: db.prepare<[number], EnrollmentRow>("SELECT * FROM enrollments WHERE prospect_id = ? AND status <> 'finished'"),
    insert: db.prepare<{ prospectId: number; sequenceId: number; accountId: number | null; now: number }>(
      "INSERT INTO enrollments (prospect_id, sequence_id, account_id, status, created_at, updated_at) VALUES (@prospectId, @sequenceId, @accountId, 'active', @now, @now)",
    ),
    setStatus: db.prepare<{ id: number; status: string; reason: string | null; until: number | null; now: number }>(
      'UPDATE enrollments SET status = @status, finish_reason = @reason, paused_until = @until, updated_at = @now WHERE id = @id',
    ),
    setThread: db.prepare<[string, number, number]>('UPDATE enrollments SET thread_id = ?, updated_at = ? WHERE id = ? AND thread_id IS NULL'),
    resumable: db.prepare<[number], EnrollmentRow>("SELECT * FROM enrollments WHERE status = 'paused' AND paused_until IS NOT NULL AND paused_until <= ?"),
    nextResume: db.prepare<[], { paused_until: number }>(
      "SELECT paused_until FROM enrollments WHERE status = 'paused' AND paused_until IS NOT NULL ORDER BY paused_until LIMIT 1",
    ),
    assignAccount: db.prepare<[number]>("UPDATE enrollments SET account_id = ? WHERE account_id IS NULL AND status <> 'finished'"),
    withoutAccount: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM enrollments WHERE account_id IS NULL AND status <> 'finished'"),
    prospect: db.prepare<[number], ProspectRow>('SELECT * FROM prospects WHERE id = ?'),
  };
  return {
    get: (id: number) => s.get.get(id) ?? null,
    listRow: (id: number) => s.listRow.get(id) ?? null,
    openOf: (prospectId: number) => s.open.all(prospectId),
    insert: (p: { prospectId: number; sequenceId: number; accountId: number | null; now: number }) => Number(s.insert.run(p).lastInsertRowid),
    setStatus(id: number, now: number, status: EnrollmentRow['status'], reason: string | null = null, until: number | null = null) {
      if (s.setStatus.run({ id, status, reason, until, now }).changes !== 1) throw new Error(`Enrollment ${id} was not updated`);
    },
    setThread: (id: number, threadId: string, now: number) => s.setThread.run(threadId, now, id),
    resumable: (now: number) => s.resumable.all(now),
    nextResumeAt: () => s.nextResume.get()?.paused_until ?? null,
    assignAccount: (accountId: number) => s.assignAccount.run(accountId).changes,
    withoutAccount: () => s.withoutAccount.get()!.n,
    prospect: (id: number) => s.prospect.get(id) ?? null,
    list(filter: { sequenceId?: number; prospectId?: number; status?: string; limit: number; offset: number }): { rows: ListRow[]; total: number } {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: filter.limit, offset: filter.offset };
      if (filter.sequenceId) {
        where.push('en.sequence_id = @sequenceId');
        params.sequenceId = filter.sequenceId;
      }
      if (filter.prospectId) {
        where.push('en.prospect_id = @prospectId');
        params.prospectId = filter.prospectId;
      }
      if (filter.status) {
        where.push('en.status = @status');
        params.status = filter.status;
      }
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const rows = db.prepare(`${listSelect} ${w} ORDER BY en.updated_at DESC, en.id DESC LIMIT @limit OFFSET @offset`).all(params) as ListRow[];
      const total = (db.prepare(`SELECT count(*) AS n FROM enrollments en ${w}`).get(params) as { n: number }).n;
      return { rows, total };
    },
  };
}
export type EnrollmentQueries = ReturnType<typeof enrollmentQueries>;

// SQL for sequences, their steps and attachments, with row <-> domain mappers.
import type { Attachment, Schedule, SequenceOptions, SequenceStatus, Step, StepType, Variant } from '../../../../shared/domain/sequence';
import { defaultSchedule, defaultSequenceOptions } from '../../../../shared/domain/sequence';
import type { Db } from '../open';

export interface SequenceRow {
  id: number;
  name: string;
  status: SequenceStatus;
  schedule: string;
  options: string;
  created_at: number;
  updated_at: number;
}

export interface StepRow {
  id: number;
  sequence_id: number;
  position: number;
  type: StepType;
  delay_amount: number;
  delay_unit: Step['delayUnit'];
  thread_mode: Step['threadMode'];
  variants: string;
  note: string | null;
  attachments: string;
  next_variant: number;
  deleted_at: number | null;
}

interface AttachmentRow {
  id: number;
  sequence_id: number;
  filename: string;
  content_type: string;
  size: number;
  stored_name: string;
}

export const parseSchedule = (json: string): Schedule => ({ ...defaultSchedule(), ...(JSON.parse(json) as Partial<Schedule>) });
export const parseOptions = (json: string): SequenceOptions => ({ ...defaultSequenceOptions(), ...(JSON.parse(json) as Partial<SequenceOptions>) });

export function toStep(row: StepRow, attachments: Map<number, Attachment>): Step {
  return {
    id: row.id,
    position: row.position,
    type: row.type,
    delayAmount: row.delay_amount,
    delayUnit: row.delay_unit,
    threadMode: row.thread_mode,
    variants: JSON.parse(row.variants) as Variant[],
    note: row.note ?? '',
    attachments: (JSON.parse(row.attachments) as number[]).map((id) => attachments.get(id)).filter((a): a is Attachment => !!a),
  };
}

export function sequenceQueries(db: Db) {
  const s = {
    get: db.prepare<[number], SequenceRow>('SELECT * FROM sequences WHERE id = ?'),
    list: db.prepare<[number], SequenceRow>("SELECT * FROM sequences WHERE (? = 1 OR status <> 'archived') ORDER BY status = 'archived', updated_at DESC, id DESC"),
    insert: db.prepare<{ name: string; status: string; schedule: string; options: string; now: number }>(
      'INSERT INTO sequences (name, status, schedule, options, created_at, updated_at) VALUES (@name, @status, @schedule, @options, @now, @now)',
    ),
    update: db.prepare<{ id: number; name: string; schedule: string; options: string; now: number }>(
      'UPDATE sequences SET name = @name, schedule = @schedule, options = @options, updated_at = @now WHERE id = @id',
    ),
    remove: db.prepare<[number]>('DELETE FROM sequences WHERE id = ?'),
    setStatus: db.prepare<[string, number, number]>('UPDATE sequences SET status = ?, updated_at = ? WHERE id = ?'),
    steps: db.prepare<[number], StepRow>('SELECT * FROM steps WHERE sequence_id = ? AND deleted_at IS NULL ORDER BY position'),
    step: db.prepare<[number], StepRow>('SELECT * FROM steps WHERE id = ?'),
    insertStep: db.prepare<{ sequenceId: number; position: number; type: string; delayAmount: number; delayUnit: string; threadMode: string; variants: string; note: string; attachments: string; now: number }>(
      `INSERT INTO steps (sequence_id, position, type, delay_amount, delay_unit, thread_mode, variants, note, attachments, created_at, updated_at)
       VALUES (@sequenceId, @position, @type, @delayAmount, @delayUnit, @threadMode, @variants, @note, @attachments, @now, @now)`,
    ),
    updateStep: db.prepare<{ id: number; position: number; type: string; delayAmount: number; delayUnit: string; threadMode: string; variants: string; note: string; attachments: string; now: number }>(
      `UPDATE steps SET position = @position, type = @type, delay_amount = @delayAmount, delay_unit = @delayUnit, thread_mode = @threadMode,
       variants = @variants, note = @note, attachments = @attachments, updated_at = @now WHERE id = @id`,
    ),
    parkStep: db.prepare<[number, number]>('UPDATE steps SET position = ? WHERE id = ?'),
    deleteStep: db.prepare<[number, number]>('UPDATE steps SET deleted_at = ?, position = -id WHERE id = ?'),
    takeVariant: db.prepare<[number], { v: number }>('UPDATE steps SET next_variant = next_variant + 1 WHERE id = ? RETURNING next_variant - 1 AS v'),
    counts: db.prepare<[number], { status: string; n: number }>('SELECT status, count(*) AS n FROM enrollments WHERE sequence_id = ? GROUP BY status'),
    attachments: db.prepare<[number], AttachmentRow>('SELECT * FROM attachments WHERE sequence_id = ?'),
    attachment: db.prepare<[number], AttachmentRow>('SELECT * FROM attachments WHERE id = ?'),
    insertAttachment: db.prepare<{ sequenceId: number; filename: string; contentType: string; size: number; storedName: string; now: number }>(
      'INSERT INTO attachments (sequence_id, filename, content_type, size, stored_name, created_at) VALUES (@sequenceId, @filename, @contentType, @size, @storedName, @now)',
    ),
  };
  const attachmentMap = (sequenceId: number) =>
    new Map(s.attachments.all(sequenceId).map((a) => [a.id, { id: a.id, filename: a.filename, contentType: a.content_type, size: a.size } satisfies Attachment]));
  return {
    ...s,
    attachmentMap,
    attachmentRow: (id: number) => s.attachment.get(id) ?? null,
    counts(sequenceId: number) {
      const out = { active: 0, paused: 0, finished: 0 };
      for (const r of s.counts.all(sequenceId)) out[r.status as keyof typeof out] = r.n;
      return out;
    },
    stepsOf(sequenceId: number): Step[] {
      const atts = attachmentMap(sequenceId);
      return s.steps.all(sequenceId).map((r) => toStep(r, atts));
    },
  };
}
export type SequenceQueries = ReturnType<typeof sequenceQueries>;

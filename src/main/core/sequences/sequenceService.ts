// Sequences: create, edit (live edits apply to steps not yet due), status, duplicate, starters, attachments.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Attachment, Sequence, SequenceInput, SequenceStatus, SequenceSummary } from '../../../shared/domain/sequence';
import { isEmailStep } from '../../../shared/domain/sequence';
import { starters } from '../../../shared/domain/starters';
import { UserError, notFound } from '../errors';
import { parseOptions, parseSchedule, type SequenceRow } from '../db/queries/sequences';
import type { EngineContext } from '../engine/context';
import { planNext as planNextAfter } from '../engine/planner';
import { replanNotYetDue } from './replan';

const maxAttachment = 25 * 1024 * 1024;
// File types Gmail and Outlook refuse to deliver: better to say so now than to fail at send time.
const blockedExtensions = new Set('ade adp apk appx bat cab chm cmd com cpl dll dmg exe hta ins isp jar js jse lib lnk mde msc msi msp mst nsh pif ps1 scr sct shb sys vb vbe vbs vxd wsc wsf wsh'.split(' '));

export class SequenceService {
  constructor(
    private readonly ctx: EngineContext,
    private readonly onChange: () => void = () => {},
  ) {}

  private emit(ids: number[]): void {
    this.ctx.bus.emit('sequences.changed', { sequenceIds: ids });
    this.onChange();
  }

  list(includeArchived = false): SequenceSummary[] {
    const { q } = this.ctx;
    return q.sequences.list.all(includeArchived ? 1 : 0).map((row) => {
      const steps = q.sequences.steps.all(row.id);
      return {
        id: row.id,
        name: row.name,
        status: row.status,
        counts: q.sequences.counts(row.id),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        stepCount: steps.length,
        stepTypes: steps.map((s) => s.type),
      };
    });
  }

  get(id: number): Sequence {
    const row = this.ctx.q.sequences.get.get(id);
    if (!row) throw notFound('The sequence');
    return this.toSequence(row);
  }

  private toSequence(row: SequenceRow): Sequence {
    const { q } = this.ctx;
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      schedule: parseSchedule(row.schedule),
      options: parseOptions(row.options),
      steps: q.sequences.stepsOf(row.id),
      counts: q.sequences.counts(row.id),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  create(input: SequenceInput): Sequence {
    const now = this.ctx.clock.now();
    const id = this.ctx.db.transaction(() => {
      const seqId = Number(
        this.ctx.q.sequences.insert.run({ name: input.name, status: 'active', schedule: JSON.stringify(input.schedule), options: JSON.stringify(input.options), now }).lastInsertRowid,
      );
      this.writeSteps(seqId, input, now);
      return seqId;
    })();
    this.emit([id]);
    return this.get(id);
  }

  /** Saves the whole sequence. Runs already planned keep their due time; content and type changes apply to every step not yet sent. */
  update(id: number, input: SequenceInput): { sequence: Sequence; liveNotice: string | null } {
    const existing = this.get(id);
    const now = this.ctx.clock.now();
    const known = new Set(existing.steps.map((s) => s.id));
    for (const s of input.steps) if (s.id !== undefined && !known.has(s.id)) throw new UserError('invalid_request', 'A step in this sequence no longer exists; reload the sequence and try again.');
    let cancelled = 0;
    let moved = 0;
    const scheduleChanged = JSON.stringify(existing.schedule) !== JSON.stringify(input.schedule);
    const before = new Map(existing.steps.map((s) => [s.id, `${s.delayAmount}${s.delayUnit}`]));
    const delayChanged = new Set(input.steps.filter((s) => s.id !== undefined && before.get(s.id) !== `${s.delayAmount}${s.delayUnit}`).map((s) => s.id!));
    this.ctx.db.transaction(() => {
      this.ctx.q.sequences.update.run({ id, name: input.name, schedule: JSON.stringify(input.schedule), options: JSON.stringify(input.options), now });
      cancelled = this.writeSteps(id, input, now);
      if (scheduleChanged || delayChanged.size > 0) moved = replanNotYetDue(this.ctx, id, scheduleChanged ? 'all' : delayChanged, now);
    })();
    this.ctx.recorder.flush();
    const open = existing.counts.active + existing.counts.paused;
    const liveNotice =
      open > 0
        ? `${open} prospect${open === 1 ? ' is' : 's are'} in this sequence. The changes apply to every step not yet sent; steps already sent stay as they were.` +
          (cancelled ? ` ${cancelled} planned step${cancelled === 1 ? ' was' : 's were'} removed, and those prospects move on to the next step.` : '') +
          (moved ? ` ${moved} planned step${moved === 1 ? ' moves' : 's move'} to fit the new timing.` : '')
        : null;
    this.emit([id]);
    return { sequence: this.get(id), liveNotice };
  }

  /** Inserts new steps, updates kept ones, removes missing ones; returns how many planned runs a removal skipped. */
  private writeSteps(sequenceId: number, input: SequenceInput, now: number): number {
    const { q } = this.ctx;
    const attachments = q.sequences.attachmentMap(sequenceId);
    const kept = new Set<number>();
    // Park positions first so the new order never collides with the old one.
    for (const row of q.sequences.steps.all(sequenceId)) q.sequences.parkStep.run(-1000 - row.id, row.id);
    input.steps.forEach((s, position) => {
      for (const a of s.attachmentIds) if (!attachments.has(a)) throw new UserError('invalid_request', 'An attachment of this step was not found; add the file again.');
      const values = {
        position,
        type: s.type,
        delayAmount: s.delayAmount,
        delayUnit: s.delayUnit,
        threadMode: position === 0 ? 'new' : s.threadMode,
        variants: JSON.stringify(isEmailStep(s.type) ? s.variants : []),
        note: s.note,
        attachments: JSON.stringify(isEmailStep(s.type) ? s.attachmentIds : []),
        now,
      };
      if (s.id !== undefined) {
        q.sequences.updateStep.run({ id: s.id, ...values });
        q.runs.setAutoForStep(s.id, s.type === 'auto_email');
        kept.add(s.id);
      } else {
        kept.add(Number(q.sequences.insertStep.run({ sequenceId, ...values }).lastInsertRowid));
      }
    });
    let skipped = 0;
    for (const row of q.sequences.steps.all(sequenceId)) {
      if (kept.has(row.id)) continue;
      q.sequences.deleteStep.run(now, row.id);
      skipped += this.skipRemovedStep(row.id, now);
    }
    return skipped;
  }

  /** A removed step's planned runs are skipped and their enrollments move on to the following step. */
  private skipRemovedStep(stepId: number, now: number): number {
    const { q } = this.ctx;
    const ids = q.runs.pendingOfStep(stepId);
    for (const id of ids) {
      const run = q.runs.get(id)!;
      q.runs.update(id, now, { state: 'skipped', auto: false, reason: 'The step was removed from the sequence', completedAt: now });
      this.ctx.recorder.event({ prospectId: run.prospect_id, enrollmentId: run.enrollment_id, stepRunId: id, type: 'skipped', reason: 'The step was removed from the sequence', at: now });
      const e = q.enrollments.get(run.enrollment_id)!;
      // Continue after the steps this enrollment already reached.
      planNextAfter(this.ctx, e, q.runs.reachedPosition(e.id) ?? -1, now);
    }
    return ids.length;
  }

  setStatus(id: number, status: SequenceStatus): Sequence {
    const seq = this.get(id);
    if (seq.status === status) return seq;
    const now = this.ctx.clock.now();
    this.ctx.q.sequences.setStatus.run(status, now, id);
    this.emit([id]);
    return this.get(id);
  }

  duplicate(id: number): Sequence {
    const seq = this.get(id);
    const copy = this.create({
      name: `${seq.name} (copy)`.slice(0, 120),
      schedule: seq.schedule,
      options: seq.options,
      steps: seq.steps.map((s) => ({ type: s.type, delayAmount: s.delayAmount, delayUnit: s.delayUnit, threadMode: s.threadMode, variants: s.variants, note: s.note, attachmentIds: [] })),
    });
    // Attachments are copied by reference to the same stored files, owned by the new sequence.
    const { q } = this.ctx;
    const remap = new Map<number, number>();
    for (const s of seq.steps)
      for (const a of s.attachments) {
        if (remap.has(a.id)) continue;
        const row = q.sequences.attachmentRow(a.id)!;
        remap.set(a.id, Number(q.sequences.insertAttachment.run({ sequenceId: copy.id, filename: row.filename, contentType: row.content_type, size: row.size, storedName: `${randomUUID()}-${row.stored_name.replace(/^[0-9a-f-]{36}-/, '')}`, now: this.ctx.clock.now() }).lastInsertRowid));
        copyFile(this.ctx.dataDir, row.stored_name, q.sequences.attachmentRow(remap.get(a.id)!)!.stored_name);
      }
    if (remap.size === 0) return copy;
    return this.update(copy.id, {
      name: copy.name,
      schedule: copy.schedule,
      options: copy.options,
      steps: copy.steps.map((s, i) => ({ ...s, attachmentIds: seq.steps[i]!.attachments.map((a) => remap.get(a.id)!), attachments: undefined })),
    }).sequence;
  }

  createFromStarter(key: string, name?: string): Sequence {
    const starter = starters.find((s) => s.key === key);
    if (!starter) throw notFound('That starter sequence');
    return this.create({ ...starter.sequence, name: name?.trim() || starter.sequence.name });
  }

  addAttachment(sequenceId: number, filename: string, contentType: string, dataBase64: string): Attachment {
    this.get(sequenceId);
    const data = Buffer.from(dataBase64, 'base64');
    const extension = filename.toLowerCase().split('.').pop() ?? '';
    if (blockedExtensions.has(extension))
      throw new UserError('invalid_request', `Gmail and Outlook block .${extension} files, so ${filename} would never arrive. Share it as a link instead.`);
    if (data.length === 0) throw new UserError('invalid_request', `${filename} is empty; choose the file again.`);
    if (data.length > maxAttachment) throw new UserError('invalid_request', `${filename} is larger than 25 MB, which Gmail and Outlook refuse. Link to it instead.`);
    const safe = filename.replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'file';
    const storedName = `${randomUUID()}-${safe}`;
    const dir = join(this.ctx.dataDir, 'attachments');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, storedName), data);
    const id = Number(this.ctx.q.sequences.insertAttachment.run({ sequenceId, filename, contentType: contentType || 'application/octet-stream', size: data.length, storedName, now: this.ctx.clock.now() }).lastInsertRowid);
    return { id, filename, contentType: contentType || 'application/octet-stream', size: data.length };
  }
}

function copyFile(dataDir: string, from: string, to: string): void {
  try {
    copyFileSync(join(dataDir, 'attachments', from), join(dataDir, 'attachments', to));
  } catch {
    // The original file is gone: the copy keeps the record and the send reports the missing file.
  }
}

// Sequences: live edits apply to steps not yet due, removal moves prospects on, duplicate, starters, preview, status.
import { describe, expect, it } from 'vitest';
import { starters } from '../../../src/shared/domain/starters';
import { SequenceInputSchema } from '../../../src/shared/domain/sequence';
import { previewSequence } from '../../../src/main/core/sequences/preview';
import { toInput } from '../../../src/renderer/src/store/sequences';
import { autoEmail, makeWorld, sequenceInput, stepOf } from '../../support/engineWorld';

describe('sequences', () => {
  it('every starter is valid, has 5 to 9 steps mixing emails with calls and tasks, and ends with a short break-up email', () => {
    expect(starters.map((s) => s.key)).toEqual(['inbound-content', 'outbound-first-touch', 'webinar-follow-up', 're-engagement']);
    for (const s of starters) {
      expect(SequenceInputSchema.safeParse(s.sequence).success).toBe(true);
      expect(s.sequence.steps.length).toBeGreaterThanOrEqual(5);
      expect(s.sequence.steps.length).toBeLessThanOrEqual(9);
      const types = new Set(s.sequence.steps.map((x) => x.type));
      expect(types.has('call') && (types.has('auto_email') || types.has('manual_email'))).toBe(true);
      const last = s.sequence.steps.at(-1)!;
      expect(last.type).toBe('auto_email');
      expect(last.variants[0]!.body).toMatch(/Shall I stop writing\?/);
    }
  });

  it('a starter renders for a prospect without missing fields, thanks to fallbacks', () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const p = w.addProspect({ first_name: null, company: null });
    for (const s of starters) {
      const preview = previewSequence(w.core.engine, p, s.sequence);
      for (const step of preview.steps) for (const e of step.emails) expect(e.missingFields, `${s.key} step ${step.index}`).toEqual([]);
    }
  });

  it('editing a live sequence changes steps not yet sent and says so; removing a step moves prospects on', async () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([autoEmail('One', 'First'), stepOf('call', 1), autoEmail('', 'Old follow-up', 1)]));
    const p = w.addProspect();
    const id = w.core.enrollments.create(seq.id, [p])[0]!.enrollmentId!;
    await w.run('2026-03-02T20:00:00Z');
    expect(w.runsOf(id).map((r) => r.stepType)).toEqual(['auto_email', 'call']);
    const draft = toInput(w.core.sequences.get(seq.id));
    draft.steps[2] = { ...draft.steps[2]!, variants: [{ subject: '', body: 'New follow-up' }] };
    draft.steps.splice(1, 1); // remove the call the prospect is waiting on
    const { liveNotice, sequence } = w.core.sequences.update(seq.id, draft);
    expect(sequence.steps.map((s) => s.type)).toEqual(['auto_email', 'auto_email']);
    expect(liveNotice).toMatch(/1 prospect is in this sequence.*1 planned step was removed/);
    const runs = w.runsOf(id);
    expect(runs.map((r) => `${r.stepType}:${r.state}`)).toEqual(['auto_email:sent', 'call:skipped', 'auto_email:scheduled']);
    await w.run('2026-03-05T20:00:00Z');
    expect(w.mail.sent.map((s) => s.email.text)).toEqual(['First', 'New follow-up']);
  });

  it('changing a step type from automatic to manual takes planned runs out of the automatic path', async () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([stepOf('task', 0), autoEmail('Hi', 'x', 1)]));
    const id = w.core.enrollments.create(seq.id, [w.addProspect()])[0]!.enrollmentId!;
    w.core.stepRuns.complete(w.runsOf(id)[0]!.id);
    expect(w.runsOf(id)[1]!.automatic).toBe(true);
    const draft = toInput(w.core.sequences.get(seq.id));
    draft.steps[1] = { ...draft.steps[1]!, type: 'manual_email' };
    w.core.sequences.update(seq.id, draft);
    expect(w.runsOf(id)[1]!.automatic).toBe(false);
    await w.advance(5 * 86_400_000);
    expect(w.mail.sent).toHaveLength(0);
  });

  it('pausing a sequence holds its sends; resume lets them go; archive refuses new enrollments; duplicate copies steps', async () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'x'), stepOf('task', 1)]));
    w.core.enrollments.create(seq.id, [w.addProspect()]);
    w.core.sequences.setStatus(seq.id, 'paused');
    await w.advance(3_600_000);
    expect(w.mail.sent).toHaveLength(0);
    w.core.sequences.setStatus(seq.id, 'active');
    await w.advance(3_600_000);
    expect(w.mail.sent).toHaveLength(1);
    const copy = w.core.sequences.duplicate(seq.id);
    expect(copy.name).toBe('Test sequence (copy)');
    expect(copy.steps.map((s) => s.type)).toEqual(['auto_email', 'task']);
    expect(copy.counts.active).toBe(0);
    w.core.sequences.setStatus(seq.id, 'archived');
    expect(() => w.core.enrollments.create(seq.id, [w.addProspect()])).toThrow(/archived/);
    expect(w.core.sequences.list().map((s) => s.name)).toEqual(['Test sequence (copy)']);
  });

  it('preview plans in the prospect zone and flags missing fields per variant', () => {
    const w = makeWorld('2026-03-06T21:00:00Z'); // Friday 16:00 New York
    const p = w.addProspect({ time_zone: 'Asia/Tokyo', country: 'JP', first_name: null });
    const preview = previewSequence(w.core.engine, p, sequenceInput([autoEmail('Hi {{ first_name }}', 'x'), autoEmail('', 'Hi {{ first_name | default: "there" }}', 1)]));
    expect(preview.timeZone).toBe('Asia/Tokyo');
    expect(preview.steps[0]!.localDueAt).toBe('Mon 9 Mar 2026, 08:00 (Asia/Tokyo)');
    expect(preview.steps[1]!.localDueAt).toBe('Tue 10 Mar 2026, 08:00 (Asia/Tokyo)');
    expect(preview.steps[0]!.emails[0]!.missingFields).toEqual(['first_name']);
    expect(preview.steps[1]!.emails[0]).toMatchObject({ subject: 'Re: Hi', html: '<p>Hi there</p>', missingFields: [] });
  });
});

describe('live edits of timing', () => {
  it('a longer delay or a new schedule moves planned steps not yet due, and says so', async () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'x'), stepOf('call', 1)]));
    const id = w.core.enrollments.create(seq.id, [w.addProspect()])[0]!.enrollmentId!;
    await w.advance(10 * 60_000);
    const sentAt = w.mail.sent[0]!.at;
    expect(new Date(w.runsOf(id)[1]!.dueAt).toISOString()).toBe(new Date(sentAt + 86_400_000).toISOString());
    const draft = toInput(w.core.sequences.get(seq.id));
    draft.steps[1] = { ...draft.steps[1]!, delayAmount: 3 };
    const { liveNotice } = w.core.sequences.update(seq.id, draft);
    expect(liveNotice).toMatch(/1 planned step moves to fit the new timing/);
    expect(new Date(w.runsOf(id)[1]!.dueAt).toISOString()).toBe(new Date(sentAt + 3 * 86_400_000).toISOString()); // Mon -> Thu
    const later = { ...draft, schedule: { ...draft.schedule, start: '13:00' } };
    w.core.sequences.update(seq.id, later);
    expect(new Date(w.runsOf(id)[1]!.dueAt).toISOString()).toBe('2026-03-05T18:00:00.000Z'); // 13:00 New York
    expect(w.events(w.runsOf(id)[1]!.prospectId)[0]!.reason).toMatch(/The sequence was edited/);
  });
});

// Enrollment rules, the first plan, pause/resume/finish/move, and the step-run actions the queue uses.
import { describe, expect, it } from 'vitest';
import { autoEmail, makeWorld, sequenceInput, stepOf } from '../../support/engineWorld';

describe('enrollment', () => {
  it('refuses suppressed prospects and duplicates, and those active elsewhere unless allowed', () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const a = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'Hello')]));
    const b = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'Hello')], { name: 'Other' }));
    const ok = w.addProspect();
    const suppressed = w.addProspect({ status: 'unsubscribed' });
    const results = w.core.enrollments.create(a.id, [ok, suppressed, 9999]);
    expect(results.map((r) => r.refusal?.code ?? 'ok')).toEqual(['ok', 'suppressed', 'not_found']);
    expect(results[1]!.refusal!.message).toMatch(/asked not to be contacted/);
    expect(w.core.enrollments.create(a.id, [ok])[0]!.refusal!.code).toBe('already_in_sequence');
    const elsewhere = w.core.enrollments.create(b.id, [ok])[0]!;
    expect(elsewhere.refusal!.code).toBe('active_elsewhere');
    expect(elsewhere.refusal!.message).toContain('Test sequence');
    expect(w.core.enrollments.create(b.id, [ok], { allowActiveElsewhere: true })[0]!.enrollmentId).toBeGreaterThan(0);
  });

  it('plans the first step in the prospect window and records it in the timeline', () => {
    const w = makeWorld('2026-03-02T03:00:00Z'); // Sun 22:00 in New York
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'Hello')]));
    const p = w.addProspect({ time_zone: 'Europe/Berlin', country: 'DE' });
    const [r] = w.core.enrollments.create(seq.id, [p]);
    const run = w.runsOf(r!.enrollmentId!)[0]!;
    expect(new Date(run.dueAt).toISOString()).toBe('2026-03-02T07:00:00.000Z'); // Mon 08:00 Berlin
    expect(w.events(p).map((e) => e.type)).toEqual(['scheduled', 'enrolled']);
    expect(w.events(p)[0]!.reason).toContain('Mon 2 Mar 2026, 08:00 (Europe/Berlin)');
  });

  it('uses the rep zone and country when the prospect has none', () => {
    const w = makeWorld('2026-07-02T23:00:00Z', { repTimeZone: 'America/Chicago' });
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'Hello')]));
    const p = w.addProspect({ time_zone: null, country: null });
    const [r] = w.core.enrollments.create(seq.id, [p]);
    // Fri 3 Jul is the observed US holiday: Monday 08:00 Chicago.
    expect(new Date(w.runsOf(r!.enrollmentId!)[0]!.dueAt).toISOString()).toBe('2026-07-06T13:00:00.000Z');
  });

  it('pause holds the work; resume moves an overdue automatic send to the next window', async () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'Hello', 1)]));
    const p = w.addProspect();
    const id = w.core.enrollments.create(seq.id, [p])[0]!.enrollmentId!;
    w.core.enrollments.pauseOne(id, null, 'Paused by the rep');
    await w.run('2026-03-05T23:30:00Z');
    expect(w.mail.sent).toHaveLength(0);
    const e = w.core.enrollments.resume(id);
    expect(e.status).toBe('active');
    expect(new Date(e.next!.dueAt).toISOString()).toBe('2026-03-06T13:00:00.000Z');
    expect(w.events(p).map((x) => x.type).slice(0, 3)).toEqual(['rescheduled', 'resumed', 'paused']);
  });

  it('an out-of-office pause resumes by itself', async () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'Hello', 1), stepOf('task', 1)]));
    const p = w.addProspect();
    const id = w.core.enrollments.create(seq.id, [p])[0]!.enrollmentId!;
    expect(w.core.enrollments.pause({ prospectId: p, until: Date.parse('2026-03-09T12:00:00Z'), reason: 'out_of_office', detail: 'back Monday' })).toBe(1);
    await w.run('2026-03-09T11:00:00Z');
    expect(w.mail.sent).toHaveLength(0);
    await w.run('2026-03-09T16:00:00Z');
    expect(w.core.enrollments.get(id).status).toBe('active');
    expect(w.mail.sent).toHaveLength(1);
  });

  it('finish by hand cancels pending work; move finishes here and starts there', () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const a = w.core.sequences.create(sequenceInput([stepOf('call', 0)]));
    const b = w.core.sequences.create(sequenceInput([stepOf('task', 0)], { name: 'B' }));
    const p1 = w.addProspect();
    const p2 = w.addProspect();
    const [e1, e2] = w.core.enrollments.create(a.id, [p1, p2]).map((r) => r.enrollmentId!);
    const finished = w.core.enrollments.finish(e1!, 'Not the right person');
    expect(finished.status).toBe('finished');
    expect(finished.finishReason).toBe('finished_by_rep');
    expect(w.runsOf(e1!)[0]!.state).toBe('cancelled');
    const moved = w.core.enrollments.move(e2!, b.id);
    expect(moved.sequenceId).toBe(b.id);
    expect(w.core.enrollments.get(e2!).finishReason).toBe('moved');
    expect(moved.next!.stepType).toBe('task');
  });
});

describe('step-run actions', () => {
  it('complete a task and log a call move on; a connected call finishes the enrollment', () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([stepOf('task', 0), stepOf('call', 1), stepOf('call', 1), stepOf('task', 1)]));
    const p = w.addProspect();
    const id = w.core.enrollments.create(seq.id, [p])[0]!.enrollmentId!;
    const task = w.runsOf(id)[0]!;
    expect(task.actions).toEqual(['complete', 'skip', 'reschedule']);
    expect(() => w.core.stepRuns.logCall(task.id, { outcome: 'connected' })).toThrow(/cannot be handled that way/);
    w.core.stepRuns.complete(task.id, 'Read their blog');
    const call = w.runsOf(id)[1]!;
    expect(new Date(call.dueAt).toISOString()).toBe('2026-03-03T14:00:00.000Z');
    w.core.stepRuns.logCall(call.id, { outcome: 'voicemail', notes: 'left a message' });
    const call2 = w.runsOf(id)[2]!;
    w.core.stepRuns.logCall(call2.id, { outcome: 'connected' });
    const e = w.core.enrollments.get(id);
    expect(e.status).toBe('finished');
    expect(e.finishReason).toBe('call_connected');
    expect(w.runsOf(id)).toHaveLength(3);
    expect(w.events(p)[0]!.reason).toMatch(/A call connected/);
  });

  it('a per-sequence setting can keep going after a connected call', () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([stepOf('call', 0), stepOf('task', 1)], { options: { stopOnCallOutcomes: ['meeting_booked'], description: '' } }));
    const id = w.core.enrollments.create(seq.id, [w.addProspect()])[0]!.enrollmentId!;
    w.core.stepRuns.logCall(w.runsOf(id)[0]!.id, { outcome: 'connected' });
    expect(w.core.enrollments.get(id).status).toBe('active');
    expect(w.runsOf(id)[1]!.stepType).toBe('task');
  });

  it('skip, reschedule and the last step completing the enrollment', () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([stepOf('task', 0), stepOf('call', 2)]));
    const p = w.addProspect();
    const id = w.core.enrollments.create(seq.id, [p])[0]!.enrollmentId!;
    w.core.stepRuns.skip(w.runsOf(id)[0]!.id, 'not needed');
    const call = w.runsOf(id)[1]!;
    const moved = w.core.stepRuns.reschedule(call.id, Date.parse('2026-03-10T15:00:00Z'));
    expect(moved.dueAt).toBe(Date.parse('2026-03-10T15:00:00Z'));
    w.core.stepRuns.logCall(call.id, { outcome: 'no_answer' });
    const e = w.core.enrollments.get(id);
    expect(e.status).toBe('finished');
    expect(e.finishReason).toBe('completed');
    expect(w.events(p).map((x) => x.type)).toContain('skipped');
  });

  it('approving a manual email sends it at the next tick, with the rep text', async () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([stepOf('manual_email', 0)]));
    const p = w.addProspect();
    const id = w.core.enrollments.create(seq.id, [p])[0]!.enrollmentId!;
    await w.advance(3_600_000);
    expect(w.mail.sent).toHaveLength(0);
    const run = w.runsOf(id)[0]!;
    expect(() => w.core.stepRuns.approve(run.id, { subject: 'Hi {{first_name}}', body: 'x' })).toThrow(/merge field/);
    w.core.stepRuns.approve(run.id, { subject: 'Hello Alex', body: 'Dear Alex,\n\nShort note.' });
    await w.advance(1000);
    expect(w.mail.sent).toHaveLength(1);
    expect(w.mail.sent[0]!.email.subject).toBe('Hello Alex');
    expect(w.mail.sent[0]!.email.html).toContain('<p>Dear Alex,</p>');
    expect(w.core.enrollments.get(id).finishReason).toBe('completed');
  });
});

describe('navigation counts', () => {
  it('follow the queue: work for the rep due today, announced once per burst of changes', async () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seen: { today: number }[] = [];
    w.core.bus.subscribe((name, payload) => name === 'counts.changed' && seen.push(payload as { today: number }));
    const seq = w.core.sequences.create(sequenceInput([stepOf('call', 0), autoEmail('Hi', 'x', 1)]));
    w.core.enrollments.create(seq.id, [w.addProspect(), w.addProspect()]);
    // Coalesced per turn of the event loop (the queue branch's rule: it also works on a test clock that stands still).
    await Promise.resolve();
    expect(seen.at(-1)!.today).toBe(2);
    expect(seen.length).toBe(1);
    expect(w.core.navCounts().today).toBe(2);
  });
});

describe('days off added later', () => {
  it('move work already planned on those days, calls and automatic emails alike', () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([stepOf('call', 2), autoEmail('Hi', 'x', 1)]));
    const p = w.addProspect();
    const id = w.core.enrollments.create(seq.id, [p])[0]!.enrollmentId!;
    expect(new Date(w.runsOf(id)[0]!.dueAt).toISOString()).toBe('2026-03-04T14:00:00.000Z'); // Wednesday
    w.core.settings.update({ timeOff: [{ start: '2026-03-04', end: '2026-03-05', label: 'Offsite' }] });
    expect(new Date(w.runsOf(id)[0]!.dueAt).toISOString()).toBe('2026-03-06T13:00:00.000Z'); // Friday 08:00 New York
    expect(w.events(p)[0]!.reason).toMatch(/You are off that day \(Offsite\); moved to Fri 6 Mar 2026, 08:00/);
  });
});

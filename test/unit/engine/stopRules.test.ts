// Every stop rule finishes the enrollment, cancels pending work and is recorded; the pre-send check catches late replies.
import { describe, expect, it } from 'vitest';
import { stopReasons, type StopReason } from '../../../src/shared/domain/mail';
import { autoEmail, makeWorld, sequenceInput, stepOf } from '../../support/engineWorld';

describe('stop rules', () => {
  it.each(stopReasons.filter((r) => r !== 'completed' && r !== 'moved'))('%s finishes the enrollment and nothing is sent after it', async (reason) => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'One'), autoEmail('', 'Two', 1), stepOf('call', 1)]));
    const p = w.addProspect();
    const other = w.addProspect();
    const [id] = w.core.enrollments.create(seq.id, [p, other]).map((r) => r.enrollmentId!);
    await w.run('2026-03-02T20:00:00Z');
    expect(w.mail.sent).toHaveLength(2);
    const n = w.core.enrollments.stop({ prospectId: p, reason: reason as StopReason, detail: 'test detail', messageId: 7 });
    expect(n).toBe(1);
    const e = w.core.enrollments.get(id!);
    expect(e.status).toBe('finished');
    expect(e.finishReason).toBe(reason);
    expect(w.runsOf(id!).map((r) => r.state)).toEqual(['sent', 'cancelled']);
    const finished = w.events(p).find((x) => x.type === 'finished')!;
    expect(finished.reason).toContain('test detail');
    expect(finished.data).toMatchObject({ reason, messageId: 7 });
    await w.run('2026-03-10T20:00:00Z');
    expect(w.mail.sent.filter((s) => s.email.to.email === w.core.engine.q.enrollments.prospect(p)!.email)).toHaveLength(1);
    expect(w.mail.sent).toHaveLength(3); // the other prospect carries on
  });

  it('stopping with an enrollment id only stops that enrollment', () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const a = w.core.sequences.create(sequenceInput([stepOf('task', 0)]));
    const b = w.core.sequences.create(sequenceInput([stepOf('task', 0)], { name: 'B' }));
    const p = w.addProspect();
    const ea = w.core.enrollments.create(a.id, [p])[0]!.enrollmentId!;
    const eb = w.core.enrollments.create(b.id, [p], { allowActiveElsewhere: true })[0]!.enrollmentId!;
    expect(w.core.enrollments.stop({ prospectId: p, enrollmentId: eb, reason: 'finished_by_rep', detail: 'x' })).toBe(1);
    expect(w.core.enrollments.get(ea).status).toBe('active');
  });

  it('the pre-send check cancels a send when the prospect wrote meanwhile, and stops as replied', async () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'One'), autoEmail('', 'Two', 1)]));
    const p = w.addProspect({ email: 'ann@buyer.test' });
    const id = w.core.enrollments.create(seq.id, [p])[0]!.enrollmentId!;
    await w.run('2026-03-02T20:00:00Z');
    w.mail.reply('ann@buyer.test', w.mail.sent[0]!.result.threadId, Date.parse('2026-03-02T21:00:00Z'), 'Re: Hi');
    await w.run('2026-03-04T20:00:00Z');
    expect(w.mail.sent).toHaveLength(1);
    expect(w.runsOf(id).map((r) => r.state)).toEqual(['sent', 'cancelled']);
    expect(w.core.enrollments.get(id).finishReason).toBe('replied');
    expect(w.events(p).find((e) => e.type === 'cancelled')!.reason).toMatch(/new mail from the prospect/);
  });

  it('a reply handled by an inbox poll while the pre-send check runs still stops the send', async () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'One'), autoEmail('', 'Two', 1)]));
    const p = w.addProspect({ email: 'bo@buyer.test' });
    const id = w.core.enrollments.create(seq.id, [p])[0]!.enrollmentId!;
    await w.run('2026-03-02T20:00:00Z');
    expect(w.mail.sent).toHaveLength(1);
    // The poll stores the reply and stops the enrollment while the follow-up is in `sending`; the check itself sees nothing new.
    const check = w.mail.newMailSince.bind(w.mail);
    w.mail.newMailSince = async (account, query) => {
      w.core.enrollments.stop({ prospectId: p, reason: 'replied', detail: 'Re: Hi' });
      return check(account, query);
    };
    await w.run('2026-03-04T20:00:00Z');
    expect(w.mail.sent).toHaveLength(1);
    expect(w.runsOf(id).map((r) => r.state)).toEqual(['sent', 'cancelled']);
    expect(w.core.enrollments.get(id).finishReason).toBe('replied');
    expect(w.events(p).find((e) => e.type === 'cancelled' && e.stepRunId !== null && /meanwhile/.test(e.reason ?? ''))!.reason).toMatch(/stopped meanwhile \(replied\)/);
  });
});

// The outbox and pacing: caps, spacing, catch-up without a burst, A/B, held emails, threads, provider errors, reconcile.
import { describe, expect, it, vi } from 'vitest';
import { ProviderError } from '../../../src/main/core/mail/errors';
import { isSendable, makeCalendar } from '../../../src/main/core/schedule/calendar';
import { defaultSchedule } from '../../../src/shared/domain/sequence';
import { autoEmail, makeWorld, sequenceInput, stepOf } from '../../support/engineWorld';

const ny = makeCalendar(defaultSchedule(), 'America/New_York', 'US', []);

describe('pacing', () => {
  it('spaces sends 60-180 s apart and stops at the daily cap; the rest moves to the next window', async () => {
    const w = makeWorld('2026-03-02T12:00:00Z', { settings: { dailySendCap: 20, perDomainDailyCap: null } });
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi {{first_name}}', 'Hello')]));
    const ids = Array.from({ length: 50 }, () => w.addProspect());
    w.core.enrollments.create(seq.id, ids);
    await w.run('2026-03-02T22:30:00Z'); // Monday, end of the window in New York
    expect(w.mail.sent).toHaveLength(20);
    const gaps = w.mail.sent.slice(1).map((s, i) => (s.at - w.mail.sent[i]!.at) / 1000);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(180);
    expect(new Set(gaps.map((g) => Math.round(g))).size).toBeGreaterThan(5); // random, not a fixed beat
    const capped = w.events(ids[30]!).find((e) => e.type === 'rescheduled');
    expect(capped!.reason).toMatch(/daily limit of 20/);
    await w.run('2026-03-04T22:30:00Z');
    expect(w.mail.sent).toHaveLength(50);
    for (const s of w.mail.sent) expect(isSendable(ny, s.at)).toBe(true);
  });

  it('holds to the per-company-domain cap per day', async () => {
    const w = makeWorld('2026-03-02T12:00:00Z', { settings: { perDomainDailyCap: 2 } });
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'Hello')]));
    const ids = [1, 2, 3, 4, 5].map((i) => w.addProspect({ email: `p${i}@same.test`, domain: 'same.test' }));
    w.core.enrollments.create(seq.id, ids);
    await w.run('2026-03-02T22:00:00Z');
    expect(w.mail.sent).toHaveLength(2);
    expect(w.events(ids[2]!).find((e) => e.type === 'rescheduled')!.reason).toMatch(/per-company limit/);
    await w.run('2026-03-04T22:00:00Z');
    expect(w.mail.sent).toHaveLength(5);
  });

  it('after a long sleep re-plans overdue sends into the next window and spreads them: never a burst', async () => {
    const w = makeWorld('2026-03-02T12:00:00Z', { settings: { perDomainDailyCap: null } });
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'Hello', 0), autoEmail('', 'Follow-up', 1)]));
    const ids = Array.from({ length: 30 }, () => w.addProspect());
    w.core.enrollments.create(seq.id, ids);
    await w.run('2026-03-02T22:00:00Z');
    expect(w.mail.sent).toHaveLength(30);
    // The laptop sleeps from Monday night until Thursday 15:00 New York: every follow-up fell due on Tuesday.
    w.core.scheduler.lastTickAt = w.clock.now();
    w.clock.set(Date.parse('2026-03-05T20:00:00Z'));
    await w.run(Date.parse('2026-03-05T20:00:00Z'));
    const late = w.mail.sent.slice(30);
    expect(late.length).toBeLessThanOrEqual(1);
    await w.run('2026-03-06T22:00:00Z');
    const followUps = w.mail.sent.slice(30);
    expect(followUps).toHaveLength(30);
    for (let i = 1; i < followUps.length; i++) expect(followUps[i]!.at - followUps[i - 1]!.at).toBeGreaterThanOrEqual(60_000);
    expect(w.events(ids[5]!).some((e) => e.type === 'rescheduled' && /asleep or closed/.test(e.reason ?? ''))).toBe(true);
  });

  it('with no connected mailbox, automatic emails wait with a visible reason and nothing pretends to send', async () => {
    const w = makeWorld('2026-03-02T12:00:00Z', { mailbox: false });
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'Hello')]));
    const id = w.core.enrollments.create(seq.id, [w.addProspect()])[0]!.enrollmentId!;
    await w.advance(86_400_000);
    const run = w.runsOf(id)[0]!;
    expect(run.state).toBe('scheduled');
    expect(run.reason).toMatch(/Waiting for a connected mailbox/);
    expect(w.mail.sent).toHaveLength(0);
    // Connecting a mailbox later picks the work up.
    w.core.deps.db.prepare("INSERT INTO accounts (provider, email, created_at, updated_at) VALUES ('gmail', 'r@seller.test', 0, 0)").run();
    await w.advance(86_400_000);
    expect(w.mail.sent).toHaveLength(1);
  });
});

describe('content', () => {
  it('assigns A/B variants evenly and records the variant on the run and in the sent event', async () => {
    const w = makeWorld('2026-03-02T12:00:00Z', { settings: { perDomainDailyCap: null, dailySendCap: 200 } });
    const seq = w.core.sequences.create(
      sequenceInput([autoEmail('A', 'Body A', 0, { variants: [{ subject: 'A', body: 'Body A' }, { subject: 'B', body: 'Body B' }, { subject: 'C', body: 'Body C' }] })]),
    );
    const ids = Array.from({ length: 30 }, () => w.addProspect());
    const enrollments = w.core.enrollments.create(seq.id, ids).map((r) => r.enrollmentId!);
    const counts = [0, 0, 0];
    for (const e of enrollments) counts[w.runsOf(e)[0]!.variant!]!++;
    expect(counts).toEqual([10, 10, 10]);
    await w.run('2026-03-03T22:00:00Z');
    const bySubject = w.mail.sent.reduce<Record<string, number>>((acc, s) => ((acc[s.email.subject] = (acc[s.email.subject] ?? 0) + 1), acc), {});
    expect(bySubject).toEqual({ A: 10, B: 10, C: 10 });
    expect(w.events(ids[1]!).find((e) => e.type === 'sent')!.reason).toContain('(variant B)');
  });

  it('an email with a field that resolves to nothing is held for the rep with a warning', async () => {
    const w = makeWorld('2026-03-02T12:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi {{ first_name }}', 'About {{ company | default: "your team" }}')]));
    const noName = w.addProspect({ first_name: null });
    const named = w.addProspect({ company: null });
    const [a, b] = w.core.enrollments.create(seq.id, [noName, named]).map((r) => r.enrollmentId!);
    await w.advance(3_600_000);
    const held = w.runsOf(a!)[0]!;
    expect(held.state).toBe('awaiting_approval');
    expect(held.automatic).toBe(false);
    expect(held.warning).toMatch(/Missing first_name/);
    expect(w.runsOf(b!)[0]!.state).toBe('sent');
    expect(w.mail.sent.map((s) => s.email.html)).toEqual(['<p>About your team</p>']);
    expect(w.core.engine.q.runs.queue(Date.parse('2026-03-03T05:00:00Z'), 50).map((r) => r.id)).toEqual([held.id]);
  });

  it('a follow-up replies in the same thread with In-Reply-To and References; a new-thread step does not', async () => {
    const w = makeWorld('2026-03-02T12:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Intro', 'One'), autoEmail('ignored', 'Two', 1), autoEmail('Fresh', 'Three', 1, { threadMode: 'new' })]));
    w.core.enrollments.create(seq.id, [w.addProspect()]);
    await w.run('2026-03-05T22:00:00Z');
    const [one, two, three] = w.mail.sent;
    expect(two!.email.subject).toBe('Re: Intro');
    expect(two!.email.threadId).toBe(one!.result.threadId);
    expect(two!.email.inReplyTo).toBe(one!.email.messageId);
    expect(two!.email.references).toEqual([one!.email.messageId]);
    expect(three!.email.subject).toBe('Fresh');
    expect(three!.email.threadId).toBeUndefined();
    expect(one!.email.messageId).toMatch(/^<[0-9a-f-]{36}@seller\.test>$/);
  });
});

describe('provider errors and the outbox', () => {
  const setup = (errs: Error[]) => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'Hello'), stepOf('task', 1)]));
    const p = w.addProspect();
    const id = w.core.enrollments.create(seq.id, [p])[0]!.enrollmentId!;
    w.mail.failNext.push(...errs);
    return { w, id, p };
  };

  it('transient errors back off and retry with the same Message-ID', async () => {
    const { w, id } = setup([new ProviderError('transient', 'Gmail is unavailable (503)'), new ProviderError('transient', 'timeout')]);
    await w.advance(60_000);
    const r = w.runsOf(id)[0]!;
    expect(r.state).toBe('scheduled');
    expect(r.reason).toMatch(/Retrying/);
    await w.advance(3_600_000);
    expect(w.runsOf(id)[0]!.state).toBe('sent');
    expect(w.mail.sent).toHaveLength(1);
  });

  it('retries follow the shared backoff (exponential with jitter) and give up into the queue after the fifth attempt', async () => {
    const { w, id, p } = setup(Array.from({ length: 5 }, () => new ProviderError('transient', 'Gmail is unavailable (503)')));
    await w.advance(2 * 3_600_000);
    const retries = w.events(p).filter((e) => e.type === 'send_retry').map((e) => (e.data as { retryAt: number }).retryAt).reverse();
    expect(retries).toHaveLength(4);
    const attempts = w.events(p).filter((e) => e.type === 'sending').map((e) => e.at).reverse();
    // 1, 2, 4 and 8 minutes (each +-20% jitter) after the attempt that failed.
    retries.forEach((at, i) => {
      const delay = at - attempts[i]!;
      expect(delay).toBeGreaterThanOrEqual(0.8 * 60_000 * 2 ** i);
      expect(delay).toBeLessThanOrEqual(1.2 * 60_000 * 2 ** i);
    });
    const r = w.runsOf(id)[0]!;
    expect(r.state).toBe('failed');
    expect(r.reason).toBe('Gave up after 5 attempts: Gmail is unavailable (503)');
    expect(w.mail.sent).toHaveLength(0);
  });

  it('a soft bounce sends the same step again when the pause ends, and the follow-up threads on that copy', async () => {
    const w = makeWorld('2026-03-02T14:00:00Z', { settings: { perDomainDailyCap: null } });
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi {{ first_name }}', 'One'), autoEmail('', 'Two', 2)]));
    const p = w.addProspect({ email: 'full@buyer.test' });
    const id = w.core.enrollments.create(seq.id, [p])[0]!.enrollmentId!;
    await w.run('2026-03-02T20:00:00Z');
    const [first] = w.runsOf(id);
    expect(first!.state).toBe('sent');
    // Inbox sync stored the bounce linked to that send, then asked the engine to pause until tomorrow.
    const bounce = Number(
      w.core.deps.db.prepare("INSERT INTO messages (prospect_id, step_run_id, direction, subject, at) VALUES (?, ?, 'in', 'Delivery delayed', ?)").run(p, first!.id, w.clock.now()).lastInsertRowid,
    );
    const until = Date.parse('2026-03-03T14:00:00Z');
    expect(w.core.enrollments.pause({ prospectId: p, until, reason: 'soft_bounce', detail: 'Mailbox full', messageId: bounce })).toBe(1);
    expect(w.runsOf(id).map((r) => [r.stepPosition, r.state])).toEqual([[0, 'sent'], [1, 'cancelled'], [0, 'scheduled']]);
    await w.run('2026-03-03T13:59:00Z');
    expect(w.mail.sent).toHaveLength(1);
    await w.run('2026-03-09T22:00:00Z');
    const [original, again, followUp] = w.mail.sent.map((s) => s.email);
    expect(w.mail.sent).toHaveLength(3);
    expect(w.mail.sent[1]!.at).toBeGreaterThanOrEqual(until);
    // A fresh copy: same subject, its own Message-ID, a new thread (not a reply to the copy that bounced).
    expect(again).toMatchObject({ subject: original!.subject });
    expect(again!.messageId).not.toBe(original!.messageId);
    expect(again!.threadId).toBeUndefined();
    expect(followUp).toMatchObject({ subject: `Re: ${original!.subject}`, inReplyTo: again!.messageId, threadId: w.mail.sent[1]!.result.threadId });
    expect(followUp!.references).toEqual(expect.arrayContaining([original!.messageId, again!.messageId]));
    expect(w.events(p).some((e) => e.type === 'rescheduled' && /did not arrive; it is sent again/.test(e.reason ?? ''))).toBe(true);
  });

  it('rate limits wait for the time the provider asks', async () => {
    const { w, id } = setup([new ProviderError('rate_limited', 'slow down', 20 * 60_000)]);
    await w.advance(10 * 60_000);
    expect(w.runsOf(id)[0]!.state).toBe('scheduled');
    await w.advance(15 * 60_000);
    expect(w.runsOf(id)[0]!.state).toBe('sent');
  });

  it('an expired sign-in pauses the mailbox, notifies, and sends nothing until reconnected', async () => {
    const { w, id } = setup([new ProviderError('auth', 'invalid_grant')]);
    await w.advance(3 * 86_400_000);
    expect(w.runsOf(id)[0]!.state).toBe('scheduled');
    expect(w.mail.sent).toHaveLength(0);
    expect(w.notifications).toHaveLength(1);
    expect(w.notifications[0]!.title).toMatch(/Reconnect/);
    expect(w.notifications[0]!.body).toMatch(/paused until you reconnect/);
    w.core.deps.db.prepare("UPDATE accounts SET status = 'connected'").run();
    await w.advance(86_400_000);
    expect(w.mail.sent).toHaveLength(1);
  });

  it('reconnecting the mailbox wakes the engine at once, so held sends go without waiting for the idle tick', async () => {
    const { w } = setup([new ProviderError('auth', 'invalid_grant')]);
    await w.advance(60_000);
    const wake = vi.spyOn(w.core.scheduler, 'wake');
    w.core.mail.mailboxes.changed(); // still needs reconnecting: nothing to wake for
    expect(wake).not.toHaveBeenCalled();
    w.core.deps.db.prepare("UPDATE accounts SET status = 'connected'").run();
    w.core.mail.mailboxes.changed();
    expect(wake).toHaveBeenCalledTimes(1);
    w.core.mail.mailboxes.changed(); // a later sync of the same connected mailbox
    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('a permanent error fails the run into the queue with the reason; retry sends it', async () => {
    const { w, id } = setup([new ProviderError('permanent', 'The address does not exist')]);
    await w.advance(60_000);
    const r = w.runsOf(id)[0]!;
    expect(r.state).toBe('failed');
    expect(r.actions).toEqual(['skip', 'reschedule', 'retry']);
    expect(r.reason).toMatch(/does not exist/);
    w.core.stepRuns.retry(r.id);
    await w.advance(10 * 60_000);
    expect(w.runsOf(id)[0]!.state).toBe('sent');
  });

  it('reconciles a send left in sending: found in Sent is recorded, not resent', async () => {
    const { w, id } = setup([]);
    const run = w.runsOf(id)[0]!;
    w.core.engine.q.runs.update(run.id, w.clock.now(), { state: 'sending', messageId: '<crash@seller.test>' });
    w.mail.sentFolder.set('<crash@seller.test>', { providerMessageId: 'x1', threadId: 'tx', sentAt: w.clock.now() });
    await w.core.scheduler.outbox.reconcile();
    expect(w.runsOf(id)[0]!.state).toBe('sent');
    expect(w.mail.sent).toHaveLength(0);
    expect(w.runsOf(id)[1]!.stepType).toBe('task');
  });

  it('reconciles a send left in sending that never left: sent again with the same Message-ID', async () => {
    const { w, id } = setup([]);
    const run = w.runsOf(id)[0]!;
    w.core.engine.q.runs.update(run.id, w.clock.now(), { state: 'sending', messageId: '<lost@seller.test>' });
    await w.core.start();
    w.core.scheduler.stop();
    await w.advance(60_000);
    expect(w.mail.sent.map((s) => s.email.messageId)).toEqual(['<lost@seller.test>']);
  });
});

describe('catch-up leaves the rep work alone', () => {
  it('overdue calls, tasks and manual emails stay due (overdue in the queue), never re-planned', async () => {
    const w = makeWorld('2026-03-02T14:00:00Z');
    const seq = w.core.sequences.create(sequenceInput([stepOf('call', 0)]));
    const id = w.core.enrollments.create(seq.id, [w.addProspect()])[0]!.enrollmentId!;
    const due = w.runsOf(id)[0]!.dueAt;
    w.core.scheduler.lastTickAt = w.clock.now();
    w.clock.set(Date.parse('2026-03-09T14:00:00Z'));
    await w.core.scheduler.tick();
    expect(w.runsOf(id)[0]!.dueAt).toBe(due);
    expect(w.core.engine.q.runs.queue(Date.parse('2026-03-10T04:59:00Z'), 10).map((r) => r.id)).toEqual([w.runsOf(id)[0]!.id]);
  });
});

describe('attachments', () => {
  it('are stored in the data folder and sent with the email', async () => {
    const { mkdtempSync, existsSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'repdesk-att-'));
    const w = makeWorld('2026-03-02T14:00:00Z', { dataDir: dir });
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Guide', 'Attached.')]));
    const a = w.core.sequences.addAttachment(seq.id, 'Buyer guide.pdf', 'application/pdf', Buffer.from('%PDF-1.4 guide').toString('base64'));
    const draft = w.core.sequences.get(seq.id);
    w.core.sequences.update(seq.id, { ...sequenceInput([]), name: draft.name, steps: [{ ...autoEmail('Guide', 'Attached.'), id: draft.steps[0]!.id, attachmentIds: [a.id] }] });
    expect(w.core.sequences.get(seq.id).steps[0]!.attachments).toEqual([{ id: a.id, filename: 'Buyer guide.pdf', contentType: 'application/pdf', size: 14 }]);
    w.core.enrollments.create(seq.id, [w.addProspect()]);
    await w.advance(60_000);
    const sent = w.mail.sent[0]!.email.attachments!;
    expect(sent).toHaveLength(1);
    expect(sent[0]!.filename).toBe('Buyer guide.pdf');
    expect(existsSync(sent[0]!.path)).toBe(true);
    expect(readFileSync(sent[0]!.path, 'utf8')).toBe('%PDF-1.4 guide');
    expect(() => w.core.sequences.addAttachment(seq.id, 'empty.txt', 'text/plain', '')).toThrow(/empty/);
    expect(() => w.core.sequences.addAttachment(seq.id, 'setup.EXE', 'application/octet-stream', 'TVo=')).toThrow(/block \.exe files/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('several mailboxes', () => {
  it('a mailbox that needs reconnecting never holds up another one', async () => {
    const w = makeWorld('2026-03-02T14:00:00Z', { settings: { perDomainDailyCap: null } });
    const db = w.core.deps.db;
    const second = Number(db.prepare("INSERT INTO accounts (provider, email, created_at, updated_at) VALUES ('gmail', 'second@seller.test', 0, 0)").run().lastInsertRowid);
    const seq = w.core.sequences.create(sequenceInput([autoEmail('Hi', 'x')]));
    const first = Array.from({ length: 60 }, () => w.addProspect());
    const other = w.addProspect();
    w.core.enrollments.create(seq.id, [...first, other]);
    db.prepare("UPDATE accounts SET status = 'needs_reconnect' WHERE id = ?").run(w.accountId);
    db.prepare('UPDATE enrollments SET account_id = ? WHERE prospect_id = ?').run(second, other);
    await w.advance(10 * 60_000);
    expect(w.mail.sent.map((s) => s.account.email)).toEqual(['second@seller.test']);
  });
});

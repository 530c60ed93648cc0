// The Today view and the queue's actions over a real core: sections, bands, drafts, bulk approve, hold back, calls, reminders, counts.
import { describe, expect, it } from 'vitest';
import { makeWorld, sequenceInput, stepOf, autoEmail, type World } from '../../support/engineWorld';
import type { CallLauncher } from '../../../src/main/core/ports';
import { ProviderError } from '../../../src/main/core/mail/errors';

const anyTime = { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59', skipHolidays: false, timeZone: null };

function seq(w: World, steps: Parameters<typeof sequenceInput>[0]) {
  return w.core.sequences.create(sequenceInput(steps, { schedule: anyTime }));
}

const email = (subject: string, body: string) => ({ ...stepOf('manual_email', 0), variants: [{ subject, body }] });

describe('the Today view', () => {
  it('sections the queue with counts, overdue first, later today set apart, and the prospect’s local time', async () => {
    const w = makeWorld('2026-03-04T14:00:00Z', { mailbox: false, repTimeZone: 'America/New_York' });
    await w.core.start();
    const calls = seq(w, [stepOf('call', 0, 'Ask {{first_name}} about {{company}}')]);
    const tasks = seq(w, [stepOf('task', 0, 'Research {{company}}')]);
    const a = w.addProspect({ first_name: 'Ana', time_zone: 'Europe/Berlin', country: 'DE' });
    const b = w.addProspect({ first_name: 'Bo', time_zone: null });
    const c = w.addProspect({ first_name: 'Cy' });
    w.core.enrollments.create(calls.id, [a, b]);
    w.core.enrollments.create(tasks.id, [c]);
    const [ra, rb] = w.core.queue.today().sections.calls.items.map((i) => i.id) as [number, number];
    // Bo's call was left from yesterday; Ana's moved to later today.
    w.core.stepRuns.reschedule(rb, Date.parse('2026-03-03T20:00:00Z'));
    w.core.stepRuns.reschedule(ra, Date.parse('2026-03-04T20:00:00Z'));
    const v = w.core.queue.today();
    expect(v.sections.calls.items.map((i) => [i.prospect.name, i.band])).toEqual([
      ['Bo', 'overdue'],
      ['Ana', 'later'],
    ]);
    expect(v.sections.calls.counts).toEqual({ total: 2, overdue: 1, due: 0, later: 1 });
    expect(v.sections.tasks.counts).toEqual({ total: 1, overdue: 0, due: 1, later: 0 });
    const ana = v.sections.calls.items[1]!;
    expect(ana.prospect).toMatchObject({ timeZone: 'Europe/Berlin', timeZoneSource: 'prospect', localTime: '3:00 PM GMT+1' });
    expect(v.sections.calls.items[0]!.prospect).toMatchObject({ timeZone: 'America/New_York', timeZoneSource: 'rep' });
    expect(ana.call!.script).toBe('Ask Ana about Acme');
    expect(ana.call!.recent.map((e) => e.type)).toContain('rescheduled');
    expect(v.sections.tasks.items[0]!.task!.instructions).toBe('Research Acme');
    // The nav count is the queue's own figure.
    expect(w.core.navCounts().today).toBe(3);
    // Tomorrow's work is not today's queue.
    w.core.stepRuns.reschedule(v.sections.tasks.items[0]!.id, Date.parse('2026-03-05T15:00:00Z'));
    expect(w.core.queue.today().sections.tasks.counts.total).toBe(0);
    expect(w.core.navCounts().today).toBe(2);
  });

  it('shows the email with fields filled, an unresolved one visible, and a preview with nothing that runs', async () => {
    const w = makeWorld('2026-03-04T14:00:00Z', { mailbox: false });
    const s = seq(w, [email('Hi {{first_name}}', '<p>Hello {{first_name}},</p><p>About {{ custom.topic }} <img src="https://tracker.example.com/p.gif"><script>alert(1)</script></p><p>{{ rep_name }}</p>')]);
    const p = w.addProspect({ first_name: 'Ana', custom_fields: { topic: 'pricing' } });
    const q = w.addProspect({ first_name: 'Bo' });
    w.core.enrollments.create(s.id, [p, q]);
    const [ana, bo] = w.core.queue.today().sections.emails.items;
    expect(ana!.email).toMatchObject({ subject: 'Hi Ana', missingFields: [] });
    expect(ana!.email!.body).toContain('About pricing');
    expect(ana!.email!.html).not.toMatch(/<img|<script|tracker/);
    expect(bo!.email!.missingFields).toEqual(['custom.topic']);
    expect(bo!.email!.body).toContain('About {{ custom.topic }}');
    expect(bo!.email!.html).toContain('<mark>{{ custom.topic }}</mark>');
  });
});

describe('queue actions', () => {
  it('bulk approve sends the ready emails and refuses one with an unresolved field, leaving it as it was', async () => {
    const w = makeWorld('2026-03-04T14:00:00Z', { mailbox: false });
    const s = seq(w, [email('Hi {{first_name}}', 'About {{ custom.topic }}')]);
    const ids = [w.addProspect({ custom_fields: { topic: 'a' } }), w.addProspect({ custom_fields: {} }), w.addProspect({ custom_fields: { topic: 'c' } })];
    w.core.enrollments.create(s.id, ids);
    const items = w.core.queue.today().sections.emails.items;
    const out = w.core.queueActions.approveMany(items.map((i) => i.id));
    expect(out.approved).toEqual([items[0]!.id, items[2]!.id]);
    expect(out.refused).toEqual([{ id: items[1]!.id, prospectName: 'Alex', message: expect.stringMatching(/no value for custom\.topic/) }]);
    const left = w.core.queue.today().sections.emails.items;
    expect(left.map((i) => i.id)).toEqual([items[1]!.id]);
    expect(left[0]!.state).toBe('scheduled');
    // The approved ones now go out by themselves (and wait, honestly, for a mailbox).
    expect(w.core.queue.today().goingOut.items.map((i) => i.status)).toEqual(['waiting_mailbox', 'waiting_mailbox']);
    // The same email approved after the rep wrote the words in goes.
    expect(() => w.core.stepRuns.approve(items[1]!.id, { subject: 'Hi Alex', body: left[0]!.email!.body })).toThrow(/merge field/);
    w.core.stepRuns.approve(items[1]!.id, { subject: 'Hi Alex', body: 'About your roadmap' });
    expect(w.core.queue.today().sections.emails.items).toEqual([]);
  });

  it('going out today lists automatic sends against the cap; one can be held back for approval', async () => {
    const w = makeWorld('2026-03-04T14:00:00Z', { settings: { dailySendCap: 2 } });
    const s = seq(w, [autoEmail('Hello {{first_name}}', 'Hi there')]);
    const ids = [w.addProspect(), w.addProspect(), w.addProspect()];
    w.core.enrollments.create(s.id, ids);
    const out = w.core.queue.today().goingOut;
    expect(out).toMatchObject({ dailyCap: 2, sentToday: 0, mailbox: 'robin@seller.test' });
    expect(out.items.map((i) => i.status)).toEqual(['planned', 'planned', 'over_cap']);
    expect(out.items[0]!.prospectTime).toMatch(/AM|PM/);
    w.core.queueActions.holdBack(out.items[0]!.id);
    const v = w.core.queue.today();
    expect(v.goingOut.items.length).toBe(2);
    expect(v.sections.emails.items.map((i) => [i.id, i.state])).toEqual([[out.items[0]!.id, 'awaiting_approval']]);
    expect(() => w.core.queueActions.holdBack(out.items[0]!.id)).toThrow(/no longer planned/);
    expect(w.events(ids[0]!).map((e) => e.reason)).toContain('Step 1 (Automatic email) held back by the rep: it waits for approval in Today');
  });

  it('calls open the configured link through the launcher and leave a trace; a bad template or number is refused', async () => {
    const opened: string[] = [];
    const w = makeWorld('2026-03-04T14:00:00Z', { mailbox: false });
    (w.core.deps as { launcher?: CallLauncher }).launcher = { openExternal: async (u) => void opened.push(u) };
    // The launcher is read when core is built; rebuild the actions with it.
    const { QueueActions } = await import('../../../src/main/core/queue/queueActions');
    const actions = new QueueActions(w.core.engine, w.core.queue, w.core.stepRuns, w.core.deps.launcher!);
    const s = seq(w, [stepOf('call', 0, 'Call')]);
    const p = w.addProspect();
    w.core.deps.db.prepare("UPDATE prospects SET phone = '+14155550142' WHERE id = ?").run(p);
    const q = w.addProspect();
    w.core.enrollments.create(s.id, [p, q]);
    const [withPhone, without] = w.core.queue.today().sections.calls.items;
    expect(await actions.call(withPhone!.id)).toEqual({ uri: 'tel:+14155550142' });
    w.core.settings.update({ callUriTemplate: 'callto:{phone}' });
    await actions.call(withPhone!.id);
    expect(opened).toEqual(['tel:+14155550142', 'callto:+14155550142']);
    await expect(actions.call(without!.id)).rejects.toThrow(/no phone number/);
    expect(() => w.core.settings.update({ callUriTemplate: 'javascript:{phone}' })).toThrow(/not valid/);
    expect(w.events(p).some((e) => e.type === 'call_started')).toBe(true);
    // An extension typed with the number is shown, and goes into a tel: link.
    w.core.deps.db.prepare("UPDATE prospects SET phone_raw = '(415) 555-0142 x204' WHERE id = ?").run(p);
    w.core.settings.update({ callUriTemplate: 'tel:{phone}' });
    expect(w.core.queue.itemById(withPhone!.id)!.prospect).toMatchObject({ phoneExt: '204', phoneText: '+1 415 555 0142 ext. 204' });
    expect(await actions.call(withPhone!.id)).toEqual({ uri: 'tel:+14155550142;ext=204' });
    expect(w.events(p).map((e) => e.reason)).toContain('Call to +1 415 555 0142 ext. 204 started from Today');
    // A call already logged is not dialled again.
    w.core.stepRuns.logCall(without!.id, { outcome: 'wrong_number' });
    await expect(actions.call(without!.id)).rejects.toThrow(/already logged/);
    // Without a launcher (a window that cannot dial) the rep is told to dial themselves.
    await expect(w.core.queueActions.call(withPhone!.id)).rejects.toThrow(/Dial the number yourself/);
  });

  it('logging a call moves the enrollment on, or finishes it on a stop outcome', async () => {
    const w = makeWorld('2026-03-04T14:00:00Z', { mailbox: false });
    const s = seq(w, [stepOf('call', 0, 'Call'), stepOf('task', 0, 'Follow up')]);
    const [a, b] = [w.addProspect(), w.addProspect()];
    w.core.enrollments.create(s.id, [a, b]);
    const [ca, cb] = w.core.queue.today().sections.calls.items;
    w.core.stepRuns.logCall(ca!.id, { outcome: 'voicemail' });
    w.core.stepRuns.logCall(cb!.id, { outcome: 'meeting_booked', notes: 'Tue 10:00' });
    const v = w.core.queue.today();
    expect(v.sections.calls.items).toEqual([]);
    expect(v.sections.tasks.items.map((i) => i.prospect.id)).toEqual([a]);
  });
});

describe('reminders', () => {
  it('announce each call and task once as it falls due, and what was due at start-up as one notification', async () => {
    const w = makeWorld('2026-03-04T14:00:00Z', { mailbox: false });
    const now = seq(w, [stepOf('task', 0, 'Research')]);
    const later = seq(w, [{ ...stepOf('call', 2, 'Ask {{first_name}} about {{company}}'), delayUnit: 'hours' }]);
    w.core.enrollments.create(now.id, [w.addProspect(), w.addProspect()]);
    const p = w.addProspect({ first_name: 'Cy', company: 'Cobalt' });
    w.core.enrollments.create(later.id, [p]);
    await w.core.start();
    expect(w.notifications.map((n) => n.title)).toEqual(['2 calls and tasks are due']);
    await w.advance(90 * 60_000);
    expect(w.notifications.length).toBe(1);
    await w.advance(31 * 60_000);
    expect(w.notifications.slice(1)).toEqual([{ title: 'Call Cy (Cobalt) now', body: 'Ask Cy about Cobalt', target: { kind: 'queue-item', id: expect.any(Number) } }]);
    const id = w.notifications[1]!.target!.id!;
    expect(w.core.queue.itemById(id)?.section).toBe('calls');
    // Moved to later and back: still announced only once.
    w.core.stepRuns.reschedule(id, w.clock.now() + 60_000);
    await w.advance(5 * 60_000);
    expect(w.notifications.length).toBe(2);
    w.core.close();
  });
});

describe('failed sends', () => {
  it('wait in the emails section with the attempted text and the reason, ready to send again', async () => {
    const w = makeWorld('2026-03-04T14:00:00Z');
    const s = seq(w, [autoEmail('Hello {{first_name}}', 'Hi {{first_name}}, a note.')]);
    w.mail.failNext.push(new ProviderError('permanent', 'The address does not exist'));
    w.core.enrollments.create(s.id, [w.addProspect({ first_name: 'Ana' })]);
    await w.advance(60_000);
    const [failed] = w.core.queue.today().sections.emails.items;
    expect(failed).toMatchObject({ state: 'failed', reason: 'The address does not exist', actions: ['skip', 'reschedule', 'retry'] });
    expect(failed!.email).toMatchObject({ subject: 'Hello Ana', body: 'Hi Ana, a note.', missingFields: [] });
    w.core.stepRuns.retry(failed!.id);
    expect(w.core.queue.today().sections.emails.items).toEqual([]);
  });
});

describe('counts and indexes', () => {
  it('tells the window the new Today count once after a burst of queue changes', async () => {
    const w = makeWorld('2026-03-04T14:00:00Z', { mailbox: false });
    const seen: number[] = [];
    w.core.bus.subscribe((name, payload) => {
      if (name === 'counts.changed') seen.push((payload as { today: number }).today);
    });
    const s = seq(w, [stepOf('task', 0, 'Research')]);
    w.core.enrollments.create(s.id, [w.addProspect(), w.addProspect(), w.addProspect()]);
    await Promise.resolve();
    expect(seen).toEqual([3]);
    w.core.stepRuns.complete(w.core.queue.today().sections.tasks.items[0]!.id, 'done');
    await Promise.resolve();
    expect(seen).toEqual([3, 2]);
  });

  it('finds overnight stops and queue rows through their indexes, not by scanning', () => {
    const w = makeWorld('2026-03-04T14:00:00Z', { mailbox: false });
    const plan = (sql: string, ...args: unknown[]) =>
      (w.core.deps.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT id FROM events WHERE type IN ('finished', 'paused') AND at >= ? ORDER BY at DESC", 0)).toMatch(/events_stops/);
    expect(plan("SELECT id FROM step_runs WHERE auto = 0 AND state IN ('scheduled', 'awaiting_approval', 'failed') AND due_at <= ?", 0)).toMatch(/SEARCH step_runs USING INDEX/);
  });
});

describe('email preview', () => {
  it('shows the rep’s plain text exactly once escaped, with links, as it will be sent', async () => {
    const { previewHtml } = await import('../../../src/main/core/queue/draft');
    expect(previewHtml('Tom & Jerry: 1 < 2?\n\nSee https://example.com/a')).toBe(
      '<p>Tom &amp; Jerry: 1 &lt; 2?</p>\n<p>See <a href="https://example.com/a">https://example.com/a</a></p>',
    );
    expect(previewHtml('Hi {{ first_name }}')).toBe('<p>Hi <mark>{{ first_name }}</mark></p>');
  });
});

describe('reminders for work planned already due', () => {
  it('stay quiet: the next step after the rep’s own action lands in the queue they are working', async () => {
    const w = makeWorld('2026-03-04T14:00:00Z', { mailbox: false });
    const s = seq(w, [{ ...stepOf('call', 1, 'Call'), delayUnit: 'hours' }, stepOf('task', 0, 'Follow up')]);
    w.core.enrollments.create(s.id, [w.addProspect({ first_name: 'Di', company: 'Dune' })]);
    await w.core.start();
    await w.advance(61 * 60_000);
    expect(w.notifications.map((n) => n.title)).toEqual(['Call Di (Dune) now']);
    w.core.stepRuns.logCall(w.notifications[0]!.target!.id!, { outcome: 'no_answer' });
    expect(w.core.queue.today().sections.tasks.counts.total).toBe(1);
    await w.advance(10 * 60_000);
    expect(w.notifications.length).toBe(1);
    w.core.close();
  });
});

describe('reminders across restarts', () => {
  it('announce only what fell due while Repdesk was closed', async () => {
    const w = makeWorld('2026-03-04T14:00:00Z', { mailbox: false });
    const s = seq(w, [stepOf('task', 0, 'Research')]);
    w.core.enrollments.create(s.id, [w.addProspect()]);
    w.core.reminders.start();
    expect(w.notifications.length).toBe(1);
    // A restart with nothing new: silence.
    w.core.reminders.stop();
    w.core.reminders.start();
    expect(w.notifications.length).toBe(1);
    // Closed while another task fell due: that one is announced on start, alone.
    w.core.reminders.stop();
    const later = seq(w, [{ ...stepOf('task', 1, 'Later'), delayUnit: 'hours' }]);
    w.core.enrollments.create(later.id, [w.addProspect({ first_name: 'Bo', company: 'Birch' })]);
    w.clock.advance(2 * 3600_000);
    w.core.reminders.start();
    expect(w.notifications.map((n) => n.title)).toEqual([expect.any(String), 'Task due: Bo (Birch)']);
    w.core.reminders.stop();
  });
});

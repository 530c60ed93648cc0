// Inbox sync end to end against the fake Gmail: each kind of inbound mail reaches the right EnrollmentControl call.
import { afterEach, describe, expect, it } from 'vitest';
import { corpus, ourMessageId } from '../../fixtures/mail/corpus';
import { makeTestCore } from '../../support/testCore';
import { connectGmail, googleDepsFor, recordingControl, seedEnrollment, startFakeGoogle, type FakeGoogle } from '../../support/gmail';

let fake: FakeGoogle | null = null;
afterEach(async () => {
  await fake?.stop();
  fake = null;
});

const start = '2026-03-02T09:00:00Z';

async function setup() {
  const t0 = Date.parse(start);
  const box: { now: () => number } = { now: () => t0 };
  fake = await startFakeGoogle({ now: () => box.now() });
  const control = recordingControl();
  const t = makeTestCore(start, { google: googleDepsFor(fake), enrollmentControl: control });
  box.now = () => t.clock.now();
  const { account } = await connectGmail(t.core);
  return { ...t, fake, control, account };
}

const raw = (name: string) => corpus.find((c) => c.name.startsWith(name))!.raw;
const kinds = (core: ReturnType<typeof makeTestCore>['core']) => core.deps.db.prepare('SELECT classification FROM messages ORDER BY id').pluck().all();

describe('inbox sync', () => {
  it('a reply in the thread stops the enrollment, is stored sanitised, shown in the timeline and notified', async () => {
    const { core, fake, control, account, notifications } = await setup();
    const sent = await core.mail.providers.gmail!.send(account, {
      messageId: ourMessageId,
      from: { email: account.email },
      to: { email: 'dana@prospect.io' },
      subject: 'Quick question about Prospect.io',
      html: '<p>Hi</p>',
      text: 'Hi',
    });
    const { prospectId } = seedEnrollment(core, { email: 'dana@prospect.io', firstName: 'Dana', messageId: ourMessageId, threadId: sent.threadId, accountId: account.id });
    await fake.deliver({
      from: 'dana@prospect.io',
      subject: 'Re: Quick question about Prospect.io',
      text: 'Sure, Tuesday works.',
      html: '<p>Sure, Tuesday works.<img src="https://tracker.example/p.gif"><script>alert(1)</script></p>',
      inReplyTo: ourMessageId,
      references: [ourMessageId],
    });
    const outcome = await core.mail.inbox.sync(account.id);
    expect(outcome).toMatchObject({ ok: true, handled: 1 });
    expect(control.stops).toMatchObject([{ prospectId, reason: 'replied' }]);
    const [message] = core.mail.messages.forProspect(prospectId);
    expect(message).toMatchObject({ kind: 'reply', subject: 'Re: Quick question about Prospect.io' });
    expect(message!.html).not.toContain('<script');
    expect(message!.html).not.toContain('tracker.example');
    expect(message!.html).toContain('image blocked');
    expect(core.deps.db.prepare("SELECT type, reason FROM events WHERE prospect_id = ?").all(prospectId)).toEqual([{ type: 'email_received', reason: 'reply' }]);
    expect(notifications.at(-1)).toMatchObject({ title: 'Dana replied' });
    // The same mail seen again (a resync) changes nothing.
    fake.expireHistory();
    await core.mail.inbox.sync(account.id);
    expect(control.stops).toHaveLength(1);
  });

  it('any email from the prospect’s address, even a new thread, stops them', async () => {
    const { core, fake, control, account } = await setup();
    const { prospectId } = seedEnrollment(core, { email: 'Lee@Lee-Consulting.co.uk' });
    // A domain with letters beyond ASCII, stored as the import stores "zoe@müller.de", written by the mail in Unicode.
    const zoe = seedEnrollment(core, { email: 'zoe@xn--mller-kva.de' });
    await fake.deliver({ from: 'lee@lee-consulting.co.uk', subject: 'Separate topic', text: 'Can we talk?' });
    await fake.deliver({ from: 'Zoe@Müller.de', subject: 'Hallo', text: 'Gern, rufen Sie an.' });
    await core.mail.inbox.sync(account.id);
    expect(control.stops).toMatchObject([
      { prospectId, reason: 'replied' },
      { prospectId: zoe.prospectId, reason: 'replied' },
    ]);
  });

  it('an out-of-office pauses until the return date, and without a date for the configured days', async () => {
    const { core, fake, control, account, clock } = await setup();
    const dana = seedEnrollment(core, { email: 'dana@prospect.io', messageId: ourMessageId });
    const alex = seedEnrollment(core, { email: 'alex@kim-labs.com' });
    core.mail.mailboxes.setOptions({ outOfOfficeDays: 5 });
    await fake.deliverRaw(raw('Exchange automatic reply'));
    await fake.deliverRaw(raw('Out of office without a date'));
    await core.mail.inbox.sync(account.id);
    expect(control.stops).toEqual([]);
    expect(control.pauses).toMatchObject([
      { prospectId: dana.prospectId, reason: 'out_of_office', until: Date.parse('2026-03-09T00:00:00-04:00') },
      { prospectId: alex.prospectId, reason: 'out_of_office', until: clock.now() + 5 * 86_400_000 },
    ]);
  });

  it('a hard bounce (linked by the original Message-ID) marks the address invalid, suppresses it and stops', async () => {
    const { core, fake, control, account } = await setup();
    const { prospectId, stepRunId } = seedEnrollment(core, { email: 'someone-else@prospect.io', messageId: ourMessageId });
    await fake.deliverRaw(raw('Gmail hard bounce'));
    await core.mail.inbox.sync(account.id);
    expect(control.stops).toMatchObject([{ prospectId, reason: 'bounced' }]);
    expect(core.deps.db.prepare('SELECT status FROM prospects WHERE id = ?').pluck().get(prospectId)).toBe('bounced');
    expect(core.deps.db.prepare('SELECT kind, value, reason FROM suppressions').all()).toEqual([
      { kind: 'email', value: expect.any(String), reason: expect.stringMatching(/^The address bounced permanently/) },
    ]);
    expect(core.deps.db.prepare('SELECT step_run_id FROM messages').pluck().get()).toBe(stepRunId);
  });

  it('soft bounces pause and retry later, and become hard after the limit', async () => {
    const { core, fake, control, account } = await setup();
    const { prospectId } = seedEnrollment(core, { email: 'slow@prospect.io' });
    core.mail.mailboxes.setOptions({ softBounceLimit: 2 });
    await fake.deliverRaw(raw('Gmail delay notice'));
    await core.mail.inbox.sync(account.id);
    expect(control.pauses).toMatchObject([{ prospectId, reason: 'soft_bounce' }]);
    await fake.deliverRaw(raw('Gmail delay notice').replace('<dsn-delay@mx.google.com>', '<dsn-delay-2@mx.google.com>'));
    await core.mail.inbox.sync(account.id);
    expect(control.stops).toMatchObject([{ prospectId, reason: 'bounced' }]);
    expect(kinds(core)).toEqual(['soft_bounce', 'soft_bounce']);
  });

  it('an unsubscribe request stops and adds the address to the suppression list', async () => {
    const { core, fake, control, account } = await setup();
    const { prospectId } = seedEnrollment(core, { email: 'pat@quinn-logistics.com' });
    await fake.deliverRaw(raw('Unsubscribe request in English'));
    await core.mail.inbox.sync(account.id);
    expect(control.stops).toMatchObject([{ prospectId, reason: 'unsubscribed' }]);
    expect(core.deps.db.prepare('SELECT kind, value, reason FROM suppressions').all()).toEqual([
      { kind: 'email', value: 'pat@quinn-logistics.com', reason: expect.stringMatching(/^Asked to stop receiving email/) },
    ]);
    expect(core.deps.db.prepare('SELECT status FROM prospects WHERE id = ?').pluck().get(prospectId)).toBe('unsubscribed');
  });

  it('a colleague at the company domain stops the others only where the sequence asks, never for free mail', async () => {
    const { core, fake, control, account } = await setup();
    const withRule = seedEnrollment(core, { email: 'a@bigco.com', colleagueStop: true });
    seedEnrollment(core, { email: 'b@bigco.com', colleagueStop: false });
    seedEnrollment(core, { email: 'c@gmail.com', colleagueStop: true });
    await fake.deliver({ from: 'boss@bigco.com', subject: 'Re: your note to my team', text: 'I handle this, call me.' });
    await fake.deliver({ from: 'stranger@gmail.com', subject: 'Hello', text: 'Hi' });
    await core.mail.inbox.sync(account.id);
    expect(control.stops).toEqual([expect.objectContaining({ prospectId: withRule.prospectId, reason: 'colleague_replied', enrollmentId: withRule.enrollmentId })]);
  });

  it('the rep’s own email to a prospect, sent from Gmail, stops the enrollment; Repdesk’s own sends do not', async () => {
    const { core, fake, control, account } = await setup();
    const { prospectId } = seedEnrollment(core, { email: 'dana@prospect.io' });
    await core.mail.providers.gmail!.send(account, { messageId: '<ours-1@repdesk.local>', from: { email: account.email }, to: { email: 'dana@prospect.io' }, subject: 'Hi', html: '<p>x</p>', text: 'x' });
    core.deps.db.prepare("UPDATE step_runs SET message_id = '<ours-1@repdesk.local>'").run();
    await core.mail.inbox.sync(account.id);
    expect(control.stops).toEqual([]);
    await fake.sendOutside({ to: 'dana@prospect.io', subject: 'Following up personally', text: 'Dana, saw your post.' });
    await core.mail.inbox.sync(account.id);
    expect(control.stops).toMatchObject([{ prospectId, reason: 'contacted_outside' }]);
    // A copy of the rep's own mail landing in the inbox (BCC to self) is still the rep writing, never a "reply".
    await fake.deliver({ from: account.email, to: 'dana@prospect.io', subject: 'Re: Hi', text: 'Bcc to myself', inReplyTo: '<ours-1@repdesk.local>' });
    await core.mail.inbox.sync(account.id);
    expect(control.stops.map((s) => s.reason)).toEqual(['contacted_outside', 'contacted_outside']);
  });

  it('a meeting with the prospect in the primary calendar stops with meeting_booked, once', async () => {
    const { core, fake, control, account, clock } = await setup();
    const { prospectId } = seedEnrollment(core, { email: 'dana@prospect.io' });
    clock.advance(16 * 60_000);
    fake.addEvent({ summary: 'Repdesk x Prospect.io', start: clock.now() + 86_400_000, end: clock.now() + 90_000_000, attendees: ['dana@prospect.io'] });
    await core.mail.inbox.sync(account.id);
    clock.advance(16 * 60_000);
    await core.mail.inbox.sync(account.id);
    expect(control.stops).toMatchObject([{ prospectId, reason: 'meeting_booked' }]);
  });

  it('polls on the clock: one history call when idle, every 2 minutes by default', async () => {
    const { core, fake, clock } = await setup();
    core.mail.inbox.start();
    await core.mail.inbox.sync(1);
    const before = fake.callCount('history.list');
    clock.advance(2 * 60_000);
    await flush(() => core.mail.inbox.isSyncing(1));
    expect(fake.callCount('history.list')).toBe(before + 1);
    core.mail.mailboxes.setOptions({ pollMinutes: 10 });
    await flush(() => core.mail.inbox.isSyncing(1));
    const after = fake.callCount('history.list');
    clock.advance(5 * 60_000);
    expect(fake.callCount('history.list')).toBe(after);
  });

  it('a poll that outlasts the interval is followed at once, not a whole interval after it ended', async () => {
    const { core, fake, clock } = await setup();
    core.mail.inbox.start();
    await core.mail.inbox.sync(1);
    clock.advance(2 * 60_000); // the poll is due and starts...
    expect(core.mail.inbox.isSyncing(1)).toBe(true);
    clock.advance(5 * 60_000); // ...and the clock moves on while it runs (a slow network, a laptop busy elsewhere)
    await flush(() => core.mail.inbox.isSyncing(1));
    const after = fake.callCount('history.list');
    clock.advance(0);
    await flush(() => core.mail.inbox.isSyncing(1));
    expect(fake.callCount('history.list')).toBe(after + 1);
  });

  it('backs off honouring Retry-After and records the problem on the mailbox; an expired sign-in needs reconnecting', async () => {
    const { core, fake, account } = await setup();
    fake.fail({ route: 'history.list', status: 429, retryAfter: 600 });
    const failed = await core.mail.inbox.sync(account.id);
    expect(failed.ok).toBe(false);
    expect(core.mail.mailboxes.list()[0]!.statusReason).toMatch(/slow down/);
    await core.mail.inbox.sync(account.id);
    expect(core.mail.mailboxes.list()[0]!.statusReason).toBeNull();
    fake.revokeAllTokens();
    await core.mail.inbox.sync(account.id);
    expect(core.mail.mailboxes.list()[0]).toMatchObject({ status: 'needs_reconnect' });
  });

  it('the pre-send check holds a send when the prospect wrote since the last sync, and handles that mail at once', async () => {
    const { core, fake, control, account, clock } = await setup();
    const { prospectId } = seedEnrollment(core, { email: 'dana@prospect.io' });
    await core.mail.inbox.sync(account.id);
    expect(await core.mail.inbox.preSendCheck(account.id, { prospectEmails: ['dana@prospect.io'], threadIds: [] })).toMatchObject({ clear: true });
    clock.advance(30_000);
    await fake.deliver({ from: 'dana@prospect.io', subject: 'Quick one', text: 'Call me instead' });
    const check = await core.mail.inbox.preSendCheck(account.id, { prospectEmails: ['dana@prospect.io'], threadIds: [] });
    expect(check).toMatchObject({ clear: false, messages: 1 });
    expect(check.reason).toMatch(/new mail from the prospect/);
    expect(control.stops).toMatchObject([{ prospectId, reason: 'replied' }]);
  });

  it('mail handled before (an out-of-office that paused the prospect) does not hold the send after the pause ends', async () => {
    const { core, fake, control, account, clock } = await setup();
    const since = clock.now();
    seedEnrollment(core, { email: 'sam@lee-consulting.co.uk' });
    clock.advance(60_000);
    await fake.deliverRaw(raw('Gmail vacation responder'));
    await core.mail.inbox.sync(account.id);
    expect(control.pauses).toHaveLength(1);
    clock.advance(14 * 86_400_000);
    // The follow-up's check asks from the previous send, so it sees the out-of-office again: already handled, so clear.
    const check = await core.mail.inbox.preSendCheck(account.id, { prospectEmails: ['sam@lee-consulting.co.uk'], threadIds: [], since });
    expect(check).toMatchObject({ clear: true, messages: 0 });
    expect(control.pauses).toHaveLength(1);
    // New mail from the same prospect still holds it.
    await fake.deliver({ from: 'sam@lee-consulting.co.uk', subject: 'Back now', text: 'Happy to talk.' });
    expect(await core.mail.inbox.preSendCheck(account.id, { prospectEmails: ['sam@lee-consulting.co.uk'], threadIds: [], since })).toMatchObject({ clear: false, messages: 1 });
  });
});

async function flush(busy: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && busy(); i++) await new Promise((r) => setTimeout(r, 5));
}

// The Gmail provider against the fake: sends thread correctly, reconcile finds a send, history sync, expiry, faults.
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/main/core/mail/errors';
import { replySubject } from '../../../src/main/core/mail/mime';
import type { OutgoingEmail } from '../../../src/main/core/mail/provider';
import { makeTestCore } from '../../support/testCore';
import { connectGmail, googleDepsFor, startFakeGoogle, type FakeGoogle } from '../../support/gmail';

let fake: FakeGoogle;
let started: FakeGoogle | null = null;
afterEach(async () => {
  await started?.stop();
  started = null;
});

async function setup() {
  if (!started) started = fake = await startFakeGoogle();
  const t = makeTestCore('2026-03-02T09:00:00Z', { google: googleDepsFor(fake) });
  const { account } = await connectGmail(t.core);
  return { ...t, account, gmail: t.core.mail.providers.gmail! };
}

const email = (over: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  messageId: `<run-1.${Math.random().toString(36).slice(2)}@repdesk.local>`,
  from: { email: 'rep@acme-sales.com', name: 'Riley Rep' },
  to: { email: 'dana@prospect.io', name: 'Dana Diaz' },
  subject: 'Quick question about Prospect.io',
  html: '<p>Hi Dana,</p><p>Worth a chat?</p>',
  text: 'Hi Dana,\n\nWorth a chat?',
  ...over,
});

describe('Gmail provider', () => {
  it('sends with our Message-ID and threads a follow-up with threadId, In-Reply-To, References and the subject', async () => {
    started = fake = await startFakeGoogle({ now: () => Date.parse('2026-03-02T09:00:00Z') });
    const { gmail, account } = await setup();
    const first = email();
    const sent = await gmail.send(account, first);
    expect(fake.sent[0]!.messageId).toBe(first.messageId);
    const follow = email({ messageId: '<run-2.x@repdesk.local>', subject: replySubject(first.subject), threadId: sent.threadId, inReplyTo: first.messageId, references: [first.messageId] });
    const second = await gmail.send(account, follow);
    expect(second.threadId).toBe(sent.threadId);
    const raw = fake.sent[1]!.raw.toString('utf8');
    expect(raw).toContain(`In-Reply-To: ${first.messageId}`);
    expect(raw).toContain(`References: ${first.messageId}`);
    expect(raw).toContain('Subject: Re: Quick question about Prospect.io');
    // The rep's Gmail signature is appended, in HTML and text.
    expect(raw).toContain('Account Executive');
  });

  it('a reply whose headers do not match the thread is refused by the strict fake (so the test would catch a threading bug)', async () => {
    const { gmail, account } = await setup();
    const sent = await gmail.send(account, email());
    await expect(gmail.send(account, email({ threadId: sent.threadId, inReplyTo: '<other@x>' }))).rejects.toMatchObject({ kind: 'permanent', status: 400 });
  });

  it('reconciles a send by its Message-ID (rfc822msgid:) and finds nothing for one that never left', async () => {
    const { gmail, account } = await setup();
    const out = email();
    const sent = await gmail.send(account, out);
    expect(await gmail.findByMessageId(account, out.messageId)).toMatchObject({ providerMessageId: sent.providerMessageId, threadId: sent.threadId });
    expect(await gmail.findByMessageId(account, '<never-sent@repdesk.local>')).toBeNull();
  });

  it('syncs by history: an idle poll costs one call; new mail is fetched across pages; an expired historyId falls back to a bounded resync', async () => {
    const { gmail, account, core } = await setup();
    const cursor = core.deps.db.prepare('SELECT sync_cursor FROM accounts').pluck().get() as string;
    const idle = await gmail.syncSince(account, cursor);
    expect(idle.cost.calls).toBe(1);
    expect(idle.messages).toEqual([]);
    for (let i = 0; i < 3; i++) await fake.deliver({ from: `p${i}@prospect.io`, subject: `Hello ${i}`, text: 'Hi' });
    const next = await gmail.syncSince(account, idle.cursor);
    expect(next.messages.map((m) => m.subject)).toEqual(['Hello 0', 'Hello 1', 'Hello 2']);
    expect(next.messages[0]!.folder).toBe('inbox');
    fake.expireHistory();
    await fake.deliver({ from: 'late@prospect.io', subject: 'After expiry', text: 'Hi' });
    const resync = await gmail.syncSince(account, next.cursor);
    expect(resync.resynced).toBe(true);
    expect(resync.messages.map((m) => m.subject)).toContain('After expiry');
  });

  it('the pre-send check finds mail from the prospect or in the thread since an instant', async () => {
    const { gmail, account, clock } = await setup();
    const sent = await gmail.send(account, email());
    const since = clock.now();
    expect(await gmail.newMailSince(account, { from: ['dana@prospect.io'], threadIds: [sent.threadId], since })).toEqual([]);
    clock.advance(60_000);
    await fake.deliver({ from: 'assistant@prospect.io', subject: 'Re: Quick question about Prospect.io', text: 'Dana is out', inReplyTo: fake.sent[0]!.messageId!, references: [fake.sent[0]!.messageId!], at: clock.now() });
    const found = await gmail.newMailSince(account, { from: ['dana@prospect.io'], threadIds: [sent.threadId], since });
    expect(found.map((m) => m.from.email)).toEqual(['assistant@prospect.io']);
  });

  it('maps 429 with Retry-After, 5xx and revoked sign-ins onto ProviderError kinds', async () => {
    const { gmail, account, core, notifications } = await setup();
    fake.fail({ route: 'messages.send', status: 429, retryAfter: 42 });
    await expect(gmail.send(account, email())).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 42_000 });
    fake.fail({ route: 'messages.send', status: 503 });
    await expect(gmail.send(account, email())).rejects.toMatchObject({ kind: 'transient', status: 503 });
    // google-auth-library refreshes the access token once on a 401/403 before giving up: Gmail's 403 repeats.
    fake.fail({ route: 'messages.send', status: 403, times: 2 });
    await expect(gmail.send(account, email())).rejects.toMatchObject({ kind: 'rate_limited' });
    // An access token that died early is refreshed silently.
    fake.oauth.accessTokens.clear();
    await expect(gmail.send(account, email())).resolves.toBeTruthy();
    fake.revokeAllTokens();
    await expect(gmail.send(account, email())).rejects.toBeInstanceOf(ProviderError);
    expect(core.mail.mailboxes.list()[0]).toMatchObject({ status: 'needs_reconnect' });
    expect(notifications.at(-1)?.title).toBe('Reconnect rep@acme-sales.com');
    // Sends now pause without calling Google.
    const before = fake.callCount('messages.send');
    await expect(gmail.send(account, email())).rejects.toMatchObject({ kind: 'auth' });
    expect(fake.callCount('messages.send')).toBe(before);
  });

  it('reconnecting resumes: the same account is connected again and keeps its cursor', async () => {
    const { account, core } = await setup();
    const cursor = core.deps.db.prepare('SELECT sync_cursor FROM accounts').pluck().get();
    fake.revokeAllTokens();
    await core.mail.inbox.sync(account.id);
    expect(core.mail.mailboxes.list()[0]!.status).toBe('needs_reconnect');
    const again = await connectGmail(core);
    expect(again.account.id).toBe(account.id);
    expect(core.mail.mailboxes.list()[0]!.status).toBe('connected');
    expect(core.deps.db.prepare('SELECT sync_cursor FROM accounts').pluck().get()).toBe(cursor);
  });

  it('holds sends at the daily cap with a Retry-After until the oldest send leaves the rolling day', async () => {
    const { gmail, account, core, clock } = await setup();
    core.mail.mailboxes.setDailyCap(account.id, 2);
    await gmail.send(account, email());
    clock.advance(3_600_000);
    await gmail.send(account, email());
    await expect(gmail.send(account, email())).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 23 * 3_600_000 });
    clock.advance(23 * 3_600_000 + 1);
    await expect(gmail.send(account, email())).resolves.toBeTruthy();
    expect(() => core.mail.mailboxes.setDailyCap(account.id, 2500)).toThrow(/about 2000/);
  });

  it('reads calendar events with attendees', async () => {
    const { gmail, account, clock } = await setup();
    fake.addEvent({ summary: 'Intro call', start: clock.now() + 86_400_000, end: clock.now() + 86_400_000 + 1_800_000, attendees: ['dana@prospect.io'] });
    const events = await gmail.calendarEvents(account, clock.now());
    expect(events).toMatchObject([{ summary: 'Intro call', attendees: expect.arrayContaining(['dana@prospect.io']) }]);
  });
});

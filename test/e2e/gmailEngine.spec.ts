// Gmail with the real engine, in Chromium through the harness and the fake Google: sequence emails go out threaded,
// and a reply, an out-of-office and a hard bounce each stop or pause the right prospect before the follow-up.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { test as base, expect, type Page } from '@playwright/test';
import { defaultSchedule, defaultSequenceOptions } from '../../src/shared/domain/sequence';
import { autoEmail } from '../support/buildingBlocks';
import { FakeGoogle } from '../fakes/google/fakeGoogle';
import { connectGmailInUi } from './support/gmail';
import { openApp, startHarnessProcess, stopHarnessProcess } from './support/harness';

interface Rig {
  google: FakeGoogle;
  db: Database.Database;
  /** The harness's test clock as last reported; the fake's mail time follows it so `after:` queries line up. */
  now: number;
  call<T = unknown>(method: string, request?: unknown): Promise<T>;
  advance(ms: number): Promise<void>;
}

const test = base.extend<{ rig: Rig; app: Page }>({
  rig: async ({ request }, use) => {
    const rig = { now: Date.now() } as Rig;
    rig.google = await new FakeGoogle({ now: () => rig.now }).start();
    const dataDir = mkdtempSync(join(tmpdir(), 'repdesk-gmail-engine-e2e-'));
    const running: { child: ChildProcess; url: string } = await startHarnessProcess(dataDir, [], { REPDESK_GOOGLE_BASE: rig.google.origin });
    const u = new URL(running.url);
    rig.call = async <T,>(method: string, body?: unknown) => {
      const res = await request.post(`${u.origin}/api/call`, { data: { method, request: body ?? {} }, headers: { 'X-Repdesk-Token': u.searchParams.get('token')! } });
      const json = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!json.ok) throw new Error(`${method}: ${json.error?.message}`);
      return json.value as T;
    };
    rig.advance = async (ms) => {
      rig.now = (await rig.call<{ now: number }>('test.clock.advance', { ms })).now;
    };
    rig.db = new Database(join(dataDir, 'repdesk.sqlite'), { readonly: true });
    (rig as Rig & { url: string }).url = running.url;
    await use(rig);
    rig.db.close();
    await stopHarnessProcess(running.child);
    await rig.google.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, rig }, use) => {
    await openApp(page, (rig as Rig & { url: string }).url);
    await use(page);
  },
});

// A Monday 09:00 in New York, ahead of the real date (the test clock never goes backwards).
const monday9amNewYork = Date.parse('2030-03-04T14:00:00Z');
const hour = 3_600_000;
const day = 24 * hour;


const people = {
  ann: 'ann@northwind.test', // replies
  ben: 'ben@contoso.test', // out of office until 18 March
  cy: 'cy@fabrikam.test', // hard bounce
  dee: 'dee@initech.test', // silent: gets the follow-up
};

test('sequence emails go out through Gmail threaded; a reply, an out-of-office and a bounce are each handled', async ({ app, request, rig }) => {
  rig.now = (await rig.call<{ now: number }>('test.clock.set', { at: monday9amNewYork })).now;
  await rig.call('settings.update', { repName: 'Riley Rep', timeZone: 'America/New_York' });
  await connectGmailInUi(app, request);

  const sequence = await rig.call<{ id: number }>('sequences.create', {
    name: 'Gmail outreach',
    schedule: defaultSchedule(),
    options: defaultSequenceOptions(),
    steps: [autoEmail('Quick question, {{ first_name }}', 'Hi {{ first_name }},\n\nHow does {{ company }} follow up today?\n\n{{ rep_name }}', 0), autoEmail('', 'Following up on my note, {{ first_name }}.', 2)],
  });
  const { ids } = await rig.call<{ ids: number[] }>('test.prospects.add', {
    prospects: Object.entries(people).map(([name, address]) => ({ email: address, firstName: name[0]!.toUpperCase() + name.slice(1), company: address.split(/[@.]/)[1], country: 'US', timeZone: 'America/New_York' })),
  });
  const enrolled = await rig.call<{ enrolled: number }>('enrollments.create', { sequenceId: sequence.id, prospectIds: ids });
  expect(enrolled.enrolled).toBe(4);

  // An hour later the four first emails are in the fake Gmail's Sent folder, each with the Message-ID we stored first.
  await rig.advance(hour);
  await expect.poll(() => rig.google.sent.length).toBe(4);
  const stored = rig.db.prepare<[], { email: string; message_id: string; provider_thread_id: string }>(
    "SELECT p.email, r.message_id, r.provider_thread_id FROM step_runs r JOIN enrollments e ON e.id = r.enrollment_id JOIN prospects p ON p.id = e.prospect_id WHERE r.state = 'sent' ORDER BY r.id",
  );
  const firstBy = new Map(stored.all().map((r) => [r.email, r]));
  for (const [name, address] of Object.entries(people)) {
    const sent = rig.google.sent.find((m) => m.to.includes(address))!;
    expect(sent.subject).toBe(`Quick question, ${name[0]!.toUpperCase()}${name.slice(1)}`);
    expect(sent.messageId).toBe(firstBy.get(address)!.message_id);
    expect(sent.messageId).toMatch(/^<[^@<>]+@acme-sales\.com>$/);
    expect(sent.threadId).toBe(firstBy.get(address)!.provider_thread_id);
  }
  const first = (address: string) => rig.google.sent.find((m) => m.to.includes(address))!;

  // The prospects answer: Ann replies, Ben is away until 18 March, Cy's address does not exist.
  await rig.google.deliver({ from: people.ann, fromName: 'Ann Lee', subject: `Re: ${first(people.ann).subject}`, text: 'Yes, let us talk on Thursday.', inReplyTo: first(people.ann).messageId!, references: [first(people.ann).messageId!] });
  await rig.google.deliver({
    from: people.ben,
    fromName: 'Ben Ortiz',
    subject: 'Automatic reply: Quick question, Ben',
    text: 'I am out of the office with no access to email. I will be back on 2030-03-18.',
    headers: { 'Auto-Submitted': 'auto-replied' },
    inReplyTo: first(people.ben).messageId!,
  });
  await rig.google.deliverRaw(hardBounce(people.cy, first(people.cy).messageId!, first(people.cy).subject));

  // The inbox poll (every 2 minutes on the test clock) picks all three up.
  await rig.advance(5 * 60_000);
  await app.getByTestId('nav-sequences').click();
  await app.getByRole('button', { name: 'Gmail outreach', exact: true }).click();
  await app.getByRole('tab', { name: 'Prospects' }).click();
  const table = app.getByRole('table', { name: 'Enrolled prospects' });
  const row = (address: string) => table.getByRole('row').filter({ hasText: address });
  // The clock-driven poll runs in the background: on a loaded machine it can take a while to land.
  await expect(row(people.ann)).toContainText('finished', { timeout: 30_000 });
  await expect(row(people.ann)).toContainText('replied');
  await expect(row(people.ben)).toContainText('paused');
  await expect(row(people.ben)).toContainText('until Mon 18 Mar');
  await expect(row(people.cy)).toContainText('finished');
  await expect(row(people.cy)).toContainText('bounced');
  await expect(row(people.dee)).toContainText('active');

  // Today's inbox activity says what Repdesk did with each.
  await app.getByTestId('nav-today').click();
  const activity = app.getByTestId('inbox-activity');
  await expect(activity.locator('[data-kind="reply"]')).toContainText('Sequence stopped');
  await expect(activity.locator('[data-kind="out_of_office"]')).toContainText('Ben');
  await expect(activity.locator('[data-kind="hard_bounce"]')).toContainText('Address marked invalid');

  // Cy is marked bounced and suppressed: the Prospects screen says so and a new enrollment is refused.
  await app.getByTestId('nav-prospects').click();
  await expect(app.getByRole('row').filter({ hasText: people.cy })).toContainText('bounced');
  const suppressions = await rig.call<{ email: string | null; value?: string }[]>('suppressions.list');
  expect(JSON.stringify(suppressions)).toContain(people.cy);

  // Three business days on, only Dee gets the follow-up, in her thread, with the threading headers and "Re:".
  await rig.advance(3 * day);
  await expect.poll(() => rig.google.sent.length, { timeout: 30_000 }).toBe(5);
  const followUp = rig.google.sent[4]!;
  expect(followUp.to).toContain(people.dee);
  expect(followUp.threadId).toBe(first(people.dee).threadId);
  expect(followUp.inReplyTo).toBe(first(people.dee).messageId);
  expect(followUp.references).toContain(first(people.dee).messageId);
  expect(followUp.subject).toBe('Re: Quick question, Dee');

  // After Ben's return date his enrollment resumes and his follow-up goes out in his thread; Ann and Cy never get one.
  await rig.advance(14 * day);
  await expect.poll(() => rig.google.sent.length, { timeout: 30_000 }).toBe(6);
  const benFollowUp = rig.google.sent[5]!;
  expect(benFollowUp.to).toContain(people.ben);
  expect(benFollowUp.threadId).toBe(first(people.ben).threadId);
  expect(benFollowUp.subject).toBe('Re: Quick question, Ben');
  const sentAt = rig.db.prepare('SELECT completed_at FROM step_runs WHERE message_id = ?').pluck().get(benFollowUp.messageId) as number;
  expect(sentAt).toBeGreaterThanOrEqual(Date.parse('2030-03-18T04:00:00Z')); // not before his return date (midnight in New York)
  for (const address of [people.ann, people.cy]) expect(rig.google.sent.filter((m) => m.to.includes(address))).toHaveLength(1);
});

/** A Gmail-style delivery status notification (5.1.1) that returns the headers of the email it bounces. */
function hardBounce(recipient: string, messageId: string, subject: string): string {
  return [
    'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
    'To: rep@acme-sales.com',
    'Auto-Submitted: auto-replied',
    'Subject: Delivery Status Notification (Failure)',
    'Message-ID: <dsn-e2e@mx.google.com>',
    'Date: Mon, 04 Mar 2030 09:30:00 -0500',
    'Content-Type: multipart/report; boundary="b1"; report-type=delivery-status',
    '',
    '--b1',
    'Content-Type: text/plain; charset="UTF-8"',
    '',
    `Your message wasn't delivered to ${recipient} because the address couldn't be found.`,
    '',
    '--b1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; googlemail.com',
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    'Action: failed',
    'Status: 5.1.1',
    '',
    '--b1',
    'Content-Type: text/rfc822-headers',
    '',
    'From: Riley Rep <rep@acme-sales.com>',
    `To: ${recipient}`,
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    '',
    '--b1--',
    '',
  ].join('\r\n');
}

// Gmail end to end in Chromium through the harness and the fake Google: connect by OAuth, watch the inbox, reconnect.
import { corpus } from '../fixtures/mail/corpus';
import { connectGmailInUi, expect, seedEnrolled, test } from './support/gmail';

test('connect Gmail through the whole OAuth flow, with the permissions explained and weak storage agreed first', async ({ app, request, google }) => {
  await app.getByTestId('nav-settings').click();
  const section = app.getByTestId('mailboxes-settings');
  await section.getByLabel('Client ID').fill('not-a-client-id');
  await section.getByRole('button', { name: 'Use this OAuth client' }).click();
  await expect(section.getByText('A Google OAuth client id ends in .apps.googleusercontent.com')).toBeVisible();
  await connectGmailInUi(app, request);
  await expect(section.getByTestId('mailbox-rep@acme-sales.com').getByText('Google Workspace')).toBeVisible();
  await expect(section.getByText(/0 of 1500 emails sent in the last 24 hours/)).toBeVisible();
  expect(google.liveRefreshTokens()).toBe(1);
  await section.getByLabel('Daily cap').fill('2500');
  await section.getByRole('button', { name: 'Set cap' }).click();
  await expect(section.getByText(/Gmail allows about 2000 emails a day/)).toBeVisible();
  await section.getByLabel('Daily cap').fill('800');
  await section.getByRole('button', { name: 'Set cap' }).click();
  await expect(section.getByText(/0 of 800 emails sent in the last 24 hours/)).toBeVisible();

  await app.getByTestId('nav-today').click();
  await expect(app.getByTestId('mailbox-status')).toContainText(/rep@acme-sales\.com: (synced|checking)/);

  await app.getByTestId('nav-settings').click();
  await section.getByRole('button', { name: 'Disconnect' }).click();
  await section.getByRole('button', { name: 'Disconnect and revoke' }).click();
  await expect(section.getByTestId('mailbox-rep@acme-sales.com')).toHaveCount(0);
  expect(google.liveRefreshTokens()).toBe(0);
});

test('a reply, an out-of-office and a bounce are each handled and shown on Today', async ({ app, request, google, gmailHarness }) => {
  await connectGmailInUi(app, request);
  const ours = '<run-17.k2j3@repdesk.local>';
  seedEnrolled(gmailHarness.db, { email: 'dana@prospect.io', firstName: 'Dana', messageId: '<run-1.a@repdesk.local>' });
  seedEnrolled(gmailHarness.db, { email: 'sam@lee-consulting.co.uk', firstName: 'Sam', messageId: '<run-2.b@repdesk.local>' });
  const bouncedId = seedEnrolled(gmailHarness.db, { email: 'nobody@prospect.io', firstName: 'Nobody', messageId: ours });
  // What the engine sent earlier, in the rep's Sent folder.
  await google.sendOutside({ to: 'dana@prospect.io', subject: 'Quick question about Prospect.io', text: 'Hi Dana', messageId: '<run-1.a@repdesk.local>' });

  await google.deliver({
    from: 'dana@prospect.io',
    fromName: 'Dana Diaz',
    subject: 'Re: Quick question about Prospect.io',
    text: 'Sure, Tuesday at 10 works.',
    html: '<p>Sure, <b>Tuesday at 10</b> works.</p><img src="https://tracker.example/open.gif" alt="logo">',
    inReplyTo: '<run-1.a@repdesk.local>',
    references: ['<run-1.a@repdesk.local>'],
  });
  await google.deliverRaw(corpus.find((c) => c.name.startsWith('Gmail vacation responder'))!.raw);
  await google.deliverRaw(corpus.find((c) => c.name.startsWith('Gmail hard bounce'))!.raw);

  await app.getByTestId('mailboxes-settings').getByRole('button', { name: 'Sync now' }).click();
  await app.getByTestId('nav-today').click();
  const activity = app.getByTestId('inbox-activity');
  await expect(activity.locator('[data-kind="reply"]')).toContainText('Dana');
  await expect(activity.locator('[data-kind="reply"]')).toContainText('Sequence stopped');
  await expect(activity.locator('[data-kind="out_of_office"]')).toContainText('Sam');
  await expect(activity.locator('[data-kind="hard_bounce"]')).toContainText('Address marked invalid');

  await activity.locator('[data-kind="reply"] button').click();
  const body = activity.locator('.inbound-body');
  await expect(body).toContainText('Tuesday at 10');
  await expect(body).toContainText('[image: logo]');
  await expect(body.locator('img')).toHaveCount(0);

  expect(gmailHarness.db.prepare('SELECT status FROM prospects WHERE id = ?').pluck().get(bouncedId)).toBe('bounced');
  const timeline = gmailHarness.db.prepare("SELECT reason FROM events WHERE type = 'email_received' ORDER BY id").pluck().all();
  expect(timeline.sort()).toEqual(['hard_bounce', 'out_of_office', 'reply']);
});

test('an expired sign-in shows the banner and a notification; reconnecting resumes', async ({ app, request, google }) => {
  await connectGmailInUi(app, request);
  google.revokeAllTokens();
  await app.getByTestId('mailboxes-settings').getByRole('button', { name: 'Sync now' }).click();
  await expect(app.getByText('Reconnect rep@acme-sales.com')).toBeVisible();
  await app.getByTestId('nav-today').click();
  await expect(app.getByTestId('mailbox-banner')).toContainText('rep@acme-sales.com needs reconnecting');
  await connectGmailInUi(app, request, { setClient: false });
  await app.getByTestId('nav-today').click();
  await expect(app.getByTestId('mailbox-banner')).toHaveCount(0);
});

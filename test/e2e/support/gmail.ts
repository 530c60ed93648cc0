// Playwright fixture for Gmail flows: a fake Google in the test process and a harness pointed at it (test mode only).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { FakeGoogle, fakeClient } from '../../fakes/google/fakeGoogle';
import { openApp, startHarnessProcess, stopHarnessProcess } from './harness';

export interface GmailHarness {
  url: string;
  dataDir: string;
  /** The harness's own SQLite file, to seed rows the engine would write (until the engine is merged). */
  db: Database.Database;
}

export const test = base.extend<{ google: FakeGoogle; gmailHarness: GmailHarness; app: Page }>({
  google: async ({}, use) => {
    const fake = await new FakeGoogle().start();
    await use(fake);
    await fake.stop();
  },
  gmailHarness: async ({ google }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'repdesk-gmail-e2e-'));
    const running: { child: ChildProcess; url: string } = await startHarnessProcess(dataDir, [], { REPDESK_GOOGLE_BASE: google.origin });
    const db = new Database(join(dataDir, 'repdesk.sqlite'));
    db.pragma('busy_timeout = 5000');
    await use({ url: running.url, dataDir, db });
    db.close();
    await stopHarnessProcess(running.child);
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, gmailHarness }, use) => {
    await openApp(page, gmailHarness.url);
    await use(page);
  },
});

/** Settings > Mailboxes: enter the OAuth client, agree to weak storage, connect, and follow the sign-in like a person would. */
export async function connectGmailInUi(app: Page, request: APIRequestContext, options: { setClient?: boolean } = {}): Promise<void> {
  await app.getByTestId('nav-settings').click();
  const section = app.getByTestId('mailboxes-settings');
  if (options.setClient ?? true) {
    await section.getByLabel('Client ID').fill(fakeClient.clientId);
    await section.getByLabel('Client secret').fill(fakeClient.clientSecret);
    await section.getByRole('button', { name: 'Use this OAuth client' }).click();
  }
  await expect(section.getByText('Send email as you (gmail.send)')).toBeVisible();
  await section.getByTestId('accept-weak-storage').check();
  await section.getByRole('button', { name: /Connect Gmail|Reconnect Gmail/ }).click();
  const link = section.getByTestId('gmail-authorize-link');
  const authorizeUrl = await link.getAttribute('href');
  // The browser side: Google's consent (the fake approves) redirects to Repdesk's loopback listener.
  const landing = await request.get(authorizeUrl!);
  expect(await landing.text()).toContain('Repdesk is connected');
  await expect(section.getByTestId('mailbox-rep@acme-sales.com')).toHaveAttribute('data-status', 'connected');
  // The first inbox check starts by itself right after connecting; wait for it so tests act on a settled mailbox.
  await expect(section.getByTestId('mailbox-rep@acme-sales.com')).toContainText('Inbox checked');
}

export function seedEnrolled(db: Database.Database, p: { email: string; firstName: string; messageId: string }): number {
  const now = Date.now();
  const prospectId = Number(
    db.prepare('INSERT INTO prospects (email, email_normalized, first_name, domain, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(p.email, p.email.toLowerCase(), p.firstName, p.email.split('@')[1], now, now)
      .lastInsertRowid,
  );
  const sequenceId = Number(db.prepare("INSERT INTO sequences (name, created_at, updated_at) VALUES ('Outbound', ?, ?)").run(now, now).lastInsertRowid);
  const stepId = Number(db.prepare("INSERT INTO steps (sequence_id, position, type, created_at, updated_at) VALUES (?, 1, 'auto_email', ?, ?)").run(sequenceId, now, now).lastInsertRowid);
  const enrollmentId = Number(db.prepare('INSERT INTO enrollments (prospect_id, sequence_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run(prospectId, sequenceId, now, now).lastInsertRowid);
  db.prepare("INSERT INTO step_runs (enrollment_id, step_id, state, due_at, message_id, created_at, updated_at) VALUES (?, ?, 'sent', ?, ?, ?, ?)").run(enrollmentId, stepId, now, p.messageId, now, now);
  return prospectId;
}

export { expect };

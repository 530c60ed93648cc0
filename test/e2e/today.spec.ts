// The Today queue in Chromium through the harness: approve after editing, bulk approve with a refusal, skip,
// reschedule, click-to-call with the outcome logged from the keyboard, a task done, a reminder that opens
// its item, each action in the prospect's timeline; the demo workspace and the calling settings.
import type { APIRequestContext } from '@playwright/test';
import type { MethodName, RequestOf, ResponseOf } from '../../src/shared/contract';
import { expect, test, type RunningHarness } from './support/harness';

async function call<M extends MethodName>(request: APIRequestContext, harness: RunningHarness, method: M, body: RequestOf<M>): Promise<ResponseOf<M>> {
  // A fresh connection per call: a kept-alive socket the server closed while the UI steps ran would reset.
  const res = await request.post(`${harness.origin}/api/call`, { data: { method, request: body }, headers: { 'X-Repdesk-Token': harness.token, Connection: 'close' } });
  const json = (await res.json()) as { ok: boolean; value: ResponseOf<M>; error?: { message: string } };
  if (!json.ok) throw new Error(`${method}: ${json.error?.message}`);
  return json.value;
}

const anyTime = { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59', skipHolidays: false, timeZone: null };
const options = { stopOnCallOutcomes: ['connected', 'meeting_booked'] as ('connected' | 'meeting_booked')[], description: '' };
const step = (type: 'manual_email' | 'call' | 'task', extra: Record<string, unknown> = {}) => ({
  type,
  delayAmount: 0,
  delayUnit: 'business_days' as const,
  threadMode: 'new' as const,
  variants: [] as { subject: string; body: string }[],
  note: '',
  attachmentIds: [] as number[],
  ...extra,
});

async function seed(request: APIRequestContext, harness: RunningHarness) {
  await call(request, harness, 'settings.update', { repName: 'Robin Rep', timeZone: 'UTC' });
  // A fixed morning (tomorrow, 09:00 UTC), so "later today" and the reminder never cross midnight.
  const morning = new Date();
  morning.setUTCDate(morning.getUTCDate() + 1);
  morning.setUTCHours(9, 0, 0, 0);
  await call(request, harness, 'test.clock.set', { at: morning.getTime() });
  const { ids } = await call(request, harness, 'test.prospects.add', {
    prospects: [
      { email: 'ann@atlas.example.com', firstName: 'Ann', lastName: 'Archer', company: 'Atlas', customFields: { project: 'Atlas Cloud' } },
      { email: 'ben@borealis.example.com', firstName: 'Ben', lastName: 'Bolt', company: 'Borealis', customFields: { project: 'Borealis' } },
      { email: 'cat@cobalt.example.com', firstName: 'Cat', lastName: 'Cole', company: 'Cobalt' },
      { email: 'dan@delta.example.com', firstName: 'Dan', lastName: 'Dunn', company: 'Delta', customFields: { project: 'Delta' } },
      { email: 'eve@echo.example.com', firstName: 'Eve', lastName: 'Ellis', company: 'Echo', customFields: { project: 'Echo' } },
      { email: 'finn@fjord.example.com', firstName: 'Finn', lastName: 'Frost', company: 'Fjord', phone: '+14155550142', timeZone: 'Europe/London', country: 'GB' },
      { email: 'gus@granite.example.com', firstName: 'Gus', lastName: 'Green', company: 'Granite' },
    ],
  });
  const [ann, ben, cat, dan, eve, finn, gus] = ids as [number, number, number, number, number, number, number];
  const emails = await call(request, harness, 'sequences.create', {
    name: 'Personal outreach',
    schedule: anyTime,
    options,
    steps: [step('manual_email', { variants: [{ subject: 'Quick question, {{first_name}}', body: 'Hi {{first_name}},\n\nHow is {{ custom.project }} going?\n\n{{ rep_name }}' }] })],
  });
  const calls = await call(request, harness, 'sequences.create', {
    name: 'Call first',
    schedule: anyTime,
    options,
    steps: [
      step('call', { delayAmount: 1, delayUnit: 'hours', note: 'Ask {{first_name}} how {{company}} plans next quarter.' }),
      step('manual_email', { variants: [{ subject: 'Sorry I missed you', body: 'Hi {{first_name}}, I tried to call. {{ rep_name }}' }] }),
    ],
  });
  const tasks = await call(request, harness, 'sequences.create', {
    name: 'Research',
    schedule: anyTime,
    options,
    steps: [step('task', { note: 'Research {{company}}: recent news and hiring.' }), step('task', { delayAmount: 2, note: 'Check in on {{company}}' })],
  });
  await call(request, harness, 'enrollments.create', { sequenceId: emails.id, prospectIds: [ann, ben, cat, dan, eve] });
  await call(request, harness, 'enrollments.create', { sequenceId: calls.id, prospectIds: [finn] });
  await call(request, harness, 'enrollments.create', { sequenceId: tasks.id, prospectIds: [gus] });
  return { ann, ben, cat, dan, eve, finn, gus };
}

test('the rep works the queue from the keyboard and every action lands in the timeline', async ({ app, harness, request }) => {
  await seed(request, harness);
  await app.getByTestId('nav-today').click();
  const emails = app.getByTestId('section-emails');
  await expect(app.getByTestId('count-emails')).toHaveText('5');
  await expect(app.getByTestId('count-tasks')).toHaveText('1');
  // The call is due in an hour: in the queue, but set apart as later today.
  await expect(app.getByTestId('count-calls')).toHaveText('1');
  await expect(app.getByTestId('section-calls').locator('.band-later')).toContainText('Finn Frost');
  await expect(app.getByTestId('nav-today')).toContainText('7');
  await expect(app.getByTestId('mailbox-banner')).toContainText('sends start once you connect');

  // The first email is focused; its preview has the merge fields filled.
  await expect(app.getByTestId('email-subject')).toHaveText('Quick question, Ann');
  await expect(app.getByTestId('email-body')).toContainText('How is Atlas Cloud going?');

  // Edit, then approve from the editor with the keyboard.
  await app.keyboard.press('e');
  const subject = app.getByLabel('Subject');
  await expect(subject).toBeFocused();
  await subject.fill('Atlas Cloud and your Q3 rollout');
  await app.getByLabel('Message').press('Control+Enter');
  await expect(app.getByTestId('count-emails')).toHaveText('4');
  await expect(emails.getByText('Ann Archer')).toHaveCount(0);

  // Dan: skip (s). Eve: reschedule to tomorrow (r).
  await emails.locator('[data-prospect="Dan Dunn"]').click();
  await app.keyboard.press('s');
  await expect(emails.locator('[data-prospect="Dan Dunn"]')).toHaveCount(0);
  await emails.locator('[data-prospect="Eve Ellis"]').click();
  await app.keyboard.press('r');
  await app.getByRole('button', { name: 'Tomorrow, 9:00' }).click();
  await expect(emails.locator('[data-prospect="Eve Ellis"]')).toHaveCount(0);
  await expect(app.getByTestId('count-emails')).toHaveText('2');
  // The row can leave (a push from the main process) before the action has returned; keys wait for it to return, and
  // its line under Done marks that.
  await expect(app.getByRole('region', { name: /^Done/ })).toContainText('Rescheduled to');

  // Bulk approve: Ben goes, Cat is refused for the field that resolved to nothing and stays, with the reason.
  await expect(emails.locator('[data-prospect="Cat Cole"]')).toContainText('Missing custom.project');
  await app.keyboard.press('Shift+A');
  await expect(app.getByTestId('toast').filter({ hasText: '1 email approved' })).toContainText('Cat Cole');
  await expect(emails.locator('[data-prospect="Ben Bolt"]')).toHaveCount(0);
  await expect(emails.locator('[data-prospect="Cat Cole"]')).toContainText('custom.project');
  await expect(app.getByTestId('count-emails')).toHaveText('1');

  // An hour later the call falls due: a reminder appears; clicking it opens the call.
  await call(request, harness, 'test.clock.advance', { ms: 61 * 60_000 });
  const reminder = app.getByTestId('toast').filter({ hasText: 'Call Finn Frost' });
  await expect(reminder).toBeVisible();
  await reminder.getByRole('button').first().click();
  const callDetail = app.getByTestId('detail-call');
  await expect(callDetail).toBeVisible();
  // It is due now, no longer "later today".
  await expect(app.getByTestId('section-calls').locator('.band-due')).toContainText('Finn Frost');
  await expect(callDetail.getByTestId('phone')).toHaveText('+1 415 555 0142');
  await expect(callDetail.getByTestId('local-time')).toContainText(/GMT|BST/);
  await expect(callDetail).toContainText('Ask Finn how Fjord plans next quarter.');

  // c calls through the app layer (recorded, not dialled); 3 = no answer, a note, Enter logs it.
  await app.keyboard.press('c');
  await expect(app.getByTestId('outcome-logger')).toBeVisible();
  await expect.poll(() => call(request, harness, 'test.launcher.requests', {})).toEqual(['tel:+14155550142']);
  await expect(app.getByTestId('call-opened')).toContainText('Opened tel:+14155550142');
  await app.keyboard.press('3');
  const notes = app.getByLabel('Call notes');
  await expect(notes).toBeFocused();
  await notes.fill('Try again Friday');
  await notes.press('Enter');
  await expect(app.getByTestId('count-calls')).toHaveText('0');
  // No answer is not a stop outcome: the sequence moves on to its follow-up email.
  await expect(emails.locator('[data-prospect="Finn Frost"]')).toBeVisible();

  // The task: d, a note, Enter.
  await app.getByTestId('section-tasks').locator('[data-prospect="Gus Green"]').click();
  await app.keyboard.press('d');
  await app.getByLabel('Task note').fill('Raised a Series A last month');
  await app.getByLabel('Task note').press('Enter');
  await expect(app.getByTestId('count-tasks')).toHaveText('0');

  // Every action is in its prospect's timeline.
  const timelineOf = async (runText: string, expected: RegExp) => {
    await app.getByTestId('section-done').getByText(runText).first().click();
    await expect(app.getByTestId('detail-done').getByTestId('timeline')).toContainText(expected);
  };
  await timelineOf('Edited and approved the email', /approved/);
  await timelineOf('Skipped', /Skipped by the rep/);
  await timelineOf('Rescheduled to', /Rescheduled by the rep/);
  await timelineOf('Approved the email (bulk)', /approved/);
  await timelineOf('Call logged: No answer', /No answer: Try again Friday/);
  await expect(app.getByTestId('detail-done').getByTestId('timeline')).toContainText('Call to +1 415 555 0142 started from Today');
  await timelineOf('Task done: Raised a Series A', /Task done: Raised a Series A last month/);
});

test('the call link follows Settings, a reminder can start the call, and a stop outcome ends the sequence', async ({ app, harness, request }) => {
  await seed(request, harness);
  await app.getByTestId('nav-settings').click();
  const template = app.getByLabel('Call link');
  await template.fill('https://dial.example.com/{phone}');
  await expect(app.getByText('opens a page or runs code')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Save calling settings' })).toBeDisabled();
  await template.fill('sip:{phone}@pbx.example.com');
  await expect(app.getByText('Opens: sip:+14155550142@pbx.example.com')).toBeVisible();
  await app.getByLabel('Clicking a call reminder also starts the call').check();
  await app.getByRole('button', { name: 'Save calling settings' }).click();
  await expect(app.getByTestId('calling-saved')).toBeVisible();

  // Finn's number gets the extension that reaches his desk.
  await app.getByTestId('nav-prospects').click();
  await app.getByLabel('Search prospects').fill('finn');
  await app.getByRole('row').filter({ hasText: 'finn@fjord.example.com' }).getByRole('button', { name: 'Finn Frost' }).click();
  const detail = app.getByTestId('prospect-detail');
  await detail.getByLabel('Phone').fill('+1 415 555 0142 ext. 204');
  await detail.getByRole('button', { name: 'Save' }).click();
  await expect(detail.getByText('Edited: phone')).toBeVisible();

  await app.getByTestId('nav-today').click();
  await call(request, harness, 'test.clock.advance', { ms: 61 * 60_000 });
  // With "start call from reminder" on, clicking the reminder opens the call and dials it.
  await app.getByTestId('toast').filter({ hasText: 'Call Finn Frost' }).getByRole('button').first().click();
  await expect(app.getByTestId('outcome-logger')).toBeVisible();
  await expect(app.getByTestId('detail-call').getByTestId('phone')).toHaveText('+1 415 555 0142 ext. 204');
  await expect.poll(() => call(request, harness, 'test.launcher.requests', {})).toEqual(['sip:+14155550142@pbx.example.com']);
  // A sip: link has no standard place for the extension: the rep is told to dial it.
  await expect(app.getByTestId('call-opened')).toContainText('Dial extension 204 when the line answers.');
  // Meeting booked finishes the enrollment: nothing more for Finn in the queue.
  await app.keyboard.press('5');
  await app.getByLabel('Call notes').press('Enter');
  await expect(app.getByTestId('count-calls')).toHaveText('0');
  await expect(app.locator('[data-prospect="Finn Frost"]')).toHaveCount(0);
});

test('the demo workspace loads from the empty Today screen, is labelled, and goes away again', async ({ app }, testInfo) => {
  await app.getByTestId('nav-today').click();
  await expect(app.getByRole('heading', { name: 'Nothing to work on yet' })).toBeVisible();
  await app.getByRole('button', { name: 'Load the demo workspace' }).click();
  await expect(app.getByTestId('demo-badge')).toBeVisible();
  await expect(app.getByTestId('count-emails')).toHaveText('4');
  await expect(app.getByTestId('count-calls')).toHaveText('3');
  await expect(app.getByTestId('count-tasks')).toHaveText('3');
  await expect(app.getByTestId('section-going-out').locator('.queue-row')).toHaveCount(4);
  await expect(app.getByTestId('changed-overnight')).toContainText('Mateo Silva');
  await app.getByTestId('changed-overnight').getByRole('button', { name: 'Mateo Silva' }).click();
  await expect(app.getByTestId('detail-changed').getByTestId('timeline')).toContainText('Thanks for the guide');
  await app.getByTestId('section-emails').locator('.queue-row').first().click();
  await expect(app.getByTestId('mailbox-banner')).toBeVisible();
  await app.setViewportSize({ width: 1280, height: 800 });
  await app.screenshot({ path: testInfo.outputPath('today-demo-1280x800.png') });
  await app.setViewportSize({ width: 1024, height: 700 });
  await app.screenshot({ path: testInfo.outputPath('today-demo-1024x700.png') });

  // A planned automatic email can be held back for approval, then edited there.
  await app.getByTestId('section-going-out').locator('.queue-row').first().click();
  await app.keyboard.press('h');
  await expect(app.getByTestId('count-emails')).toHaveText('5');
  await expect(app.getByLabel('Subject')).toBeVisible();
  await app.keyboard.press('Escape');
  // Another is held back to tomorrow: it leaves today's sends and stays automatic.
  await app.getByTestId('section-going-out').locator('.queue-row').first().click();
  await app.keyboard.press('r');
  await app.getByRole('button', { name: 'Tomorrow, 9:00' }).click();
  await expect(app.getByTestId('section-going-out').locator('.queue-row')).toHaveCount(2);
  await expect(app.getByTestId('count-emails')).toHaveText('5');

  await app.keyboard.press('?');
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog')).toHaveCount(0);

  await app.getByRole('button', { name: 'Remove demo data' }).click();
  await expect(app.getByRole('heading', { name: 'Nothing to work on yet' })).toBeVisible();
  await expect(app.getByTestId('nav-today')).not.toContainText(/\d/);
});

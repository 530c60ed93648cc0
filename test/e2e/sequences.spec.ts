// Sequences end to end in Chromium: build a sequence in the editor, preview it, enroll prospects, move time, watch the timeline fill.
import { dropFile } from './support/dropFile';
import { expect, test } from './support/engineHarness';

// The harness test clock starts at the real time and cannot go backwards: jump to a Monday 09:00 in New York well ahead.
const monday9amNewYork = Date.parse('2030-03-04T14:00:00Z');

const acmeCsv = [
  'Email,First Name,Last Name,Company,Country,Time Zone',
  'ann@acme.test,Ann,Lee,Acme,US,America/New_York',
  'ben@acme.test,Ben,,Acme,DE,Europe/Berlin',
  'cy@acme.test,,,Acme,US,America/Chicago',
].join('\r\n');

test('import a spreadsheet, build, preview, enroll from the Prospects screen, advance time, and see the timeline fill', async ({ app, engine }) => {
  await engine.call('test.clock.set', { at: monday9amNewYork });
  await engine.call('settings.update', { repName: 'Robin Rep', timeZone: 'America/New_York' });

  // The prospects come from a real spreadsheet dropped on the window.
  await dropFile(app, 'acme-contacts.csv', acmeCsv);
  const importDialog = app.getByRole('dialog', { name: 'Import acme-contacts.csv' });
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importDialog.getByTestId('count-created')).toContainText('3');
  await importDialog.getByRole('button', { name: 'Show these prospects' }).click();
  await expect(app.getByTestId('prospect-total')).toHaveText('3 prospects');

  await app.getByTestId('nav-sequences').click();
  await app.getByLabel('Name').fill('Acme outreach');
  await app.getByRole('button', { name: 'Create blank sequence' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Acme outreach' })).toBeVisible();

  // Step 1: an automatic email; step 2: a follow-up in the same thread; step 3: a call.
  await app.getByRole('button', { name: '+ Automatic email' }).click();
  await app.locator('#step-0-subject-0').fill('Quick question, {{ first_name }}');
  await app.locator('#step-0-body-0').fill('Hi {{ first_name | default: "there" }},\n\nHow does {{ company }} handle follow-up today?\n\n{{ rep_name }}');
  await app.getByRole('button', { name: '+ Call' }).click();
  // Bad input is refused beside the field and the draft is kept.
  await app.getByRole('button', { name: 'Save changes' }).click();
  await expect(app.getByText('Say what to do in this step')).toBeVisible();
  await expect(app.locator('#step-0-subject-0')).toHaveValue('Quick question, {{ first_name }}');
  await app.locator('#step-1-note').fill('Call about the email');
  await app.getByRole('button', { name: '+ Automatic email' }).click();
  await app.locator('#step-2-body-0').fill('Following up on my note, {{ first_name | default: "there" }}.');
  // Reorder by keyboard: the follow-up email goes before the call.
  await app.getByTestId('step-2').locator('.step-head').focus();
  await app.keyboard.press('Alt+ArrowUp');
  await expect(app.locator('#step-1-type')).toHaveValue('auto_email');
  await expect(app.locator('#step-2-type')).toHaveValue('call');
  await app.getByRole('button', { name: 'Save changes' }).click();
  await expect(app.getByTestId('sequence-notice')).toHaveText('Saved.');

  // Preview for Ann: rendered with her fields, with when each step lands.
  await app.getByRole('tab', { name: 'Preview' }).click();
  await app.getByLabel('Preview for').fill('ann');
  await app.getByRole('button', { name: /Ann Lee/ }).click();
  await expect(app.getByTestId('preview-meta')).toContainText('America/New_York');
  await expect(app.getByTestId('preview-step-0')).toContainText('Quick question, Ann');
  await expect(app.getByTestId('preview-step-0')).toContainText('How does Acme handle follow-up today?');
  await expect(app.getByTestId('preview-step-0')).toContainText('Robin Rep');
  await expect(app.getByTestId('preview-step-1')).toContainText('Re: Quick question, Ann');
  await expect(app.getByTestId('preview-step-0').getByTestId('preview-due')).toHaveText('Mon 4 Mar 2030, 09:00 (America/New_York)');
  await expect(app.getByTestId('preview-step-1').getByTestId('preview-due')).toHaveText('Wed 6 Mar 2030, 09:00 (America/New_York)');

  // Enroll the three imported prospects from the Prospects screen's selection; Cy has no first name, so his first email is held for review.
  await app.getByTestId('nav-prospects').click();
  for (const email of ['ann@acme.test', 'ben@acme.test', 'cy@acme.test']) await app.getByLabel(`Select ${email}`).check();
  await app.getByRole('button', { name: 'Enroll 3 in a sequence…' }).click();
  const enroll = app.getByRole('dialog', { name: 'Enroll 3 prospects' });
  await enroll.getByLabel('Sequence', { exact: true }).selectOption({ label: 'Acme outreach' });
  await enroll.getByRole('button', { name: 'Enroll', exact: true }).click();
  await expect(enroll.getByTestId('enroll-summary')).toHaveText('3 enrolled.');
  await enroll.getByRole('button', { name: 'Done' }).click();
  await expect(app.getByTestId('prospect-total')).toHaveText('3 prospects');

  // Ann's timeline on the Prospects screen fills as time passes.
  await app.getByRole('button', { name: 'Ann Lee' }).click();
  const timeline = app.getByTestId('prospect-detail').getByTestId('prospect-timeline');
  await expect(timeline.locator('[data-type="enrolled"]')).toContainText('Enrolled in "Acme outreach"');
  // Enrolled at 09:00 on a Monday: the first email may go at once; the follow-up waits two business days.
  await expect(timeline.locator('[data-type="sent"]')).not.toContainText(['Step 2']);

  // Two days pass: the follow-up goes out too, and the open timeline shows it live.
  await engine.call('test.clock.advance', { ms: 3 * 86_400_000 });
  await expect(timeline.locator('[data-type="sent"]')).toHaveCount(2);
  await expect(timeline.locator('[data-type="sent"]').first()).toContainText('Step 2 (Automatic email) sent to ann@acme.test');

  // The sequence's own Prospects tab shows the same enrollments.
  // (The Sequences screen still has Acme outreach open.)
  await app.getByTestId('nav-sequences').click();
  await expect(app.getByRole('heading', { level: 1, name: 'Acme outreach' })).toBeVisible();
  await app.getByRole('tab', { name: 'Prospects' }).click();
  await expect(app.getByRole('table', { name: 'Enrolled prospects' }).getByRole('row')).toHaveCount(4);
  await app.getByRole('button', { name: 'cy@acme.test' }).click();
  await expect(app.getByTestId('timeline').locator('[data-type="awaiting_approval"]')).toContainText('Missing first_name');
});

test('the test clock refuses to go backwards', async ({ engine }) => {
  await engine.call('test.clock.set', { at: monday9amNewYork });
  await expect(engine.call('test.clock.set', { at: monday9amNewYork - 1000 })).rejects.toThrow(/cannot go backwards/);
});

test('days off set in Settings move the planned steps past them', async ({ app, engine }) => {
  await engine.call('test.clock.set', { at: monday9amNewYork });
  await engine.call('settings.update', { timeZone: 'America/New_York' });
  await engine.call('test.prospects.add', { prospects: [{ email: 'dee@acme.test', firstName: 'Dee', country: 'US', timeZone: 'America/New_York' }] });
  await engine.call('sequences.createFromStarter', { key: 're-engagement' });

  await app.getByTestId('nav-settings').click();
  await app.getByLabel('First day off').fill('2030-03-04');
  await app.locator('#off-end').fill('2030-03-06');
  await app.getByLabel('Note').fill('Conference');
  await app.getByRole('button', { name: 'Add days off' }).click();
  await expect(app.getByRole('list', { name: 'Days off' })).toContainText('2030-03-04 to 2030-03-06');
  await app.getByRole('button', { name: 'Update sending rules' }).click();
  await expect(app.getByRole('button', { name: 'Update sending rules' })).toBeDisabled();

  await app.getByTestId('nav-sequences').click();
  await app.getByRole('button', { name: 'Re-engagement', exact: true }).click();
  await app.getByRole('tab', { name: 'Preview' }).click();
  await app.getByLabel('Preview for').fill('dee');
  await app.getByRole('button', { name: /Dee/ }).click();
  await expect(app.getByTestId('preview-step-0').getByTestId('preview-due')).toHaveText('Thu 7 Mar 2030, 08:00 (America/New_York)');
});

test('pause, resume, finish with a reason and move an enrollment from the Prospects tab', async ({ app, engine }) => {
  await engine.call('test.clock.set', { at: monday9amNewYork });
  const { ids } = await engine.call<{ ids: number[] }>('test.prospects.add', {
    prospects: [
      { email: 'eve@acme.test', firstName: 'Eve', country: 'US', timeZone: 'America/New_York' },
      { email: 'fay@acme.test', firstName: 'Fay', country: 'US', timeZone: 'America/New_York' },
    ],
  });
  const a = await engine.call<{ id: number }>('sequences.createFromStarter', { key: 'outbound-first-touch' });
  await engine.call('sequences.createFromStarter', { key: 'webinar-follow-up' });
  await engine.call('enrollments.create', { sequenceId: a.id, prospectIds: ids });

  await app.getByTestId('nav-sequences').click();
  await app.getByRole('button', { name: 'Outbound: first touch', exact: true }).click();
  await app.getByRole('tab', { name: 'Prospects' }).click();
  const eve = app.getByRole('row', { name: /Eve/ });
  await eve.getByRole('button', { name: 'Pause' }).click();
  await expect(eve).toContainText('paused');
  await eve.getByRole('button', { name: 'Resume' }).click();
  await expect(eve).toContainText('active');

  await eve.getByRole('button', { name: 'Finish' }).click();
  await app.getByLabel('Why?').fill('Left the company');
  await app.getByRole('button', { name: 'Finish enrollment' }).click();
  await expect(eve).toContainText('finished by rep');

  const fay = app.getByRole('row', { name: /Fay/ });
  await fay.getByRole('button', { name: 'Move' }).click();
  await app.getByRole('button', { name: 'Move', exact: true }).last().click();
  await expect(fay).toContainText('moved');

  await eve.getByRole('button', { name: 'Eve' }).click();
  await expect(app.getByTestId('timeline').locator('[data-type="finished"]')).toContainText('Finished by the rep: Left the company');
});

test('a file attached to an email step is kept, and a blocked type is refused with the reason', async ({ app, engine }) => {
  await engine.call('sequences.createFromStarter', { key: 'webinar-follow-up' });
  await app.getByTestId('nav-sequences').click();
  await app.getByRole('button', { name: 'Webinar follow-up', exact: true }).click();
  await app.getByLabel('Attach a file to step 1').setInputFiles({ name: 'Webinar slides.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 slides') });
  await expect(app.getByTestId('step-0')).toContainText('Webinar slides.pdf');
  await app.getByLabel('Attach a file to step 1').setInputFiles({ name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await expect(app.getByTestId('step-0').getByRole('alert')).toContainText('block .exe files');
  await app.getByRole('button', { name: 'Save changes' }).click();
  await expect(app.getByTestId('sequence-notice')).toHaveText('Saved.');
  await app.getByRole('button', { name: '← All sequences' }).click();
  await app.getByRole('button', { name: 'Webinar follow-up', exact: true }).click();
  await expect(app.getByTestId('step-0')).toContainText('Webinar slides.pdf');
});

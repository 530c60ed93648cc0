// Enrolling at the end of an import in Chromium: the summary offers the prospects the file created or updated, the dialog refuses the suppressed one with its reason.
import { dropFile } from './support/dropFile';
import { expect, test } from './support/engineHarness';

const monday9amNewYork = Date.parse('2030-03-04T14:00:00Z');

const csv = [
  'Email,First Name,Last Name,Company,Title,Time Zone',
  'ann@acme.test,Ann,Lee,Acme,Head of Sales,America/New_York', // created
  'dana@delta.test,Dana,Fox,Delta,COO,America/New_York', // already a prospect, active in another sequence: updated (title)
  'x@blocked.test,Xi,Ng,Blocked,CTO,America/New_York', // on the do-not-contact list: suppressed
  'not-an-email,Bad,Row,Nowhere,,', // rejected
].join('\r\n');

test('enroll the prospects an import created or updated, from its summary; the suppressed one is refused with its reason', async ({ app, engine }) => {
  await engine.call('test.clock.set', { at: monday9amNewYork });
  await engine.call('settings.update', { timeZone: 'America/New_York' });
  const webinar = await engine.call<{ id: number }>('sequences.createFromStarter', { key: 'webinar-follow-up' });
  await engine.call('sequences.createFromStarter', { key: 're-engagement' });
  // Setup: Dana is already a prospect and active in "Webinar follow-up"; blocked.test is on the do-not-contact list.
  const { ids } = await engine.call<{ ids: number[] }>('test.prospects.add', { prospects: [{ email: 'dana@delta.test', firstName: 'Dana', country: 'US', timeZone: 'America/New_York' }] });
  await engine.call('enrollments.create', { sequenceId: webinar.id, prospectIds: ids });
  await engine.call('suppressions.add', { entries: 'blocked.test' });

  await dropFile(app, 'trade-show.csv', csv);
  const importDialog = app.getByRole('dialog', { name: 'Import trade-show.csv' });
  await importDialog.getByLabel('Fill in empty fields of the existing prospect').check();
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  const summary = importDialog.getByTestId('import-summary');
  await expect(summary.getByText('Import finished.')).toBeVisible();
  await expect(summary.getByTestId('count-created')).toContainText('1');
  await expect(summary.getByTestId('count-updated')).toContainText('1');
  await expect(summary.getByTestId('count-suppressed')).toContainText('1');
  await expect(summary.getByTestId('count-rejected')).toContainText('1');

  // Created + updated are offered; the suppressed row is not counted, and the dialog says it will be refused.
  await summary.getByRole('button', { name: 'Enroll these 2 prospects in a sequence…' }).click();
  const enroll = app.getByRole('dialog', { name: 'Enroll 2 prospects from trade-show.csv' });
  await expect(enroll).toContainText('1 suppressed prospect from this file will be refused with the reason.');
  await enroll.getByLabel('Sequence', { exact: true }).selectOption({ label: 'Re-engagement' });
  await enroll.getByRole('button', { name: 'Enroll', exact: true }).click();
  await expect(enroll.getByTestId('enroll-summary')).toHaveText('1 enrolled, 2 not enrolled.');
  const refused = enroll.getByRole('list', { name: 'Not enrolled' });
  await expect(refused.locator('[data-code="suppressed"]')).toHaveText('x@blocked.test is on the do-not-contact list; Repdesk will not write to them.');
  const elsewhere = refused.locator('[data-code="active_elsewhere"]');
  await expect(elsewhere).toContainText('dana@delta.test is active in "Webinar follow-up"');

  // The rep allows Dana to be in both sequences, for this enrollment only.
  await elsewhere.getByRole('button', { name: 'Enroll anyway' }).click();
  await expect(enroll.getByTestId('enroll-summary')).toHaveText('2 enrolled, 1 not enrolled.');
  await expect(refused.locator('li')).toHaveCount(1);
  await enroll.getByRole('button', { name: 'Done' }).click();

  // The Prospects screen lists the import's new prospects; Ann's timeline shows the enrollment.
  await expect(app.getByRole('heading', { level: 1, name: 'Prospects' })).toBeVisible();
  await expect(app.getByTestId('prospect-total')).toHaveText('2 prospects');
  await app.getByRole('button', { name: 'Ann Lee' }).click();
  await expect(app.getByTestId('prospect-timeline').locator('[data-type="enrolled"]')).toContainText('Enrolled in "Re-engagement"');

  // Both enrollments are real: the sequence lists Ann and Dana, and Dana stays in the webinar sequence too.
  const reEngagement = await engine.call<{ id: number }[]>('sequences.list', {});
  const inSequence = await engine.call<{ items: { prospectEmail: string }[] }>('enrollments.list', { sequenceId: reEngagement.find((s) => s.id !== webinar.id)!.id });
  expect(inSequence.items.map((e) => e.prospectEmail).sort()).toEqual(['ann@acme.test', 'dana@delta.test']);
  const dana = await engine.call<{ items: { status: string }[] }>('enrollments.list', { sequenceId: webinar.id });
  expect(dana.items.map((e) => e.status)).toEqual(['active']);
});

test('enroll everyone the Prospects screen filter lists, by time zone', async ({ app, engine }) => {
  await engine.call('test.clock.set', { at: monday9amNewYork });
  await engine.call('sequences.createFromStarter', { key: 're-engagement' });
  await dropFile(
    app,
    'mixed.csv',
    ['Email,First Name,Company,Time Zone', 'eu1@one.test,Eva,One,Europe/Berlin', 'eu2@two.test,Emil,Two,Europe/Berlin', 'us1@three.test,Uma,Three,America/Chicago'].join('\r\n'),
  );
  const importDialog = app.getByRole('dialog', { name: 'Import mixed.csv' });
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await importDialog.getByRole('button', { name: 'Show these prospects' }).click();
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await app.getByLabel('Time zone').selectOption('Europe/Berlin');
  await expect(app.getByTestId('prospect-total')).toHaveText('2 prospects');

  await app.getByRole('button', { name: 'Enroll all 2 matching in a sequence…' }).click();
  const enroll = app.getByRole('dialog', { name: 'Enroll 2 prospects matching the filter' });
  await enroll.getByRole('button', { name: 'Enroll', exact: true }).click();
  await expect(enroll.getByTestId('enroll-summary')).toHaveText('2 enrolled.');
  await enroll.getByRole('button', { name: 'Done' }).click();
  const enrolled = await engine.call<{ items: { prospectEmail: string }[] }>('enrollments.list', {});
  expect(enrolled.items.map((e) => e.prospectEmail).sort()).toEqual(['eu1@one.test', 'eu2@two.test']);
});

// Import and the prospects screen in Chromium through the harness: drop, map, import, find, edit, fix a rejected row.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Download } from '@playwright/test';
import { dropFile } from './support/dropFile';
import { expect, test } from './support/harness';

const csv = [
  'Leads from the spring fair,,,,,',
  'Email Address,Given Name,Surname,Org,Mobile,State',
  'jane.doe@acme.com,Jane,Doe,Acme,(415) 555-0132,CA',
  'bob@beta.io,Bob,Ray,Beta,212 555 0100,NY',
  'not-an-email,Rita,Reject,Gamma,,TX',
].join('\r\n');

test('drop a spreadsheet, change a mapping, import, find and edit a prospect, fix a rejected row', async ({ app }) => {
  await app.getByTestId('nav-today').click();
  await dropFile(app, 'spring-fair.csv', csv);

  const dialog = app.getByRole('dialog', { name: 'Import spring-fair.csv' });
  await expect(dialog.getByText('header on row 2')).toBeVisible();
  await expect(dialog.getByLabel('Field for column Email Address')).toHaveValue('field:email');
  await expect(dialog.getByLabel('Field for column Mobile')).toHaveValue('field:phone');
  await expect(dialog.getByLabel('Field for column Org')).toHaveValue('custom');
  await dialog.getByLabel('Field for column Org').selectOption('field:company');
  await dialog.getByLabel('Tag these prospects').fill('Spring fair');
  // The columns scroll inside the dialog: its own buttons stay on screen, however wide the file.
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport({ ratio: 1 });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();

  const summary = dialog.getByTestId('import-summary');
  await expect(summary.getByText('Import finished.')).toBeVisible();
  await expect(summary.getByTestId('count-created')).toContainText('2');
  await expect(summary.getByTestId('count-rejected')).toContainText('1');
  await summary.getByRole('button', { name: 'Show these prospects' }).click();

  await expect(app.getByRole('heading', { level: 1, name: 'Prospects' })).toBeVisible();
  await expect(app.getByTestId('prospect-total')).toHaveText('2 prospects');
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await app.getByLabel('Search prospects').fill('jane ac');
  await expect(app.getByTestId('prospect-total')).toHaveText('1 prospect');
  const row = app.getByRole('row').filter({ hasText: 'jane.doe@acme.com' });
  await expect(row).toContainText('Acme');
  await expect(row).toContainText('America/Los Angeles');
  // The column is narrow: hovering it shows the zone in full and where it came from.
  await expect(row.getByText('America/Los Angeles')).toHaveAttribute('title', 'America/Los Angeles, time zone guessed from their location');

  await row.getByRole('button', { name: 'Jane Doe' }).click();
  const detail = app.getByTestId('prospect-detail');
  await expect(detail.getByLabel('Phone')).toHaveValue('(415) 555-0132');
  // A mistyped address is refused with what is wrong with it.
  await detail.getByLabel('Email').fill('jane.doe@acme');
  await detail.getByRole('button', { name: 'Save' }).click();
  await expect(detail.getByText('Enter a valid email address: "acme" after the @ is not a domain (it has no dot)')).toBeVisible();
  await detail.getByLabel('Email').fill('jane.doe@acme.com');
  await detail.getByLabel('Phone').fill('12');
  await detail.getByRole('button', { name: 'Save' }).click();
  await expect(detail.getByText('Enter a phone number that includes its area code')).toBeVisible();
  // The message names the field to correct, and the field is brought into view with the cursor in it.
  await expect(detail.getByRole('alert')).toHaveText('Nothing was saved: check Phone.');
  await expect(detail.getByLabel('Phone')).toBeFocused();
  await detail.getByLabel('Phone').fill('+1 415 555 0199');
  await detail.getByLabel('Title').fill('VP Sales');
  await detail.getByRole('button', { name: 'Save' }).click();
  await expect(detail.getByText('Edited: title, phone')).toBeVisible();
  await expect(detail).toContainText('time zone guessed from their location');
  // Moving her to New York moves the zone Repdesk guessed for her.
  await detail.getByLabel('State / region').fill('NY');
  await detail.getByRole('button', { name: 'Save' }).click();
  await expect(detail.getByLabel('Time zone')).toHaveValue('America/New_York');
  await detail.getByRole('button', { name: 'Close prospect' }).click();
  await expect(row).toContainText('VP Sales');
  await expect(row).toContainText('America/New York');

  await app.getByRole('tab', { name: /Import issues/ }).click();
  const issue = app.getByTestId('import-issue');
  await expect(issue).toContainText('row 5');
  await expect(issue).toContainText('"not-an-email" is not a valid email address: it has no @');
  await issue.getByLabel('Email Address').fill('rita@gamma');
  await issue.getByRole('button', { name: 'Import this row' }).click();
  await expect(issue).toContainText('"gamma" after the @ is not a domain (it has no dot)');
  await issue.getByLabel('Email Address').fill('rita@gamma.com');
  await issue.getByRole('button', { name: 'Import this row' }).click();
  await expect(app.getByText('No rejected rows.')).toBeVisible();

  await app.getByRole('tab', { name: 'All prospects' }).click();
  await app.getByLabel('Search prospects').fill('rita');
  await expect(app.getByRole('row').filter({ hasText: 'rita@gamma.com' })).toContainText('Gamma');
  await expect(app.getByTestId('nav-prospects')).toContainText('3');

  await app.getByRole('tab', { name: 'Imports' }).click();
  const history = app.getByRole('row').filter({ hasText: 'spring-fair.csv' });
  await expect(history).toContainText('Spring fair');
  await history.getByRole('button', { name: 'Show prospects' }).click();
  await expect(app.getByTestId('prospect-total')).toHaveText('3 prospects');
});

test('an address at a domain with letters such as ü reads in its letters, and stays as it was when other fields are edited', async ({ app }) => {
  await dropFile(app, 'umlauts.csv', 'Email,First Name,Last Name\r\nzoe@Müller.de,Zoe,Müller\r\n');
  const dialog = app.getByRole('dialog', { name: 'Import umlauts.csv' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-summary').getByTestId('count-created')).toContainText('1');
  await dialog.getByRole('button', { name: 'Show these prospects' }).click();

  // Stored and sent as mail writes it (zoe@xn--mller-kva.de), shown as the file had it.
  const row = app.getByRole('row').filter({ hasText: 'Zoe Müller' });
  await expect(row).toContainText('zoe@müller.de');
  await expect(row).not.toContainText('xn--');
  await row.getByRole('button', { name: 'Zoe Müller' }).click();
  const detail = app.getByTestId('prospect-detail');
  await expect(detail.getByLabel('Email')).toHaveValue('zoe@müller.de');
  await detail.getByLabel('Title').fill('Founder');
  await detail.getByRole('button', { name: 'Save' }).click();
  await expect(detail.getByText('Edited: title')).toBeVisible();
  await detail.getByLabel('Email').fill('zoe.m@müller.de');
  await detail.getByRole('button', { name: 'Save' }).click();
  await expect(detail.getByText('Edited: email')).toBeVisible();
  await detail.getByRole('button', { name: 'Close prospect' }).click();
  await expect(row).toContainText('zoe.m@müller.de');
});

test('several phone columns: the mapping says how they combine, and a prospect with only a mobile is called on it', async ({ app }) => {
  const file = [
    'Email,First Name,Last Name,Phone Number,Mobile Phone Number',
    'ana@acme.com,Ana,Silva,(415) 555-0132,+44 7911 123456',
    'li@example.cn,Li,Wei,,+86 138 0013 8000',
  ].join('\n');
  await app.getByTestId('nav-prospects').click();
  await dropFile(app, 'crm-export.csv', file);
  const dialog = app.getByRole('dialog', { name: 'Import crm-export.csv' });
  await expect(dialog.getByLabel('Field for column Phone Number')).toHaveValue('field:phone');
  await expect(dialog.getByLabel('Field for column Mobile Phone Number')).toHaveValue('field:phone');
  const combined = dialog.getByRole('list', { name: 'Fields filled from several columns' });
  await expect(combined).toContainText('Phone from “Phone Number”, “Mobile Phone Number”: the first valid number, in this order, is the prospect’s');
  // One of them unmapped: nothing is combined any more.
  await dialog.getByLabel('Field for column Mobile Phone Number').selectOption('custom');
  await expect(combined).toBeHidden();
  await dialog.getByLabel('Field for column Mobile Phone Number').selectOption('field:phone');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('count-created')).toContainText('2');
  await dialog.getByRole('button', { name: 'Show these prospects' }).click();

  // Sorted by a click anywhere on a column's header, then the other way round.
  const nameHeader = app.getByRole('columnheader', { name: /Name/ });
  await nameHeader.click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(app.getByRole('row').nth(1)).toContainText('Ana Silva');
  await nameHeader.click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(app.getByRole('row').nth(1)).toContainText('Li Wei');
  await app.getByRole('row').filter({ hasText: 'li@example.cn' }).getByRole('button', { name: 'Li Wei' }).click();
  const detail = app.getByTestId('prospect-detail');
  await expect(detail.getByLabel('Phone', { exact: true })).toHaveValue('+86 138 0013 8000');
  await expect(detail.getByLabel('Time zone')).toHaveValue('Asia/Shanghai');
  await detail.getByRole('button', { name: 'Close prospect' }).click();
  await app.getByRole('row').filter({ hasText: 'ana@acme.com' }).getByRole('button', { name: 'Ana Silva' }).click();
  await expect(detail.getByLabel('Phone', { exact: true })).toHaveValue('(415) 555-0132');
  // Her mobile is kept too, under its column's name.
  await expect(detail.getByLabel('Value of Mobile Phone Number')).toHaveValue('+44 7911 123456');
});

test('a stray quote in a CSV is pointed out and read as typed, and the rows after it are still imported', async ({ app }) => {
  await app.getByTestId('nav-prospects').click();
  await dropFile(app, 'stray.csv', 'Email,Company\r\nann@acme.com,"Acme" Inc\r\nbob@beta.io,Beta\r\n');
  const dialog = app.getByRole('dialog', { name: 'Import stray.csv' });
  await expect(dialog.getByRole('note', { name: 'Stray quotes' })).toHaveText(
    'Row 2 opens a quote (") that never closes properly. Repdesk reads those quotes as ordinary characters, so the rows after them stay rows of their own.',
  );
  await expect(dialog.getByRole('cell', { name: '"Acme" Inc' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('count-created')).toContainText('2');
  await dialog.getByRole('button', { name: 'Show these prospects' }).click();
  await expect(app.getByRole('row').filter({ hasText: 'bob@beta.io' })).toContainText('Beta');
  await expect(app.getByRole('row').filter({ hasText: 'ann@acme.com' })).toContainText('"Acme" Inc');
});

test('filter by tag, export the view as CSV, tick prospects and delete them with their data', async ({ app }) => {
  await app.getByTestId('nav-prospects').click();
  for (const [file, tag, rows] of [
    ['fair.csv', 'Fair', ['ann@acme.com,Ann Lee', 'bob@beta.io,Bob Ray', 'cyd@gamma.com,Cyd Moe']],
    ['webinar.csv', 'Webinar', ['dee@delta.com,Dee Kay', 'eve@epsilon.com,Eve Sun']],
  ] as const) {
    await dropFile(app, file, ['Email,Name', ...rows].join('\n'));
    const dialog = app.getByRole('dialog', { name: `Import ${file}` });
    await dialog.getByLabel('Tag these prospects').fill(tag);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByTestId('count-created')).toContainText(String(rows.length));
    await dialog.getByRole('button', { name: 'Close' }).click();
  }
  await expect(app.getByTestId('prospect-total')).toHaveText('5 prospects');
  await app.getByLabel('Tag').selectOption({ label: 'Fair (3)' });
  await expect(app.getByTestId('prospect-total')).toHaveText('3 prospects');

  // The export holds exactly the rows the filter shows.
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Export view as CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = (await readDownload(download)).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(csv).toHaveLength(4);
  expect(csv[0]).toContain('Email');
  expect(csv.slice(1).map((l) => l.split(',').find((c) => c.includes('@')))).toEqual(expect.arrayContaining(['ann@acme.com', 'bob@beta.io', 'cyd@gamma.com']));

  await app.getByLabel('Select ann@acme.com').check();
  await app.getByLabel('Select bob@beta.io').check();
  await expect(app.getByTestId('prospect-total')).toHaveText('3 prospects · 2 selected');
  app.once('dialog', (d) => void d.accept());
  await app.getByRole('button', { name: 'Delete selected' }).click();
  await expect(app.getByText('2 prospects and all their data were deleted.')).toBeVisible();
  await expect(app.getByTestId('prospect-total')).toHaveText('1 prospect');
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await expect(app.getByTestId('prospect-total')).toHaveText('3 prospects');
  await app.getByLabel('Search prospects').fill('ann');
  await expect(app.getByTestId('prospect-total')).toHaveText('0 prospects');
});

test('import issues come a page at a time, and a duplicate row leads to the prospect it matched', async ({ app }) => {
  const lines = ['Email,Name,Company'];
  for (let i = 1; i <= 250; i++) lines.push(`broken-${i},Person ${i},Acme`);
  lines.push('kim@acme.com,Kim Park,Acme', 'KIM@acme.com,Kim Again,Acme');
  await app.getByTestId('nav-prospects').click();
  await dropFile(app, 'messy.csv', lines.join('\n'));
  const dialog = app.getByRole('dialog', { name: 'Import messy.csv' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('count-rejected')).toContainText('250');

  // From the summary straight to this import's duplicate.
  await dialog.getByRole('button', { name: 'See the row skipped as a duplicate' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('tab', { name: 'Import issues (250)' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByLabel('Show')).toHaveValue('duplicate');
  await expect(app.getByLabel('From import').locator('option:checked')).toContainText('messy.csv');
  const dupe = app.getByTestId('duplicate-row');
  await expect(dupe).toHaveCount(1);
  await expect(dupe).toContainText('messy.csv, row 253:');
  await expect(dupe).toContainText('Kim Again');

  await app.getByLabel('Show').selectOption('rejected');
  await expect(app.getByText('250 rows could not be imported.')).toBeVisible();
  await expect(app.getByTestId('import-issue')).toHaveCount(100);
  await expect(app.getByTestId('issues-range')).toHaveText('Rows 1–100 of 250');
  await app.getByRole('button', { name: 'Next' }).click();
  await app.getByRole('button', { name: 'Next' }).click();
  await expect(app.getByTestId('issues-range')).toHaveText('Rows 201–250 of 250');
  await expect(app.getByTestId('import-issue').first()).toContainText('messy.csv, row 202:');
  // Dismissing a row on the last page keeps the rep there, one row fewer.
  await app.getByTestId('import-issue').first().getByRole('button', { name: 'Dismiss' }).click();
  await expect(app.getByTestId('issues-range')).toHaveText('Rows 201–249 of 249');
  await expect(app.getByRole('tab', { name: 'Import issues (249)' })).toBeVisible();
  // All of them (not only this page) download as a CSV to fix in Excel, with what was wrong with each.
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Download as CSV' }).click()]);
  const issuesCsv = (await readDownload(download)).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(issuesCsv[0]).toBe('Email,Name,Company,Repdesk row,Repdesk problem');
  expect(issuesCsv).toHaveLength(250);
  expect(issuesCsv[1]).toBe('broken-1,Person 1,Acme,2,"""broken-1"" is not a valid email address: it has no @"');

  // The list of imports leads to the same rows.
  await app.getByRole('tab', { name: 'Imports' }).click();
  await app.getByRole('button', { name: 'Rows of messy.csv skipped as duplicates' }).click();
  await expect(app.getByLabel('Show')).toHaveValue('duplicate');
  await dupe.getByRole('button', { name: 'Open the matched prospect' }).click();
  await expect(app.getByTestId('prospect-detail').getByLabel('Email')).toHaveValue('kim@acme.com');
});

test('an Excel workbook: choose the sheet, and a suppressed domain is imported as suppressed', async ({ app }) => {
  await app.getByTestId('nav-settings').click();
  await app.getByLabel('Add emails or domains, one per line').fill('rival.com');
  await app.getByRole('button', { name: 'Add to list' }).click();
  await expect(app.getByText('1 added.')).toBeVisible();

  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Read me').addRow(['Nothing to import here']);
  const leads = wb.addWorksheet('Leads');
  leads.addRow(['E-mail', 'Full Name', 'Company', 'Phone']);
  leads.addRow(['ann@acme.com', 'Ann Lee', 'Acme', 14155550123]);
  leads.addRow(['spy@rival.com', 'Sam Spy', 'Rival', 14155550124]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await app.getByTestId('nav-prospects').click();
  await app.getByTestId('import-file-input').first().setInputFiles({ name: 'fair.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  const dialog = app.getByRole('dialog', { name: 'Import fair.xlsx' });
  await dialog.getByLabel('Sheet').selectOption('Leads');
  await expect(dialog.getByLabel('Field for column Full Name')).toHaveValue('field:full_name');
  await expect(dialog.getByRole('cell', { name: '14155550123' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('count-created')).toContainText('1');
  await expect(dialog.getByTestId('count-suppressed')).toContainText('1');
  await dialog.getByRole('button', { name: 'Show these prospects' }).click();

  await app.getByLabel('Status').selectOption('suppressed');
  await expect(app.getByTestId('prospect-total')).toHaveText('1 prospect');
  await expect(app.getByRole('row').filter({ hasText: 'spy@rival.com' })).toContainText('suppressed');
});

test('a do-not-contact file from Settings suppresses the prospects it names, not their colleagues', async ({ app }) => {
  await app.getByTestId('nav-prospects').click();
  await dropFile(app, 'leads.csv', 'Email,Name\nann@acme.com,Ann Lee\nkim@acme.com,Kim Park');
  const dialog = app.getByRole('dialog', { name: 'Import leads.csv' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('count-created')).toContainText('2');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await app.getByTestId('nav-settings').click();
  await app.getByTestId('suppression-file').setInputFiles({ name: 'unsubscribes.csv', mimeType: 'text/csv', buffer: Buffer.from('Email,Website\nann@acme.com,acme.com\n') });
  await expect(app.getByText('1 added, 1 prospect suppressed. 1 website beside the emails was not added: a domain blocks everyone at a company, so add one here by hand to do that.')).toBeVisible();

  await app.getByTestId('nav-prospects').click();
  await expect(app.getByRole('row').filter({ hasText: 'ann@acme.com' })).toContainText('suppressed');
  await expect(app.getByRole('row').filter({ hasText: 'kim@acme.com' })).toContainText('active');
});

test('an Import clicked while a big workbook is still being read can be cancelled: nothing is imported', async ({ app }) => {
  // 120,000 rows: the preview shows the sheet's top at once, and reading the whole sheet takes seconds.
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('Leads');
  ws.addRow(['Email', 'Name', 'Company']).commit();
  for (let i = 0; i < 120_000; i++) ws.addRow([`person${i}@example-company.com`, `Person ${i}`, `Company ${i % 500}`]).commit();
  await ws.commit();
  await wb.commit();
  const buffer = Buffer.concat(chunks);

  await app.getByTestId('nav-prospects').click();
  await app.getByTestId('import-file-input').first().setInputFiles({ name: 'big.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  const dialog = app.getByRole('dialog', { name: 'Import big.xlsx' });
  await expect(dialog.getByRole('cell', { name: 'person0@example-company.com' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'Starting…' })).toBeDisabled();
  await expect(dialog.getByText(/Reading the whole sheet/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await app.getByRole('tab', { name: 'Imports' }).click();
  await expect(app.getByText('big.xlsx')).toHaveCount(0);
  await expect(app.getByTestId('nav-prospects')).not.toContainText(/\d/);
});

test('a file Repdesk cannot read gets a message saying what to export instead', async ({ app }) => {
  await app.getByTestId('nav-prospects').click();
  await app.getByTestId('import-file-input').first().setInputFiles({ name: 'old.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]) });
  await expect(app.getByRole('alert')).toContainText('Save As > Excel Workbook (.xlsx) or CSV UTF-8');
});

test('a big import shows progress and can be cancelled, leaving no prospects', async ({ app }) => {
  await app.getByTestId('nav-prospects').click();
  const dataTransfer = await app.evaluateHandle(() => {
    const lines = ['Email,Name,Company,Phone,State'];
    for (let i = 0; i < 200_000; i++) lines.push(`p${i}@c${i % 900}.com,Person ${i},Company ${i % 900},415 555 ${1000 + (i % 9000)},CA`);
    const dt = new DataTransfer();
    dt.items.add(new File([lines.join('\n')], 'big-list.csv'));
    return dt;
  });
  await app.dispatchEvent('main', 'drop', { dataTransfer });
  const dialog = app.getByRole('dialog', { name: 'Import big-list.csv' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByText(/Importing… [1-9][\d,]* rows read/)).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('progressbar', { name: 'Importing' })).toHaveAttribute('aria-valuenow', /\d+/);
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog.getByText('The import was cancelled. No prospects were added or changed.')).toBeVisible({ timeout: 30_000 });
  await dialog.getByTestId('import-summary').getByRole('button', { name: 'Close' }).click();
  await expect(app.getByRole('heading', { name: 'No prospects yet' })).toBeVisible();
  await app.getByRole('tab', { name: 'Imports' }).click();
  await expect(app.getByRole('row').filter({ hasText: 'big-list.csv' })).toContainText('Cancelled: nothing was saved');
});

test('a big import says when it is saving, cannot be cancelled then, and ends with every row accounted for', async ({ app }) => {
  await app.getByTestId('nav-prospects').click();
  const dataTransfer = await app.evaluateHandle(() => {
    const lines = ['Email,Name,Company'];
    for (let i = 0; i < 150_000; i++) lines.push(`p${i}@c${i % 900}.com,Person ${i},Company ${i % 900}`);
    const dt = new DataTransfer();
    dt.items.add(new File([lines.join('\n')], 'big-save.csv'));
    return dt;
  });
  // The saving step can be over in a moment: the page notes every state of it as it renders, to be checked after.
  await app.evaluate(() => {
    const seen: { text: string; cancel: boolean }[] = [];
    (window as unknown as { savingSeen: typeof seen }).savingSeen = seen;
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="import-saving"]');
      if (el) seen.push({ text: el.textContent ?? '', cancel: [...el.querySelectorAll('button')].some((b) => b.textContent?.includes('Cancel')) });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await app.dispatchEvent('main', 'drop', { dataTransfer });
  const dialog = app.getByRole('dialog', { name: 'Import big-save.csv' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('count-created')).toContainText('150,000', { timeout: 60_000 });
  await expect(dialog.getByTestId('import-summary')).toBeVisible();
  // The last step was announced before it ran: every row read, and no Cancel button while it lasted.
  const seen = await app.evaluate(() => (window as unknown as { savingSeen: { text: string; cancel: boolean }[] }).savingSeen);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen[0]!.text).toContain('Every row is read. Saving 150,000 prospects');
  expect(seen.every((s) => !s.cancel)).toBe(true);
});

async function readDownload(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

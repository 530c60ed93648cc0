// The app shell through the harness in Chromium: every screen renders, a setting survives a restart.
import { expect, openApp, test } from './support/harness';

const screens = [
  { nav: 'today', heading: 'Today', empty: 'Nothing to work on yet' },
  { nav: 'sequences', heading: 'Sequences', empty: 'No sequences yet' },
  { nav: 'prospects', heading: 'Prospects', empty: 'No prospects yet' },
  { nav: 'analytics', heading: 'Analytics', empty: 'No results to show yet' },
  { nav: 'settings', heading: 'Settings', empty: null },
];

test('every screen renders from the navigation', async ({ app }) => {
  for (const screen of screens) {
    await app.getByTestId(`nav-${screen.nav}`).click();
    await expect(app.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
    await expect(app.getByTestId(`nav-${screen.nav}`)).toHaveAttribute('aria-current', 'page');
    if (screen.empty) await expect(app.getByRole('heading', { name: screen.empty })).toBeVisible();
  }
});

test('a setting is saved, survives a restart of Repdesk, and bad input is refused', async ({ app, harness }) => {
  await app.getByTestId('nav-settings').click();
  await app.getByLabel('Your name').fill('Jordan Rep');
  await app.getByLabel('Your time zone').selectOption('Europe/Berlin');
  await app.getByLabel('Default country').selectOption('DE');
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByTestId('settings-saved')).toBeVisible();

  await app.getByLabel('Your work email').fill('not-an-email');
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByText('Enter a valid email address')).toBeVisible();

  await harness.restart();
  await openApp(app, harness.url + '#/settings');
  await expect(app.getByLabel('Your name')).toHaveValue('Jordan Rep');
  await expect(app.getByLabel('Your time zone')).toHaveValue('Europe/Berlin');
  await expect(app.getByLabel('Default country')).toHaveValue('DE');
  await expect(app.getByLabel('Your work email')).toHaveValue('');
});

test('the harness refuses requests without the per-launch token', async ({ harness, request }) => {
  const noToken = await request.post(`${harness.origin}/api/call`, { data: { method: 'settings.get', request: {} } });
  expect(noToken.status()).toBe(401);
  const wrongToken = await request.post(`${harness.origin}/api/call`, {
    data: { method: 'settings.get', request: {} },
    headers: { 'X-Repdesk-Token': 'guess' },
  });
  expect(wrongToken.status()).toBe(401);
  expect((await request.get(`${harness.origin}/`)).status()).toBe(401);
  const withToken = await request.post(`${harness.origin}/api/call`, {
    data: { method: 'settings.get', request: {} },
    headers: { 'X-Repdesk-Token': harness.token },
  });
  expect(withToken.status()).toBe(200);
  expect((await withToken.json()).ok).toBe(true);
});

test('the page runs under the strict content security policy', async ({ page, harness }) => {
  const response = await page.goto(harness.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  const inlineRan = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.appendChild(s);
    return (window as unknown as { __inline?: number }).__inline === 1;
  });
  expect(inlineRan).toBe(false);
});

// Connect screen: a rejected token gives a clear message; the right token shows what can be read.
import { openApp, saveScreenshot } from './helpers/appPage';
import { readGoodToken } from './helpers/e2eEnvironment';
import { expect, test } from './helpers/fixtures';

test.describe('Connect', () => {
  test('a bad token is explained as rejected, and never echoed back', async ({ page, environment }, testInfo) => {
    const badToken = 'not-the-right-token-0123456789';
    await openApp(page, environment, 'Connect');
    await page.getByLabel('Okta org URL').fill(environment.fakeOktaUrl);
    await expect(page.getByText('Will connect to')).toBeVisible();
    await page.getByLabel('API token', { exact: true }).fill(badToken);
    await page.getByRole('button', { name: 'Test connection' }).click();

    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/rejected/i);
    await expect(alert).toContainText(/token/i);
    await expect(page.getByLabel('API token', { exact: true })).toHaveValue('');
    expect(await page.content()).not.toContain(badToken);
    await saveScreenshot(page, testInfo, 'connect-bad-token');
  });

  test('the good token shows a table of readable object kinds', async ({ page, environment }, testInfo) => {
    await openApp(page, environment, 'Connect');
    await page.getByLabel('Okta org URL').fill(environment.fakeOktaUrl);
    await expect(page.getByText('Will connect to')).toBeVisible();
    await page.getByLabel('API token', { exact: true }).fill(readGoodToken(environment));
    await page.getByRole('button', { name: 'Test connection' }).click();

    const report = page.getByRole('table', { name: 'What this connection can read' });
    await expect(report).toBeVisible();
    await expect(report.getByText('readable', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('Okta Prep can read everything it needs.')).toBeVisible();
    await expect(page.getByLabel('Saved connection', { exact: true })).toContainText('token stored');
    expect(await page.content()).not.toContain(readGoodToken(environment));
    await saveScreenshot(page, testInfo, 'connect-good-token');
  });
});

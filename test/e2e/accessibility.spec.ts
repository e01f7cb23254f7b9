// axe on every screen (connect, pull, browse with a detail panel, validate with findings, export): no serious or
// critical violations.
import { expect } from '@playwright/test';
import { expectNoSeriousAxeViolations, openApp, saveScreenshot } from './helpers/appPage';
import { openBrowse, openUserDetail } from './helpers/browseFlows';
import { readGoodToken } from './helpers/e2eEnvironment';
import { test } from './helpers/fixtures';
import { ensureCompleteSnapshot, findUserWithApps } from './helpers/serviceApi';
import { dropBrokenFiles } from './helpers/validateFlows';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (${colorScheme} theme)`, () => {
    test.use({ colorScheme });

    test('connect screen with a connection test', async ({ page, environment }, testInfo) => {
      await openApp(page, environment, 'Connect');
      await page.getByLabel('Okta org URL').fill(environment.fakeOktaUrl);
      await page.getByLabel('API token', { exact: true }).fill(readGoodToken(environment));
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByRole('table', { name: 'What this connection can read' })).toBeVisible();
      await expectNoSeriousAxeViolations(page, testInfo);
    });

    test('pull screen with past pulls', async ({ page, environment }, testInfo) => {
      await ensureCompleteSnapshot(environment);
      await openApp(page, environment, 'Pull');
      await expect(page.getByRole('region', { name: 'Past pulls table' })).toBeVisible();
      await expectNoSeriousAxeViolations(page, testInfo);
    });

    test('browse screen with a detail panel open', async ({ page, environment }, testInfo) => {
      const snapshotId = await ensureCompleteSnapshot(environment);
      const user = await findUserWithApps(environment, snapshotId);
      await openBrowse(page, environment, snapshotId);
      await openUserDetail(page, user.searchTerm);
      await expectNoSeriousAxeViolations(page, testInfo);
      if (colorScheme === 'dark') await saveScreenshot(page, testInfo, 'browse-user-detail-dark');
    });

    test('validate screen with findings', async ({ page, environment }, testInfo) => {
      await dropBrokenFiles(page, environment);
      await page
        .getByRole('button', { name: /line 3/ })
        .first()
        .click();
      await expectNoSeriousAxeViolations(page, testInfo);
    });

    test('export screen with a preview', async ({ page, environment }, testInfo) => {
      const snapshotId = await ensureCompleteSnapshot(environment);
      await openApp(page, environment, 'Export');
      await page.getByLabel('Snapshot').selectOption(String(snapshotId));
      await expect(page.getByRole('region', { name: 'entities.csv preview' })).toBeVisible();
      await expectNoSeriousAxeViolations(page, testInfo);
    });
  });
}

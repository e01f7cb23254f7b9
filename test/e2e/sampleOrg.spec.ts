// From an empty state, "Try with the sample org" leads to a complete pull and browsable data without typing any token.
import path from 'node:path';
import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { openApp, saveScreenshot } from './helpers/appPage';
import { E2E_DIR, REPO_ROOT } from './helpers/e2eEnvironment';
import { expect, test } from './helpers/fixtures';
import { startOktaPrep, stopProcess } from './helpers/oktaPrepProcess';

let service: { child: ChildProcess; info: { url: string } } | undefined;

test.beforeAll(async () => {
  // A service of its own with an empty cache, so the app starts from nothing.
  const dbFile = path.join(E2E_DIR, 'sample-org', 'okta-prep.sqlite');
  fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  service = await startOktaPrep(
    ['serve', '--db', dbFile, '--port', '0', '--static', path.join(REPO_ROOT, 'dist', 'renderer'), '--json'],
    'serve-sample-org',
  );
});

test.afterAll(async () => {
  if (service) await stopProcess(service.child);
});

test('the sample org works from an empty state without a token', async ({ page }, testInfo) => {
  await openApp(page, { appUrl: service!.info.url });
  await expect(page.getByText('No snapshot yet — connect to Okta or try the sample org')).toBeVisible();
  await saveScreenshot(page, testInfo, 'sample-org-empty-state');

  await page.getByRole('button', { name: 'Try with the sample org' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pull from Okta' })).toBeVisible();
  await expect(page.getByText('the sample org')).toBeVisible();
  await page.getByRole('button', { name: 'Start pull' }).click();
  await expect(page.getByText('Pull complete.')).toBeVisible({ timeout: 150_000 });

  await page.getByRole('button', { name: /^Browse snapshot #\d+$/ }).click();
  const table = page.getByRole('table', { name: 'Identities' });
  await expect(table.getByRole('row').nth(3)).toBeVisible();
  await expect(table.getByRole('row').nth(3)).not.toContainText('…');
  await saveScreenshot(page, testInfo, 'sample-org-browse');
});

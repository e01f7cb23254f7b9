// Pull screen against orgs that misbehave as real ones do (okta-prep fake-okta --misbehave): the pull card lists the
// warnings as the pull goes (a users listing whose next link loops, a value Okta never documented, a relation to a
// user never listed) and Past pulls keeps the gap and the warnings; a listing that never ends pauses the pull at its
// request cap, shown as paused with Resume offered.
import type { Page } from '@playwright/test';
import { openApp, saveScreenshot } from './helpers/appPage';
import type { E2eEnvironment } from './helpers/e2eEnvironment';
import { expect, test } from './helpers/fixtures';
import { startOktaPrep, stopProcess, type StartedProcess } from './helpers/oktaPrepProcess';
import { callService, saveGoodConnection } from './helpers/serviceApi';

const started: StartedProcess<{ url: string }>[] = [];

/** Starts a second fake org on its own port (same token as the main one), connects to it and starts a Fast pull. */
async function pullMisbehavingOrg(
  page: Page,
  environment: E2eEnvironment,
  misbehave: string,
  name: string,
): Promise<void> {
  const args = ['fake-okta', '--token-file', environment.tokenFile, '--users', '300', '--groups', '20', '--apps', '6'];
  const server = await startOktaPrep<{ url: string }>(
    [...args, '--seed', name, '--misbehave', misbehave, '--port', '0', '--json'],
    `fake-okta-${name}`,
  );
  started.push(server);
  await callService(environment, 'connection.save', {
    orgUrl: server.info.url,
    auth: { kind: 'ssws', tokenFile: environment.tokenFile },
  });
  await openApp(page, environment, 'Pull');
  await page.getByRole('radio', { name: /Fast/ }).check();
  await page.getByRole('button', { name: 'Start pull' }).click();
}

test.afterEach(async ({ environment }) => {
  for (const server of started.splice(0)) await stopProcess(server.child);
  await saveGoodConnection(environment); // the other specs expect the main fake org
});

test('warnings of a misbehaving org are listed as the pull goes, and kept in Past pulls', async ({
  page,
  environment,
}, testInfo) => {
  await pullMisbehavingOrg(page, environment, 'odd-values,repeat-next:users:same-url', 'odd');
  await expect(page.getByText('Pull complete.')).toBeVisible({ timeout: 120_000 });

  const card = page.locator('section[aria-labelledby="pull-job-heading"]');
  await expect(card.getByRole('heading', { name: /\d+ warnings? \(the pull went on/ })).toBeVisible();
  await expect(card).toContainText('user status "LOCKED_OUT_PLUS"');
  await expect(card).toContainText('next link /api/v1/users?limit=200 leads back to a page it had already read');
  await expect(card).toContainText('the export leaves it out');

  const snapshotId = Number(/snapshot #(\d+)/.exec(await page.locator('#pull-job-heading').innerText())![1]);
  const pastPull = page.locator(`tr[data-snapshot-id="${snapshotId}"]`);
  await expect(pastPull).toContainText('incomplete: users');
  await expect(pastPull).toContainText('warning: Okta sent user status "LOCKED_OUT_PLUS"');
  await saveScreenshot(page, testInfo, 'pull-warnings');
});

test('a listing that never ends pauses the pull at its request cap, shown as paused with Resume', async ({
  page,
  environment,
}, testInfo) => {
  await pullMisbehavingOrg(page, environment, 'repeat-next:users:endless-new-items', 'endless');

  const alert = page.getByRole('alert').filter({ hasText: 'The pull paused' });
  await expect(alert).toBeVisible({ timeout: 120_000 });
  await expect(alert).toContainText(
    /paused: this pull made \d+ requests, 3× its estimate of \d+ \+ 100; Okta may be looping/,
  );
  const snapshotId = Number(/snapshot #(\d+)/.exec(await page.locator('#pull-job-heading').innerText())![1]);
  const pastPull = page.locator(`tr[data-snapshot-id="${snapshotId}"]`);
  await expect(pastPull).toContainText('paused');
  await expect(pastPull.getByRole('button', { name: /Resume/ })).toBeEnabled();
  await saveScreenshot(page, testInfo, 'pull-paused');
});

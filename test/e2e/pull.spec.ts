// Pull screen: a pull shows live progress bars, ends complete, and appears in the list of past pulls.
import type { Page } from '@playwright/test';
import { openApp, saveScreenshot } from './helpers/appPage';
import { expect, test } from './helpers/fixtures';
import { callService, saveGoodConnection } from './helpers/serviceApi';

/** The snapshot number in the job card's heading ("Pulling into snapshot #3"), or 0 while it has none. */
async function snapshotInJobCard(page: Page): Promise<number> {
  const heading = page.locator('#pull-job-heading');
  if ((await heading.count()) === 0) return 0;
  return Number(/snapshot #(\d+)/.exec(await heading.innerText())?.[1] ?? 0);
}

test('a pull shows progress, completes and is listed among past pulls', async ({ page, environment }, testInfo) => {
  await saveGoodConnection(environment);
  const newestBefore = Math.max(
    0,
    ...(await callService(environment, 'snapshots.list', {})).map((snapshot) => snapshot.id),
  );
  await openApp(page, environment, 'Pull');
  await page.getByRole('radio', { name: /Fast/ }).check();
  await page.getByRole('button', { name: 'Start pull' }).click();

  // The card switches from any earlier pull to this one as soon as its snapshot exists.
  await expect.poll(() => snapshotInJobCard(page), { timeout: 30_000 }).toBeGreaterThan(newestBefore);
  const snapshotId = await snapshotInJobCard(page);
  await expect(page.getByRole('progressbar').first()).toBeVisible();
  await expect(page.locator('#pull-job-heading')).toContainText(`snapshot #${snapshotId}`);
  await expect(page.getByText('Pull complete.')).toBeVisible({ timeout: 150_000 });
  await expect(page.getByRole('progressbar', { name: /^Users/ })).toHaveAttribute('value', /\d+/);

  const pastPull = page.locator(`tr[data-snapshot-id="${snapshotId}"]`);
  await expect(pastPull).toBeVisible();
  await expect(pastPull).toContainText('complete');
  await saveScreenshot(page, testInfo, 'pull');
});

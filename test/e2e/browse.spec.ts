// Browse screen: identities table with rows, search narrows it, a user's access detail shows apps with the reason;
// paging is on demand.
import { checkAxeAndScreenshots } from './helpers/appPage';
import { openBrowse, openUserDetail, shownRowTotal } from './helpers/browseFlows';
import { expect, test } from './helpers/fixtures';
import { ensureCompleteSnapshot, findUserWithApps } from './helpers/serviceApi';

test('identities: rows, search narrows them, and a user shows an app with its reason', async ({
  page,
  environment,
}, testInfo) => {
  const snapshotId = await ensureCompleteSnapshot(environment);
  const user = await findUserWithApps(environment, snapshotId);
  await openBrowse(page, environment, snapshotId);

  const table = page.getByRole('table', { name: 'Identities' });
  await expect(table.getByRole('row').nth(5)).toBeVisible();
  const allRows = await shownRowTotal(page);
  expect(allRows).toBeGreaterThan(1);

  await openUserDetail(page, user.searchTerm);
  const narrowed = await shownRowTotal(page);
  expect(narrowed).toBeGreaterThanOrEqual(1);
  expect(narrowed).toBeLessThan(allRows);

  const detail = page.getByRole('complementary');
  const apps = detail.getByRole('table').first();
  await expect(apps.getByRole('row', { name: new RegExp(escapeRegExp(user.appLabel)) }).first()).toBeVisible();
  await expect(apps).toContainText(/assigned directly|via group/);
  await checkAxeAndScreenshots(page, testInfo, 'browse-user-detail');
});

test('scrolling far down the relations fetches only the pages in view', async ({ page, environment }) => {
  const snapshotId = await ensureCompleteSnapshot(environment);
  const offsets: number[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/call')) return;
    const body = request.postDataJSON() as { method?: string; params?: { table?: string; offset?: number } };
    if (body.method === 'browse.page' && body.params?.table === 'relations') offsets.push(body.params.offset ?? -1);
  });
  await openBrowse(page, environment, snapshotId);
  await page.getByRole('tab', { name: 'Relations' }).click();
  const total = await shownRowTotal(page);
  expect(total, 'relations in the fake org (enough to need several pages)').toBeGreaterThan(1000);
  expect(offsets).toEqual([0]);

  const target = Math.floor(total * 0.9);
  await page.getByRole('region', { name: 'Relations (scrollable)' }).evaluate((element, rowTop) => {
    element.scrollTop = rowTop;
  }, target * 30);
  const table = page.getByRole('table', { name: 'Relations' });
  await expect(table.locator(`[data-row="${target}"]`)).toBeVisible();
  await expect(table.locator(`[data-row="${target}"]`)).not.toContainText('…');

  const pageOfTarget = Math.floor(target / 200) * 200;
  const afterScroll = offsets.slice(1);
  expect(afterScroll.length).toBeGreaterThan(0);
  for (const offset of afterScroll) expect(Math.abs(offset - pageOfTarget)).toBeLessThanOrEqual(200);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

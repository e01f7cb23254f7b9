// The audit report from the app: the Browse screen's button downloads it for a pulled generated org; the file opens
// in Chromium with every network request blocked (and none is even attempted), reads well at two window sizes, and
// axe finds no serious or critical violation in it.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectNoSeriousAxeViolations, saveScreenshot } from './helpers/appPage';
import { openBrowse } from './helpers/browseFlows';
import { expect, test } from './helpers/fixtures';
import { ensureCompleteSnapshot } from './helpers/serviceApi';

test('the report downloads from Browse and opens offline, accessible, with nothing to fetch', async ({
  page,
  browser,
  environment,
}, testInfo) => {
  const snapshotId = await ensureCompleteSnapshot(environment);
  await openBrowse(page, environment, snapshotId);
  await page.getByRole('button', { name: 'Audit report…' }).click();
  const panel = page.getByRole('region', { name: `Audit report of snapshot #${snapshotId}` });
  await expect(panel.getByLabel('Compare with')).toHaveValue('');
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download report' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`okta-audit-report-snapshot-${snapshotId}.html`);
  const file = path.join(testInfo.outputDir, download.suggestedFilename());
  await download.saveAs(file);
  const status = panel.getByRole('status');
  await expect(status).toHaveText(/^Downloaded okta-audit-report-snapshot-\d+\.html \((\d+) findings?\)\.$/);
  const findings = Number(/\((\d+) finding/.exec(await status.innerText())![1]);

  const offline = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  const reportUrl = pathToFileURL(file).href;
  const attempted: string[] = [];
  await offline.route('**/*', (route) => {
    const url = route.request().url();
    if (url === reportUrl) return route.continue();
    attempted.push(url);
    return route.abort('blockedbyclient');
  });
  const report = await offline.newPage();
  report.on('request', (request) => {
    if (request.url() !== reportUrl) attempted.push(request.url());
  });
  await report.goto(reportUrl);
  await expect(report.getByRole('heading', { level: 1, name: 'Okta audit report' })).toBeVisible();
  await expect(report.locator('[data-figure="findings"]')).toHaveText(findings.toLocaleString('en-US'));
  for (const chart of ['Users by status', 'Access paths by kind', 'Findings by rule'])
    await expect(report.getByRole('img', { name: new RegExp(`^${chart}`) })).toBeVisible();
  await expect(report.getByRole('img', { name: /^Admins by role/ })).toBeVisible();
  expect(await report.locator('script').count()).toBe(0);
  await saveScreenshot(report, testInfo, 'report-1024x700', false);
  await report.setViewportSize({ width: 1600, height: 1000 });
  await saveScreenshot(report, testInfo, 'report-1600x1000', false);
  await expectNoSeriousAxeViolations(report, testInfo);
  expect(attempted).toEqual([]);
  await offline.close();
});

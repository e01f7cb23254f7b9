// Findings screen on a generated org of the spec's own (pulled without factors, one user suspended with an app):
// rules grouped by severity with the not-checked rule said as such, objects opening the detail panel, thresholds
// edited, the CSV export checked row by row against the service, axe, and screenshots at two window sizes.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { FINDINGS_CSV_HEADER } from '../../electron/core/audit/auditCsv';
import { assignAppToUser, updateUser } from '../../electron/core/fake-okta/mutateOrg';
import type { Finding } from '../../shared/audit/auditTypes';
import { expectNoSeriousAxeViolations, openApp, saveScreenshot } from './helpers/appPage';
import { expect, test } from './helpers/fixtures';
import { plainActiveUser, pullPrivateOrg, startPrivateOrg, type PrivateOrg } from './helpers/privateOrg';
import { callService } from './helpers/serviceApi';

let privateOrg: PrivateOrg;
let snapshotId: number;
let suspended: { id: string; login: string };

test.beforeAll(async ({ environment }) => {
  privateOrg = await startPrivateOrg('findings-e2e');
  const user = plainActiveUser(privateOrg.org);
  suspended = { id: user.id, login: user.profile.login };
  updateUser(privateOrg.server, user.id, { status: 'SUSPENDED' });
  assignAppToUser(privateOrg.server, privateOrg.org.apps[0]!.id, user.id);
  snapshotId = await pullPrivateOrg(environment, privateOrg, false);
});
test.afterAll(async () => {
  await privateOrg?.server.close();
});

/** Every finding of the snapshot, page after page, as the service gives them. */
async function allFindings(environment: Parameters<typeof callService>[0]): Promise<Finding[]> {
  const findings: Finding[] = [];
  let after: string | undefined;
  for (let turn = 0; turn < 100; turn++) {
    const page = await callService(environment, 'audit.findings', { snapshotId, limit: 1000, after });
    findings.push(...page.findings);
    if (page.next === null) return findings;
    after = page.next;
  }
  throw new Error('the findings did not end within 100 pages');
}

test('findings by severity and rule, objects open in the detail panel, thresholds, CSV', async ({
  page,
  environment,
}, testInfo) => {
  await openApp(page, environment, 'Findings');
  await page.getByLabel('Snapshot').selectOption(String(snapshotId));
  const main = page.getByRole('main');
  for (const severity of ['High', 'Medium', 'Low', 'Information'])
    await expect(main.getByRole('heading', { level: 2, name: `${severity} severity` })).toBeVisible();

  const strongFactor = main.getByRole('region', { name: /admin-no-strong-factor/ });
  await expect(strongFactor).toContainText('Not checked: factors were not pulled');

  const inactive = main.getByRole('table', { name: 'inactive-user-access findings' });
  const suspendedRow = inactive.getByRole('row', { name: new RegExp(suspended.login) });
  await expect(suspendedRow).toContainText('SUSPENDED user still holds');
  await suspendedRow.getByRole('button', { name: suspended.login }).click();
  const detail = page.getByRole('complementary');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(`User: ${suspended.login}`);
  await expect(detail.getByRole('heading', { level: 3, name: /^Apps/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page, testInfo);
  await page.setViewportSize({ width: 1024, height: 700 });
  await saveScreenshot(page, testInfo, 'findings-1024x700');
  await page.setViewportSize({ width: 1600, height: 1000 });
  await saveScreenshot(page, testInfo, 'findings-1600x1000');
  await detail.getByRole('button', { name: 'Close details' }).click();

  const dormant = main.getByRole('region', { name: /dormant-user-access/ });
  await page.getByLabel('Dormant after (days without a sign-in)').fill('ninety');
  await page.getByRole('button', { name: 'Apply thresholds' }).click();
  await expect(page.getByRole('alert')).toHaveText('Dormant days must be a whole number from 1 to 36500.');
  await page.getByLabel('Dormant after (days without a sign-in)').fill('36500');
  await page.getByRole('button', { name: 'Apply thresholds' }).click();
  await expect(dormant).toContainText('No findings');
  await page.getByRole('button', { name: 'Defaults' }).click();
  await expect(dormant.getByRole('table')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export findings as CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`findings-snapshot-${snapshotId}.csv`);
  const records: string[][] = parse(fs.readFileSync(await download.path()));
  const [header, ...rows] = records;
  expect(header).toEqual([...FINDINGS_CSV_HEADER]);
  const expected = await allFindings(environment);
  expect(rows.map((row) => `${row[0]} ${row[3]}`)).toEqual(
    expected.map((finding) => `${finding.ruleId} ${finding.subject.id}`),
  );
  expect(rows.find((row) => row[0] === 'inactive-user-access' && row[3] === suspended.id)?.[6]).toContain(
    `app:${privateOrg.org.apps[0]!.id}`,
  );
});

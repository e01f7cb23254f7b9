// Compare screen on a generated org of the spec's own, pulled twice with known changes made on the fake server in
// between (a user added, one suspended, a new group of 60 members): counts per kind, each kind's rows a page at a
// time, a pair of two orgs refused in words, the CSV export checked for its rows, axe, screenshots at two sizes.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { addGroup, addGroupMember, addUser, updateUser } from '../../electron/core/fake-okta/mutateOrg';
import { DIFF_CSV_HEADER } from '../../shared/audit/snapshotDiff';
import { expectNoSeriousAxeViolations, openApp, saveScreenshot } from './helpers/appPage';
import { expect, test } from './helpers/fixtures';
import { plainActiveUser, pullPrivateOrg, startPrivateOrg, type PrivateOrg } from './helpers/privateOrg';
import { ensureCompleteSnapshot } from './helpers/serviceApi';

const NEW_MEMBERS = 60;
let privateOrg: PrivateOrg;
const ids = { first: 0, second: 0 };
const changed = { suspended: { id: '', login: '' }, newcomer: { id: '', login: 'compare.newcomer@example.com' } };

test.beforeAll(async ({ environment }) => {
  privateOrg = await startPrivateOrg('compare-e2e');
  ids.first = await pullPrivateOrg(environment, privateOrg, false);
  const { server, org } = privateOrg;
  const user = plainActiveUser(org);
  changed.suspended = { id: user.id, login: user.profile.login };
  updateUser(server, user.id, { status: 'SUSPENDED' });
  changed.newcomer.id = addUser(server, {
    profile: { login: changed.newcomer.login, firstName: 'C', lastName: 'N' },
  }).id;
  const group = addGroup(server, { name: 'Compare spec group' });
  for (const member of org.users.slice(0, NEW_MEMBERS)) addGroupMember(server, group.id, member.id);
  ids.second = await pullPrivateOrg(environment, privateOrg, false);
});
test.afterAll(async () => {
  await privateOrg?.server.close();
});

test('counts per kind, paged rows, a refused pair, and every row as CSV', async ({ page, environment }, testInfo) => {
  const otherOrgSnapshot = await ensureCompleteSnapshot(environment);
  await openApp(page, environment, 'Compare');
  await page.getByLabel('Snapshot A (before)').selectOption(String(ids.first));
  await page.getByLabel('Snapshot B (after)').selectOption(String(ids.second));
  const counts = page.getByRole('table', { name: 'Changes per kind' });
  await expect(counts.getByRole('row', { name: /^Users/ })).toHaveText(/Users\s*1\s*0\s*1/);
  await expect(counts.getByRole('row', { name: /^Groups/ })).toHaveText(/Groups\s*1\s*0\s*—/);
  // The new group's members and the newcomer's Everyone membership.
  await expect(counts.getByRole('row', { name: /^Group memberships/ })).toHaveText(
    new RegExp(`Group memberships\\s*${NEW_MEMBERS + 1}\\s*0\\s*—`),
  );

  await counts.getByRole('button', { name: '1 users changed status' }).click();
  const statusRows = page.getByRole('table', { name: 'Users changed status' });
  await expect(statusRows.getByRole('row', { name: new RegExp(changed.suspended.login) })).toContainText(
    'ACTIVE → SUSPENDED',
  );

  await counts.getByRole('button', { name: `${NEW_MEMBERS + 1} group memberships gained` }).click();
  const rows = page.getByRole('region', { name: /Group memberships gained/ });
  await expect(rows.getByRole('status')).toHaveText(`Rows 1–50 of ${NEW_MEMBERS + 1}`);
  await expectNoSeriousAxeViolations(page, testInfo);
  await page.setViewportSize({ width: 1024, height: 700 });
  await saveScreenshot(page, testInfo, 'compare-1024x700');
  await page.setViewportSize({ width: 1600, height: 1000 });
  await saveScreenshot(page, testInfo, 'compare-1600x1000');
  await rows.getByRole('button', { name: 'Next page' }).click();
  await expect(rows.getByRole('status')).toHaveText(`Rows 51–${NEW_MEMBERS + 1} of ${NEW_MEMBERS + 1}`);
  await expect(rows.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await rows.getByRole('button', { name: 'Previous page' }).click();
  await expect(rows.getByRole('status')).toHaveText(`Rows 1–50 of ${NEW_MEMBERS + 1}`);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export every change as CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`diff-${ids.first}-${ids.second}.csv`);
  const records: string[][] = parse(fs.readFileSync(await download.path()));
  const [header, ...csvRows] = records;
  expect(header).toEqual([...DIFF_CSV_HEADER]);
  const lines = csvRows.map((row) => row.slice(0, 4).join(' '));
  expect(lines).toContain(`users changed user ${changed.suspended.id}`);
  expect(lines).toContain(`users added user ${changed.newcomer.id}`);
  expect(lines.filter((line) => line.startsWith('memberships added '))).toHaveLength(NEW_MEMBERS + 1);
  expect(csvRows).toHaveLength(1 + 1 + 1 + NEW_MEMBERS + 1);

  await page.getByLabel('Snapshot A (before)').selectOption(String(otherOrgSnapshot));
  await expect(page.getByRole('main')).toContainText(
    `Snapshot #${otherOrgSnapshot} is of ${environment.fakeOktaUrl.replace(/^https?:\/\//, '')} and #${ids.second} of`,
  );
  await expect(counts).toBeHidden();
});

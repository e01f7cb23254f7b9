// Browse tables like a data tool, against the real service (its own cache): sort by click and keyboard, resize,
// hide, filter per column, copy a cell and a row, export the view as CSV, reach the last of two million relations,
// a role's detail panel, Esc closes it; screenshots at two sizes and axe.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { checkAxeAndScreenshots, openApp } from './helpers/appPage';
import { startTablesService, type TablesService } from './helpers/tablesService';

let service: TablesService;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(600_000); // two million relations are generated first
  service = await startTablesService();
});
test.afterAll(async () => service?.stop());

async function openTab(page: Page, snapshotId: number, tab: string) {
  await openApp(page, { appUrl: service.appUrl }, 'Browse');
  await page.getByLabel('Snapshot').selectOption(String(snapshotId));
  await page.getByRole('tab', { name: tab }).click();
  const table = page.getByRole('table', { name: tab });
  await expect(table.locator('[data-row="0"]:not(.vtable-row-loading)')).toBeVisible();
  return table;
}

const firstRow = (table: ReturnType<Page['getByRole']>) => table.locator('[data-row="0"]');
const header = (table: ReturnType<Page['getByRole']>, name: string) =>
  table.getByRole('columnheader', { name: new RegExp(`^${name}`) });

function usersWhere(sql: string, ...values: unknown[]): Record<string, string>[] {
  return service.db
    .prepare(`SELECT id, name, login, email FROM users WHERE snapshot_id = ? ${sql}`)
    .all(service.small, ...values) as Record<string, string>[];
}

test('every column sorts by click and by keyboard, with aria-sort saying the order', async ({ page }) => {
  const table = await openTab(page, service.small, 'Identities');
  const logins = usersWhere('ORDER BY login DESC, id DESC').map((user) => user.login);
  await header(table, 'Login').getByRole('button').click();
  await expect(header(table, 'Login')).toHaveAttribute('aria-sort', 'ascending');
  await header(table, 'Login').getByRole('button').click();
  await expect(header(table, 'Login')).toHaveAttribute('aria-sort', 'descending');
  await expect(firstRow(table)).toContainText(logins[0]!);

  const emailSort = header(table, 'Email').getByRole('button');
  await emailSort.focus();
  await page.keyboard.press('Enter');
  await expect(header(table, 'Email')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header(table, 'Login')).toHaveAttribute('aria-sort', 'none');
  const emails = usersWhere('ORDER BY email, id').map((user) => user.email);
  await expect(firstRow(table)).toContainText(emails[0]!);
});

test('columns resize by pointer and keyboard, hide and come back', async ({ page }) => {
  const table = await openTab(page, service.small, 'Identities');
  const resizer = page.getByRole('separator', { name: 'Resize column Login' });
  const before = Number(await resizer.getAttribute('aria-valuenow'));
  await resizer.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(resizer).toHaveAttribute('aria-valuenow', String(before + 32));
  const box = (await resizer.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(resizer).toHaveAttribute('aria-valuenow', String(before + 92));
  const headerWidth = (await header(table, 'Login').boundingBox())!.width;
  expect(Math.abs(headerWidth - (before + 92))).toBeLessThanOrEqual(2);

  await page.getByText(/^Columns \(/).click();
  await page.getByRole('checkbox', { name: 'Email' }).uncheck();
  await expect(header(table, 'Email')).toHaveCount(0);
  await expect(page.getByText('Columns (6 of 7)')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Email' }).check();
  await expect(header(table, 'Email')).toHaveCount(1);
});

test('a column filter narrows the rows; the exported view has exactly those rows', async ({ page }, info) => {
  const table = await openTab(page, service.small, 'Identities');
  await page.getByLabel('Filter Name').fill('User 12');
  const expected = usersWhere(`AND name LIKE '%User 12%' ORDER BY name, id`);
  await expect(page.locator('.row-count')).toHaveText(`${expected.length} rows`);
  await expect(firstRow(table)).toContainText(expected[0]!.name!);
  await checkAxeAndScreenshots(page, info, 'tables-column-filter');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export view to CSV' }).click(),
  ]);
  const lines = fs
    .readFileSync(await download.path(), 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe('name,login,email,status,created,lastLogin,id');
  expect(lines.slice(1).map((line) => line.split(',').at(-1))).toEqual(expected.map((user) => user.id));
});

test('copies the picked cell and its row, by button and keyboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: service.origin });
  const table = await openTab(page, service.small, 'Identities');
  const first = usersWhere('ORDER BY name, id')[0]!;
  await firstRow(table).getByRole('cell').nth(1).click(); // the login of the first row
  await page.keyboard.press('Control+c');
  await expect(page.getByRole('status').filter({ hasText: 'Copied the cell' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first.login);
  await page.getByRole('button', { name: 'Copy row' }).click();
  const row = await page.evaluate(() => navigator.clipboard.readText());
  expect(row.split('\t')).toEqual([first.name, first.login, first.email, 'ACTIVE', '', '', first.id]);
});

test('a role opens its panel: who holds it, directly or through which group; Esc closes it', async ({ page }, info) => {
  await openTab(page, service.small, 'Roles');
  await page.getByRole('button', { name: 'Open role Help Desk Administrator' }).click();
  const panel = page.getByRole('complementary');
  const groups = service.db
    .prepare(
      `SELECT g.name FROM role_assignments ra JOIN groups g ON g.snapshot_id = ra.snapshot_id AND g.id = ` +
        `ra.principal_id WHERE ra.snapshot_id = ? AND ra.role_key = 'HELP_DESK_ADMIN' ORDER BY g.name`,
    )
    .pluck()
    .all(service.small) as string[];
  await expect(panel.getByRole('heading', { name: `Held by groups (${groups.length})` })).toBeVisible();
  for (const name of groups) await expect(panel.getByRole('button', { name, exact: true }).first()).toBeVisible();
  await expect(panel.getByText(/through/).first()).toBeVisible();
  await checkAxeAndScreenshots(page, info, 'tables-role-panel');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
});

test('reaches the last of two million relations by "Go to row" and by the scroll bar', async ({ page }, info) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const table = await openTab(page, service.large, 'Relations');
  const total = service.db
    .prepare(`SELECT sum(total) FROM relation_kind_counts WHERE snapshot_id = ?`)
    .pluck()
    .get(service.large) as number;
  expect(total).toBeGreaterThanOrEqual(2_000_000);
  const last = service.db
    .prepare(`SELECT parent_id, child_id FROM relation_rows WHERE snapshot_id = ? AND seq = ?`)
    .get(service.large, total - 1) as { parent_id: string; child_id: string };

  await page.getByLabel('Go to row').fill(String(total));
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  const lastRow = table.locator(`[data-row="${total - 1}"]:not(.vtable-row-loading)`);
  await expect(lastRow).toBeVisible();
  await expect(lastRow).toContainText(last.parent_id);
  await expect(lastRow).toContainText(last.child_id);
  await expect(page.locator('.table-position-rows')).toHaveText(
    new RegExp(`^Rows [\\d,]+–${total.toLocaleString('en')} of ${total.toLocaleString('en')}$`),
  );
  await checkAxeAndScreenshots(page, info, 'tables-last-relation');

  await page.getByLabel('Go to row').fill('1');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(table.locator('[data-row="0"]:not(.vtable-row-loading)')).toBeVisible();
  const region = page.getByRole('region', { name: 'Relations (scrollable)' });
  const scrollHeight = await region.evaluate((element) => element.scrollHeight);
  expect(scrollHeight).toBeLessThan(33_554_428); // under Chromium's element-height limit
  await region.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await expect(lastRow).toBeVisible();
  await expect(lastRow).toContainText(last.parent_id);
});

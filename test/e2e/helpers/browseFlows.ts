// Browse screen steps shared by the browse and accessibility specs: open a snapshot, search, open a user's access
// detail.
import { expect, type Page } from '@playwright/test';
import { openApp } from './appPage';
import type { E2eEnvironment } from './e2eEnvironment';

export function rowCount(page: Page) {
  return page.locator('.row-count');
}

/** Reads "1,234 rows" from the count above the table. */
export async function shownRowTotal(page: Page): Promise<number> {
  await expect(rowCount(page)).toHaveText(/^[\d,]+ rows?$/);
  return Number((await rowCount(page).innerText()).replace(/[^\d]/g, ''));
}

export async function openBrowse(page: Page, environment: E2eEnvironment, snapshotId: number): Promise<void> {
  await openApp(page, environment, 'Browse');
  await page.getByLabel('Snapshot').selectOption(String(snapshotId));
  await expect(page.getByRole('table', { name: 'Identities' })).toBeVisible();
}

/** Searches identities for a term that matches one user (a login) and opens that user's detail panel. */
export async function openUserDetail(page: Page, searchTerm: string): Promise<void> {
  await page.getByLabel('Search identities').fill(searchTerm);
  const table = page.getByRole('table', { name: 'Identities' });
  await expect(rowCount(page)).toHaveText('1 row');
  const firstRow = table.locator('[data-row="0"]');
  await expect(firstRow).toContainText(searchTerm, { ignoreCase: true });
  await firstRow.getByRole('button').click();
  await expect(page.getByRole('complementary')).toBeVisible();
  await expect(page.getByRole('complementary').getByRole('heading', { level: 3, name: /^Apps/ })).toBeVisible();
}

// The whole job by keyboard alone, Connect → Pull → Review → Validate → Export, against the real service and a fake
// Okta org of its own: Tab, Shift+Tab, Enter, Space, arrows and Esc only (no clicks, no filling by script), with a
// visible focus ring at every stop, and the exported files on disk at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { readBundle } from '../helpers/readBundle';
import { checkAxeAndScreenshots } from './helpers/appPage';
import { expect, test } from './helpers/fixtures';
import { expectFocusRing, tabAndPress, tabTo } from './helpers/keyboard';
import { OwnService, type FakeOrg } from './helpers/ownService';

let own: OwnService;
let org: FakeOrg;
let outDir: string;

test.beforeAll(async () => {
  own = await OwnService.start('keyboard-only');
  org = await own.fakeOrg('keyboard-org', { users: 120 });
  outDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-e2e-keyboard-')), 'bundle');
});
test.afterAll(async () => {
  await own?.stop();
  if (outDir) fs.rmSync(path.dirname(outDir), { recursive: true, force: true });
});

const main = (page: Page) => page.getByRole('main');
const steps = (page: Page) => page.getByRole('navigation', { name: 'Steps' });

/** Goes to a step of the job from inside the screen: Shift+Tab back to the step indicator and Enter. */
async function goToStep(page: Page, label: string, heading: string): Promise<void> {
  await tabAndPress(page, steps(page).getByRole('button', { name: new RegExp(`^${label}`) }), 'Enter', {
    backwards: true,
    maxPresses: 120,
  });
  const h1 = page.getByRole('heading', { level: 1, name: heading });
  await expect(h1).toBeFocused();
  await expectFocusRing(page);
}

async function connectByKeyboard(page: Page): Promise<void> {
  await page.goto(own.environment.appUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Connect to Okta' })).toBeVisible();
  // The first Tab reaches the skip link, which takes the keyboard past the navigation into the screen.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await expectFocusRing(page);
  await page.keyboard.press('Enter');

  await tabTo(page, main(page).getByLabel('Okta org URL'));
  await page.keyboard.type(org.url);
  await expect(main(page).getByText('Will connect to')).toContainText(new URL(org.url).host);
  await tabTo(page, main(page).getByLabel('API token', { exact: true }));
  await page.keyboard.type(org.token);
  await tabAndPress(page, main(page).getByRole('button', { name: 'Test connection' }), 'Space');
  await expect(main(page).getByText('Okta Prep can read everything it needs.')).toBeVisible();
  // The result takes focus (it appears below the form); the way on is back up, beside the Test button.
  await tabAndPress(page, main(page).getByRole('button', { name: 'Continue to Pull' }), 'Enter', { backwards: true });
  await expect(page.getByRole('heading', { level: 1, name: 'Pull from Okta' })).toBeFocused();
}

async function pullByKeyboard(page: Page): Promise<number> {
  // Arrow keys move through the pace choices (one Tab stop for the group): Normal → Fast.
  await tabTo(page, main(page).getByRole('radio', { name: /^Normal/ }));
  await page.keyboard.press('ArrowDown');
  await expect(main(page).getByRole('radio', { name: /^Fast/ })).toBeChecked();
  await expectFocusRing(page);
  await tabAndPress(page, main(page).getByRole('button', { name: 'Start pull' }), 'Enter');
  await expect(main(page).getByText('Pull complete.')).toBeVisible({ timeout: 120_000 });
  const browse = main(page).getByRole('button', { name: /^Browse snapshot #\d+$/ });
  const snapshotId = Number(/#(\d+)/.exec((await browse.textContent()) ?? '')![1]);
  await tabAndPress(page, browse, 'Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Browse' })).toBeFocused();
  return snapshotId;
}

/** Esc closes the detail panel and gives focus back to `opener`, what opened it. */
async function closePanelBackTo(page: Page, opener: Locator): Promise<void> {
  const panel = main(page).getByRole('complementary');
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(panel.getByRole('heading', { level: 3, name: /^Apps/ })).toBeVisible();
  await expectFocusRing(page);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expectFocusRing(page);
}

const identities = (page: Page) => main(page).getByRole('table', { name: 'Identities' });
const tableRow = (page: Page, index: number) => identities(page).locator(`[data-row="${index}"]`);

/** The tab list is one Tab stop; the arrows switch tables. */
async function switchTablesByArrows(page: Page): Promise<void> {
  await tabTo(page, main(page).getByRole('tab', { name: 'Identities' }));
  await page.keyboard.press('ArrowRight');
  await expect(main(page).getByRole('tab', { name: 'Groups' })).toHaveAttribute('aria-selected', 'true');
  await expectFocusRing(page);
  await page.keyboard.press('ArrowLeft');
  await expect(main(page).getByRole('tab', { name: 'Identities' })).toHaveAttribute('aria-selected', 'true');
}

/** Searches for the first user's login and opens them by the row's button; then clears the search. */
async function openUserBySearch(page: Page): Promise<void> {
  const firstLogin = await tableRow(page, 0).getByRole('cell').nth(1).innerText();
  const search = main(page).getByLabel('Search identities');
  await tabTo(page, search);
  await page.keyboard.type(firstLogin);
  await expect(main(page).locator('.row-count')).toHaveText('1 row');
  const open = tableRow(page, 0).getByRole('button', { name: /^Open user / });
  await tabAndPress(page, open, 'Enter', { maxPresses: 80 });
  await closePanelBackTo(page, open);
  await tabTo(page, search, { backwards: true, maxPresses: 80 });
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await expect(main(page).locator('.row-count')).not.toHaveText(/^(1 row|Loading…)$/);
}

/** As in a data tool: arrows pick the second row's first cell, Ctrl+C copies it, Enter opens its row. */
async function pickCopyAndOpenByKeys(page: Page, secondName: string): Promise<void> {
  const scrollRegion = main(page).getByRole('region', { name: 'Identities (scrollable)' });
  await tabTo(page, scrollRegion, { maxPresses: 80 });
  await page.keyboard.press('ArrowDown'); // picks the top row's first cell
  await page.keyboard.press('ArrowDown');
  await expect(tableRow(page, 1).getByRole('cell').first()).toHaveClass(/vtable-cell-active/);
  await page.keyboard.press('ControlOrMeta+c');
  await expect(main(page).getByRole('status').filter({ hasText: 'Copied the cell' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secondName);
  await page.keyboard.press('Enter');
  await expect(main(page).getByRole('complementary').getByRole('heading', { level: 2 })).toContainText(secondName);
  await closePanelBackTo(page, scrollRegion);
}

async function reviewByKeyboard(page: Page): Promise<void> {
  await expect(identities(page).locator('[data-row="1"]:not(.vtable-row-loading)')).toBeVisible();
  const secondName = await tableRow(page, 1).getByRole('cell').first().innerText();
  await switchTablesByArrows(page);
  await openUserBySearch(page);
  await pickCopyAndOpenByKeys(page, secondName);
}

async function validateByKeyboard(page: Page, snapshotId: number): Promise<void> {
  await goToStep(page, 'Validate', 'Validate');
  await tabAndPress(page, main(page).getByRole('button', { name: `Validate snapshot #${snapshotId}` }), 'Enter');
  await expect(main(page).getByRole('heading', { name: 'Findings' })).toBeVisible({ timeout: 60_000 });
  await expect(main(page).getByText(/BalkanID will accept this upload|ready to upload/)).toBeVisible();
}

async function exportByKeyboard(page: Page): Promise<void> {
  await goToStep(page, 'Export', 'Export for BalkanID');
  await tabTo(page, main(page).getByLabel('Output folder'), { maxPresses: 80 });
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(outDir);
  const reviewCopy = main(page).getByRole('checkbox', { name: /spreadsheet-safe review copy/ });
  await tabAndPress(page, reviewCopy, 'Space');
  await expect(reviewCopy).toBeChecked();
  await tabAndPress(page, main(page).getByRole('button', { name: 'Export files' }), 'Enter', { maxPresses: 80 });
  await expect(main(page).getByText('Export complete')).toBeVisible({ timeout: 120_000 });
}

test('Connect → Pull → Review → Validate → Export by keyboard alone, focus always visible', async ({
  page,
  context,
}, testInfo) => {
  // The whole job in one test (a pull, a check, an export, then axe twice on the long Export screen): minutes.
  test.setTimeout(480_000);
  // Reading the clipboard back needs the permission; copying itself is by Ctrl+C.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: own.environment.origin });
  await test.step('Connect', () => connectByKeyboard(page));
  const snapshotId = await test.step('Pull', () => pullByKeyboard(page));
  await test.step('Review', () => reviewByKeyboard(page));
  await test.step('Validate', () => validateByKeyboard(page, snapshotId));
  await test.step('Export', () => exportByKeyboard(page));

  const bundle = readBundle(outDir);
  expect(bundle.manifest.snapshot.id).toBe(snapshotId);
  expect(bundle.entities.rows.filter((row) => row['Source Type'] === 'user')).toHaveLength(120);
  expect(fs.readdirSync(path.join(outDir, 'review')).sort()).toEqual(['entities.csv', 'entity-relations.csv']);
  await test.step('axe and screenshots', () => checkAxeAndScreenshots(page, testInfo, 'keyboard-only-export'));
});

// Page helpers for the specs: open the app on a screen, save and attach a screenshot, drop files, and the axe check.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { SCREENSHOT_DIR, type E2eEnvironment } from './e2eEnvironment';

export type ScreenName = 'Connect' | 'Pull' | 'Browse' | 'Findings' | 'Compare' | 'Validate' | 'Export' | 'Upload';

/** Opens the browser build with its secret, then the named screen. */
export async function openApp(page: Page, environment: { appUrl: string }, screen?: ScreenName): Promise<void> {
  await page.goto(environment.appUrl);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible();
  if (screen) {
    await nav.getByRole('button', { name: screen, exact: true }).click();
    await expect(nav.getByRole('button', { name: screen, exact: true })).toHaveAttribute('aria-current', 'page');
  }
}

/** Saves a screenshot (the full page unless told) to test-results/screenshots/<name>.png and attaches it. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Runs axe on the page and fails on any violation of impact serious or critical, listing them readably. */
export async function expectNoSeriousAxeViolations(page: Page, testInfo: TestInfo): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  await testInfo.attach('axe-violations.json', {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  const summary = serious.map(
    (violation) =>
      `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 5)
        .join(' | ')}`,
  );
  expect(summary, 'serious or critical accessibility violations').toEqual([]);
}

/** The two window sizes every screen is recorded at: the smallest supported window and a large one. */
export const SCREENSHOT_SIZES = [
  { width: 1024, height: 700 },
  { width: 1600, height: 1000 },
] as const;

/**
 * The one accessibility-and-screenshots check of the specs: axe (no serious or critical violation) in the dark and
 * the light theme, then full-page screenshots `<name>-1024x700` and `<name>-1600x1000`. The window size and theme are
 * put back afterwards, so the test goes on as before. `fullPage: false` shoots the window as shown instead, for a
 * modal dialog: it sits in the window, and a full-page shot stretches the window and loses it.
 */
export async function checkAxeAndScreenshots(
  page: Page,
  testInfo: TestInfo,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  const size = page.viewportSize();
  const wasDark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousAxeViolations(page, testInfo);
  }
  await page.emulateMedia({ colorScheme: wasDark ? 'dark' : 'light' });
  for (const { width, height } of SCREENSHOT_SIZES) {
    await page.setViewportSize({ width, height });
    await saveScreenshot(page, testInfo, `${name}-${width}x${height}`, fullPage);
  }
  if (size) await page.setViewportSize(size);
}

/** Drops files on the window as a user dragging them from the desktop would. */
export async function dropFiles(page: Page, files: { name: string; content: string }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) transfer.items.add(new File([file.content], file.name, { type: 'text/csv' }));
    return transfer;
  }, files);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

export type { E2eEnvironment };

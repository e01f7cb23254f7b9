// Benchmark in the real UI (browser build in Debian's Chromium, real service, real SQLite): time from opening the
// relations tab of a 1,000,000-relation snapshot to the first rows drawn, and to rows drawn after going to row
// 900,000 (the "Go to row" box). Reference: the same steps on a 1,000-relation snapshot in the same run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createDispatcher } from '../../electron/core/service/dispatcher';
import { startHttpTransport } from '../../electron/core/service/httpTransport';
import { buildSyntheticSnapshot } from './syntheticSnapshot';
import { CHROMIUM_LAUNCH_OPTIONS, TEST_VIEWPORT } from '../e2e/chromiumLaunchOptions';
import { serviceOverFolder } from '../helpers/serviceOverFolder';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function timeRelations(
  page: Page,
  appUrl: string,
  snapshotId: number,
  jumpTo: number,
): Promise<{ firstRowsMs: number; jumpMs: number }> {
  await page.goto(appUrl);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Browse', exact: true }).click();
  await page.getByLabel('Snapshot').selectOption(String(snapshotId));
  // The Browse screen remembers the last tab: start from Identities so opening Relations is measured afresh.
  await page.getByRole('tab', { name: 'Identities' }).click();
  await page.getByRole('table', { name: 'Identities' }).waitFor();
  const table = page.getByRole('table', { name: 'Relations' });
  const loadedRow = (index: number) => table.locator(`[data-row="${index}"]:not(.vtable-row-loading)`);
  const opened = Date.now();
  await page.getByRole('tab', { name: 'Relations' }).click();
  await loadedRow(0).waitFor({ state: 'visible' });
  const firstRowsMs = Date.now() - opened;
  const jumped = Date.now();
  await page.getByLabel('Go to row').fill(String(jumpTo + 1));
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await loadedRow(jumpTo).waitFor({ state: 'visible' });
  return { firstRowsMs, jumpMs: Date.now() - jumped };
}

export async function runUiRelationsBench(): Promise<Record<string, number | string>> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html')))
    spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-ui-bench-'));
  const { service, db, events } = serviceOverFolder(dir, { transport: 'http', appVersion: 'bench' });
  const small = buildSyntheticSnapshot(db, { users: 200, groups: 20, memberships: 1_000, apps: 5 });
  const big = buildSyntheticSnapshot(db, { users: 100_000, groups: 2_000, memberships: 1_000_000, apps: 50 });
  const transport = await startHttpTransport({
    dispatch: createDispatcher(service),
    events,
    staticDir: path.join(ROOT, 'dist', 'renderer'),
  });
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const page = await browser.newPage({ viewport: TEST_VIEWPORT });
    const reference = await timeRelations(page, transport.url, small, 900);
    const large = await timeRelations(page, transport.url, big, 900_000);
    return {
      'relations tab → first rows drawn, 1,000,000 relations (ms)': large.firstRowsMs,
      'first rows ÷ 1,000-relation reference': +(large.firstRowsMs / reference.firstRowsMs).toFixed(2),
      'jump to row 900,000 → rows drawn (ms)': large.jumpMs,
      'jump ÷ reference (row 900 of 1,000)': +(large.jumpMs / reference.jumpMs).toFixed(2),
    };
  } finally {
    await browser.close();
    await transport.close();
    await service.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The Export screen's run, against its own service and org: the outcome goes away once a choice or the folder
// changes, an export of nothing cannot be started (the reason beside the button, and the service refuses it too),
// replacing a bundle already in the folder is asked first, the check's warnings open from the outcome, the folder
// field starts at the last folder and suggests the recent ones, and Cancel ends an export stuck in a file-system call.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PUBLISH_LOCK_NAME } from '../../electron/core/export/publishLock';
import { RELATION_KIND_LABELS } from '../../renderer/src/format/labels';
import { RELATION_KINDS } from '../../shared/balkanid/columns';
import { makeStuckFifo, type StuckFifo } from '../helpers/stuckFifo';
import { waitForJob } from '../helpers/waitForJob';
import { checkAxeAndScreenshots, openApp } from './helpers/appPage';
import { expect, test } from './helpers/fixtures';
import { OwnService } from './helpers/ownService';
import { callService } from './helpers/serviceApi';

let own: OwnService;
let snapshotId: number;
const folders: string[] = [];
const fifos: StuckFifo[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  own = await OwnService.start('export-run');
  const org = await own.fakeOrg('export-run', { users: 80 });
  await callService(own.environment, 'connection.save', { orgUrl: org.url, auth: { kind: 'ssws', token: org.token } });
  const pull = await callService(own.environment, 'pull.start', { includeFactors: false, share: 1 });
  const listJobs = () => callService(own.environment, 'jobs.list', {});
  const pulled = await waitForJob(listJobs, pull.id, { timeoutMs: 120_000, pollMs: 300 });
  if (pulled.snapshotId === undefined || pulled.status !== 'complete') throw new Error(`pull ${pulled.status}`);
  snapshotId = pulled.snapshotId;
});
test.afterAll(async () => {
  for (const fifo of fifos) fifo.release(); // lets the blocked read return, so the service can stop
  await own?.stop();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

function newFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-e2e-run-'));
  folders.push(folder);
  return folder;
}

async function openExport(page: Page): Promise<void> {
  await openApp(page, own.environment, 'Export');
  await page.getByLabel('Snapshot').selectOption(String(snapshotId));
}

async function exportTo(page: Page, folder: string): Promise<void> {
  await page.getByLabel('Output folder').fill(folder);
  await page.getByRole('button', { name: 'Export files' }).click();
  await expect(page.getByText('Export complete')).toBeVisible({ timeout: 60_000 });
}

/** Ticks exactly the relation kinds named (none: every box clear). */
async function chooseRelationKinds(page: Page, kinds: (keyof typeof RELATION_KIND_LABELS)[]): Promise<void> {
  for (const [kind, { label }] of Object.entries(RELATION_KIND_LABELS))
    await page.getByRole('checkbox', { name: new RegExp(`^${label}`) }).setChecked(kinds.includes(kind as never));
}
const EVERY_KIND = Object.keys(RELATION_KIND_LABELS) as (keyof typeof RELATION_KIND_LABELS)[];

/**
 * Ticks every relation kind again and waits until the screen has saved them (it saves after a pause): the next test
 * opens a new page, which loads the saved choices, and must not find the kinds a test cleared.
 */
async function restoreEveryKind(page: Page): Promise<void> {
  await chooseRelationKinds(page, EVERY_KIND);
  await expect
    .poll(async () => (await callService(own.environment, 'exportProfile.get', {})).profile.relationKinds)
    .toEqual([...RELATION_KINDS]);
}

test('the outcome goes away once a choice or the output folder changes', async ({ page }, testInfo) => {
  await openExport(page);
  const folder = newFolder();
  await exportTo(page, folder);
  await checkAxeAndScreenshots(page, testInfo, 'export-run-outcome');
  const reviewCopy = page.getByRole('checkbox', { name: /spreadsheet-safe review copy/ });
  await reviewCopy.check();
  await expect(page.getByText('Export complete')).toHaveCount(0);
  await reviewCopy.uncheck(); // back as it was: the outcome was already seen to be out of date, it stays gone
  await expect(page.getByText('Export complete')).toHaveCount(0);

  await exportTo(page, newFolder());
  await page.getByLabel('Output folder').fill(folder);
  await expect(page.getByText('Export complete')).toHaveCount(0);
  await checkAxeAndScreenshots(page, testInfo, 'export-run-outcome-cleared');
});

test('an export of nothing cannot be started: the reason is beside the button, and the service refuses it', async ({
  page,
}, testInfo) => {
  await openExport(page);
  await chooseRelationKinds(page, []);
  const button = page.getByRole('button', { name: 'Export files' });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription(/Nothing to export: no relation kind is chosen/);
  await expect(page.getByText(/Nothing to export: no relation kind is chosen/)).toBeVisible();
  await checkAxeAndScreenshots(page, testInfo, 'export-run-nothing-chosen');
  const outDir = path.join(newFolder(), 'never');
  await expect(
    callService(own.environment, 'export.start', { snapshotId, outDir, options: { relationKinds: [] } }),
  ).rejects.toThrow(/BAD_INPUT nothing to export: no relation kind is chosen/);
  expect(fs.existsSync(outDir)).toBe(false);
  await restoreEveryKind(page);
  await expect(button).toBeEnabled();
});

test('replacing an export already in the folder is asked first; Cancel keeps it', async ({ page }, testInfo) => {
  await openExport(page);
  const folder = newFolder();
  await exportTo(page, folder);
  const manifest = path.join(folder, 'manifest.json');
  const before = fs.statSync(manifest).mtimeMs;
  await page.getByRole('checkbox', { name: /spreadsheet-safe review copy/ }).check(); // a new run: outcome cleared
  await page.getByRole('button', { name: 'Export files' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace the export in this folder?' });
  await expect(dialog).toBeVisible();
  for (const name of ['entities.csv', 'entity-relations.csv', 'manifest.json'])
    await expect(dialog.getByText(name, { exact: true })).toBeVisible();
  await checkAxeAndScreenshots(page, testInfo, 'export-run-replace-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(fs.statSync(manifest).mtimeMs).toBe(before);
  expect(fs.existsSync(path.join(folder, 'review'))).toBe(false);

  await page.getByRole('button', { name: 'Export files' }).click();
  await dialog.getByRole('button', { name: 'Replace the files' }).click();
  await expect(page.getByText('Export complete')).toBeVisible({ timeout: 60_000 });
  expect(fs.existsSync(path.join(folder, 'review', 'entities.csv'))).toBe(true);
});

test("the check's warnings open from the outcome", async ({ page }, testInfo) => {
  await openExport(page);
  await chooseRelationKinds(page, ['groupMembership']); // apps and roles then have no relation: warnings
  await exportTo(page, newFolder());
  const show = page.getByRole('button', { name: /^Show [\d,]+ warnings?$/ });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('region', { name: 'Findings' })).toHaveCount(0);
  await show.click();
  const findings = page.getByRole('region', { name: 'Findings' });
  await expect(findings.getByRole('heading', { name: /Entities no relation mentions/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide the findings' })).toHaveAttribute('aria-expanded', 'true');
  await checkAxeAndScreenshots(page, testInfo, 'export-run-warnings');
  await restoreEveryKind(page);
});

test('the folder field starts at the last folder exported to and suggests the earlier ones', async ({
  page,
}, testInfo) => {
  const earlier = newFolder();
  const last = newFolder();
  await openExport(page);
  await exportTo(page, earlier);
  await exportTo(page, last);
  await openExport(page); // a new visit: nothing typed
  const field = page.getByLabel('Output folder');
  await expect(field).toHaveValue(last);
  const suggested = await page
    .locator(`datalist#${await field.getAttribute('list')} option`)
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(suggested[0]).toBe(earlier);
  expect(suggested).not.toContain(last);
  await expect(page.getByRole('button', { name: 'Choose…' })).toHaveCount(0); // the browser build has no dialog
  await checkAxeAndScreenshots(page, testInfo, 'export-run-folder-field');
});

test('Cancel ends an export stuck in a file-system call at once; an uncreatable folder fails at once', async ({
  page,
}, testInfo) => {
  await openExport(page);
  const folder = newFolder();
  fifos.push(makeStuckFifo(path.join(folder, PUBLISH_LOCK_NAME)));
  await page.getByLabel('Output folder').fill(folder);
  await page.getByRole('button', { name: 'Export files' }).click();
  await expect(page.getByRole('button', { name: 'Exporting…' })).toBeVisible();
  await page.waitForTimeout(3000); // the files are written by now: the export waits on the lock, which never answers
  await expect(page.getByRole('button', { name: 'Exporting…' })).toBeVisible();
  const cancelledAt = Date.now();
  await page.getByRole('button', { name: 'Cancel export' }).click();
  await expect(page.getByText('Export cancelled; no files were replaced.')).toBeVisible({ timeout: 5000 });
  expect(Date.now() - cancelledAt).toBeLessThan(5000);
  expect(fs.readdirSync(folder)).toEqual([PUBLISH_LOCK_NAME]);
  await checkAxeAndScreenshots(page, testInfo, 'export-run-cancelled');

  await page.getByLabel('Output folder').fill('/proc/okta-prep-e2e/export');
  await page.getByRole('button', { name: 'Export files' }).click();
  await expect(page.getByText('The export failed')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText(/cannot create the output folder \/proc\/okta-prep-e2e\/export/)).toBeVisible();
});

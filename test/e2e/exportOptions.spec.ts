// The Export screen offers every profile attribute the snapshot's users hold (odd names too) with Select all / Select
// none, and a choice of user statuses; "what will be uploaded" and the preview follow the format, the statuses and
// the relation kinds chosen, and the export writes what they said.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_EXPORT_PROFILE } from '../../shared/balkanid/exportProfile';
import { DEFAULT_USER_ATTRIBUTES } from '../../shared/balkanid/userAttributes';
import { E2E_PROFILE_ATTRIBUTES } from './globalSetup';
import { checkAxeAndScreenshots, openApp } from './helpers/appPage';
import { expect, test } from './helpers/fixtures';
import { callService, ensureCompleteSnapshot } from './helpers/serviceApi';

async function openExport(page: Page, environment: Parameters<typeof openApp>[1], snapshotId: number) {
  await openApp(page, environment, 'Export');
  await page.getByLabel('Snapshot').selectOption(String(snapshotId));
}

const attributeOrder = (page: Page) => page.getByTestId('attribute-order');
/** A checkbox whose accessible name starts with this attribute's or status's name as it is (then its users). */
const named = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `);

test('every profile attribute of the snapshot is offered, odd names too, with Select all and Select none', async ({
  page,
  environment,
}, testInfo) => {
  const snapshotId = await ensureCompleteSnapshot(environment);
  const held = await callService(environment, 'snapshots.profileAttributes', { snapshotId });
  const own = held
    .map((attribute) => attribute.name)
    .filter((name) => !DEFAULT_USER_ATTRIBUTES.includes(name as never));
  try {
    await openExport(page, environment, snapshotId);
    const offered = page.getByRole('group', { name: 'Other profile attributes the users hold' });
    await expect(offered.getByRole('checkbox')).toHaveCount(own.length);
    for (const name of [...E2E_PROFILE_ATTRIBUTES, 'login'])
      await expect(offered.getByRole('checkbox', { name: named(name) })).not.toBeChecked();
    await expect(offered).toContainText('same value as username'); // login
    await checkAxeAndScreenshots(page, testInfo, 'export-profile-attributes');

    await page.getByRole('button', { name: 'Select none' }).click();
    await expect(attributeOrder(page)).toHaveText('Written in this order: none');
    // Ticked one by one, odd names keep the order they were ticked in; the metadata follows it.
    for (const name of ['say "hi"', '__proto__', 'constructor'])
      await offered.getByRole('checkbox', { name: named(name) }).check();
    await expect(attributeOrder(page)).toHaveText('Written in this order: say "hi", __proto__, constructor');
    await expect(page.getByRole('list', { name: 'Left out by the chosen options' })).toContainText(
      'User profile attributes other than say "hi", __proto__, constructor (not chosen)',
    );

    await page.getByRole('button', { name: 'Select all attributes' }).click();
    const all = [...DEFAULT_USER_ATTRIBUTES, 'say "hi"', '__proto__', 'constructor'];
    all.push(...own.filter((name) => !all.includes(name)));
    await expect(attributeOrder(page)).toHaveText(`Written in this order: ${all.join(', ')}`);
    await expect
      .poll(async () => (await callService(environment, 'exportProfile.get', {})).profile.userAttributes)
      .toEqual(all);
  } finally {
    await callService(environment, 'exportProfile.save', { profile: DEFAULT_EXPORT_PROFILE });
  }
});

test('user statuses, format and relation kinds change what will be uploaded, the preview and the files', async ({
  page,
  environment,
}, testInfo) => {
  const snapshotId = await ensureCompleteSnapshot(environment);
  const statuses = await callService(environment, 'snapshots.userStatuses', { snapshotId });
  expect(statuses.length).toBeGreaterThan(2); // the fake org has users of several statuses
  // ACTIVE stays (its users hold access, so the flat file has rows); the first other status is dropped first.
  const active = statuses.find((entry) => entry.status === 'ACTIVE')!;
  const [dropped, ...rest] = statuses.filter((entry) => entry !== active);
  const kept = [active, ...rest];
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-e2e-options-'));
  try {
    await openExport(page, environment, snapshotId);
    const choices = page.getByRole('group', { name: 'Users by status' });
    const summary = page.getByRole('region', { name: /What will be uploaded/ });
    const leftOut = summary.getByRole('list', { name: 'Left out by the chosen options' });
    const everyUser = statuses.reduce((sum, entry) => sum + entry.users, 0);
    await expect(summary.getByRole('definition').first()).toHaveText(String(everyUser));
    for (const entry of statuses)
      await expect(choices.getByRole('checkbox', { name: named(entry.status) })).toBeChecked();

    await choices.getByRole('checkbox', { name: named(dropped!.status) }).uncheck();
    const keptUsers = kept.reduce((sum, entry) => sum + entry.users, 0);
    await expect(summary.getByRole('definition').first()).toHaveText(String(keptUsers));
    await expect(leftOut).toContainText(`${dropped!.status} users: ${dropped!.users} (status not chosen)`);
    // The last ticked status cannot be unticked: an export needs users.
    for (const entry of rest) await choices.getByRole('checkbox', { name: named(entry.status) }).uncheck();
    await expect(choices.getByRole('checkbox', { name: named(active.status) })).toBeDisabled();
    await expect(summary.getByRole('definition').first()).toHaveText(String(active.users));

    await page.getByRole('radio', { name: /Entitlements \(one flat file\)/ }).check();
    await page
      .getByRole('group', { name: 'Relations' })
      .getByRole('checkbox', { name: /^Group admin roles/ })
      .uncheck();
    const expected = await callService(environment, 'snapshots.exportSummary', {
      snapshotId,
      options: {
        format: 'entitlements',
        userStatuses: [active.status],
        relationKinds: ['groupMembership', 'directAppAssignment', 'groupAppAssignment', 'userAdminRole'],
      },
    });
    const flat = summary.locator('dl[aria-label="entitlements.csv rows"]');
    await expect(flat.locator('dt')).toHaveText([
      'User → group → app',
      'User → group',
      'User → app, assigned directly',
      'User → admin role',
    ]);
    await expect(flat.locator('dd')).toHaveText(
      expected.entitlements.map((entry) => entry.rows.toLocaleString('en-US')),
    );
    await expect(leftOut).toContainText('Group admin roles (not chosen)');
    await expect(leftOut).toContainText('the entitlements format has none');
    await expect(page.getByRole('region', { name: 'entitlements.csv preview' })).toContainText(
      'Project,Privilege Name,Privilege Value,Email,User ID,Username,Name,Connection',
    );
    await expect(page.getByRole('region', { name: 'entities.csv preview' })).toHaveCount(0);
    await checkAxeAndScreenshots(page, testInfo, 'export-statuses-entitlements');

    await page.getByLabel('Output folder').fill(outDir);
    await page.getByRole('button', { name: 'Export files' }).click();
    await expect(page.getByText('Export complete')).toBeVisible({ timeout: 120_000 });
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
    expect(manifest.csvFormat).toBe('entitlements');
    expect(manifest.options.userStatuses).toEqual([active.status]);
    expect(manifest.entitlements).toEqual(
      Object.fromEntries(expected.entitlements.map((entry) => [entry.kind, entry.rows])),
    );
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
    await callService(environment, 'exportProfile.save', { profile: DEFAULT_EXPORT_PROFILE });
  }
});

// The Export screen's BalkanID mapping: a refused value says why, a Source Type changed and odd profile attributes
// added reach the exported files and manifest.json, and the choices are still there after a reload.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_USER_ATTRIBUTES } from '../../shared/balkanid/userAttributes';
import { DEFAULT_EXPORT_PROFILE } from '../../shared/balkanid/exportProfile';
import { readBundle } from '../helpers/readBundle';
import { E2E_PROFILE_ATTRIBUTES } from './globalSetup';
import { checkAxeAndScreenshots, openApp } from './helpers/appPage';
import { expect, test } from './helpers/fixtures';
import { callService, ensureCompleteSnapshot } from './helpers/serviceApi';

test('a mapping choice and odd attribute names reach the bundle and survive a reload', async ({
  page,
  environment,
}, testInfo) => {
  const snapshotId = await ensureCompleteSnapshot(environment);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-e2e-mapping-'));
  try {
    await openApp(page, environment, 'Export');
    await page.getByLabel('Snapshot').selectOption(String(snapshotId));
    const appType = page.getByLabel('Source Type of apps', { exact: true });
    await expect(appType).toHaveValue('app');

    const roleType = page.getByLabel('Source Type of admin roles', { exact: true });
    await roleType.fill('group');
    await expect(roleType).toHaveAttribute('aria-invalid', 'true');
    await expect(
      page.getByText(/Not applied: groups and admin roles would both have Source Type "group"/),
    ).toBeVisible();
    await roleType.fill('role');
    await expect(roleType).toHaveAttribute('aria-invalid', 'false');
    await appType.fill('application');

    for (const name of E2E_PROFILE_ATTRIBUTES) {
      await page.getByRole('textbox', { name: 'Other profile attribute' }).fill(name);
      await page.getByRole('button', { name: 'Add attribute' }).click();
    }
    const order = [...DEFAULT_USER_ATTRIBUTES, ...E2E_PROFILE_ATTRIBUTES];
    await expect(page.getByTestId('attribute-order')).toHaveText(`Written in this order: ${order.join(', ')}`);
    // Saved in the data folder as the choices change.
    await expect
      .poll(async () => (await callService(environment, 'exportProfile.get', {})).profile.userAttributes)
      .toEqual(order);
    expect((await callService(environment, 'exportProfile.get', {})).profile.mapping.sourceType.app).toBe(
      'application',
    );
    await checkAxeAndScreenshots(page, testInfo, 'export-mapping');

    await page.getByLabel('Output folder').fill(outDir);
    await page.getByRole('button', { name: 'Export files' }).click();
    await expect(page.getByText('Export complete')).toBeVisible({ timeout: 120_000 });
    const bundle = readBundle(outDir);
    const sourceTypes = new Set(bundle.entities.rows.map((row) => row['Source Type']));
    expect([...sourceTypes].sort()).toEqual(['application', 'group', 'role', 'user']);
    const user = bundle.entities.rows.find((row) => row['Source Type'] === 'user' && row.Metadata.includes('cost,'));
    const metadata = JSON.parse(user!.Metadata) as Record<string, string>;
    expect(Object.keys(metadata).slice(-E2E_PROFILE_ATTRIBUTES.length)).toEqual(E2E_PROFILE_ATTRIBUTES);
    expect(metadata.constructor).toBe(`constructor of ${metadata.username}`);
    expect(bundle.manifest.options.mapping.sourceType.app).toBe('application');
    expect(bundle.manifest.options.userAttributes).toEqual(order);

    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Export', exact: true }).click();
    // A reload starts at the snapshot in use, which another spec may have made of another org: pick this one again.
    await page.getByLabel('Snapshot').selectOption(String(snapshotId));
    await expect(page.getByLabel('Source Type of apps', { exact: true })).toHaveValue('application');
    await expect(page.getByTestId('attribute-order')).toHaveText(`Written in this order: ${order.join(', ')}`);
    // Names the snapshot's users hold show as its own attribute checkboxes, ticked, not as names added by hand.
    const offered = page.getByRole('group', { name: 'Other profile attributes the users hold' });
    await expect(offered.getByRole('checkbox', { name: /^__proto__ / })).toBeChecked();
  } finally {
    // The other specs share this data folder: leave the defaults behind.
    await callService(environment, 'exportProfile.save', { profile: DEFAULT_EXPORT_PROFILE });
    fs.rmSync(outDir, { recursive: true, force: true });
  }
});

test('a profile downloads, a bad one is refused with why, a good one is taken, reset restores defaults', async ({
  page,
  environment,
}) => {
  const snapshotId = await ensureCompleteSnapshot(environment);
  try {
    await openApp(page, environment, 'Export');
    await page.getByLabel('Snapshot').selectOption(String(snapshotId));
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download profile' }).click();
    const downloaded = JSON.parse(fs.readFileSync(await (await downloading).path(), 'utf8')) as unknown;
    expect(downloaded).toEqual(DEFAULT_EXPORT_PROFILE);

    const profileFile = (name: string, content: object) => ({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(content)),
    });
    const importInput = page.getByLabel('Import profile');
    await importInput.setInputFiles(
      profileFile('bad.json', { ...DEFAULT_EXPORT_PROFILE, mapping: { sourceType: { nope: 'x' } } }),
    );
    await expect(page.getByRole('alert').filter({ hasText: 'bad.json was not imported' })).toContainText(
      'The profile: "nope" is not a kind sourceType is chosen for: choose from user, group, app, role',
    );
    await importInput.setInputFiles(
      profileFile('good.json', {
        format: DEFAULT_EXPORT_PROFILE.format,
        version: 1,
        mapping: { sourceType: { app: 'saas' } },
      }),
    );
    await expect(page.getByLabel('Source Type of apps', { exact: true })).toHaveValue('saas');
    await expect(page.getByRole('status').filter({ hasText: 'Imported good.json' })).toBeVisible();
    expect((await callService(environment, 'exportProfile.get', {})).profile.mapping.sourceType.app).toBe('saas');

    await page.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(page.getByLabel('Source Type of apps', { exact: true })).toHaveValue('app');
    await expect
      .poll(async () => (await callService(environment, 'exportProfile.get', {})).profile.mapping.sourceType.app)
      .toBe('app');
  } finally {
    await callService(environment, 'exportProfile.save', { profile: DEFAULT_EXPORT_PROFILE });
  }
});

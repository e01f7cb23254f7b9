// Export screen: the file-format choice writes BalkanID's flat entitlements file, and an export whose check finds
// errors shows the findings, says the files are not ready and keeps them under the .invalid names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, saveScreenshot } from './helpers/appPage';
import { expect, test } from './helpers/fixtures';
import { plainActiveUser, pullPrivateOrg, startPrivateOrg } from './helpers/privateOrg';
import { ensureCompleteSnapshot } from './helpers/serviceApi';

function tempFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-e2e-formats-'));
}

test('the Entitlements format writes entitlements.csv and a manifest that says so', async ({
  page,
  environment,
}, testInfo) => {
  const snapshotId = await ensureCompleteSnapshot(environment);
  const outDir = tempFolder();
  try {
    await openApp(page, environment, 'Export');
    await page.getByLabel('Snapshot').selectOption(String(snapshotId));
    await page.getByRole('radio', { name: /Entitlements \(one flat file\)/ }).check();
    await expect(page.getByText('entitlements.csv and manifest.json are written here')).toBeVisible();
    await page.getByLabel('Output folder').fill(outDir);
    await page.getByRole('button', { name: 'Export files' }).click();
    await expect(page.getByText('Export complete')).toBeVisible({ timeout: 120_000 });
    await saveScreenshot(page, testInfo, 'export-entitlements');

    expect(fs.readdirSync(outDir).sort()).toEqual(['entitlements.csv', 'manifest.json']);
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
    expect(manifest.csvFormat).toBe('entitlements');
    const rows = manifest.files.entitlements[0].rows as number;
    const text = fs.readFileSync(path.join(outDir, 'entitlements.csv'), 'utf8');
    expect(text.startsWith('Project,Privilege Name,Privilege Value,Email,User ID,Username,Name,')).toBe(true);
    expect(rows).toBeGreaterThan(0);
    await expect(page.getByText(`${rows.toLocaleString('en-US')} rows`).first()).toBeVisible();
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
});

test('an export that fails its check shows the findings and keeps the files as .invalid', async ({
  page,
  environment,
}, testInfo) => {
  const privateOrg = await startPrivateOrg('e2e-export-invalid');
  const outDir = tempFolder();
  try {
    plainActiveUser(privateOrg.org).profile.title = 'Lead \uD83D engineer'; // half an emoji: not valid text
    const snapshotId = await pullPrivateOrg(environment, privateOrg, false);
    await openApp(page, environment, 'Export');
    await page.getByLabel('Snapshot').selectOption(String(snapshotId));
    await page.getByLabel('Output folder').fill(outDir);
    await page.getByRole('button', { name: 'Export files' }).click();
    await expect(page.getByText('Export finished, but the files failed the check')).toBeVisible({ timeout: 120_000 });
    await expect(page.getByText(/Not ready to upload: the check found 1 error\. The files were kept as/)).toBeVisible();
    const findings = page.getByRole('region', { name: 'Findings' });
    await expect(findings.getByRole('heading', { name: /Lone UTF-16 surrogate in a value/ })).toBeVisible();
    const surrogates = findings.getByRole('region', { name: 'Lone UTF-16 surrogate in a value: findings' });
    await expect(surrogates.getByRole('cell', { name: 'Metadata (8)' })).toBeVisible();
    await saveScreenshot(page, testInfo, 'export-invalid');

    expect(fs.readdirSync(outDir).sort()).toEqual([
      'entities.invalid.csv',
      'entity-relations.invalid.csv',
      'manifest.invalid.json',
    ]);
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
    await privateOrg.server.close();
  }
});

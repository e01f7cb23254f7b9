// Export screen: preview, export to a temp folder, and check on disk that the manifest's row counts match the files.
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkAxeAndScreenshots, openApp } from './helpers/appPage';
import { expect, test } from './helpers/fixtures';
import { ensureCompleteSnapshot } from './helpers/serviceApi';

interface Manifest {
  files: { entities: { name: string; rows: number }[]; relations: { name: string; rows: number }[] };
}

function dataRecords(file: string): number {
  const records = parse(fs.readFileSync(file, 'utf8'), { bom: true, relax_column_count: true });
  return records.length - 1;
}

test('export writes the files and a manifest whose counts match them', async ({ page, environment }, testInfo) => {
  const snapshotId = await ensureCompleteSnapshot(environment);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-e2e-export-'));
  try {
    await openApp(page, environment, 'Export');
    await page.getByLabel('Snapshot').selectOption(String(snapshotId));
    await expect(page.getByRole('region', { name: 'entities.csv preview' })).toContainText('App,Name,Entity Type');
    await expect(page.getByRole('region', { name: 'entity-relations.csv preview' })).toContainText(
      'Parent Entity Source ID',
    );

    await page.getByLabel('Output folder').fill(outDir);
    await page.getByRole('button', { name: 'Export files' }).click();
    await expect(page.getByText('Export complete')).toBeVisible({ timeout: 120_000 });
    await expect(page.getByText(outDir)).toBeVisible();
    await checkAxeAndScreenshots(page, testInfo, 'export-complete');

    const entities = path.join(outDir, 'entities.csv');
    const relations = path.join(outDir, 'entity-relations.csv');
    const manifestFile = path.join(outDir, 'manifest.json');
    for (const file of [entities, relations, manifestFile]) expect(fs.existsSync(file), file).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    expect(manifest.files.entities[0]!.rows).toBe(dataRecords(entities));
    expect(manifest.files.relations[0]!.rows).toBe(dataRecords(relations));
    expect(manifest.files.entities[0]!.rows).toBeGreaterThan(0);
    await expect(
      page.getByText(`${manifest.files.entities[0]!.rows.toLocaleString('en-US')} rows`).first(),
    ).toBeVisible();
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
});

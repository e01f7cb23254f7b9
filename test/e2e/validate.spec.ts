// Validate screen: dropped broken CSV files give findings grouped by rule, with file, line and column, and the
// offending line.
import fs from 'node:fs';
import path from 'node:path';
import { ENTITY_COLUMNS } from '../../shared/balkanid/columns';
import { checkAxeAndScreenshots, openApp, saveScreenshot } from './helpers/appPage';
import { E2E_DIR } from './helpers/e2eEnvironment';
import { BAD_ENTITY_TYPE_LINE, BAD_ENTITY_TYPE_VALUE } from './helpers/brokenCsvFiles';
import { expect, test } from './helpers/fixtures';
import { dropBrokenFiles } from './helpers/validateFlows';

test('dropped broken CSVs show findings with line and column', async ({ page, environment }, testInfo) => {
  await dropBrokenFiles(page, environment);
  await expect(page.getByText('Checked entities.csv as entities, entity-relations.csv as relations')).toBeVisible();
  await expect(page.getByText(/BalkanID would reject this upload/)).toBeVisible();

  const header = page.getByRole('region', { name: /^error Header row is wrong/ });
  await expect(header).toContainText('error');
  await expect(header.getByRole('table')).toContainText('relations');
  await expect(header.getByRole('table')).toContainText('Parent Entity Source ID');

  const entityType = page.getByRole('region', { name: /^error Unknown entity type/ });
  const finding = entityType.getByRole('row').filter({ hasText: 'Entity Type' }).first();
  await expect(finding).toContainText(`line ${BAD_ENTITY_TYPE_LINE}`);
  await expect(finding).toContainText('entities');
  await expect(finding).toContainText('Entity Type (3)');
  await expect(finding.getByRole('cell').nth(3)).toHaveText(BAD_ENTITY_TYPE_VALUE);

  await finding.getByRole('button', { name: new RegExp(`line ${BAD_ENTITY_TYPE_LINE}`) }).click();
  const row = page.getByRole('region', { name: `Line ${BAD_ENTITY_TYPE_LINE} of entities.csv` });
  await expect(row).toContainText(`Bob Jones,${BAD_ENTITY_TYPE_VALUE}`);
  await expect(
    page.getByRole('heading', { name: `entities.csv, line ${BAD_ENTITY_TYPE_LINE}, column Entity Type` }),
  ).toBeVisible();
  await saveScreenshot(page, testInfo, 'validate-findings');
});

/** A file large enough that checking it takes seconds: time to press Cancel while it runs. */
function writeLargeEntities(): string {
  const file = path.join(E2E_DIR, 'large-entities.csv');
  if (fs.existsSync(file)) return file;
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, `${ENTITY_COLUMNS.join(',')}\r\n`);
  for (let block = 0; block < 40; block++) {
    let text = '';
    for (let i = block * 50_000; i < (block + 1) * 50_000; i++)
      text += `okta,User ${i},identity,okta,00u${i},user,v1,"{""username"":""user${i}@example.com""}"\r\n`;
    fs.writeSync(fd, text);
  }
  fs.closeSync(fd);
  return file;
}

test('a check cancelled while it runs shows "cancelled" and no report', async ({ page, environment }) => {
  const file = writeLargeEntities();
  await openApp(page, environment, 'Validate');
  await page.getByLabel('CSV files', { exact: true }).setInputFiles(file);
  const progress = page.getByRole('progressbar', { name: 'Checking the files' });
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel check' }).click();
  await expect(page.getByText('Check cancelled: there is no report.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Findings' })).toHaveCount(0);
  await expect(page.getByText(/ready to upload|BalkanID will accept/)).toHaveCount(0);
});

test('a JSON file or an image is named as not a CSV and not checked; a CSV with a bad header is checked', async ({
  page,
  environment,
}, testInfo) => {
  await openApp(page, environment, 'Validate');
  const input = page.getByLabel('CSV files', { exact: true });
  const image = await page.screenshot(); // a real PNG, given a CSV's name as a mistaken export would be
  await input.setInputFiles([
    { name: 'manifest.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": "bundle" }') },
    { name: 'entities.csv', mimeType: 'text/csv', buffer: image },
  ]);
  const notChecked = page.getByText(/^Not checked:/);
  await expect(notChecked).toContainText('manifest.json (not a CSV file: it is JSON');
  await expect(notChecked).toContainText('entities.csv (not a CSV file: it is a PNG image)');
  await expect(page.getByText(/^Checked /)).toHaveCount(0);
  await checkAxeAndScreenshots(page, testInfo, 'validate-not-csv');

  // A CSV whose header is wrong is still a CSV: the validator checks it and explains the header.
  await input.setInputFiles({
    name: 'people.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Name;Email\r\nAda;a@b\r\n'),
  });
  await expect(page.getByText('Checked people.csv as entities')).toBeVisible();
  await expect(page.getByRole('region', { name: /^error Header row is wrong/ })).toBeVisible();
  await expect(notChecked).toHaveCount(0);
});

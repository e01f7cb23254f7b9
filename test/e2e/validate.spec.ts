// Validate screen: dropped broken CSV files give findings grouped by rule, with file, line and column, and the
// offending line.
import { saveScreenshot } from './helpers/appPage';
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

  await finding.getByRole('button', { name: new RegExp(`line ${BAD_ENTITY_TYPE_LINE}`) }).click();
  const row = page.getByRole('region', { name: `Line ${BAD_ENTITY_TYPE_LINE} of entities.csv` });
  await expect(row).toContainText(`Bob Jones,${BAD_ENTITY_TYPE_VALUE}`);
  await expect(
    page.getByRole('heading', { name: `entities.csv, line ${BAD_ENTITY_TYPE_LINE}, column Entity Type` }),
  ).toBeVisible();
  await saveScreenshot(page, testInfo, 'validate-findings');
});

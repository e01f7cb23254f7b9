// Validate screen steps shared by the validate and accessibility specs: drop the broken files and wait for the
// findings.
import { expect, type Page } from '@playwright/test';
import { dropFiles, openApp } from './appPage';
import { BROKEN_ENTITIES_CSV, BROKEN_RELATIONS_CSV } from './brokenCsvFiles';
import type { E2eEnvironment } from './e2eEnvironment';

export async function dropBrokenFiles(page: Page, environment: E2eEnvironment): Promise<void> {
  await openApp(page, environment, 'Validate');
  await dropFiles(page, [
    { name: 'entities.csv', content: BROKEN_ENTITIES_CSV },
    { name: 'entity-relations.csv', content: BROKEN_RELATIONS_CSV },
  ]);
  await expect(page.getByRole('heading', { name: 'Findings' })).toBeVisible();
}

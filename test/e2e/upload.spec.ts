// Upload screen against a fake BalkanID on 127.0.0.1: a bundle exported from the fake org is checked, refused with a
// wrong key, uploaded (entities first, an expired URL replaced) with the key remembered, and refused once changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeBalkanIdServer, type FakeBalkanIdServer } from '../../electron/core/fake-balkanid/server';
import { waitForJob } from '../helpers/waitForJob';
import { expectNoSeriousAxeViolations, openApp, saveScreenshot } from './helpers/appPage';
import { expect, test } from './helpers/fixtures';
import { callService, ensureCompleteSnapshot } from './helpers/serviceApi';

const KEY_ID = 'e2e-key-id';
const SECRET = 'e2e-balkanid-SECRET-5a1d9c';

let balkanId: FakeBalkanIdServer;
let outDir: string;

test.beforeAll(async () => {
  balkanId = await startFakeBalkanIdServer({ apiKeyId: KEY_ID, apiKeySecret: SECRET });
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-e2e-upload-'));
});
test.afterAll(async () => {
  await balkanId?.close();
  fs.rmSync(outDir, { recursive: true, force: true });
});

test('uploads an exported bundle to BalkanID, entities first, and refuses one changed after export', async ({
  page,
  environment,
}, testInfo) => {
  const snapshotId = await ensureCompleteSnapshot(environment);
  const exported = await callService(environment, 'export.start', { snapshotId, outDir });
  const exportJob = await waitForJob(() => callService(environment, 'jobs.list', {}), exported.id, {
    timeoutMs: 120_000,
  });
  expect(exportJob.status).toBe('complete');

  await openApp(page, environment, 'Upload');
  await expect(page.getByLabel('Bundle folder')).toHaveValue(outDir); // the latest export of this session
  await page.getByRole('button', { name: 'Check bundle' }).click();
  await expect(page.getByText('The bundle matches its manifest: ready to upload.')).toBeVisible();

  await page.getByLabel('BalkanID address').fill(balkanId.url);
  await page.getByLabel('API key ID').fill(KEY_ID);
  await page.getByLabel('API key secret').fill('not-the-secret');
  await page.getByRole('button', { name: 'Upload bundle' }).click();
  await expect(page.getByRole('alert')).toContainText('BalkanID refused the API key');
  await expect(page.getByRole('alert')).toContainText('the key id or secret is wrong');

  balkanId.misbehave(['expired-url-once']);
  await page.getByLabel('API key secret').fill(SECRET);
  await page.getByLabel('Remember this key').check();
  await page.getByRole('button', { name: 'Upload bundle' }).click();
  await expect(page.getByText(`Uploaded to ${balkanId.url}`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/→ entity-relations/)).toBeVisible();
  await expect(page.getByLabel('API key secret')).toHaveValue('');
  await expect(page.getByLabel('API key secret')).toHaveAttribute('placeholder', 'Remembered — leave empty to use it');
  await saveScreenshot(page, testInfo, 'upload');
  await expectNoSeriousAxeViolations(page, testInfo);

  const stored = balkanId.stored();
  expect(stored.map((upload) => upload.kind)).toEqual(['entities', 'relations']);
  expect(stored[0]!.body!.equals(fs.readFileSync(path.join(outDir, 'entities.csv')))).toBe(true);
  expect(stored[1]!.body!.equals(fs.readFileSync(path.join(outDir, 'entity-relations.csv')))).toBe(true);
  expect(await page.content()).not.toContain(SECRET);

  // Changed after export: refused with the finding and its fix, nothing sent (and the remembered key is used).
  fs.appendFileSync(path.join(outDir, 'entity-relations.csv'), 'okta,00u1,identity,00g1,connection,okta,,\r\n');
  const requestsBefore = balkanId.requests().length;
  await page.getByRole('button', { name: 'Upload bundle' }).click();
  await expect(page.getByRole('alert')).toContainText('The bundle cannot be uploaded');
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText(/entity-relations\.csv is \d+ bytes; the manifest says \d+/);
  await expect(problems).toContainText('Fix: Do not edit or replace the files after export');
  expect(balkanId.requests()).toHaveLength(requestsBefore);
  await saveScreenshot(page, testInfo, 'upload-refused');
});

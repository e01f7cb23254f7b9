// Two clients' orgs in one cache, as a consultant has them: connecting tests before saving (a rejected token is never
// stored, an unreachable org is said once), saved connections survive the sample org, every snapshot picker names
// the org, Export warns about another org's snapshot, and snapshots are labelled and deleted (asked first).
import type { Page } from '@playwright/test';
import { checkAxeAndScreenshots, openApp } from './helpers/appPage';
import { expect, test } from './helpers/fixtures';
import { closedLoopbackUrl, hostOf, OwnService, type FakeOrg } from './helpers/ownService';
import { callService } from './helpers/serviceApi';

let own: OwnService;
let orgA: FakeOrg;
let orgB: FakeOrg;
let htmlOrg: FakeOrg;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  own = await OwnService.start('orgs');
  orgA = await own.fakeOrg('client-a', { users: 150 });
  orgB = await own.fakeOrg('client-b', { users: 90 });
  htmlOrg = await own.fakeOrg('portal', { misbehave: 'html-page' });
});
test.afterAll(async () => {
  await own?.stop();
});

async function testConnection(page: Page, orgUrl: string, token: string): Promise<void> {
  await openApp(page, own.environment, 'Connect');
  await page.getByLabel('Okta org URL').fill(orgUrl);
  // The address as normalised for this URL, not a previous one still shown while the new one is checked.
  await expect(page.getByText('Will connect to')).toContainText(new URL(orgUrl).host);
  await page.getByLabel('API token', { exact: true }).fill(token);
  await page.getByRole('button', { name: 'Test connection' }).click();
}

async function connectAndPull(page: Page, org: FakeOrg): Promise<void> {
  await testConnection(page, org.url, org.token);
  await expect(page.getByText('Okta Prep can read everything it needs.')).toBeVisible();
  await page.getByRole('button', { name: 'Continue to Pull' }).click();
  await page.getByRole('radio', { name: /Fast/ }).check();
  await page.getByRole('button', { name: 'Start pull' }).click();
  await expect(page.getByText('Pull complete.')).toBeVisible({ timeout: 120_000 });
}

test('a rejected token is never saved, and says it was rejected', async ({ page }) => {
  await testConnection(page, orgA.url, 'not-the-token-of-this-org');
  await expect(page.getByRole('alert')).toContainText(/rejected/i);
  await expect(page.getByLabel('API token', { exact: true })).toHaveValue('');
  expect(await callService(own.environment, 'connection.list', {})).toEqual([]);
  expect(await callService(own.environment, 'connection.get', {})).toBeNull();
  await expect(page.getByRole('heading', { name: 'Saved connections' })).toHaveCount(0);
});

test('an org that cannot be reached is said once, with every check not run, and no way on to a pull', async ({
  page,
}, testInfo) => {
  for (const [orgUrl, token, reason] of [
    [await closedLoopbackUrl(), orgA.token, /the connection failed \(ECONNREFUSED\)/],
    [htmlOrg.url, htmlOrg.token, /HTML page instead of JSON/],
  ] as const) {
    await testConnection(page, orgUrl, token);
    const result = page.getByRole('region', { name: /Connection test/ });
    await expect(result.getByRole('alert')).toHaveCount(1);
    await expect(result.getByRole('alert')).toContainText('Could not connect to this org. Nothing was saved.');
    await expect(result.getByRole('alert')).toContainText(reason);
    await expect(result.getByRole('alert')).not.toContainText(/pull/i);
    await expect(result.getByRole('list', { name: 'Checks not run' }).getByRole('listitem')).toHaveCount(7);
    await expect(result.getByRole('table')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Continue to Pull' })).toHaveCount(0);
  }
  expect(await callService(own.environment, 'connection.list', {})).toEqual([]);
  await checkAxeAndScreenshots(page, testInfo, 'orgs-unreachable');
});

test('two orgs are pulled into one cache and both stay saved; the sample org replaces neither', async ({ page }) => {
  await connectAndPull(page, orgA);
  await connectAndPull(page, orgB);
  await openApp(page, own.environment, 'Connect');
  const saved = page.getByRole('region', { name: 'Saved connections' });
  await expect(saved.getByRole('row')).toHaveCount(3); // header + two orgs
  await page.getByRole('button', { name: 'Try with the sample org' }).click();
  await expect(page.getByRole('heading', { name: 'Pull from Okta', level: 1 })).toBeVisible();

  const list = await callService(own.environment, 'connection.list', {});
  expect(list.map(({ orgUrl, hasSecret, current }) => ({ orgUrl, hasSecret, current }))).toEqual(
    expect.arrayContaining([
      { orgUrl: orgA.url, hasSecret: true, current: false },
      { orgUrl: orgB.url, hasSecret: true, current: false },
    ]),
  );
  await openApp(page, own.environment, 'Connect');
  await saved.getByRole('button', { name: `Use ${hostOf(orgB.url)}` }).click();
  await expect(page.locator('.header-connection')).toHaveText(hostOf(orgB.url));
  expect((await callService(own.environment, 'connection.test', {})).ok).toBe(true); // B's own token, kept
});

test('a saved connection is removed only once the dialog is confirmed; its snapshots stay', async ({
  page,
}, testInfo) => {
  await openApp(page, own.environment, 'Connect');
  const saved = page.getByRole('region', { name: 'Saved connections' });
  const remove = saved.getByRole('button', { name: `Remove ${hostOf(orgA.url)}` });
  const dialog = page.getByRole('dialog', { name: `Remove the connection to ${hostOf(orgA.url)}?` });
  const savedOrgs = async () => (await callService(own.environment, 'connection.list', {})).map((c) => c.orgUrl);
  await remove.click();
  await expect(dialog).toContainText('Snapshots pulled from it stay in the cache.');
  await checkAxeAndScreenshots(page, testInfo, 'orgs-remove-connection-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await savedOrgs()).sort()).toEqual([orgA.url, orgB.url].sort()); // cancelled: still saved

  await remove.click();
  await dialog.getByRole('button', { name: 'Remove connection' }).click();
  await expect(dialog).toBeHidden();
  await expect(saved.getByRole('row')).toHaveCount(2); // header + org B
  expect(await savedOrgs()).toEqual([orgB.url]);
  const snapshots = await callService(own.environment, 'snapshots.list', {});
  expect(snapshots.some((snapshot) => snapshot.orgUrl === orgA.url)).toBe(true);
});

test('every snapshot picker and the header name the org; Export warns about the other org', async ({
  page,
}, testInfo) => {
  const snapshots = await callService(own.environment, 'snapshots.list', {});
  const ofA = snapshots.find((snapshot) => snapshot.orgUrl === orgA.url)!;
  const ofB = snapshots.find((snapshot) => snapshot.orgUrl === orgB.url)!;
  for (const screen of ['Browse', 'Validate', 'Export'] as const) {
    await openApp(page, own.environment, screen);
    const picker = page.getByLabel('Snapshot', { exact: true });
    await expect(picker.locator('option', { hasText: `#${ofA.id} · ${hostOf(orgA.url)}` })).toHaveCount(1);
    await expect(picker.locator('option', { hasText: `#${ofB.id} · ${hostOf(orgB.url)}` })).toHaveCount(1);
  }
  const picker = page.getByLabel('Snapshot', { exact: true });
  await picker.selectOption(String(ofA.id));
  await expect(page.getByTestId('header-snapshot')).toContainText(`#${ofA.id} · ${hostOf(orgA.url)}`);
  const summary = page.getByRole('region', { name: /What will be uploaded/ });
  await expect(summary.getByRole('alert')).toContainText('This snapshot is not from the org you are connected to.');
  await expect(summary.getByRole('alert')).toContainText(hostOf(orgA.url));
  await expect(summary.getByRole('definition').first()).toHaveText(String(ofA.counts!.users));
  await checkAxeAndScreenshots(page, testInfo, 'orgs-export-other-org');

  await picker.selectOption(String(ofB.id));
  await expect(summary).toContainText(`#${ofB.id} · ${hostOf(orgB.url)}`);
  await expect(summary.getByRole('alert')).toHaveCount(0);
});

test('a snapshot is labelled, and deleted only after the dialog is confirmed', async ({ page }, testInfo) => {
  const ofA = (await callService(own.environment, 'snapshots.list', {})).find((s) => s.orgUrl === orgA.url)!;
  await openApp(page, own.environment, 'Pull');
  const row = page.locator(`tr[data-snapshot-id="${ofA.id}"]`);
  await expect(row).toContainText(hostOf(orgA.url));
  await row.getByRole('button', { name: `Label snapshot #${ofA.id}` }).click();
  const labelDialog = page.getByRole('dialog', { name: `Label snapshot #${ofA.id}` });
  await labelDialog.getByLabel(/Label/).fill('Client A before clean-up');
  await labelDialog.getByRole('button', { name: 'Save label' }).click();
  await expect(row).toContainText('Client A before clean-up');
  await expect(page.getByRole('status').filter({ hasText: 'now labelled' })).toBeVisible();

  await row.getByRole('button', { name: `Delete snapshot #${ofA.id}` }).click();
  const deleteDialog = page.getByRole('dialog', { name: `Delete snapshot #${ofA.id}?` });
  await expect(deleteDialog).toContainText(`#${ofA.id} · ${hostOf(orgA.url)} · “Client A before clean-up”`);
  await checkAxeAndScreenshots(page, testInfo, 'orgs-delete-dialog');
  await deleteDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(deleteDialog).toBeHidden();
  await expect(row).toBeVisible(); // cancelled: still there

  await row.getByRole('button', { name: `Delete snapshot #${ofA.id}` }).click();
  await deleteDialog.getByRole('button', { name: 'Delete snapshot' }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /cache shrank by/ })).toBeVisible();
  const left = await callService(own.environment, 'snapshots.list', {});
  expect(left.map((snapshot) => snapshot.orgUrl)).toEqual([orgB.url]);
  await checkAxeAndScreenshots(page, testInfo, 'orgs-past-pulls');
});

test('the step indicator marks where the user is and names the next step', async ({ page }) => {
  await openApp(page, own.environment, 'Browse');
  const steps = page.getByRole('navigation', { name: 'Steps' });
  await expect(steps.getByRole('button', { name: /Review/ })).toHaveAttribute('aria-current', 'step');
  await expect(steps.locator('[aria-current="step"]')).toHaveCount(1);
  await expect(steps).toContainText('Next: Validate');
  await steps.getByRole('button', { name: /Export/ }).click();
  await expect(page.getByRole('heading', { name: 'Export for BalkanID', level: 1 })).toBeVisible();
  await expect(steps.getByRole('button', { name: /Export/ })).toHaveAttribute('aria-current', 'step');
  await expect(steps.getByRole('button', { name: /Connect/ })).toContainText('(done)');
});

test('"Test connection" pressed straight after typing another org tests the org typed now', async ({ page }) => {
  await openApp(page, own.environment, 'Connect');
  const orgUrlField = page.getByLabel('Okta org URL');
  await orgUrlField.fill(orgA.url);
  await expect(page.getByText('Will connect to')).toContainText(hostOf(orgA.url));
  // Org B's URL and token typed and the button pressed within a few milliseconds, well inside the field's 250 ms
  // normalising pause (Playwright's own steps can take longer than that on a busy machine): the address the field
  // shows is still org A's when the button is pressed.
  const fields = {
    url: await orgUrlField.elementHandle(),
    token: await page.getByLabel('API token', { exact: true }).elementHandle(),
    button: await page.getByRole('button', { name: 'Test connection' }).elementHandle(),
  };
  await page.evaluate(
    async ({ url, token, button, values }) => {
      const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0)); // React renders the input first
      const type = (input: HTMLInputElement, text: string) => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      };
      type(url as HTMLInputElement, values.url);
      await nextTask();
      type(token as HTMLInputElement, values.token);
      await nextTask();
      (button as HTMLButtonElement).click();
    },
    { ...fields, values: { url: orgB.url, token: orgB.token } },
  );
  await expect(page.getByText('Okta Prep can read everything it needs.')).toBeVisible();
  await expect(page.getByRole('region', { name: /Connection test/ })).toContainText(hostOf(orgB.url));
  expect((await callService(own.environment, 'connection.get', {}))?.orgUrl).toBe(orgB.url);
});

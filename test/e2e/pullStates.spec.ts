// A pull cancelled mid-way on a slow fake Okta: the progress card shows each phase as done, interrupted or not
// started (never "nothing to list · 0 rows" for one that never ran), and Past pulls says the same for the snapshot,
// phase by phase, with the same counts.
import { checkAxeAndScreenshots, openApp } from './helpers/appPage';
import { expect, test } from './helpers/fixtures';
import { OwnService } from './helpers/ownService';
import { callService } from './helpers/serviceApi';

let own: OwnService;

test.beforeAll(async () => {
  own = await OwnService.start('pull-states');
  const org = await own.fakeOrg('slow-org', { users: 900, misbehave: 'slow' });
  await callService(own.environment, 'connection.save', { orgUrl: org.url, auth: { kind: 'ssws', token: org.token } });
});
test.afterAll(async () => {
  await own?.stop();
});

test('a cancelled pull shows what each phase got to, the same on the card and in Past pulls', async ({
  page,
}, testInfo) => {
  await openApp(page, own.environment, 'Pull');
  await page.getByRole('radio', { name: /Fast/ }).check();
  await page.getByRole('button', { name: 'Start pull' }).click();
  const card = page.getByRole('region', { name: /Pulling into snapshot/ });
  await expect(card.locator('[data-phase-state="done"], [data-phase-state="running"]').first()).toBeVisible({
    timeout: 60_000,
  });
  await card.getByRole('button', { name: 'Cancel pull' }).click();
  await expect(page.getByText('Pull cancelled.')).toBeVisible({ timeout: 30_000 });

  const lastPull = page.getByRole('region', { name: /Last pull into snapshot #(\d+)/ });
  const snapshotId = Number(/#(\d+)/.exec(await lastPull.getByRole('heading').first().innerText())![1]);
  const cardPhases = lastPull.locator('li.phase');
  const cardStates = await cardPhases.evaluateAll((items) =>
    items.map((item) => item.getAttribute('data-phase-state')),
  );
  expect(cardStates).not.toContain('nothing to list');
  expect(cardStates).not.toContain('running');
  expect(cardStates.some((state) => state === 'interrupted' || state === 'not started')).toBe(true);
  await expect(lastPull).not.toContainText('nothing to list');
  // A phase that never ran says "not started" and nothing about rows.
  await expect(lastPull.locator('[data-phase-state="not started"]', { hasText: 'rows' })).toHaveCount(0);

  // Past pulls, phase by phase: the same state and the same words (listings and rows) as the card.
  const cardTexts = await cardPhases.evaluateAll((items) =>
    items.map(
      (item) => `${item.querySelector('.phase-name')!.textContent}: ${item.querySelector('.muted')!.textContent}`,
    ),
  );
  const pastPhases = page.getByRole('list', { name: `Phases of snapshot #${snapshotId}` }).getByRole('listitem');
  await expect(pastPhases).toHaveText(cardTexts);
  const stored = (await callService(own.environment, 'snapshots.list', {})).find((s) => s.id === snapshotId)!;
  expect(stored.status).toBe('cancelled');
  expect(cardTexts.join('\n')).toContain(`${stored.phases!.find((phase) => phase.phase === 'users')!.rows}`);

  await checkAxeAndScreenshots(page, testInfo, 'pull-cancelled-states');
});

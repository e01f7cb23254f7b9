// From a fresh clone of this commit (no dist/ folder): `okta-prep serve` builds the browser app on first use and the
// page it prints opens on the Connect screen — not a blank 404. The clone reuses this checkout's node_modules through
// a symlink: a full `npm ci` per run would take minutes (CI's own clean checkout covers the install itself).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT } from './helpers/e2eEnvironment';
import { startOktaPrep, stopProcess } from './helpers/oktaPrepProcess';

/**
 * A local clone of HEAD (committed files only, as a new user gets them) sharing node_modules, with the command built
 * as `npm ci` builds it (its "prepare" script): the browser app is not built yet.
 */
function cloneHead(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-clone-'));
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  execFileSync('git', ['clone', '--quiet', '--no-checkout', REPO_ROOT, dir]);
  execFileSync('git', ['checkout', '--quiet', head], { cwd: dir });
  fs.symlinkSync(fs.realpathSync(path.join(REPO_ROOT, 'node_modules')), path.join(dir, 'node_modules'), 'dir');
  expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: dir });
  return dir;
}

test('okta-prep serve on a fresh clone builds the browser app and shows the Connect screen', async ({ page }) => {
  test.setTimeout(120_000);
  const clone = cloneHead();
  try {
    expect(fs.existsSync(path.join(clone, 'dist', 'renderer'))).toBe(false);
    const serve = await startOktaPrep<{ url: string }>(
      ['serve', '--db', path.join(clone, 'cache.sqlite'), '--port', '0', '--json'],
      'fresh-clone-serve',
      {
        root: clone,
        env: { OKTA_PREP_HOME: path.join(clone, 'home') },
      },
    );
    try {
      expect(fs.existsSync(path.join(clone, 'dist', 'renderer', 'index.html'))).toBe(true);
      await page.goto(serve.info.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Connect to Okta' })).toBeVisible();
    } finally {
      await stopProcess(serve.child);
    }
  } finally {
    fs.rmSync(clone, { recursive: true, force: true });
  }
});

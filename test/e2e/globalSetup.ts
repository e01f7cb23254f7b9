// Playwright global setup: builds the browser bundle, starts a fake Okta org and the service, and records their URLs.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildCli } from '../helpers/buildCli';
import { E2E_DIR, REPO_ROOT, SCREENSHOT_DIR, writeE2eEnvironment } from './helpers/e2eEnvironment';
import { startOktaPrep } from './helpers/oktaPrepProcess';

/** Custom profile attributes every user of the fake org has: names a CSV list, JSON or a plain object trips over. */
export const E2E_PROFILE_ATTRIBUTES = ['cost,center', 'say "hi"', 'constructor', '__proto__'];

/** Size of the fake org the specs pull: more than one browse page of users, small enough to pull in seconds. */
export const FAKE_ORG_ARGS = [
  ...['--users', '450', '--groups', '40', '--apps', '20', '--seed', 'okta-prep-e2e'],
  ...E2E_PROFILE_ATTRIBUTES.flatMap((name) => ['--profile-attribute', name]),
];

function buildBrowserBundle(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed; see the output above');
}

export default async function globalSetup(): Promise<void> {
  buildBrowserBundle();
  buildCli();
  fs.rmSync(E2E_DIR, { recursive: true, force: true });
  fs.mkdirSync(E2E_DIR, { recursive: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const tokenFile = path.join(E2E_DIR, 'fake-okta-token');
  fs.writeFileSync(tokenFile, randomBytes(24).toString('base64url'), { mode: 0o600 });

  const fakeOkta = await startOktaPrep<{ url: string }>(
    ['fake-okta', '--token-file', tokenFile, ...FAKE_ORG_ARGS, '--port', '0', '--json'],
    'fake-okta',
  );
  const service = await startOktaPrep<{ url: string; origin: string; secret: string }>(
    [
      'serve',
      '--db',
      path.join(E2E_DIR, 'okta-prep.sqlite'),
      '--port',
      '0',
      '--static',
      path.join(REPO_ROOT, 'dist', 'renderer'),
      '--json',
    ],
    'serve',
  );
  writeE2eEnvironment({
    appUrl: service.info.url,
    origin: service.info.origin,
    secret: service.info.secret,
    fakeOktaUrl: fakeOkta.info.url,
    tokenFile,
    pids: [fakeOkta.child.pid, service.child.pid].filter((pid): pid is number => pid !== undefined),
  });
}

// Builds the compiled okta-prep command (dist/cli) from the current sources, so the tests and the bench that start
// `bin/okta-prep.mjs` as a process run the code under test, not an older build.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

export function buildCli(): void {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-cli.mjs')], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the okta-prep command failed; see the output above');
}

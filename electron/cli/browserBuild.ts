// Makes sure `okta-prep serve` has a browser build to serve: builds it on first use with the locally installed Vite,
// or stops with a message naming the command to run — never a blank 404 page.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CliError, EXIT } from './cliErrors';

/** The repository (or installed package) root: bin/, dist/ and vite.config.ts live here. */
export const PACKAGE_ROOT = path.resolve(import.meta.dirname, '..', '..');
const BUILD_COMMAND = 'npm run build:renderer';

export function hasBrowserBuild(folder: string): boolean {
  return fs.existsSync(path.join(folder, 'index.html'));
}

/** Vite's command-line entry, if Vite is installed (a production install without dev dependencies has none). */
export function findViteCli(root: string = PACKAGE_ROOT): string | undefined {
  try {
    const packageJson = createRequire(path.join(root, 'package.json')).resolve('vite/package.json');
    const cli = path.join(path.dirname(packageJson), 'bin', 'vite.js');
    return fs.existsSync(cli) ? cli : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `vite build` (the browser build, into dist/renderer); its output goes to `note` only if it fails. */
function runViteBuild(viteCli: string, root: string): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [viteCli, 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error) => resolve({ ok: false, output: error.message }));
    child.once('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/**
 * Returns the folder to serve. A missing default build is built now (once; later runs reuse it); a missing --static
 * folder, or no Vite to build with, is an error that says which command to run.
 */
export async function ensureBrowserBuild(input: {
  staticDir?: string;
  note: (line: string) => void;
  root?: string;
}): Promise<string> {
  if (input.staticDir !== undefined) {
    if (hasBrowserBuild(input.staticDir)) return input.staticDir;
    throw new CliError(
      `--static ${input.staticDir} has no index.html: build the browser app with "${BUILD_COMMAND}" (it ` +
        `writes dist/renderer) or point --static at a folder that has one`,
      EXIT.usage,
    );
  }
  const root = input.root ?? PACKAGE_ROOT;
  const folder = path.join(root, 'dist', 'renderer');
  if (hasBrowserBuild(folder)) return folder;
  const viteCli = findViteCli(root);
  if (!viteCli) {
    throw new CliError(
      `the browser app is not built (${folder} has no index.html) and Vite is not installed to build it: run ` +
        `"npm ci" and then "${BUILD_COMMAND}"`,
      EXIT.local,
    );
  }
  input.note(`Building the browser app into ${folder} (first run only; takes a minute at most)…`);
  const started = Date.now();
  const build = await runViteBuild(viteCli, root);
  if (!build.ok || !hasBrowserBuild(folder)) {
    throw new CliError(
      `building the browser app failed; run "${BUILD_COMMAND}" to see why.\n${build.output.trim()}`,
      EXIT.local,
    );
  }
  input.note(`Built the browser app in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return folder;
}

// What the runtime is made of: the esbuild bundles the okta-prep command and the desktop app run (compiled
// JavaScript, no TypeScript loader), the worker threads beside them, and the check that none of them pulls in a
// package that only a developer's checkout has (a devDependency).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Worker-thread entries. Each is bundled as `<name>.js` beside the bundle that starts it, where
 * electron/core/workers/workerEntry.ts looks for it.
 */
export const WORKER_ENTRIES = [
  { name: 'jobWorker', source: 'electron/core/service/jobs/jobWorker.ts' },
  { name: 'exportCheckWorker', source: 'electron/core/export/check/exportCheckWorker.ts' },
  { name: 'validateWorker', source: 'electron/core/service/jobs/validateWorker.ts' },
  { name: 'browseWorker', source: 'electron/core/service/browse/browseWorker.ts' },
  { name: 'diffSummaryWorker', source: 'electron/core/audit/diff/diffSummaryWorker.ts' },
];

/** Native or host-provided modules are loaded at run time, not bundled. */
const EXTERNAL = ['electron', 'better-sqlite3'];

/** Packages a runtime bundle may import although package.json lists them as devDependencies, and why. */
const DEV_PACKAGES_ALLOWED = {
  // electron-builder wants `electron` in devDependencies; the Electron binary provides it at run time.
  electron: ['electron/main/', 'electron/preload/'],
};

// ESM bundles of CommonJS dependencies need a `require`.
const REQUIRE_BANNER =
  "import { createRequire as createBundleRequire } from 'node:module'; " +
  'const require = createBundleRequire(import.meta.url);';

const COMMON = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, external: EXTERNAL };

/**
 * The bundles of the okta-prep command: dist/cli/okta-prep.js and its workers. The command is split into chunks
 * (beside it, `chunk-*.js`) that it imports when a command needs them, so a process reads and compiles only the code
 * of the command it runs: `okta-prep validate` starts without the SQLite, Okta and export code.
 */
export function cliBundles(outdir = path.join(ROOT, 'dist', 'cli')) {
  return [
    {
      ...COMMON,
      format: 'esm',
      banner: { js: REQUIRE_BANNER },
      entryPoints: ['electron/cli/entry.ts'],
      outdir,
      entryNames: 'okta-prep',
      splitting: true,
      chunkNames: 'chunk-[hash]',
    },
    ...workerBundles(outdir),
  ];
}

/** Removes the chunks of an earlier build (their names change with their content). */
export function removeOldChunks(outdir = path.join(ROOT, 'dist', 'cli')) {
  if (!fs.existsSync(outdir)) return;
  for (const name of fs.readdirSync(outdir))
    if (/^chunk-[A-Z0-9]+\.js(\.map)?$/.test(name)) fs.rmSync(path.join(outdir, name));
}

export function workerBundles(outdir) {
  return WORKER_ENTRIES.map(({ name, source }) => ({
    ...COMMON,
    format: 'esm',
    banner: { js: REQUIRE_BANNER },
    entryPoints: [source],
    outfile: path.join(outdir, `${name}.js`),
  }));
}

/** The desktop app's main process, preload and workers: dist/electron. */
export function electronBundles(outdir = path.join(ROOT, 'dist', 'electron')) {
  return [
    {
      ...COMMON,
      format: 'esm',
      banner: { js: REQUIRE_BANNER },
      entryPoints: ['electron/main/index.ts'],
      outfile: path.join(outdir, 'main.js'),
    },
    // A sandboxed preload cannot load ES modules: one CommonJS file.
    {
      ...COMMON,
      format: 'cjs',
      platform: 'browser',
      entryPoints: ['electron/preload/preload.ts'],
      outfile: path.join(outdir, 'preload.cjs'),
    },
    ...workerBundles(outdir),
  ];
}

/** The renderer is bundled by Vite; this esbuild pass only reads its import graph for the dependency check. */
export function rendererImportGraph() {
  return {
    bundle: true,
    platform: 'browser',
    format: 'esm',
    entryPoints: ['renderer/src/main.tsx'],
    outfile: path.join(ROOT, '.tmp', 'renderer-graph.js'),
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty' },
    jsx: 'automatic',
  };
}

/** Builds the bundles (or, with write: false, only resolves them) and fails when one imports a dev-only package. */
export async function buildChecked(bundles, { write = true } = {}) {
  const problems = [];
  for (const options of bundles) {
    const result = await build({ ...options, absWorkingDir: ROOT, write, metafile: true, logLevel: 'warning' });
    problems.push(...devOnlyImports(result.metafile, options.entryPoints[0]));
  }
  if (problems.length > 0) {
    throw new Error(
      `the runtime imports packages that are only installed for development (devDependencies):\n` +
        problems.map((line) => `  ${line}`).join('\n') +
        `\nMove the package to "dependencies" in package.json if the app needs it at run time, or keep the import ` +
        `in test or build code.`,
    );
  }
}

/** `file imports package` for every import in the metafile that resolves to a devDependency. */
export function devOnlyImports(metafile, entry, packageJson = readPackageJson()) {
  const devOnly = new Set(Object.keys(packageJson.devDependencies ?? {}));
  const problems = [];
  for (const [file, input] of Object.entries(metafile.inputs)) {
    if (file.includes('node_modules/')) continue; // a dependency's own imports are its package.json's business
    for (const { path: imported, external } of input.imports) {
      const name = packageName(imported, external);
      if (!name || !devOnly.has(name)) continue;
      if ((DEV_PACKAGES_ALLOWED[name] ?? []).some((prefix) => file.startsWith(prefix))) continue;
      problems.push(`${file} imports ${name} (bundle of ${entry})`);
    }
  }
  return problems;
}

/** The npm package an import resolved to: a bare external name, or the folder under node_modules. */
function packageName(imported, external) {
  if (external) {
    if (imported.startsWith('node:') || imported.startsWith('.') || imported.startsWith('/')) return undefined;
    return imported.startsWith('@') ? imported.split('/').slice(0, 2).join('/') : imported.split('/')[0];
  }
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(imported);
  return match?.[1];
}

function readPackageJson() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
}

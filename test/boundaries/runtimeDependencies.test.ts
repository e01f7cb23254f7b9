// The command, the app, the workers and the renderer run without devDependencies: the check CI runs
// (scripts/check-runtime-deps.mjs) passes on the real sources and names the file when one imports a dev-only package.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildChecked,
  cliBundles,
  electronBundles,
  rendererImportGraph,
  ROOT,
  WORKER_ENTRIES,
} from '../../scripts/runtimeBundles.mjs';

const PROBE_DIR = path.join(ROOT, '.tmp', 'runtime-dependency-probes');

/** A bundle of one probe file written under .tmp/, resolved but not written. */
function probeBundle(name: string, code: string) {
  fs.mkdirSync(PROBE_DIR, { recursive: true });
  const file = path.join(PROBE_DIR, `${name}.ts`);
  fs.writeFileSync(file, code);
  return [
    { bundle: true, platform: 'node' as const, format: 'esm' as const, entryPoints: [file], outfile: file + '.js' },
  ];
}

describe('runtime dependencies', () => {
  afterAll(() => fs.rmSync(PROBE_DIR, { recursive: true, force: true }));

  it('every runtime bundle (command, app, workers, renderer) imports only dependencies', async () => {
    await expect(
      buildChecked([...cliBundles(), ...electronBundles(), rendererImportGraph()], { write: false }),
    ).resolves.toBeUndefined();
  });

  it('bundles every worker entry beside the command and the app', () => {
    const outfiles = [...cliBundles(), ...electronBundles()].map((bundle) => path.basename(bundle.outfile ?? ''));
    for (const { name } of WORKER_ENTRIES) expect(outfiles.filter((file) => file === `${name}.js`)).toHaveLength(2);
  });

  it('fails naming the file and package when runtime code imports a devDependency', async () => {
    const bundles = probeBundle('importsCsvParse', "import { parse } from 'csv-parse/sync';\nconsole.log(parse);\n");
    await expect(buildChecked(bundles, { write: false })).rejects.toThrow(
      /\.tmp\/runtime-dependency-probes\/importsCsvParse\.ts imports csv-parse/,
    );
  });

  it('allows electron only in the main process and preload', async () => {
    const bundles = probeBundle('importsElectron', "import { app } from 'electron';\nconsole.log(app);\n");
    await expect(
      buildChecked(
        bundles.map((b) => ({ ...b, external: ['electron'] })),
        { write: false },
      ),
    ).rejects.toThrow(/importsElectron\.ts imports electron/);
  });
});

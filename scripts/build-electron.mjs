#!/usr/bin/env node
// Bundles the Electron main process, preload and job worker into dist/electron (run after the renderer build).
// better-sqlite3 and electron stay external: the native module is unpacked from the asar by electron-builder.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  logLevel: 'info',
};
await build({
  ...common,
  entryPoints: ['electron/main/index.ts'],
  outfile: 'dist/electron/main.js',
  format: 'esm',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
await build({
  ...common,
  entryPoints: ['electron/core/service/jobs/jobWorker.ts'],
  outfile: 'dist/electron/jobWorker.js',
  format: 'esm',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
// A sandboxed preload cannot load ES modules: one CommonJS file.
await build({
  ...common,
  entryPoints: ['electron/preload/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  format: 'cjs',
  platform: 'browser',
});

#!/usr/bin/env node
// CI check: no file the command, the desktop app, a worker or the renderer runs imports a devDependency.
// It resolves every runtime bundle's import graph without writing anything.
import { buildChecked, cliBundles, electronBundles, rendererImportGraph } from './runtimeBundles.mjs';

try {
  await buildChecked([...cliBundles(), ...electronBundles(), rendererImportGraph()], { write: false });
  console.log('runtime dependencies: every runtime import is a dependency');
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
}

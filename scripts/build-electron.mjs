#!/usr/bin/env node
// Bundles the Electron main process, preload and worker threads into dist/electron (run after the renderer build).
// better-sqlite3 and electron stay external: the native module is unpacked from the asar by electron-builder.
import { buildChecked, electronBundles } from './runtimeBundles.mjs';

await buildChecked(electronBundles());

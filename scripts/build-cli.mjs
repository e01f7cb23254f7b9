#!/usr/bin/env node
// Bundles the okta-prep command and its worker threads into dist/cli (compiled JavaScript: the command runs without
// a TypeScript loader). `npm ci` runs it (the "prepare" script); the tests run it before they start the command.
import { buildChecked, cliBundles, removeOldChunks } from './runtimeBundles.mjs';

removeOldChunks();
await buildChecked(cliBundles());

#!/usr/bin/env node
// Entry point of the okta-prep command: runs the compiled CLI (dist/cli, built by `npm ci` or `npm run build:cli`).
import fs from 'node:fs';

const bundle = new URL('../dist/cli/okta-prep.js', import.meta.url);
if (!fs.existsSync(bundle)) {
  console.error('okta-prep is not built (dist/cli/okta-prep.js is missing): run "npm run build:cli" in its folder.');
  process.exit(4);
}
await import(bundle.href);

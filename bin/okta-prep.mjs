#!/usr/bin/env node
// Entry point of the okta-prep command: runs the TypeScript CLI through tsx's loader.
// Ctrl-C cancels a running pull cleanly (the snapshot is marked cancelled and can be resumed).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli/main.ts');
const { processOutput } = await import('../electron/cli/cliOutput.ts');
const controller = new AbortController();
process.once('SIGINT', () => controller.abort(new Error('cancelled by Ctrl-C')));
process.once('SIGTERM', () => controller.abort(new Error('cancelled by SIGTERM')));
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  out: processOutput(),
  signal: controller.signal,
});

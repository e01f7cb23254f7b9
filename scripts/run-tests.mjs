#!/usr/bin/env node
// `npm test`: type-checks every folder, runs every test suite, and ends with "N passed, N failed" on its own line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, '.tmp', 'test-reports');
fs.mkdirSync(reports, { recursive: true });
let passed = 0;
let failed = 0;

function run(label, command, args) {
  process.stdout.write(`\n== ${label}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

// 1. Type-check every runtime's project (tsconfig.json's references; counts as one check).
if (run('typecheck', 'npx', ['tsc', '-b'])) passed++;
else failed++;

// 2. Unit and integration tests on Node (vitest), counted from its JSON report.
const vitestReport = path.join(reports, 'vitest.json');
fs.rmSync(vitestReport, { force: true });
const vitestOk = run('tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
if (fs.existsSync(vitestReport)) {
  const report = JSON.parse(fs.readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A suite that failed to load has no tests to count: count it as a failure.
  failed += (report.testResults ?? []).filter(
    (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
  ).length;
  if (!vitestOk && report.numFailedTests === 0) failed++;
} else {
  failed++;
}

// 3. Browser end-to-end tests, when the UI exists (Playwright driving Debian's Chromium).
if (fs.existsSync(path.join(root, 'playwright.config.ts'))) {
  const playwrightReport = path.join(reports, 'playwright.json');
  fs.rmSync(playwrightReport, { force: true });
  const ok = run('browser tests', 'npx', ['playwright', 'test']);
  if (fs.existsSync(playwrightReport)) {
    const stats = JSON.parse(fs.readFileSync(playwrightReport, 'utf8')).stats;
    passed += stats.expected;
    failed += stats.unexpected + stats.flaky + stats.skipped;
    if (!ok && stats.unexpected === 0) failed++;
  } else {
    failed++;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

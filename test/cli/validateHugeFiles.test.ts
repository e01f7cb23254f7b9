// Huge hostile files, generated here (never committed) and deleted afterwards, checked by `okta-prep validate` as a
// process whose peak memory (VmHWM) is read while it runs: a 2 GB file and a single 50 MB cell are checked in memory
// that does not grow with the file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_COLUMNS } from '../../shared/balkanid/columns';
import type { ValidationReport } from '../../shared/balkanid/findings';
import { REPO_ROOT } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const MAX_PEAK_RSS_MB = 250;

interface MeasuredRun {
  code: number | null;
  stdout: string;
  peakRssMb: number;
  seconds: number;
}

/** Runs the command, reading its VmHWM (peak resident memory) every 50 ms until it exits. */
function runMeasured(args: string[]): Promise<MeasuredRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'okta-prep.mjs'), ...args], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let stdout = '';
  let peakKb = 0;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const poll = setInterval(() => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // the process has just exited
    }
  }, 50);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, stdout, peakRssMb: peakKb / 1024, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/** Writes `total` bytes of entity rows: `row(i)` gives each (CRLF added), the header first. */
function writeRows(file: string, total: number, row: (i: number) => string): number {
  const fd = fs.openSync(file, 'w');
  let written = fs.writeSync(fd, `${ENTITY_COLUMNS.join(',')}\r\n`);
  let rows = 0;
  let batch = '';
  while (written + batch.length < total) {
    batch += `${row(rows++)}\r\n`;
    if (batch.length < 8 << 20) continue;
    written += fs.writeSync(fd, batch);
    batch = '';
  }
  fs.writeSync(fd, batch);
  fs.closeSync(fd);
  return rows;
}

const WIDE_NAME = 'N'.repeat(29_000);
const PLANTED_FROM = 10_005;

/** Row i of the 2 GB file: one fault of its own rule in each of the first six thousand rows, then a few planted. */
function faultyWideRow(i: number): string {
  const metadata = `"{""username"":""u${i}@example.com""}"`;
  const cells = ['okta', WIDE_NAME, 'identity', 'okta', `00u${i}`, 'user', 'v1', metadata];
  const fault = i < 6000 ? Math.floor(i / 1000) : (i - PLANTED_FROM) % 10_000 === 0 ? 6 : -1;
  if (fault === 0 || fault === 6) cells[1] = `=${WIDE_NAME}`;
  if (fault === 1) cells[0] = 'azure';
  if (fault === 2) cells[3] = 'azure';
  if (fault === 3) cells[6] = 'v2';
  if (fault === 4 || fault === 6) cells[2] = 'person';
  if (fault === 5) cells[7] = '"{""department"":""R&D""}"';
  return cells.join(',');
}

describe('okta-prep validate on huge files', () => {
  it('checks a 2 GB entities file in bounded memory, finding the faults planted in it', async () => {
    // A cheap shape (wide rows, few of them) so the check takes tens of seconds, not minutes, on two cores: each row
    // carries a 29,000-character name. The first 6,000 rows hold a fault each, a different rule every 1,000 rows, so
    // every kept finding comes from a different stretch of the file; past them, every 10,000th row has a
    // formula-like name and an unknown entity type.
    const file = path.join(tempDir(), 'two-gigabytes.csv');
    const rows = writeRows(file, 2 * 1024 ** 3, faultyWideRow);
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(2 * 1024 ** 3);
    const run = await runMeasured(['validate', file, '--json']);
    const report = JSON.parse(run.stdout) as ValidationReport;
    expect(run.code).toBe(1);
    expect(report.files.entities?.rows).toBe(rows);
    const planted = Math.floor((rows - 1 - PLANTED_FROM) / 10_000) + 1;
    expect(report.countsByRule).toEqual({
      'formula-injection': 1000 + planted,
      'app-not-okta': 1000,
      'source-system-not-okta': 1000,
      'metadata-version': 1000,
      'entity-type': 1000 + planted,
      'identity-without-username': 1000,
    });
    expect(report.findings).toHaveLength(6000);
    expect(report.findings[0]).toMatchObject({ rule: 'formula-injection', line: 2, column: 'Name', columnNumber: 2 });
    expect(run.peakRssMb).toBeLessThan(MAX_PEAK_RSS_MB);
    console.log(
      `2 GB file: ${rows} rows checked in ${run.seconds.toFixed(0)} s, peak RSS ${run.peakRssMb.toFixed(0)} MB`,
    );
    fs.rmSync(file);
  }, 600_000);

  it('reports one 50 MB cell with its true length, keeping only a bounded part of it', async () => {
    const file = path.join(tempDir(), 'fifty-megabyte-cell.csv');
    const cell = 'lorem ipsum, "quoted"\r\n'.repeat(50_000_000 / 23).replaceAll('"', '""');
    fs.writeFileSync(
      file,
      `${ENTITY_COLUMNS.join(',')}\r\nokta,Team,connection,okta,00g1,group,,\r\n` +
        `okta,"${cell}",connection,okta,00g2,group,,\r\nokta,After,connection,okta,00g3,group,,\r\n`,
    );
    const run = await runMeasured(['validate', file, '--json']);
    const report = JSON.parse(run.stdout) as ValidationReport;
    const length = cell.replaceAll('""', '"').length;
    expect(report.findings.map(({ rule, line, column }) => ({ rule, line, column }))).toEqual([
      { rule: 'cell-too-long', line: 3, column: 'Name' },
    ]);
    expect(report.findings[0]!.message).toContain(`${length.toLocaleString('en-US')} characters`);
    expect(report.findings[0]!.value!.length).toBeLessThanOrEqual(201);
    expect(report.files.entities?.rows).toBe(3);
    expect(report.errorCount).toBe(0);
    expect(run.peakRssMb).toBeLessThan(MAX_PEAK_RSS_MB);
  }, 120_000);
});

// `okta-prep validate` as a process: the check runs in its worker thread with progress lines on stderr, Ctrl-C stops
// it with no report at all, --json prints the whole report, and the text report shows each finding's cell and value.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_COLUMNS } from '../../shared/balkanid/columns';
import type { ValidationReport } from '../../shared/balkanid/findings';
import { REPO_ROOT, runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();

function writeEntities(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, `${ENTITY_COLUMNS.join(',')}\r\n`);
  let batch = '';
  for (let i = 0; i < rows; i++) {
    batch += `okta,User ${i},identity,okta,00u${i},user,v1,"{""username"":""user${i}@example.com""}"\r\n`;
    if (batch.length > 1 << 20) {
      fs.writeSync(fd, batch);
      batch = '';
    }
  }
  fs.writeSync(fd, batch);
  fs.closeSync(fd);
}

describe('okta-prep validate', () => {
  it('shows progress, and on Ctrl-C stops with exit 130 and no report', async () => {
    const file = path.join(tempDir(), 'entities.csv');
    writeEntities(file, 3_000_000);
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'okta-prep.mjs'), 'validate', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const sawProgress = new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (/checking entities \(.*entities\.csv\): \d+% of [\d.]+ MB, [\d,]+ rows/.test(stderr)) resolve();
      });
    });
    await sawProgress;
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stdout).toBe('');
    expect(stderr).toContain('validation cancelled: no report');
    expect(stderr).not.toMatch(/ready to upload|NOT READY/);
  });

  it('prints the whole report with --json, and each finding with its cell and value as text', async () => {
    const file = path.join(tempDir(), 'broken.csv');
    fs.writeFileSync(
      file,
      `${ENTITY_COLUMNS.join(',')}\r\nokta,Ada,person,okta,00u1,user,,\r\nokta,=SUM(A1),identity,okta,00u2,user,,\r\n`,
    );
    const json = await runCli(['validate', file, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as ValidationReport;
    expect(report.maxFindingsPerRule).toBe(1000);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: 'entity-type',
        line: 2,
        column: 'Entity Type',
        columnNumber: 3,
        value: 'person',
      }),
    );
    const text = await runCli(['validate', file]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${file}:2 [Entity Type, column 3]: Line 2, column "Entity Type": "person"`);
    expect(text.stdout).toContain('    value: "person"');
    expect(text.stdout).toContain(`${file}:3 [Name, column 2]`);
    expect(text.stdout).toContain('    value: "=SUM(A1)"');
  });
});

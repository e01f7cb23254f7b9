// Benchmark: validating an exported pair (with the cross-file checks) against papaparse only parsing the same files
// (streaming, a step callback that does nothing), each in its own process under GNU time: wall and CPU time, and
// peak RSS. Also the validator's own reader parsing alone, the figure behind keeping it rather than papaparse.
// Sizes: 100,000 entities with 1,000,000 relations, and with 10,000,000 (about 2 GB, past the in-memory limits).
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeExportShapedPair, type ExportShape } from './exportShapedCsv';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'okta-prep.mjs');
const PAPAPARSE_PARSE_ONLY = path.join(import.meta.dirname, 'papaparseParseOnly.mjs');

/** The reader's parse-only child, bundled like the command itself is (no TypeScript loader in the timing). */
async function bundledReader(dir: string): Promise<string> {
  const outfile = path.join(dir, 'readerParseOnly.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'readerParseOnly.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

interface Measured {
  wallS: number;
  cpuS: number;
  peakRssMb: number;
  stdout: string;
}

/** Runs a command under GNU time (-f: peak RSS in KiB, wall, user and system seconds). */
function timed(command: string[]): Promise<Measured> {
  const child = spawn('/usr/bin/time', ['-f', 'TIME %M %e %U %S', ...command], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('close', () => {
      const match = /TIME (\d+) ([\d.]+) ([\d.]+) ([\d.]+)/.exec(stderr);
      if (!match) return reject(new Error(`no timing from ${command.join(' ')}: ${stderr.slice(-500)}`));
      const [, rss, wall, user, system] = match.map(Number) as [number, number, number, number, number];
      resolve({ wallS: wall, cpuS: user + system, peakRssMb: Math.round(rss / 1024), stdout });
    });
    child.on('error', reject);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measureSize(shape: ExportShape, runs: number, dir: string): Promise<Record<string, number | string>> {
  const entities = path.join(dir, 'entities.csv');
  const relations = path.join(dir, 'entity-relations.csv');
  writeExportShapedPair(shape, entities, relations);
  const bytes = fs.statSync(entities).size + fs.statSync(relations).size;
  const readerScript = await bundledReader(dir);
  const ours: Measured[] = [];
  const papaparse: Measured[] = [];
  const reader: Measured[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternated, so a busy moment on the shared machine does not fall on one side only.
    ours.push(await timed([process.execPath, BIN, 'validate', entities, relations, '--json']));
    papaparse.push(await timed([process.execPath, PAPAPARSE_PARSE_ONLY, entities, relations]));
    reader.push(await timed([process.execPath, readerScript, entities, relations]));
  }
  const report = JSON.parse(ours[0]!.stdout) as { errorCount: number; files: { relations?: { rows: number } } };
  if (report.errorCount !== 0) throw new Error('the generated pair should validate without errors');
  const figures = (name: string, list: Measured[]) => ({
    [`${name}: wall (s, median of ${runs})`]: median(list.map((m) => m.wallS)),
    [`${name}: CPU (s, median)`]: +median(list.map((m) => m.cpuS)).toFixed(2),
    [`${name}: peak RSS (MB, max)`]: Math.max(...list.map((m) => m.peakRssMb)),
  });
  const ratio = (a: Measured[], b: Measured[], key: 'wallS' | 'cpuS') =>
    +(median(a.map((m) => m[key])) / median(b.map((m) => m[key]))).toFixed(2);
  return {
    'pair size (MB)': Math.round(bytes / 1e6),
    'relations validated': report.files.relations?.rows ?? 0,
    ...figures('validation with cross-file checks (okta-prep validate)', ours),
    ...figures('papaparse parse-only', papaparse),
    ...figures("validator's reader parse-only", reader),
    'validation ÷ papaparse parse-only, wall': ratio(ours, papaparse, 'wallS'),
    'validation ÷ papaparse parse-only, CPU': ratio(ours, papaparse, 'cpuS'),
    "validator's reader ÷ papaparse, parse-only wall": ratio(reader, papaparse, 'wallS'),
    "validator's reader ÷ papaparse, parse-only CPU": ratio(reader, papaparse, 'cpuS'),
    'machine load (1-minute average, after)': +os.loadavg()[0]!.toFixed(2),
  };
}

async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-validation-bench-'));
  try {
    return await run(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function runValidationBench1M(): Promise<Record<string, number | string>> {
  return withTempDir((dir) => measureSize({ entities: 100_000, relations: 1_000_000 }, 3, dir));
}

export function runValidationBench10M(): Promise<Record<string, number | string>> {
  return withTempDir((dir) => measureSize({ entities: 100_000, relations: 10_000_000 }, 1, dir));
}

// Benchmark: peak RSS of `okta-prep pull` for a 100,000-user org (~1,000,000 memberships), rate limits off,
// with the fake Okta server in its own process so only the puller is measured. Reference: the same pull of a
// 10,000-user org (memory must stay flat as the org grows: pages are written as they arrive).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writePrivateFile } from '../helpers/privateFile';
import { runUnderGnuTime } from './underGnuTime';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'okta-prep.mjs');

function startFakeOkta(dir: string, users: number, groups: number): Promise<{ url: string; stop(): void }> {
  const tokenFile = path.join(dir, 'token');
  writePrivateFile(tokenFile, 'bench-token');
  const child = spawn(
    process.execPath,
    [
      BIN,
      'fake-okta',
      '--token-file',
      tokenFile,
      '--users',
      String(users),
      '--groups',
      String(groups),
      '--apps',
      '200',
      '--seed',
      'rss',
      '--json',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('}')) resolve({ url: JSON.parse(out).url, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`fake-okta exited with ${code}`)));
  });
}

/** Runs the pull under GNU time and returns peak RSS (MB), wall time (s) and the memberships pulled. */
async function measuredPull(
  url: string,
  dir: string,
): Promise<{ rssMb: number; seconds: number; memberships: number }> {
  const db = path.join(dir, `c-${Date.now()}.sqlite`);
  const tokenFile = path.join(dir, 'token');
  const run = await runUnderGnuTime(process.execPath, [
    BIN,
    'pull',
    '--org',
    url,
    '--db',
    db,
    '--token-file',
    tokenFile,
    '--json',
  ]);
  return { rssMb: run.rssMb, seconds: run.seconds, memberships: JSON.parse(run.stdout).counts.groupMemberships };
}

export async function runPullMemoryBench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-rss-'));
  const figures: Record<string, number | string> = {};
  try {
    for (const [label, users, groups] of [
      ['reference 10,000 users', 10_000, 1_000],
      ['100,000 users', 100_000, 1_000],
    ] as const) {
      const okta = await startFakeOkta(dir, users, groups);
      try {
        const run = await measuredPull(okta.url, dir);
        figures[`${label}: memberships`] = run.memberships;
        figures[`${label}: peak RSS (MB)`] = Math.round(run.rssMb);
        figures[`${label}: wall time (s)`] = run.seconds;
      } finally {
        okta.stop();
      }
    }
    figures['peak RSS ratio 100k ÷ 10k'] = +(
      (figures['100,000 users: peak RSS (MB)'] as number) / (figures['reference 10,000 users: peak RSS (MB)'] as number)
    ).toFixed(2);
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

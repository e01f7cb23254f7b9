// Resume after a crash: the pulling process is killed with SIGKILL at 10 points; each resumed pull completes with
// content identical to an uninterrupted pull, the cache passes PRAGMA integrity_check, and earlier snapshots stay usable.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { pullOrg } from '../../electron/core/pull/pullOrg';
import { openDatabase } from '../../electron/core/store/openDatabase';
import { snapshotContentHash } from '../../electron/core/store/snapshotContentHash';
import { REPO_ROOT, runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'resume-test-token';
const KILL_POINTS = 10;
const tempDir = useTempDirs();
let server: FakeOktaServer;
let cleanHash: string;
let cleanPullMs: number;

/** Deterministic kill delays spread over the pull (a fixed LCG so the test is repeatable). */
function killDelays(count: number, fromMs: number, toMs: number): number[] {
  let state = 12345;
  return Array.from({ length: count }, (_, i) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const jitter = (state / 2 ** 31) * ((toMs - fromMs) / count);
    return Math.round(fromMs + (i * (toMs - fromMs)) / count + jitter);
  });
}

function pullAndKill(db: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'okta-prep.mjs'), 'pull', '--org', server.url, '--db', db, '--include-factors'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, OKTA_API_TOKEN: TOKEN },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

beforeAll(async () => {
  server = await startFakeOktaServer({ org: generateOrg({ seed: 'resume', users: 1500, groups: 120, apps: 25 }), apiToken: TOKEN });
  const db = openDatabase(path.join(tempDir(), 'clean.sqlite'));
  const started = Date.now();
  const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN) });
  const result = await pullOrg({ db, client, includeFactors: true, appVersion: 'test' });
  cleanPullMs = Date.now() - started;
  cleanHash = snapshotContentHash(db, result.snapshotId);
  db.close();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('pull --resume after SIGKILL', () => {
  it(`gives identical content at ${KILL_POINTS} kill points, with integrity_check ok`, async () => {
    const dir = tempDir();
    // The CLI needs ~1 s to start (TypeScript loader) before it sends its first request.
    const delays = killDelays(KILL_POINTS, 900, 1200 + cleanPullMs * 1.5);
    let resumed = 0;
    for (const [index, delay] of delays.entries()) {
      const dbPath = path.join(dir, `kill-${index}.sqlite`);
      await pullAndKill(dbPath, delay);
      let run = await runCli(['pull', '--org', server.url, '--db', dbPath, '--include-factors', '--resume'], { env: { OKTA_API_TOKEN: TOKEN } });
      if (run.code === 2 && /no unfinished pull/.test(run.stderr)) {
        // Killed before the snapshot existed, or after it completed: a plain pull (or nothing) is what remains.
        const db = openDatabase(dbPath);
        const complete = db.prepare(`SELECT count(*) FROM snapshots WHERE status = 'complete'`).pluck().get() as number;
        db.close();
        if (complete === 0) run = await runCli(['pull', '--org', server.url, '--db', dbPath, '--include-factors'], { env: { OKTA_API_TOKEN: TOKEN } });
        else run = { code: 0, stdout: '', stderr: '' };
      } else {
        resumed++;
      }
      expect(run.code, run.stderr).toBe(0);
      const db = openDatabase(dbPath);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const snapshots = db.prepare(`SELECT id, status FROM snapshots ORDER BY id`).all() as { id: number; status: string }[];
      expect(snapshots.filter((s) => s.status === 'complete')).toHaveLength(1);
      const completeId = snapshots.find((s) => s.status === 'complete')!.id;
      expect(snapshotContentHash(db, completeId)).toBe(cleanHash);
      db.close();
    }
    // Most kill points must land mid-pull, or the test proves little.
    expect(resumed).toBeGreaterThanOrEqual(KILL_POINTS / 2);
  }, 600_000);

  it('keeps the previous complete snapshot usable while a later pull is interrupted', async () => {
    const dbPath = path.join(tempDir(), 'two.sqlite');
    expect((await runCli(['pull', '--org', server.url, '--db', dbPath], { env: { OKTA_API_TOKEN: TOKEN } })).code).toBe(0);
    await pullAndKill(dbPath, 1500);
    const exported = await runCli(['export', '--db', dbPath, '--out', path.join(tempDir(), 'out'), '--snapshot', '1', '--json']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).manifest.entities.identity.user).toBe(1500);
  }, 120_000);
});

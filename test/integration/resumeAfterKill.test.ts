// Resume after a crash: the pulling process is killed with SIGKILL at 10 points of its progress (measured by the
// requests it has committed, so the points do not depend on machine speed); each resumed pull completes with content
// identical to an uninterrupted pull, the cache passes PRAGMA integrity_check, and earlier snapshots stay usable.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
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
let cleanRequests: number;

/** Deterministic kill points spread over 5%–85% of the pull's requests (a fixed LCG so the test is repeatable). */
function killPoints(count: number, total: number): number[] {
  let state = 12345;
  const [from, to] = [0.05 * total, 0.85 * total];
  return Array.from({ length: count }, (_, i) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const jitter = (state / 2 ** 31) * ((to - from) / count);
    return Math.round(from + (i * (to - from)) / count + jitter);
  });
}

/** Requests the pull has committed so far (0 while the database or its tables do not exist yet). */
function committedRequests(dbPath: string): number {
  if (!fs.existsSync(dbPath)) return 0;
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare(`SELECT coalesce(sum(requests), 0) FROM pull_tasks`).pluck().get() as number) ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** Starts a CLI pull and kills it with SIGKILL once it has committed `atRequests` requests (or lets it finish). */
function pullAndKill(dbPath: string, atRequests: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(REPO_ROOT, 'bin', 'okta-prep.mjs'), 'pull', '--org', server.url, '--db', dbPath, '--include-factors'],
      {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, OKTA_API_TOKEN: TOKEN },
        stdio: 'ignore',
      },
    );
    const poll = setInterval(() => {
      if (committedRequests(dbPath) >= atRequests) child.kill('SIGKILL');
    }, 5);
    child.on('close', () => {
      clearInterval(poll);
      resolve();
    });
  });
}

beforeAll(async () => {
  server = await startFakeOktaServer({
    org: generateOrg({ seed: 'resume', users: 1500, groups: 120, apps: 25 }),
    apiToken: TOKEN,
  });
  const db = openDatabase(path.join(tempDir(), 'clean.sqlite'));
  const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN) });
  const result = await pullOrg({ db, client, includeFactors: true, appVersion: 'test' });
  cleanRequests = result.requests;
  cleanHash = snapshotContentHash(db, result.snapshotId);
  db.close();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('pull --resume after SIGKILL', () => {
  it(`gives identical content at ${KILL_POINTS} kill points, with integrity_check ok`, async () => {
    const dir = tempDir();
    let resumed = 0;
    for (const [index, point] of killPoints(KILL_POINTS, cleanRequests).entries()) {
      const dbPath = path.join(dir, `kill-${index}.sqlite`);
      await pullAndKill(dbPath, point);
      let run = await runCli(['pull', '--org', server.url, '--db', dbPath, '--include-factors', '--resume'], {
        env: { OKTA_API_TOKEN: TOKEN },
      });
      if (run.code === 2 && /no unfinished pull/.test(run.stderr)) {
        // Killed before the snapshot existed, or after it completed: a plain pull (or nothing) is what remains.
        const db = openDatabase(dbPath);
        const complete = db.prepare(`SELECT count(*) FROM snapshots WHERE status = 'complete'`).pluck().get() as number;
        db.close();
        if (complete === 0)
          run = await runCli(['pull', '--org', server.url, '--db', dbPath, '--include-factors'], {
            env: { OKTA_API_TOKEN: TOKEN },
          });
        else run = { code: 0, stdout: '', stderr: '' };
      } else {
        resumed++;
      }
      expect(run.code, run.stderr).toBe(0);
      const db = openDatabase(dbPath);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const snapshots = db.prepare(`SELECT id, status FROM snapshots ORDER BY id`).all() as {
        id: number;
        status: string;
      }[];
      expect(snapshots.filter((s) => s.status === 'complete')).toHaveLength(1);
      const completeId = snapshots.find((s) => s.status === 'complete')!.id;
      expect(snapshotContentHash(db, completeId)).toBe(cleanHash);
      db.close();
    }
    // The kill points must land mid-pull, or the test proves little.
    expect(resumed).toBeGreaterThanOrEqual(KILL_POINTS - 1);
  }, 600_000);

  it('keeps the previous complete snapshot usable while a later pull is interrupted', async () => {
    const dbPath = path.join(tempDir(), 'two.sqlite');
    expect((await runCli(['pull', '--org', server.url, '--db', dbPath], { env: { OKTA_API_TOKEN: TOKEN } })).code).toBe(
      0,
    );
    await pullAndKill(dbPath, committedRequests(dbPath) + Math.round(cleanRequests / 3));
    const exported = await runCli([
      'export',
      '--db',
      dbPath,
      '--out',
      path.join(tempDir(), 'out'),
      '--snapshot',
      '1',
      '--json',
    ]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).manifest.entities.identity.user).toBe(1500);
  }, 120_000);
});

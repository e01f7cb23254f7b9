// The pull engine against a demanding fake Okta: injected faults (5xx, resets, stalls, cut-off bodies) must not
// change what a snapshot holds; bucket rate limits must be respected within the configured share; a missing
// permission or an app without an admin role must give a flagged, still exportable snapshot.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../electron/core/export/exportBundle';
import { generateOrg, type FakeOrg } from '../../electron/core/fake-okta/generateOrg';
import {
  startFakeOktaServer,
  type FakeOktaServer,
  type FakeOktaServerOptions,
} from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { RateLimitGovernor } from '../../electron/core/okta/rateLimitGovernor';
import { pullOrg } from '../../electron/core/pull/pullOrg';
import { openDatabase } from '../../electron/core/store/openDatabase';
import { snapshotContentHash } from '../../electron/core/store/snapshotContentHash';
import { getSnapshot } from '../../electron/core/store/snapshots';
import { runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'pressure-test-token';
const tempDir = useTempDirs();
const servers: FakeOktaServer[] = [];
let org: FakeOrg;
let cleanHash: string;

async function serve(options: Omit<FakeOktaServerOptions, 'org' | 'apiToken'>): Promise<FakeOktaServer> {
  const server = await startFakeOktaServer({ org, apiToken: TOKEN, ...options });
  servers.push(server);
  return server;
}

async function pull(server: FakeOktaServer, client: Partial<ConstructorParameters<typeof OktaClient>[0]> = {}) {
  const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
  const okta = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN), ...client });
  const result = await pullOrg({ db, client: okta, includeFactors: true, appVersion: 'test' });
  return { db, result, client: okta };
}

beforeAll(async () => {
  org = generateOrg({ seed: 'pressure', users: 600, groups: 50, apps: 15 });
  const { db, result } = await pull(await serve({}));
  cleanHash = snapshotContentHash(db, result.snapshotId);
  db.close();
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('pull engine under pressure', () => {
  it('gets the same snapshot content with 3% injected faults, over 10 seeds', async () => {
    let faultsSeen = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const server = await serve({
        faults: { seed, rate: 0.03, kinds: ['500', '503', 'reset', 'stall', 'truncate'], stallMs: 1500 },
      });
      const { db, result, client } = await pull(server, { requestTimeoutMs: 1000, random: () => 0.1 });
      expect(snapshotContentHash(db, result.snapshotId), `seed ${seed}`).toBe(cleanHash);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stats = server.stats();
      faultsSeen += Object.values(stats.faults).reduce((a, b) => a + b, 0);
      expect(client.stats.retries).toBeGreaterThanOrEqual(1);
      db.close();
      await server.close();
    }
    expect(faultsSeen).toBeGreaterThan(30); // the faults really happened
  }, 600_000);

  it('stops with a clear, resumable failure when faults never end', async () => {
    const server = await serve({ faults: { seed: 'always', rate: 1, kinds: ['503'] } });
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    const client = new OktaClient({
      orgUrl: server.url,
      auth: new SswsTokenAuth(TOKEN),
      maxRetries: 2,
      random: () => 0,
    });
    await expect(pullOrg({ db, client, includeFactors: false, appVersion: 'test' })).rejects.toThrow(
      /HTTP 503.*can be resumed|can be resumed/,
    );
    const snapshot = getSnapshot(db, 1)!;
    expect(snapshot.status).toBe('failed');
    expect(snapshot.errorMessage).toMatch(/503/);
    db.close();
  }, 120_000);

  it('stays inside each bucket at the configured share: no 429 for exceeding a bucket', async () => {
    // Small buckets and a one-second window make the limits bite in a short test ("a minute in one second").
    const server = await serve({
      rateLimits: {
        buckets: { users: 200, groups: 40, apps: 30, other: 40 },
        windowMs: 1000,
        tokenShare: 1,
        concurrency: 75,
      },
    });
    const share = 0.5;
    const { db, result } = await pull(server, { governor: new RateLimitGovernor({ share }) });
    expect(snapshotContentHash(db, result.snapshotId)).toBe(cleanHash);
    const stats = server.stats();
    expect(Object.values(stats.rateLimited.bucket).reduce((a, b) => a + b, 0)).toBe(0);
    expect(stats.maxPerWindow.users).toBeLessThanOrEqual(200 * share);
    expect(stats.maxPerWindow.groups).toBeLessThanOrEqual(40 * share);
    expect(stats.maxPerWindow.apps).toBeLessThanOrEqual(30 * share);
    expect(stats.maxPerWindow.other).toBeLessThanOrEqual(40 * share);
    expect(stats.maxPerWindow.groups).toBeGreaterThan(0);
    db.close();
  }, 300_000);

  it('waits out 429s from a bucket it did not know was nearly empty, and still completes', async () => {
    const server = await serve({ rateLimits: { buckets: { groups: 12 }, windowMs: 1000, tokenShare: 1 } });
    // share 1 and 8 requests in flight: the first window overshoots before the headers are known.
    const { db, result, client } = await pull(server, {
      governor: new RateLimitGovernor({ share: 1, maxConcurrency: 16 }),
    });
    expect(snapshotContentHash(db, result.snapshotId)).toBe(cleanHash);
    expect(client.governor.snapshot().find((b) => b.bucket === 'groups')!.waitedMs).toBeGreaterThan(0);
    db.close();
  }, 300_000);

  it('without "manage group membership": exported, the snapshot flagged, the CLI says what lacks', async () => {
    const server = await serve({ permissions: { groupMembers: false } });
    const { db, result } = await pull(server);
    expect(result.gaps).toEqual([
      expect.objectContaining({ objectKind: 'group members', reason: 'permission-denied' }),
    ]);
    expect(result.counts.groupMemberships).toBe(0);
    expect(result.counts.directAppAssignments).toBeGreaterThan(0);
    const out = tempDir();
    const bundle = await exportBundle({ db, snapshotId: result.snapshotId, outDir: out, appVersion: 'test' });
    expect(bundle.manifest.snapshot.incomplete).toEqual([expect.objectContaining({ objectKind: 'group members' })]);
    db.close();

    const cliDb = path.join(tempDir(), 'cli.sqlite');
    const run = await runCli(['pull', '--org', server.url, '--db', cliDb], { env: { OKTA_API_TOKEN: TOKEN } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/INCOMPLETE: group members — .*refused to list group members \(E0000006\)/);
    const listed = await runCli(['snapshots', '--db', cliDb]);
    expect(listed.stdout).toMatch(/incomplete: group members/);
  }, 120_000);

  it('flags an OAuth app without an admin role (200 [] everywhere) instead of empty data', async () => {
    const server = await serve({ oauthWithoutAdminRole: true });
    const { db, result } = await pull(server);
    const kinds = result.gaps.map((gap) => gap.objectKind);
    expect(kinds).toEqual(expect.arrayContaining(['users', 'group members']));
    expect(result.gaps.every((gap) => gap.reason === 'empty-despite-counts')).toBe(true);
    db.close();
  }, 120_000);
});

// Quick refresh on the real fake server and real SQLite: after the org changes, a refresh built on the previous
// snapshot must hash exactly like a fresh full pull of the same state, with fewer requests — also when users are
// deleted (DEPROVISIONED listing / fallback), when cancelled and resumed, and it refuses a base it cannot build on.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../electron/core/fake-okta/generateOrg';
// The org changes a quick refresh must notice, made on the live fake server.
import * as orgChange from '../../electron/core/fake-okta/mutateOrg';
import {
  startFakeOktaServer,
  type FakeOktaServer,
  type FakeOktaServerOptions,
} from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { PullError, pullOrg, type PullOptions, type PullResult } from '../../electron/core/pull/pullOrg';
import { createDispatcher } from '../../electron/core/service/dispatcher';
import { openDatabase, type Db } from '../../electron/core/store/openDatabase';
import { snapshotContentHash } from '../../electron/core/store/snapshotContentHash';
import { createSnapshot, finishSnapshot, getSnapshot } from '../../electron/core/store/snapshots';
import type { JobState } from '../../shared/service/types';
import { runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';
import { waitForJob } from '../helpers/waitForJob';
import { serviceOverFolder } from '../helpers/serviceOverFolder';

const TOKEN = 'quick-refresh-test-token';
const tempDir = useTempDirs();
const servers: FakeOktaServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

async function startOrg(
  seed: string,
  size: { users: number; groups: number; apps: number },
  extra: Partial<FakeOktaServerOptions> = {},
) {
  const server = await startFakeOktaServer({ org: generateOrg({ seed, ...size }), apiToken: TOKEN, ...extra });
  servers.push(server);
  return server;
}

function pull(db: Db, server: FakeOktaServer, options: Partial<PullOptions> = {}): Promise<PullResult> {
  const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN) });
  return pullOrg({ db, client, includeFactors: false, appVersion: 'test', ...options });
}

/** The oracle: a fresh full pull of the org as it is now, in a database of its own. */
async function fullPullElsewhere(
  server: FakeOktaServer,
  includeFactors = false,
): Promise<{ hash: string; result: PullResult; serverRequests: number }> {
  const db = openDatabase(path.join(tempDir(), 'oracle.sqlite'));
  try {
    const before = server.stats().requests;
    const result = await pull(db, server, { includeFactors });
    return {
      hash: snapshotContentHash(db, result.snapshotId),
      result,
      serverRequests: server.stats().requests - before,
    };
  } finally {
    db.close();
  }
}

const taskRows = (db: Db, snapshotId: number, key: string) =>
  db.prepare(`SELECT rows FROM pull_tasks WHERE snapshot_id = ? AND task_key = ?`).pluck().get(snapshotId, key) as
    number | undefined;
const memberListings = (db: Db, snapshotId: number) =>
  db
    .prepare(`SELECT count(*) FROM pull_tasks WHERE snapshot_id = ? AND task_key LIKE 'group-members:%'`)
    .pluck()
    .get(snapshotId) as number;

describe('quick refresh', () => {
  it('after user, member, app and role changes: what a full pull gets, with fewer requests', async () => {
    // The server stamps changes with its clock (the system clock here), as Okta does: after snapshot A started.
    const server = await startOrg('quick-changes', { users: 1500, groups: 120, apps: 25 });
    const org = server.org;
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    const a = await pull(db, server);

    const active = org.users.filter((user) => user.status === 'ACTIVE');
    const [u1, u2, u3, u4, u5, u6] = [active[3]!, active[150]!, active[300]!, active[450]!, active[600]!, active[750]!];
    const withMembers = org.groups.filter(
      (group) => group.type === 'OKTA_GROUP' && (org.groupMembers.get(group.id)?.length ?? 0) > 0,
    );
    const [g1, g2, g3, g4] = [withMembers[0]!, withMembers[1]!, withMembers[2]!, withMembers[3]!];
    const directApp = org.apps.find((app) => (org.directAppAssignments.get(app.id) ?? []).length > 0)!;
    const directUser = org.directAppAssignments.get(directApp.id)![0]!.userId;

    orgChange.updateUser(server, u1.id, { profile: { title: 'Quick refresh tester' } });
    orgChange.updateUser(server, u2.id, { profile: { lastName: 'Renamed' } });
    orgChange.updateUser(server, u3.id, { status: 'SUSPENDED' });
    const newcomer = orgChange.addUser(server, {
      profile: { login: 'new.hire@example.com', firstName: 'New', lastName: 'Hire' },
    });
    orgChange.addGroupMember(server, g1.id, newcomer.id);
    orgChange.deprovisionUser(server, u4.id);
    orgChange.removeGroupMember(server, g2.id, org.groupMembers.get(g2.id)![0]!);
    orgChange.addGroupMember(server, g3.id, u5.id);
    orgChange.assignAppToUser(server, org.apps[1]!.id, u6.id);
    orgChange.unassignAppFromUser(server, directApp.id, directUser);
    orgChange.assignAppToGroup(server, org.apps[2]!.id, g4.id);
    orgChange.assignRoleToUser(server, u5.id, 'READ_ONLY_ADMIN');
    orgChange.assignRoleToGroup(server, g4.id, 'HELP_DESK_ADMIN');

    const before = server.stats().requests;
    const b = await pull(db, server, { quickRefreshFrom: a.snapshotId });
    const quickServerRequests = server.stats().requests - before;
    const c = await fullPullElsewhere(server);

    expect(b.quickRefresh).toEqual({ baseSnapshotId: a.snapshotId, fellBackToFullUserListing: false });
    expect(getSnapshot(db, b.snapshotId)!.baseSnapshotId).toBe(a.snapshotId);
    expect(snapshotContentHash(db, b.snapshotId)).toBe(c.hash);
    expect(snapshotContentHash(db, b.snapshotId)).not.toBe(snapshotContentHash(db, a.snapshotId));
    // Only the changed users were listed again: u1, u2, u3, u4 (deprovisioned) and the newcomer.
    expect(taskRows(db, b.snapshotId, 'users-changed')).toBe(5);
    expect(taskRows(db, b.snapshotId, 'users')).toBeUndefined();
    expect(memberListings(db, b.snapshotId)).toBeLessThan(memberListings(db, a.snapshotId) / 4);
    expect(b.requests).toBeLessThan(c.result.requests);
    expect(quickServerRequests).toBeLessThan(c.serverRequests);
    console.log(
      `quick refresh: ${b.requests} requests (server counted ${quickServerRequests}); full pull: ` +
        `${c.result.requests} (server ${c.serverRequests})`,
    );
    db.close();
  }, 120_000);

  it('sees deleted users: DEPROVISIONED ones by their listing, active ones by the fallback', async () => {
    // Okta's clock 3 minutes behind ours: the 5-minute margin still catches changes stamped "before" the base started.
    const server = await startOrg(
      'quick-deletions',
      { users: 800, groups: 60, apps: 12 },
      { clock: { now: () => Date.now() - 180_000 } },
    );
    const org = server.org;
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    const a = await pull(db, server);

    const deprovisioned = org.users.find((user) => user.status === 'DEPROVISIONED')!;
    orgChange.deleteUser(server, deprovisioned.id);
    orgChange.updateUser(server, org.users.find((user) => user.status === 'ACTIVE')!.id, {
      profile: { department: 'Skewed clock' },
    });
    const b1 = await pull(db, server, { quickRefreshFrom: a.snapshotId });
    expect(b1.quickRefresh?.fellBackToFullUserListing).toBe(false);
    expect(snapshotContentHash(db, b1.snapshotId)).toBe((await fullPullElsewhere(server)).hash);

    // A refresh built on a refresh: an active user deleted outright leaves no trace but the Everyone count.
    orgChange.deleteUser(server, org.users.filter((user) => user.status === 'ACTIVE')[42]!.id);
    const b2 = await pull(db, server, { quickRefreshFrom: b1.snapshotId });
    expect(b2.quickRefresh).toEqual({ baseSnapshotId: b1.snapshotId, fellBackToFullUserListing: true });
    expect(taskRows(db, b2.snapshotId, 'users')).toBeGreaterThan(0); // recorded: the UI can say it fell back
    expect(getSnapshot(db, b2.snapshotId)).toMatchObject({
      baseSnapshotId: b1.snapshotId,
      fellBackToFullUserListing: true,
    });
    expect(getSnapshot(db, b1.snapshotId)!.fellBackToFullUserListing).toBe(false);
    const c2 = await fullPullElsewhere(server);
    expect(snapshotContentHash(db, b2.snapshotId)).toBe(c2.hash);
    expect(b2.requests).toBeLessThan(c2.result.requests); // members and unchanged groups are still copied
    console.log(`quick refresh with fallback: ${b2.requests} requests; full pull: ${c2.result.requests}`);
    db.close();
  }, 120_000);

  it('cancelled mid-way and resumed: the same content (with or without fallback, factors too)', async () => {
    const server = await startOrg('quick-resume', { users: 500, groups: 50, apps: 10 }, { latencyMs: 10 });
    const org = server.org;
    const dir = tempDir();
    const baseFile = path.join(dir, 'base.sqlite');
    const baseDb = openDatabase(baseFile);
    const a = await pull(baseDb, server, { includeFactors: true });
    baseDb.pragma('wal_checkpoint(TRUNCATE)');
    baseDb.close();

    const active = () => org.users.filter((user) => user.status === 'ACTIVE');
    orgChange.updateUser(server, active()[5]!.id, { profile: { title: 'Resumed' } });
    orgChange.addGroupMember(server, org.groups.find((group) => group.type === 'OKTA_GROUP')!.id, active()[7]!.id);
    let interrupted = 0;
    for (const scenario of ['no deletion', 'active user deleted']) {
      if (scenario === 'active user deleted') orgChange.deleteUser(server, active()[9]!.id);
      const expected = (await fullPullElsewhere(server, true)).hash;
      // One event in: before the user step (copy, deletion check); four: after it, among the factor listings.
      for (const abortAfterEvents of [1, 4]) {
        const file = path.join(dir, `resume-${interrupted}-${abortAfterEvents}.sqlite`);
        fs.copyFileSync(baseFile, file);
        const db = openDatabase(file);
        const controller = new AbortController();
        let events = 0;
        const first = await pull(db, server, {
          includeFactors: true,
          quickRefreshFrom: a.snapshotId,
          signal: controller.signal,
          onProgress: () => ++events >= abortAfterEvents && controller.abort(),
        }).catch((error: unknown) => error);
        expect(first).toBeInstanceOf(PullError);
        const snapshotId = (first as PullError).snapshotId;
        expect(getSnapshot(db, snapshotId)).toMatchObject({ status: 'cancelled', baseSnapshotId: a.snapshotId });
        const resumed = await pull(db, server, { includeFactors: true, resumeSnapshotId: snapshotId });
        expect(resumed.quickRefresh?.fellBackToFullUserListing).toBe(scenario === 'active user deleted');
        expect(snapshotContentHash(db, snapshotId)).toBe(expected);
        db.close();
        interrupted++;
      }
    }
    expect(interrupted).toBe(4);
  }, 180_000);

  it('refuses a base it cannot build on, with a clear error and no new snapshot', async () => {
    const server = await startOrg('quick-refusals', { users: 60, groups: 6, apps: 3 });
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    const base = (input: { orgUrl?: string; includeFactors?: boolean; status?: 'complete' | 'failed' }) => {
      const id = createSnapshot(db, {
        orgUrl: input.orgUrl ?? server.url,
        includeFactors: input.includeFactors ?? false,
        appVersion: 'test',
      });
      finishSnapshot(db, id, input.status ?? 'complete');
      return id;
    };
    const other = base({ orgUrl: 'https://other.okta.com' });
    const withFactors = base({ includeFactors: true });
    const failed = base({ status: 'failed' });
    const snapshots = () => db.prepare(`SELECT count(*) FROM snapshots`).pluck().get();
    const count = snapshots();
    await expect(pull(db, server, { quickRefreshFrom: 999 })).rejects.toThrow(
      /there is no snapshot 999 to refresh from/,
    );
    await expect(pull(db, server, { quickRefreshFrom: other })).rejects.toThrow(
      `was pulled from https://other.okta.com, not ${server.url}`,
    );
    await expect(pull(db, server, { quickRefreshFrom: withFactors })).rejects.toThrow(
      /pulled with MFA factors: a quick refresh from it must also be with factors/,
    );
    await expect(pull(db, server, { quickRefreshFrom: failed })).rejects.toThrow(/is failed, not complete/);
    await expect(pull(db, server, { quickRefreshFrom: withFactors, resumeSnapshotId: failed })).rejects.toThrow(
      /continues the way it started/,
    );
    expect(snapshots()).toBe(count);
    db.close();
  });

  it('CLI: --quick needs a complete snapshot of the org (exit 2), then refreshes from the latest one', async () => {
    const server = await startOrg('quick-cli', { users: 80, groups: 8, apps: 4 });
    const dbPath = path.join(tempDir(), 'cache.sqlite');
    const env = { OKTA_API_TOKEN: TOKEN };
    const refused = await runCli(['pull', '--org', server.url, '--db', dbPath, '--quick'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`no complete snapshot of ${server.url} to refresh from: run a full pull first`);
    expect((await runCli(['pull', '--org', server.url, '--db', dbPath], { env })).code).toBe(0);
    const quick = await runCli(['pull', '--org', server.url, '--db', dbPath, '--quick'], { env });
    expect(quick.code).toBe(0);
    expect(quick.stdout).toContain('snapshot 2 of');
    expect(quick.stdout).toContain('quick refresh from snapshot 1');
    const both = await runCli(['pull', '--org', server.url, '--db', dbPath, '--quick', '--resume'], { env });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('drop --quick');
  }, 60_000);

  it('service: pull.start quick refreshes from the latest complete snapshot, or refuses', async () => {
    const server = await startOrg('quick-service', { users: 120, groups: 10, apps: 4 });
    const { service, db } = serviceOverFolder(tempDir(), { transport: 'http' });
    const dispatch = createDispatcher(service, { logger: () => {} });
    const finished = (job: JobState) => waitForJob(() => service['jobs.list']({}), job.id, { pollMs: 50 });
    try {
      await service['connection.save']({ orgUrl: server.url, auth: { kind: 'ssws', token: TOKEN } });
      const refused = await dispatch('pull.start', { includeFactors: false, quick: true });
      expect(refused).toEqual({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: `no complete snapshot of ${server.url} to refresh from: run a full pull first`,
        },
      });
      const full = await finished(await service['pull.start']({ includeFactors: false }));
      expect(full.status).toBe('complete');
      const started = await dispatch('pull.start', { includeFactors: false, quick: true });
      expect(started.ok).toBe(true);
      const quick = await finished((started as { value: JobState }).value);
      expect(quick.status).toBe('complete');
      expect(getSnapshot(db, quick.snapshotId!)!.baseSnapshotId).toBe(full.snapshotId);
      expect(snapshotContentHash(db, quick.snapshotId!)).toBe(snapshotContentHash(db, full.snapshotId!));
    } finally {
      await service.close();
      db.close();
    }
  }, 60_000);
});

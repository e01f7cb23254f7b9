// Group stats decide which member and role listings a pull asks for. Stats that are absent must not cost a group
// its members or roles; stats that lie lose them unless the pull reads every group (`readEveryGroup`).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg, type FakeOrg } from '../../electron/core/fake-okta/generateOrg';
import {
  startFakeOktaServer,
  type FakeOktaServer,
  type FakeOktaServerOptions,
} from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { pullOrg } from '../../electron/core/pull/pullOrg';
import type { Db } from '../../electron/core/store/openDatabase';
import { openDatabase } from '../../electron/core/store/openDatabase';
import { createSnapshot, getSnapshot } from '../../electron/core/store/snapshots';
import { runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'group-stats-token';
const tempDir = useTempDirs();
const servers: FakeOktaServer[] = [];
let org: FakeOrg;
let clean: Access;

interface Access {
  members: string[];
  groupRoles: string[];
}

async function pullFrom(
  options: Omit<FakeOktaServerOptions, 'org' | 'apiToken'>,
  readEveryGroup?: boolean,
): Promise<{ db: Db; snapshotId: number; access: Access }> {
  const server = await startFakeOktaServer({ org, apiToken: TOKEN, ...options });
  servers.push(server);
  const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
  const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN) });
  const result = await pullOrg({ db, client, includeFactors: false, appVersion: 'test', readEveryGroup });
  return { db, snapshotId: result.snapshotId, access: accessOf(db, result.snapshotId) };
}

/** What member and role listings bring: memberships and group role assignments (group rows differ: no stats). */
function accessOf(db: Db, snapshotId: number): Access {
  const rows = (sql: string) => (db.prepare(sql).raw().all(snapshotId) as unknown[][]).map((row) => row.join('|'));
  return {
    members: rows(`SELECT group_id, user_id FROM group_members WHERE snapshot_id = ? ORDER BY 1, 2`),
    groupRoles: rows(
      `SELECT principal_id, assignment_id, role_key FROM role_assignments WHERE snapshot_id = ? AND ` +
        `principal_type = 'group' ORDER BY 1, 2`,
    ),
  };
}

const memberGroup = () =>
  org.groups.find((group) => (org.groupMembers.get(group.id)?.length ?? 0) > 0 && group.type !== 'BUILT_IN')!;
const roleGroup = () => org.groups.find((group) => (org.groupRoleAssignments.get(group.id)?.length ?? 0) > 0)!;

beforeAll(async () => {
  org = generateOrg({ seed: 'group-stats', users: 300, groups: 40, apps: 6 });
  const { db, access } = await pullFrom({});
  clean = access;
  db.close();
  expect(clean.groupRoles.length).toBeGreaterThan(0);
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('group stats and the member / role listings', () => {
  it('stats absent for every group: all members and group roles are pulled, as with stats', async () => {
    const { db, snapshotId, access } = await pullFrom({ groupStats: { absent: 'all' } });
    expect(access).toEqual(clean);
    expect(getSnapshot(db, snapshotId)!.gaps).toEqual([]);
    db.close();
  }, 120_000);

  it('stats absent for some groups: those groups are listed too', async () => {
    const { db, access } = await pullFrom({ groupStats: { absent: [memberGroup().id, roleGroup().id] } });
    expect(access).toEqual(clean);
    db.close();
  }, 120_000);

  it("wrong stats (0 members, no admin) lose that group's members and roles by default", async () => {
    const wrong = [memberGroup().id, roleGroup().id];
    const { db, access } = await pullFrom({ groupStats: { wrong } });
    const withoutWrong = (rows: string[]) => rows.filter((row) => !wrong.includes(row.split('|')[0]!));
    expect(access.members).toEqual(withoutWrong(clean.members));
    expect(access.groupRoles).toEqual(withoutWrong(clean.groupRoles));
    expect(access.members.length).toBeLessThan(clean.members.length);
    expect(access.groupRoles.length).toBeLessThan(clean.groupRoles.length);
    db.close();
  }, 120_000);

  it('wrong stats with readEveryGroup: every group listed, nothing lost, the option recorded', async () => {
    const { db, snapshotId, access } = await pullFrom(
      { groupStats: { wrong: [memberGroup().id, roleGroup().id] } },
      true,
    );
    expect(access).toEqual(clean);
    expect(getSnapshot(db, snapshotId)!.readEveryGroup).toBe(true);
    const roleListings = db
      .prepare(`SELECT count(*) FROM pull_tasks WHERE snapshot_id = ? AND task_key LIKE 'group-roles:%'`)
      .pluck()
      .get(snapshotId);
    expect(roleListings).toBe(org.groups.length);
    db.close();
  }, 120_000);

  it('the CLI takes --read-every-group and gets what wrong stats would lose', async () => {
    const server = await startFakeOktaServer({
      org,
      apiToken: TOKEN,
      groupStats: { wrong: [memberGroup().id, roleGroup().id] },
    });
    servers.push(server);
    const run = async (...extra: string[]) => {
      const result = await runCli(
        ['pull', '--org', server.url, '--db', path.join(tempDir(), 'cli.sqlite'), '--json', ...extra],
        { env: { OKTA_API_TOKEN: TOKEN } },
      );
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout) as { counts: { groupMemberships: number; groupRoleAssignments: number } })
        .counts;
    };
    const trusting = await run();
    const everyGroup = await run('--read-every-group');
    expect(everyGroup.groupMemberships).toBe(clean.members.length);
    expect(everyGroup.groupRoleAssignments).toBe(clean.groupRoles.length);
    expect(trusting.groupMemberships).toBeLessThan(clean.members.length);
  }, 120_000);

  it('a resumed pull reads every group if its snapshot started so; no switching it on half-way', async () => {
    const server = await startFakeOktaServer({
      org,
      apiToken: TOKEN,
      groupStats: { wrong: [memberGroup().id, roleGroup().id] },
    });
    servers.push(server);
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN) });
    const started = createSnapshot(db, {
      orgUrl: server.url,
      includeFactors: false,
      appVersion: 'test',
      readEveryGroup: true,
    });
    const result = await pullOrg({ db, client, includeFactors: false, appVersion: 'test', resumeSnapshotId: started });
    expect(accessOf(db, result.snapshotId)).toEqual(clean);
    const trusting = createSnapshot(db, { orgUrl: server.url, includeFactors: false, appVersion: 'test' });
    await expect(
      pullOrg({
        db,
        client,
        includeFactors: false,
        appVersion: 'test',
        resumeSnapshotId: trusting,
        readEveryGroup: true,
      }),
    ).rejects.toThrow(/started without reading every group; a resumed pull continues the way it started/);
    db.close();
  }, 120_000);
});

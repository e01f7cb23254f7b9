// A 403 on one object's listing (a scoped admin: some groups' members, one app's users) stops only that object: the
// pull completes, every other object is there, the snapshot names the refused ones (gap, warnings) and the export
// says so. A token refused every listing of a kind is concluded denied after a bounded run, as for a whole listing.
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
import { pullOrg } from '../../electron/core/pull/pullOrg';
import type { Db } from '../../electron/core/store/openDatabase';
import { openDatabase } from '../../electron/core/store/openDatabase';
import { getSnapshot } from '../../electron/core/store/snapshots';
import { runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'object-denials-token';
const tempDir = useTempDirs();
const servers: FakeOktaServer[] = [];
let org: FakeOrg;
let clean: { members: string[]; appUsers: string[]; appGroups: string[] };

async function serve(options: Omit<FakeOktaServerOptions, 'org' | 'apiToken'>): Promise<FakeOktaServer> {
  const server = await startFakeOktaServer({ org, apiToken: TOKEN, ...options });
  servers.push(server);
  return server;
}

async function pull(server: FakeOktaServer, workersPerFamily?: number) {
  const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
  const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN) });
  const result = await pullOrg({ db, client, includeFactors: false, appVersion: 'test', workersPerFamily });
  return { db, result };
}

const rowsOf = (db: Db, snapshotId: number, sql: string) =>
  (db.prepare(sql).raw().all(snapshotId) as unknown[][]).map((row) => row.join('|'));
const contentOf = (db: Db, snapshotId: number) => ({
  members: rowsOf(db, snapshotId, `SELECT group_id, user_id FROM group_members WHERE snapshot_id = ? ORDER BY 1, 2`),
  appUsers: rowsOf(db, snapshotId, `SELECT app_id, user_id FROM app_users WHERE snapshot_id = ? ORDER BY 1, 2`),
  appGroups: rowsOf(db, snapshotId, `SELECT app_id, group_id FROM app_groups WHERE snapshot_id = ? ORDER BY 1, 2`),
});
const groupsWithMembers = () =>
  org.groups.filter((group) => (org.groupMembers.get(group.id)?.length ?? 0) > 0 && group.type !== 'BUILT_IN');

beforeAll(async () => {
  org = generateOrg({ seed: 'object-denials', users: 300, groups: 40, apps: 8 });
  const { db, result } = await pull(await serve({}));
  clean = contentOf(db, result.snapshotId);
  db.close();
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('a 403 on one object stops only that object', () => {
  it("two groups refused: the others' members are pulled, the two named, the export says so", async () => {
    const [first, second] = groupsWithMembers();
    const server = await serve({ deniedObjects: [first!.id, second!.id] });
    const { db, result } = await pull(server);
    const denied = new Set([first!.id, second!.id]);
    const got = contentOf(db, result.snapshotId);
    expect(got.members).toEqual(clean.members.filter((row) => !denied.has(row.split('|')[0]!)));
    expect(got.members.length).toBeLessThan(clean.members.length);
    expect(result.gaps).toEqual([
      {
        objectKind: 'group members',
        reason: 'permission-denied-some',
        message: expect.stringContaining('the members of 2 of '),
      },
    ]);
    const message = result.gaps[0]!.message;
    for (const group of [first!, second!])
      expect(message).toContain(`${JSON.stringify(group.profile.name)} (${group.id})`);
    const refusedWarnings = result.warnings.filter((warning) => warning.code === 'object-denied');
    expect(refusedWarnings.map((warning) => warning.message)).toEqual(
      expect.arrayContaining(
        [first!, second!].map((group) =>
          expect.stringContaining(`members of group ${JSON.stringify(group.profile.name)}`),
        ),
      ),
    );
    expect(refusedWarnings).toHaveLength(2);
    const bundle = await exportBundle({ db, snapshotId: result.snapshotId, outDir: tempDir(), appVersion: 'test' });
    expect(bundle.manifest.snapshot.incomplete).toEqual([{ objectKind: 'group members', message }]);
    db.close();
  }, 120_000);

  it("one app refused: its assignments are recorded as missing, every other app's are there", async () => {
    const app = org.apps.find((candidate) => (org.directAppAssignments.get(candidate.id)?.length ?? 0) > 0)!;
    const server = await serve({ deniedObjects: [app.id] });
    const { db, result } = await pull(server);
    const got = contentOf(db, result.snapshotId);
    const others = (rows: string[]) => rows.filter((row) => row.split('|')[0] !== app.id);
    expect(got.appUsers).toEqual(others(clean.appUsers));
    expect(got.appGroups).toEqual(others(clean.appGroups));
    expect(got.members).toEqual(clean.members);
    expect(result.gaps.map((gap) => [gap.objectKind, gap.reason])).toEqual([
      ['app group assignments', 'permission-denied-some'],
      ['app user assignments', 'permission-denied-some'],
    ]);
    for (const gap of result.gaps)
      expect(gap.message).toContain(`of 1 of ${org.apps.length} apps: ${JSON.stringify(app.label)} (${app.id})`);
    expect(getSnapshot(db, result.snapshotId)!.status).toBe('complete');
    db.close();
  }, 120_000);

  it('an admin scoped to one group is never judged denied outright, however many refusals', async () => {
    const withMembers = groupsWithMembers()
      .map((group) => group.id)
      .sort();
    const server = await serve({ deniedObjects: withMembers.slice(1) });
    const { db, result } = await pull(server, 1); // one listing at a time: the allowed group is asked first
    // The refused groups' roles too; user roles were allowed, so admin roles are not concluded denied either.
    expect(result.gaps.map((gap) => [gap.objectKind, gap.reason])).toEqual([
      ['admin roles', 'permission-denied-some'],
      ['group members', 'permission-denied-some'],
    ]);
    expect(result.gaps[1]!.message).toMatch(/the members of \d+ of \d+ groups: .* and \d+ more/s);
    expect(
      contentOf(db, result.snapshotId).members.every((row) => !withMembers.slice(1).includes(row.split('|')[0]!)),
    ).toBe(true);
    expect(result.counts.groupMemberships).toBeGreaterThan(0);
    db.close();
  }, 120_000);

  it('every member listing refused: a bounded run of refusals, then a gap for the kind', async () => {
    const server = await serve({ permissions: { groupMembers: false } });
    const { db, result } = await pull(server);
    const listings = groupsWithMembers().length + 1; // and Everyone
    expect(listings).toBeGreaterThan(28);
    expect(result.gaps).toEqual([
      {
        objectKind: 'group members',
        reason: 'permission-denied',
        message: expect.stringMatching(
          new RegExp(
            String.raw`refused to list group members \(E0000006\).*` +
              String.raw`the first \d+ groups asked and allowed none, so the other \d+ were not asked`,
          ),
        ),
      },
    ]);
    // At most the run (20) plus what was already in flight (4 workers) is asked, not one request per group.
    expect(server.stats().statuses['403']).toBeLessThanOrEqual(20 + 4);
    expect(result.counts.groupMemberships).toBe(0);
    db.close();

    const cliDb = path.join(tempDir(), 'cli.sqlite');
    const run = await runCli(['pull', '--org', server.url, '--db', cliDb], { env: { OKTA_API_TOKEN: TOKEN } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/INCOMPLETE: group members — .*refused to list group members \(E0000006\)/);
  }, 120_000);

  it('the CLI pull and "okta-prep snapshots" show the refused groups', async () => {
    const [first] = groupsWithMembers();
    const server = await serve({ deniedObjects: [first!.id] });
    const cliDb = path.join(tempDir(), 'cli.sqlite');
    const run = await runCli(['pull', '--org', server.url, '--db', cliDb], { env: { OKTA_API_TOKEN: TOKEN } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`INCOMPLETE: group members — Okta refused (403) the members of 1 of `);
    expect(run.stdout).toContain(`${JSON.stringify(first!.profile.name)} (${first!.id})`);
    const listed = await runCli(['snapshots', '--db', cliDb]);
    expect(listed.stdout).toMatch(/incomplete: group members/);
  }, 120_000);
});

describe('quick refresh after a pull with refused groups', () => {
  it('refreshes from that base and asks the refused groups again instead of copying nothing for them', async () => {
    const [refused] = groupsWithMembers();
    const scoped = await serve({ deniedObjects: [refused!.id] });
    const port = Number(new URL(scoped.url).port);
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    const pullWith = (server: FakeOktaServer, quickRefreshFrom?: number) =>
      pullOrg({
        db,
        client: new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN) }),
        includeFactors: false,
        appVersion: 'test',
        quickRefreshFrom,
      });
    const base = await pullWith(scoped);
    expect(base.gaps.map((gap) => gap.reason)).toEqual(['permission-denied-some']);
    await scoped.close();
    const widened = await serve({ port }); // the same org URL, the admin's role now covers every group
    const refreshed = await pullWith(widened, base.snapshotId);
    expect(refreshed.gaps).toEqual([]);
    expect(contentOf(db, refreshed.snapshotId).members).toEqual(clean.members);
    db.close();
  }, 120_000);
});

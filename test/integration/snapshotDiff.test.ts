// Snapshot comparison on the real fake server and real SQLite: known changes made to the org between pulls appear
// exactly (no more, no less), whether either side is a full pull or a quick refresh; the CLI prints and exports them.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIFF_CSV_HEADER, type DiffRow } from '../../shared/audit/snapshotDiff';
import { allDiffRows, diffPage, diffSummary, pagedDiffRows } from '../../electron/core/audit/diff/snapshotDiff';
import { generateOrg, type FakeOrg } from '../../electron/core/fake-okta/generateOrg';
import {
  addGroup,
  addGroupMember,
  addUser,
  assignAppToGroup,
  assignAppToUser,
  assignRoleToUser,
  deleteUser,
  removeGroupMember,
  unassignAppFromGroup,
  unassignAppFromUser,
  unassignRoleFromUser,
  updateApp,
  updateUser,
} from '../../electron/core/fake-okta/mutateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { pullOrg, type PullOptions } from '../../electron/core/pull/pullOrg';
import { openDatabase, type Db } from '../../electron/core/store/openDatabase';
import { runCli } from '../helpers/runCli';
import { serviceOnDb } from '../helpers/serviceOnDb';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'snapshot-diff-test-token';
const tempDir = useTempDirs();

/** A row as a comparable line: kind, change, both ends, detail and status change (names left out). */
const line = (row: DiffRow) =>
  `${row.kind} ${row.change} ${row.principalType}:${row.principalId}` +
  (row.targetType ? ` ${row.targetType}:${row.targetId}` : '') +
  (row.detail !== null ? ` [${row.detail}]` : '') +
  (row.change === 'changed' ? ` ${row.before}->${row.after}` : '');
const diffLines = (db: Db, from: number, to: number) => [...allDiffRows(db, { from, to })].map(line).sort();

// Objects whose changes have no side effect on other kinds, so the expected difference can be written out exactly.
const everyoneOf = (org: FakeOrg) => org.groups.find((group) => group.type === 'BUILT_IN')!;
const groupsWithApps = (org: FakeOrg) =>
  new Set([...org.appGroupAssignments.values()].flatMap((list) => list.map((a) => a.groupId)));
const groupsOf = (org: FakeOrg, userId: string) =>
  [...org.groupMembers].filter(([, members]) => members.includes(userId)).map(([groupId]) => groupId);
/** A group without apps or admin roles: changing its members changes memberships only. */
const quietGroups = (org: FakeOrg) =>
  org.groups.filter(
    (group) =>
      group.type === 'OKTA_GROUP' &&
      !groupsWithApps(org).has(group.id) &&
      !org.groupRoleAssignments.has(group.id) &&
      (org.groupMembers.get(group.id)?.length ?? 0) > 0,
  );
/** An active user with no admin role, no direct app and whose groups are quiet: every change to them is known. */
const plainUsers = (org: FakeOrg) => {
  const quiet = new Set(quietGroups(org).map((group) => group.id));
  const direct = new Set([...org.directAppAssignments.values()].flatMap((list) => list.map((a) => a.userId)));
  return org.users.filter(
    (user) =>
      user.status === 'ACTIVE' &&
      !org.userRoleAssignments.has(user.id) &&
      !direct.has(user.id) &&
      groupsOf(org, user.id).every((groupId) => quiet.has(groupId) || groupId === everyoneOf(org).id),
  );
};

describe('snapshot diff', () => {
  let server: FakeOktaServer;
  let db: Db;
  let dbFile: string;
  const expected1: string[] = [];
  const expected2: string[] = [];
  const ids = { fullA: 0, quickB: 0, fullC: 0, fullD: 0 };

  const pull = async (options: Partial<PullOptions> = {}) => {
    const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN) });
    return (await pullOrg({ db, client, includeFactors: false, appVersion: 'test', ...options })).snapshotId;
  };

  // One long scenario on purpose: each change sits next to the line it must produce, read top to bottom.
  beforeAll(async () => {
    server = await startFakeOktaServer({
      org: generateOrg({ seed: 'snapshot-diff', users: 400, groups: 40, apps: 10 }),
      apiToken: TOKEN,
    });
    const org = server.org;
    // Everyone gets no app, so a new user (who joins Everyone) reaches no app through it.
    const everyone = everyoneOf(org);
    for (const [appId, list] of org.appGroupAssignments)
      if (list.some((a) => a.groupId === everyone.id)) unassignAppFromGroup(server, appId, everyone.id);
    dbFile = path.join(tempDir(), 'cache.sqlite');
    db = openDatabase(dbFile);
    ids.fullA = await pull();

    // Changes 1: between the full pull A and the quick refresh B (and the full pull C of the same state).
    const [quiet1, quiet2] = quietGroups(org);
    const [suspended, directTaker, roleTaker] = plainUsers(org);
    const leaver = org.groupMembers.get(quiet2!.id)![0]!;
    updateUser(server, suspended!.id, { status: 'SUSPENDED' });
    expected1.push(`users changed user:${suspended!.id} ACTIVE->SUSPENDED`);
    const newcomer = addUser(server, {
      profile: { login: 'diff.newcomer@example.com', firstName: 'N', lastName: 'C' },
    });
    expected1.push(`users added user:${newcomer.id} [ACTIVE]`);
    expected1.push(`memberships added user:${newcomer.id} group:${everyone.id}`);
    addGroupMember(server, quiet1!.id, newcomer.id);
    expected1.push(`memberships added user:${newcomer.id} group:${quiet1!.id}`);
    removeGroupMember(server, quiet2!.id, leaver);
    expected1.push(`memberships removed user:${leaver} group:${quiet2!.id}`);
    const emptyGroup = addGroup(server, { name: 'Diff test group' });
    expected1.push(`groups added group:${emptyGroup.id} [OKTA_GROUP]`);
    const [app1, app2, app3] = org.apps.filter((app) => app.status === 'ACTIVE');
    assignAppToGroup(server, app1!.id, emptyGroup.id, 0);
    expected1.push(`groupAppAssignments added group:${emptyGroup.id} app:${app1!.id}`);
    assignAppToUser(server, app2!.id, directTaker!.id);
    expected1.push(`appAssignments added user:${directTaker!.id} app:${app2!.id} [direct]`);
    // A user reaching an app through one group only, then assigned it directly: the scope changes, GROUP to USER.
    const [viaApp, viaUser] = org.apps.flatMap((app) => {
      const groups = (org.appGroupAssignments.get(app.id) ?? []).map((a) => a.groupId);
      const direct = new Set((org.directAppAssignments.get(app.id) ?? []).map((a) => a.userId));
      const reached = groups.flatMap((groupId) => org.groupMembers.get(groupId) ?? []);
      const once = reached.find((id) => !direct.has(id) && reached.indexOf(id) === reached.lastIndexOf(id));
      return once ? [[app, once] as const] : [];
    })[0]!;
    assignAppToUser(server, viaApp.id, viaUser);
    expected1.push(
      `appAssignments removed user:${viaUser} app:${viaApp.id} [via group]`,
      `appAssignments added user:${viaUser} app:${viaApp.id} [direct]`,
    );
    const role = assignRoleToUser(server, roleTaker!.id, 'READ_ONLY_ADMIN');
    expected1.push(`roleAssignments added user:${roleTaker!.id} role:READ_ONLY_ADMIN`);
    updateApp(server, app3!.id, { status: 'INACTIVE' });
    expected1.push(`apps changed app:${app3!.id} ACTIVE->INACTIVE`);
    ids.quickB = await pull({ quickRefreshFrom: ids.fullA });
    ids.fullC = await pull();

    // Changes 2: after B and C, seen by the full pull D.
    // A plain user's groups are quiet: deleting them loses those memberships and nothing else.
    const gone = plainUsers(org).find((user) => ![suspended, directTaker, roleTaker].includes(user))!;
    expected2.push(
      `users removed user:${gone.id} [ACTIVE]`,
      ...groupsOf(org, gone.id).map((groupId) => `memberships removed user:${gone.id} group:${groupId}`),
    );
    deleteUser(server, gone.id);
    unassignRoleFromUser(server, roleTaker!.id, role.id);
    expected2.push(`roleAssignments removed user:${roleTaker!.id} role:READ_ONLY_ADMIN`);
    unassignAppFromUser(server, app2!.id, directTaker!.id);
    expected2.push(`appAssignments removed user:${directTaker!.id} app:${app2!.id} [direct]`);
    unassignAppFromGroup(server, app1!.id, emptyGroup.id);
    expected2.push(`groupAppAssignments removed group:${emptyGroup.id} app:${app1!.id}`);
    updateUser(server, suspended!.id, { status: 'ACTIVE' });
    expected2.push(`users changed user:${suspended!.id} SUSPENDED->ACTIVE`);
    ids.fullD = await pull();
  }, 120_000);

  afterAll(async () => {
    db?.close();
    await server?.close();
  });

  it('shows exactly the changes between a full pull and a quick refresh, and a full pull of that state', () => {
    expect(diffLines(db, ids.fullA, ids.quickB)).toEqual([...expected1].sort());
    expect(diffLines(db, ids.fullA, ids.fullC)).toEqual([...expected1].sort());
    // The quick refresh and the full pull of one state do not differ, either way round.
    expect(diffLines(db, ids.quickB, ids.fullC)).toEqual([]);
    expect(diffLines(db, ids.fullC, ids.quickB)).toEqual([]);
  });

  it('shows exactly the later changes from a quick refresh to a full pull, and the reverse with signs swapped', () => {
    expect(diffLines(db, ids.quickB, ids.fullD)).toEqual([...expected2].sort());
    const swapped = expected2.map((text) =>
      text.replace(' removed ', ' added ').replace(/ (SUSPENDED)->(ACTIVE)$/, ' $2->$1'),
    );
    expect(diffLines(db, ids.fullD, ids.quickB)).toEqual(swapped.sort());
  });

  it('counts per kind and pages through one kind with names from the snapshot each row is in', () => {
    const summary = diffSummary(db, { from: ids.fullA, to: ids.quickB });
    const counts = Object.fromEntries(summary.counts.map((c) => [c.kind, [c.added, c.removed, c.changed]]));
    expect(counts).toEqual({
      users: [1, 0, 1],
      groups: [1, 0, null],
      apps: [0, 0, 1],
      memberships: [2, 1, null],
      appAssignments: [2, 1, null],
      groupAppAssignments: [1, 0, null],
      roleAssignments: [1, 0, null],
    });
    expect(summary.to.baseSnapshotId).toBe(ids.fullA);
    expect(summary.notes).toEqual([]);
    const first = diffPage(db, { from: ids.fullA, to: ids.quickB }, { kind: 'memberships', change: 'added', limit: 1 });
    const second = diffPage(
      db,
      { from: ids.fullA, to: ids.quickB },
      { kind: 'memberships', change: 'added', after: first.next, limit: 1 },
    );
    expect([first.total, first.rows.length, second.rows.length]).toEqual([2, 1, 1]);
    const third = diffPage(
      db,
      { from: ids.fullA, to: ids.quickB },
      { kind: 'memberships', change: 'added', after: second.next, limit: 1 },
    );
    expect(third.rows, 'the page after the last row').toEqual([]);
    expect(third.next).toBeNull();
    // Every kind paged one row at a time by its cursor gives the rows the CSV export lists, none lost or repeated.
    const pair = { from: ids.fullA, to: ids.quickB };
    expect([...pagedDiffRows(db, pair, 1)].map(line)).toEqual([...allDiffRows(db, pair)].map(line));
    expect(first.rows[0]!.principalName).toBe('diff.newcomer@example.com');
    expect(new Set([first.rows[0]!.targetId, second.rows[0]!.targetId]).size).toBe(2);
  });

  it('okta-prep diff prints the counts and writes every row to a private CSV', async () => {
    const out = path.join(tempDir(), 'diff.csv');
    const run = await runCli(['diff', '--db', dbFile, String(ids.fullA), String(ids.quickB), '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^users\s+1\s+0\s+1$/m);
    expect(run.stdout).toMatch(/^group memberships\s+2\s+1\s+-$/m);
    expect(run.stdout).toContain('user app assignments gained (2):');
    expect(run.stdout).toMatch(/^ {2}- user \S+ \(\S+\) → app \S+ \(.+\) \[via group\]$/m);
    expect(run.stdout).toContain(`wrote ${expected1.length} rows to ${out}`);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const [header, ...records] = parse(fs.readFileSync(out), { bom: false });
    expect(header).toEqual([...DIFF_CSV_HEADER]);
    expect(records.map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`).sort()).toEqual(
      [...allDiffRows(db, { from: ids.fullA, to: ids.quickB })]
        .map((r) => `${r.kind} ${r.change} ${r.principalType}:${r.principalId}`)
        .sort(),
    );
  });

  it('okta-prep diff --json gives the summary and first rows; a missing snapshot is a usage error', async () => {
    const run = await runCli(['diff', '--db', dbFile, String(ids.quickB), String(ids.fullD), '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { counts: { kind: string; removed: number }[]; details: unknown[] };
    expect(result.counts.find((c) => c.kind === 'users')!.removed).toBe(1);
    // One page per kind and change that has rows: users removed and changed, memberships, three assignment kinds.
    expect(result.details).toHaveLength(6);
    const missing = await runCli(['diff', '--db', dbFile, String(ids.fullA), '999']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('there is no snapshot 999 in this cache');
    const one = await runCli(['diff', '--db', dbFile, '1']);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('diff needs two snapshot ids');
  });

  it('audit.diff: the summary, one page of one kind, and a clear refusal of what cannot be compared', async () => {
    const { service, dispatch } = serviceOnDb(db, tempDir());
    try {
      const pair = { fromSnapshotId: ids.fullA, toSnapshotId: ids.quickB };
      const result = await dispatch('audit.diff', {
        ...pair,
        page: { kind: 'users', change: 'changed', limit: 10 },
      });
      expect(result.ok).toBe(true);
      const { summary, page } = (result as { value: Awaited<ReturnType<(typeof service)['audit.diff']>> }).value;
      expect(summary.counts.find((c) => c.kind === 'users')).toEqual({
        kind: 'users',
        added: 1,
        removed: 0,
        changed: 1,
      });
      expect(page!.rows.map(line)).toEqual(expected1.filter((text) => text.startsWith('users changed')));
      expect(page!.total).toBe(1);
      const sameSnapshot = await dispatch('audit.diff', { fromSnapshotId: ids.fullA, toSnapshotId: ids.fullA });
      expect(sameSnapshot).toEqual({
        ok: false,
        error: { code: 'BAD_INPUT', message: `both snapshots are ${ids.fullA}: compare two different snapshots` },
      });
      const noStatus = await dispatch('audit.diff', {
        ...pair,
        page: { kind: 'groups', change: 'changed', limit: 5 },
      });
      expect(noStatus).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', message: expect.stringContaining('groups have no status') },
      });
      const badKind = await dispatch('audit.diff', {
        ...pair,
        page: { kind: 'factors', change: 'added', limit: 5 },
      });
      expect(badKind).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } });
    } finally {
      await service.close();
    }
  });
});

// Effective access with reasons on the real fake server and SQLite: every path by which a user holds an app, a role,
// a group and a factor; the reverse for an app and a group; keyset pages; paths gone after a re-pull.
import { afterAll, describe, expect, it } from 'vitest';
import { accessPage, allAccessRows } from '../../../electron/core/audit/access/accessPages';
import { AuditError } from '../../../electron/core/audit/auditSnapshot';
import {
  addGroupMember,
  assignAppToGroup,
  assignAppToUser,
  assignRoleToGroup,
  assignRoleToUser,
  unassignAppFromGroup,
} from '../../../electron/core/fake-okta/mutateOrg';
import type { Db } from '../../../electron/core/store/openDatabase';
import type { AccessPathRow } from '../../../shared/audit/auditTypes';
import { openTestDb, pullTidyOrg, startTidyOrg, type TidyOrg } from '../../helpers/tidyOrg';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const closers: (() => unknown)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

async function tidyOrgAndDb(): Promise<{ tidy: TidyOrg; db: Db }> {
  const tidy = await startTidyOrg();
  const db = openTestDb(tempDir());
  closers.push(
    () => tidy.server.close(),
    () => db.close(),
  );
  return { tidy, db };
}

const paths = (rows: AccessPathRow[], kind: string, objectId: string) =>
  rows.filter((row) => row.kind === kind && row.objectId === objectId).map((row) => [row.path, row.viaGroupId]);

describe('a user reaching one app directly and through two groups', () => {
  it('shows all three paths; after the group assignments are removed and re-pulled, only the direct one', async () => {
    const { tidy, db } = await tidyOrgAndDb();
    const [user] = tidy.users;
    assignAppToUser(tidy.server, tidy.appA, user!);
    assignAppToGroup(tidy.server, tidy.appA, tidy.groupB);
    addGroupMember(tidy.server, tidy.groupB, user!);
    const first = await pullTidyOrg(db, tidy);
    const before = accessPage(db, first, { subject: { kind: 'user', id: user! } });
    expect(paths(before.rows, 'app', tidy.appA)).toEqual([
      ['direct', null],
      ...[tidy.groupA, tidy.groupB]
        .map((groupId) => ({ groupId, name: tidy.org.groups.find((g) => g.id === groupId)!.profile.name }))
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map(({ groupId }) => ['group', groupId]),
    ]);
    expect(before.next).toBeNull();

    unassignAppFromGroup(tidy.server, tidy.appA, tidy.groupA);
    unassignAppFromGroup(tidy.server, tidy.appA, tidy.groupB);
    const second = await pullTidyOrg(db, tidy);
    const after = accessPage(db, second, { subject: { kind: 'user', id: user! } });
    expect(paths(after.rows, 'app', tidy.appA)).toEqual([['direct', null]]);
    // the first snapshot keeps what was true when it was pulled
    expect(paths(accessPage(db, first, { subject: { kind: 'user', id: user! } }).rows, 'app', tidy.appA)).toHaveLength(
      3,
    );
  });
});

describe('roles, groups and factors', () => {
  it("lists direct and group admin roles with a custom role's resource set, memberships and factors", async () => {
    const { tidy, db } = await tidyOrgAndDb();
    const user = tidy.users[2]!;
    const custom = tidy.org.customRoles[0]!;
    assignRoleToUser(tidy.server, user, { customRoleId: custom.id, resourceSetId: 'iamTargetSet000000001' });
    assignRoleToGroup(tidy.server, tidy.groupB, 'HELP_DESK_ADMIN');
    const snapshotId = await pullTidyOrg(db, tidy);
    const { rows } = accessPage(db, snapshotId, { subject: { kind: 'user', id: user } });
    const roles = rows.filter((row) => row.kind === 'role');
    expect(roles.map((row) => [row.objectId, row.path, row.viaGroupId, row.detail]).sort()).toEqual(
      [
        [custom.id, 'direct', null, 'iamTargetSet000000001'],
        ['HELP_DESK_ADMIN', 'group', tidy.groupB, null],
      ].sort(),
    );
    expect(
      rows
        .filter((row) => row.kind === 'group')
        .map((row) => row.objectId)
        .sort(),
    ).toEqual([tidy.everyone, tidy.groupB].sort());
    expect(rows.filter((row) => row.kind === 'factor').map((row) => [row.objectName, row.detail])).toEqual([
      ['push', 'ACTIVE OKTA'],
    ]);
    expect(new Set(rows.map((row) => row.userId))).toEqual(new Set([user]));
  });
});

describe('the reverse: an app and a group', () => {
  it('lists who reaches an app and how, and what a group grants its members', async () => {
    const { tidy, db } = await tidyOrgAndDb();
    assignAppToUser(tidy.server, tidy.appA, tidy.users[2]!);
    assignRoleToGroup(tidy.server, tidy.groupA, 'READ_ONLY_ADMIN');
    const snapshotId = await pullTidyOrg(db, tidy);
    const app = accessPage(db, snapshotId, { subject: { kind: 'app', id: tidy.appA } });
    expect(app.rows.map((row) => [row.userId, row.path, row.viaGroupId]).sort()).toEqual(
      [
        [tidy.users[0], 'group', tidy.groupA],
        [tidy.users[1], 'group', tidy.groupA],
        [tidy.users[2], 'direct', null],
      ].sort(),
    );
    const group = accessPage(db, snapshotId, { subject: { kind: 'group', id: tidy.groupA } });
    expect(group.rows.map((row) => [row.userId, row.kind, row.objectId]).sort()).toEqual(
      [
        [tidy.users[0], 'app', tidy.appA],
        [tidy.users[0], 'group', tidy.groupA],
        [tidy.users[0], 'role', 'READ_ONLY_ADMIN'],
        [tidy.users[1], 'app', tidy.appA],
        [tidy.users[1], 'group', tidy.groupA],
        [tidy.users[1], 'role', 'READ_ONLY_ADMIN'],
      ].sort(),
    );
  });
});

describe('pages', () => {
  it('walks every user once with a keyset cursor, the same rows as one big page', async () => {
    const { tidy, db } = await tidyOrgAndDb();
    const snapshotId = await pullTidyOrg(db, tidy);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = accessPage(db, snapshotId, { subject: { kind: 'user' }, after, limit: 1 });
      seen.push(...new Set(page.rows.map((row) => row.userId)));
      after = page.next;
      pages++;
    } while (after !== null && pages < 10);
    expect(seen).toEqual([...tidy.users].sort());
    expect([...allAccessRows(db, snapshotId, { kind: 'user' })]).toEqual(
      accessPage(db, snapshotId, { subject: { kind: 'user' }, limit: 1000 }).rows,
    );
  });

  it('refuses an app, group or user that is not in the snapshot, naming it', async () => {
    const { tidy, db } = await tidyOrgAndDb();
    const snapshotId = await pullTidyOrg(db, tidy);
    expect(() => accessPage(db, snapshotId, { subject: { kind: 'app', id: '0oaMissing' } })).toThrow(
      new AuditError(`app 0oaMissing is not in snapshot ${snapshotId}`, 'not-found'),
    );
    expect(() => accessPage(db, snapshotId, { subject: { kind: 'user', id: '00uMissing' } })).toThrow(/00uMissing/);
  });
});

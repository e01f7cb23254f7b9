// Finds lists Okta answered with nothing although the org's own counts say otherwise — what an OAuth service app
// without an admin role gets (200 [] instead of an error). Such a snapshot is flagged, never silently empty.
// Groups whose listing Okta refused (403, kept in the snapshot's log) are left out of the counts: their gap is
// recorded.
import type { Db } from '../store/openDatabase';
import type { SnapshotGap } from '../store/snapshots';
import { OBJECT_DENIED } from './deniedObjects';

const one = (db: Db, sql: string, snapshotId: number) =>
  (db.prepare(sql).pluck().get(snapshotId) as number | null) ?? 0;

/** Groups whose `kindName` listing Okta refused (403, in the snapshot's log): their emptiness is already explained. */
const notRefused = (kindName: string) =>
  `id NOT IN (SELECT substr(subject, ${kindName.length + 2}) FROM snapshot_log l WHERE l.snapshot_id = ` +
  `groups.snapshot_id AND l.code = '${OBJECT_DENIED}' AND l.subject LIKE '${kindName}:%')`;

/** One number from a query over the snapshot (its only parameter). */
type Count = (sql: string) => number;

const gap = (objectKind: string, message: string): SnapshotGap => ({
  objectKind,
  reason: 'empty-despite-counts',
  message,
});

export function detectSilentGaps(db: Db, snapshotId: number): SnapshotGap[] {
  const count: Count = (sql) => one(db, sql, snapshotId);
  return [usersGap(count), groupMembersGap(count), appsGap(count), adminRolesGap(count)].filter(
    (found): found is SnapshotGap => found !== undefined,
  );
}

function usersGap(count: Count): SnapshotGap | undefined {
  const everyone = count(`SELECT max(users_count) FROM groups WHERE snapshot_id = ? AND type = 'BUILT_IN'`);
  if (everyone <= 0 || count(`SELECT count(*) FROM users WHERE snapshot_id = ?`) > 0) return undefined;
  return gap(
    'users',
    `Okta listed no users although the Everyone group counts ${everyone}: the credentials probably lack an ` +
      `admin role that can view users`,
  );
}

function groupMembersGap(count: Count): SnapshotGap | undefined {
  const groupsWithMembers = count(
    `SELECT count(*) FROM groups WHERE snapshot_id = ? AND users_count > 0 AND ${notRefused('group-members')}`,
  );
  const groupsListed = count(`SELECT count(DISTINCT group_id) FROM group_members WHERE snapshot_id = ?`);
  if (groupsWithMembers === 0 || groupsListed > 0) return undefined;
  return gap(
    'group members',
    `Okta listed no members for any of the ${groupsWithMembers} groups whose counts say they have members: ` +
      `group-granted access is not connected to users (grant "manage group membership" or an admin role)`,
  );
}

/** No apps at all, or apps but no group assignment, while groups count app assignments. */
function appsGap(count: Count): SnapshotGap | undefined {
  const groupsWithApps = count(`SELECT count(*) FROM groups WHERE snapshot_id = ? AND apps_count > 0`);
  if (groupsWithApps === 0) return undefined;
  if (count(`SELECT count(*) FROM apps WHERE snapshot_id = ?`) === 0) {
    return gap(
      'apps',
      `Okta listed no apps although ${groupsWithApps} groups count app assignments: the credentials probably ` +
        `cannot view applications`,
    );
  }
  if (count(`SELECT count(*) FROM app_groups WHERE snapshot_id = ?`) > 0) return undefined;
  return gap(
    'app group assignments',
    `Okta listed no group assignments for any app although ${groupsWithApps} groups count app assignments`,
  );
}

function adminRolesGap(count: Count): SnapshotGap | undefined {
  const adminGroups = count(
    `SELECT count(*) FROM groups WHERE snapshot_id = ? AND has_admin_privilege = 1 AND ${notRefused('group-roles')}`,
  );
  const groupRoles = count(`SELECT count(*) FROM role_assignments WHERE snapshot_id = ? AND principal_type = 'group'`);
  if (adminGroups === 0 || groupRoles > 0) return undefined;
  return gap(
    'admin roles',
    `Okta listed no roles for the ${adminGroups} groups it marks as holding admin privileges: the ` +
      `credentials probably cannot view roles`,
  );
}

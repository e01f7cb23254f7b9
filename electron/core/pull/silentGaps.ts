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

export function detectSilentGaps(db: Db, snapshotId: number): SnapshotGap[] {
  const gaps: SnapshotGap[] = [];
  const reason = 'empty-despite-counts';
  const everyone = one(
    db,
    `SELECT max(users_count) FROM groups WHERE snapshot_id = ? AND type = 'BUILT_IN'`,
    snapshotId,
  );
  if (everyone > 0 && one(db, `SELECT count(*) FROM users WHERE snapshot_id = ?`, snapshotId) === 0) {
    gaps.push({
      objectKind: 'users',
      reason,
      message:
        `Okta listed no users although the Everyone group counts ${everyone}: the credentials probably lack an ` +
        `admin role that can view users`,
    });
  }
  const groupsWithMembers = one(
    db,
    `SELECT count(*) FROM groups WHERE snapshot_id = ? AND users_count > 0 AND ${notRefused('group-members')}`,
    snapshotId,
  );
  const groupsListed = one(db, `SELECT count(DISTINCT group_id) FROM group_members WHERE snapshot_id = ?`, snapshotId);
  if (groupsWithMembers > 0 && groupsListed === 0) {
    gaps.push({
      objectKind: 'group members',
      reason,
      message:
        `Okta listed no members for any of the ${groupsWithMembers} groups whose counts say they have members: ` +
        `group-granted access is not connected to users (grant "manage group membership" or an admin role)`,
    });
  }
  const groupsWithApps = one(db, `SELECT count(*) FROM groups WHERE snapshot_id = ? AND apps_count > 0`, snapshotId);
  if (groupsWithApps > 0 && one(db, `SELECT count(*) FROM apps WHERE snapshot_id = ?`, snapshotId) === 0) {
    gaps.push({
      objectKind: 'apps',
      reason,
      message:
        `Okta listed no apps although ${groupsWithApps} groups count app assignments: the credentials probably ` +
        `cannot view applications`,
    });
  } else if (groupsWithApps > 0 && one(db, `SELECT count(*) FROM app_groups WHERE snapshot_id = ?`, snapshotId) === 0) {
    gaps.push({
      objectKind: 'app group assignments',
      reason,
      message: `Okta listed no group assignments for any app although ${groupsWithApps} groups count app assignments`,
    });
  }
  const adminGroups = one(
    db,
    `SELECT count(*) FROM groups WHERE snapshot_id = ? AND has_admin_privilege = 1 AND ${notRefused('group-roles')}`,
    snapshotId,
  );
  if (
    adminGroups > 0 &&
    one(db, `SELECT count(*) FROM role_assignments WHERE snapshot_id = ? AND principal_type = 'group'`, snapshotId) ===
      0
  ) {
    gaps.push({
      objectKind: 'admin roles',
      reason,
      message:
        `Okta listed no roles for the ${adminGroups} groups it marks as holding admin privileges: the ` +
        `credentials probably cannot view roles`,
    });
  }
  return gaps;
}

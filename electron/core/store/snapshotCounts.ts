// Counts the objects of one snapshot, per kind (for summaries, the manifest and the UI).
import type { Db } from './openDatabase';

export interface SnapshotCounts {
  users: number;
  groups: number;
  groupMemberships: number;
  apps: number;
  appUserAssignments: number;
  directAppAssignments: number;
  appGroupAssignments: number;
  roles: number;
  userRoleAssignments: number;
  groupRoleAssignments: number;
  factors: number;
}

export function countSnapshotObjects(db: Db, snapshotId: number): SnapshotCounts {
  const count = (sql: string) => (db.prepare(sql).pluck().get(snapshotId) as number) ?? 0;
  return {
    users: count(`SELECT count(*) FROM users WHERE snapshot_id = ?`),
    groups: count(`SELECT count(*) FROM groups WHERE snapshot_id = ?`),
    groupMemberships: count(`SELECT count(*) FROM group_members WHERE snapshot_id = ?`),
    apps: count(`SELECT count(*) FROM apps WHERE snapshot_id = ?`),
    appUserAssignments: count(`SELECT count(*) FROM app_users WHERE snapshot_id = ?`),
    directAppAssignments: count(`SELECT count(*) FROM app_users WHERE snapshot_id = ? AND scope = 'USER'`),
    appGroupAssignments: count(`SELECT count(*) FROM app_groups WHERE snapshot_id = ?`),
    roles: count(`SELECT count(*) FROM roles WHERE snapshot_id = ?`),
    userRoleAssignments: count(
      `SELECT count(*) FROM role_assignments WHERE snapshot_id = ? AND principal_type = 'user'`,
    ),
    groupRoleAssignments: count(
      `SELECT count(*) FROM role_assignments WHERE snapshot_id = ? AND principal_type = 'group'`,
    ),
    factors: count(`SELECT count(*) FROM factors WHERE snapshot_id = ?`),
  };
}

/** Users per Okta status in the snapshot (the status index answers it), in status order. */
export function countUsersByStatus(db: Db, snapshotId: number): { status: string; users: number }[] {
  return db
    .prepare(`SELECT status, count(*) AS users FROM users WHERE snapshot_id = ? GROUP BY status ORDER BY status`)
    .all(snapshotId) as { status: string; users: number }[];
}

// The report's figures, each one aggregate query over the snapshot (nothing proportional to the org is held): users
// by status, groups, apps by status, admin roles, relations by kind, access paths by kind and admins by role.
// Access paths and admins are counted over the users of the snapshot, as the access CSV lists them.
import { RELATION_ROW_KINDS as RELATION } from '../../../../shared/service/types';
import type { Db } from '../../store/openDatabase';

/** One bar or table row: what is counted, its count, and the key tests and readers find it by. */
export interface CountRow {
  key: string;
  label: string;
  count: number;
}

export interface ReportCounts {
  users: number;
  usersByStatus: CountRow[];
  groups: number;
  apps: number;
  appsByStatus: CountRow[];
  adminRoles: number;
  relationsByKind: CountRow[];
  accessPathsByKind: CountRow[];
  adminsByRole: CountRow[];
}

// A user of the snapshot: one probe of the users table's unique index (an IN over a subquery would build a list of
// every user, and again for each correlated use).
const IS_USER = (column: string) =>
  `EXISTS (SELECT 1 FROM users u WHERE u.snapshot_id = @snapshotId AND u.id = ${column})`;

const RELATION_COUNTS: readonly [string, string][] = [
  [RELATION.member, `SELECT count(*) FROM group_members WHERE snapshot_id = @snapshotId`],
  [RELATION.directApp, `SELECT count(*) FROM app_users WHERE snapshot_id = @snapshotId AND scope = 'USER'`],
  [RELATION.appViaGroup, `SELECT count(*) FROM app_users WHERE snapshot_id = @snapshotId AND scope <> 'USER'`],
  [RELATION.groupApp, `SELECT count(*) FROM app_groups WHERE snapshot_id = @snapshotId`],
  [
    RELATION.adminRole,
    `SELECT count(*) FROM (SELECT DISTINCT principal_type, principal_id, role_key FROM role_assignments
      WHERE snapshot_id = @snapshotId)`,
  ],
];

/**
 * The access CSV's rows per (access_kind, path), counted as accessQueries.ts lists them. Paths through groups start
 * from the few assigned groups (CROSS JOIN keeps that order) and range-scan their members, instead of reading every
 * membership of a million-membership org.
 */
const ACCESS_PATH_COUNTS: readonly { key: string; label: string; sql: string }[] = [
  {
    key: 'app.direct',
    label: 'app, assigned directly',
    sql: `SELECT count(*) FROM app_users au JOIN apps a ON a.snapshot_id = au.snapshot_id AND a.id = au.app_id
           WHERE au.snapshot_id = @snapshotId AND au.scope = 'USER' AND ${IS_USER('au.user_id')}`,
  },
  {
    key: 'app.group',
    label: 'app, through a group',
    sql: `SELECT count(*) FROM app_groups ag
            CROSS JOIN group_members m ON m.snapshot_id = ag.snapshot_id AND m.group_id = ag.group_id
            JOIN apps a ON a.snapshot_id = ag.snapshot_id AND a.id = ag.app_id
            JOIN groups g ON g.snapshot_id = m.snapshot_id AND g.id = m.group_id
           WHERE ag.snapshot_id = @snapshotId AND ${IS_USER('m.user_id')}`,
  },
  {
    key: 'app.group-unresolved',
    label: 'app, group scope unexplained',
    sql: `SELECT count(*) FROM app_users au JOIN apps a ON a.snapshot_id = au.snapshot_id AND a.id = au.app_id
           WHERE au.snapshot_id = @snapshotId AND au.scope <> 'USER' AND ${IS_USER('au.user_id')}
             AND NOT EXISTS (SELECT 1 FROM group_members m JOIN app_groups ag
                               ON ag.snapshot_id = m.snapshot_id AND ag.group_id = m.group_id
                              WHERE m.snapshot_id = au.snapshot_id AND m.user_id = au.user_id
                                AND ag.app_id = au.app_id)`,
  },
  {
    key: 'role.direct',
    label: 'admin role, assigned directly',
    sql: `SELECT count(*) FROM role_assignments WHERE snapshot_id = @snapshotId AND principal_type = 'user'
             AND ${IS_USER('principal_id')}`,
  },
  {
    key: 'role.group',
    label: 'admin role, through a group',
    sql: `SELECT count(*) FROM role_assignments ra
            CROSS JOIN group_members m ON m.snapshot_id = ra.snapshot_id AND m.group_id = ra.principal_id
            JOIN groups g ON g.snapshot_id = m.snapshot_id AND g.id = m.group_id
           WHERE ra.snapshot_id = @snapshotId AND ra.principal_type = 'group' AND ${IS_USER('m.user_id')}`,
  },
  {
    key: 'group.direct',
    label: 'group membership',
    // Users first, each user's memberships from the by-user index: no lookup per membership into users.
    sql: `SELECT count(*) FROM users u
            CROSS JOIN group_members m ON m.snapshot_id = u.snapshot_id AND m.user_id = u.id
            JOIN groups g ON g.snapshot_id = m.snapshot_id AND g.id = m.group_id
           WHERE u.snapshot_id = @snapshotId`,
  },
  {
    key: 'factor.direct',
    label: 'enrolled factor',
    sql: `SELECT count(*) FROM factors WHERE snapshot_id = @snapshotId AND ${IS_USER('user_id')}`,
  },
];

/** Distinct users holding each role, directly or through a group (a user holding it both ways counts once). */
const ADMINS_BY_ROLE_SQL = `
  SELECT h.role_key AS key, coalesce(r.label, h.role_key) AS label, count(DISTINCT h.user_id) AS count
    FROM (SELECT role_key, principal_id AS user_id FROM role_assignments
           WHERE snapshot_id = @snapshotId AND principal_type = 'user'
          UNION ALL
          SELECT ra.role_key, m.user_id FROM role_assignments ra
            CROSS JOIN group_members m ON m.snapshot_id = ra.snapshot_id AND m.group_id = ra.principal_id
            JOIN groups g ON g.snapshot_id = m.snapshot_id AND g.id = m.group_id
           WHERE ra.snapshot_id = @snapshotId AND ra.principal_type = 'group') h
    LEFT JOIN roles r ON r.snapshot_id = @snapshotId AND r.role_key = h.role_key
   WHERE ${IS_USER('h.user_id')}
   GROUP BY h.role_key ORDER BY count DESC, h.role_key`;

function byValue(db: Db, snapshotId: number, table: 'users' | 'apps'): CountRow[] {
  const rows = db
    .prepare(
      `SELECT status AS key, count(*) AS count FROM ${table} WHERE snapshot_id = ? GROUP BY status
        ORDER BY count DESC, status`,
    )
    .all(snapshotId) as { key: string; count: number }[];
  return rows.map((row) => ({ ...row, label: row.key }));
}

export function reportCounts(db: Db, snapshotId: number): ReportCounts {
  const params = { snapshotId };
  const count = (sql: string) => db.prepare(sql).pluck().get(params) as number;
  const usersByStatus = byValue(db, snapshotId, 'users');
  const appsByStatus = byValue(db, snapshotId, 'apps');
  return {
    users: usersByStatus.reduce((sum, row) => sum + row.count, 0),
    usersByStatus,
    groups: count(`SELECT count(*) FROM groups WHERE snapshot_id = @snapshotId`),
    apps: appsByStatus.reduce((sum, row) => sum + row.count, 0),
    appsByStatus,
    adminRoles: count(`SELECT count(*) FROM roles WHERE snapshot_id = @snapshotId`),
    relationsByKind: RELATION_COUNTS.map(([label, sql]) => ({ key: label, label, count: count(sql) })),
    accessPathsByKind: ACCESS_PATH_COUNTS.map(({ key, label, sql }) => ({ key, label, count: count(sql) })),
    adminsByRole: db.prepare(ADMINS_BY_ROLE_SQL).all(params) as CountRow[],
  };
}

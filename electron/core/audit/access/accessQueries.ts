// Every path by which a set of users holds apps, admin roles, groups and factors: one indexed query per kind of path,
// each driven by the users' ids (the by-user indexes), so a page costs the same on a 100,000-user snapshot.
import type { AccessKind, AccessPathKind, AccessPathRow } from '../../../../shared/audit/auditTypes';
import type { Db } from '../../store/openDatabase';

// The users of the page, as a JSON array bound to one parameter (no SQL built from ids).
const PAGE_USERS = `(SELECT value FROM json_each(?))`;

interface QueryRow {
  userId: string;
  objectId: string;
  objectName: string;
  detail: string | null;
  viaGroupId?: string | null;
  viaGroupName?: string | null;
}

interface PathQuery {
  kind: AccessKind;
  path: AccessPathKind;
  sql: string;
}

const PATH_QUERIES: readonly PathQuery[] = [
  {
    kind: 'app',
    path: 'direct',
    // Okta reports scope USER for a direct assignment, also when the user reaches the app through groups as well.
    sql: `SELECT au.user_id AS userId, a.id AS objectId, a.label AS objectName, a.status AS detail
            FROM app_users au JOIN apps a ON a.snapshot_id = au.snapshot_id AND a.id = au.app_id
           WHERE au.snapshot_id = ? AND au.user_id IN ${PAGE_USERS} AND au.scope = 'USER'`,
  },
  {
    kind: 'app',
    path: 'group',
    sql: `SELECT m.user_id AS userId, a.id AS objectId, a.label AS objectName, a.status AS detail,
                 g.id AS viaGroupId, g.name AS viaGroupName
            FROM group_members m
            JOIN app_groups ag ON ag.snapshot_id = m.snapshot_id AND ag.group_id = m.group_id
            JOIN apps a ON a.snapshot_id = ag.snapshot_id AND a.id = ag.app_id
            JOIN groups g ON g.snapshot_id = m.snapshot_id AND g.id = m.group_id
           WHERE m.snapshot_id = ? AND m.user_id IN ${PAGE_USERS}`,
  },
  {
    kind: 'app',
    path: 'group-unresolved',
    // Okta says "through a group" but no membership we pulled explains it: shown rather than silently dropped.
    sql: `SELECT au.user_id AS userId, a.id AS objectId, a.label AS objectName, a.status AS detail
            FROM app_users au JOIN apps a ON a.snapshot_id = au.snapshot_id AND a.id = au.app_id
           WHERE au.snapshot_id = ? AND au.user_id IN ${PAGE_USERS} AND au.scope <> 'USER'
             AND NOT EXISTS (SELECT 1 FROM group_members m JOIN app_groups ag
                               ON ag.snapshot_id = m.snapshot_id AND ag.group_id = m.group_id
                              WHERE m.snapshot_id = au.snapshot_id AND m.user_id = au.user_id
                                AND ag.app_id = au.app_id)`,
  },
  {
    kind: 'role',
    path: 'direct',
    sql: `SELECT ra.principal_id AS userId, ra.role_key AS objectId, coalesce(r.label, ra.role_key) AS objectName,
                 json_extract(ra.raw, '$."resource-set"') AS detail
            FROM role_assignments ra
            LEFT JOIN roles r ON r.snapshot_id = ra.snapshot_id AND r.role_key = ra.role_key
           WHERE ra.snapshot_id = ? AND ra.principal_type = 'user' AND ra.principal_id IN ${PAGE_USERS}`,
  },
  {
    kind: 'role',
    path: 'group',
    sql: `SELECT m.user_id AS userId, ra.role_key AS objectId, coalesce(r.label, ra.role_key) AS objectName,
                 json_extract(ra.raw, '$."resource-set"') AS detail, g.id AS viaGroupId, g.name AS viaGroupName
            FROM group_members m
            JOIN role_assignments ra ON ra.snapshot_id = m.snapshot_id AND ra.principal_type = 'group'
             AND ra.principal_id = m.group_id
            LEFT JOIN roles r ON r.snapshot_id = ra.snapshot_id AND r.role_key = ra.role_key
            JOIN groups g ON g.snapshot_id = m.snapshot_id AND g.id = m.group_id
           WHERE m.snapshot_id = ? AND m.user_id IN ${PAGE_USERS}`,
  },
  {
    kind: 'group',
    path: 'direct',
    sql: `SELECT m.user_id AS userId, g.id AS objectId, g.name AS objectName, g.type AS detail
            FROM group_members m JOIN groups g ON g.snapshot_id = m.snapshot_id AND g.id = m.group_id
           WHERE m.snapshot_id = ? AND m.user_id IN ${PAGE_USERS}`,
  },
  {
    kind: 'factor',
    path: 'direct',
    sql: `SELECT f.user_id AS userId, f.id AS objectId, f.factor_type AS objectName,
                 trim(coalesce(f.status, '') || ' ' || coalesce(f.provider, '')) AS detail
            FROM factors f WHERE f.snapshot_id = ? AND f.user_id IN ${PAGE_USERS}`,
  },
];

const KIND_ORDER: Record<AccessKind, number> = { app: 0, role: 1, group: 2, factor: 3 };
const PATH_ORDER: Record<AccessPathKind, number> = { direct: 0, group: 1, 'group-unresolved': 2 };

/**
 * Every access path of the given users (of the given kinds only, when named), ordered by user (as given), kind,
 * object name and path.
 */
export function accessRowsOfUsers(
  db: Db,
  snapshotId: number,
  userIds: readonly string[],
  kinds?: readonly AccessKind[],
): AccessPathRow[] {
  if (userIds.length === 0) return [];
  const idsJson = JSON.stringify(userIds);
  const users = new Map(
    (
      db
        .prepare(`SELECT id, login, status FROM users WHERE snapshot_id = ? AND id IN ${PAGE_USERS}`)
        .all(snapshotId, idsJson) as { id: string; login: string; status: string }[]
    ).map((user) => [user.id, user]),
  );
  const rows: AccessPathRow[] = [];
  for (const query of PATH_QUERIES) {
    if (kinds && !kinds.includes(query.kind)) continue;
    for (const row of db.prepare(query.sql).all(snapshotId, idsJson) as QueryRow[]) {
      const user = users.get(row.userId);
      rows.push({
        userId: row.userId,
        userLogin: user?.login ?? '',
        userStatus: user?.status ?? '',
        kind: query.kind,
        objectId: row.objectId,
        objectName: row.objectName,
        path: query.path,
        viaGroupId: row.viaGroupId ?? null,
        viaGroupName: row.viaGroupName ?? null,
        detail: row.detail === '' ? null : (row.detail ?? null),
      });
    }
  }
  const position = new Map(userIds.map((id, index) => [id, index]));
  return rows.sort((a, b) => compareRows(a, b, position));
}

function compareRows(a: AccessPathRow, b: AccessPathRow, position: Map<string, number>): number {
  return (
    position.get(a.userId)! - position.get(b.userId)! ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    compareText(a.objectName, b.objectName) ||
    compareText(a.objectId, b.objectId) ||
    PATH_ORDER[a.path] - PATH_ORDER[b.path] ||
    compareText(a.viaGroupName ?? '', b.viaGroupName ?? '') ||
    compareText(a.viaGroupId ?? '', b.viaGroupId ?? '')
  );
}

// Code-unit order, not locale order: the same snapshot gives the same CSV on every machine.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

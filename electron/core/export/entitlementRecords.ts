// Streams a snapshot's access as rows of the flat entitlements file (balkanid-format.md Part A.3), one row per path by
// which a user holds something, sorted by user id then kind, connection and resource (the same snapshot always gives
// the same file). The relation kinds chosen decide which paths are written:
//   groupMembership (+ groupAppAssignment)  user → group → app: a row per app the group is assigned (Connection the
//                                           group, Resource the app); a group assigned no app: one row, user → group
//   directAppAssignment                     user → app (no Connection)
//   userAdminRole                           user → role (Connection the role)
//   groupAdminRole                          user → group → role (Connection the group, Resource the role)
//   flattened group app access              user → app access Okta reports as granted through a group that no
//                                           membership in the snapshot explains (members that could not be listed)
import type { EntitlementRecord } from '../../../shared/balkanid/entitlements';
import type { Db } from '../store/openDatabase';
import type { ExportOptions } from './exportOptions';
import { USER_STATUS_FILTER, statusesParam, type ExportedRelationKind } from './relationRecords';

interface EntitlementRow {
  kind: ExportedRelationKind;
  user_id: string;
  login: string;
  email: string | null;
  user_name: string;
  connection: string | null;
  connection_kind: 'group' | 'role' | null;
  resource: string | null;
  resource_kind: 'app' | 'role' | null;
}

const USER_COLUMNS = `u.id AS user_id, u.login, u.email, u.name AS user_name`;
const MEMBERS = `FROM group_members m
  JOIN users u ON u.snapshot_id = m.snapshot_id AND u.id = m.user_id
  JOIN groups g ON g.snapshot_id = m.snapshot_id AND g.id = m.group_id`;
const ASSIGNED_APPS = `FROM app_groups ag JOIN apps a ON a.snapshot_id = ag.snapshot_id AND a.id = ag.app_id
  WHERE ag.snapshot_id = m.snapshot_id AND ag.group_id = m.group_id`;

type PathKind = 'groupPath' | 'groupOnly' | Exclude<ExportedRelationKind, 'groupMembership' | 'groupAppAssignment'>;

const PATH_SQL: Record<PathKind, string> = {
  groupPath: `SELECT 'groupAppAssignment' AS kind, ${USER_COLUMNS}, g.name AS connection, 'group' AS connection_kind,
  a.label AS resource, 'app' AS resource_kind ${MEMBERS}
  JOIN app_groups ag ON ag.snapshot_id = m.snapshot_id AND ag.group_id = m.group_id
  JOIN apps a ON a.snapshot_id = ag.snapshot_id AND a.id = ag.app_id
 WHERE m.snapshot_id = @snapshotId AND ${USER_STATUS_FILTER}`,
  // Memberships of groups that grant no app (every membership when group app assignments are not exported).
  groupOnly: `SELECT 'groupMembership' AS kind, ${USER_COLUMNS}, g.name AS connection, 'group' AS connection_kind,
  NULL AS resource, NULL AS resource_kind ${MEMBERS}
 WHERE m.snapshot_id = @snapshotId AND ${USER_STATUS_FILTER}
   AND (@withGroupApps = 0 OR NOT EXISTS (SELECT 1 ${ASSIGNED_APPS}))`,
  directAppAssignment: `SELECT 'directAppAssignment' AS kind, ${USER_COLUMNS}, NULL AS connection,
  NULL AS connection_kind, a.label AS resource, 'app' AS resource_kind
  FROM app_users au
  JOIN users u ON u.snapshot_id = au.snapshot_id AND u.id = au.user_id
  JOIN apps a ON a.snapshot_id = au.snapshot_id AND a.id = au.app_id
 WHERE au.snapshot_id = @snapshotId AND au.scope = 'USER' AND ${USER_STATUS_FILTER}`,
  userAdminRole: `SELECT DISTINCT 'userAdminRole' AS kind, ${USER_COLUMNS}, r.label AS connection,
  'role' AS connection_kind, NULL AS resource, NULL AS resource_kind
  FROM role_assignments ra
  JOIN users u ON u.snapshot_id = ra.snapshot_id AND u.id = ra.principal_id
  JOIN roles r ON r.snapshot_id = ra.snapshot_id AND r.role_key = ra.role_key
 WHERE ra.snapshot_id = @snapshotId AND ra.principal_type = 'user' AND ${USER_STATUS_FILTER}`,
  groupAdminRole: `SELECT DISTINCT 'groupAdminRole' AS kind, ${USER_COLUMNS}, g.name AS connection,
  'group' AS connection_kind, r.label AS resource, 'role' AS resource_kind ${MEMBERS}
  JOIN role_assignments ra ON ra.snapshot_id = m.snapshot_id AND ra.principal_type = 'group'
   AND ra.principal_id = m.group_id
  JOIN roles r ON r.snapshot_id = ra.snapshot_id AND r.role_key = ra.role_key
 WHERE m.snapshot_id = @snapshotId AND ${USER_STATUS_FILTER}`,
  groupAppAccessFlattened: `SELECT 'groupAppAccessFlattened' AS kind, ${USER_COLUMNS}, NULL AS connection,
  NULL AS connection_kind, a.label AS resource, 'app' AS resource_kind
  FROM app_users au
  JOIN users u ON u.snapshot_id = au.snapshot_id AND u.id = au.user_id
  JOIN apps a ON a.snapshot_id = au.snapshot_id AND a.id = au.app_id
 WHERE au.snapshot_id = @snapshotId AND au.scope = 'GROUP' AND ${USER_STATUS_FILTER}
   AND NOT EXISTS (SELECT 1 FROM group_members m JOIN app_groups ag ON ag.snapshot_id = m.snapshot_id
       AND ag.group_id = m.group_id
     WHERE m.snapshot_id = au.snapshot_id AND m.user_id = au.user_id AND ag.app_id = au.app_id)`,
};

/** The path queries the options ask for. */
export function entitlementPathKinds(options: ExportOptions): PathKind[] {
  const kinds = options.relationKinds;
  const withGroupApps = kinds.includes('groupAppAssignment');
  return [
    ...(kinds.includes('groupMembership') && withGroupApps ? (['groupPath'] as const) : []),
    ...(kinds.includes('groupMembership') ? (['groupOnly'] as const) : []),
    ...(kinds.includes('directAppAssignment') ? (['directAppAssignment'] as const) : []),
    ...(kinds.includes('userAdminRole') ? (['userAdminRole'] as const) : []),
    ...(kinds.includes('groupAdminRole') ? (['groupAdminRole'] as const) : []),
    ...(options.flattenGroupAppAssignments ? (['groupAppAccessFlattened'] as const) : []),
  ];
}

/** The relation kind a path's rows are counted under (the manifest's `entitlements` counts). */
const PATH_ROW_KIND: Record<PathKind, ExportedRelationKind> = {
  groupPath: 'groupAppAssignment',
  groupOnly: 'groupMembership',
  directAppAssignment: 'directAppAssignment',
  userAdminRole: 'userAdminRole',
  groupAdminRole: 'groupAdminRole',
  groupAppAccessFlattened: 'groupAppAccessFlattened',
};

function pathParams(snapshotId: number, options: ExportOptions) {
  return {
    snapshotId,
    statuses: statusesParam(options),
    withGroupApps: options.relationKinds.includes('groupAppAssignment') ? 1 : 0,
  };
}

/** The rows entitlements.csv gets per relation kind they come from, as the manifest counts them, in one query. */
export function countEntitlementRows(
  db: Db,
  snapshotId: number,
  options: ExportOptions,
): { kind: ExportedRelationKind; rows: number }[] {
  const paths = entitlementPathKinds(options);
  if (paths.length === 0) return [];
  const columns = paths.map((kind) => `(SELECT count(*) FROM (${PATH_SQL[kind]})) AS "${kind}"`);
  const row = db.prepare(`SELECT ${columns.join(',\n')}`).get(pathParams(snapshotId, options)) as Record<
    PathKind,
    number
  >;
  return paths.map((kind) => ({ kind: PATH_ROW_KIND[kind], rows: row[kind] }));
}

export interface EntitlementRecordWithKind {
  record: EntitlementRecord;
  kind: ExportedRelationKind;
}

export function* iterateEntitlementRecords(
  db: Db,
  snapshotId: number,
  project: string,
  options: ExportOptions,
): Generator<EntitlementRecordWithKind> {
  const paths = entitlementPathKinds(options);
  if (paths.length === 0) return;
  const sql =
    `${paths.map((kind) => PATH_SQL[kind]).join('\nUNION ALL\n')}\n` +
    `ORDER BY user_id, kind, connection, resource, connection_kind, resource_kind`;
  for (const row of db.prepare(sql).iterate(pathParams(snapshotId, options)) as IterableIterator<EntitlementRow>)
    yield { kind: row.kind, record: recordOf(row, project, options) };
}

function recordOf(row: EntitlementRow, project: string, { mapping }: ExportOptions): EntitlementRecord {
  const connectionType =
    row.connection_kind === 'group'
      ? mapping.connectionType.groupMembership
      : row.connection_kind === 'role'
        ? mapping.connectionType.userAdminRole
        : '';
  const resourceType = row.resource_kind === null ? '' : mapping.sourceType[row.resource_kind];
  return {
    project,
    privilegeName: mapping.privilegeName[row.kind],
    privilegeValue: 'true',
    email: row.email ?? '',
    userId: row.user_id,
    username: row.login,
    name: row.user_name,
    connection: row.connection ?? '',
    connectionType,
    resource: row.resource ?? '',
    resourceType,
  };
}

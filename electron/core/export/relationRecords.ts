// Streams a snapshot's relations (balkanid-format.md B.2) as BalkanID rows, sorted by parent then child.
// Only relations whose two ends are entities of the snapshot are written; the rest are counted, never silently lost.
import {
  METADATA_VERSION,
  SOURCE_SYSTEM,
  type EntityType,
  type RelationKind,
  type RelationRecord,
} from '../../../shared/balkanid/columns';
import type { Db } from '../store/openDatabase';
import { compactMetadata, orderedPairs } from './entityMetadata';
import {
  RELATION_DETAIL_KEYS,
  RELATION_METADATA_KEYS,
  type RelationDetailKey,
} from '../../../shared/balkanid/metadataKeys';
import type { ExportOptions } from './exportOptions';
import { mappedMetadataKey, type ExportMapping } from '../../../shared/balkanid/exportMapping';

export type ExportedRelationKind = RelationKind | 'groupAppAccessFlattened';

interface RelationRow {
  kind: ExportedRelationKind;
  parent_id: string;
  parent_type: EntityType;
  child_id: string;
  child_type: EntityType;
  detail: string | number | null;
}

// Each kind joins both ends to their entity tables, so a relation never points at a missing entity.
export const KIND_SQL: Record<ExportedRelationKind, string> = {
  groupMembership: `
SELECT 'groupMembership' AS kind, m.user_id AS parent_id, 'identity' AS parent_type, m.group_id AS child_id,
  'connection' AS child_type, NULL AS detail
  FROM group_members m
  JOIN users u ON u.snapshot_id = m.snapshot_id AND u.id = m.user_id
  JOIN groups g ON g.snapshot_id = m.snapshot_id AND g.id = m.group_id
 WHERE m.snapshot_id = @snapshotId`,
  directAppAssignment: `
SELECT 'directAppAssignment' AS kind, au.user_id AS parent_id, 'identity' AS parent_type, au.app_id AS child_id,
  'resource' AS child_type, au.user_name AS detail
  FROM app_users au
  JOIN users u ON u.snapshot_id = au.snapshot_id AND u.id = au.user_id
  JOIN apps a ON a.snapshot_id = au.snapshot_id AND a.id = au.app_id
 WHERE au.snapshot_id = @snapshotId AND au.scope = 'USER'`,
  groupAppAssignment: `
SELECT 'groupAppAssignment' AS kind, ag.group_id AS parent_id, 'connection' AS parent_type, ag.app_id AS child_id,
  'resource' AS child_type, ag.priority AS detail
  FROM app_groups ag
  JOIN groups g ON g.snapshot_id = ag.snapshot_id AND g.id = ag.group_id
  JOIN apps a ON a.snapshot_id = ag.snapshot_id AND a.id = ag.app_id
 WHERE ag.snapshot_id = @snapshotId`,
  userAdminRole: `
SELECT DISTINCT 'userAdminRole' AS kind, ra.principal_id AS parent_id, 'identity' AS parent_type,
  @rolePrefix || ra.role_key AS child_id, 'connection' AS child_type, NULL AS detail
  FROM role_assignments ra
  JOIN users u ON u.snapshot_id = ra.snapshot_id AND u.id = ra.principal_id
  JOIN roles r ON r.snapshot_id = ra.snapshot_id AND r.role_key = ra.role_key
 WHERE ra.snapshot_id = @snapshotId AND ra.principal_type = 'user'`,
  groupAdminRole: `
SELECT DISTINCT 'groupAdminRole' AS kind, ra.principal_id AS parent_id, 'connection' AS parent_type,
  @rolePrefix || ra.role_key AS child_id, 'connection' AS child_type, NULL AS detail
  FROM role_assignments ra
  JOIN groups g ON g.snapshot_id = ra.snapshot_id AND g.id = ra.principal_id
  JOIN roles r ON r.snapshot_id = ra.snapshot_id AND r.role_key = ra.role_key
 WHERE ra.snapshot_id = @snapshotId AND ra.principal_type = 'group'`,
  // Access Okta reports with scope GROUP, written as user → app with the groups that grant it.
  groupAppAccessFlattened: `
SELECT 'groupAppAccessFlattened' AS kind, au.user_id AS parent_id, 'identity' AS parent_type,
  au.app_id AS child_id, 'resource' AS child_type,
       (SELECT group_concat(ag.group_id, ' ') FROM app_groups ag
          JOIN group_members m ON m.snapshot_id = ag.snapshot_id AND m.group_id = ag.group_id AND m.user_id = au.user_id
         WHERE ag.snapshot_id = au.snapshot_id AND ag.app_id = au.app_id) AS detail
  FROM app_users au
  JOIN users u ON u.snapshot_id = au.snapshot_id AND u.id = au.user_id
  JOIN apps a ON a.snapshot_id = au.snapshot_id AND a.id = au.app_id
 WHERE au.snapshot_id = @snapshotId AND au.scope = 'GROUP'`,
};

/** Rows of each kind in the snapshot before joining to entities (to count what could not be written). */
export const KIND_TOTAL_SQL: Record<ExportedRelationKind, string> = {
  groupMembership: `SELECT count(*) FROM group_members WHERE snapshot_id = ?`,
  directAppAssignment: `SELECT count(*) FROM app_users WHERE snapshot_id = ? AND scope = 'USER'`,
  groupAppAssignment: `SELECT count(*) FROM app_groups WHERE snapshot_id = ?`,
  userAdminRole:
    `SELECT count(*) FROM (SELECT DISTINCT principal_id, role_key FROM role_assignments WHERE snapshot_id = ? ` +
    `AND principal_type = 'user')`,
  groupAdminRole:
    `SELECT count(*) FROM (SELECT DISTINCT principal_id, role_key FROM role_assignments WHERE snapshot_id = ? ` +
    `AND principal_type = 'group')`,
  groupAppAccessFlattened: `SELECT count(*) FROM app_users WHERE snapshot_id = ? AND scope = 'GROUP'`,
};

export function exportedRelationKinds(options: ExportOptions): ExportedRelationKind[] {
  return [
    ...options.relationKinds,
    ...(options.flattenGroupAppAssignments ? (['groupAppAccessFlattened'] as const) : []),
  ];
}

export function countRelationsInSnapshot(db: Db, snapshotId: number, kind: ExportedRelationKind): number {
  return db.prepare(KIND_TOTAL_SQL[kind]).pluck().get(snapshotId) as number;
}

/** The detail a kind adds to its metadata: the app username, the assignment priority, the granting groups. */
const DETAIL_READERS: Record<RelationDetailKey, (row: RelationRow) => unknown> = {
  appUsername: (row) => row.detail,
  priority: (row) => row.detail,
  viaGroupIds: (row) =>
    typeof row.detail === 'string' && row.detail !== '' ? row.detail.split(' ').sort() : undefined,
};

function metadataOf(row: RelationRow, project: string, mapping: ExportMapping): string {
  const detailKeys: readonly RelationDetailKey[] = RELATION_DETAIL_KEYS[row.kind];
  return compactMetadata(
    [
      ...orderedPairs(RELATION_METADATA_KEYS, {
        project,
        privilegeName: mapping.privilegeName[row.kind],
        privilegeValue: true,
        connectionType: mapping.connectionType[row.kind],
      }),
      ...detailKeys.map((key) => [key, DETAIL_READERS[key](row)] as const),
    ],
    (key) => mappedMetadataKey(mapping, key),
  );
}

export interface RelationRecordWithKind {
  record: RelationRecord;
  kind: ExportedRelationKind;
}

export function* iterateRelationRecords(
  db: Db,
  snapshotId: number,
  project: string,
  options: ExportOptions,
): Generator<RelationRecordWithKind> {
  const kinds = exportedRelationKinds(options);
  if (kinds.length === 0) return;
  const sql =
    `${kinds.map((kind) => KIND_SQL[kind]).join('\nUNION ALL\n')}\nORDER BY parent_id, parent_type, child_id, ` +
    `child_type, kind`;
  const rolePrefix = options.mapping.roleSourceIdPrefix;
  for (const row of db.prepare(sql).iterate({ snapshotId, rolePrefix }) as IterableIterator<RelationRow>) {
    yield {
      kind: row.kind,
      record: {
        app: SOURCE_SYSTEM,
        parentSourceId: row.parent_id,
        parentEntityType: row.parent_type,
        childSourceId: row.child_id,
        childEntityType: row.child_type,
        sourceSystem: SOURCE_SYSTEM,
        metadataVersion: METADATA_VERSION,
        metadata: metadataOf(row, project, options.mapping),
      },
    };
  }
}

/** Relations of `kind` in the snapshot that the export leaves out because an end was never listed (not an entity). */
export function countRelationsLeftOut(db: Db, snapshotId: number, kind: ExportedRelationKind): number {
  const writable = db
    .prepare(`SELECT count(*) FROM (${KIND_SQL[kind]})`)
    .pluck()
    .get({ snapshotId, rolePrefix: '' }) as number;
  return countRelationsInSnapshot(db, snapshotId, kind) - writable;
}

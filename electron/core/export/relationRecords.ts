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

/** Users of the statuses chosen (`@statuses`: a JSON array), or every user when it is NULL. */
export const USER_STATUS_FILTER = `(@statuses IS NULL OR u.status IN (SELECT value FROM json_each(@statuses)))`;

/** The `@statuses` parameter of USER_STATUS_FILTER for the options. */
export function statusesParam(options: Pick<ExportOptions, 'userStatuses'>): string | null {
  return options.userStatuses === null ? null : JSON.stringify(options.userStatuses);
}

// Each kind joins both ends to their entity tables, so a relation never points at a missing entity.
export const KIND_SQL: Record<ExportedRelationKind, string> = {
  groupMembership: `
SELECT 'groupMembership' AS kind, m.user_id AS parent_id, 'identity' AS parent_type, m.group_id AS child_id,
  'connection' AS child_type, NULL AS detail
  FROM group_members m
  JOIN users u ON u.snapshot_id = m.snapshot_id AND u.id = m.user_id
  JOIN groups g ON g.snapshot_id = m.snapshot_id AND g.id = m.group_id
 WHERE m.snapshot_id = @snapshotId
   AND ${USER_STATUS_FILTER}`,
  directAppAssignment: `
SELECT 'directAppAssignment' AS kind, au.user_id AS parent_id, 'identity' AS parent_type, au.app_id AS child_id,
  'resource' AS child_type, au.user_name AS detail
  FROM app_users au
  JOIN users u ON u.snapshot_id = au.snapshot_id AND u.id = au.user_id
  JOIN apps a ON a.snapshot_id = au.snapshot_id AND a.id = au.app_id
 WHERE au.snapshot_id = @snapshotId AND au.scope = 'USER'
   AND ${USER_STATUS_FILTER}`,
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
 WHERE ra.snapshot_id = @snapshotId AND ra.principal_type = 'user'
   AND ${USER_STATUS_FILTER}`,
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
 WHERE au.snapshot_id = @snapshotId AND au.scope = 'GROUP'
   AND ${USER_STATUS_FILTER}`,
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

/** Columns of a KIND_SQL row read with `.raw()`: arrays, cheaper than an object per row at millions of rows. */
type RawRelationRow = [ExportedRelationKind, string, EntityType, string, EntityType, string | number | null];

/** One kind's rows, parent then child (memberships, the millions, by membershipRows). */
function kindRows(db: Db, kind: ExportedRelationKind, params: RelationParams): Iterable<RawRelationRow> {
  if (kind === 'groupMembership') return membershipRows(db, params);
  const sql = `SELECT * FROM (${KIND_SQL[kind]}) ORDER BY parent_id, child_id`;
  return db.prepare(sql).raw().iterate(params) as IterableIterator<RawRelationRow>;
}

interface RelationParams {
  snapshotId: number;
  rolePrefix: string;
  statuses: string | null;
}

/**
 * KIND_SQL.groupMembership's rows in the same order, several times faster: user by user (the users exported, in id
 * order), each user's groups read at once from the index by user, kept when the group is one of the snapshot's (a
 * set of the group ids) — instead of two index lookups per membership in a join.
 */
function* membershipRows(db: Db, params: RelationParams): Generator<RawRelationRow> {
  const { snapshotId, statuses } = params;
  const groups = new Set(db.prepare(`SELECT id FROM groups WHERE snapshot_id = ?`).pluck().all(snapshotId));
  const groupsOf = db
    .prepare(`SELECT group_id FROM group_members WHERE snapshot_id = ? AND user_id = ? ORDER BY group_id`)
    .pluck();
  const users = db
    .prepare(`SELECT u.id FROM users u WHERE u.snapshot_id = @snapshotId AND ${USER_STATUS_FILTER} ORDER BY u.id`)
    .pluck()
    .iterate({ snapshotId, statuses }) as IterableIterator<string>;
  for (const userId of users)
    for (const groupId of groupsOf.all(snapshotId, userId) as string[])
      if (groups.has(groupId)) yield ['groupMembership', userId, 'identity', groupId, 'connection', null];
}

/** The kind's Metadata when it does not depend on the row (no detail key), computed once instead of per row. */
function constantMetadata(kind: ExportedRelationKind, project: string, mapping: ExportMapping): string | undefined {
  if (RELATION_DETAIL_KEYS[kind].length > 0) return undefined;
  const row = { kind, parent_id: '', parent_type: 'identity', child_id: '', child_type: 'identity', detail: null };
  return metadataOf(row as RelationRow, project, mapping);
}

/** Text order of SQLite's BINARY collation for the ASCII ids and names Okta uses (UTF-16 units here). */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The file's order: parent, parent type, child, child type, kind (the validator checks repeats fastest in it). */
function compareRelations(a: RawRelationRow, b: RawRelationRow): number {
  return (
    compareText(a[1], b[1]) ||
    compareText(a[2], b[2]) ||
    compareText(a[3], b[3]) ||
    compareText(a[4], b[4]) ||
    compareText(a[0], b[0])
  );
}

/**
 * Merges the kinds' streams, each already in the file's order, into one: the heads kept sorted (a handful), so a row
 * mostly costs one comparison — instead of SQLite sorting millions of rows of a UNION ALL in a temporary B-tree.
 */
function* mergeInOrder(streams: Iterable<RawRelationRow>[]): Generator<RawRelationRow> {
  const heads: { row: RawRelationRow; rest: Iterator<RawRelationRow> }[] = [];
  const place = (head: { row: RawRelationRow; rest: Iterator<RawRelationRow> }) => {
    let at = 0;
    while (at < heads.length && compareRelations(heads[at]!.row, head.row) <= 0) at++;
    heads.splice(at, 0, head);
  };
  const iterators = streams.map((stream) => stream[Symbol.iterator]());
  try {
    for (const rest of iterators) {
      const first = rest.next();
      if (!first.done) place({ row: first.value, rest });
    }
    while (heads.length > 0) {
      const head = heads.shift()!;
      yield head.row;
      const next = head.rest.next();
      if (!next.done) place({ row: next.value, rest: head.rest });
    }
  } finally {
    for (const rest of iterators) rest.return?.(); // stopped early: no SQLite statement stays open
  }
}

/** The relations to export, sorted by parent then child (then their types and the kind). */
export function* iterateRelationRecords(
  db: Db,
  snapshotId: number,
  project: string,
  options: ExportOptions,
): Generator<RelationRecordWithKind> {
  const params = { snapshotId, rolePrefix: options.mapping.roleSourceIdPrefix, statuses: statusesParam(options) };
  const kinds = exportedRelationKinds(options);
  const fixed = Object.fromEntries(kinds.map((kind) => [kind, constantMetadata(kind, project, options.mapping)]));
  for (const [kind, parentId, parentType, childId, childType, detail] of mergeInOrder(
    kinds.map((kind) => kindRows(db, kind, params)),
  )) {
    const metadata =
      fixed[kind] ??
      metadataOf(
        { kind, parent_id: parentId, parent_type: parentType, child_id: childId, child_type: childType, detail },
        project,
        options.mapping,
      );
    yield {
      kind,
      record: {
        app: SOURCE_SYSTEM,
        parentSourceId: parentId,
        parentEntityType: parentType,
        childSourceId: childId,
        childEntityType: childType,
        sourceSystem: SOURCE_SYSTEM,
        metadataVersion: METADATA_VERSION,
        metadata,
      },
    };
  }
}

/** Relations of `kind` in the snapshot that the export leaves out because an end was never listed (not an entity). */
export function countRelationsLeftOut(db: Db, snapshotId: number, kind: ExportedRelationKind): number {
  const writable = db
    .prepare(`SELECT count(*) FROM (${KIND_SQL[kind]})`)
    .pluck()
    .get({ snapshotId, rolePrefix: '', statuses: null }) as number;
  return countRelationsInSnapshot(db, snapshotId, kind) - writable;
}

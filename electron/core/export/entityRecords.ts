// Streams a snapshot's entities (users, groups, roles, apps) as BalkanID rows, sorted by Entity Type then Source ID.
import { METADATA_VERSION, SOURCE_SYSTEM, type EntityRecord, type EntityType } from '../../../shared/balkanid/columns';
import type { OktaUser } from '../../../shared/okta/types';
import type { Db } from '../store/openDatabase';
import { appMetadata, groupMetadata, roleMetadata, userMetadata } from './entityMetadata';
import type { ExportOptions } from './exportOptions';
import { mappedMetadataKey } from '../../../shared/balkanid/exportMapping';
import { USER_STATUS_FILTER, statusesParam } from './relationRecords';

export type EntitySourceType = 'user' | 'group' | 'role' | 'app';

interface EntityRow {
  entity_type: EntityType;
  source_type: EntitySourceType;
  source_id: string;
  name: string;
  raw: string | null;
  description: string | null;
  kind: string | null;
  status: string | null;
  created: string | null;
  extra: string | number | null;
  factor_types: string | null;
}

const USERS_SQL = `
SELECT 'identity' AS entity_type, 'user' AS source_type, u.id AS source_id, u.name, u.raw, NULL AS description,
  NULL AS kind, NULL AS status, NULL AS created, NULL AS extra,
       (SELECT group_concat(factor_type, char(31)) FROM factors f
         WHERE f.snapshot_id = u.snapshot_id AND f.user_id = u.id AND f.status = 'ACTIVE') AS factor_types
  FROM users u WHERE u.snapshot_id = @snapshotId AND ${USER_STATUS_FILTER}
 ORDER BY u.id`;

const GROUPS_AND_ROLES_SQL = `
SELECT 'connection' AS entity_type, 'group' AS source_type, g.id AS source_id, g.name, NULL AS raw, g.description,
  g.type AS kind, NULL AS status, g.created, g.last_membership_updated AS extra, NULL AS factor_types
  FROM groups g WHERE g.snapshot_id = @snapshotId
UNION ALL
SELECT 'connection', 'role', @rolePrefix || r.role_key, r.label, NULL, r.description, r.role_type, NULL, NULL,
  r.is_custom, NULL
  FROM roles r WHERE r.snapshot_id = @snapshotId
ORDER BY source_id, source_type`;

const APPS_SQL = `
SELECT 'resource' AS entity_type, 'app' AS source_type, a.id AS source_id, a.label AS name, NULL AS raw,
  NULL AS description, a.name AS kind, a.status, a.created, a.sign_on_mode AS extra, NULL AS factor_types
  FROM apps a WHERE a.snapshot_id = @snapshotId
 ORDER BY a.id`;

export interface EntityRecordWithType {
  record: EntityRecord;
  sourceType: EntitySourceType;
}

/** A user's Metadata: the chosen profile attributes and, when factors were pulled, the active factor types. */
function userMetadataOf(
  row: EntityRow,
  options: ExportOptions,
  factorsPulled: boolean,
  keyName: (key: string) => string,
): string {
  // factor_types is GROUP_CONCAT'ed with the unit separator, which no Okta factor type contains.
  const factorTypes = row.factor_types ? [...new Set(row.factor_types.split('\u001f'))].sort() : [];
  const factors = { pulled: factorsPulled, activeFactorTypes: factorTypes };
  return userMetadata(JSON.parse(row.raw ?? '{}') as OktaUser, options.userAttributes, factors, keyName);
}

function metadataOf(row: EntityRow, options: ExportOptions, factorsPulled: boolean): string {
  const keyName = (key: string) => mappedMetadataKey(options.mapping, key);
  switch (row.source_type) {
    case 'user':
      return userMetadataOf(row, options, factorsPulled, keyName);
    case 'group':
      return groupMetadata(
        {
          description: row.description,
          type: row.kind ?? '',
          created: row.created,
          lastMembershipUpdated: row.extra as string | null,
        },
        keyName,
      );
    case 'role':
      return roleMetadata(
        { roleType: row.kind ?? '', custom: Number(row.extra) === 1, description: row.description },
        keyName,
      );
    case 'app':
      return appMetadata(
        {
          name: row.kind ?? '',
          status: row.status ?? '',
          signOnMode: row.extra as string | null,
          created: row.created,
        },
        keyName,
      );
  }
}

/**
 * The entities in the order written: Entity Type (connection, identity, resource), then Source ID. One query per Entity
 * Type, so the users (each with its raw JSON) stream in the order of their index instead of through a temporary sort.
 */
export function* iterateEntityRecords(
  db: Db,
  snapshotId: number,
  options: ExportOptions,
  factorsPulled: boolean,
): Generator<EntityRecordWithType> {
  const rolePrefix = options.mapping.roleSourceIdPrefix;
  const statuses = statusesParam(options);
  const queries: [string, Record<string, unknown>][] = [
    [GROUPS_AND_ROLES_SQL, { snapshotId, rolePrefix }],
    [USERS_SQL, { snapshotId, statuses }],
    [APPS_SQL, { snapshotId }],
  ];
  for (const [sql, params] of queries)
    for (const values of db.prepare(sql).raw().iterate(params) as IterableIterator<RawEntityRow>) {
      const row = entityRowOf(values);
      yield { sourceType: row.source_type, record: entityRecordOf(row, options, factorsPulled) };
    }
}

/** The columns of the entity queries, in their order, as `.raw()` reads them. */
type RawEntityRow = [
  EntityType,
  EntitySourceType,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | number | null,
  string | null,
];

/**
 * Rows are read as arrays and named here: SQLite's driver builds an object per row several times slower than this
 * literal (measured: 270 ms against 180 ms for 100,000 users).
 */
function entityRowOf(values: RawEntityRow): EntityRow {
  const [entity_type, source_type, source_id, name, raw, description, kind, status, created, extra, factor_types] =
    values;
  return { entity_type, source_type, source_id, name, raw, description, kind, status, created, extra, factor_types };
}

function entityRecordOf(row: EntityRow, options: ExportOptions, factorsPulled: boolean): EntityRecord {
  const metadata = metadataOf(row, options, factorsPulled);
  return {
    app: SOURCE_SYSTEM,
    name: row.name,
    entityType: row.entity_type,
    sourceSystem: SOURCE_SYSTEM,
    sourceId: row.source_id,
    sourceType: options.mapping.sourceType[row.source_type],
    metadataVersion: metadata === '' ? '' : METADATA_VERSION,
    metadata,
  };
}

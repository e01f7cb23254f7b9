// "What will be uploaded": the rows an export of a snapshot with the chosen options writes — per entity type and
// relation kind, or per relation kind of the flat entitlements file — and what those options leave out: relation
// kinds not chosen, users of statuses not chosen (with their relations), relations whose other end was never listed.
// Counted in SQL, without reading a row into memory.
import { RELATION_KINDS } from '../../../shared/balkanid/columns';
import type { ExportSummary } from '../../../shared/service/types';
import type { Db } from '../store/openDatabase';
import { countUsersByStatus } from '../store/snapshotCounts';
import { countEntitlementRows } from './entitlementRecords';
import { resolveExportOptions, type ExportOptions, type ExportOptionsInput } from './exportOptions';
import {
  exportedRelationKinds,
  KIND_SQL,
  KIND_TOTAL_SQL,
  statusesParam,
  USER_STATUS_FILTER,
  type ExportedRelationKind,
} from './relationRecords';

const ALL_KINDS: readonly ExportedRelationKind[] = [...RELATION_KINDS, 'groupAppAccessFlattened'];
const ENTITY_SQL = {
  user: `SELECT count(*) FROM users u WHERE u.snapshot_id = @snapshotId AND ${USER_STATUS_FILTER}`,
  group: `SELECT count(*) FROM groups WHERE snapshot_id = @snapshotId`,
  role: `SELECT count(*) FROM roles WHERE snapshot_id = @snapshotId`,
  app: `SELECT count(*) FROM apps WHERE snapshot_id = @snapshotId`,
};

/** A relation query for users of every status: what the status choice leaves out is the difference. */
const everyStatus = (sql: string) => sql.replaceAll('@statuses', 'NULL');

/**
 * One SELECT of scalar subqueries: entities per type; per relation kind, the rows written, those of users of every
 * status (only when statuses are chosen: otherwise the same) and those in the cache.
 */
function summarySql(byStatus: boolean): string {
  const columns = [
    ...Object.entries(ENTITY_SQL).map(([type, sql]) => `(${sql}) AS "entity:${type}"`),
    ...ALL_KINDS.map((kind) => `(SELECT count(*) FROM (${KIND_SQL[kind]})) AS "written:${kind}"`),
    ...(byStatus
      ? ALL_KINDS.map((kind) => `(SELECT count(*) FROM (${everyStatus(KIND_SQL[kind])})) AS "everyStatus:${kind}"`)
      : []),
    ...ALL_KINDS.map((kind) => `(${KIND_TOTAL_SQL[kind].replace('?', '@snapshotId')}) AS "stored:${kind}"`),
  ];
  return `SELECT ${columns.join(',\n')}`;
}

/** Users per status in the snapshot, each marked with whether the chosen statuses export them. */
function usersByStatus(db: Db, snapshotId: number, options: ExportOptions): ExportSummary['userStatuses'] {
  return countUsersByStatus(db, snapshotId).map((row) => ({
    ...row,
    included: options.userStatuses?.includes(row.status) ?? true,
  }));
}

export function summariseExport(db: Db, snapshotId: number, input: ExportOptionsInput = {}): ExportSummary {
  const options = resolveExportOptions(input);
  const byStatus = options.userStatuses !== null;
  const params = { snapshotId, rolePrefix: '', statuses: statusesParam(options) };
  const row = db.prepare(summarySql(byStatus)).get(params) as Record<string, number>;
  const chosen = new Set(exportedRelationKinds(options));
  return {
    snapshotId,
    format: options.format,
    userStatuses: usersByStatus(db, snapshotId, options),
    entities: {
      user: row['entity:user']!,
      group: row['entity:group']!,
      role: row['entity:role']!,
      app: row['entity:app']!,
    },
    relations: ALL_KINDS.map((kind) => {
      const written = row[`written:${kind}`]!;
      const ofEveryStatus = byStatus ? row[`everyStatus:${kind}`]! : written;
      // Relations whose other end was never listed are never written, whatever the options.
      return {
        kind,
        included: chosen.has(kind),
        rows: written,
        statusLeftOut: ofEveryStatus - written,
        endNotListed: row[`stored:${kind}`]! - ofEveryStatus,
      };
    }),
    entitlements: options.format === 'entitlements' ? countEntitlementRows(db, snapshotId, options) : [],
    userAttributes: [...options.userAttributes],
  };
}

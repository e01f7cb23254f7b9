// "What will be uploaded": the rows an export of a snapshot with the chosen options writes, per entity type and
// relation kind, and what those options leave out — counted in one query, without reading a row into memory.
import { RELATION_KINDS } from '../../../shared/balkanid/columns';
import type { ExportSummary } from '../../../shared/service/types';
import type { Db } from '../store/openDatabase';
import { resolveExportOptions, type ExportOptionsInput } from './exportOptions';
import { KIND_SQL, KIND_TOTAL_SQL, type ExportedRelationKind } from './relationRecords';

const ALL_KINDS: readonly ExportedRelationKind[] = [...RELATION_KINDS, 'groupAppAccessFlattened'];
const ENTITY_SQL = {
  user: `SELECT count(*) FROM users WHERE snapshot_id = @snapshotId`,
  group: `SELECT count(*) FROM groups WHERE snapshot_id = @snapshotId`,
  role: `SELECT count(*) FROM roles WHERE snapshot_id = @snapshotId`,
  app: `SELECT count(*) FROM apps WHERE snapshot_id = @snapshotId`,
};

/** One SELECT of scalar subqueries: entities per type; per relation kind, the rows written and those in the cache. */
function summarySql(): string {
  const columns = [
    ...Object.entries(ENTITY_SQL).map(([type, sql]) => `(${sql}) AS "entity:${type}"`),
    ...ALL_KINDS.map((kind) => `(SELECT count(*) FROM (${KIND_SQL[kind]})) AS "written:${kind}"`),
    ...ALL_KINDS.map((kind) => `(${KIND_TOTAL_SQL[kind].replace('?', '@snapshotId')}) AS "stored:${kind}"`),
  ];
  return `SELECT ${columns.join(',\n')}`;
}

export function summariseExport(db: Db, snapshotId: number, input: ExportOptionsInput = {}): ExportSummary {
  const options = resolveExportOptions(input);
  const row = db.prepare(summarySql()).get({ snapshotId, rolePrefix: '' }) as Record<string, number>;
  const chosen = new Set<ExportedRelationKind>([
    ...options.relationKinds,
    ...(options.flattenGroupAppAssignments ? (['groupAppAccessFlattened'] as const) : []),
  ]);
  return {
    snapshotId,
    entities: {
      user: row['entity:user']!,
      group: row['entity:group']!,
      role: row['entity:role']!,
      app: row['entity:app']!,
    },
    relations: ALL_KINDS.map((kind) => ({
      kind,
      included: chosen.has(kind),
      rows: row[`written:${kind}`]!,
      // Relations whose other end was never listed are never written, whatever the options.
      endNotListed: row[`stored:${kind}`]! - row[`written:${kind}`]!,
    })),
    userAttributes: [...options.userAttributes],
  };
}

// Builds a snapshot's numbered relation list (relation_rows) once, after its pull completes, for the relations browser.
import { RELATION_ROW_KINDS as KIND } from '../../../shared/service/types';
import type { Db } from './openDatabase';

/** Every access path of the snapshot, as stored (not filtered by export options): kind, both ends, a detail. */
const ALL_RELATIONS_SQL = `
SELECT '${KIND.member}' AS kind, 'user' AS parent_type, user_id AS parent_id, 'group' AS child_type,
  group_id AS child_id, NULL AS detail
  FROM group_members WHERE snapshot_id = @snapshotId
UNION ALL
SELECT CASE scope WHEN 'USER' THEN '${KIND.directApp}' ELSE '${KIND.appViaGroup}' END, 'user', user_id, 'app',
  app_id, user_name
  FROM app_users WHERE snapshot_id = @snapshotId
UNION ALL
SELECT '${KIND.groupApp}', 'group', group_id, 'app', app_id, CAST(priority AS TEXT)
  FROM app_groups WHERE snapshot_id = @snapshotId
UNION ALL
SELECT DISTINCT '${KIND.adminRole}', principal_type, principal_id, 'role', role_key, NULL
  FROM role_assignments WHERE snapshot_id = @snapshotId`;

/**
 * Numbers the rows in parent, child, kind order (seq: so sorting by the parent's id is row order) and within each
 * kind (kind_seq: so a kind's row n is one index seek), and keeps each kind's total for the Browse screen.
 */
export function buildRelationRows(db: Db, snapshotId: number): number {
  return db.transaction(() => {
    db.prepare(`DELETE FROM relation_rows WHERE snapshot_id = ?`).run(snapshotId);
    db.prepare(`DELETE FROM relation_kind_counts WHERE snapshot_id = ?`).run(snapshotId);
    const result = db
      .prepare(
        `INSERT INTO relation_rows (snapshot_id, seq, kind_seq, kind, parent_type, parent_id, child_type, child_id,
           detail)
         SELECT @snapshotId, row_number() OVER (ORDER BY parent_id, child_id, kind) - 1,
           row_number() OVER (PARTITION BY kind ORDER BY parent_id, child_id) - 1,
           kind, parent_type, parent_id, child_type, child_id, detail
           FROM (${ALL_RELATIONS_SQL})`,
      )
      .run({ snapshotId });
    // Each kind's last kind_seq + 1 is its total: one index seek per kind instead of counting millions of rows.
    db.prepare(
      `INSERT INTO relation_kind_counts (snapshot_id, kind, total)
       SELECT @snapshotId, kinds.value, (SELECT max(kind_seq) + 1 FROM relation_rows r
                                   WHERE r.snapshot_id = @snapshotId AND r.kind = kinds.value) AS total
         FROM json_each(@kinds) AS kinds WHERE total IS NOT NULL`,
    ).run({ snapshotId, kinds: JSON.stringify(Object.values(KIND)) });
    return result.changes;
  })();
}

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
  FROM role_assignments WHERE snapshot_id = @snapshotId
ORDER BY parent_id, child_id, kind`;

export function buildRelationRows(db: Db, snapshotId: number): number {
  return db.transaction(() => {
    db.prepare(`DELETE FROM relation_rows WHERE snapshot_id = ?`).run(snapshotId);
    const result = db
      .prepare(
        `INSERT INTO relation_rows (snapshot_id, seq, kind, parent_type, parent_id, child_type, child_id, detail)
         SELECT @snapshotId, row_number() OVER () - 1, kind, parent_type, parent_id, child_type, child_id, detail
           FROM (${ALL_RELATIONS_SQL})`,
      )
      .run({ snapshotId });
    return result.changes;
  })();
}

// Adds display names to relation rows (user, group, app or role at each end), one indexed lookup per end.
import type { Db } from '../../store/openDatabase';

const NAME_SQL: Record<string, string> = {
  user: `SELECT name FROM users WHERE snapshot_id = ? AND id = ?`,
  group: `SELECT name FROM groups WHERE snapshot_id = ? AND id = ?`,
  app: `SELECT label FROM apps WHERE snapshot_id = ? AND id = ?`,
  role: `SELECT label FROM roles WHERE snapshot_id = ? AND role_key = ?`,
};

export function resolveEndNames(
  db: Db,
  snapshotId: number,
  rows: Record<string, string | number | null>[],
): Record<string, string | number | null>[] {
  const statements = Object.fromEntries(Object.entries(NAME_SQL).map(([type, sql]) => [type, db.prepare(sql).pluck()]));
  const nameOf = (type: unknown, id: unknown) => {
    const statement = statements[String(type)];
    return statement ? ((statement.get(snapshotId, id) as string | undefined) ?? null) : null;
  };
  return rows.map((row) => ({
    ...row,
    parentName: nameOf(row.parentType, row.parentId),
    childName: nameOf(row.childType, row.childId),
  }));
}

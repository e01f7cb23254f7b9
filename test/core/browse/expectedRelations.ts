// The relations of a snapshot computed independently of relation_rows, from the pulled tables themselves, with names
// resolved in JavaScript: what the Browse queries are checked against.
import { RELATION_KIND_WORDS, RELATION_ROW_KINDS as KIND } from '../../../shared/service/types';
import type { Db } from '../../../electron/core/store/openDatabase';

export interface ExpectedRelation {
  kind: string;
  parentType: string;
  parentId: string;
  parentName: string | null;
  childType: string;
  childId: string;
  childName: string | null;
  detail: string | null;
}

export function expectedRelations(db: Db, snapshotId: number): ExpectedRelation[] {
  const all = (sql: string) => db.prepare(sql).all(snapshotId) as Record<string, string | number | null>[];
  const names = new Map<string, string>();
  for (const row of all(`SELECT id, name FROM users WHERE snapshot_id = ?`)) names.set(`user:${row.id}`, `${row.name}`);
  for (const row of all(`SELECT id, name FROM groups WHERE snapshot_id = ?`))
    names.set(`group:${row.id}`, `${row.name}`);
  for (const row of all(`SELECT id, label FROM apps WHERE snapshot_id = ?`)) names.set(`app:${row.id}`, `${row.label}`);
  for (const row of all(`SELECT role_key, label FROM roles WHERE snapshot_id = ?`))
    names.set(`role:${row.role_key}`, `${row.label}`);
  type End = [string, string | number | null | undefined];
  const relation = (kind: string, parent: End, child: End, detail: string | number | null | undefined) => ({
    kind,
    parentType: parent[0],
    parentId: String(parent[1]),
    parentName: names.get(`${parent[0]}:${parent[1]}`) ?? null,
    childType: child[0],
    childId: String(child[1]),
    childName: names.get(`${child[0]}:${child[1]}`) ?? null,
    detail: detail === null || detail === undefined ? null : String(detail),
  });
  const roleHolders = new Set(
    all(`SELECT principal_type, principal_id, role_key FROM role_assignments WHERE snapshot_id = ?`).map((row) =>
      JSON.stringify([row.principal_type, row.principal_id, row.role_key]),
    ),
  );
  return [
    ...all(`SELECT user_id, group_id FROM group_members WHERE snapshot_id = ?`).map((row) =>
      relation(KIND.member, ['user', row.user_id], ['group', row.group_id], null),
    ),
    ...all(`SELECT user_id, app_id, scope, user_name FROM app_users WHERE snapshot_id = ?`).map((row) =>
      relation(
        row.scope === 'USER' ? KIND.directApp : KIND.appViaGroup,
        ['user', row.user_id],
        ['app', row.app_id],
        row.user_name,
      ),
    ),
    ...all(`SELECT group_id, app_id, priority FROM app_groups WHERE snapshot_id = ?`).map((row) =>
      relation(KIND.groupApp, ['group', row.group_id], ['app', row.app_id], row.priority),
    ),
    ...[...roleHolders].map((key) => {
      const [type, id, role] = JSON.parse(key) as [string, string, string];
      return relation(KIND.adminRole, [type, id], ['role', role], null);
    }),
  ];
}

type Value = string | number | null;

/** SQLite's order: NULL first, numbers before text, text by code unit (binary collation on ASCII ids and names). */
export function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : 1;
}

/** Row order of relation_rows: parent id, child id, kind. */
export function rowOrder(a: ExpectedRelation, b: ExpectedRelation): number {
  return compareValues(a.parentId, b.parentId) || compareValues(a.childId, b.childId) || compareValues(a.kind, b.kind);
}

/** What a relation sorts by for a column: the kind by its words, anything else by its value. */
export function sortValue(row: ExpectedRelation, column: string): Value {
  if (column === 'kind') return RELATION_KIND_WORDS[row.kind] ?? row.kind;
  return row[column as keyof ExpectedRelation];
}

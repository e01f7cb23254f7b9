// The relations table's columns for the Browse screen: how each sorts (SQL over relation_rows r), which orders an
// index gives directly at any size, and which columns take a filter.
import { RELATION_KIND_WORDS } from '../../../../shared/service/types';

export const RELATION_COLUMNS = [
  'seq',
  'kind',
  'parentType',
  'parentId',
  'parentName',
  'childType',
  'childId',
  'childName',
  'detail',
];

export const RELATION_SELECT =
  `r.seq, r.kind, r.parent_type AS parentType, r.parent_id AS parentId, r.child_type AS childType, ` +
  `r.child_id AS childId, r.detail`;

/** The kinds in the order of their words (how the table sorts by kind). */
export const KINDS_IN_WORD_ORDER = Object.keys(RELATION_KIND_WORDS).sort((a, b) =>
  RELATION_KIND_WORDS[a]!.localeCompare(RELATION_KIND_WORDS[b]!),
);

const KIND_ORDER_SQL = `CASE r.kind ${KINDS_IN_WORD_ORDER.map((kind, i) => `WHEN '${kind}' THEN ${i}`).join(' ')} END`;

function nameSql(type: string, id: string): string {
  const lookup = (table: string, column: string, key: string) =>
    `(SELECT ${column} FROM ${table} WHERE ${table}.snapshot_id = r.snapshot_id AND ${table}.${key} = ${id})`;
  return (
    `CASE ${type} WHEN 'user' THEN ${lookup('users', 'name', 'id')} WHEN 'group' THEN ` +
    `${lookup('groups', 'name', 'id')} WHEN 'app' THEN ${lookup('apps', 'label', 'id')} ` +
    `WHEN 'role' THEN ${lookup('roles', 'label', 'role_key')} END`
  );
}

/** Column → the SQL it sorts by. */
export const RELATION_SORT: Record<string, string> = {
  seq: 'r.seq',
  kind: KIND_ORDER_SQL,
  parentType: 'r.parent_type',
  parentId: 'r.parent_id',
  parentName: nameSql('r.parent_type', 'r.parent_id'),
  childType: 'r.child_type',
  childId: 'r.child_id',
  childName: nameSql('r.child_type', 'r.child_id'),
  detail: 'r.detail',
};

/**
 * Orders an index gives at any size: the row number, the parent's id (rows are numbered in parent order) and the
 * kind (kind_seq numbers each kind's rows). Other orders are built as a view, up to MAX_VIEW_ROWS rows.
 */
export const NATIVE_SORTS = ['seq', 'parentId', 'kind'];

/** Columns that take a filter: the kind (one of them), ids (starting with), names (containing). */
export const RELATION_FILTERABLE = ['kind', 'parentId', 'parentName', 'childId', 'childName'];

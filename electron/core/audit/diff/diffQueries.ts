// The SQL behind a snapshot comparison: per kind, a set difference between the two snapshots' rows (NOT EXISTS on
// the table's primary key or unique index, so each probe is one index lookup) and, for users and apps, a status join.
// Every snapshot, full or quick refresh, holds all of its rows (a quick refresh copies the unchanged ones from its
// base), so comparing rows is exact whichever way the two were pulled.
import { DIFF_CSV_HEADER, type DiffKind } from '../../../../shared/audit/snapshotDiff';

interface PresenceSpec {
  table: string;
  /** The columns that identify a row within a snapshot (what "the same row" means in both). */
  keys: string[];
  /** True when rows may repeat on the keys (several assignments of one role): counted and listed once. */
  distinct?: boolean;
  /** principal_type … detail (seven expressions over alias x); names come from the snapshot @from (the row's own). */
  columns: string[];
  /** The row's key in list order, unique within a snapshot (after DISTINCT): pages go on from the last one. */
  order: string[];
}

const userName = (column: string) => `(SELECT n.login FROM users n WHERE n.snapshot_id = @from AND n.id = ${column})`;
const groupName = (column: string) => `(SELECT n.name FROM groups n WHERE n.snapshot_id = @from AND n.id = ${column})`;
const appName = (column: string) => `(SELECT n.label FROM apps n WHERE n.snapshot_id = @from AND n.id = ${column})`;
const roleName = (column: string) =>
  `(SELECT n.label FROM roles n WHERE n.snapshot_id = @from AND n.role_key = ${column})`;

const PRESENCE: Record<DiffKind, PresenceSpec> = {
  users: {
    table: 'users',
    keys: ['id'],
    columns: [`'user'`, 'x.id', 'x.login', 'NULL', 'NULL', 'NULL', 'x.status'],
    order: ['x.id'],
  },
  groups: {
    table: 'groups',
    keys: ['id'],
    columns: [`'group'`, 'x.id', 'x.name', 'NULL', 'NULL', 'NULL', 'x.type'],
    order: ['x.id'],
  },
  apps: {
    table: 'apps',
    keys: ['id'],
    columns: [`'app'`, 'x.id', 'x.label', 'NULL', 'NULL', 'NULL', 'x.status'],
    order: ['x.id'],
  },
  memberships: {
    table: 'group_members',
    keys: ['group_id', 'user_id'],
    columns: [`'user'`, 'x.user_id', userName('x.user_id'), `'group'`, 'x.group_id', groupName('x.group_id'), 'NULL'],
    order: ['x.group_id', 'x.user_id'],
  },
  appAssignments: {
    // The scope is part of the key: a direct assignment replaced by one through a group is one lost, one gained.
    table: 'app_users',
    keys: ['app_id', 'user_id', 'scope'],
    columns: [
      `'user'`,
      'x.user_id',
      `coalesce(${userName('x.user_id')}, x.user_name)`,
      `'app'`,
      'x.app_id',
      appName('x.app_id'),
      `CASE x.scope WHEN 'USER' THEN 'direct' WHEN 'GROUP' THEN 'via group' ELSE x.scope END`,
    ],
    order: ['x.app_id', 'x.user_id'],
  },
  groupAppAssignments: {
    table: 'app_groups',
    keys: ['app_id', 'group_id'],
    columns: [`'group'`, 'x.group_id', groupName('x.group_id'), `'app'`, 'x.app_id', appName('x.app_id'), 'NULL'],
    order: ['x.app_id', 'x.group_id'],
  },
  roleAssignments: {
    table: 'role_assignments',
    keys: ['principal_type', 'principal_id', 'role_key'],
    distinct: true,
    columns: [
      'x.principal_type',
      'x.principal_id',
      `CASE x.principal_type WHEN 'user' THEN ${userName('x.principal_id')} ELSE ${groupName('x.principal_id')} END`,
      `'role'`,
      'x.role_key',
      roleName('x.role_key'),
      'NULL',
    ],
    order: ['x.principal_type', 'x.principal_id', 'x.role_key'],
  },
};

/** The tables whose status can change in place, with what names the row. */
const STATUS: Partial<Record<DiffKind, { table: string; type: string; name: string }>> = {
  users: { table: 'users', type: 'user', name: 'login' },
  apps: { table: 'apps', type: 'app', name: 'label' },
};

/** The columns each change query selects: the CSV's, after the kind and the change it is listed under. */
const OUTPUT_COLUMNS = DIFF_CSV_HEADER.slice(2);

/** Rows of the snapshot @from that the snapshot @other lacks (removed: from = first; added: from = second). */
function presenceWhere(spec: PresenceSpec): string {
  const same = spec.keys.map((key) => `y.${key} = x.${key}`).join(' AND ');
  return (
    `FROM ${spec.table} x WHERE x.snapshot_id = @from ` +
    `AND NOT EXISTS (SELECT 1 FROM ${spec.table} y WHERE y.snapshot_id = @other AND ${same})`
  );
}

/**
 * The ORDER BY (kept by the LIMIT) makes SQLite walk the first snapshot's rows in key order, so the probes into the
 * second walk the same index in the same order: ten times faster on a million memberships than the order of
 * whatever smaller index SQLite would otherwise scan, whose probes land all over the table.
 */
export function presenceCountSql(kind: DiffKind): string {
  const spec = PRESENCE[kind];
  const keys = spec.keys.map((key) => `x.${key}`).join(', ');
  return (
    `SELECT count(*) FROM (SELECT ${spec.distinct ? 'DISTINCT ' : ''}${keys} ${presenceWhere(spec)} ` +
    `ORDER BY ${spec.order.join(', ')} LIMIT -1)`
  );
}

/** How many values a kind's page cursor holds (its order columns). */
export function cursorSize(kind: DiffKind, change: 'presence' | 'status'): number {
  return change === 'status' ? 1 : PRESENCE[kind].order.length;
}

/** The row value of the order columns past the cursor (@k0, @k1 …): a range on the same index the ORDER BY walks. */
function afterCursor(order: readonly string[]): string {
  return `AND (${order.join(', ')}) > (${order.map((_, i) => `@k${i}`).join(', ')})`;
}

/** The order columns again, as cursor_0 … (what the next page's cursor is made of). */
function cursorColumns(order: readonly string[]): string {
  return order.map((column, i) => `, ${column} AS cursor_${i}`).join('');
}

/** Page query (@limit, and @k0 … when `keyset`: rows after that key); -1 as the limit lists every row (CSV). */
export function presenceRowsSql(kind: DiffKind, keyset: boolean): string {
  const spec = PRESENCE[kind];
  const columns = [...spec.columns, 'NULL', 'NULL'].map((expression, i) => `${expression} AS ${OUTPUT_COLUMNS[i]}`);
  return (
    `SELECT ${spec.distinct ? 'DISTINCT ' : ''}${columns.join(', ')}${cursorColumns(spec.order)} ` +
    `${presenceWhere(spec)} ${keyset ? afterCursor(spec.order) : ''} ORDER BY ${spec.order.join(', ')} LIMIT @limit`
  );
}

/** Rows in both snapshots whose status differs: @from is the first snapshot, @other the second. */
function statusWhere(kind: DiffKind): string {
  const spec = STATUS[kind];
  if (!spec) throw new Error(`${kind} have no status to compare`);
  return (
    `FROM ${spec.table} x JOIN ${spec.table} y ON y.snapshot_id = @other AND y.id = x.id ` +
    `WHERE x.snapshot_id = @from AND y.status <> x.status`
  );
}

export function statusCountSql(kind: DiffKind): string {
  return `SELECT count(*) ${statusWhere(kind)}`;
}

export function statusRowsSql(kind: DiffKind, keyset: boolean): string {
  const spec = STATUS[kind]!;
  return (
    `SELECT '${spec.type}' AS principal_type, x.id AS principal_id, y.${spec.name} AS principal_name, ` +
    `NULL AS target_type, NULL AS target_id, NULL AS target_name, NULL AS detail, x.status AS before, ` +
    `y.status AS after${cursorColumns(['x.id'])} ${statusWhere(kind)} ${keyset ? afterCursor(['x.id']) : ''} ` +
    `ORDER BY x.id LIMIT @limit`
  );
}

// Paged, searchable, sortable queries over one snapshot's tables for the Browse screen. Every query is bounded by
// `limit` and uses an index; the relations table pages by its row number so row 900,000 is one index lookup away.
import type { BrowsePage, BrowsePageParams, BrowseTable } from '../../../../shared/service/types';
import type { Db } from '../../store/openDatabase';
import { quoteForMessage } from '../paramValidators';
import { ServiceFailure } from '../serviceFailure';
import { resolveEndNames } from './endNames';

interface TableSpec {
  from: string;
  /** Output columns: name → SQL expression. The first is the row's id. */
  columns: Record<string, string>;
  searchable: string[];
  filterColumn?: string;
  defaultSort: string;
}

const TABLES: Record<Exclude<BrowseTable, 'relations'>, TableSpec> = {
  users: {
    from: 'users',
    columns: {
      id: 'id',
      name: 'name',
      login: 'login',
      email: 'email',
      status: 'status',
      created: 'created',
      lastLogin: 'last_login',
    },
    searchable: ['name', 'login', 'email', 'id'],
    filterColumn: 'status',
    defaultSort: 'name',
  },
  groups: {
    from: 'groups',
    columns: {
      id: 'id',
      name: 'name',
      type: 'type',
      usersCount: 'users_count',
      appsCount: 'apps_count',
      description: 'substr(description, 1, 200)',
    },
    searchable: ['name', 'id', 'description'],
    filterColumn: 'type',
    defaultSort: 'name',
  },
  apps: {
    from: 'apps',
    columns: {
      id: 'id',
      label: 'label',
      name: 'name',
      status: 'status',
      signOnMode: 'sign_on_mode',
      created: 'created',
    },
    searchable: ['label', 'name', 'id'],
    filterColumn: 'status',
    defaultSort: 'label',
  },
  roles: {
    from: 'roles',
    columns: {
      id: 'role_key',
      label: 'label',
      roleType: 'role_type',
      custom: 'is_custom',
      holders:
        `(SELECT count(*) FROM role_assignments ra WHERE ra.snapshot_id = roles.snapshot_id AND ra.role_key = ` +
        `roles.role_key)`,
    },
    searchable: ['label', 'role_key'],
    filterColumn: 'role_type',
    defaultSort: 'label',
  },
};

/**
 * The SQL expression of a sort column. Object.hasOwn, not `in` or a bare lookup: a column named `constructor`,
 * `__proto__` or `toString` would otherwise reach the inherited Object members and end up in the SQL.
 */
function sortExpressionOf(spec: TableSpec, table: BrowseTable, column: string): string {
  if (!Object.hasOwn(spec.columns, column)) throw unknownColumn(table, column, Object.keys(spec.columns));
  return spec.columns[column]!;
}

function unknownColumn(table: BrowseTable, column: string, known: readonly string[]): ServiceFailure {
  return new ServiceFailure(
    'BAD_INPUT',
    `unknown column ${quoteForMessage(column)} for ${table}: sort by one of ${known.join(', ')}`,
  );
}

function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function pageOfTable(db: Db, params: BrowsePageParams, spec: TableSpec): BrowsePage {
  const where = ['snapshot_id = @snapshotId'];
  const values: Record<string, unknown> = { snapshotId: params.snapshotId };
  if (params.search?.trim()) {
    values.search = likePattern(params.search.trim());
    where.push(`(${spec.searchable.map((column) => `${column} LIKE @search ESCAPE '\\'`).join(' OR ')})`);
  }
  if (params.filter && spec.filterColumn) {
    values.filter = params.filter;
    where.push(`${spec.filterColumn} = @filter`);
  }
  const sortExpression = params.sort
    ? sortExpressionOf(spec, params.table, params.sort.column)
    : spec.columns[spec.defaultSort];
  const direction = params.sort?.direction === 'desc' ? 'DESC' : 'ASC';
  const select = Object.entries(spec.columns)
    .map(([name, expression]) => `${expression} AS "${name}"`)
    .join(', ');
  const whereSql = where.join(' AND ');
  const total = db.prepare(`SELECT count(*) FROM ${spec.from} WHERE ${whereSql}`).pluck().get(values) as number;
  const rows = db
    .prepare(
      `SELECT ${select} FROM ${spec.from} WHERE ${whereSql} ORDER BY ${sortExpression} ${direction}, ` +
        `${spec.columns.id} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...values, limit: params.limit, offset: params.offset }) as BrowsePage['rows'];
  return { total, offset: params.offset, columns: Object.keys(spec.columns), rows };
}

const RELATION_COLUMNS = [
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
const RELATION_SELECT =
  `seq, kind, parent_type AS parentType, parent_id AS parentId, child_type AS childType, child_id AS childId,` +
  ` detail`;

// Counting a million relation rows takes ~100 ms; a complete snapshot never changes, so its count is kept.
const relationTotals = new WeakMap<Db, Map<number, number>>();

function relationTotal(db: Db, snapshotId: number): number {
  let totals = relationTotals.get(db);
  if (!totals) relationTotals.set(db, (totals = new Map<number, number>()));
  const known = totals.get(snapshotId);
  if (known !== undefined) return known;
  const total =
    (db.prepare(`SELECT count(*) FROM relation_rows WHERE snapshot_id = ?`).pluck().get(snapshotId) as number) ?? 0;
  const status = db.prepare(`SELECT status FROM snapshots WHERE id = ?`).pluck().get(snapshotId);
  if (status === 'complete') totals.set(snapshotId, total);
  return total;
}

type RelationPage = { total: number; rows: Record<string, string | number | null>[] };

function pageOfRelations(db: Db, params: BrowsePageParams): BrowsePage {
  // Relations are kept in row-number order only (a million rows sorted any other way would need an index per column).
  if (params.sort && params.sort.column !== 'seq') throw unknownColumn('relations', params.sort.column, ['seq']);
  const search = params.search?.trim();
  const { total, rows } = !search && !params.filter ? relationRange(db, params) : searchedRelations(db, params, search);
  return {
    total,
    offset: params.offset,
    columns: RELATION_COLUMNS,
    rows: resolveEndNames(db, params.snapshotId, rows),
  };
}

/** The fast path, with no search or filter: seq is the row number, so an offset is a primary-key range. */
function relationRange(db: Db, params: BrowsePageParams): RelationPage {
  const total = relationTotal(db, params.snapshotId);
  const descending = params.sort?.direction === 'desc';
  const from = descending ? total - 1 - params.offset : params.offset;
  const rows = db
    .prepare(
      descending
        ? `SELECT ${RELATION_SELECT} FROM relation_rows WHERE snapshot_id = @snapshotId AND seq <= @from ` +
            `ORDER BY seq DESC LIMIT @limit`
        : `SELECT ${RELATION_SELECT} FROM relation_rows WHERE snapshot_id = @snapshotId AND seq >= @from ` +
            `ORDER BY seq LIMIT @limit`,
    )
    .all({ snapshotId: params.snapshotId, limit: params.limit, offset: params.offset, from }) as RelationPage['rows'];
  return { total, rows };
}

/** Relations of one kind (the filter) or with an end whose id matches the search, counted and paged. */
function searchedRelations(db: Db, params: BrowsePageParams, search: string | undefined): RelationPage {
  const values: Record<string, unknown> = { snapshotId: params.snapshotId, limit: params.limit, offset: params.offset };
  const where = ['snapshot_id = @snapshotId'];
  if (params.filter) {
    values.filter = params.filter;
    where.push('kind = @filter');
  }
  if (search) {
    values.search = likePattern(search);
    where.push(`(parent_id LIKE @search ESCAPE '\\' OR child_id LIKE @search ESCAPE '\\')`);
  }
  const whereSql = where.join(' AND ');
  const total = db.prepare(`SELECT count(*) FROM relation_rows WHERE ${whereSql}`).pluck().get(values) as number;
  const rows = db
    .prepare(
      `SELECT ${RELATION_SELECT} FROM relation_rows WHERE ${whereSql} ORDER BY seq ` +
        `${params.sort?.direction === 'desc' ? 'DESC' : 'ASC'} LIMIT @limit OFFSET @offset`,
    )
    .all(values) as RelationPage['rows'];
  return { total, rows };
}

export function browsePage(db: Db, params: BrowsePageParams): BrowsePage {
  const exists = db.prepare(`SELECT 1 FROM snapshots WHERE id = ?`).get(params.snapshotId);
  if (!exists) throw new ServiceFailure('NOT_FOUND', `there is no snapshot ${params.snapshotId}`);
  if (params.table === 'relations') return pageOfRelations(db, params);
  return pageOfTable(db, params, TABLES[params.table]);
}

// Pages of a snapshot's relations at any size. Without a search or column filter, the row number (seq) and each
// kind's own numbering (kind_seq) make any page one index seek, in row, parent-id or kind order, with totals read
// from relation_kind_counts (no count of millions of rows). Anything narrower goes through an ordered view.
import type { BrowsePage, BrowsePageParams } from '../../../../shared/service/types';
import type { Db } from '../../store/openDatabase';
import { ServiceFailure } from '../serviceFailure';
import { columnExpression, directionOf, viewKeyOf } from './browseParams';
import { MAX_VIEW_ROWS, type ViewCache, type ViewScope } from './browseViews';
import { resolveEndNames } from './endNames';
import {
  KINDS_IN_WORD_ORDER,
  NATIVE_SORTS,
  RELATION_COLUMNS,
  RELATION_FILTERABLE,
  RELATION_SELECT,
  RELATION_SORT,
} from './relationColumns';
import { relationConstraints, type RelationConstraints } from './relationMatches';

type Rows = BrowsePage['rows'];
interface KindSegment {
  kind: string;
  total: number;
}

function kindTotals(db: Db, snapshotId: number): Map<string, number> {
  const rows = db
    .prepare(`SELECT kind, total FROM relation_kind_counts WHERE snapshot_id = ?`)
    .all(snapshotId) as KindSegment[];
  return new Map(rows.map((row) => [row.kind, row.total]));
}

/** Rows [offset, offset + limit) in row order (or its reverse): a primary-key range. */
function seqRange(db: Db, snapshotId: number, total: number, descending: boolean, offset: number, limit: number) {
  const from = descending ? total - 1 - offset : offset;
  return db
    .prepare(
      `SELECT ${RELATION_SELECT} FROM relation_rows r WHERE r.snapshot_id = @snapshotId AND r.seq ` +
        `${descending ? '<=' : '>='} @from ORDER BY r.seq ${descending ? 'DESC' : 'ASC'} LIMIT @limit`,
    )
    .all({ snapshotId, from, limit }) as Rows;
}

/** Rows [offset, offset + limit) of kinds laid one after another, each in its kind_seq order (or its reverse). */
function kindSegmentsRange(
  db: Db,
  snapshotId: number,
  segments: KindSegment[],
  descending: boolean,
  offset: number,
  limit: number,
) {
  const statement = db.prepare(
    `SELECT ${RELATION_SELECT} FROM relation_rows r WHERE r.snapshot_id = @snapshotId AND r.kind = @kind AND ` +
      `r.kind_seq ${descending ? '<=' : '>='} @from ORDER BY r.kind_seq ${descending ? 'DESC' : 'ASC'} LIMIT @limit`,
  );
  const rows: Rows = [];
  let skip = offset;
  for (const { kind, total } of descending ? [...segments].reverse() : segments) {
    if (rows.length >= limit) break;
    if (skip >= total) {
      skip -= total;
      continue;
    }
    const from = descending ? total - 1 - skip : skip;
    rows.push(...(statement.all({ snapshotId, kind, from, limit: limit - rows.length }) as Rows));
    skip = 0;
  }
  return rows;
}

function nativePage(db: Db, params: BrowsePageParams, kind: string | undefined, totals: Map<string, number>) {
  const descending = directionOf(params) === 'DESC';
  const sortColumn = params.sort?.column ?? 'seq';
  const { snapshotId, offset, limit } = params;
  if (kind !== undefined || sortColumn === 'kind') {
    const kinds = kind !== undefined ? [kind] : KINDS_IN_WORD_ORDER;
    const segments = kinds.map((name) => ({ kind: name, total: totals.get(name) ?? 0 }));
    return kindSegmentsRange(db, snapshotId, segments, descending, offset, limit);
  }
  const total = [...totals.values()].reduce((sum, count) => sum + count, 0);
  return seqRange(db, snapshotId, total, descending, offset, limit);
}

function viewPage(
  db: Db,
  views: ViewCache,
  params: BrowsePageParams,
  constraints: RelationConstraints,
  scope: ViewScope,
) {
  const direction = directionOf(params);
  const sortSql = RELATION_SORT[params.sort?.column ?? 'seq']!;
  const where = ['r.snapshot_id = @snapshotId', ...constraints.clauses].join(' AND ');
  // In row order, names and searches alone need no row read to build the view: the id indexes hold the row numbers.
  // (Reading each row first is a random seek per row: thousands of them for a group's members.)
  const indexOnly =
    constraints.byIndexOnly && constraints.seqSets.length > 0 && (params.sort?.column ?? 'seq') === 'seq';
  const request = {
    key: viewKeyOf(params, scope.stamp),
    selectKeys: indexOnly
      ? `SELECT seq FROM (${constraints.seqSets.join(' INTERSECT ')}) ORDER BY seq ${direction}`
      : `SELECT r.seq FROM relation_rows r WHERE ${where} ORDER BY ${sortSql} ${direction}, r.seq ${direction}`,
    values: { ...constraints.values, snapshotId: params.snapshotId },
    keep: scope.keep,
  };
  return views.withView(request, (view) => ({
    total: view.total,
    cut: view.cut,
    rows: db
      .prepare(
        `SELECT ${RELATION_SELECT} FROM ${view.table} v JOIN relation_rows r ON r.snapshot_id = @snapshotId AND ` +
          `r.seq = v.k WHERE v.ord > @offset ORDER BY v.ord LIMIT @limit`,
      )
      .all({ snapshotId: params.snapshotId, offset: params.offset, limit: params.limit }) as Rows,
  }));
}

export function pageOfRelations(db: Db, views: ViewCache, params: BrowsePageParams, scope: ViewScope): BrowsePage {
  const sortColumn = params.sort?.column ?? 'seq';
  columnExpression(RELATION_SORT, 'relations', sortColumn, 'sort');
  const constraints = relationConstraints(db, params);
  const page = (found: { total: number; rows: Rows }, sortable: string[], notice = constraints.notice) => ({
    total: found.total,
    offset: params.offset,
    columns: RELATION_COLUMNS,
    rows: resolveEndNames(db, params.snapshotId, found.rows),
    sortable,
    filterable: RELATION_FILTERABLE,
    ...(notice && { notice }),
  });
  if (!constraints.narrowed) {
    const totals = kindTotals(db, params.snapshotId);
    const total =
      constraints.kind !== undefined
        ? (totals.get(constraints.kind) ?? 0)
        : [...totals.values()].reduce((sum, count) => sum + count, 0);
    const sortable = total > MAX_VIEW_ROWS ? NATIVE_SORTS : RELATION_COLUMNS;
    if (NATIVE_SORTS.includes(sortColumn))
      return page({ total, rows: nativePage(db, params, constraints.kind, totals) }, sortable);
    if (total > MAX_VIEW_ROWS) throw tooManyToSort(total, sortColumn);
    return page(viewPage(db, views, params, constraints, scope), sortable);
  }
  const found = viewPage(db, views, params, constraints, scope);
  const notice = found.cut
    ? `${constraints.notice ?? ''} Showing the first ${MAX_VIEW_ROWS.toLocaleString('en')} matches.`.trim()
    : constraints.notice;
  return page(found, RELATION_COLUMNS, notice);
}

function tooManyToSort(total: number, column: string): ServiceFailure {
  return new ServiceFailure(
    'BAD_INPUT',
    `${total.toLocaleString('en')} relations are too many to sort by ${column} (up to ` +
      `${MAX_VIEW_ROWS.toLocaleString('en')}): filter by a name or an id first, or sort by ${NATIVE_SORTS.join(', ')}`,
  );
}

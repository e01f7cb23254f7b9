// Pages of the users, groups, apps and roles tables: searched, filtered per column and sorted by any column, through
// an ordered view (browseViews.ts), so paging deep into a sorted table does not sort it again.
import type { BrowsePage, BrowsePageParams } from '../../../../shared/service/types';
import type { Db } from '../../store/openDatabase';
import { activeColumnFilters, columnExpression, containsPattern, directionOf, viewKeyOf } from './browseParams';
import { TABLE_SPECS, type SmallTable } from './browseTableSpecs';
import { MAX_VIEW_ROWS, type ViewCache, type ViewScope } from './browseViews';

function whereOf(params: BrowsePageParams, table: SmallTable): { sql: string; values: Record<string, unknown> } {
  const spec = TABLE_SPECS[table];
  const where = ['snapshot_id = @snapshotId'];
  const values: Record<string, unknown> = { snapshotId: params.snapshotId };
  const search = params.search?.trim();
  if (search) {
    values.search = containsPattern(search);
    where.push(`(${spec.searchable.map((column) => `${column} LIKE @search ESCAPE '\\'`).join(' OR ')})`);
  }
  if (params.filter && spec.filterColumn) {
    values.filter = params.filter;
    where.push(`${spec.filterColumn} = @filter`);
  }
  activeColumnFilters(params).forEach(([column, text], index) => {
    values[`columnFilter${index}`] = containsPattern(text);
    const expression = columnExpression(spec.columns, table, column, 'filter');
    where.push(`CAST(${expression} AS TEXT) LIKE @columnFilter${index} ESCAPE '\\'`);
  });
  return { sql: where.join(' AND '), values };
}

export function pageOfSmallTable(db: Db, views: ViewCache, params: BrowsePageParams, scope: ViewScope): BrowsePage {
  const table = params.table as SmallTable;
  const spec = TABLE_SPECS[table];
  const where = whereOf(params, table);
  const sortExpression = columnExpression(spec.columns, table, params.sort?.column ?? spec.defaultSort, 'sort');
  const direction = directionOf(params);
  const request = {
    key: viewKeyOf(params, scope.stamp),
    selectKeys:
      `SELECT rowid FROM ${spec.from} WHERE ${where.sql} ` +
      `ORDER BY ${sortExpression} ${direction}, ${spec.columns.id} ${direction}`,
    values: where.values,
    keep: scope.keep,
  };
  const select = Object.entries(spec.columns)
    .map(([name, expression]) => `${expression} AS "${name}"`)
    .join(', ');
  return views.withView(request, (view) => {
    const rows = db
      .prepare(
        `SELECT ${select} FROM ${view.table} v JOIN ${spec.from} ON ${spec.from}.rowid = v.k ` +
          `WHERE v.ord > @offset ORDER BY v.ord LIMIT @limit`,
      )
      .all({ offset: params.offset, limit: params.limit }) as BrowsePage['rows'];
    const columns = Object.keys(spec.columns);
    return {
      total: view.total,
      offset: params.offset,
      columns,
      rows,
      sortable: columns,
      filterable: columns,
      ...(view.cut && {
        notice: `Showing the first ${MAX_VIEW_ROWS.toLocaleString('en')} matches: narrow the search.`,
      }),
    };
  });
}

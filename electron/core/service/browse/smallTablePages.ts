// Pages of the users, groups, apps and roles tables: searched, filtered per column and sorted by any column, through
// an ordered view (browseViews.ts), so paging deep into a sorted table does not sort it again.
import type { BrowsePage, BrowsePageParams } from '../../../../shared/service/types';
import {
  NAME_SEARCH,
  candidatesCondition,
  candidatesValues,
  hasNameSearch,
  trigramQuery,
} from '../../store/nameSearch';
import type { Db } from '../../store/openDatabase';
import { activeColumnFilters, columnExpression, containsPattern, directionOf, viewKeyOf } from './browseParams';
import { TABLE_SPECS, type SmallTable } from './browseTableSpecs';
import { MAX_VIEW_ROWS, type ViewCache, type ViewScope } from './browseViews';

interface Where {
  /** The table, or the name search's candidates joined to it (then they are read first). */
  from: string;
  sql: string;
  values: Record<string, unknown>;
}

/**
 * The search (any searchable column contains the text) and each column filter (the column contains it) as LIKE, the
 * same whatever the size. When the snapshot has a name search and all the columns looked in are indexed, the rows
 * are first narrowed to the index's candidates (an id lookup instead of reading every row); LIKE then decides.
 */
function whereOf(db: Db, params: BrowsePageParams, table: SmallTable): Where {
  const spec = TABLE_SPECS[table];
  const where = ['snapshot_id = @snapshotId'];
  const values: Record<string, unknown> = { snapshotId: params.snapshotId };
  const candidates = candidatesOf(db, params.snapshotId, table, values);
  const search = params.search?.trim();
  if (search) {
    values.search = containsPattern(search);
    where.push(`(${spec.searchable.map((column) => `${column} LIKE @search ESCAPE '\\'`).join(' OR ')})`);
    candidates.add(spec.searchable, search, 'searchCandidates');
  }
  if (params.filter && spec.filterColumn) {
    values.filter = params.filter;
    where.push(`${spec.filterColumn} = @filter`);
  }
  activeColumnFilters(params).forEach(([column, text], index) => {
    values[`columnFilter${index}`] = containsPattern(text);
    const expression = columnExpression(spec.columns, table, column, 'filter');
    where.push(`CAST(${expression} AS TEXT) LIKE @columnFilter${index} ESCAPE '\\'`);
    candidates.add([expression], text, `columnCandidates${index}`);
  });
  const [first, ...others] = candidates.selects;
  where.push(...others.map((select) => `id IN (${select})`));
  // CROSS JOIN: the candidates are the outer loop, one id seek each; else the planner may read the whole table in the
  // order of an index that gives the sort.
  const from = first
    ? `(${first}) AS candidates CROSS JOIN ${spec.from} ON ${spec.from}.id = candidates.entity_id`
    : spec.from;
  return { from, sql: where.join(' AND '), values };
}

/** The name search's candidates for each text the index can answer for (all its columns indexed, a trigram in it). */
function candidatesOf(db: Db, snapshotId: number, table: SmallTable, values: Where['values']) {
  const indexed = table !== 'roles' && hasNameSearch(db, snapshotId) ? table : undefined;
  const selects: string[] = [];
  const add = (columns: string[], text: string, parameter: string) => {
    const query = trigramQuery(text);
    if (!indexed || !query || !columns.every((column) => NAME_SEARCH[indexed].columns.includes(column))) return;
    selects.push(`SELECT entity_id FROM ${NAME_SEARCH[indexed].fts} WHERE ${candidatesCondition(indexed, parameter)}`);
    Object.assign(values, candidatesValues(snapshotId, parameter, query));
  };
  return { selects, add };
}

export function pageOfSmallTable(db: Db, views: ViewCache, params: BrowsePageParams, scope: ViewScope): BrowsePage {
  const table = params.table as SmallTable;
  const spec = TABLE_SPECS[table];
  const where = whereOf(db, params, table);
  const sortExpression = columnExpression(spec.columns, table, params.sort?.column ?? spec.defaultSort, 'sort');
  const direction = directionOf(params);
  const request = {
    key: viewKeyOf(params, scope.stamp),
    selectKeys:
      `SELECT ${spec.from}.rowid FROM ${where.from} WHERE ${where.sql} ` +
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

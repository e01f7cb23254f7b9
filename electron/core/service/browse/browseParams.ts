// What every Browse query shares: the checks on sort and filter columns (a clear message naming the columns there
// are), LIKE patterns, and the key that tells one view from another.
import type { BrowsePageParams, BrowseTable } from '../../../../shared/service/types';
import { quoteForMessage } from '../paramValidators';
import { ServiceFailure } from '../serviceFailure';

/**
 * The SQL expression of a column. Object.hasOwn, not `in` or a bare lookup: a column named `constructor`,
 * `__proto__` or `toString` would otherwise reach the inherited Object members and end up in the SQL.
 */
export function columnExpression(
  columns: Record<string, string>,
  table: BrowseTable,
  column: string,
  use: 'sort' | 'filter',
  allowed: readonly string[] = Object.keys(columns),
): string {
  if (!Object.hasOwn(columns, column) || !allowed.includes(column)) {
    throw new ServiceFailure(
      'BAD_INPUT',
      `unknown column ${quoteForMessage(column)} for ${table}: ${use} by one of ${allowed.join(', ')}`,
    );
  }
  return columns[column]!;
}

/** `%text%` for LIKE … ESCAPE '\', the text's own % _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The column filters that say something (blank ones dropped), in a stable order. */
export function activeColumnFilters(params: BrowsePageParams): [string, string][] {
  return Object.entries(params.columnFilters ?? {})
    .map(([column, text]): [string, string] => [column, text.trim()])
    .filter(([, text]) => text !== '')
    .sort(([a], [b]) => a.localeCompare(b));
}

/** Everything that decides which rows a view holds and in which order (not the page asked for). */
export function viewKeyOf(params: BrowsePageParams, extra: unknown = null): string {
  return JSON.stringify([
    params.snapshotId,
    params.table,
    params.search?.trim() ?? '',
    params.filter ?? '',
    activeColumnFilters(params),
    params.sort ?? null,
    extra,
  ]);
}

export function directionOf(params: BrowsePageParams): 'ASC' | 'DESC' {
  return params.sort?.direction === 'desc' ? 'DESC' : 'ASC';
}

// Hook feeding the virtual table: fetches browse.page pages on demand for the rows in view, keeps a bounded page cache.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BrowsePage, BrowsePageParams } from '../../../../shared/service/types';
import { describeError, type ErrorDescription } from '../../service/describeError';
import { useService } from '../../service/ServiceContext';
import { newPageLoader, PAGE_SIZE, requestPage, restartPageLoader, showRowsOf, type BrowseRow } from './pageLoader';

export type { BrowseRow } from './pageLoader';
export type PagedQuery = Omit<BrowsePageParams, 'offset' | 'limit'>;

export interface PagedRows {
  /** null until the first page answers. */
  total: number | null;
  columns: string[];
  rowAt: (index: number) => BrowseRow | undefined;
  /** Tell the hook which rows are on screen (inclusive). */
  showRows: (firstRow: number, lastRow: number) => void;
  error: ErrorDescription | null;
  /** Columns the service can sort this view by (undefined until the first page). */
  sortable?: string[];
  /** Columns that take a column filter. */
  filterable: string[];
  /** Said by the service when the view is narrower than asked. */
  notice?: string;
  /** Changes whenever a page arrives, so the table re-renders. */
  revision: number;
}

type PagedView = Omit<PagedRows, 'rowAt' | 'showRows'>;
const EMPTY_VIEW: PagedView = { total: null, columns: [], filterable: [], error: null, revision: 0 };

export function usePagedRows(query: PagedQuery | null): PagedRows {
  const client = useService();
  const loader = useRef(newPageLoader());
  const [view, setView] = useState(EMPTY_VIEW);
  const queryKey = query === null ? null : JSON.stringify(query);

  const fetchPage = useCallback(
    (page: number) => {
      if (queryKey === null) return;
      const params = { ...(JSON.parse(queryKey) as PagedQuery), offset: page * PAGE_SIZE, limit: PAGE_SIZE };
      requestPage(loader.current, page, () => client.call('browse.page', params), {
        answer: (result) => setView((current) => withPage(current, result)),
        failure: (caught) => setView((current) => ({ ...current, error: describeError(caught) })),
      });
    },
    [client, queryKey],
  );

  // A new query (table, search, filter, sort, snapshot) starts from scratch with page 0, which also brings the total.
  useEffect(() => {
    restartPageLoader(loader.current);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the reset belongs to the fetch this effect starts
    setView(({ notice: _oldNotice, ...current }) => ({
      ...current,
      total: null,
      error: null,
      revision: current.revision + 1,
    }));
    if (queryKey !== null) fetchPage(0);
    const current = loader.current;
    return () => window.clearTimeout(current.settleTimer);
  }, [queryKey, fetchPage]);

  const showRows = useCallback(
    (firstRow: number, lastRow: number) => showRowsOf(loader.current, firstRow, lastRow, fetchPage),
    [fetchPage],
  );
  const rowAt = useCallback((index: number) => loader.current.cache.rowAt(index), []);
  return { ...view, rowAt, showRows };
}

/** The same array while the names do not change, so what depends on it does not start over. */
function sameOr(current: string[], next: string[]): string[] {
  return current.length === next.length && current.every((name, index) => name === next[index]) ? current : next;
}

/** The view once a page arrived: its total, columns, what sorts and filters, its notice, no error. */
function withPage(current: PagedView, page: BrowsePage): PagedView {
  return {
    total: page.total,
    columns: sameOr(current.columns, page.columns),
    sortable: sameOr(current.sortable ?? [], page.sortable),
    filterable: sameOr(current.filterable, page.filterable),
    ...(page.notice !== undefined && { notice: page.notice }),
    error: null,
    revision: current.revision + 1,
  };
}

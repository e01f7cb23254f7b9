// Hook feeding the virtual table: fetches browse.page pages on demand for the rows in view, keeps a bounded page cache.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BrowsePageParams } from '../../../../shared/service/types';
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
  /** Changes whenever a page arrives, so the table re-renders. */
  revision: number;
}

type PagedView = Omit<PagedRows, 'rowAt' | 'showRows'>;
const EMPTY_VIEW: PagedView = { total: null, columns: [], error: null, revision: 0 };

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
    setView((current) => ({ ...current, total: null, error: null, revision: current.revision + 1 }));
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

/** The view once a page arrived: its total, the columns (the same array while they do not change), no error. */
function withPage(current: PagedView, { total, columns }: { total: number; columns: string[] }): PagedView {
  const sameColumns =
    current.columns.length === columns.length && current.columns.every((column, index) => column === columns[index]);
  return { total, columns: sameColumns ? current.columns : columns, error: null, revision: current.revision + 1 };
}

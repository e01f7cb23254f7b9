// Hook feeding the virtual table: fetches browse.page pages on demand for the rows in view, keeps a bounded page cache.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BrowsePageParams } from '../../../../shared/service/types';
import { describeError, type ErrorDescription } from '../../service/describeError';
import { useService } from '../../service/ServiceContext';
import { PageCache, pagesForRows } from './pageCache';

export type BrowseRow = Record<string, string | number | null>;
export type PagedQuery = Omit<BrowsePageParams, 'offset' | 'limit'>;

export const PAGE_SIZE = 200;
/** At most this many pages (MAX_CACHED_PAGES × PAGE_SIZE rows) are held, whatever the table size. */
export const MAX_CACHED_PAGES = 12;
/**
 * Scrolling must settle this long before pages are fetched, so a fling across a million rows fetches only where it
 * stops.
 */
const SETTLE_MS = 90;

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

export function usePagedRows(query: PagedQuery | null): PagedRows {
  const client = useService();
  const cache = useRef(new PageCache<BrowseRow>(PAGE_SIZE, MAX_CACHED_PAGES));
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const inView = useRef<number[]>([]);
  const settleTimer = useRef<number | undefined>(undefined);
  const totalRef = useRef<number | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [columns, setColumns] = useState<string[]>([]);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [revision, setRevision] = useState(0);
  const queryKey = query === null ? null : JSON.stringify(query);

  const fetchPage = useCallback(
    (page: number) => {
      if (queryKey === null) return;
      const ticket = generation.current;
      inFlight.current.add(page);
      const params: BrowsePageParams = {
        ...(JSON.parse(queryKey) as PagedQuery),
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      };
      client.call('browse.page', params).then(
        (result) => {
          if (ticket !== generation.current) return;
          inFlight.current.delete(page);
          cache.current.set(page, result.rows, inView.current);
          totalRef.current = result.total;
          setTotal(result.total);
          setColumns((current) => (sameColumns(current, result.columns) ? current : result.columns));
          setError(null);
          setRevision((count) => count + 1);
        },
        (caught: unknown) => {
          if (ticket !== generation.current) return;
          inFlight.current.delete(page);
          setError(describeError(caught));
        },
      );
    },
    [client, queryKey],
  );

  // A new query (table, search, filter, sort, snapshot) starts from scratch with page 0, which also brings the total.
  useEffect(() => {
    generation.current++;
    cache.current.clear();
    inFlight.current.clear();
    inView.current = [0];
    totalRef.current = null;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the reset belongs to the fetch this effect starts
    setTotal(null);
    setError(null);
    setRevision((count) => count + 1);
    if (queryKey !== null) fetchPage(0);
    return () => window.clearTimeout(settleTimer.current);
  }, [queryKey, fetchPage]);

  const showRows = useCallback(
    (firstRow: number, lastRow: number) => {
      const total = totalRef.current;
      if (total === null) return;
      const needed = pagesForRows(firstRow, lastRow, PAGE_SIZE, total);
      inView.current = needed;
      cache.current.touch(needed);
      window.clearTimeout(settleTimer.current);
      if (cache.current.missing(needed, inFlight.current).length === 0) return;
      settleTimer.current = window.setTimeout(() => {
        for (const page of cache.current.missing(inView.current, inFlight.current)) fetchPage(page);
      }, SETTLE_MS);
    },
    [fetchPage],
  );

  const rowAt = useCallback((index: number) => cache.current.rowAt(index), []);
  return { total, columns, rowAt, showRows, error, revision };
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((column, index) => column === b[index]);
}

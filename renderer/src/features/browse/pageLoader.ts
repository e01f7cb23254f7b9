// What usePagedRows keeps between renders without re-rendering: the page cache and the bookkeeping of its requests
// (which pages are asked for, which are on screen, which query an answer belongs to), and the steps that change it.
import type { BrowsePage } from '../../../../shared/service/types';
import { PageCache, pagesForRows } from './pageCache';

export type BrowseRow = Record<string, string | number | null>;

export const PAGE_SIZE = 200;
/** At most this many pages (MAX_CACHED_PAGES × PAGE_SIZE rows) are held, whatever the table size. */
export const MAX_CACHED_PAGES = 12;
/**
 * Scrolling must settle this long before pages are fetched, so a fling across a million rows fetches only where it
 * stops.
 */
const SETTLE_MS = 90;

export interface PageLoader {
  cache: PageCache<BrowseRow>;
  inFlight: Set<number>;
  /** Bumped by each new query: an answer to an older one is dropped. */
  generation: number;
  inView: number[];
  settleTimer: number | undefined;
  /** null until the query's first page answers. */
  total: number | null;
}

export function newPageLoader(): PageLoader {
  const cache = new PageCache<BrowseRow>(PAGE_SIZE, MAX_CACHED_PAGES);
  return { cache, inFlight: new Set(), generation: 0, inView: [], settleTimer: undefined, total: null };
}

/** A new query starts from scratch: nothing cached, nothing awaited, page 0 (which brings the total) in view. */
export function restartPageLoader(loader: PageLoader): void {
  loader.generation++;
  loader.cache.clear();
  loader.inFlight.clear();
  loader.inView = [0];
  loader.total = null;
}

/** Asks for one page; `on` hears the answer (already cached) or the failure, unless a newer query came since. */
export function requestPage(
  loader: PageLoader,
  page: number,
  fetchPage: (page: number) => Promise<BrowsePage>,
  on: { answer: (result: BrowsePage) => void; failure: (caught: unknown) => void },
): void {
  const ticket = loader.generation;
  loader.inFlight.add(page);
  fetchPage(page).then(
    (result) => {
      if (ticket !== loader.generation) return;
      loader.inFlight.delete(page);
      loader.cache.set(page, result.rows, loader.inView);
      loader.total = result.total;
      on.answer(result);
    },
    (caught: unknown) => {
      if (ticket !== loader.generation) return;
      loader.inFlight.delete(page);
      on.failure(caught);
    },
  );
}

/** Rows [firstRow, lastRow] are on screen: once scrolling settles, request the pages they need that are missing. */
export function showRowsOf(loader: PageLoader, firstRow: number, lastRow: number, request: (page: number) => void) {
  if (loader.total === null) return;
  const needed = pagesForRows(firstRow, lastRow, PAGE_SIZE, loader.total);
  loader.inView = needed;
  loader.cache.touch(needed);
  window.clearTimeout(loader.settleTimer);
  if (loader.cache.missing(needed, loader.inFlight).length === 0) return;
  loader.settleTimer = window.setTimeout(() => {
    for (const page of loader.cache.missing(loader.inView, loader.inFlight)) request(page);
  }, SETTLE_MS);
}

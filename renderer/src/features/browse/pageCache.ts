// Pure paging logic for the virtual table: which pages a visible row range needs, and a bounded least-recently-used
// page cache.

/** Page numbers covering rows [firstRow, lastRow] (inclusive), clamped to a table of `total` rows. */
export function pagesForRows(firstRow: number, lastRow: number, pageSize: number, total: number): number[] {
  if (total <= 0 || lastRow < firstRow) return [];
  const first = Math.max(0, Math.min(firstRow, total - 1));
  const last = Math.max(0, Math.min(lastRow, total - 1));
  const pages: number[] = [];
  for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) pages.push(page);
  return pages;
}

/** Keeps at most `maxPages` pages; evicts the least recently used, never a page the caller says is in view. */
export class PageCache<Row> {
  private readonly pages = new Map<number, Row[]>();

  constructor(
    readonly pageSize: number,
    readonly maxPages: number,
  ) {
    if (pageSize < 1 || maxPages < 1) throw new RangeError('pageSize and maxPages must be at least 1');
  }

  get size(): number {
    return this.pages.size;
  }

  has(page: number): boolean {
    return this.pages.has(page);
  }

  /** Stores a page (most recently used) and evicts old pages beyond the bound, sparing `inView`. */
  set(page: number, rows: Row[], inView: readonly number[] = []): void {
    this.pages.delete(page);
    this.pages.set(page, rows);
    const keep = new Set([...inView, page]);
    for (const cached of this.pages.keys()) {
      if (this.pages.size <= this.maxPages) break;
      if (!keep.has(cached)) this.pages.delete(cached);
    }
  }

  /** Marks pages as recently used (call with the pages in view). */
  touch(pages: readonly number[]): void {
    for (const page of pages) {
      const rows = this.pages.get(page);
      if (rows === undefined) continue;
      this.pages.delete(page);
      this.pages.set(page, rows);
    }
  }

  /** The row at an absolute index, or undefined while its page is not loaded. */
  rowAt(index: number): Row | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Pages of `needed` that are neither cached nor already being fetched. */
  missing(needed: readonly number[], inFlight: ReadonlySet<number>): number[] {
    return needed.filter((page) => !this.pages.has(page) && !inFlight.has(page));
  }

  cachedPages(): number[] {
    return [...this.pages.keys()];
  }

  clear(): void {
    this.pages.clear();
  }
}

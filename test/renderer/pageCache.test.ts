// Unit tests for the virtual table's paging: pages needed for a viewport, and the bounded LRU page cache.
import { describe, expect, it } from 'vitest';
import { PageCache, pagesForRows } from '../../renderer/src/features/browse/pageCache';

describe('pagesForRows', () => {
  it('covers a viewport inside one page with that page only', () => {
    expect(pagesForRows(10, 40, 200, 1_000_000)).toEqual([0]);
  });

  it('covers a viewport across a page boundary with both pages', () => {
    expect(pagesForRows(190, 230, 200, 1_000_000)).toEqual([0, 1]);
  });

  it('fetches only the pages at row 900,000 of a million-row table', () => {
    expect(pagesForRows(900_000 - 8, 900_030 + 8, 200, 1_000_000)).toEqual([4499, 4500]);
  });

  it('clamps to the table and returns nothing for an empty table', () => {
    expect(pagesForRows(950, 1200, 200, 1000)).toEqual([4]);
    expect(pagesForRows(0, 30, 200, 0)).toEqual([]);
    expect(pagesForRows(30, 10, 200, 1000)).toEqual([]);
  });
});

describe('PageCache', () => {
  const rows = (page: number) => Array.from({ length: 3 }, (_, index) => `p${page}r${index}`);

  it('returns rows by absolute index once their page is stored', () => {
    const cache = new PageCache<string>(3, 4);
    cache.set(2, rows(2));
    expect(cache.rowAt(7)).toBe('p2r1');
    expect(cache.rowAt(0)).toBeUndefined();
  });

  it('never holds more than maxPages pages while scrolling through a huge table', () => {
    const cache = new PageCache<string>(3, 4);
    for (let page = 0; page < 1000; page++) {
      cache.set(page, rows(page), [page]);
      expect(cache.size).toBeLessThanOrEqual(4);
    }
    expect(cache.cachedPages()).toEqual([996, 997, 998, 999]);
  });

  it('evicts the least recently used page, sparing pages in view', () => {
    const cache = new PageCache<string>(3, 2);
    cache.set(0, rows(0));
    cache.set(1, rows(1));
    cache.touch([0]);
    cache.set(2, rows(2), [0, 2]);
    expect(cache.cachedPages().sort()).toEqual([0, 2]);
  });

  it('may exceed the bound only by pages that are in view', () => {
    const cache = new PageCache<string>(3, 1);
    cache.set(0, rows(0));
    cache.set(1, rows(1), [0, 1]);
    expect(cache.size).toBe(2);
    cache.set(2, rows(2), [2]);
    expect(cache.cachedPages()).toEqual([2]);
  });

  it('lists pages still to fetch, skipping cached and in-flight ones', () => {
    const cache = new PageCache<string>(3, 10);
    cache.set(4, rows(4));
    expect(cache.missing([3, 4, 5], new Set([5]))).toEqual([3]);
  });

  it('rejects a zero bound', () => {
    expect(() => new PageCache<string>(0, 1)).toThrow(RangeError);
  });
});

// The maths of a scroll space that holds any number of rows. Browsers cap an element's height near 33.5 million
// pixels (Chromium), which at 30 px a row is 1.1 million rows. Up to MAX_SCROLL_PX the content is as tall as its rows;
// beyond, the content stays MAX_SCROLL_PX tall and the scroll position is scaled: the top of the scroll bar is row 0,
// its bottom the last screenful, so every row, the last one too, is reachable. The first row on screen ("top row",
// fractional) is the state; rows are drawn at the scroll position plus their distance from it.

/** Well under every browser's element-height limit (Chromium ~33.5 M px, Firefox ~17.9 M px). */
export const MAX_SCROLL_PX = 15_000_000;

export interface ScrollGeometry {
  total: number;
  rowHeight: number;
  /** Height of the visible rows' area (the scroll viewport less the sticky header). */
  viewportPx: number;
  /** Height of the scrollable content. */
  contentPx: number;
  /** True when the rows would be taller than MAX_SCROLL_PX and the scroll position is scaled. */
  scaled: boolean;
  /** The top row of the last screenful. */
  maxTopRow: number;
  maxScrollTop: number;
}

export function scrollGeometry(
  total: number,
  rowHeight: number,
  viewportPx: number,
  maxPx = MAX_SCROLL_PX,
): ScrollGeometry {
  const naturalPx = total * rowHeight;
  const contentPx = Math.min(naturalPx, maxPx);
  return {
    total,
    rowHeight,
    viewportPx,
    contentPx,
    scaled: naturalPx > maxPx,
    maxTopRow: Math.max(0, total - viewportPx / rowHeight),
    maxScrollTop: Math.max(0, contentPx - viewportPx),
  };
}

export function clampTopRow(topRow: number, geometry: ScrollGeometry): number {
  return Math.min(Math.max(0, topRow), geometry.maxTopRow);
}

/** The top row shown at a scroll position. */
export function topRowAt(scrollTop: number, geometry: ScrollGeometry): number {
  if (!geometry.scaled) return clampTopRow(scrollTop / geometry.rowHeight, geometry);
  if (geometry.maxScrollTop <= 0) return 0;
  return clampTopRow((scrollTop / geometry.maxScrollTop) * geometry.maxTopRow, geometry);
}

/** The scroll position that shows `topRow` at the top (scaled: the nearest pixel; the top row keeps the rest). */
export function scrollTopFor(topRow: number, geometry: ScrollGeometry): number {
  const row = clampTopRow(topRow, geometry);
  if (!geometry.scaled) return row * geometry.rowHeight;
  if (geometry.maxTopRow <= 0) return 0;
  return Math.round((row / geometry.maxTopRow) * geometry.maxScrollTop);
}

/** The rows to draw for a top row: those on screen plus `overscan` either side, within the table. */
export function rowsInView(topRow: number, geometry: ScrollGeometry, overscan = 6): { first: number; last: number } {
  if (geometry.total === 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(topRow) - overscan);
  const last = Math.min(geometry.total - 1, Math.ceil(topRow + geometry.viewportPx / geometry.rowHeight) + overscan);
  return { first, last };
}

/** Where row `index` is drawn in the content: the scroll position plus its distance from the top row. */
export function rowOffsetPx(index: number, topRow: number, scrollTop: number, geometry: ScrollGeometry): number {
  return scrollTop + (index - topRow) * geometry.rowHeight;
}

/** The rows fully or partly on screen, 1-based, for "Rows a–b of N". */
export function rowsOnScreen(topRow: number, geometry: ScrollGeometry): { from: number; to: number } {
  if (geometry.total === 0) return { from: 0, to: 0 };
  const from = Math.floor(topRow) + 1;
  const to = Math.min(geometry.total, Math.floor(topRow + geometry.viewportPx / geometry.rowHeight));
  return { from, to: Math.max(from, to) };
}

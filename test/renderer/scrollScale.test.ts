// The scroll-space maths of the Browse tables: past the browsers' element-height limit the scroll position is
// scaled, and every row, the last one too, is reachable; below it, positions are the rows' own pixels.
import { describe, expect, it } from 'vitest';
import {
  MAX_SCROLL_PX,
  rowOffsetPx,
  rowsInView,
  rowsOnScreen,
  scrollGeometry,
  scrollTopFor,
  topRowAt,
} from '../../renderer/src/features/browse/scrollScale';

/** Chromium's largest element height: the 9.8M-row table must fit under it. */
const CHROMIUM_LIMIT_PX = 33_554_428;
const ROW = 30;
const VIEWPORT = 600; // 20 rows on screen

describe('a table of 9.8 million rows', () => {
  const total = 9_800_000;
  const geometry = scrollGeometry(total, ROW, VIEWPORT);

  it('keeps its content under the browsers limit and scales the scroll position', () => {
    expect(geometry.scaled).toBe(true);
    expect(geometry.contentPx).toBe(MAX_SCROLL_PX);
    expect(geometry.contentPx).toBeLessThan(CHROMIUM_LIMIT_PX);
    expect(geometry.maxScrollTop).toBe(MAX_SCROLL_PX - VIEWPORT);
  });

  it('shows the last screenful at the bottom of the scroll bar, the last row on it', () => {
    const top = topRowAt(geometry.maxScrollTop, geometry);
    expect(top).toBe(total - VIEWPORT / ROW);
    expect(rowsOnScreen(top, geometry)).toEqual({ from: total - 19, to: total });
    const drawn = rowsInView(top, geometry);
    expect(drawn.last).toBe(total - 1);
    // The last row is drawn at the bottom of the viewport, inside the content.
    const lastOffset = rowOffsetPx(total - 1, top, geometry.maxScrollTop, geometry);
    expect(lastOffset + ROW).toBeCloseTo(geometry.maxScrollTop + VIEWPORT, 6);
    expect(lastOffset + ROW).toBeLessThanOrEqual(geometry.contentPx);
  });

  it('maps the scroll bar proportionally: halfway down is the middle row', () => {
    const middle = topRowAt(geometry.maxScrollTop / 2, geometry);
    expect(middle).toBeCloseTo(geometry.maxTopRow / 2, 6);
  });

  it('goes to any row: the scroll position lands within a pixel and the row stays exact', () => {
    for (const row of [0, 1, 1_118_488, 4_321_987, total - 20]) {
      const top = scrollTopFor(row, geometry);
      expect(Number.isInteger(top)).toBe(true);
      expect(Math.abs(topRowAt(top, geometry) - row)).toBeLessThan(geometry.maxTopRow / geometry.maxScrollTop);
      // Drawn where the viewport shows it: the row's offset is the scroll position itself.
      expect(rowOffsetPx(row, row, top, geometry)).toBe(top);
    }
    expect(scrollTopFor(total + 5, geometry)).toBe(geometry.maxScrollTop); // past the end: the last screenful
  });
});

describe('a table that fits', () => {
  const geometry = scrollGeometry(1000, ROW, VIEWPORT);

  it('uses the rows own pixels, unscaled', () => {
    expect(geometry.scaled).toBe(false);
    expect(geometry.contentPx).toBe(30_000);
    expect(topRowAt(4_500, geometry)).toBe(150);
    expect(scrollTopFor(150, geometry)).toBe(4_500);
    expect(rowOffsetPx(155, 150, 4_500, geometry)).toBe(155 * ROW);
    expect(rowsOnScreen(topRowAt(geometry.maxScrollTop, geometry), geometry)).toEqual({ from: 981, to: 1000 });
  });

  it('draws nothing for an empty table and stays at row 0', () => {
    const empty = scrollGeometry(0, ROW, VIEWPORT);
    expect(rowsInView(0, empty)).toEqual({ first: 0, last: -1 });
    expect(topRowAt(100, empty)).toBe(0);
  });
});

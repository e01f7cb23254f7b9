// The widths and visibility of VirtualTable's columns: each sized to its header and the first rows' values (as wide as
// they need, within limits) until the user resizes it; hidden columns are left out of the grid.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { humaniseName } from '../../format/labels';
import { displayValue } from '../../format/displayValue';
import type { BrowseRow } from './pageLoader';

export const MIN_COLUMN_PX = 56;
export const MAX_COLUMN_PX = 1200;
const MAX_AUTO_PX = 480;
/** Padding, sort arrow and resize handle around the text. */
const HEADER_EXTRA_PX = 48;
const CELL_EXTRA_PX = 24;

export interface ColumnLayout {
  visible: string[];
  hidden: ReadonlySet<string>;
  widthOf: (column: string) => number;
  gridTemplate: string;
  resize: (column: string, width: number) => void;
  setHidden: (column: string, hide: boolean) => void;
}

let measureContext: CanvasRenderingContext2D | null | undefined;

/** The rendered width of a text in the table's font (a rough estimate where canvas is missing). */
function textWidth(text: string, bold = false): number {
  if (measureContext === undefined) measureContext = document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * 8;
  const font = getComputedStyle(document.body).font || '14px sans-serif';
  measureContext.font = bold ? `600 ${font}` : font;
  return measureContext.measureText(text).width;
}

/** The row number column grows with the table: sized for its largest number, not the first rows'. */
function contentWidth(column: string, rows: BrowseRow[], total: number): number {
  let widest = textWidth(humaniseName(column), true) + HEADER_EXTRA_PX;
  if (column === 'seq') widest = Math.max(widest, textWidth(String(total)) + CELL_EXTRA_PX);
  for (const row of rows)
    widest = Math.max(widest, textWidth(displayValue(column, row[column], row).text) + CELL_EXTRA_PX);
  return Math.round(Math.min(MAX_AUTO_PX, Math.max(MIN_COLUMN_PX, widest)));
}

export function useColumnLayout(columns: string[], sampleRows: BrowseRow[], total: number): ColumnLayout {
  const [widths, setWidths] = useState<Record<string, number>>({});
  const [hidden, setHiddenColumns] = useState<ReadonlySet<string>>(new Set());

  useAutoWidths(columns, sampleRows, total, setWidths);

  const visible = useMemo(() => columns.filter((column) => !hidden.has(column)), [columns, hidden]);
  const widthOf = useCallback((column: string) => widths[column] ?? 144, [widths]);
  // The last column takes the room left over, so the rows reach the table's edge.
  const gridTemplate = visible
    .map((column, index) =>
      index === visible.length - 1 ? `minmax(${widthOf(column)}px, 1fr)` : `${widthOf(column)}px`,
    )
    .join(' ');
  const resize = useCallback((column: string, width: number) => {
    setWidths((current) => ({
      ...current,
      [column]: Math.round(Math.min(MAX_COLUMN_PX, Math.max(MIN_COLUMN_PX, width))),
    }));
  }, []);
  const setHidden = useCallback(
    (column: string, hide: boolean) =>
      setHiddenColumns((current) => {
        const next = new Set(current);
        if (hide && columns.length - next.size > 1) next.add(column);
        else next.delete(column);
        return next;
      }),
    [columns.length],
  );
  return { visible, hidden, widthOf, gridTemplate, resize, setHidden };
}

/** Sizes each column to its content once its first rows are there; a width the user chose stays. */
function useAutoWidths(
  columns: string[],
  sampleRows: BrowseRow[],
  total: number,
  setWidths: (update: (current: Record<string, number>) => Record<string, number>) => void,
) {
  useEffect(() => {
    if (sampleRows.length === 0) return;
    setWidths((current) => {
      const missing = columns.filter((column) => current[column] === undefined);
      if (missing.length === 0) return current;
      return {
        ...current,
        ...Object.fromEntries(missing.map((column) => [column, contentWidth(column, sampleRows, total)])),
      };
    });
  }, [columns, sampleRows, total, setWidths]);
}

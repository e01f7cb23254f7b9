// One row of VirtualTable, drawn at its offset: a placeholder until its page arrives, then its cells in words (the
// link column's cell a button that opens the row, when rows open). A click picks the cell (for copying, as in a data
// tool) and a double click opens the row, unless it ended a text selection: selecting text never opens anything.
import type { MouseEvent } from 'react';
import { displayValue } from '../../format/displayValue';
import type { BrowseRow } from './usePagedRows';

/** Fixed row height (the scroll maths in scrollScale.ts counts rows of this height). */
export const ROW_HEIGHT = 30;

export interface RowOptions {
  columns: string[];
  gridTemplate: string;
  linkColumn: string | undefined;
  /** aria-rowindex of the first data row (after the header rows). */
  firstRowIndex: number;
  onOpenRow?: (row: BrowseRow) => void;
  openRowLabel?: (row: BrowseRow) => string;
  selectedKey?: string;
  rowKey: (row: BrowseRow) => string;
  activeCell: { row: number; column: string } | null;
  onPickCell: (row: number, column: string) => void;
}

interface RowProps {
  index: number;
  offsetPx: number;
  row?: BrowseRow;
  options: RowOptions;
}

const isActive = (cell: RowOptions['activeCell'], row: number, column: string) =>
  cell?.row === row && cell.column === column;

function selectingText(): boolean {
  return (window.getSelection()?.toString() ?? '') !== '';
}

export function VirtualTableRow({ index, offsetPx, row, options }: RowProps) {
  const { columns, gridTemplate, onOpenRow, selectedKey, rowKey, activeCell } = options;
  const key = row ? rowKey(row) : undefined;
  const rowClasses =
    (row ? '' : ' vtable-row-loading') +
    (onOpenRow ? ' vtable-row-openable' : '') +
    (key !== undefined && key === selectedKey ? ' vtable-row-selected' : '');
  const onDoubleClick = (event: MouseEvent) => {
    if (!row || !onOpenRow || selectingText()) return;
    if ((event.target as HTMLElement).closest('button')) return; // the open button opens it itself
    onOpenRow(row);
  };
  return (
    <div
      role="row"
      aria-rowindex={index + options.firstRowIndex}
      data-row={index}
      className={`vtable-row${rowClasses}`}
      style={{ gridTemplateColumns: gridTemplate, height: ROW_HEIGHT, transform: `translateY(${offsetPx}px)` }}
    >
      {columns.map((column) => (
        <div
          role="cell"
          key={column}
          className={`vtable-cell${isActive(activeCell, index, column) ? ' vtable-cell-active' : ''}`}
          onClick={() => options.onPickCell(index, column)}
          onDoubleClick={onDoubleClick}
        >
          {row ? <RowCell row={row} column={column} options={options} /> : <span className="muted">…</span>}
        </div>
      ))}
    </div>
  );
}

function RowCell({ row, column, options }: { row: BrowseRow; column: string; options: RowOptions }) {
  const { linkColumn, onOpenRow, openRowLabel } = options;
  const shown = displayValue(column, row[column], row);
  if (column === linkColumn && onOpenRow) {
    return (
      <button
        type="button"
        className="row-open"
        aria-label={openRowLabel?.(row)}
        title={shown.title}
        onClick={() => onOpenRow(row)}
      >
        {shown.text}
      </button>
    );
  }
  return <span title={shown.title}>{shown.text}</span>;
}

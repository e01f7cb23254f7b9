// One row of VirtualTable, placed at its offset: a placeholder until its page arrives, then its cells (the link
// column's cell a button that opens the row, when rows open).
import type { VirtualItem } from '@tanstack/react-virtual';
import { formatDateTime } from '../../format/formatDateTime';
import type { BrowseRow } from './usePagedRows';

/** Fixed row height; 30 px keeps a million rows under Chromium's ~33.5 M px element-height limit. */
export const ROW_HEIGHT = 30;

export interface RowOptions {
  columns: string[];
  gridTemplate: string;
  linkColumn: string | undefined;
  onOpenRow?: (row: BrowseRow) => void;
  openRowLabel?: (row: BrowseRow) => string;
  selectedKey?: string;
  rowKey: (row: BrowseRow) => string;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function cellText(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' && ISO_TIMESTAMP.test(value) ? formatDateTime(value) : String(value);
}

export function VirtualTableRow({ item, row, options }: { item: VirtualItem; row?: BrowseRow; options: RowOptions }) {
  const { columns, gridTemplate, onOpenRow, selectedKey, rowKey } = options;
  const key = row ? rowKey(row) : undefined;
  const rowClasses =
    (row ? '' : ' vtable-row-loading') +
    (onOpenRow ? ' vtable-row-openable' : '') +
    (key !== undefined && key === selectedKey ? ' vtable-row-selected' : '');
  return (
    <div
      role="row"
      aria-rowindex={item.index + 2}
      className={`vtable-row${rowClasses}`}
      style={{ gridTemplateColumns: gridTemplate, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
      onClick={row && onOpenRow ? () => onOpenRow(row) : undefined}
    >
      {columns.map((column) => (
        <div role="cell" key={column} className="vtable-cell">
          {row ? <RowCell row={row} column={column} options={options} /> : <span className="muted">…</span>}
        </div>
      ))}
    </div>
  );
}

function RowCell({ row, column, options }: { row: BrowseRow; column: string; options: RowOptions }) {
  const { linkColumn, onOpenRow, openRowLabel } = options;
  if (column === linkColumn && onOpenRow) {
    return (
      <button
        type="button"
        className="row-open"
        aria-label={openRowLabel?.(row)}
        onClick={(event) => {
          event.stopPropagation();
          onOpenRow(row);
        }}
      >
        {cellText(row[column])}
      </button>
    );
  }
  return <span title={row[column] === null ? undefined : String(row[column])}>{cellText(row[column])}</span>;
}

// Virtualised, sortable table over paged rows: only the rows in view are in the DOM, and only their pages are fetched.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { BrowseRow, PagedRows } from './usePagedRows';
import { VirtualTableHeader } from './VirtualTableHeader';
import { ROW_HEIGHT, VirtualTableRow, type RowOptions } from './VirtualTableRow';

export interface TableSort {
  column: string;
  direction: 'asc' | 'desc';
}

export interface VirtualTableProps {
  label: string;
  paged: PagedRows;
  sort: TableSort | undefined;
  onSort: (sort: TableSort) => void;
  /** Columns that can be sorted; undefined means all. */
  sortableColumns?: string[];
  /** When given, the link column's cell is a button that opens the row (and a click anywhere on the row does too). */
  onOpenRow?: (row: BrowseRow) => void;
  /** Defaults to the first column. */
  linkColumn?: string;
  /** Show the id column last (people read names first; the id stays for auditing). */
  idColumnLast?: boolean;
  openRowLabel?: (row: BrowseRow) => string;
  selectedKey?: string;
  rowKey: (row: BrowseRow) => string;
}

export function VirtualTable(props: VirtualTableProps) {
  const { label, paged, sort, onSort, sortableColumns, onOpenRow, openRowLabel, selectedKey, rowKey } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = paged.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const { showRows } = paged;
  useEffect(() => {
    if (lastIndex >= 0) showRows(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, total, showRows]);

  const columns =
    props.idColumnLast && paged.columns.includes('id')
      ? [...paged.columns.filter((column) => column !== 'id'), 'id']
      : paged.columns;
  const linkColumn = props.linkColumn && columns.includes(props.linkColumn) ? props.linkColumn : columns[0];
  const gridTemplate = `repeat(${Math.max(columns.length, 1)}, minmax(9rem, 1fr))`;
  const rowOptions: RowOptions = { columns, gridTemplate, linkColumn, onOpenRow, openRowLabel, selectedKey, rowKey };

  return (
    <div className="vtable-scroll" ref={scrollRef} tabIndex={0} role="region" aria-label={`${label} (scrollable)`}>
      <div role="table" aria-label={label} aria-rowcount={total + 1} aria-colcount={columns.length} className="vtable">
        <VirtualTableHeader {...{ columns, gridTemplate, sort, onSort, sortableColumns }} />
        <div role="rowgroup" className="vtable-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <VirtualTableRow key={item.key} item={item} row={paged.rowAt(item.index)} options={rowOptions} />
          ))}
        </div>
      </div>
    </div>
  );
}

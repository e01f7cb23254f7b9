// Virtualised, sortable table over paged rows: only the rows in view are in the DOM, and only their pages are fetched.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { formatDateTime } from '../../format/formatDateTime';
import { humaniseName } from '../../format/labels';
import type { BrowseRow, PagedRows } from './usePagedRows';

/** Fixed row height; 30 px keeps a million rows under Chromium's ~33.5 M px element-height limit. */
export const ROW_HEIGHT = 30;

export interface TableSort {
  column: string;
  direction: 'asc' | 'desc';
}

interface VirtualTableProps {
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

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function cellText(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' && ISO_TIMESTAMP.test(value) ? formatDateTime(value) : String(value);
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

  return (
    <div className="vtable-scroll" ref={scrollRef} tabIndex={0} role="region" aria-label={`${label} (scrollable)`}>
      <div role="table" aria-label={label} aria-rowcount={total + 1} aria-colcount={columns.length} className="vtable">
        <div role="rowgroup" className="vtable-head">
          <div role="row" aria-rowindex={1} className="vtable-row" style={{ gridTemplateColumns: gridTemplate }}>
            {columns.map((column) => {
              if (sortableColumns && !sortableColumns.includes(column)) {
                return (
                  <div role="columnheader" key={column} className="vtable-cell vtable-plain-header">
                    {humaniseName(column)}
                  </div>
                );
              }
              const active = sort?.column === column;
              const nextDirection = active && sort?.direction === 'asc' ? 'desc' : 'asc';
              return (
                <div
                  role="columnheader"
                  key={column}
                  className="vtable-cell"
                  aria-sort={active ? (sort?.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => onSort({ column, direction: nextDirection })}
                  >
                    {humaniseName(column)}
                    <span aria-hidden="true" className="sort-arrow">
                      {active ? (sort?.direction === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="vtable-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = paged.rowAt(item.index);
            const key = row ? rowKey(row) : undefined;
            const rowClasses =
              (row ? '' : ' vtable-row-loading') +
              (onOpenRow ? ' vtable-row-openable' : '') +
              (key !== undefined && key === selectedKey ? ' vtable-row-selected' : '');
            return (
              <div
                role="row"
                key={item.key}
                aria-rowindex={item.index + 2}
                className={`vtable-row${rowClasses}`}
                style={{
                  gridTemplateColumns: gridTemplate,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                }}
                onClick={row && onOpenRow ? () => onOpenRow(row) : undefined}
              >
                {columns.map((column) => (
                  <div role="cell" key={column} className="vtable-cell">
                    {!row ? (
                      <span className="muted">…</span>
                    ) : column === linkColumn && onOpenRow ? (
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
                    ) : (
                      <span title={row[column] === null ? undefined : String(row[column])}>
                        {cellText(row[column])}
                      </span>
                    )}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

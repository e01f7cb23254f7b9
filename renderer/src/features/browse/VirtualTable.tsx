// Virtualised table over paged rows, like a data tool: only the rows in view are in the DOM and only their pages are
// fetched; any row of millions is reachable (scaled scrolling, "Go to row"); columns sort, filter, resize, hide and
// size to their content; a picked cell or its row copies to the clipboard.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { BrowseRow, PagedRows } from './usePagedRows';
import { rowOffsetPx, rowsInView } from './scrollScale';
import { TablePositionBar } from './TablePositionBar';
import { useColumnLayout } from './useColumnLayout';
import { useScaledScroll, type ScaledScroll } from './useScaledScroll';
import { useTableCopy } from './useTableCopy';
import { tableKeyHandler, type ActiveCell } from './useTableKeys';
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
  filters: Record<string, string>;
  onFilter: (column: string, text: string) => void;
  /** When given, the link column's cell is a button that opens the row (as do Enter and a double click on it). */
  onOpenRow?: (row: BrowseRow) => void;
  /** Defaults to the first column. */
  linkColumn?: string;
  /** Show the id column last (people read names first; the id stays for auditing). */
  idColumnLast?: boolean;
  openRowLabel?: (row: BrowseRow) => string;
  selectedKey?: string;
  rowKey: (row: BrowseRow) => string;
  /** The tab's own buttons beside the copy buttons, given the columns shown (export this view). */
  actions?: (columns: string[]) => ReactNode;
  /** Changes with the query (search, filters, sort): the view goes back to its first row. */
  queryKey: string;
}

const SAMPLE_ROWS = 60;

function orderedColumns(columns: string[], idColumnLast: boolean | undefined): string[] {
  return idColumnLast && columns.includes('id') ? [...columns.filter((column) => column !== 'id'), 'id'] : columns;
}

/** Everything the table draws from: scroll position, columns, rows in view, the picked cell and what keys do. */
function useVirtualTable(props: VirtualTableProps) {
  const { paged } = props;
  const total = paged.total ?? 0;
  const scroll = useScaledScroll(total, ROW_HEIGHT);
  const allColumns = useMemo(
    () => orderedColumns(paged.columns, props.idColumnLast),
    [paged.columns, props.idColumnLast],
  );
  const sample = useMemo(() => firstRows(paged, total), [paged, total]);
  const layout = useColumnLayout(allColumns, sample, total);
  const range = rowsInView(scroll.topRow, scroll.geometry);
  useRowsInView(paged, range, total);
  const picking = useCellPicking(props, scroll, layout.visible, total);
  return { ...scroll, ...picking, total, allColumns, layout, columns: layout.visible, range };
}

/** The picked cell: set by a click, the keys or "Go to row"; copied by the buttons and keys; cleared by a new query. */
function useCellPicking(props: VirtualTableProps, scroll: ScaledScroll, columns: string[], total: number) {
  const { paged } = props;
  const { goTo, topRow, geometry } = scroll;
  const [active, setActive] = useState<ActiveCell | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    goTo(0);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new query's rows are other rows
    setActive(null);
  }, [props.queryKey, goTo]);
  const copy = useTableCopy(paged, columns, active, setAnnouncement);
  const visibleRows = Math.max(1, Math.floor(geometry.viewportPx / ROW_HEIGHT));
  const onKeyDown = tableKeyHandler({
    ...{ total, columns, topRow, visibleRows, active, setActive, goTo, copy },
    ...{ onOpenRow: props.onOpenRow, rowAt: paged.rowAt },
  });
  const goToRow = (rowNumber: number) => {
    goTo(rowNumber - 1);
    setActive({ row: rowNumber - 1, column: columns[0] ?? '' });
    setAnnouncement(`Row ${rowNumber.toLocaleString()} is picked.`);
  };
  return { active, setActive, announcement, copy, onKeyDown, goToRow };
}

export function VirtualTable(props: VirtualTableProps) {
  const table = useVirtualTable(props);
  const { paged, label } = props;
  return (
    <>
      <TablePositionBar
        {...{ label, geometry: table.geometry, topRow: table.topRow, columns: table.allColumns }}
        {...{ layout: table.layout, announcement: table.announcement, actions: props.actions?.(table.columns) }}
        onGoToRow={table.goToRow}
        canCopy={table.active !== null && paged.rowAt(table.active.row) !== undefined}
        onCopy={table.copy}
      />
      <TableScrollRegion table={table} props={props} />
    </>
  );
}

type TableState = ReturnType<typeof useVirtualTable>;

function rowOptionsOf(table: TableState, props: VirtualTableProps, headerRows: number): RowOptions {
  const { columns } = table;
  return {
    ...{ columns, gridTemplate: table.layout.gridTemplate, onOpenRow: props.onOpenRow },
    ...{ openRowLabel: props.openRowLabel, selectedKey: props.selectedKey, rowKey: props.rowKey },
    ...{ activeCell: table.active, firstRowIndex: headerRows + 1 },
    linkColumn: props.linkColumn && columns.includes(props.linkColumn) ? props.linkColumn : columns[0],
    onPickCell: (row, column) => table.setActive({ row, column }),
  };
}

function TableScrollRegion({ table, props }: { table: TableState; props: VirtualTableProps }) {
  const { paged, label } = props;
  const { columns, layout } = table;
  const headerRows = paged.filterable.length > 0 ? 2 : 1;
  return (
    <div
      {...{ className: 'vtable-scroll', ref: table.scrollRef, onScroll: table.onScroll, onKeyDown: table.onKeyDown }}
      {...{ tabIndex: 0, role: 'region', 'aria-label': `${label} (scrollable)` }}
    >
      <div
        {...{ role: 'table', 'aria-label': label, 'aria-rowcount': table.total + headerRows }}
        {...{ 'aria-colcount': columns.length, className: 'vtable' }}
      >
        <VirtualTableHeader
          {...{ columns, layout, sort: props.sort, onSort: props.onSort, filters: props.filters }}
          {...{ onFilter: props.onFilter, sortable: paged.sortable, filterable: paged.filterable }}
          headerRef={table.headerRef}
        />
        <TableBody table={table} paged={paged} options={rowOptionsOf(table, props, headerRows)} />
      </div>
    </div>
  );
}

/** The rows in view (and a few either side), each at its offset in the (possibly scaled) scroll space. */
function TableBody({ table, paged, options }: { table: TableState; paged: PagedRows; options: RowOptions }) {
  const { range, geometry } = table;
  const indexes = Array.from(
    { length: Math.max(0, range.last - range.first + 1) },
    (_, offset) => range.first + offset,
  );
  return (
    <div role="rowgroup" className="vtable-body" style={{ height: geometry.contentPx }}>
      {indexes.map((index) => (
        <VirtualTableRow
          key={index}
          index={index}
          offsetPx={rowOffsetPx(index, table.topRow, table.scrollTop, geometry)}
          row={paged.rowAt(index)}
          options={options}
        />
      ))}
    </div>
  );
}

/** Tells the paged rows which rows are on screen, so their pages are fetched. */
function useRowsInView(paged: PagedRows, range: { first: number; last: number }, total: number) {
  const { showRows } = paged;
  useEffect(() => {
    if (range.last >= 0) showRows(range.first, range.last);
  }, [range.first, range.last, total, showRows]);
}

/** The first rows once loaded (they size the columns); recomputed as pages arrive. */
function firstRows(paged: PagedRows, total: number): BrowseRow[] {
  void paged.revision;
  const rows: BrowseRow[] = [];
  for (let index = 0; index < Math.min(total, SAMPLE_ROWS); index++) {
    const row = paged.rowAt(index);
    if (row) rows.push(row);
  }
  return rows;
}

// The header row of VirtualTable: a sort button per sortable column (its arrow and aria-sort say the current order).
import { humaniseName } from '../../format/labels';
import type { TableSort } from './VirtualTable';

interface HeaderRowProps {
  columns: string[];
  gridTemplate: string;
  sort: TableSort | undefined;
  onSort: (sort: TableSort) => void;
  /** Columns that can be sorted; undefined means all. */
  sortableColumns?: string[];
}

export function VirtualTableHeader({ columns, gridTemplate, sort, onSort, sortableColumns }: HeaderRowProps) {
  return (
    <div role="rowgroup" className="vtable-head">
      <div role="row" aria-rowindex={1} className="vtable-row" style={{ gridTemplateColumns: gridTemplate }}>
        {columns.map((column) =>
          sortableColumns && !sortableColumns.includes(column) ? (
            <div role="columnheader" key={column} className="vtable-cell vtable-plain-header">
              {humaniseName(column)}
            </div>
          ) : (
            <SortableHeader key={column} column={column} sort={sort} onSort={onSort} />
          ),
        )}
      </div>
    </div>
  );
}

function SortableHeader({ column, sort, onSort }: { column: string } & Pick<HeaderRowProps, 'sort' | 'onSort'>) {
  const active = sort?.column === column;
  const nextDirection = active && sort?.direction === 'asc' ? 'desc' : 'asc';
  return (
    <div
      role="columnheader"
      className="vtable-cell"
      aria-sort={active ? (sort?.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" className="sort-button" onClick={() => onSort({ column, direction: nextDirection })}>
        {humaniseName(column)}
        <span aria-hidden="true" className="sort-arrow">
          {active ? (sort?.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </div>
  );
}

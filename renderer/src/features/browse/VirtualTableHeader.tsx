// The header of VirtualTable: per column a sort button (its arrow and aria-sort say the order; a column the service
// cannot sort at this size says why), a resize handle, and below, a filter field for each column that takes one.
import type { RefObject } from 'react';
import { RELATION_KIND_WORDS } from '../../../../shared/service/types';
import { humaniseName } from '../../format/labels';
import { ColumnResizer } from './ColumnResizer';
import type { ColumnLayout } from './useColumnLayout';
import type { TableSort } from './VirtualTable';

export interface HeaderProps {
  columns: string[];
  layout: ColumnLayout;
  sort: TableSort | undefined;
  onSort: (sort: TableSort) => void;
  /** Columns that can be sorted (the service says which); undefined means all. */
  sortable?: readonly string[];
  filterable: readonly string[];
  filters: Record<string, string>;
  onFilter: (column: string, text: string) => void;
  headerRef: RefObject<HTMLDivElement | null>;
}

export function VirtualTableHeader(props: HeaderProps) {
  const { columns, layout, sortable, headerRef } = props;
  return (
    <div role="rowgroup" className="vtable-head" ref={headerRef}>
      <div role="row" aria-rowindex={1} className="vtable-row" style={{ gridTemplateColumns: layout.gridTemplate }}>
        {columns.map((column) => (
          <div
            role="columnheader"
            key={column}
            className="vtable-cell vtable-header-cell"
            aria-sort={sortState(props.sort, column)}
          >
            {!sortable || sortable.includes(column) ? (
              <SortButton column={column} sort={props.sort} onSort={props.onSort} />
            ) : (
              <span className="vtable-plain-header" title="Too many rows to sort by this column: filter first">
                {humaniseName(column)}
              </span>
            )}
            <ColumnResizer column={column} width={layout.widthOf(column)} onResize={layout.resize} />
          </div>
        ))}
      </div>
      {props.filterable.length > 0 && <FilterRow {...props} />}
    </div>
  );
}

function sortState(sort: TableSort | undefined, column: string) {
  if (sort?.column !== column) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

function SortButton({ column, sort, onSort }: { column: string } & Pick<HeaderProps, 'sort' | 'onSort'>) {
  const active = sort?.column === column;
  const nextDirection = active && sort?.direction === 'asc' ? 'desc' : 'asc';
  return (
    <button type="button" className="sort-button" onClick={() => onSort({ column, direction: nextDirection })}>
      {humaniseName(column)}
      <span aria-hidden="true" className="sort-arrow">
        {active ? (sort?.direction === 'asc' ? '▲' : '▼') : '↕'}
      </span>
    </button>
  );
}

/** One filter field per column that takes one (the relation kind: a choice of kinds in words). */
function FilterRow({ columns, layout, filterable, filters, onFilter }: HeaderProps) {
  return (
    <div
      role="row"
      aria-rowindex={2}
      className="vtable-row vtable-filter-row"
      style={{ gridTemplateColumns: layout.gridTemplate }}
    >
      {columns.map((column) => {
        const label = `Filter ${humaniseName(column)}`;
        return (
          <div role="cell" key={column} className="vtable-cell">
            {!filterable.includes(column) ? null : column === 'kind' ? (
              <select
                aria-label={label}
                value={filters[column] ?? ''}
                onChange={(event) => onFilter(column, event.target.value)}
              >
                <option value="">any</option>
                {Object.entries(RELATION_KIND_WORDS).map(([kind, words]) => (
                  <option key={kind} value={kind}>
                    {words}
                  </option>
                ))}
              </select>
            ) : (
              <input
                type="search"
                aria-label={label}
                placeholder="filter"
                value={filters[column] ?? ''}
                onChange={(event) => onFilter(column, event.target.value)}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

// One Browse tab: debounced search, a filter, and the virtualised sortable table of that service table.
import { useId, useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatCount } from '../../format/formatDuration';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { rowIdOf, rowNameOf, type BrowseTab } from './browseTabDefinitions';
import type { OpenDetail } from './detailSelection';
import { usePagedRows, type BrowseRow, type PagedQuery } from './usePagedRows';
import { VirtualTable, type TableSort } from './VirtualTable';

interface BrowseTabPanelProps {
  tab: BrowseTab;
  snapshotId: number;
  openDetail: OpenDetail;
  openedId: string | undefined;
}

export function BrowseTabPanel({ tab, snapshotId, openDetail, openedId }: BrowseTabPanelProps) {
  const searchId = useId();
  const filterId = useId();
  const [searchInput, setSearchInput] = useState('');
  const search = useDebouncedValue(searchInput.trim(), 300);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<TableSort | undefined>(undefined);

  const query = useMemo<PagedQuery>(
    () => ({
      snapshotId,
      table: tab.table,
      ...(search ? { search } : {}),
      ...(filter ? { filter } : {}),
      ...(sort ? { sort } : {}),
    }),
    [snapshotId, tab.table, search, filter, sort],
  );
  const paged = usePagedRows(query);
  const { openTarget } = tab;
  const openRow = openTarget
    ? (row: BrowseRow) => {
        const target = openTarget(row);
        if (target) openDetail(target);
      }
    : undefined;

  return (
    <>
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor={searchId}>Search {tab.label.toLowerCase()}</label>
          <input
            id={searchId}
            type="search"
            value={searchInput}
            onChange={(event) => setSearchInput(event.target.value)}
          />
        </div>
        {tab.filterOptions && (
          <div className="field field-inline">
            <label htmlFor={filterId}>{tab.filterLabel}</label>
            <select id={filterId} value={filter} onChange={(event) => setFilter(event.target.value)}>
              <option value="">All</option>
              {tab.filterOptions.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <p className="row-count" role="status" aria-live="polite">
          {paged.total === null ? 'Loading…' : `${formatCount(paged.total)} ${paged.total === 1 ? 'row' : 'rows'}`}
        </p>
      </div>
      <ErrorAlert error={paged.error} />
      {paged.total === 0 ? (
        <p className="empty-state">
          {search || filter ? 'Nothing matches this search.' : `No ${tab.label.toLowerCase()} in this snapshot.`}
        </p>
      ) : (
        <VirtualTable
          label={tab.label}
          paged={paged}
          sort={sort}
          onSort={setSort}
          rowKey={rowIdOf}
          selectedKey={openedId}
          sortableColumns={tab.sortableColumns}
          linkColumn={tab.linkColumn}
          idColumnLast={tab.idColumnLast}
          onOpenRow={openRow}
          openRowLabel={
            openTarget
              ? (row) => `Open ${openTarget(row)?.kind ?? tab.noun} ${openTarget(row)?.name ?? rowNameOf(row)}`
              : undefined
          }
        />
      )}
    </>
  );
}

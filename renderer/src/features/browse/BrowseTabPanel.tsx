// One Browse tab: debounced search, a filter, and the virtualised sortable table of that service table.
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { rowIdOf, rowNameOf, type BrowseTab } from './browseTabDefinitions';
import { BrowseToolbar } from './BrowseToolbar';
import type { OpenDetail } from './detailSelection';
import { usePagedRows, type BrowseRow, type PagedQuery } from './usePagedRows';
import { VirtualTable, type TableSort, type VirtualTableProps } from './VirtualTable';

interface BrowseTabPanelProps {
  tab: BrowseTab;
  snapshotId: number;
  openDetail: OpenDetail;
  openedId: string | undefined;
}

export function BrowseTabPanel({ tab, snapshotId, openDetail, openedId }: BrowseTabPanelProps) {
  const { searchInput, setSearchInput, search, filter, setFilter, sort, setSort, query } = useTabQuery(tab, snapshotId);
  const paged = usePagedRows(query);
  return (
    <>
      <BrowseToolbar
        {...{ tab, searchInput, filter, total: paged.total }}
        onSearchInput={setSearchInput}
        onFilter={setFilter}
      />
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
          {...rowOpening(tab, openDetail)}
        />
      )}
    </>
  );
}

/** How a row of this tab opens its detail, when its rows open: the handler and the open button's accessible name. */
function rowOpening(tab: BrowseTab, openDetail: OpenDetail): Pick<VirtualTableProps, 'onOpenRow' | 'openRowLabel'> {
  const { openTarget } = tab;
  if (!openTarget) return {};
  return {
    onOpenRow: (row: BrowseRow) => {
      const target = openTarget(row);
      if (target) openDetail(target);
    },
    openRowLabel: (row) => `Open ${openTarget(row)?.kind ?? tab.noun} ${openTarget(row)?.name ?? rowNameOf(row)}`,
  };
}

/** The tab's search (debounced as typed), filter and sort, and the query they make. */
function useTabQuery(tab: BrowseTab, snapshotId: number) {
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
  return { searchInput, setSearchInput, search, filter, setFilter, sort, setSort, query };
}

// One Browse tab: debounced search, the toolbar filter, per-column filters, and the virtualised table of that
// service table.
import { useMemo, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { rowIdOf, rowNameOf, type BrowseTab } from './browseTabDefinitions';
import { BrowseToolbar } from './BrowseToolbar';
import type { OpenDetail } from './detailSelection';
import { usePagedRows, type BrowseRow, type PagedQuery, type PagedRows } from './usePagedRows';
import { VirtualTable, type TableSort, type VirtualTableProps } from './VirtualTable';

interface BrowseTabPanelProps {
  tab: BrowseTab;
  snapshotId: number;
  openDetail: OpenDetail;
  openedId: string | undefined;
  /** Buttons for the table's position bar, given the query on screen (export this view). */
  actionsFor?: (query: PagedQuery & { columns: string[] }, label: string) => ReactNode;
}

export function BrowseTabPanel({ tab, snapshotId, openDetail, openedId, actionsFor }: BrowseTabPanelProps) {
  const state = useTabQuery(tab, snapshotId);
  const paged = usePagedRows(state.query);
  const narrowed = state.search !== '' || state.filter !== '' || Object.values(state.columnFilters).some(Boolean);
  return (
    <>
      <BrowseToolbar
        {...{ tab, searchInput: state.searchInput, filter: state.filter, total: paged.total }}
        onSearchInput={state.setSearchInput}
        onFilter={state.setFilter}
      />
      <ErrorAlert error={paged.error} />
      {paged.notice && (
        <p className="text-warning" role="note">
          {paged.notice}
        </p>
      )}
      <TabTable {...{ tab, state, paged, narrowed, openDetail, openedId, actionsFor }} />
    </>
  );
}

type TabQuery = ReturnType<typeof useTabQuery>;

/** The table, or why there is none: nothing in the snapshot, or nothing matching (the table stays for its filters). */
function TabTable(
  props: Omit<BrowseTabPanelProps, 'snapshotId'> & { state: TabQuery; paged: PagedRows; narrowed: boolean },
) {
  const { tab, state, paged, narrowed, openDetail, openedId, actionsFor } = props;
  return (
    <>
      {paged.total === 0 && !narrowed ? (
        <p className="empty-state">No {tab.label.toLowerCase()} in this snapshot.</p>
      ) : (
        <>
          {paged.total === 0 && <p className="empty-state">Nothing matches this search and these filters.</p>}
          <VirtualTable
            label={tab.label}
            paged={paged}
            sort={state.sort}
            onSort={state.setSort}
            filters={state.columnFilterInputs}
            onFilter={state.setColumnFilter}
            rowKey={rowIdOf}
            selectedKey={openedId}
            linkColumn={tab.linkColumn}
            idColumnLast={tab.idColumnLast}
            actions={(columns) => actionsFor?.({ ...state.query, columns }, tab.label)}
            queryKey={JSON.stringify(state.query)}
            {...rowOpening(tab, openDetail)}
          />
        </>
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

/** The tab's search and column filters (debounced as typed), toolbar filter and sort, and the query they make. */
function useTabQuery(tab: BrowseTab, snapshotId: number) {
  const [searchInput, setSearchInput] = useState('');
  const search = useDebouncedValue(searchInput.trim(), 300);
  const [columnFilterInputs, setColumnFilterInputs] = useState<Record<string, string>>({});
  const columnFilters = useDebouncedValue(columnFilterInputs, 300);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<TableSort | undefined>(undefined);
  const query = useMemo<PagedQuery>(() => {
    const activeFilters = Object.fromEntries(Object.entries(columnFilters).filter(([, text]) => text.trim() !== ''));
    return {
      snapshotId,
      table: tab.table,
      ...(search ? { search } : {}),
      ...(filter ? { filter } : {}),
      ...(Object.keys(activeFilters).length > 0 ? { columnFilters: activeFilters } : {}),
      ...(sort ? { sort } : {}),
    };
  }, [snapshotId, tab.table, search, filter, columnFilters, sort]);
  const setColumnFilter = (column: string, text: string) =>
    setColumnFilterInputs((current) => ({ ...current, [column]: text }));
  return {
    searchInput,
    setSearchInput,
    search,
    filter,
    setFilter,
    sort,
    setSort,
    columnFilterInputs,
    columnFilters,
    setColumnFilter,
    query,
  };
}

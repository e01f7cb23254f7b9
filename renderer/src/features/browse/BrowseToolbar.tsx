// Above a Browse tab's table: its search box, its filter (when the tab has one) and how many rows match.
import { useId } from 'react';
import { formatCount } from '../../format/formatDuration';
import type { BrowseTab } from './browseTabDefinitions';

interface BrowseToolbarProps {
  tab: BrowseTab;
  searchInput: string;
  onSearchInput: (value: string) => void;
  filter: string;
  onFilter: (value: string) => void;
  total: number | null;
}

export function BrowseToolbar({ tab, searchInput, onSearchInput, filter, onFilter, total }: BrowseToolbarProps) {
  const searchId = useId();
  const filterId = useId();
  return (
    <div className="toolbar">
      <div className="field field-inline">
        <label htmlFor={searchId}>Search {tab.label.toLowerCase()}</label>
        <input
          id={searchId}
          type="search"
          value={searchInput}
          onChange={(event) => onSearchInput(event.target.value)}
        />
      </div>
      {tab.filterOptions && (
        <div className="field field-inline">
          <label htmlFor={filterId}>{tab.filterLabel}</label>
          <select id={filterId} value={filter} onChange={(event) => onFilter(event.target.value)}>
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
        {total === null ? 'Loading…' : `${formatCount(total)} ${total === 1 ? 'row' : 'rows'}`}
      </p>
    </div>
  );
}

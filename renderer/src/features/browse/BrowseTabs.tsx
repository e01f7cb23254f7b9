// Accessible tab list (arrow keys move between tabs) for the Browse tables.
import { useRef, type KeyboardEvent } from 'react';
import type { BrowseTable } from '../../../../shared/service/types';
import { BROWSE_TABS } from './browseTabDefinitions';

export function tabId(table: BrowseTable): string {
  return `browse-tab-${table}`;
}
export function tabPanelId(table: BrowseTable): string {
  return `browse-panel-${table}`;
}

export function BrowseTabs({ current, onSelect }: { current: BrowseTable; onSelect: (table: BrowseTable) => void }) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent, index: number) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const count = BROWSE_TABS.length;
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? count - 1 : (index + step + count) % count;
    const tab = BROWSE_TABS[next];
    if (!tab) return;
    onSelect(tab.table);
    buttons.current[next]?.focus();
  }

  return (
    <div role="tablist" aria-label="Tables" className="tablist">
      {BROWSE_TABS.map((tab, index) => (
        <button
          key={tab.table}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="tab"
          id={tabId(tab.table)}
          aria-selected={tab.table === current}
          aria-controls={tabPanelId(tab.table)}
          tabIndex={tab.table === current ? 0 : -1}
          className="tab"
          onClick={() => onSelect(tab.table)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

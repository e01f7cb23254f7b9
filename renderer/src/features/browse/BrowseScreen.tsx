// Browse screen: pick a snapshot, switch between its tables, and open a user, group or app in the detail panel.
import { useState } from 'react';
import type { BrowseTable } from '../../../../shared/service/types';
import { useSnapshots } from '../../app/SnapshotsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NoSnapshotYet } from '../../components/NoSnapshotYet';
import { SnapshotPicker } from '../../components/SnapshotPicker';
import { BROWSE_TABS } from './browseTabDefinitions';
import { BrowseTabPanel } from './BrowseTabPanel';
import { BrowseTabs, tabId, tabPanelId } from './BrowseTabs';
import { DetailPanel } from './DetailPanel';
import type { DetailSelection } from './detailSelection';

export function BrowseScreen() {
  const { snapshots, selected, error } = useSnapshots();
  const [table, setTable] = useState<BrowseTable>('users');
  const [history, setHistory] = useState<DetailSelection[]>([]);
  const tab = BROWSE_TABS.find((candidate) => candidate.table === table) ?? BROWSE_TABS[0]!;
  const current = history[history.length - 1];
  const openDetail = (selection: DetailSelection) => setHistory((stack) => [...stack.slice(-19), selection]);
  // Another snapshot has other records: close the detail panel (during render, so it never shows the old records).
  const snapshotId = selected?.id;
  const [historySnapshotId, setHistorySnapshotId] = useState(snapshotId);
  if (historySnapshotId !== snapshotId) {
    setHistorySnapshotId(snapshotId);
    setHistory([]);
  }

  return (
    <>
      <h1 tabIndex={-1}>Browse</h1>
      <ErrorAlert error={error} />
      {snapshots && snapshots.length === 0 && <NoSnapshotYet />}
      {selected && (
        <>
          <div className="toolbar">
            <SnapshotPicker />
            {selected.status !== 'complete' && (
              <p className="text-warning">This snapshot is {selected.status}: some objects may be missing.</p>
            )}
          </div>
          <BrowseTabs current={table} onSelect={setTable} />
          <div className={`browse-layout${current ? ' with-detail' : ''}`}>
            <section role="tabpanel" id={tabPanelId(table)} aria-labelledby={tabId(table)} className="browse-table">
              <BrowseTabPanel
                key={`${selected.id}:${table}`}
                tab={tab}
                snapshotId={selected.id}
                openDetail={openDetail}
                openedId={current?.id}
              />
            </section>
            {current && (
              <DetailPanel
                snapshotId={selected.id}
                selection={current}
                open={openDetail}
                canGoBack={history.length > 1}
                onBack={() => setHistory((stack) => stack.slice(0, -1))}
                onClose={() => setHistory([])}
              />
            )}
          </div>
        </>
      )}
    </>
  );
}

// Browse screen: pick a snapshot, switch between its tables, and open a user, group or app in the detail panel.
import { useState } from 'react';
import type { BrowseTable } from '../../../../shared/service/types';
import { useSnapshots } from '../../app/SnapshotsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NoSnapshotYet } from '../../components/NoSnapshotYet';
import { SnapshotPicker } from '../../components/SnapshotPicker';
import { CsvDownloadButton } from '../findings/CsvDownloadButton';
import { BROWSE_TABS } from './browseTabDefinitions';
import { BrowseTabPanel } from './BrowseTabPanel';
import { BrowseTabs, tabId, tabPanelId } from './BrowseTabs';
import { ReportButton } from '../report/ReportButton';
import { DetailPanel } from './DetailPanel';
import { useDetailHistory } from './useDetailHistory';

export function BrowseScreen() {
  const { snapshots, selected, error } = useSnapshots();
  const [table, setTable] = useState<BrowseTable>('users');
  const tab = BROWSE_TABS.find((candidate) => candidate.table === table) ?? BROWSE_TABS[0]!;
  const detail = useDetailHistory(selected?.id);
  const current = detail.current;
  return (
    <>
      <h1 tabIndex={-1}>Browse</h1>
      <ErrorAlert error={error} />
      {snapshots && snapshots.length === 0 && <NoSnapshotYet />}
      {selected && (
        <>
          <SnapshotToolbar status={selected.status} />
          <ReportButton key={selected.id} snapshotId={selected.id} />
          <BrowseTabs current={table} onSelect={setTable} />
          <div className={`browse-layout${current ? ' with-detail' : ''}`}>
            <section role="tabpanel" id={tabPanelId(table)} aria-labelledby={tabId(table)} className="browse-table">
              <BrowseTabPanel
                key={`${selected.id}:${table}`}
                tab={tab}
                snapshotId={selected.id}
                openDetail={detail.open}
                openedId={current?.id}
                actionsFor={(query) => (
                  <CsvDownloadButton
                    method="browse.page"
                    params={{ ...query, offset: 0, limit: 1 }}
                    label="Export view to CSV"
                    cliHint="okta-prep serve (the browser build) downloads this view"
                  />
                )}
              />
            </section>
            {current && <DetailPanel snapshotId={selected.id} selection={current} history={detail} />}
          </div>
        </>
      )}
    </>
  );
}

function SnapshotToolbar({ status }: { status: string }) {
  return (
    <div className="toolbar">
      <SnapshotPicker />
      {status !== 'complete' && <p className="text-warning">This snapshot is {status}: some objects may be missing.</p>}
    </div>
  );
}

// Side panel with the access detail of the selected user, group or app; links inside open other records (with Back).
import { useEffect, useRef } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServiceQuery } from '../../service/useServiceQuery';
import { AppDetailView } from './AppDetailView';
import type { DetailSelection } from './detailSelection';
import { GroupDetailView } from './GroupDetailView';
import type { DetailHistory } from './useDetailHistory';
import { UserAccessView } from './UserAccessView';

interface DetailPanelProps {
  snapshotId: number;
  selection: DetailSelection;
  /** Opens other records (links inside the detail), goes back and closes. */
  history: Pick<DetailHistory, 'open' | 'canGoBack' | 'back' | 'close'>;
}

const KIND_LABEL = { user: 'User', group: 'Group', app: 'App' } as const;

export function DetailPanel({ snapshotId, selection, history }: DetailPanelProps) {
  const { open } = history;
  const user = useServiceQuery(
    'browse.userAccess',
    selection.kind === 'user' ? { snapshotId, userId: selection.id } : null,
  );
  const group = useServiceQuery(
    'browse.group',
    selection.kind === 'group' ? { snapshotId, groupId: selection.id } : null,
  );
  const app = useServiceQuery('browse.app', selection.kind === 'app' ? { snapshotId, appId: selection.id } : null);
  const query = selection.kind === 'user' ? user : selection.kind === 'group' ? group : app;
  return (
    <aside className="detail-panel" aria-labelledby="detail-heading">
      <DetailHeader selection={selection} history={history} />
      <ErrorAlert error={query.error} />
      {query.loading && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {selection.kind === 'user' && user.data && !user.loading && <UserAccessView detail={user.data} open={open} />}
      {selection.kind === 'group' && group.data && !group.loading && (
        <GroupDetailView detail={group.data} open={open} />
      )}
      {selection.kind === 'app' && app.data && !app.loading && (
        <AppDetailView snapshotId={snapshotId} detail={app.data} open={open} />
      )}
    </aside>
  );
}

/** The record's kind and name (focused when another record opens, for screen readers), with Back and Close. */
function DetailHeader({ selection, history }: Omit<DetailPanelProps, 'snapshotId'>) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [selection.kind, selection.id]);
  return (
    <div className="detail-header">
      <h2 id="detail-heading" ref={headingRef} tabIndex={-1}>
        <span className="muted">{KIND_LABEL[selection.kind]}:</span> {selection.name || selection.id}
      </h2>
      <div className="button-row">
        {history.canGoBack && (
          <button type="button" onClick={history.back}>
            Back
          </button>
        )}
        <button type="button" onClick={history.close} aria-label="Close details">
          Close
        </button>
      </div>
    </div>
  );
}

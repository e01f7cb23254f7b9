// Side panel with the access detail of the selected user, group or app; links inside open other records (with Back).
import { useEffect, useRef } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServiceQuery } from '../../service/useServiceQuery';
import { AppDetailView } from './AppDetailView';
import type { DetailSelection, OpenDetail } from './detailSelection';
import { GroupDetailView } from './GroupDetailView';
import { UserAccessView } from './UserAccessView';

interface DetailPanelProps {
  snapshotId: number;
  selection: DetailSelection;
  open: OpenDetail;
  canGoBack: boolean;
  onBack: () => void;
  onClose: () => void;
}

const KIND_LABEL = { user: 'User', group: 'Group', app: 'App' } as const;

export function DetailPanel({ snapshotId, selection, open, canGoBack, onBack, onClose }: DetailPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
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

  useEffect(() => {
    headingRef.current?.focus();
  }, [selection.kind, selection.id]);

  return (
    <aside className="detail-panel" aria-labelledby="detail-heading">
      <div className="detail-header">
        <h2 id="detail-heading" ref={headingRef} tabIndex={-1}>
          <span className="muted">{KIND_LABEL[selection.kind]}:</span> {selection.name || selection.id}
        </h2>
        <div className="button-row">
          {canGoBack && (
            <button type="button" onClick={onBack}>
              Back
            </button>
          )}
          <button type="button" onClick={onClose} aria-label="Close details">
            Close
          </button>
        </div>
      </div>
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
      {selection.kind === 'app' && app.data && !app.loading && <AppDetailView detail={app.data} open={open} />}
    </aside>
  );
}

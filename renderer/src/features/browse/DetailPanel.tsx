// Side panel with the access detail of the selected user, group, app or role; links inside open other records (with
// Back). Esc closes it (unless a field or menu wants the key).
import { useEffect, useRef } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServiceQuery } from '../../service/useServiceQuery';
import { AppDetailView } from './AppDetailView';
import type { DetailSelection } from './detailSelection';
import { GroupDetailView } from './GroupDetailView';
import { RoleDetailView } from './RoleDetailView';
import type { DetailHistory } from './useDetailHistory';
import { UserAccessView } from './UserAccessView';

interface DetailPanelProps {
  snapshotId: number;
  selection: DetailSelection;
  /** Opens other records (links inside the detail), goes back and closes. */
  history: Pick<DetailHistory, 'open' | 'canGoBack' | 'back' | 'close'>;
}

const KIND_LABEL = { user: 'User', group: 'Group', app: 'App', role: 'Role' } as const;

function useDetailQueries(snapshotId: number, selection: DetailSelection) {
  const is = (kind: DetailSelection['kind']) => selection.kind === kind;
  const user = useServiceQuery('browse.userAccess', is('user') ? { snapshotId, userId: selection.id } : null);
  const group = useServiceQuery('browse.group', is('group') ? { snapshotId, groupId: selection.id } : null);
  const app = useServiceQuery('browse.app', is('app') ? { snapshotId, appId: selection.id } : null);
  const role = useServiceQuery('browse.role', is('role') ? { snapshotId, roleKey: selection.id } : null);
  return { user, group, app, role, current: { user, group, app, role }[selection.kind] };
}

export function DetailPanel({ snapshotId, selection, history }: DetailPanelProps) {
  const { open, close } = history;
  const { user, group, app, role, current } = useDetailQueries(snapshotId, selection);
  useEscapeCloses(close);
  const ready = (query: { data?: unknown; loading: boolean }) => query.data !== undefined && !query.loading;
  return (
    <aside className="detail-panel" aria-labelledby="detail-heading">
      <DetailHeader selection={selection} history={history} />
      <ErrorAlert error={current.error} />
      {current.loading && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {selection.kind === 'user' && user.data && ready(user) && <UserAccessView detail={user.data} open={open} />}
      {selection.kind === 'group' && group.data && ready(group) && <GroupDetailView detail={group.data} open={open} />}
      {selection.kind === 'app' && app.data && ready(app) && <AppDetailView detail={app.data} open={open} />}
      {selection.kind === 'role' && role.data && ready(role) && <RoleDetailView detail={role.data} open={open} />}
    </aside>
  );
}

/** Esc anywhere closes the panel, except in a field, a list box or an open menu, which use Esc themselves. */
function useEscapeCloses(close: () => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if ((event.target as HTMLElement | null)?.closest?.('input, select, textarea, details[open]')) return;
      close();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [close]);
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
        <button type="button" onClick={history.close} aria-label="Close details" title="Esc">
          Close
        </button>
      </div>
    </div>
  );
}

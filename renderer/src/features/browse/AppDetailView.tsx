// An app's detail (browse.app): the groups assigned to it and who reaches it, directly or through a group.
import type { AppDetail } from '../../../../shared/service/types';
import { formatCount } from '../../format/formatDuration';
import type { OpenDetail } from './detailSelection';
import { LinkButton } from './LinkButton';
import { RecordFields } from './RecordFields';

export function AppDetailView({ detail, open }: { detail: AppDetail; open: OpenDetail }) {
  return (
    <>
      <RecordFields record={detail.app} label="App attributes" />
      <p>
        {formatCount(detail.directUserCount)} users assigned directly · {formatCount(detail.groupUserCount)} through groups
      </p>
      <h3>Groups assigned ({detail.groups.length})</h3>
      {detail.groups.length === 0 ? (
        <p className="muted">No groups assigned.</p>
      ) : (
        <ul className="plain-list">
          {detail.groups.map((group) => (
            <li key={group.id}>
              <LinkButton target={{ kind: 'group', id: group.id, name: group.name }} open={open} />
              {group.priority !== null && <span className="muted"> priority {group.priority}</span>}
            </li>
          ))}
        </ul>
      )}
      <h3>Users ({detail.users.length})</h3>
      {detail.users.length === 0 ? (
        <p className="muted">No users.</p>
      ) : (
        <ul className="plain-list">
          {detail.users.map((user) => (
            <li key={user.id}>
              <LinkButton target={{ kind: 'user', id: user.id, name: user.name }} open={open} />{' '}
              <span className="muted">
                {user.scope.toLowerCase()}
                {user.userName ? ` · app username ${user.userName}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

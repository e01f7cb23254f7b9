// A group's detail (browse.group): members, the apps it grants and its admin roles.
import type { GroupDetail } from '../../../../shared/service/types';
import { formatCount } from '../../format/formatDuration';
import type { OpenDetail } from './detailSelection';
import { LinkButton } from './LinkButton';
import { RecordFields } from './RecordFields';

export function GroupDetailView({ detail, open }: { detail: GroupDetail; open: OpenDetail }) {
  return (
    <>
      <RecordFields record={detail.group} label="Group attributes" />
      <h3>Apps this group grants ({detail.apps.length})</h3>
      {detail.apps.length === 0 ? (
        <p className="muted">No app assignments.</p>
      ) : (
        <ul className="plain-list">
          {detail.apps.map((app) => (
            <li key={app.id}>
              <LinkButton target={{ kind: 'app', id: app.id, name: app.label }} open={open} />
              {app.priority !== null && <span className="muted"> priority {app.priority}</span>}
            </li>
          ))}
        </ul>
      )}
      <h3>Admin roles ({detail.roles.length})</h3>
      {detail.roles.length === 0 ? (
        <p className="muted">No admin roles.</p>
      ) : (
        <ul className="plain-list">
          {detail.roles.map((role) => (
            <li key={role.roleKey}>{role.label}</li>
          ))}
        </ul>
      )}
      <h3>Members ({formatCount(detail.memberCount)})</h3>
      {detail.members.length === 0 ? (
        <p className="muted">No members.</p>
      ) : (
        <>
          <ul className="plain-list">
            {detail.members.map((member) => (
              <li key={member.id}>
                <LinkButton target={{ kind: 'user', id: member.id, name: member.name }} open={open} />{' '}
                <span className="muted">{member.status.toLowerCase()}</span>
              </li>
            ))}
          </ul>
          {detail.memberCount > detail.members.length && (
            <p className="muted">
              Showing {formatCount(detail.members.length)} of {formatCount(detail.memberCount)}. Search the Relations tab for the rest.
            </p>
          )}
        </>
      )}
    </>
  );
}

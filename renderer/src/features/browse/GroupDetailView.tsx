// A group's detail (browse.group): members, the apps it grants and its admin roles.
import type { GroupDetail } from '../../../../shared/service/types';
import { formatCount } from '../../format/formatDuration';
import type { OpenDetail } from './detailSelection';
import { DetailListSection } from './DetailListSection';
import { LinkButton } from './LinkButton';
import { RecordFields } from './RecordFields';

export function GroupDetailView({ detail, open }: { detail: GroupDetail; open: OpenDetail }) {
  return (
    <>
      <RecordFields record={detail.group} label="Group attributes" />
      <DetailListSection
        title="Apps this group grants"
        items={detail.apps}
        emptyText="No app assignments."
        keyOf={(app) => app.id}
        renderItem={(app) => (
          <>
            <LinkButton target={{ kind: 'app', id: app.id, name: app.label }} open={open} />
            {app.priority !== null && <span className="muted"> priority {app.priority}</span>}
          </>
        )}
      />
      <DetailListSection
        title="Admin roles"
        items={detail.roles}
        emptyText="No admin roles."
        keyOf={(role) => role.roleKey}
        renderItem={(role) => <LinkButton target={{ kind: 'role', id: role.roleKey, name: role.label }} open={open} />}
      />
      <GroupMembers detail={detail} open={open} />
    </>
  );
}

/** The first members of the group (the service caps the list), and how many there are in all. */
function GroupMembers({ detail, open }: { detail: GroupDetail; open: OpenDetail }) {
  return (
    <>
      <h3>Members ({formatCount(detail.memberCount)})</h3>
      {detail.members.length === 0 ? (
        <p className="muted">No members.</p>
      ) : (
        <ul className="plain-list">
          {detail.members.map((member) => (
            <li key={member.id}>
              <LinkButton target={{ kind: 'user', id: member.id, name: member.name }} open={open} />{' '}
              <span className="muted">{member.status.toLowerCase()}</span>
            </li>
          ))}
        </ul>
      )}
      {detail.memberCount > detail.members.length && detail.members.length > 0 && (
        <p className="muted">
          Showing {formatCount(detail.members.length)} of {formatCount(detail.memberCount)}. Search the Relations tab
          for the rest.
        </p>
      )}
    </>
  );
}

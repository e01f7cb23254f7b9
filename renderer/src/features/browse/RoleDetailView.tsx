// A role's detail (browse.role): who holds it, directly or through which group.
import type { RoleDetail } from '../../../../shared/service/types';
import { formatCount } from '../../format/formatDuration';
import type { OpenDetail } from './detailSelection';
import { DetailListSection } from './DetailListSection';
import { LinkButton } from './LinkButton';
import { RecordFields } from './RecordFields';

export function RoleDetailView({ detail, open }: { detail: RoleDetail; open: OpenDetail }) {
  return (
    <>
      <RecordFields record={detail.role} label="Role attributes" />
      <DetailListSection
        title="Held directly by users"
        items={detail.directUsers}
        emptyText="No user holds this role directly."
        keyOf={(user) => user.id}
        renderItem={(user) => (
          <>
            <LinkButton target={{ kind: 'user', id: user.id, name: user.name }} open={open} />{' '}
            <span className="muted">{user.status.toLowerCase()}</span>
          </>
        )}
      />
      <ShownOf shown={detail.directUsers.length} total={detail.directUserCount} />
      <DetailListSection
        title="Held by groups"
        items={detail.groups}
        emptyText="No group holds this role."
        keyOf={(group) => group.id}
        renderItem={(group) => (
          <>
            <LinkButton target={{ kind: 'group', id: group.id, name: group.name }} open={open} />{' '}
            <span className="muted">{formatCount(group.memberCount)} members</span>
          </>
        )}
      />
      <HeldThroughGroups detail={detail} open={open} />
    </>
  );
}

function ShownOf({ shown, total }: { shown: number; total: number }) {
  if (total <= shown) return null;
  return (
    <p className="muted">
      Showing {formatCount(shown)} of {formatCount(total)}. Search the Relations tab for the rest.
    </p>
  );
}

/** The members of the groups holding the role, each with the group it comes through. */
function HeldThroughGroups({ detail, open }: { detail: RoleDetail; open: OpenDetail }) {
  return (
    <>
      <DetailListSection
        title="Held through a group"
        items={detail.viaGroup}
        emptyText="No user holds this role through a group."
        keyOf={(user) => `${user.id}:${user.groupId}`}
        renderItem={(user) => (
          <>
            <LinkButton target={{ kind: 'user', id: user.id, name: user.name }} open={open} />
            <span className="muted"> through </span>
            <LinkButton target={{ kind: 'group', id: user.groupId, name: user.groupName }} open={open} />
          </>
        )}
      />
      <ShownOf shown={detail.viaGroup.length} total={detail.viaGroupCount} />
    </>
  );
}

// A user's access (browse.userAccess): every app and why (direct or via which group), groups, admin roles and factors.
import type { UserAccessDetail } from '../../../../shared/service/types';
import { TableHead } from '../../components/TableHead';
import { plural } from '../../format/formatDuration';
import type { OpenDetail } from './detailSelection';
import { DetailListSection } from './DetailListSection';
import { LinkButton } from './LinkButton';
import { RecordFields } from './RecordFields';

type Via = UserAccessDetail['apps'][number]['via'];

function Reason({ via, open }: { via: Via; open: OpenDetail }) {
  if (via.kind === 'direct') return <>assigned directly</>;
  return (
    <>
      via group <LinkButton target={{ kind: 'group', id: via.groupId, name: via.groupName }} open={open} />
    </>
  );
}

export function UserAccessView({ detail, open }: { detail: UserAccessDetail; open: OpenDetail }) {
  return (
    <>
      <RecordFields record={detail.user} label="User attributes" />
      <UserApps apps={detail.apps} open={open} />
      <DetailListSection
        title="Groups"
        items={detail.groups}
        emptyText="In no group."
        keyOf={(group) => group.id}
        renderItem={(group) => (
          <>
            <LinkButton target={{ kind: 'group', id: group.id, name: group.name }} open={open} />{' '}
            <span className="muted">{group.type.toLowerCase().replace(/_/g, ' ')}</span>
          </>
        )}
      />
      <DetailListSection
        title="Admin roles"
        items={detail.roles}
        emptyText="No admin roles."
        keyOf={(role) => `${role.roleKey}:${role.via.kind === 'group' ? role.via.groupId : 'direct'}`}
        renderItem={(role) => (
          <>
            <LinkButton target={{ kind: 'role', id: role.roleKey, name: role.label }} open={open} />{' '}
            <span className="muted">— </span>
            <Reason via={role.via} open={open} />
          </>
        )}
      />
      <UserFactors detail={detail} />
    </>
  );
}

/** Every app the user reaches, once per way it is reached (directly, through each group). */
function UserApps({ apps, open }: { apps: UserAccessDetail['apps']; open: OpenDetail }) {
  return (
    <>
      <h3>Apps ({apps.length})</h3>
      {apps.length === 0 ? (
        <p className="muted">No app assignments.</p>
      ) : (
        <table className="data-table compact">
          <TableHead titles={['App', 'Status', 'Why']} />
          <tbody>
            {apps.map((path) => (
              <tr key={`${path.appId}:${path.via.kind === 'group' ? path.via.groupId : 'direct'}`}>
                <th scope="row">
                  <LinkButton target={{ kind: 'app', id: path.appId, name: path.appLabel }} open={open} />
                </th>
                <td>{path.appStatus.toLowerCase()}</td>
                <td>
                  <Reason via={path.via} open={open} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function UserFactors({ detail }: { detail: UserAccessDetail }) {
  return (
    <>
      <h3>MFA factors</h3>
      {!detail.factorsPulled ? (
        <p className="muted">Factors were not pulled in this snapshot.</p>
      ) : detail.factors.length === 0 ? (
        <p className="muted">No factors enrolled.</p>
      ) : (
        <ul className="plain-list" aria-label={plural(detail.factors.length, 'factor')}>
          {detail.factors.map((factor) => (
            <li key={factor.id}>
              {factor.factorType}
              {factor.provider ? ` (${factor.provider.toLowerCase()})` : ''}{' '}
              <span className="muted">{factor.status?.toLowerCase() ?? ''}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

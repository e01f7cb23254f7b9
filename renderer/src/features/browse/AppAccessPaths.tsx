// Who reaches an app and how (audit.access for the app): each user once, with every path (assigned directly, via
// group X, or group-scoped with no pulled membership to explain it), a page of users at a time.
import type { AccessPathRow } from '../../../../shared/audit/auditTypes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useKeysetList } from '../../hooks/useKeysetList';
import { useService } from '../../service/ServiceContext';
import type { OpenDetail } from './detailSelection';
import { LinkButton } from './LinkButton';

const USERS_PER_PAGE = 100;

function Path({ row, open }: { row: AccessPathRow; open: OpenDetail }) {
  if (row.path === 'direct') return <>assigned directly</>;
  if (row.path === 'group-unresolved') return <>through a group whose members were not read</>;
  return (
    <>
      via group <LinkButton target={{ kind: 'group', id: row.viaGroupId!, name: row.viaGroupName ?? '' }} open={open} />
    </>
  );
}

/** The rows of a page grouped by user, in the page's order. */
function byUser(rows: AccessPathRow[]): AccessPathRow[][] {
  const groups = new Map<string, AccessPathRow[]>();
  for (const row of rows) groups.set(row.userId, [...(groups.get(row.userId) ?? []), row]);
  return [...groups.values()];
}

export function AppAccessPaths({ snapshotId, appId, open }: { snapshotId: number; appId: string; open: OpenDetail }) {
  const client = useService();
  const list = useKeysetList(`${snapshotId}:${appId}`, async (after) => {
    const subject = { kind: 'app' as const, id: appId };
    const page = await client.call('audit.access', {
      snapshotId,
      subject,
      limit: USERS_PER_PAGE,
      ...(after && { after }),
    });
    return { items: page.rows, next: page.next };
  });
  const users = byUser(list.items);
  return (
    <section aria-labelledby="app-access-heading">
      <h3 id="app-access-heading">Who reaches it and how</h3>
      <ErrorAlert error={list.error} />
      {users.length === 0 && <p className="muted">{list.loading ? 'Loading…' : 'No user reaches this app.'}</p>}
      <ul className="plain-list" aria-label="Users and their paths">
        {users.map((paths) => (
          <li key={paths[0]!.userId}>
            <LinkButton target={{ kind: 'user', id: paths[0]!.userId, name: paths[0]!.userLogin }} open={open} />
            <span className="muted"> — </span>
            {paths.map((row, index) => (
              <span key={`${row.path}:${row.viaGroupId ?? ''}`}>
                {index > 0 && ' and '}
                <Path row={row} open={open} />
              </span>
            ))}
          </li>
        ))}
      </ul>
      {list.next && (
        <button type="button" onClick={list.loadMore} disabled={list.loading}>
          {list.loading ? 'Loading…' : 'Show more users'}
        </button>
      )}
    </section>
  );
}

// The top of the Export screen: which org the chosen snapshot is from (and a plain warning when that is not the org
// connected now), then "what will be uploaded" with the chosen options — rows per entity type and relation kind, or
// entitlements.csv rows per path, for the users of the chosen statuses — and what those options leave out. The counts
// come from the service (snapshots.exportSummary).
import { useEffect, useState } from 'react';
import type { ExportSummary, SnapshotSummary } from '../../../../shared/service/types';
import { useConnection } from '../../app/ConnectionContext';
import { useExportOptions } from '../../app/ExportOptionsContext';
import { useSnapshots } from '../../app/SnapshotsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatCount, plural } from '../../format/formatDuration';
import { relationKindLabel } from '../../format/labels';
import { orgHost, snapshotName } from '../../format/snapshotName';
import { describeError, type ErrorDescription } from '../../service/describeError';
import { useService } from '../../service/ServiceContext';

/** The export's relation kinds in words, with the per-user rows of group access that flattening adds. */
function kindLabel(kind: string): string {
  return kind === 'groupAppAccessFlattened' ? 'App access through groups, per user' : relationKindLabel(kind);
}

export function UploadSummary() {
  const { selected } = useSnapshots();
  const summary = useExportSummary(selected?.id);
  if (!selected) return null;
  return (
    <section className="panel upload-summary" aria-labelledby="upload-summary-heading">
      <h2 id="upload-summary-heading">What will be uploaded from {snapshotName(selected)}</h2>
      <OtherOrgWarning snapshot={selected} />
      <ErrorAlert error={summary.error} />
      {summary.value && <SummaryCounts summary={summary.value} />}
    </section>
  );
}

/** The summary for this snapshot and these options; an answer for earlier choices is never shown for new ones. */
function useExportSummary(snapshotId: number | undefined) {
  const client = useService();
  const { options } = useExportOptions();
  const key = `${snapshotId}:${JSON.stringify(options)}`;
  const [answer, setAnswer] = useState<{ key: string; value?: ExportSummary; error?: ErrorDescription } | null>(null);
  useEffect(() => {
    if (snapshotId === undefined) return;
    client.call('snapshots.exportSummary', { snapshotId, options }).then(
      (value) => setAnswer({ key, value }),
      (caught: unknown) => setAnswer({ key, error: describeError(caught) }),
    );
  }, [client, snapshotId, options, key]);
  const current = answer?.key === key ? answer : null;
  return { value: current?.value ?? null, error: current?.error ?? null };
}

function OtherOrgWarning({ snapshot }: { snapshot: SnapshotSummary }) {
  const { connection } = useConnection();
  if (!connection || connection.orgUrl === snapshot.orgUrl) return null;
  return (
    <div className="alert alert-warning" role="alert">
      <p className="alert-title">This snapshot is not from the org you are connected to.</p>
      <p className="alert-detail">
        It was pulled from <strong>{orgHost(snapshot.orgUrl)}</strong>; you are connected to{' '}
        <strong>{connection.isSampleOrg ? 'the sample org' : orgHost(connection.orgUrl)}</strong>. Check that this is
        the org you mean to upload before you export.
      </p>
    </div>
  );
}

/** The rows entitlements.csv gets per relation kind they come from, as paths from the user. */
const ENTITLEMENT_PATHS: Record<string, string> = {
  groupAppAssignment: 'User → group → app',
  groupMembership: 'User → group',
  directAppAssignment: 'User → app, assigned directly',
  userAdminRole: 'User → admin role',
  groupAdminRole: 'User → group → admin role',
  groupAppAccessFlattened: 'User → app through a group, membership not listed',
};

function SummaryCounts({ summary }: { summary: ExportSummary }) {
  const { user, group, role, app } = summary.entities;
  const included = summary.relations.filter((relation) => relation.included);
  return (
    <div className="upload-summary-columns">
      {summary.format === 'entitlements' ? (
        <>
          <CountList title="Users" rows={[['Users of the chosen statuses', user]]} />
          <CountList
            title="entitlements.csv rows"
            rows={summary.entitlements.map((entry) => [ENTITLEMENT_PATHS[entry.kind] ?? entry.kind, entry.rows])}
          />
        </>
      ) : (
        <>
          <CountList
            title="Entities"
            rows={[
              ['Users', user],
              ['Groups', group],
              ['Admin roles', role],
              ['Apps', app],
            ]}
          />
          <CountList title="Relations" rows={included.map((relation) => [kindLabel(relation.kind), relation.rows])} />
        </>
      )}
      <LeftOut summary={summary} />
    </div>
  );
}

/** What the chosen options leave out: relation kinds, users of statuses not chosen, unlisted ends, attributes. */
function LeftOut({ summary }: { summary: ExportSummary }) {
  const pair = summary.format === 'entities-relations';
  const notChosen = summary.relations.filter((relation) => !relation.included && relation.rows > 0);
  const unlisted = summary.relations.filter((relation) => relation.included && relation.endNotListed > 0);
  const statusLeftOut = summary.relations.reduce(
    (sum, relation) => sum + (relation.included ? relation.statusLeftOut : 0),
    0,
  );
  return (
    <div>
      <h3>Left out</h3>
      <ul aria-label="Left out by the chosen options">
        {notChosen.map((relation) => (
          <li key={relation.kind}>
            {kindLabel(relation.kind)}
            {pair ? `: ${plural(relation.rows, 'row')}` : ''} (not chosen)
          </li>
        ))}
        {summary.userStatuses
          .filter((entry) => !entry.included)
          .map((entry) => (
            <li key={`status:${entry.status}`}>
              {entry.status} users: {formatCount(entry.users)} (status not chosen)
            </li>
          ))}
        {statusLeftOut > 0 && <li>Relations of those users: {formatCount(statusLeftOut)}</li>}
        {unlisted.map((relation) => (
          <li key={`unlisted:${relation.kind}`}>
            {kindLabel(relation.kind)}: {formatCount(relation.endNotListed)} whose other end was never listed
          </li>
        ))}
        <li>
          {pair
            ? `User profile attributes other than ${summary.userAttributes.join(', ') || 'none'} (not chosen)`
            : 'Metadata of users, groups, apps and roles: the entitlements format has none'}
        </li>
      </ul>
    </div>
  );
}

function CountList({ title, rows }: { title: string; rows: [string, number][] }) {
  return (
    <div>
      <h3>{title}</h3>
      <dl aria-label={title}>
        {rows.map(([label, count]) => (
          <div key={label} className="contents">
            <dt>{label}</dt>
            <dd>{formatCount(count)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

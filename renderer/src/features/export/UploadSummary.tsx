// The top of the Export screen: which org the chosen snapshot is from (and a plain warning when that is not the org
// connected now), then "what will be uploaded" with the chosen options — rows per entity type and relation kind —
// and what those options leave out. The counts come from the service in one query (snapshots.exportSummary).
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

function SummaryCounts({ summary }: { summary: ExportSummary }) {
  const included = summary.relations.filter((relation) => relation.included);
  const leftOut = summary.relations.filter((relation) => !relation.included && relation.rows > 0);
  const unlisted = included.filter((relation) => relation.endNotListed > 0);
  const { user, group, role, app } = summary.entities;
  return (
    <div className="upload-summary-columns">
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
      <div>
        <h3>Left out</h3>
        <ul aria-label="Left out by the chosen options">
          {leftOut.map((relation) => (
            <li key={relation.kind}>
              {kindLabel(relation.kind)}: {plural(relation.rows, 'row')} (not chosen)
            </li>
          ))}
          {unlisted.map((relation) => (
            <li key={`unlisted:${relation.kind}`}>
              {kindLabel(relation.kind)}: {formatCount(relation.endNotListed)} whose other end was never listed
            </li>
          ))}
          <li>User profile attributes other than {summary.userAttributes.join(', ') || 'none'} (not chosen)</li>
        </ul>
      </div>
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

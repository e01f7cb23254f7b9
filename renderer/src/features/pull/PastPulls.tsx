// Past pulls (snapshots.list): status, counts, gaps ("incomplete: group members — …") and Resume for failed or
// cancelled ones.
import type { JobState, SnapshotSummary } from '../../../../shared/service/types';
import { useSnapshots } from '../../app/SnapshotsContext';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../format/formatDateTime';
import { formatCount } from '../../format/formatDuration';
import { humaniseName } from '../../format/labels';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';

function Counts({ counts }: { counts: SnapshotSummary['counts'] }) {
  if (!counts) return <>—</>;
  const entries = Object.entries(counts);
  if (entries.length === 0) return <>—</>;
  return <>{entries.map(([kind, count]) => `${formatCount(count)} ${humaniseName(kind).toLowerCase()}`).join(' · ')}</>;
}

function Gaps({ snapshot }: { snapshot: SnapshotSummary }) {
  if (snapshot.gaps.length === 0 && snapshot.warnings.length === 0 && !snapshot.errorMessage) return <>—</>;
  return (
    <ul className="gap-list">
      {snapshot.errorMessage && <li>{snapshot.errorMessage}</li>}
      {snapshot.gaps.map((gap) => (
        <li key={`${gap.objectKind}:${gap.reason}`}>
          incomplete: {humaniseName(gap.objectKind).toLowerCase()} — {gap.message}
        </li>
      ))}
      {snapshot.warnings.map((warning, index) => (
        <li key={`warning:${index}`}>warning: {warning.message}</li>
      ))}
    </ul>
  );
}

interface PastPullsProps {
  pullRunning: boolean;
  onResumed: (job: JobState) => void;
}

export function PastPulls({ pullRunning, onResumed }: PastPullsProps) {
  const client = useService();
  const { snapshots, error } = useSnapshots();
  const resume = useAsyncAction(async (snapshotId: number) =>
    onResumed(await client.call('pull.resume', { snapshotId })),
  );

  return (
    <section className="panel" aria-labelledby="past-pulls-heading">
      <h2 id="past-pulls-heading">Past pulls</h2>
      <ErrorAlert error={error ?? resume.error} />
      {snapshots && snapshots.length === 0 && <EmptyState title="No pulls yet" />}
      {snapshots && snapshots.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Past pulls table">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Snapshot</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Finished</th>
                <th scope="col">Factors</th>
                <th scope="col">Objects</th>
                <th scope="col">Gaps</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((snapshot) => (
                <tr key={snapshot.id} data-snapshot-id={snapshot.id}>
                  <th scope="row">#{snapshot.id}</th>
                  <td>
                    <StatusBadge
                      status={
                        snapshot.status === 'failed' && snapshot.errorMessage?.startsWith('paused:')
                          ? 'paused'
                          : snapshot.status
                      }
                    />
                    {snapshot.baseSnapshotId ? (
                      <div className="muted">
                        quick refresh of #{snapshot.baseSnapshotId}
                        {snapshot.fellBackToFullUserListing ? ' (users listed in full: a deletion was found)' : ''}
                      </div>
                    ) : null}
                  </td>
                  <td>{formatDateTime(snapshot.startedAt)}</td>
                  <td>{formatDateTime(snapshot.finishedAt)}</td>
                  <td>{snapshot.includeFactors ? 'yes' : 'no'}</td>
                  <td>
                    <Counts counts={snapshot.counts} />
                  </td>
                  <td>
                    <Gaps snapshot={snapshot} />
                  </td>
                  <td>
                    {(snapshot.status === 'failed' || snapshot.status === 'cancelled') && (
                      <button
                        type="button"
                        disabled={pullRunning || resume.pending}
                        onClick={() => void resume.run(snapshot.id)}
                      >
                        Resume<span className="visually-hidden"> snapshot #{snapshot.id}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// One row of Past pulls: the snapshot's status (paused, quick refresh of which), dates, counts, gaps and warnings,
// and Resume for a failed or cancelled pull.
import type { SnapshotSummary } from '../../../../shared/service/types';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../format/formatDateTime';
import { formatCount } from '../../format/formatDuration';
import { humaniseName } from '../../format/labels';

interface PastPullRowProps {
  snapshot: SnapshotSummary;
  resumeDisabled: boolean;
  onResume: () => void;
}

export function PastPullRow({ snapshot, resumeDisabled, onResume }: PastPullRowProps) {
  return (
    <tr data-snapshot-id={snapshot.id}>
      <th scope="row">#{snapshot.id}</th>
      <td>
        <Status snapshot={snapshot} />
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
          <button type="button" disabled={resumeDisabled} onClick={onResume}>
            Resume<span className="visually-hidden"> snapshot #{snapshot.id}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

function Status({ snapshot }: { snapshot: SnapshotSummary }) {
  const paused = snapshot.status === 'failed' && snapshot.errorMessage?.startsWith('paused:');
  return (
    <>
      <StatusBadge status={paused ? 'paused' : snapshot.status} />
      {snapshot.baseSnapshotId ? (
        <div className="muted">
          quick refresh of #{snapshot.baseSnapshotId}
          {snapshot.fellBackToFullUserListing ? ' (users listed in full: a deletion was found)' : ''}
        </div>
      ) : null}
    </>
  );
}

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

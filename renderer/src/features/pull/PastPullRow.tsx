// One row of Past pulls: the snapshot's org and label, status (paused, quick refresh of which), dates, counts (or,
// for a pull that did not complete, each phase's state as its progress card showed it), gaps and warnings; Resume
// for a failed or cancelled pull, Label and Delete for any.
import type { SnapshotSummary } from '../../../../shared/service/types';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../format/formatDateTime';
import { formatCount } from '../../format/formatDuration';
import { humaniseName } from '../../format/labels';
import { phaseState } from '../../format/phaseState';
import { orgHost } from '../../format/snapshotName';
import { DeleteSnapshotAction, LabelSnapshotAction } from './SnapshotActions';

interface PastPullRowProps {
  snapshot: SnapshotSummary;
  resumeDisabled: boolean;
  onResume: () => void;
  /** A running job uses this snapshot. */
  inUse: boolean;
  onActionDone: (message: string) => void;
}

export function PastPullRow({ snapshot, resumeDisabled, onResume, inUse, onActionDone }: PastPullRowProps) {
  return (
    <tr data-snapshot-id={snapshot.id}>
      <th scope="row">
        #{snapshot.id}
        {snapshot.label && <div className="snapshot-label">{snapshot.label}</div>}
      </th>
      <td>{orgHost(snapshot.orgUrl)}</td>
      <td>
        <Status snapshot={snapshot} />
      </td>
      <td>{formatDateTime(snapshot.startedAt)}</td>
      <td>{formatDateTime(snapshot.finishedAt)}</td>
      <td>{snapshot.includeFactors ? 'yes' : 'no'}</td>
      <td>
        {snapshot.status === 'complete' ? <Counts counts={snapshot.counts} /> : <PhaseStates snapshot={snapshot} />}
      </td>
      <td>
        <Gaps snapshot={snapshot} />
      </td>
      <td className="row-actions">
        {(snapshot.status === 'failed' || snapshot.status === 'cancelled') && (
          <button type="button" disabled={resumeDisabled} onClick={onResume}>
            Resume<span className="visually-hidden"> snapshot #{snapshot.id}</span>
          </button>
        )}
        <LabelSnapshotAction snapshot={snapshot} onDone={onActionDone} />
        <DeleteSnapshotAction snapshot={snapshot} inUse={inUse} onDone={onActionDone} />
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

/** What each phase got to, in the words of the pull's progress card (the same numbers, from the same listings). */
function PhaseStates({ snapshot }: { snapshot: SnapshotSummary }) {
  if (!snapshot.phases || snapshot.status === 'running') return <>—</>;
  return (
    <ul className="gap-list" aria-label={`Phases of snapshot #${snapshot.id}`}>
      {snapshot.phases.map((phase) => (
        <li key={phase.phase} data-phase-state={phaseState(phase, snapshot.status).state}>
          {humaniseName(phase.phase)}: {phaseState(phase, snapshot.status).text}
        </li>
      ))}
    </ul>
  );
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

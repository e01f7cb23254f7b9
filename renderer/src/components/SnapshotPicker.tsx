// Select for the snapshot a screen works on (shared choice across Browse, Validate and Export): each option names the
// org it came from and its label, so a snapshot of another client's org is never picked by mistake.
import { useId } from 'react';
import { useSnapshots } from '../app/SnapshotsContext';
import { formatDateTime } from '../format/formatDateTime';
import { snapshotName } from '../format/snapshotName';

export function SnapshotPicker() {
  const { snapshots, selectedId, select } = useSnapshots();
  const id = useId();
  if (!snapshots || snapshots.length === 0) return null;
  return (
    <div className="field field-inline">
      <label htmlFor={id}>Snapshot</label>
      <select id={id} value={selectedId ?? ''} onChange={(event) => select(Number(event.target.value))}>
        {snapshots.map((snapshot) => (
          <option key={snapshot.id} value={snapshot.id}>
            {snapshotName(snapshot)} · {formatDateTime(snapshot.startedAt)} · {snapshot.status}
            {snapshot.gaps.length > 0 ? ' · incomplete' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

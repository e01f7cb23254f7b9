// Select for the snapshot a screen works on (shared choice across Browse, Validate and Export).
import { useId } from 'react';
import { useSnapshots } from '../app/SnapshotsContext';
import { formatDateTime } from '../format/formatDateTime';

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
            #{snapshot.id} · {formatDateTime(snapshot.startedAt)} · {snapshot.status}
            {snapshot.gaps.length > 0 ? ' · incomplete' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

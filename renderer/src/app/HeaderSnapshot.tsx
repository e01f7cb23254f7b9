// The snapshot the Browse, Validate and Export screens work on, named in the header with its org and label, so
// which client's data is on screen is always in sight.
import { snapshotName } from '../format/snapshotName';
import { useSnapshots } from './SnapshotsContext';

export function HeaderSnapshot() {
  const { selected } = useSnapshots();
  if (!selected) return null;
  return (
    <span className="header-snapshot" data-testid="header-snapshot">
      <span className="visually-hidden">Snapshot in use: </span>
      {snapshotName(selected)}
    </span>
  );
}

// Pure helpers for picking a snapshot: newest first, default to the latest complete one.
import type { SnapshotSummary } from '../../../shared/service/types';

export function snapshotsNewestFirst(snapshots: readonly SnapshotSummary[]): SnapshotSummary[] {
  return [...snapshots].sort((a, b) => b.id - a.id);
}

/** The chosen snapshot if it still exists, else the latest complete one, else the latest of any status. */
export function effectiveSnapshotId(snapshots: readonly SnapshotSummary[], chosen: number | null): number | null {
  if (chosen !== null && snapshots.some((snapshot) => snapshot.id === chosen)) return chosen;
  const newest = snapshotsNewestFirst(snapshots);
  return (newest.find((snapshot) => snapshot.status === 'complete') ?? newest[0])?.id ?? null;
}

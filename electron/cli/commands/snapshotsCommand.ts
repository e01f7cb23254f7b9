// `okta-prep snapshots`: lists the snapshots in the cache, newest first, with their status and what they lack.
import type { SnapshotInfo } from '../../core/store/snapshots';

export function describeSnapshots(snapshots: SnapshotInfo[]): string {
  if (snapshots.length === 0) return 'no snapshots yet: run "okta-prep pull --org URL" or "okta-prep demo"';
  const lines = snapshots.map((snapshot) => {
    const gaps =
      snapshot.gaps.length > 0 ? `  incomplete: ${snapshot.gaps.map((gap) => gap.objectKind).join(', ')}` : '';
    const warnings =
      snapshot.warnings.length > 0
        ? `  ${snapshot.warnings.length} warning${snapshot.warnings.length === 1 ? '' : 's'}`
        : '';
    const error = snapshot.errorMessage ? `  (${snapshot.errorMessage})` : '';
    const quick = snapshot.baseSnapshotId
      ? `  quick refresh of ` +
        `${snapshot.baseSnapshotId}${snapshot.fellBackToFullUserListing ? ' (users listed in full)' : ''}`
      : '';
    return (
      `${String(snapshot.id).padStart(4)}  ${snapshot.status.padEnd(9)}  ${snapshot.startedAt}  ` +
      `${snapshot.orgUrl}${snapshot.includeFactors ? '  +factors' : ''}${quick}${gaps}${warnings}${error}`
    );
  });
  return [`  id  status     started                   org`, ...lines].join('\n');
}

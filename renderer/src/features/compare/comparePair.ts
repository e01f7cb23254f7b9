// Which two snapshots the Compare screen compares: the ones chosen, else the newest complete snapshot (B) and the
// complete one of the same org before it (A); and why a pair cannot be compared, in words.
import type { SnapshotSummary } from '../../../../shared/service/types';
import { effectiveSnapshotId, snapshotsNewestFirst } from '../../app/snapshotChoice';

export interface ChosenPair {
  from: number | null;
  to: number | null;
}

export interface ComparePair {
  from: SnapshotSummary | undefined;
  to: SnapshotSummary | undefined;
  /** Set when the two cannot be compared: what is wrong and what to pick instead. */
  problem: string | null;
}

const hostOf = (url: string) => url.replace(/^https?:\/\//, '');

/** The newest complete snapshot of the same org taken before `to`. */
function earlierOfSameOrg(snapshots: readonly SnapshotSummary[], to: SnapshotSummary): SnapshotSummary | undefined {
  return snapshotsNewestFirst(snapshots).find(
    (snapshot) => snapshot.id < to.id && snapshot.orgUrl === to.orgUrl && snapshot.status === 'complete',
  );
}

export function comparePair(snapshots: readonly SnapshotSummary[], chosen: ChosenPair): ComparePair {
  const byId = (id: number | null) => snapshots.find((snapshot) => snapshot.id === id);
  const to = byId(effectiveSnapshotId(snapshots, chosen.to));
  const from = byId(chosen.from) ?? (to && earlierOfSameOrg(snapshots, to));
  if (!to) return { from, to, problem: null };
  if (!from)
    return {
      from,
      to,
      problem:
        `There is no earlier complete snapshot of ${hostOf(to.orgUrl)} to compare #${to.id} with: ` +
        'pull the org again later, or pick another snapshot B.',
    };
  if (from.id === to.id) return { from, to, problem: 'A and B are the same snapshot: pick two different ones.' };
  if (from.orgUrl !== to.orgUrl)
    return {
      from,
      to,
      problem:
        `Snapshot #${from.id} is of ${hostOf(from.orgUrl)} and #${to.id} of ${hostOf(to.orgUrl)}: ` +
        'a comparison needs two snapshots of the same org.',
    };
  return { from, to, problem: null };
}

// The last step of a pull. A run that failed or was cancelled marks its snapshot so (what was received stays, for a
// resume); one that listed everything records the gaps it can only see now, reports odd values and relations left
// out, builds the relation rows and completes the snapshot.
import type { ExportedRelationKind } from '../export/relationRecords';
import { buildNameSearch } from '../store/nameSearch';
import { buildRelationRows } from '../store/relationRows';
import { countSnapshotObjects, type SnapshotCounts } from '../store/snapshotCounts';
import { finishSnapshot, getSnapshot, recordSnapshotGap, type SnapshotGap } from '../store/snapshots';
import { PullError, PullPaused } from './pullErrors';
import type { PullRun } from './pullRun';
import type { PullWarning } from './pullWarnings';
import { reportRelationsLeftOut } from './relationsLeftOut';
import { RequestCapReached } from './requestCap';
import { detectSilentGaps } from './silentGaps';

export interface PullResult {
  snapshotId: number;
  counts: SnapshotCounts;
  requests: number;
  durationMs: number;
  /** Object kinds the token could not read: the snapshot is incomplete for these. */
  gaps: SnapshotGap[];
  /** What the pull noticed without stopping, this run and any run it resumed. */
  warnings: PullWarning[];
  /** Relations per kind whose other end was never listed (the export leaves them out); kinds with none are absent. */
  relationsLeftOut: Partial<Record<ExportedRelationKind, number>>;
  /** Set for a quick refresh: its base, and whether the deletion check made it list every user after all. */
  quickRefresh?: { baseSnapshotId: number; fellBackToFullUserListing: boolean };
}

/**
 * Marks the snapshot cancelled (the caller's signal) or failed, and returns what to throw: PullPaused at the request
 * cap, else a PullError whose cause is what stopped the run first.
 */
export function failPull(run: PullRun, callerSignal: AbortSignal | undefined, failure: unknown): PullError {
  const { db, snapshotId } = run;
  const cancelled = callerSignal?.aborted === true;
  const reason: unknown = cancelled ? callerSignal?.reason : (run.stoppedBecause() ?? failure);
  const message = cancelled ? 'the pull was cancelled' : ((reason as Error)?.message ?? String(reason));
  finishSnapshot(db, snapshotId, cancelled ? 'cancelled' : 'failed', message);
  if (!cancelled && reason instanceof RequestCapReached) return new PullPaused(snapshotId, reason);
  const resumable = `snapshot ${snapshotId} keeps what was received and can be resumed`;
  return new PullError(`${message} (${resumable})`, snapshotId, reason);
}

export function completePull(run: PullRun, startedAt: number): PullResult {
  const { db, snapshotId, quick, warnings } = run;
  run.denials.finish();
  recordSilentGaps(run);
  run.writer.finishOddValueReport();
  const relationsLeftOut = reportRelationsLeftOut(db, snapshotId, warnings.sink);
  buildRelationRows(db, snapshotId);
  buildNameSearch(db, snapshotId);
  finishSnapshot(db, snapshotId, 'complete');
  return {
    snapshotId,
    counts: countSnapshotObjects(db, snapshotId),
    requests: run.requestsMade(),
    durationMs: Date.now() - startedAt,
    gaps: getSnapshot(db, snapshotId)!.gaps,
    warnings: warnings.list(),
    relationsLeftOut,
    ...(quick && { quickRefresh: { baseSnapshotId: quick.base.id, fellBackToFullUserListing: quick.fellBack() } }),
  };
}

/** Listings Okta answered empty against its own counts; a kind known to be unreadable (403) is not flagged twice. */
function recordSilentGaps(run: PullRun): void {
  const { db, snapshotId } = run;
  const knownGaps = new Set(getSnapshot(db, snapshotId)!.gaps.map((gap) => gap.objectKind));
  for (const gap of detectSilentGaps(db, snapshotId)) {
    if (!knownGaps.has(gap.objectKind)) recordSnapshotGap(db, snapshotId, gap);
  }
}

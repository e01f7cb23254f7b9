// The first step of a pull: a new snapshot (built on a quick-refresh base when asked), or an unfinished one to resume
// after checking that it may be; either way claimed for this process before anything is written into it.
import type { Db } from '../store/openDatabase';
import { createSnapshot, getSnapshot, type SnapshotInfo } from '../store/snapshots';
import { checkQuickRefreshBase, QuickRefresh } from './quickRefresh';
import { claimSnapshot } from './snapshotRunner';

export interface SnapshotChoice {
  orgUrl: string;
  includeFactors: boolean;
  readEveryGroup?: boolean;
  appVersion: string;
  resumeSnapshotId?: number;
  quickRefreshFrom?: number;
}

export interface StartedSnapshot {
  snapshotId: number;
  /** Set for a quick refresh (a resumed one keeps the base it started with). */
  quick?: QuickRefresh;
}

export function startOrResumeSnapshot(db: Db, choice: SnapshotChoice): StartedSnapshot {
  if (choice.resumeSnapshotId === undefined) return startSnapshot(db, choice);
  return resumeSnapshot(db, choice, choice.resumeSnapshotId);
}

/** The quick-refresh base, checked before the snapshot is created or claimed: one that will not do changes nothing. */
function checkedBase(db: Db, baseId: number | undefined, choice: SnapshotChoice): SnapshotInfo | undefined {
  if (baseId === undefined) return undefined;
  return checkQuickRefreshBase(db, baseId, { orgUrl: choice.orgUrl, includeFactors: choice.includeFactors });
}

function startSnapshot(db: Db, choice: SnapshotChoice): StartedSnapshot {
  const base = checkedBase(db, choice.quickRefreshFrom, choice);
  const snapshotId = createSnapshot(db, {
    orgUrl: choice.orgUrl,
    includeFactors: choice.includeFactors,
    appVersion: choice.appVersion,
    baseSnapshotId: base?.id,
    readEveryGroup: choice.readEveryGroup === true,
  });
  claimSnapshot(db, snapshotId);
  return { snapshotId, quick: base && new QuickRefresh(db, snapshotId, base) };
}

function resumeSnapshot(db: Db, choice: SnapshotChoice, snapshotId: number): StartedSnapshot {
  if (choice.quickRefreshFrom !== undefined) {
    throw new Error(
      'a resumed pull continues the way it started (a quick refresh keeps its base): ' +
        'do not ask for a quick refresh when resuming',
    );
  }
  const snapshot = getSnapshot(db, snapshotId);
  if (!snapshot) throw new Error(`there is no snapshot ${snapshotId} to resume; list them with "okta-prep snapshots"`);
  if (snapshot.status === 'complete') {
    throw new Error(`snapshot ${snapshot.id} is already complete; start a new pull instead`);
  }
  if (snapshot.orgUrl !== choice.orgUrl) {
    const pulledFrom = `snapshot ${snapshot.id} was pulled from ${snapshot.orgUrl}, not ${choice.orgUrl}`;
    throw new Error(`${pulledFrom}; resume it with --org ${snapshot.orgUrl}`);
  }
  if (choice.readEveryGroup === true && !snapshot.readEveryGroup) {
    throw new Error(
      `snapshot ${snapshot.id} started without reading every group; a resumed pull continues the way it started: ` +
        'drop --read-every-group, or start a new pull with it',
    );
  }
  const base = checkedBase(db, snapshot.baseSnapshotId ?? undefined, choice);
  claimSnapshot(db, snapshot.id);
  return { snapshotId: snapshot.id, quick: base && new QuickRefresh(db, snapshot.id, base) };
}

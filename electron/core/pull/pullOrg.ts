// Pulls a whole Okta org into a new snapshot (or resumes an unfinished one), in steps: start or resume the snapshot,
// open the request cap, run the four object families' listings (each page committed with its cursor as it arrives),
// then finish: mark a failed run, or complete the snapshot. A quick refresh (quickRefreshFrom) lists only changed
// users and group memberships and copies the rest (quickRefresh.ts).
import type { OktaClient } from '../okta/oktaClient';
import type { Db } from '../store/openDatabase';
import { completePull, failPull, type PullResult } from './finishPull';
import { ListingRunner } from './listingRunner';
import { PULL_FAMILIES } from './pullFamilies';
import type { PullProgress } from './pullProgress';
import { startPullRun, type PullRun } from './pullRun';
import type { PullWarning } from './pullWarnings';
import { openRequestCap } from './requestCap';
import { startOrResumeSnapshot } from './startOrResumeSnapshot';

export { PullError, PullPaused } from './pullErrors';
export type { PullResult } from './finishPull';

export interface PullOptions {
  db: Db;
  client: OktaClient;
  includeFactors: boolean;
  /** Member and role listings for every group, whatever its stats say (a resumed pull keeps what it started with). */
  readEveryGroup?: boolean;
  appVersion: string;
  /** Continue this unfinished snapshot from its saved cursors instead of starting a new one. */
  resumeSnapshotId?: number;
  /** Quick refresh: build the new snapshot on this complete snapshot of the same org (a resumed one keeps its base). */
  quickRefreshFrom?: number;
  signal?: AbortSignal;
  onProgress?: (progress: PullProgress) => void;
  /** Each warning once, as it is said (it is also in the snapshot's log and the result). */
  onWarning?: (warning: PullWarning) => void;
  /** Listings run at once per family (the governor still caps requests in flight). */
  workersPerFamily?: number;
  /** One run may make this many times its request estimate + 100 requests, then pauses (default 3; requestCap.ts). */
  requestCapMultiplier?: number;
}

export async function pullOrg(options: PullOptions): Promise<PullResult> {
  const { db, client } = options;
  const startedAt = Date.now();
  if (options.requestCapMultiplier !== undefined && !(options.requestCapMultiplier > 0)) {
    throw new RangeError(`requestCapMultiplier must be above 0, got ${options.requestCapMultiplier}`);
  }
  const started = startOrResumeSnapshot(db, { ...options, orgUrl: client.orgUrl });
  const run = startPullRun(db, client, started, options);
  const failure = await runListings(run, options);
  run.writer.flush(); // pages already received are kept, even when the pull failed: a resume will not fetch them again
  run.progress.flush();
  if (failure) throw failPull(run, options.signal, failure.reason);
  return completePull(run, startedAt);
}

/** Runs every family to its end, or until one failure (401, network gone) stops them all; returns that failure. */
async function runListings(run: PullRun, options: PullOptions): Promise<PromiseRejectedResult | undefined> {
  // Opened before any listing starts; a failure or a cancel while it reads Okta's counts ends the pull like any other.
  const capOpened = openRequestCap(run.db, run.client, {
    snapshotId: run.snapshotId,
    includeFactors: options.includeFactors,
    multiplier: options.requestCapMultiplier,
    signal: run.signal,
  });
  const runner = capOpened.then((cap) => new ListingRunner(run, cap, options.workersPerFamily ?? 4));
  const outcomes = await Promise.allSettled(
    PULL_FAMILIES.map((family) =>
      runner
        .then((listings) => family(run, listings))
        .catch((error: unknown) => {
          run.stop(error);
          throw error;
        }),
    ),
  );
  return outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
}

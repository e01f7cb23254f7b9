// What every step of one pull run shares: its snapshot, where pages are written, warnings, progress, the signal that
// stops every listing at once, and the kinds and objects Okta refused.
import { setMaxListeners } from 'node:events';
import type { OktaClient } from '../okta/oktaClient';
import type { Db } from '../store/openDatabase';
import { countPullTasksByKind } from '../store/pullTaskStore';
import { getSnapshot } from '../store/snapshots';
import { SnapshotWriter } from '../store/snapshotWriter';
import type { GroupListingPolicy } from './groupListings';
import { ObjectDenials, WHOLE_KIND_DENIED } from './objectDenials';
import { phasesFromTasks, PullProgressTracker, type PullProgress } from './pullProgress';
import type { ObjectKind } from './pullTaskKinds';
import { PullWarnings, type PullWarning } from './pullWarnings';
import type { QuickRefresh } from './quickRefresh';
import type { StartedSnapshot } from './startOrResumeSnapshot';

export interface PullRun {
  db: Db;
  client: OktaClient;
  snapshotId: number;
  quick?: QuickRefresh;
  includeFactors: boolean;
  warnings: PullWarnings;
  writer: SnapshotWriter;
  progress: PullProgressTracker;
  /** Aborted by the caller's signal, or by stop() when one failure must end every listing. */
  signal: AbortSignal;
  stop(reason: unknown): void;
  /** Why stop() was called, if it was. */
  stoppedBecause(): unknown;
  /** Kinds refused outright (a whole listing, or a run of per-object refusals); a resumed pull keeps them. */
  deniedKinds: Set<ObjectKind>;
  denials: ObjectDenials;
  groupPolicy: GroupListingPolicy;
  /** Requests this run made so far (the client counts every run it served). */
  requestsMade(): number;
}

export interface PullRunOptions {
  includeFactors: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: PullProgress) => void;
  onWarning?: (warning: PullWarning) => void;
}

export function startPullRun(db: Db, client: OktaClient, started: StartedSnapshot, options: PullRunOptions): PullRun {
  const { snapshotId } = started;
  const requestsBefore = client.stats.requests;
  const requestsMade = () => client.stats.requests - requestsBefore;
  const { warnings, progress } = warningsAndProgress(db, client, snapshotId, requestsMade, options);
  client.warningSink = warnings.sink;
  const stopAll = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stopAll.signal]) : stopAll.signal;
  // Every worker's request and rate-limit wait listens to it at once: more than Node's default 10 is expected.
  setMaxListeners(200, signal);
  const snapshotAtStart = getSnapshot(db, snapshotId)!;
  const refusedOutright = snapshotAtStart.gaps.filter((gap) => gap.reason === WHOLE_KIND_DENIED);
  return {
    db,
    client,
    snapshotId,
    quick: started.quick,
    includeFactors: options.includeFactors,
    warnings,
    writer: new SnapshotWriter(db, snapshotId, warnings.sink),
    progress,
    signal,
    stop: (reason) => stopAll.abort(reason),
    stoppedBecause: () => stopAll.signal.reason as unknown,
    deniedKinds: new Set(refusedOutright.map((gap) => gap.objectKind as ObjectKind)),
    denials: new ObjectDenials(db, snapshotId, warnings),
    groupPolicy: { readEveryGroup: snapshotAtStart.readEveryGroup },
    requestsMade,
  };
}

/** Each warning said is also a reason to send progress (the progress carries the warnings' text). */
function warningsAndProgress(
  db: Db,
  client: OktaClient,
  snapshotId: number,
  requestsMade: () => number,
  options: PullRunOptions,
): { warnings: PullWarnings; progress: PullProgressTracker } {
  const warnings: PullWarnings = new PullWarnings(db, snapshotId, (warning) => {
    options.onWarning?.(warning);
    progress.warningSaid();
  });
  const progress = new PullProgressTracker(
    snapshotId,
    options.onProgress,
    () => ({ requests: requestsMade(), retries: client.stats.retries, buckets: client.governor.snapshot() }),
    () => phasesFromTasks(countPullTasksByKind(db, snapshotId), options.includeFactors),
    () => warnings.list().map((warning) => warning.message),
  );
  return { warnings, progress };
}

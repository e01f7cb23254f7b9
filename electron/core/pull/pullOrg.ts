// Pulls a whole Okta org into a new snapshot (or resumes an unfinished one). The four object families run in
// parallel (they use different rate-limit buckets); each page is committed with its cursor as it arrives.
// A quick refresh (quickRefreshFrom) lists only changed users and group memberships and copies the rest (quickRefresh.ts).
import { setMaxListeners } from 'node:events';
import type { OktaClient } from '../okta/oktaClient';
import { OktaError } from '../okta/oktaErrors';
import type { Db } from '../store/openDatabase';
import { countPullTasksByKind, getPullTask, markPullTaskDone, pendingPullTasks } from '../store/pullTaskStore';
import { createSnapshot, finishSnapshot, getSnapshot, recordSnapshotGap } from '../store/snapshots';
import { SnapshotWriter } from '../store/snapshotWriter';
import { hasUsableId } from '../store/fallbackRules';
import { buildRelationRows } from '../store/relationRows';
import { detectSilentGaps } from './silentGaps';
import { reportRelationsLeftOut } from './relationsLeftOut';
import type { ExportedRelationKind } from '../export/relationRecords';
import { claimSnapshot } from './snapshotRunner';
import { countSnapshotObjects, type SnapshotCounts } from '../store/snapshotCounts';
import { FIRST_URLS, parseTaskKey, type ObjectKind } from './pullTaskKinds';
import { PullProgressTracker, phaseOfTask, type PullProgress } from './pullProgress';
import { checkQuickRefreshBase, QuickRefresh } from './quickRefresh';
import { PullWarnings, type PullWarning } from './pullWarnings';
import { ListingLoopGuard } from './listingLoopGuard';
import { followedPages } from '../store/listingPages';
import { reportRepeatingListing } from './repeatingListing';
import { openRequestCap, RequestCapReached, type RequestCap } from './requestCap';
import { estimateRaise } from './requestEstimate';
import { ObjectDenials, WHOLE_KIND_DENIED } from './objectDenials';
import type { GroupListingPolicy } from './groupListings';

export interface PullOptions {
  db: Db;
  client: OktaClient;
  includeFactors: boolean;
  /** Member and role listings for every group, whatever its stats say (a resumed pull keeps what its snapshot started with). */
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
  /** One run may make this many times its request estimate + 100 requests, then it pauses (default 3; see requestCap.ts). */
  requestCapMultiplier?: number;
}

export interface PullResult {
  snapshotId: number;
  counts: SnapshotCounts;
  requests: number;
  durationMs: number;
  /** Object kinds the token could not read: the snapshot is incomplete for these. */
  gaps: { objectKind: string; reason: string; message: string }[];
  /** What the pull noticed without stopping, this run and any run it resumed. */
  warnings: PullWarning[];
  /** Relations per kind whose other end was never listed (the export leaves them out); kinds with none are absent. */
  relationsLeftOut: Partial<Record<ExportedRelationKind, number>>;
  /** Set for a quick refresh: its base, and whether the deletion check made it list every user after all. */
  quickRefresh?: { baseSnapshotId: number; fellBackToFullUserListing: boolean };
}

export class PullError extends Error {
  override name = 'PullError';
  constructor(
    message: string,
    readonly snapshotId: number,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

/** The pull stopped at its request cap (requestCap.ts): not broken, resumable with a fresh allowance, or left. */
export class PullPaused extends PullError {
  override name = 'PullPaused';
  /** What a resume allows: as many requests as this run made. */
  readonly allowance: number;
  constructor(snapshotId: number, cause: RequestCapReached) {
    super(`${cause.message}. Snapshot ${snapshotId} keeps what was received; resuming it allows another ${cause.requests} requests, or leave it`, snapshotId, cause);
    this.allowance = cause.requests;
  }
}

function startOrResumeSnapshot(options: PullOptions): { snapshotId: number; quick?: QuickRefresh } {
  const { db, client } = options;
  const baseOf = (baseId: number | undefined) =>
    baseId === undefined ? undefined : checkQuickRefreshBase(db, baseId, { orgUrl: client.orgUrl, includeFactors: options.includeFactors });
  if (options.resumeSnapshotId === undefined) {
    const base = baseOf(options.quickRefreshFrom);
    const snapshotId = createSnapshot(db, {
      orgUrl: client.orgUrl,
      includeFactors: options.includeFactors,
      appVersion: options.appVersion,
      baseSnapshotId: base?.id,
      readEveryGroup: options.readEveryGroup === true,
    });
    claimSnapshot(db, snapshotId);
    return { snapshotId, quick: base && new QuickRefresh(db, snapshotId, base) };
  }
  if (options.quickRefreshFrom !== undefined) {
    throw new Error('a resumed pull continues the way it started (a quick refresh keeps its base): do not ask for a quick refresh when resuming');
  }
  const snapshot = getSnapshot(db, options.resumeSnapshotId);
  if (!snapshot) throw new Error(`there is no snapshot ${options.resumeSnapshotId} to resume; list them with "okta-prep snapshots"`);
  if (snapshot.status === 'complete') throw new Error(`snapshot ${snapshot.id} is already complete; start a new pull instead`);
  if (snapshot.orgUrl !== client.orgUrl) {
    throw new Error(`snapshot ${snapshot.id} was pulled from ${snapshot.orgUrl}, not ${client.orgUrl}; resume it with --org ${snapshot.orgUrl}`);
  }
  if (options.readEveryGroup === true && !snapshot.readEveryGroup) {
    throw new Error(`snapshot ${snapshot.id} started without reading every group; a resumed pull continues the way it started: drop --read-every-group, or start a new pull with it`);
  }
  const base = baseOf(snapshot.baseSnapshotId ?? undefined);
  claimSnapshot(db, snapshot.id);
  return { snapshotId: snapshot.id, quick: base && new QuickRefresh(db, snapshot.id, base) };
}

export async function pullOrg(options: PullOptions): Promise<PullResult> {
  const { db, client } = options;
  const startedAt = Date.now();
  if (options.requestCapMultiplier !== undefined && !(options.requestCapMultiplier > 0)) {
    throw new RangeError(`requestCapMultiplier must be above 0, got ${options.requestCapMultiplier}`);
  }
  const { snapshotId, quick } = startOrResumeSnapshot(options);
  const requestsBefore = client.stats.requests;
  const warnings: PullWarnings = new PullWarnings(db, snapshotId, (warning) => {
    options.onWarning?.(warning);
    progress.warningSaid();
  });
  client.warningSink = warnings.sink;
  const writer = new SnapshotWriter(db, snapshotId, warnings.sink);
  const progress = new PullProgressTracker(
    snapshotId,
    options.onProgress,
    () => ({ requests: client.stats.requests - requestsBefore, retries: client.stats.retries, buckets: client.governor.snapshot() }),
    () => countPullTasksByKind(db, snapshotId),
    () => warnings.list().map((warning) => warning.message),
  );
  // One failure that must stop everything (401, network gone) stops the other families too.
  const stopAll = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stopAll.signal]) : stopAll.signal;
  // Every worker's request and rate-limit wait listens to it at once: more than Node's default 10 is expected.
  setMaxListeners(200, signal);
  // Kinds refused outright (a whole listing, or a run of per-object refusals); kept by a resumed pull.
  const snapshotAtStart = getSnapshot(db, snapshotId)!;
  const deniedKinds = new Set(snapshotAtStart.gaps.filter((gap) => gap.reason === WHOLE_KIND_DENIED).map((gap) => gap.objectKind as ObjectKind));
  const denials = new ObjectDenials(db, snapshotId, warnings);
  const groupPolicy: GroupListingPolicy = { readEveryGroup: snapshotAtStart.readEveryGroup };
  const workers = options.workersPerFamily ?? 4;
  // Opened before any listing starts; a failure or a cancel while it reads Okta's counts ends the pull like any other.
  let requestCap!: RequestCap;
  const capOpened = openRequestCap(db, client, { snapshotId, includeFactors: options.includeFactors, multiplier: options.requestCapMultiplier, signal }).then(
    (cap) => void (requestCap = cap),
  );

  function markDone(key: string): void {
    writer.flush();
    markPullTaskDone(db, snapshotId, key);
  }

  async function runTask(key: string, firstUrl: string): Promise<void> {
    const state = getPullTask(db, snapshotId, key);
    if (state?.done) return;
    const { kind, kindName, objectId } = parseTaskKey(key);
    const phase = phaseOfTask(kindName);
    if (deniedKinds.has(kind.objectKind)) return markDone(key);
    let url: string | undefined = state?.nextUrl ?? firstUrl;
    // Pages this listing already followed (also in an earlier run): a `next` back into them is a loop, not more data.
    const guard = new ListingLoopGuard(followedPages(db, snapshotId, key));
    const stopRepeating = (why: string) => {
      writer.flush();
      reportRepeatingListing(db, snapshotId, warnings, { taskKey: key, objectKind: kind.objectKind, url: url!, why });
      markDone(key);
    };
    while (url) {
      signal.throwIfAborted();
      const repeatedLink = guard.repeatedLink(url);
      if (repeatedLink) return stopRepeating(repeatedLink);
      let page;
      try {
        page = await client.getPage<unknown>(url, kind.objectKind, kind.shape, signal);
      } catch (error) {
        if (error instanceof OktaError && error.kind === 'not-found' && objectId !== '') {
          // The object was deleted while the pull ran: nothing left to list for it.
          return markDone(key);
        }
        if (error instanceof OktaError && error.kind === 'permission') {
          writer.flush();
          if (deniedKinds.has(kind.objectKind)) return markDone(key);
          // One object refused (a scoped admin) stops that object only, unless the refusals show the whole kind is denied.
          const perObject = objectId !== '' && denials.isPerObject(kindName);
          if (!perObject || denials.refused({ key, kindName, objectKind: kind.objectKind, objectId }, error) === 'kind') deniedKinds.add(kind.objectKind);
          if (!perObject) recordSnapshotGap(db, snapshotId, { objectKind: kind.objectKind, reason: WHOLE_KIND_DENIED, message: error.message });
          return markDone(key);
        }
        throw error;
      }
      signal.throwIfAborted();
      const accepted = guard.acceptPage(url, page.items);
      if (accepted.repeat) return stopRepeating(accepted.repeat);
      if (objectId !== '') denials.grant(kindName);
      const rows = kind.toRows(page.items, objectId);
      const listed = page.items.filter(hasUsableId); // a null or id-less item is skipped by the writer, with a warning
      const allFollowUps = kind.followUps?.(listed, groupPolicy) ?? [];
      const followUps = quick ? quick.keepFollowUps(kindName, listed, allFollowUps) : allFollowUps;
      requestCap.raise(estimateRaise(kindName, { items: listed, nextUrl: page.nextUrl }, followUps));
      writer.commitPage(key, rows, page.nextUrl, followUps, page.nextUrl ? accepted.followed : undefined);
      progress.addRows(phase, page.items.length);
      url = page.nextUrl;
    }
  }

  async function runPending(prefix: string): Promise<void> {
    writer.flush(); // follow-up listings scheduled by queued pages must be visible
    const queue = pendingPullTasks(db, snapshotId, prefix);
    let next = 0;
    const worker = async () => {
      while (next < queue.length) {
        const task = queue[next++]!;
        await runTask(task.key, task.nextUrl ?? '');
      }
    };
    await Promise.all(Array.from({ length: Math.min(workers, queue.length) }, worker));
  }

  // Listed once; a quick refresh's user step also waits for it (the deletion check needs the Everyone group's count).
  let groupsListing: Promise<void> | undefined;
  const listGroups = () => (groupsListing ??= runTask('groups', FIRST_URLS.groups));

  const families: (() => Promise<void>)[] = [
    async () => {
      if (quick) {
        await runTask('users-changed', FIRST_URLS.usersChanged(quick.changedSince));
        await runTask('users-deprovisioned', FIRST_URLS.usersDeprovisioned);
        await listGroups();
        writer.flush();
        if (quick.completeUsers()) await runTask('users', FIRST_URLS.users);
      } else {
        await runTask('users', FIRST_URLS.users);
        await runTask('users-deprovisioned', FIRST_URLS.usersDeprovisioned);
      }
      if (options.includeFactors) {
        writer.flush();
        const ids = db.prepare(`SELECT id FROM users WHERE snapshot_id = ? ORDER BY id`).pluck().all(snapshotId) as string[];
        writer.schedule(ids.map((id) => ({ key: `factors:${id}`, url: FIRST_URLS.factors(id) })));
        await runPending('factors:');
      }
    },
    async () => {
      await listGroups();
      if (quick) {
        writer.flush();
        quick.copyUnchangedMembers();
      }
      await runPending('group-members:');
      await runPending('group-roles:');
    },
    async () => {
      await runTask('apps', FIRST_URLS.apps);
      await runPending('app-');
    },
    async () => {
      await runTask('custom-roles', FIRST_URLS.customRoles);
      await runTask('role-assignees', FIRST_URLS.roleAssignees);
      await runPending('user-roles:');
    },
  ];

  const outcomes = await Promise.allSettled(
    families.map((family) =>
      capOpened.then(family).catch((error: unknown) => {
        stopAll.abort(error);
        throw error;
      }),
    ),
  );
  writer.flush(); // pages already received are kept, even when the pull failed: a resume will not fetch them again
  progress.flush();
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) {
    const cancelled = options.signal?.aborted === true;
    const reason: unknown = cancelled ? options.signal?.reason : stopAll.signal.reason ?? failure.reason;
    const message = cancelled ? 'the pull was cancelled' : (reason as Error)?.message ?? String(reason);
    finishSnapshot(db, snapshotId, cancelled ? 'cancelled' : 'failed', message);
    if (!cancelled && reason instanceof RequestCapReached) {
      throw new PullPaused(snapshotId, reason);
    }
    throw new PullError(`${message} (snapshot ${snapshotId} keeps what was received and can be resumed)`, snapshotId, reason);
  }
  denials.finish();
  // A kind already known to be unreadable (403) is not flagged a second time as suspiciously empty.
  const knownGaps = new Set(getSnapshot(db, snapshotId)!.gaps.map((gap) => gap.objectKind));
  for (const gap of detectSilentGaps(db, snapshotId)) if (!knownGaps.has(gap.objectKind)) recordSnapshotGap(db, snapshotId, gap);
  writer.finishOddValueReport();
  const relationsLeftOut = reportRelationsLeftOut(db, snapshotId, warnings.sink);
  buildRelationRows(db, snapshotId);
  finishSnapshot(db, snapshotId, 'complete');
  const snapshot = getSnapshot(db, snapshotId)!;
  return {
    snapshotId,
    counts: countSnapshotObjects(db, snapshotId),
    requests: client.stats.requests - requestsBefore,
    durationMs: Date.now() - startedAt,
    gaps: snapshot.gaps,
    warnings: warnings.list(),
    relationsLeftOut,
    ...(quick && { quickRefresh: { baseSnapshotId: quick.base.id, fellBackToFullUserListing: quick.fellBack() } }),
  };
}

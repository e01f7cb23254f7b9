// pull.* and jobs.*: starting a full pull, a quick refresh or a resumed pull as a job, and listing or cancelling jobs.
import type { ParamsOf } from '../../../../shared/service/contract';
import type { JobState } from '../../../../shared/service/types';
import { checkQuickRefreshBase, QuickRefreshError } from '../../pull/quickRefresh';
import { getSnapshot, latestCompleteSnapshotOf } from '../../store/snapshots';
import type { Credentials } from '../jobs/jobMessages';
import { startJob } from '../jobs/startJob';
import { ServiceFailure } from '../serviceFailure';
import { requireConnection } from './connectionHandlers';
import type { HandlersOf, ServiceContext } from './serviceContext';

type Connection = { orgUrl: string; credentials: Credentials };
type PullParams = Omit<ParamsOf<'pull.start'>, 'quick'> & { resumeSnapshotId?: number; quickRefreshFrom?: number };

export function pullHandlers(ctx: ServiceContext): HandlersOf<'pull' | 'jobs'> {
  return {
    'pull.start': async ({ quick, ...params }) => {
      const connection = await requireConnection(ctx);
      return startPull(
        ctx,
        quick
          ? { ...params, quickRefreshFrom: quickRefreshBase(ctx, connection.orgUrl, params.includeFactors) }
          : params,
        connection,
      );
    },
    'pull.resume': ({ snapshotId }) => resumePull(ctx, snapshotId),
    'jobs.list': async () => ctx.jobs.list(),
    'jobs.cancel': async ({ jobId }) => {
      const job = ctx.jobs.get(jobId);
      if (!job) throw new ServiceFailure('NOT_FOUND', `there is no job ${jobId}`);
      ctx.jobs.cancel(jobId);
      return job;
    },
  };
}

/** The base of a quick refresh: the latest complete snapshot of the connected org, checked before the job starts. */
function quickRefreshBase({ deps }: ServiceContext, orgUrl: string, includeFactors: boolean): number {
  const baseId = latestCompleteSnapshotOf(deps.db, orgUrl);
  if (baseId === undefined)
    throw new ServiceFailure('CONFLICT', `no complete snapshot of ${orgUrl} to refresh from: run a full pull first`);
  try {
    checkQuickRefreshBase(deps.db, baseId, { orgUrl, includeFactors });
  } catch (error) {
    if (error instanceof QuickRefreshError) throw new ServiceFailure('CONFLICT', error.message);
    throw error;
  }
  return baseId;
}

async function resumePull(ctx: ServiceContext, snapshotId: number): Promise<JobState> {
  const snapshot = getSnapshot(ctx.deps.db, snapshotId);
  if (!snapshot) throw new ServiceFailure('NOT_FOUND', `there is no snapshot ${snapshotId}`);
  if (snapshot.status === 'complete')
    throw new ServiceFailure('CONFLICT', `snapshot ${snapshotId} is already complete`);
  const connection = await requireConnection(ctx);
  // The sample org gets a new address each time the app starts, so its unfinished pulls cannot be resumed either.
  if (connection.orgUrl !== snapshot.orgUrl) {
    throw new ServiceFailure(
      'CONFLICT',
      `snapshot ${snapshotId} was pulled from ${snapshot.orgUrl}, not the connected ${connection.orgUrl}; ` +
        `connect to that org to resume it, or start a new pull`,
    );
  }
  return startPull(ctx, { includeFactors: snapshot.includeFactors, resumeSnapshotId: snapshotId }, connection);
}

function startPull({ deps, jobs }: ServiceContext, params: PullParams, connection: Connection): JobState {
  if (jobs.running('pull'))
    throw new ServiceFailure('CONFLICT', 'a pull is already running: wait for it or cancel it first');
  return startJob(
    jobs,
    'pull',
    {
      kind: 'pull',
      dbPath: deps.dbPath,
      orgUrl: connection.orgUrl,
      credentials: connection.credentials,
      appVersion: deps.appVersion,
      ...params,
    },
    params.resumeSnapshotId,
  );
}

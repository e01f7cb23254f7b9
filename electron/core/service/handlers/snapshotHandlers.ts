// snapshots.*: the snapshots in the cache with their object counts, naming one, and deleting one (refused while a
// job uses it; the space goes back to the disk unless another job holds the cache open for writing).
import type { SnapshotSummary } from '../../../../shared/service/types';
import { countSnapshotObjects } from '../../store/snapshotCounts';
import { deleteSnapshot, labelSnapshot, SnapshotChangeRefused } from '../../store/snapshotRemoval';
import { listSnapshots, type SnapshotInfo } from '../../store/snapshots';
import { ServiceFailure } from '../serviceFailure';
import type { HandlersOf, ServiceContext } from './serviceContext';

/** Jobs that read or write the cache through their own connection (VACUUM would wait on, or block, them). */
const CACHE_JOBS = new Set(['pull', 'export']);

export function snapshotHandlers({ deps, jobs }: ServiceContext): HandlersOf<'snapshots'> {
  const countsCache = new Map<number, Record<string, number>>();
  const summary = (snapshot: SnapshotInfo): SnapshotSummary => {
    let counts = countsCache.get(snapshot.id);
    if (!counts && snapshot.status === 'complete') {
      counts = { ...countSnapshotObjects(deps.db, snapshot.id) };
      countsCache.set(snapshot.id, counts); // a complete snapshot never changes
    }
    return { ...snapshot, counts };
  };
  const runningCacheJobs = () => jobs.list().filter((job) => job.status === 'running' && CACHE_JOBS.has(job.kind));
  return {
    'snapshots.list': async () => listSnapshots(deps.db).map(summary),
    'snapshots.label': async ({ snapshotId, label }) =>
      summary(storeChange(() => labelSnapshot(deps.db, snapshotId, label))),
    'snapshots.delete': async ({ snapshotId }) => {
      const user = runningCacheJobs().find((job) => job.snapshotId === snapshotId);
      if (user)
        throw new ServiceFailure(
          'CONFLICT',
          `snapshot ${snapshotId} is used by the running ${user.kind}: wait for it to finish or cancel it, then delete`,
        );
      const deletion = storeChange(() =>
        deleteSnapshot(deps.db, snapshotId, { vacuum: runningCacheJobs().length === 0 }),
      );
      countsCache.delete(snapshotId);
      return deletion;
    },
  };
}

function storeChange<T>(change: () => T): T {
  try {
    return change();
  } catch (error) {
    if (!(error instanceof SnapshotChangeRefused)) throw error;
    const code = error.reason === 'not-found' ? 'NOT_FOUND' : error.reason === 'in-use' ? 'CONFLICT' : 'BAD_INPUT';
    throw new ServiceFailure(code, error.message);
  }
}

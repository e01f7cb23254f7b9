// snapshots.*: the snapshots in the cache with their object counts, what an export of one writes, its users'
// statuses and profile attributes, naming one, and deleting one (refused while a job uses it; the space goes back to
// the disk unless another job holds the cache open for writing).
import type { ExportOptionsInput, ExportSummary, SnapshotSummary } from '../../../../shared/service/types';
import { ExportOptionsError } from '../../export/exportOptions';
import { summariseExport } from '../../export/exportSummary';
import type { Db } from '../../store/openDatabase';
import { phasesFromTasks } from '../../pull/pullProgress';
import { countPullTasksByKind } from '../../store/pullTaskStore';
import { countSnapshotObjects, countUsersByStatus } from '../../store/snapshotCounts';
import { deleteSnapshot, labelSnapshot, SnapshotChangeRefused } from '../../store/snapshotRemoval';
import { getSnapshot, listSnapshots, type SnapshotInfo } from '../../store/snapshots';
import { ServiceFailure } from '../serviceFailure';
import { profileAttributeReader } from './profileAttributeReader';
import type { HandlersOf, ServiceContext } from './serviceContext';

/** Jobs that read or write the cache through their own connection (VACUUM would wait on, or block, them). */
const CACHE_JOBS = new Set(['pull', 'export']);

export function snapshotHandlers({ deps, jobs }: ServiceContext): HandlersOf<'snapshots'> {
  const countsCache = new Map<number, Pick<SnapshotSummary, 'counts' | 'phases'>>();
  const summary = (snapshot: SnapshotInfo): SnapshotSummary => {
    let cached = countsCache.get(snapshot.id);
    if (!cached) {
      const phases = phasesFromTasks(countPullTasksByKind(deps.db, snapshot.id), snapshot.includeFactors);
      if (snapshot.status !== 'complete') return { ...snapshot, phases };
      cached = { counts: { ...countSnapshotObjects(deps.db, snapshot.id) }, phases };
      countsCache.set(snapshot.id, cached); // a complete snapshot never changes
    }
    return { ...snapshot, ...cached };
  };
  const profileAttributes = profileAttributeReader(deps.db, deps.dbPath);
  const runningCacheJobs = () => jobs.list().filter((job) => job.status === 'running' && CACHE_JOBS.has(job.kind));
  return {
    'snapshots.list': async () => listSnapshots(deps.db).map(summary),
    'snapshots.label': async ({ snapshotId, label }) =>
      summary(storeChange(() => labelSnapshot(deps.db, snapshotId, label))),
    'snapshots.exportSummary': async ({ snapshotId, options }) => exportSummary(deps.db, snapshotId, options),
    'snapshots.profileAttributes': ({ snapshotId }) => profileAttributes.read(snapshotId),
    'snapshots.userStatuses': async ({ snapshotId }) => countUsersByStatus(deps.db, existing(deps.db, snapshotId)),
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
      profileAttributes.forget(snapshotId);
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

function existing(db: Db, snapshotId: number): number {
  if (!getSnapshot(db, snapshotId)) throw new ServiceFailure('NOT_FOUND', `there is no snapshot ${snapshotId}`);
  return snapshotId;
}

function exportSummary(db: Db, snapshotId: number, options: ExportOptionsInput | undefined): ExportSummary {
  try {
    return summariseExport(db, existing(db, snapshotId), options);
  } catch (error) {
    if (error instanceof ExportOptionsError) throw new ServiceFailure('BAD_INPUT', error.message);
    throw error;
  }
}

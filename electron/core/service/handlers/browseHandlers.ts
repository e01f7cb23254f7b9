// snapshots.list and browse.*: the snapshots in the cache with their object counts, pages of each table, and the
// who-has-what-and-why detail of one user, group or app.
import type { SnapshotSummary } from '../../../../shared/service/types';
import { countSnapshotObjects } from '../../store/snapshotCounts';
import { listSnapshots } from '../../store/snapshots';
import { appDetail, groupDetail, userAccess } from '../browse/accessDetail';
import { browsePage } from '../browse/browseTables';
import type { HandlersOf, ServiceContext } from './serviceContext';

export function browseHandlers({ deps }: ServiceContext): HandlersOf<'snapshots' | 'browse'> {
  const countsCache = new Map<number, Record<string, number>>();
  const summary = (snapshot: ReturnType<typeof listSnapshots>[number]): SnapshotSummary => {
    let counts = countsCache.get(snapshot.id);
    if (!counts && snapshot.status === 'complete') {
      counts = { ...countSnapshotObjects(deps.db, snapshot.id) };
      countsCache.set(snapshot.id, counts); // a complete snapshot never changes
    }
    return { ...snapshot, counts };
  };
  return {
    'snapshots.list': async () => listSnapshots(deps.db).map(summary),
    'browse.page': async (params) => browsePage(deps.db, params),
    'browse.userAccess': async ({ snapshotId, userId }) => userAccess(deps.db, snapshotId, userId),
    'browse.group': async ({ snapshotId, groupId }) => groupDetail(deps.db, snapshotId, groupId),
    'browse.app': async ({ snapshotId, appId }) => appDetail(deps.db, snapshotId, appId),
  };
}

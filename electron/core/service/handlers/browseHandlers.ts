// snapshots.list and browse.*: the snapshots in the cache with their object counts, and (answered by the browse
// worker, off the main thread) pages of each table and the who-has-what-and-why detail of a user, group, app or role.
import type { SnapshotSummary } from '../../../../shared/service/types';
import { countSnapshotObjects } from '../../store/snapshotCounts';
import { listSnapshots } from '../../store/snapshots';
import type { HandlersOf, ServiceContext } from './serviceContext';

export function browseHandlers({ deps, browse }: ServiceContext): HandlersOf<'snapshots' | 'browse'> {
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
    'browse.page': (params) => browse.call('browse.page', params),
    'browse.userAccess': (params) => browse.call('browse.userAccess', params),
    'browse.group': (params) => browse.call('browse.group', params),
    'browse.app': (params) => browse.call('browse.app', params),
    'browse.role': (params) => browse.call('browse.role', params),
  };
}

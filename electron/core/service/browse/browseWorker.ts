// Worker thread that answers the Browse screen's queries on its own read-only connection to the cache, so a query
// over ten million relations never blocks the service's main thread (pulls' progress, other calls). Queries run one
// at a time, in order; the ordered views it builds (temp tables) belong to this connection.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ParamsOf } from '../../../../shared/service/contract';
import { isServiceFailureLike } from '../serviceFailure';
import { appDetail, groupDetail, userAccess } from './accessDetail';
import { browsePage } from './browseTables';
import { ViewCache } from './browseViews';
import type { BrowseAnswer, BrowseMethod, BrowseRequest, BrowseWorkerData } from './browseWorkerMessages';
import { roleDetail } from './roleDetail';

const { dbPath } = workerData as BrowseWorkerData;
const db = new Database(dbPath, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -65536'); // 64 MiB: the upper levels of the relation indexes stay in memory
const views = new ViewCache(db);

const METHODS: { [M in BrowseMethod]: (params: ParamsOf<M>) => unknown } = {
  'browse.page': (params) => browsePage(db, params, views),
  'browse.userAccess': ({ snapshotId, userId }) => userAccess(db, snapshotId, userId),
  'browse.group': ({ snapshotId, groupId }) => groupDetail(db, snapshotId, groupId),
  'browse.app': ({ snapshotId, appId }) => appDetail(db, snapshotId, appId),
  'browse.role': ({ snapshotId, roleKey }) => roleDetail(db, snapshotId, roleKey),
};

function answer({ id, method, params }: BrowseRequest): BrowseAnswer {
  try {
    const run = METHODS[method] as (params: unknown) => unknown;
    return { id, ok: true, value: run(params) as never };
  } catch (error) {
    if (isServiceFailureLike(error)) return { id, ok: false, failure: { code: error.code, message: error.message } };
    return { id, ok: false, internal: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

parentPort!.on('message', (request: BrowseRequest) => parentPort!.postMessage(answer(request)));

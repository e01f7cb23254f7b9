// browse.*: pages of each table, and the who-has-what-and-why detail of one user, group or app.
import { appDetail, groupDetail, userAccess } from '../browse/accessDetail';
import { browsePage } from '../browse/browseTables';
import type { HandlersOf, ServiceContext } from './serviceContext';

export function browseHandlers({ deps }: ServiceContext): HandlersOf<'browse'> {
  return {
    'browse.page': async (params) => browsePage(deps.db, params),
    'browse.userAccess': async ({ snapshotId, userId }) => userAccess(deps.db, snapshotId, userId),
    'browse.group': async ({ snapshotId, groupId }) => groupDetail(deps.db, snapshotId, groupId),
    'browse.app': async ({ snapshotId, appId }) => appDetail(deps.db, snapshotId, appId),
  };
}

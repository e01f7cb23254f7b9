// The Browse screen's pages of one snapshot's tables: searched, filtered per column, sorted, and reachable at any row.
// Relations (millions of rows) are in relationPages.ts; the other tables in smallTablePages.ts.
import type { BrowsePage, BrowsePageParams } from '../../../../shared/service/types';
import type { Db } from '../../store/openDatabase';
import { ServiceFailure } from '../serviceFailure';
import { viewCacheOf, type ViewCache, type ViewScope } from './browseViews';
import { pageOfRelations } from './relationPages';
import { pageOfSmallTable } from './smallTablePages';

export function browsePage(db: Db, params: BrowsePageParams, views: ViewCache = viewCacheOf(db)): BrowsePage {
  const snapshot = db
    .prepare(`SELECT status, started_at AS startedAt FROM snapshots WHERE id = ?`)
    .get(params.snapshotId) as { status: string; startedAt: string } | undefined;
  if (!snapshot) throw new ServiceFailure('NOT_FOUND', `there is no snapshot ${params.snapshotId}`);
  // A complete snapshot never changes, so its views are kept; a running pull's rows still change. The start time
  // tells a snapshot from a later one that reused the id of a deleted one.
  const scope: ViewScope = { keep: snapshot.status === 'complete', stamp: snapshot.startedAt };
  if (params.table === 'relations') return pageOfRelations(db, views, params, scope);
  return pageOfSmallTable(db, views, params, scope);
}

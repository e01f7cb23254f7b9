// Reads the pages an unfinished listing has followed (pull_listing_pages, migration 6); the snapshot writer adds
// them, each in the same transaction as its page, so they always agree with the listing's saved cursor.
import type { FollowedPage } from '../pull/listingLoopGuard';
import type { Db } from './openDatabase';

export function followedPages(db: Db, snapshotId: number, taskKey: string): FollowedPage[] {
  return db
    .prepare(`SELECT link, items_key AS itemsKey FROM pull_listing_pages WHERE snapshot_id = ? AND task_key = ?`)
    .all(snapshotId, taskKey) as FollowedPage[];
}

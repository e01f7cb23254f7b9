// A listing stopped because its pages repeat (listingLoopGuard.ts): the snapshot gets a gap for the object kind (as a
// 403 gives) and a warning in its log naming the endpoint and the repeated link; the rest of the pull goes on.
import type { Db } from '../store/openDatabase';
import { recordSnapshotGap } from '../store/snapshots';
import type { PullWarnings } from './pullWarnings';

export const REPEATING_PAGE_LINK = 'repeating-page-link';

/** The listing's endpoint as said in messages: the path of its URL, without origin or query. */
export function endpointOf(url: string): string {
  return new URL(url, 'http://placeholder.invalid').pathname;
}

export function reportRepeatingListing(
  db: Db,
  snapshotId: number,
  warnings: PullWarnings,
  listing: { taskKey: string; objectKind: string; url: string; why: string },
): void {
  const endpoint = endpointOf(listing.url);
  const message =
    `Okta's listing of ${listing.objectKind} at ${endpoint} was stopped: ${listing.why}. ` +
    `The snapshot may lack some ${listing.objectKind}; the rest of the pull went on. If a new pull repeats ` +
    `this, report it to Okta support (or to whoever runs a proxy in front of Okta).`;
  // The gap names the first listing of the kind that was stopped; the log names every one.
  const known = db
    .prepare(`SELECT 1 FROM snapshot_gaps WHERE snapshot_id = ? AND object_kind = ? AND reason = ?`)
    .get(snapshotId, listing.objectKind, REPEATING_PAGE_LINK);
  if (known === undefined)
    recordSnapshotGap(db, snapshotId, { objectKind: listing.objectKind, reason: REPEATING_PAGE_LINK, message });
  warnings.warn(REPEATING_PAGE_LINK, listing.taskKey, message);
}

// The service's audit methods: comparing two snapshots (counts and a page of one kind's changes, for a Compare
// screen) and opening a portable snapshot file read-only (File > Open snapshot… in the desktop app).
import path from 'node:path';
import type { ServiceImplementation } from '../../../shared/service/contract';
import type { DiffSummary } from '../../../shared/audit/snapshotDiff';
import { diffSummaryOffThread } from '../audit/diff/diffSummaryOffThread';
import { diffPage, SnapshotDiffError } from '../audit/diff/snapshotDiff';
import type { Db } from '../store/openDatabase';
import { openPortableSnapshot } from '../store/portable/openPortableSnapshot';
import { PortableSnapshotError } from '../store/portable/portableFormat';
import { countSnapshotObjects } from '../store/snapshotCounts';
import { getSnapshot } from '../store/snapshots';
import { ServiceFailure } from './serviceFailure';

type SnapshotCompareMethods = Pick<ServiceImplementation, 'audit.diff' | 'snapshot.openPortable'>;

/**
 * Complete snapshots never change, so their comparison is counted once (in a worker thread: about 2 s on 100,000
 * users) and paged through many times; calls that come while it is counted wait for the same count.
 */
function summaryCache(db: Db): (pair: { from: number; to: number }) => Promise<DiffSummary> {
  const summaries = new Map<string, Promise<DiffSummary>>();
  return (pair) => {
    const key = `${pair.from}:${pair.to}`;
    const known = summaries.get(key);
    if (known) return known;
    const counting = diffSummaryOffThread(db, pair);
    summaries.set(key, counting);
    const forget = () => summaries.delete(key);
    counting.then((summary) => {
      if (summary.from.status !== 'complete' || summary.to.status !== 'complete') forget();
    }, forget);
    return counting;
  };
}

export function snapshotCompareMethods(deps: { db: Db }): SnapshotCompareMethods {
  const summaryOf = summaryCache(deps.db);
  return {
    'audit.diff': async ({ fromSnapshotId, toSnapshotId, page }) => {
      const pair = { from: fromSnapshotId, to: toSnapshotId };
      try {
        const summary = await summaryOf(pair);
        if (!page) return { summary };
        const total = summary.counts.find((count) => count.kind === page.kind)?.[page.change];
        return { summary, page: diffPage(deps.db, pair, page, total ?? undefined) };
      } catch (error) {
        if (error instanceof SnapshotDiffError) throw new ServiceFailure('BAD_INPUT', error.message);
        throw error;
      }
    },
    'snapshot.openPortable': async ({ path: file }) => {
      if (!path.isAbsolute(file)) throw new ServiceFailure('BAD_INPUT', `choose a full file path (not "${file}")`);
      try {
        const { db, info } = openPortableSnapshot(file);
        try {
          const snapshot = getSnapshot(db, info.snapshotId)!;
          return { ...info, snapshot: { ...snapshot, counts: { ...countSnapshotObjects(db, snapshot.id) } } };
        } finally {
          db.close();
        }
      } catch (error) {
        if (error instanceof PortableSnapshotError) throw new ServiceFailure('BAD_INPUT', error.message);
        throw error;
      }
    },
  };
}

// The first rows of every change a comparison has (users added, memberships lost …), each page with its total: what
// `okta-prep diff` prints and the audit report shows, leaving every row to the diff CSV.
import { changesOf, type DiffPage, type DiffSummary } from '../../../../shared/audit/snapshotDiff';
import type { Db } from '../../store/openDatabase';
import { diffPage, type DiffPair } from './snapshotDiff';

/** The first `limit` rows of every (kind, change) that has any, in the summary's order. */
export function firstDiffPages(db: Db, pair: DiffPair, summary: DiffSummary, limit: number): DiffPage[] {
  return summary.counts.flatMap((count) =>
    changesOf(count.kind)
      .filter((change) => (count[change] ?? 0) > 0)
      .map((change) => diffPage(db, pair, { kind: count.kind, change, limit }, count[change] ?? 0)),
  );
}

// The report's comparison: what changed from the snapshot named by --compare to the reported one (the rows of
// `okta-prep diff COMPARE SNAPSHOT`): the counts per kind, and the first rows of each change, the rest counted.
import type { DiffPage, DiffSummary } from '../../../../shared/audit/snapshotDiff';
import type { Db } from '../../store/openDatabase';
import { firstDiffPages } from '../diff/firstDiffPages';
import { diffSummary, type DiffPair } from '../diff/snapshotDiff';

/** Rows printed per kind and change (users added, memberships lost …); the diff CSV has every row. */
export const REPORT_DIFF_ROWS = 50;

export interface ReportCompare {
  summary: DiffSummary;
  /** The first rows of every (kind, change) that has any, each with its total. */
  pages: DiffPage[];
}

export function reportCompare(db: Db, pair: DiffPair, rowsPerChange = REPORT_DIFF_ROWS): ReportCompare {
  const summary = diffSummary(db, pair);
  return { summary, pages: firstDiffPages(db, pair, summary, rowsPerChange) };
}

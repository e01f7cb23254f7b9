// Runs an audit query on the tidy org after an edit: starts it, edits it, pulls it into a new SQLite file, asks.
import { expect } from 'vitest';
import type { AuditThresholds, Finding, FindingsPage } from '../../shared/audit/auditTypes';
import { auditSnapshot } from '../../electron/core/audit/auditSnapshot';
import { allFindings, findingsPage } from '../../electron/core/audit/findings/findingsPages';
import type { Db } from '../../electron/core/store/openDatabase';
import { openTestDb, pullTidyOrg, startTidyOrg, type TidyOrg } from './tidyOrg';

export interface EditedOrgAudit {
  tidy: TidyOrg;
  db: Db;
  snapshotId: number;
  /** Every finding of one rule (all pages). */
  findings(ruleId: string, thresholds?: Partial<AuditThresholds>): Finding[];
  firstPage(ruleId?: string): FindingsPage;
}

export async function auditEditedOrg(
  folder: string,
  edit: (tidy: TidyOrg) => void,
  options: { includeFactors?: boolean; deniedObjects?: string[] } = {},
): Promise<EditedOrgAudit> {
  const tidy = await startTidyOrg('audit-tidy', { deniedObjects: options.deniedObjects });
  try {
    edit(tidy);
    const db = openTestDb(folder);
    const snapshotId = await pullTidyOrg(db, tidy, options.includeFactors ?? true);
    const snapshot = auditSnapshot(db, snapshotId);
    return {
      tidy,
      db,
      snapshotId,
      findings: (ruleId, thresholds) => {
        const whole = [...allFindings(db, snapshot, { ruleId, thresholds })];
        // The same findings one page of one at a time: each rule's keyset cursor loses and repeats nothing.
        const paged: Finding[] = [];
        let after: string | null = null;
        for (let turn = 0; turn <= whole.length; turn++) {
          const page = findingsPage(db, snapshot, { ruleId, thresholds, after, limit: 1 });
          paged.push(...page.findings);
          after = page.next;
          if (after === null) break;
        }
        expect(paged, `${ruleId}: pages of one finding`).toEqual(whole);
        return whole;
      },
      firstPage: (ruleId) => findingsPage(db, snapshot, { ruleId }),
    };
  } finally {
    await tidy.server.close();
  }
}

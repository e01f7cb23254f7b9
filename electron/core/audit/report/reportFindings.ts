// The findings the report prints: every finding is read (page by page, as the findings CSV is written) and counted,
// but only the first few of each rule are kept, so a 100,000-user org's report holds a few hundred findings at most.
import type {
  AuditThresholds,
  Finding,
  FindingRuleSummary,
  FindingSeverity,
} from '../../../../shared/audit/auditTypes';
import type { Db } from '../../store/openDatabase';
import type { AuditSnapshot } from '../auditSnapshot';
import { allFindings, findingsPage, resolveThresholds } from '../findings/findingsPages';

/** Findings printed per rule; the rest are counted and left to the findings CSV. */
export const REPORT_FINDINGS_PER_RULE = 50;
/** Objects printed per finding (a deprovisioned user may still hold hundreds of apps). */
export const REPORT_OBJECTS_PER_FINDING = 25;

export const SEVERITIES: readonly FindingSeverity[] = ['high', 'medium', 'low', 'info'];

export interface ReportRuleFindings {
  rule: FindingRuleSummary;
  total: number;
  shown: Finding[];
}

export interface ReportFindings {
  thresholds: AuditThresholds;
  total: number;
  bySeverity: Record<FindingSeverity, number>;
  rules: ReportRuleFindings[];
}

export function reportFindings(
  db: Db,
  snapshot: AuditSnapshot,
  thresholds: Partial<AuditThresholds>,
  perRule = REPORT_FINDINGS_PER_RULE,
): ReportFindings {
  const { rules } = findingsPage(db, snapshot, { thresholds, limit: 1 });
  const byRule = new Map(rules.map((rule) => [rule.id, { rule, total: 0, shown: [] as Finding[] }]));
  const bySeverity: Record<FindingSeverity, number> = { high: 0, medium: 0, low: 0, info: 0 };
  let total = 0;
  for (const finding of allFindings(db, snapshot, { thresholds })) {
    const entry = byRule.get(finding.ruleId)!;
    entry.total++;
    if (entry.shown.length < perRule) entry.shown.push(finding);
    bySeverity[finding.severity]++;
    total++;
  }
  const ordered = SEVERITIES.flatMap((severity) => [...byRule.values()].filter((e) => e.rule.severity === severity));
  return { thresholds: resolveThresholds(thresholds), total, bySeverity, rules: ordered };
}

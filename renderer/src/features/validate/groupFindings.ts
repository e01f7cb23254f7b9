// Pure: groups a validation report's findings by rule, errors first, with the complete count per rule.
import {
  RULE_IDS,
  RULES,
  type Finding,
  type RuleId,
  type Severity,
  type ValidationReport,
} from '../../../../shared/balkanid/findings';

export interface RuleGroup {
  rule: RuleId;
  severity: Severity;
  title: string;
  /** The fix every listed finding shares (often more specific than the rule's), else the rule's general fix. */
  fix: string;
  /** Complete count (the findings list may be capped). */
  count: number;
  findings: Finding[];
}

export function groupFindingsByRule(report: ValidationReport): RuleGroup[] {
  const byRule = new Map<RuleId, Finding[]>();
  for (const finding of report.findings) {
    const list = byRule.get(finding.rule) ?? [];
    list.push(finding);
    byRule.set(finding.rule, list);
  }
  const rules = RULE_IDS.filter((rule) => (report.countsByRule[rule] ?? 0) > 0 || byRule.has(rule));
  const groups = rules.map((rule) => {
    const findings = byRule.get(rule) ?? [];
    const info = RULES[rule];
    const fixes = new Set(findings.map((finding) => finding.fix));
    const fix = fixes.size === 1 ? [...fixes][0]! : info.fix;
    return {
      rule,
      severity: info.severity,
      title: info.title,
      fix,
      count: Math.max(report.countsByRule[rule] ?? 0, findings.length),
      findings,
    };
  });
  return groups.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export function findingKey(finding: Finding, index: number): string {
  return `${finding.rule}:${finding.file}:${finding.line}:${finding.column ?? ''}:${index}`;
}

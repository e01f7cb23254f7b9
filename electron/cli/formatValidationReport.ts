// Prints a validation report for people: a verdict, then findings grouped by rule with where, what and the fix.
import { RULES, type Finding, type RuleId, type ValidationReport } from '../../shared/balkanid/findings';

const SHOWN_PER_RULE = 5;

function where(finding: Finding, report: ValidationReport): string {
  const file = report.files[finding.file]?.path ?? finding.file;
  const line = finding.line > 0 ? `:${finding.line}` : '';
  const column = finding.column ? ` [${finding.column}]` : '';
  return `${file}${line}${column}`;
}

/**
 * `leftOut` (an export's relations without both ends, said in words) is part of the verdict: never "ready" without it.
 */
export function formatValidationReport(report: ValidationReport, leftOut?: string): string {
  const lines: string[] = [];
  const verdict =
    report.errorCount > 0
      ? `NOT READY: ${report.errorCount} error(s) would block the BalkanID upload; ${report.warningCount} warning(s)`
      : `ready to upload: no errors, ${report.warningCount} warning(s)`;
  lines.push(leftOut ? `${verdict}; ${leftOut}` : verdict);
  for (const [name, file] of Object.entries(report.files))
    if (file) lines.push(`  ${name}: ${file.path} (${file.rows} rows)`);
  const rules = (Object.keys(report.countsByRule) as RuleId[]).sort((a, b) =>
    RULES[a].severity === RULES[b].severity ? a.localeCompare(b) : RULES[a].severity === 'error' ? -1 : 1,
  );
  for (const rule of rules) {
    const info = RULES[rule];
    const count = report.countsByRule[rule] ?? 0;
    lines.push('', `${info.severity.toUpperCase()} ${rule}: ${info.title} (${count})`);
    const findings = report.findings.filter((finding) => finding.rule === rule);
    for (const finding of findings.slice(0, SHOWN_PER_RULE))
      lines.push(`  ${where(finding, report)}: ${finding.message}`);
    if (count > SHOWN_PER_RULE) lines.push(`  … and ${count - SHOWN_PER_RULE} more`);
    lines.push(`  fix: ${findings[0]?.fix ?? info.fix}`);
  }
  return lines.join('\n');
}

// Prints a validation report for people: a verdict, then findings grouped by rule with where, what, the value and the
// fix, and how many of each rule there are in all.
import path from 'node:path';
import { RULES, type Finding, type RuleId, type ValidationReport } from '../../shared/balkanid/findings';

const SHOWN_PER_RULE = 5;
const SHOWN_VALUE_CHARS = 80;

function where(finding: Finding, report: ValidationReport): string {
  const whole = report.files[finding.file]?.path ?? finding.file;
  // A file split into parts: the finding's line counts in its part, which lies beside the first.
  const file = finding.part ? path.join(path.dirname(whole), finding.part) : whole;
  const line = finding.line > 0 ? `:${finding.line}` : '';
  const cell =
    finding.columnNumber !== undefined
      ? ` [${finding.column ? `${finding.column}, ` : ''}column ${finding.columnNumber}]`
      : finding.column
        ? ` [${finding.column}]`
        : '';
  return `${file}${line}${cell}`;
}

/** The offending value, shortened to one line: what the reader looks for in the file. */
function shownValue(value: string): string {
  const oneLine = JSON.stringify(value);
  return oneLine.length > SHOWN_VALUE_CHARS ? `${oneLine.slice(0, SHOWN_VALUE_CHARS)}…` : oneLine;
}

function ruleLines(rule: RuleId, report: ValidationReport): string[] {
  const info = RULES[rule];
  const count = report.countsByRule[rule] ?? 0;
  const findings = report.findings.filter((finding) => finding.rule === rule);
  const lines = ['', `${info.severity.toUpperCase()} ${rule}: ${info.title} (${count.toLocaleString('en-US')})`];
  for (const finding of findings.slice(0, SHOWN_PER_RULE)) {
    lines.push(`  ${where(finding, report)}: ${finding.message}`);
    if (finding.value !== undefined && finding.value !== '') lines.push(`    value: ${shownValue(finding.value)}`);
  }
  if (count > SHOWN_PER_RULE) {
    const kept =
      findings.length > SHOWN_PER_RULE ? ` (--json lists the first ${findings.length.toLocaleString('en-US')})` : '';
    lines.push(`  … and ${(count - SHOWN_PER_RULE).toLocaleString('en-US')} more${kept}`);
  }
  lines.push(`  fix: ${findings[0]?.fix ?? info.fix}`);
  return lines;
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
  for (const rule of rules) lines.push(...ruleLines(rule, report));
  return lines.join('\n');
}

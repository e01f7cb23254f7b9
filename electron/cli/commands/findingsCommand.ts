// `okta-prep findings`: runs the finding rules on a snapshot and prints them (text or --json), optionally as CSV
// (--out); --rule ID runs one rule, --dormant-days N and --strong-factors LIST set the thresholds. Exit 1 when any
// finding (of the rules run) is of severity high.
import type { AuditThresholds, Finding, FindingRuleSummary } from '../../../shared/audit/auditTypes';
import { writeFindingsCsv } from '../../core/audit/auditCsv';
import { allFindings, findingsPage, resolveThresholds } from '../../core/audit/findings/findingsPages';
import type { Db } from '../../core/store/openDatabase';
import { asCliError, checkOutFile, snapshotToAudit, writeOrFail } from '../audit/auditCliSupport';
import type { CliValues } from '../cliArgs';
import { EXIT, usageError, type ExitCode } from '../cliErrors';
import type { CliOutput } from '../cliOutput';

export function thresholdsFrom(values: CliValues): Partial<AuditThresholds> {
  const thresholds: Partial<AuditThresholds> = {};
  const days = values['dormant-days'];
  if (days !== undefined) {
    if (!/^\d+$/.test(days.trim())) throw usageError(`--dormant-days must be a whole number of days, not "${days}"`);
    thresholds.dormantDays = Number(days.trim());
  }
  const strong = values['strong-factors'];
  if (strong !== undefined) thresholds.strongFactorTypes = strong.split(',').map((type) => type.trim());
  return asCliError(() => resolveThresholds(thresholds));
}

function describeFindings(snapshotId: number, rules: FindingRuleSummary[], findings: Finding[]): string {
  const lines = [`findings of snapshot ${snapshotId}: ${findings.length}`];
  for (const rule of rules) {
    const ofRule = findings.filter((finding) => finding.ruleId === rule.id);
    const status = rule.applicable ? `${ofRule.length}` : `not checked: ${rule.note}`;
    lines.push(`\n[${rule.severity}] ${rule.id} (${status}): ${rule.title}`);
    for (const finding of ofRule) {
      lines.push(`  ${finding.subject.type} ${finding.subject.id} ${finding.subject.name}: ${finding.message}`);
    }
  }
  return lines.join('\n');
}

export async function runFindingsCommand(db: Db, values: CliValues, out: CliOutput): Promise<ExitCode> {
  if (values.out !== undefined) checkOutFile(values.out, 'findings.csv');
  const thresholds = thresholdsFrom(values);
  const snapshot = snapshotToAudit(db, values);
  const request = { ruleId: values.rule, thresholds };
  const { rules } = asCliError(() => findingsPage(db, snapshot, { ...request, limit: 1 }));
  const shown = values.rule === undefined ? rules : rules.filter((rule) => rule.id === values.rule);
  const findings = asCliError(() => [...allFindings(db, snapshot, request)]);
  const written =
    values.out === undefined ? undefined : await writeOrFail(() => writeFindingsCsv(values.out!, findings));
  if (values.json) out.json({ snapshotId: snapshot.id, thresholds, rules: shown, findings, file: written?.path });
  else {
    out.result(describeFindings(snapshot.id, shown, findings));
    if (written) out.note(`wrote ${written.rows} finding(s) to ${written.path}`);
  }
  // Like a linter in CI: a high-severity finding fails the step, after everything asked for was printed and written.
  return findings.some((finding) => finding.severity === 'high') ? EXIT.highFindings : EXIT.ok;
}

// One rule on the Findings screen: its id, severity and one-line explanation, then its findings (each with the
// objects involved, which open in the detail panel), or why the rule could not be checked on this snapshot.
import type { AuditThresholds, Finding, FindingRuleSummary } from '../../../../shared/audit/auditTypes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableHead } from '../../components/TableHead';
import { formatCount } from '../../format/formatDuration';
import type { OpenDetail } from '../browse/detailSelection';
import { AuditObjectLink } from './AuditObjectLink';
import { SEVERITY_BADGE, SEVERITY_LABELS } from './severity';
import { useRuleFindings } from './useRuleFindings';

interface RuleFindingsProps {
  snapshotId: number;
  rule: FindingRuleSummary;
  thresholds: AuditThresholds;
  open: OpenDetail;
}

export function RuleFindings({ snapshotId, rule, thresholds, open }: RuleFindingsProps) {
  const headingId = `rule-${rule.id}`;
  return (
    <section className="rule-findings" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className={SEVERITY_BADGE[rule.severity]}>{SEVERITY_LABELS[rule.severity]}</span> {rule.title}{' '}
        <code className="muted">{rule.id}</code>
      </h3>
      <p className="muted">{rule.explanation}</p>
      {rule.applicable ? (
        <FindingsOfRule snapshotId={snapshotId} rule={rule} thresholds={thresholds} open={open} />
      ) : (
        <p className="text-warning">Not checked: {rule.note ?? 'this snapshot lacks what the rule needs'}.</p>
      )}
    </section>
  );
}

function FindingsOfRule({ snapshotId, rule, thresholds, open }: RuleFindingsProps) {
  const { findings, next, loading, error, loadMore } = useRuleFindings(snapshotId, rule.id, thresholds);
  if (error) return <ErrorAlert error={error} />;
  if (findings.length === 0)
    return <p className="muted">{loading ? 'Checking…' : 'No findings: nothing to look at here.'}</p>;
  return (
    <>
      <p className="rule-count">
        {next ? `First ${formatCount(findings.length)} findings` : `${formatCount(findings.length)} finding(s)`}
      </p>
      <FindingsTable ruleId={rule.id} findings={findings} open={open} />
      {next && (
        <div className="button-row">
          <button type="button" onClick={loadMore} disabled={loading}>
            {loading ? 'Loading…' : `Show more ${rule.id} findings`}
          </button>
        </div>
      )}
    </>
  );
}

function FindingsTable({ ruleId, findings, open }: { ruleId: string; findings: Finding[]; open: OpenDetail }) {
  return (
    <table className="data-table compact" aria-label={`${ruleId} findings`}>
      <TableHead titles={['Subject', 'Finding', 'Objects involved']} />
      <tbody>
        {findings.map((finding, index) => (
          <tr key={`${finding.subject.id}:${index}`}>
            <th scope="row">
              <AuditObjectLink object={finding.subject} open={open} />
            </th>
            <td>{finding.message}</td>
            <td>
              <ul className="plain-list">
                {finding.related.map((object) => (
                  <li key={`${object.type}:${object.id}`}>
                    <AuditObjectLink object={object} open={open} />
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

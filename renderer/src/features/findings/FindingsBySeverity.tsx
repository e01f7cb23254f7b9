// The rule table grouped by severity (most severe first), one section per rule.
import type { AuditThresholds, FindingRuleSummary } from '../../../../shared/audit/auditTypes';
import type { OpenDetail } from '../browse/detailSelection';
import { RuleFindings } from './RuleFindings';
import { SEVERITIES, SEVERITY_LABELS } from './severity';

interface FindingsBySeverityProps {
  snapshotId: number;
  rules: FindingRuleSummary[];
  thresholds: AuditThresholds;
  open: OpenDetail;
}

export function FindingsBySeverity({ snapshotId, rules, thresholds, open }: FindingsBySeverityProps) {
  return (
    <>
      {SEVERITIES.map((severity) => {
        const ofSeverity = rules.filter((rule) => rule.severity === severity);
        if (ofSeverity.length === 0) return null;
        return (
          <section key={severity} aria-labelledby={`severity-${severity}`} className="severity-group">
            <h2 id={`severity-${severity}`}>{SEVERITY_LABELS[severity]} severity</h2>
            {ofSeverity.map((rule) => (
              <RuleFindings key={rule.id} snapshotId={snapshotId} rule={rule} thresholds={thresholds} open={open} />
            ))}
          </section>
        );
      })}
    </>
  );
}

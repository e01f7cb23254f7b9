// The report's findings, by severity then rule: each rule's explanation, its count, and its first findings with the
// objects involved (names and ids); the rest are counted and left to the findings CSV.
import type { AuditObjectRef, Finding, FindingSeverity } from '../../../../shared/audit/auditTypes';
import { formatCount, html, type SafeHtml } from './html';
import { figure, moreNote } from './reportFigures';
import { REPORT_OBJECTS_PER_FINDING, SEVERITIES, type ReportFindings, type ReportRuleFindings } from './reportFindings';

const SEVERITY_LABELS: Record<FindingSeverity, string> = {
  high: 'High severity',
  medium: 'Medium severity',
  low: 'Low severity',
  info: 'For information',
};

function objectRef(object: AuditObjectRef): SafeHtml {
  return html`<span class="object">${object.type} <strong>${object.name}</strong> <code>${object.id}</code></span>`;
}

function relatedObjects(finding: Finding): SafeHtml {
  const shown = finding.related.slice(0, REPORT_OBJECTS_PER_FINDING);
  const more = finding.related.length - shown.length;
  return html`<ul class="related">
    ${shown.map((object) => html`<li>${objectRef(object)}</li>`)}${
      more > 0 ? html`<li>and ${formatCount(more)} more (in the findings CSV's related_ids)</li>` : ''
    }
  </ul>`;
}

function findingRow(finding: Finding): SafeHtml {
  return html`<tr data-finding-rule="${finding.ruleId}" data-subject-id="${finding.subject.id}">
    <td>${objectRef(finding.subject)}</td>
    <td>${finding.message}</td>
    <td>${finding.related.length === 0 ? '—' : relatedObjects(finding)}</td>
  </tr>`;
}

function ruleSection({ rule, total, shown }: ReportRuleFindings): SafeHtml {
  const status = rule.applicable
    ? html`${figure(`findings.rule.${rule.id}`, total)} finding${total === 1 ? '' : 's'}`
    : html`not checked: ${rule.note ?? 'the snapshot lacks what it needs'}`;
  const table =
    shown.length === 0
      ? ''
      : html`<table class="findings">
          <caption>
            ${rule.title}: ${shown.length < total ? `the first ${shown.length}` : 'all'}
          </caption>
          <thead>
            <tr>
              <th scope="col">About</th>
              <th scope="col">Finding</th>
              <th scope="col">Objects involved</th>
            </tr>
          </thead>
          <tbody>
            ${shown.map(findingRow)}
          </tbody>
        </table>`;
  const whereAll = html`<code>okta-prep findings --rule ${rule.id} --out findings.csv</code> lists them all`;
  return html`<section class="rule severity-${rule.severity}" aria-labelledby="rule-${rule.id}">
    <h4 id="rule-${rule.id}">${rule.title} <code>${rule.id}</code></h4>
    <p class="rule-status"><span class="badge">${rule.severity}</span> ${status}</p>
    <p>${rule.explanation}</p>
    ${table}${moreNote(shown.length, total, whereAll)}
  </section>`;
}

export function findingsSection(findings: ReportFindings): SafeHtml {
  const { dormantDays, strongFactorTypes } = findings.thresholds;
  return html`<section aria-labelledby="findings-heading">
    <h2 id="findings-heading">Findings (${formatCount(findings.total)})</h2>
    <p>
      Thresholds: users count as dormant after ${dormantDays} days without signing in; strong factors are
      ${strongFactorTypes.join(', ')}.
    </p>
    ${SEVERITIES.map((severity) => {
      const rules = findings.rules.filter((entry) => entry.rule.severity === severity);
      return html`<section class="severity" aria-labelledby="severity-${severity}">
        <h3 id="severity-${severity}">${SEVERITY_LABELS[severity]} (${formatCount(findings.bySeverity[severity])})</h3>
        ${rules.map(ruleSection)}
      </section>`;
    })}
  </section>`;
}

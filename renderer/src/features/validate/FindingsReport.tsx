// A validation report: totals, then findings grouped by rule (severity, count, title, fix), each finding opening its
// row.
import { useState } from 'react';
import type { Finding, ValidationReport } from '../../../../shared/balkanid/findings';
import { formatCount, plural } from '../../format/formatDuration';
import { FindingDetail, type FileTexts } from './FindingDetail';
import { findingKey, groupFindingsByRule } from './groupFindings';

interface FindingsReportProps {
  report: ValidationReport;
  source: string;
  texts: FileTexts | null;
}

function Totals({ report, source }: { report: ValidationReport; source: string }) {
  const files = [
    report.files.entities && `entities: ${plural(report.files.entities.rows, 'row')}`,
    report.files.relations && `relations: ${plural(report.files.relations.rows, 'row')}`,
  ];
  const verdict =
    report.errorCount > 0
      ? `${plural(report.errorCount, 'error')} — BalkanID would reject this upload.`
      : report.warningCount > 0
        ? 'No errors — BalkanID will accept this upload. Check the warnings.'
        : 'No problems found — ready to upload.';
  return (
    <div className={`alert ${report.errorCount > 0 ? 'alert-error' : 'alert-success'}`} role="status">
      <p className="alert-title">{verdict}</p>
      <p className="alert-detail">
        {source}. {plural(report.errorCount, 'error')}, {plural(report.warningCount, 'warning')}
        {files.some(Boolean) ? ` · ${files.filter(Boolean).join(' · ')}` : ''}
        {report.unreferencedEntityCount !== null && report.unreferencedEntityCount > 0
          ? ` · ${plural(report.unreferencedEntityCount, 'entity', 'entities')} no relation mentions`
          : ''}
      </p>
    </div>
  );
}

export function FindingsReport({ report, source, texts }: FindingsReportProps) {
  const [selected, setSelected] = useState<Finding | null>(null);
  // A new report closes the finding shown (during render, so it never shows one of the old report's findings).
  const [selectedIn, setSelectedIn] = useState(report);
  if (selectedIn !== report) {
    setSelectedIn(report);
    setSelected(null);
  }
  const groups = groupFindingsByRule(report);

  return (
    <section className="panel" aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings</h2>
      <Totals report={report} source={source} />
      {groups.map((group) => (
        <section
          key={group.rule}
          className={`rule-group rule-${group.severity}`}
          aria-labelledby={`rule-${group.rule}`}
        >
          <h3 id={`rule-${group.rule}`}>
            <span className={`badge badge-${group.severity}`}>{group.severity}</span> {group.title}{' '}
            <span className="muted">({formatCount(group.count)})</span>
          </h3>
          <p className="rule-fix">
            <strong>Fix:</strong> {group.fix}
          </p>
          {group.findings.length > 0 && (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={`${group.title}: findings`}>
              <table className="data-table compact">
                <thead>
                  <tr>
                    <th scope="col">File</th>
                    <th scope="col">Line</th>
                    <th scope="col">Column</th>
                    <th scope="col">Message</th>
                  </tr>
                </thead>
                <tbody>
                  {group.findings.map((finding, index) => (
                    <tr key={findingKey(finding, index)} className={finding === selected ? 'row-selected' : undefined}>
                      <td>{finding.file}</td>
                      <td className="nowrap">
                        <button
                          type="button"
                          className="button-link"
                          onClick={() => setSelected(finding)}
                          aria-label={
                            `Show ${finding.file} line ` +
                            `${finding.line}${finding.column ? `, column ${finding.column}` : ''}`
                          }
                        >
                          {finding.line > 0 ? `line ${finding.line}` : 'file'}
                        </button>
                      </td>
                      <td>{finding.column ?? '—'}</td>
                      <td>
                        {finding.message}
                        {finding.fix !== group.fix && <div className="muted">Fix: {finding.fix}</div>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {group.count > group.findings.length && (
            <p className="muted">
              Showing the first {formatCount(group.findings.length)} of {formatCount(group.count)}.
            </p>
          )}
          {selected && selected.rule === group.rule && (
            <FindingDetail finding={selected} texts={texts} onClose={() => setSelected(null)} />
          )}
        </section>
      ))}
    </section>
  );
}

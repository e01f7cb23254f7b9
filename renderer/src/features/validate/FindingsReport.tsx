// A validation report: totals, then findings grouped by rule (severity, count, title, fix), each finding opening its
// row.
import { useState } from 'react';
import type { Finding, ValidationReport } from '../../../../shared/balkanid/findings';
import { formatCount, plural } from '../../format/formatDuration';
import { FindingDetail, type FileTexts } from './FindingDetail';
import { findingKey, groupFindingsByRule, type RuleGroup } from './groupFindings';

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
        <RuleGroupSection
          key={group.rule}
          group={group}
          kept={report.maxFindingsPerRule}
          selected={selected}
          onSelect={setSelected}
          texts={texts}
        />
      ))}
    </section>
  );
}

const SHOWN_VALUE_CHARS = 60;

function shortValue(value: string | undefined): string {
  if (value === undefined) return '—';
  if (value === '') return '(empty)';
  return value.length > SHOWN_VALUE_CHARS ? `${value.slice(0, SHOWN_VALUE_CHARS)}…` : value;
}

/** One rule: severity, title, full count, fix, and its kept findings (file, line, column, value, message). */
function RuleGroupSection({
  group,
  kept,
  selected,
  onSelect,
  texts,
}: {
  group: RuleGroup;
  kept: number;
  selected: Finding | null;
  onSelect: (finding: Finding | null) => void;
  texts: FileTexts | null;
}) {
  return (
    <section className={`rule-group rule-${group.severity}`} aria-labelledby={`rule-${group.rule}`}>
      <h3 id={`rule-${group.rule}`}>
        <span className={`badge badge-${group.severity}`}>{group.severity}</span> {group.title}{' '}
        <span className="muted">({formatCount(group.count)})</span>
      </h3>
      <p className="rule-fix">
        <strong>Fix:</strong> {group.fix}
      </p>
      {group.findings.length > 0 && <FindingsTable group={group} selected={selected} onSelect={onSelect} />}
      {group.count > group.findings.length && (
        <p className="muted">
          Showing the first {formatCount(group.findings.length)} of {formatCount(group.count)} (the check keeps the
          first {formatCount(kept)} of each kind).
        </p>
      )}
      {selected && selected.rule === group.rule && (
        <FindingDetail finding={selected} texts={texts} onClose={() => onSelect(null)} />
      )}
    </section>
  );
}

function FindingsTable({
  group,
  selected,
  onSelect,
}: {
  group: RuleGroup;
  selected: Finding | null;
  onSelect: (finding: Finding) => void;
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${group.title}: findings`}>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Line</th>
            <th scope="col">Column</th>
            <th scope="col">Value</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {group.findings.map((finding, index) => (
            <FindingRow
              key={findingKey(finding, index)}
              finding={finding}
              groupFix={group.fix}
              selected={finding === selected}
              onSelect={onSelect}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FindingRow({
  finding,
  groupFix,
  selected,
  onSelect,
}: {
  finding: Finding;
  groupFix: string;
  selected: boolean;
  onSelect: (finding: Finding) => void;
}) {
  const place = `${finding.file} line ${finding.line}${finding.column ? `, column ${finding.column}` : ''}`;
  return (
    <tr className={selected ? 'row-selected' : undefined}>
      <td>{finding.file}</td>
      <td className="nowrap">
        <button type="button" className="button-link" onClick={() => onSelect(finding)} aria-label={`Show ${place}`}>
          {finding.line > 0 ? `line ${finding.line}` : 'file'}
        </button>
      </td>
      <td>{describeColumn(finding)}</td>
      <td>
        <code className="cell-value">{shortValue(finding.value)}</code>
      </td>
      <td>
        {finding.message}
        {finding.fix !== groupFix && <div className="muted">Fix: {finding.fix}</div>}
      </td>
    </tr>
  );
}

/** "Entity Type (3)", "cell 9", or a dash for a finding about a whole row or file. */
function describeColumn(finding: Finding): string {
  if (finding.column && finding.columnNumber !== undefined) return `${finding.column} (${finding.columnNumber})`;
  if (finding.column) return finding.column;
  return finding.columnNumber !== undefined ? `cell ${finding.columnNumber}` : '—';
}

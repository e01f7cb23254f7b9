// A bundle's check: the verdict, each file with its rows and size, and each finding with its fix.
import type { BundleCheckReport } from '../../../../shared/balkanid/bundleCheck';
import { formatBytes } from '../../../../shared/formatBytes';
import { formatCount, plural } from '../../format/formatDuration';

function BundleFiles({ report }: { report: BundleCheckReport }) {
  if (report.files.length === 0) return null;
  return (
    <dl className="summary-list">
      {report.files.map((file) => (
        <div key={file.name}>
          <dt>{file.name}</dt>
          <dd>
            {formatCount(file.rows)} rows, {formatBytes(file.bytes)}
            {file.matches ? '' : ' — does not match the manifest'}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function BundleFindings({ report }: { report: BundleCheckReport }) {
  if (report.findings.length === 0) return null;
  return (
    <ul className="plain-list" aria-label="Problems">
      {report.findings.map((finding) => (
        <li key={`${finding.code}-${finding.file ?? ''}`}>
          <p>{finding.message}</p>
          <p className="rule-fix">
            <strong>Fix:</strong> {finding.fix}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function BundleCheckView({ report }: { report: BundleCheckReport }) {
  return (
    <section className="stack" aria-label="Bundle check">
      <div className={`alert ${report.ok ? 'alert-success' : 'alert-error'}`} role={report.ok ? 'status' : 'alert'}>
        <p className="alert-title">
          {report.ok
            ? 'The bundle matches its manifest: ready to upload.'
            : `The bundle cannot be uploaded: ${plural(report.findings.length, 'problem')}.`}
        </p>
        <p className="alert-detail">
          <code className="path">{report.dir}</code>
          {report.orgUrl && ` · ${report.orgUrl}`}
          {report.snapshotId !== undefined && ` · snapshot ${report.snapshotId}`}
        </p>
      </div>
      <BundleFiles report={report} />
      <BundleFindings report={report} />
    </section>
  );
}

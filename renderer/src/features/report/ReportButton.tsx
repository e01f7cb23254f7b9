// The "Audit report" button and its small form: compare with another snapshot of the org (or not), then download the
// report (browser build) or write it to a file (desktop app). One self-contained HTML file either way.
import { useId, useState } from 'react';
import type { AuditReportResult } from '../../../../shared/audit/auditReport';
import { useSnapshots } from '../../app/SnapshotsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format/formatDateTime';
import { useReportRun } from './useReportRun';

export function ReportButton({ snapshotId }: { snapshotId: number }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="report-button">
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Audit report…
      </button>
      {open && <ReportPanel id={panelId} snapshotId={snapshotId} />}
    </div>
  );
}

function CompareChoice({ snapshotId, value, onChange }: ChoiceProps) {
  const { snapshots } = useSnapshots();
  const id = useId();
  const orgUrl = snapshots?.find((snapshot) => snapshot.id === snapshotId)?.orgUrl;
  const others = (snapshots ?? []).filter((s) => s.id !== snapshotId && s.orgUrl === orgUrl);
  return (
    <div className="field">
      <label htmlFor={id}>Compare with</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(Number(event.target.value) || null)}>
        <option value="">No comparison</option>
        {others.map((snapshot) => (
          <option key={snapshot.id} value={snapshot.id}>
            #{snapshot.id} · {formatDateTime(snapshot.startedAt)} · {snapshot.status}
          </option>
        ))}
      </select>
      <p className="field-hint">Adds what changed from that snapshot to this one.</p>
    </div>
  );
}

interface ChoiceProps {
  snapshotId: number;
  value: number | null;
  onChange: (snapshotId: number | null) => void;
}

function ReportPanel({ id, snapshotId }: { id: string; snapshotId: number }) {
  const fileId = useId();
  const run = useReportRun(snapshotId);
  return (
    <section id={id} className="panel report-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Audit report of snapshot #{snapshotId}</h2>
      <p>
        One HTML file to hand over: counts, charts and findings with the objects involved. It opens in any browser and
        loads nothing from the network.
      </p>
      <CompareChoice snapshotId={snapshotId} value={run.compareWith} onChange={run.setCompareWith} />
      {run.desktop && (
        <div className="field">
          <label htmlFor={fileId}>Save as</label>
          <input
            id={fileId}
            type="text"
            spellCheck={false}
            value={run.outFile}
            onChange={(event) => run.setFileInput(event.target.value)}
          />
        </div>
      )}
      <button
        type="button"
        className="button-primary"
        disabled={run.make.pending || !run.ready}
        onClick={() => void run.make.run()}
      >
        {run.make.pending ? 'Writing the report…' : run.desktop ? 'Write report' : 'Download report'}
      </button>
      <ErrorAlert error={run.error} />
      {run.done && <ReportDone report={run.done} />}
    </section>
  );
}

function ReportDone({ report }: { report: AuditReportResult }) {
  const findings = `${report.findings} finding${report.findings === 1 ? '' : 's'}`;
  return (
    <p role="status" className="text-success">
      {report.path ? `Wrote ${report.path}` : `Downloaded ${report.fileName}`} ({findings}).
    </p>
  );
}

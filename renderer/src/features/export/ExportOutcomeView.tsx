// A finished export: the folder it went to (with a button to open it), whether the files are ready to upload, the
// manifest's counts per file, entity type and relation kind, and the check's findings (the Validate screen's report),
// open when there are errors to fix and behind a "Show N warnings" button when there are only warnings.
import { useId, useState } from 'react';
import type { ValidationReport } from '../../../../shared/balkanid/findings';
import { useService } from '../../service/ServiceContext';
import { uploadVerdict, type ExportOutcome } from './exportResult';
import { formatCount, formatDuration, plural } from '../../format/formatDuration';
import { relationKindLabel } from '../../format/labels';
import { FindingsReport } from '../validate/FindingsReport';

function OpenFolderButton({ folder }: { folder: string }) {
  const client = useService();
  const [note, setNote] = useState<string>();
  const open = async () => {
    try {
      const result = await client.call('export.openFolder', { path: folder });
      setNote(result.opened ? undefined : result.message);
    } catch (error) {
      setNote((error as Error).message);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void open()}>
        Open folder
      </button>
      {note && <p className="field-hint">{note}</p>}
    </>
  );
}

/** Ready to upload or not; never "ready" without saying how many relations were left out and why. */
function UploadVerdict({ outcome }: { outcome: ExportOutcome }) {
  const verdict = uploadVerdict(outcome);
  if (!verdict) return null;
  return <p className={verdict.ready && !verdict.leftOut ? undefined : 'text-warning'}>{verdict.text}</p>;
}

export function ExportOutcomeView({ outcome, elapsedMs }: { outcome: ExportOutcome; elapsedMs: number }) {
  const failedCheck = (outcome.errors ?? 0) > 0;
  return (
    <div className="export-outcome">
      <p className={failedCheck ? 'text-warning' : 'text-success'} role="status">
        {failedCheck ? 'Export finished, but the files failed the check' : 'Export complete'} in{' '}
        {formatDuration(elapsedMs)}
        {outcome.outDir ? ':' : '.'} {outcome.outDir && <code className="path">{outcome.outDir}</code>}
      </p>
      {outcome.outDir && <OpenFolderButton folder={outcome.outDir} />}
      <UploadVerdict outcome={outcome} />
      <ExportCounts outcome={outcome} />
      <p className="field-hint">
        The folder also holds {outcome.keptAsInvalid ? 'manifest.invalid.json' : 'manifest.json'} with these counts, a
        SHA-256 of each file and the first findings.
        {outcome.reviewCopy.length > 0 && ` Review copy (not for upload): ${outcome.reviewCopy.join(', ')}.`}
      </p>
      {outcome.report && outcome.report.findings.length > 0 && <ExportFindings report={outcome.report} />}
    </div>
  );
}

function ExportCounts({ outcome }: { outcome: ExportOutcome }) {
  const entries = [
    ...outcome.files.map((file) => ({ key: file.name, label: file.name, value: plural(file.rows, 'row') })),
    ...outcome.entityCounts.map((entry) => ({ key: entry.label, label: entry.label, value: formatCount(entry.count) })),
    ...outcome.relationCounts.map((entry) => ({
      key: entry.kind,
      label: relationKindLabel(entry.kind),
      value: formatCount(entry.count),
    })),
  ];
  if (outcome.errors !== undefined)
    entries.push({
      key: 'validation',
      label: 'Validation',
      value: `${plural(outcome.errors, 'error')}, ${plural(outcome.warnings ?? 0, 'warning')}`,
    });
  return (
    <dl className="summary-list">
      {entries.map((entry) => (
        <div key={entry.key}>
          <dt>{entry.label}</dt>
          <dd>{entry.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What the button that opens the findings says: the warnings, or the errors and warnings, by count. */
function showFindingsLabel(report: ValidationReport): string {
  if (report.errorCount === 0) return `Show ${plural(report.warningCount, 'warning')}`;
  const warnings = report.warningCount > 0 ? ` and ${plural(report.warningCount, 'warning')}` : '';
  return `Show ${plural(report.errorCount, 'error')}${warnings}`;
}

/** The check's findings, in the Validate screen's report: open at once when there are errors to fix. */
function ExportFindings({ report }: { report: ValidationReport }) {
  const [open, setOpen] = useState(report.errorCount > 0);
  const regionId = useId();
  return (
    <>
      <div className="button-row">
        <button type="button" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen(!open)}>
          {open ? 'Hide the findings' : showFindingsLabel(report)}
        </button>
      </div>
      <div id={regionId} hidden={!open}>
        {open && <FindingsReport report={report} source="The export's check" texts={null} />}
      </div>
    </>
  );
}

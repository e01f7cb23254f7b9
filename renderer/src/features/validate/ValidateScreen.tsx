// Validate screen: check the export of a snapshot, or CSV files opened or dropped on the window, and show the findings.
import { useId, useState } from 'react';
import type { ValidationReport } from '../../../../shared/balkanid/findings';
import { useExportOptions } from '../../app/ExportOptionsContext';
import { useSnapshots } from '../../app/SnapshotsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SnapshotPicker } from '../../components/SnapshotPicker';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';
import type { FileTexts } from './FindingDetail';
import { FindingsReport } from './FindingsReport';
import { useWindowFileDrop } from './useWindowFileDrop';
import { FileCheckStatus } from './FileCheckStatus';
import { useFileCheck } from './useFileCheck';

interface ShownReport {
  report: ValidationReport;
  source: string;
  texts: FileTexts | null;
}

export function ValidateScreen() {
  const client = useService();
  const { selected } = useSnapshots();
  const { options } = useExportOptions();
  const fileInputId = useId();
  const [shown, setShown] = useState<ShownReport | null>(null);
  const fileCheck = useFileCheck();

  const validateSnapshot = useAsyncAction(async (snapshotId: number) => {
    setShown(null);
    fileCheck.clear();
    const report = await client.call('validate.snapshot', { snapshotId, options });
    setShown({ report, source: `Export of snapshot #${snapshotId}`, texts: null });
  });

  const checkFiles = (files: File[]) => {
    setShown(null);
    void fileCheck.start.run(files);
  };

  const dragging = useWindowFileDrop(checkFiles);
  const pending = validateSnapshot.pending || fileCheck.start.pending || fileCheck.job?.status === 'running';

  return (
    <>
      <h1 tabIndex={-1}>Validate</h1>
      <div className="two-columns">
        <section className="panel" aria-labelledby="validate-export-heading">
          <h2 id="validate-export-heading">Check an export</h2>
          {selected ? (
            <>
              <p>
                Checks the files an export of this snapshot would write, with the options chosen on the Export screen.
              </p>
              <SnapshotPicker />
              <button
                type="button"
                className="button-primary"
                disabled={pending}
                onClick={() => void validateSnapshot.run(selected.id)}
              >
                Validate snapshot #{selected.id}
              </button>
            </>
          ) : (
            <p className="muted">No snapshot yet — connect to Okta or try the sample org.</p>
          )}
        </section>
        <section
          className={`panel drop-zone${dragging ? ' drop-zone-active' : ''}`}
          aria-labelledby="validate-files-heading"
        >
          <h2 id="validate-files-heading">Check CSV files</h2>
          <p>
            Open entities.csv and entity-relations.csv (one or both), or drop them anywhere on this window. Nothing is
            changed or uploaded.
          </p>
          <div className="field">
            <label htmlFor={fileInputId}>CSV files</label>
            <input
              id={fileInputId}
              type="file"
              accept=".csv,text/csv"
              multiple
              onChange={(event) => {
                const files = Array.from(event.target.files ?? []);
                event.target.value = '';
                if (files.length > 0) checkFiles(files);
              }}
            />
          </div>
          {fileCheck.ignored.length > 0 && <p className="text-warning">Not checked: {fileCheck.ignored.join('; ')}.</p>}
        </section>
      </div>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop the CSV files to check them
        </div>
      )}
      {(validateSnapshot.pending || fileCheck.start.pending) && (
        <p role="status" className="muted">
          Checking…
        </p>
      )}
      <FileCheckStatus fileCheck={fileCheck} />
      <ErrorAlert error={validateSnapshot.error ?? fileCheck.start.error} />
      {shown && <FindingsReport report={shown.report} source={shown.source} texts={shown.texts} />}
      {!shown && fileCheck.check && fileCheck.report && (
        <FindingsReport report={fileCheck.report} source={fileCheck.check.source} texts={fileCheck.check.texts} />
      )}
    </>
  );
}

// Validate screen: check the export of a snapshot, or CSV files opened or dropped on the window, and show the findings.
import { useState } from 'react';
import type { ValidationReport } from '../../../../shared/balkanid/findings';
import { useExportOptions } from '../../app/ExportOptionsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';
import { CheckExportPanel } from './CheckExportPanel';
import { CheckFilesPanel } from './CheckFilesPanel';
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
  const { options } = useExportOptions();
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
        <CheckExportPanel pending={pending} onValidate={(snapshotId) => void validateSnapshot.run(snapshotId)} />
        <CheckFilesPanel dragging={dragging} ignored={fileCheck.ignored} onFiles={checkFiles} />
      </div>
      <CheckingNotice active={validateSnapshot.pending || fileCheck.start.pending} />
      <FileCheckStatus fileCheck={fileCheck} />
      <ErrorAlert error={validateSnapshot.error ?? fileCheck.start.error} />
      {shown && <FindingsReport report={shown.report} source={shown.source} texts={shown.texts} />}
      {!shown && fileCheck.check && fileCheck.report && (
        <FindingsReport report={fileCheck.report} source={fileCheck.check.source} texts={fileCheck.check.texts} />
      )}
    </>
  );
}

/** Said while a check is being started (a file check's own progress is FileCheckStatus's). */
function CheckingNotice({ active }: { active: boolean }) {
  if (!active) return null;
  return (
    <p role="status" className="muted">
      Checking…
    </p>
  );
}

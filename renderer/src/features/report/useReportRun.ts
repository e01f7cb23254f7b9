// Making the report: in the desktop app the service writes it to the file chosen (the suggested name in the export
// folder unless changed); in the browser build it returns the HTML, which is downloaded.
import { useState } from 'react';
import { auditReportFileName, type AuditReportResult } from '../../../../shared/audit/auditReport';
import { useAsyncAction } from '../../service/useAsyncAction';
import { useService } from '../../service/ServiceContext';
import { useServiceQuery } from '../../service/useServiceQuery';
import { defaultReportPath, downloadReport } from './downloadReport';

export function useReportRun(snapshotId: number) {
  const client = useService();
  const appInfo = useServiceQuery('app.info', {});
  const desktop = appInfo.data?.transport === 'ipc';
  const defaultFolder = useServiceQuery('export.defaultFolder', desktop ? {} : null);
  const [compareWith, setCompareWith] = useState<number | null>(null);
  const [fileInput, setFileInput] = useState<string | null>(null);
  const [done, setDone] = useState<AuditReportResult | null>(null);
  const outFile =
    fileInput ?? defaultReportPath(defaultFolder.data?.path ?? '', auditReportFileName(snapshotId, compareWith));
  const make = useAsyncAction(async () => {
    setDone(null);
    const params = { snapshotId, ...(compareWith !== null && { compareSnapshotId: compareWith }) };
    const report = await client.call('audit.report', desktop ? { ...params, outFile: outFile.trim() } : params);
    if (report.html !== undefined) downloadReport(report.html, report.fileName);
    setDone(report);
  });
  return {
    ready: appInfo.data !== undefined && (!desktop || outFile.trim() !== ''),
    desktop,
    compareWith,
    setCompareWith,
    outFile,
    setFileInput,
    make,
    done,
    error: make.error ?? appInfo.error ?? defaultFolder.error,
  };
}

// What the service's audit.report answers: the report written to the file the user chose, or (without a file, for
// the browser build to save) its HTML; with the name to offer when saving it.

export interface AuditReportResult {
  snapshotId: number;
  /** The snapshot the report compares with; null without a comparison. */
  compareSnapshotId: number | null;
  findings: number;
  /** A file name to save it under: okta-audit-report-snapshot-ID.html. */
  fileName: string;
  bytes: number;
  /** The file written, when one was asked for. */
  path?: string;
  /** The report itself, when no file was asked for. */
  html?: string;
}

export function auditReportFileName(snapshotId: number, compareSnapshotId?: number | null): string {
  const compared = compareSnapshotId == null ? '' : `-vs-${compareSnapshotId}`;
  return `okta-audit-report-snapshot-${snapshotId}${compared}.html`;
}

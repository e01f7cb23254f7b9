// The service's audit.report: builds the audit report of a snapshot and writes it to the file the user chose
// (desktop app), or returns its HTML for the browser to save (browser build). The report is bounded in size (lists
// are capped), so returning it whole is fine.
import fs from 'node:fs';
import path from 'node:path';
import { auditReportFileName } from '../../../shared/audit/auditReport';
import type { ServiceImplementation } from '../../../shared/service/contract';
import { buildAuditReport } from '../audit/report/auditReport';
import { writeReportFile } from '../audit/report/writeReportFile';
import type { Db } from '../store/openDatabase';
import { asServiceFailure } from './auditMethods';
import { ServiceFailure } from './serviceFailure';

type AuditReportMethods = Pick<ServiceImplementation, 'audit.report'>;

function checkOutFile(file: string): void {
  if (!path.isAbsolute(file)) throw new ServiceFailure('BAD_INPUT', `choose a full file path (not "${file}")`);
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory())
    throw new ServiceFailure('BAD_INPUT', `${file} is a folder: give a file name, such as report.html`);
}

export function auditReportMethods(deps: { db: Db; appVersion: string }): AuditReportMethods {
  return {
    'audit.report': async ({ snapshotId, compareSnapshotId, thresholds, outFile }) => {
      if (outFile !== undefined) checkOutFile(outFile);
      const options = { snapshotId, compareSnapshotId, thresholds, appVersion: deps.appVersion };
      const report = asServiceFailure(() => buildAuditReport(deps.db, options));
      const summary = {
        snapshotId: report.snapshotId,
        compareSnapshotId: report.compareSnapshotId,
        findings: report.findings,
        fileName: auditReportFileName(report.snapshotId, report.compareSnapshotId),
      };
      if (outFile === undefined) return { ...summary, bytes: Buffer.byteLength(report.html), html: report.html };
      try {
        const written = await writeReportFile(outFile, report.html);
        return { ...summary, bytes: written.bytes, path: written.path };
      } catch (error) {
        throw new ServiceFailure('BAD_INPUT', `nothing was written: ${(error as Error).message}`);
      }
    },
  };
}

// validate.upload's files: upload ids (browser build) or paths (desktop app) become paths the validator worker reads;
// afterwards the report and any error name the files as the user chose them, never the private temp paths.
import path from 'node:path';
import type { ValidationReport } from '../../../shared/balkanid/findings';
import type { CsvFileRef } from '../../../shared/service/types';
import { ServiceFailure } from './serviceFailure';
import type { UploadStore } from './uploadStore';

export interface ResolvedCsvFile {
  name: string;
  path: string;
  /** An upload's temp file, deleted once validated. */
  uploaded: boolean;
}

export function resolveCsvFileRef(
  ref: CsvFileRef,
  uploads: UploadStore | undefined,
  transport: 'ipc' | 'http',
): ResolvedCsvFile {
  if ('uploadId' in ref) {
    const file = uploads?.take(ref.uploadId);
    if (!file)
      throw new ServiceFailure(
        'NOT_FOUND',
        `the upload of ${ref.name} is unknown or was already checked: open the file again`,
      );
    return { name: ref.name, path: file, uploaded: true };
  }
  // A path names a file on this computer: only the desktop app's own window, which got it from the user's file
  // chooser or drop, may pass one. Over HTTP any page that learnt the secret could make the service read files.
  if (transport !== 'ipc')
    throw new ServiceFailure(
      'BAD_INPUT',
      `the browser build cannot pass a file path (${ref.name}): upload the file with POST /api/upload and ` +
        `pass its upload id`,
    );
  if (!path.isAbsolute(ref.path))
    throw new ServiceFailure('BAD_INPUT', `choose the file again: "${ref.path}" is not a full path`);
  return { name: ref.name, path: ref.path, uploaded: false };
}

/** The report with each file's name in place of the path it was read from. */
export function withFileNames(
  report: ValidationReport,
  files: { entities?: ResolvedCsvFile; relations?: ResolvedCsvFile },
): ValidationReport {
  return {
    ...report,
    files: {
      entities:
        report.files.entities && files.entities ? { ...report.files.entities, path: files.entities.name } : undefined,
      relations:
        report.files.relations && files.relations
          ? { ...report.files.relations, path: files.relations.name }
          : undefined,
    },
  };
}

/** An error message with temp paths replaced by the file names ("cannot read entities file mine.csv: …"). */
export function withoutTempPaths(message: string, files: readonly ResolvedCsvFile[]): string {
  return files.reduce((text, file) => text.split(file.path).join(file.name), message);
}

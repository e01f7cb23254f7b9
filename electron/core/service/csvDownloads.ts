// The CSV files the browser build downloads (POST /api/csv): a snapshot's findings, every row of a comparison and
// a Browse view (browse.page's query without the paging: every row, in the columns shown). The first two are the
// same files `okta-prep findings --out` and `okta-prep diff --out` write (one header, one cell format). Rows are made
// page by page from SQLite as the download is sent, so a large file is never held whole and no statement stays open
// while the service answers other calls.
import { DIFF_CSV_HEADER, diffRowCells } from '../../../shared/audit/snapshotDiff';
import type { ParamsOf } from '../../../shared/service/contract';
import type { ServiceError, ServiceResult } from '../../../shared/service/errors';
import { FINDINGS_CSV_HEADER, findingCells, mapped } from '../audit/auditCsv';
import { AuditError, auditSnapshot } from '../audit/auditSnapshot';
import { checkDiffPair, pagedDiffRows, SnapshotDiffError } from '../audit/diff/snapshotDiff';
import { allFindings, findingsPage } from '../audit/findings/findingsPages';
import type { Db } from '../store/openDatabase';
import { browseViewCsv } from './browse/browseViewCsv';
import { ServiceFailure } from './serviceFailure';
import { compileParamValidators, quoteForMessage, type ParamValidators } from './paramValidators';

/** The service methods whose whole answer can be downloaded as CSV, with the same params as the method. */
export const CSV_DOWNLOAD_METHODS = ['audit.findings', 'audit.diff', 'browse.page'] as const;
type CsvDownloadMethod = (typeof CSV_DOWNLOAD_METHODS)[number];

export interface CsvDownload {
  fileName: string;
  header: readonly string[];
  /** Made lazily; every problem with the request was found before this is returned. */
  rows: Iterable<readonly string[]>;
}

export type CsvDownloads = (method: unknown, params: unknown) => ServiceResult<CsvDownload>;

function failure(code: ServiceError['code'], message: string): ServiceResult<never> {
  return { ok: false, error: { code, message } };
}

function isCsvMethod(method: unknown): method is CsvDownloadMethod {
  return CSV_DOWNLOAD_METHODS.includes(method as CsvDownloadMethod);
}

function findingsCsv(db: Db, params: ParamsOf<'audit.findings'>): CsvDownload {
  const snapshot = auditSnapshot(db, params.snapshotId);
  const request = { ruleId: params.ruleId, thresholds: params.thresholds };
  // The rule id and thresholds are checked now, while a refusal can still be an HTTP status.
  findingsPage(db, snapshot, { ...request, limit: 1 });
  return {
    fileName: `findings-snapshot-${snapshot.id}.csv`,
    header: FINDINGS_CSV_HEADER,
    rows: mapped(allFindings(db, snapshot, request), findingCells),
  };
}

function diffCsv(db: Db, params: ParamsOf<'audit.diff'>): CsvDownload {
  const pair = { from: params.fromSnapshotId, to: params.toSnapshotId };
  checkDiffPair(db, pair);
  return {
    fileName: `diff-${pair.from}-${pair.to}.csv`,
    header: DIFF_CSV_HEADER,
    rows: mapped(pagedDiffRows(db, pair), diffRowCells),
  };
}

export function createCsvDownloads(db: Db, validators: ParamValidators = compileParamValidators()): CsvDownloads {
  return (method, params) => {
    if (!isCsvMethod(method))
      return failure(
        'UNKNOWN_METHOD',
        `there is no CSV download of ${typeof method === 'string' ? quoteForMessage(method) : 'that'}; ` +
          `the downloads are ${CSV_DOWNLOAD_METHODS.join(' and ')}`,
      );
    const checked = params ?? {};
    const check = validators[method](checked);
    if (!check.ok) return failure('INVALID_PARAMS', check.message);
    try {
      const value =
        method === 'audit.findings'
          ? findingsCsv(db, checked as ParamsOf<'audit.findings'>)
          : method === 'browse.page'
            ? browseViewCsv(db, checked as ParamsOf<'browse.page'>)
            : diffCsv(db, checked as ParamsOf<'audit.diff'>);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AuditError)
        return failure(error.reason === 'not-found' ? 'NOT_FOUND' : 'BAD_INPUT', error.message);
      if (error instanceof SnapshotDiffError) return failure('BAD_INPUT', error.message);
      if (error instanceof ServiceFailure) return failure(error.code, error.message);
      throw error;
    }
  };
}

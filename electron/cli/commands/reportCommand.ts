// `okta-prep report`: the audit report of a snapshot as one self-contained HTML file (0600, written whole or not at
// all): org, counts, charts, findings by severity and, with --compare ID, what changed since snapshot ID.
import { buildAuditReport } from '../../core/audit/report/auditReport';
import { writeReportFile } from '../../core/audit/report/writeReportFile';
import { SnapshotDiffError } from '../../core/audit/diff/snapshotDiff';
import { APP_VERSION } from '../../core/appInfo';
import type { Db } from '../../core/store/openDatabase';
import { asCliError, checkOutFile, writeOrFail } from '../audit/auditCliSupport';
import { parsePositiveInteger, type CliValues } from '../cliArgs';
import { CliError, EXIT, usageError, type ExitCode } from '../cliErrors';
import type { CliOutput } from '../cliOutput';
import { thresholdsFrom } from './findingsCommand';

function buildReport(db: Db, values: CliValues) {
  const options = {
    snapshotId: parsePositiveInteger(values.snapshot, '--snapshot'),
    compareSnapshotId: parsePositiveInteger(values.compare, '--compare'),
    thresholds: thresholdsFrom(values),
    appVersion: APP_VERSION,
  };
  try {
    return asCliError(() => buildAuditReport(db, options));
  } catch (error) {
    if (error instanceof SnapshotDiffError) throw new CliError(`--compare: ${error.message}`, EXIT.usage);
    throw error;
  }
}

export async function runReportCommand(db: Db, values: CliValues, out: CliOutput): Promise<ExitCode> {
  if (values.out === undefined)
    throw usageError('report needs --out FILE (the HTML file to write, such as report.html)');
  checkOutFile(values.out, 'report.html');
  const report = buildReport(db, values);
  const written = await writeOrFail(() => writeReportFile(values.out!, report.html));
  const { snapshotId, compareSnapshotId, findings } = report;
  if (values.json) out.json({ snapshotId, compareSnapshotId, findings, file: written.path, bytes: written.bytes });
  else {
    const compared = compareSnapshotId === null ? '' : ` compared with snapshot ${compareSnapshotId}`;
    out.result(
      `wrote the audit report of snapshot ${snapshotId}${compared} (${findings} finding(s)) to ${written.path}`,
    );
  }
  return EXIT.ok;
}

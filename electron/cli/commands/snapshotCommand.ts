// `okta-prep snapshot export --id ID --out FILE [--db FILE]`: writes one snapshot to a self-contained file that
// another machine's Okta Prep opens read-only with --db FILE (or File > Open snapshot… in the app).
import { APP_VERSION } from '../../core/appInfo';
import { exportPortableSnapshot } from '../../core/store/portable/exportPortableSnapshot';
import { PortableSnapshotError } from '../../core/store/portable/portableFormat';
import { parsePositiveInteger, type CliValues } from '../cliArgs';
import { CliError, EXIT, usageError, type ExitCode } from '../cliErrors';
import type { CliEnvironment } from '../cliOutput';
import { openCache } from '../openCache';

export async function runSnapshotCommand(
  positionals: string[],
  values: CliValues,
  context: CliEnvironment,
): Promise<ExitCode> {
  const [subcommand, ...rest] = positionals;
  if (subcommand !== 'export' || rest.length > 0)
    throw usageError(
      `${subcommand === undefined ? 'snapshot needs a subcommand' : `"snapshot ${subcommand}" is not a command`}: ` +
        `use "okta-prep snapshot export --id ID --out FILE" (and "okta-prep snapshots" to list them)`,
    );
  const snapshotId = parsePositiveInteger(values.id, '--id');
  if (snapshotId === undefined || values.out === undefined)
    throw usageError('snapshot export needs --id ID (see "okta-prep snapshots") and --out FILE');
  const db = openCache(values, context, 'read');
  try {
    const result = exportPortableSnapshot(db, { snapshotId, outFile: values.out, appVersion: APP_VERSION });
    if (values.json) context.out.json(result);
    else
      context.out.result(
        `wrote snapshot ${result.snapshotId} of ${result.orgUrl} to ${result.file} (${result.bytes} bytes); ` +
          `open it elsewhere with "okta-prep snapshots --db FILE" or File > Open snapshot…`,
      );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof PortableSnapshotError) throw new CliError(error.message, EXIT.local);
    throw error;
  } finally {
    db.close();
  }
}

// `okta-prep snapshots [--db FILE]`: lists the snapshots in the cache, newest first, with their org, label, status and
// what they lack; `snapshots label ID TEXT` names one and `snapshots delete ID --yes` deletes one.
import { formatBytes } from '../../../shared/formatBytes';
import type { Db } from '../../core/store/openDatabase';
import { deleteSnapshot, labelSnapshot, SnapshotChangeRefused } from '../../core/store/snapshotRemoval';
import { getSnapshot, listSnapshots, type SnapshotInfo } from '../../core/store/snapshots';
import { parsePositiveInteger, type CliValues } from '../cliArgs';
import { CliError, EXIT, usageError, type ExitCode } from '../cliErrors';
import type { CliEnvironment } from '../cliOutput';

export function describeSnapshots(snapshots: SnapshotInfo[]): string {
  if (snapshots.length === 0) return 'no snapshots yet: run "okta-prep pull --org URL" or "okta-prep demo"';
  const lines = snapshots.map((snapshot) => {
    const gaps =
      snapshot.gaps.length > 0 ? `  incomplete: ${snapshot.gaps.map((gap) => gap.objectKind).join(', ')}` : '';
    const warnings =
      snapshot.warnings.length > 0
        ? `  ${snapshot.warnings.length} warning${snapshot.warnings.length === 1 ? '' : 's'}`
        : '';
    const error = snapshot.errorMessage ? `  (${snapshot.errorMessage})` : '';
    const quick = snapshot.baseSnapshotId
      ? `  quick refresh of ` +
        `${snapshot.baseSnapshotId}${snapshot.fellBackToFullUserListing ? ' (users listed in full)' : ''}`
      : '';
    const label = snapshot.label ? `  "${snapshot.label}"` : '';
    return (
      `${String(snapshot.id).padStart(4)}  ${snapshot.status.padEnd(9)}  ${snapshot.startedAt}  ` +
      `${snapshot.orgUrl}${label}${snapshot.includeFactors ? '  +factors' : ''}${quick}${gaps}${warnings}${error}`
    );
  });
  return [`  id  status     started                   org`, ...lines].join('\n');
}

/** `snapshots`, `snapshots label ID TEXT` or `snapshots delete ID [--yes]`, over an open cache. */
export function runSnapshotsCommand(
  db: Db,
  positionals: string[],
  values: CliValues,
  { out }: CliEnvironment,
): ExitCode {
  const [action, idText, ...rest] = positionals;
  if (action === undefined) {
    const snapshots = listSnapshots(db);
    if (values.json) out.json(snapshots);
    else out.result(describeSnapshots(snapshots));
    return EXIT.ok;
  }
  const id = action === 'label' || action === 'delete' ? parsePositiveInteger(idText, 'the snapshot id') : undefined;
  try {
    if (action === 'label' && id !== undefined && rest.length === 1) {
      const snapshot = labelSnapshot(db, id, rest[0]!);
      out.result(
        `snapshot ${id} of ${snapshot.orgUrl}: ${snapshot.label ? `labelled "${snapshot.label}"` : 'no label'}`,
      );
      return EXIT.ok;
    }
    if (action === 'delete' && id !== undefined && rest.length === 0) return deleteCommand(db, id, values, out);
  } catch (error) {
    if (error instanceof SnapshotChangeRefused)
      throw new CliError(error.message, error.reason === 'bad-label' ? EXIT.usage : EXIT.local);
    throw error;
  }
  throw usageError(
    `use "okta-prep snapshots" to list, "okta-prep snapshots label ID TEXT" to name one ("" clears it) or ` +
      `"okta-prep snapshots delete ID --yes" to delete one`,
  );
}

function deleteCommand(db: Db, id: number, values: CliValues, out: CliEnvironment['out']): ExitCode {
  const snapshot = getSnapshot(db, id);
  if (!snapshot) throw new CliError(`there is no snapshot ${id} (see "okta-prep snapshots")`, EXIT.usage);
  const what = `snapshot ${id} of ${snapshot.orgUrl}${snapshot.label ? ` ("${snapshot.label}")` : ''}`;
  if (!values.yes)
    throw usageError(`deleting ${what}, pulled ${snapshot.startedAt}, cannot be undone: add --yes to delete it`);
  const result = deleteSnapshot(db, id, { vacuum: true });
  if (values.json) out.json(result);
  else
    out.result(
      result.vacuumed
        ? `deleted ${what}; the cache shrank by ${formatBytes(result.freedBytes)} ` +
            `(${result.pagesBefore} → ${result.pagesAfter} pages)`
        : `deleted ${what}; another process is using the cache, so its space stays free inside the file for ` +
            `later pulls (delete again with nothing else running to shrink it)`,
    );
  return EXIT.ok;
}

// `okta-prep export`: writes the BalkanID upload bundle of a snapshot (the latest complete one by default).
import { RELATION_KINDS, type RelationKind } from '../../../shared/balkanid/columns';
import { APP_VERSION, defaultDatabasePath } from '../../core/appInfo';
import { fileKind } from '../../core/store/portable/portableFormat';
import type { ExportBundleResult } from '../../core/export/exportBundle';
import type { ExportOptions } from '../../core/export/exportOptions';
import type { BundleManifest, ManifestFile } from '../../core/export/manifest';
import type { BundleCsvFile } from '../../../shared/balkanid/bundleFileNames';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/balkanid/entitlements';
import type { Db } from '../../core/store/openDatabase';
import type { WorkerTask } from '../../core/service/jobs/jobMessages';
import { runWorkerTask } from '../../core/service/jobs/runWorkerTask';
import { latestCompleteSnapshot } from '../../core/store/snapshots';
import { EXIT, CliError, usageError, type ExitCode } from '../cliErrors';
import type { CliEnvironment } from '../cliOutput';
import { formatValidationReport } from '../formatValidationReport';
import { parsePositiveInteger, type CliValues } from '../cliArgs';
import { describeRelationsLeftOut } from '../../../shared/balkanid/relationsLeftOut';
import { withExportChoices } from '../exportMappingFlags';

function parseList(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
}

export function exportOptionsFrom(values: CliValues): Partial<ExportOptions> {
  const relationKinds = parseList(values.relations);
  for (const kind of relationKinds ?? []) {
    if (!RELATION_KINDS.includes(kind as RelationKind))
      throw usageError(`--relations: unknown kind "${kind}"; choose from ${RELATION_KINDS.join(', ')}`);
  }
  return withExportChoices(values, {
    relationKinds: relationKinds as RelationKind[] | undefined,
    flattenGroupAppAssignments: values['flatten-group-apps'] === true,
    sharedFiles: values['shared-files'] === true,
    allowInvalid: values['allow-invalid'] === true,
    reviewCopy: values['review-copy'] === true,
    ...formatFlags(values),
  });
}

/** --format, --user-statuses LIST and --split-rows N, refused with the fix when they cannot be used (exit 2). */
function formatFlags(values: CliValues): Pick<ExportOptions, 'format'> & Partial<ExportOptions> {
  const format = values.format ?? 'entities-relations';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw usageError(`--format "${format}": choose ${EXPORT_FORMATS.join(' or ')}`);
  const statuses = parseList(values['user-statuses'])?.map((status) => status.toUpperCase());
  if (statuses !== undefined && (statuses.length === 0 || statuses.some((status) => !/^[A-Z_]{1,40}$/.test(status))))
    throw usageError(
      `--user-statuses "${values['user-statuses']}": give Okta user statuses separated by commas, for example ` +
        '--user-statuses ACTIVE,SUSPENDED (leave it out for every status)',
    );
  const split = values['split-rows'];
  if (split !== undefined && (!/^\d+$/.test(split) || Number(split) < 1 || Number(split) > 1_000_000_000))
    throw usageError(`--split-rows "${split}": give the most data rows a file may hold, a whole number from 1`);
  return {
    format: format as ExportFormat,
    ...(statuses !== undefined && { userStatuses: statuses }),
    ...(split !== undefined && { splitRows: Number(split) }),
  };
}

function countsText(counts: Record<string, number> | undefined): string {
  return Object.entries(counts ?? {})
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
}

/** One line per CSV file of the bundle: its name (or its parts' names) and rows, with what the rows are. */
function fileLines(m: BundleManifest): string[] {
  const what: Record<BundleCsvFile, string> = {
    entities: m.entities
      ? `users ${m.entities.identity.user}, groups ${m.entities.connection.group}, roles ` +
        `${m.entities.connection.role}, apps ${m.entities.resource.app}`
      : '',
    relations: countsText(m.relations),
    entitlements: countsText(m.entitlements),
  };
  return (Object.entries(m.files) as [BundleCsvFile, ManifestFile[]][]).map(([kind, parts]) => {
    const rows = parts.reduce((sum, part) => sum + part.rows, 0);
    const names =
      parts.length === 1 ? parts[0]!.name : `${parts[0]!.name} … ${parts.at(-1)!.name} (${parts.length} parts)`;
    return `  ${names}: ${rows} rows (${what[kind]})`;
  });
}

/** What an export hands back (from its worker thread): the bundle's folder, manifest, check and names. */
type ExportedBundle = Pick<ExportBundleResult, 'outDir' | 'manifest' | 'validation' | 'keptAsInvalid'>;

export function describeExport(result: ExportedBundle): string {
  const m = result.manifest;
  return [
    result.keptAsInvalid
      ? `the export of snapshot ${m.snapshot.id} (${m.orgUrl}) failed its check: the files are NOT ready to upload ` +
        `and were kept under names no upload takes in ${result.outDir}`
      : `wrote the BalkanID upload bundle of snapshot ${m.snapshot.id} (${m.orgUrl}) to ${result.outDir}`,
    ...fileLines(m),
    `  ${result.keptAsInvalid ? 'manifest.invalid.json' : 'manifest.json'}: checksums, counts and the findings`,
    ...m.reviewCopy.map(
      (name) => `  ${name}: spreadsheet-safe review copy (formula-like cells start with ') - not for upload`,
    ),
    ...m.snapshot.incomplete.map((gap) => `  INCOMPLETE: the snapshot lacks ${gap.objectKind}: ${gap.message}`),
    formatValidationReport(result.validation, describeRelationsLeftOut(m.relationsSkipped)),
    ...publicationNote(result),
  ].join('\n');
}

/** What the files' names mean when validation found errors: kept aside, or published because the user asked. */
function publicationNote(result: ExportedBundle): string[] {
  if (result.keptAsInvalid)
    return [
      '',
      'The upload names (entities.csv, entity-relations.csv, manifest.json) were not written: fix the errors above ' +
        '(export options, the Okta data) and export again, or export with --allow-invalid to publish the files ' +
        'under the upload names anyway (check-bundle and upload still refuse them).',
    ];
  if (result.manifest.publishedDespiteErrors)
    return [
      '',
      'Published under the upload names despite the errors (--allow-invalid); manifest.json records ' +
        '"publishedDespiteErrors": true, and check-bundle and upload refuse the bundle.',
    ];
  return [];
}

/**
 * Runs in a worker thread, as in the app: the command's own thread only waits, so Ctrl-C or SIGTERM (`signal`) is read
 * at once and stops the export, even in a file-system call that does not answer.
 */
export async function runExportCommand(
  db: Db,
  values: CliValues,
  { out, signal, env }: Pick<CliEnvironment, 'out' | 'signal' | 'env'>,
): Promise<ExitCode> {
  if (values.out === undefined) throw usageError('export needs --out DIR (the folder to write the bundle into)');
  const requested = parsePositiveInteger(values.snapshot, '--snapshot');
  const snapshotId = requested ?? latestCompleteSnapshot(db)?.id;
  if (snapshotId === undefined)
    throw new CliError(
      'there is no complete snapshot to export: run "okta-prep pull --org URL" first (or "okta-prep demo")',
      EXIT.usage,
    );
  const options = exportOptionsFrom(values);
  const result = await exportInWorker(
    { kind: 'export', ...databaseFile(values, env), snapshotId, outDir: values.out, options, appVersion: APP_VERSION },
    signal,
  );
  if (values.json) out.json({ outDir: result.outDir, manifest: result.manifest, validation: result.validation });
  else out.result(describeExport(result));
  return result.validation.errorCount > 0 ? EXIT.blockingFindings : EXIT.ok;
}

/** The file the worker opens itself, as the command did: the cache, or a portable snapshot file (read-only). */
function databaseFile(values: CliValues, env: NodeJS.ProcessEnv): { dbPath: string; portable: boolean } {
  const dbPath = values.db ?? defaultDatabasePath(env);
  return { dbPath, portable: fileKind(dbPath) === 'portable' };
}

async function exportInWorker(task: WorkerTask & { kind: 'export' }, signal?: AbortSignal): Promise<ExportedBundle> {
  const handle = runWorkerTask(task, () => undefined);
  const cancel = () => handle.cancel();
  signal?.addEventListener('abort', cancel, { once: true });
  if (signal?.aborted) cancel();
  const outcome = await handle.outcome.finally(() => signal?.removeEventListener('abort', cancel));
  if (outcome.ok) return outcome.result.value as ExportedBundle;
  if (outcome.error.refused) throw new CliError(outcome.error.message, EXIT.usage);
  if (signal?.aborted)
    throw new CliError(`export ${(signal.reason as Error).message}: nothing was written`, EXIT.cancelled);
  throw new CliError(`export failed, nothing was written: ${outcome.error.message}`, EXIT.local);
}

// Writes the BalkanID upload bundle of one snapshot: entities.csv and entity-relations.csv (or entitlements.csv), each
// split into parts when asked, and manifest.json. All are written under temporary names, checked by the validator, and
// only then renamed into place together: under the upload names when the check found no error (or errors were
// allowed), else under the `.invalid` names no upload takes.
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  BUNDLE_FILE_NAMES,
  EXPORT_WRITTEN_NAME,
  REVIEW_FOLDER,
  type BundleCsvFile,
  type BundleFile,
} from '../../../shared/balkanid/bundleFileNames';
import type { ValidationReport } from '../../../shared/balkanid/findings';
import { AtomicCsvFile, type CsvFileSummary } from '../balkanid/atomicCsvFile';
import { isAbandonedTempFile, tempPathFor } from '../balkanid/exportTempNames';
import { makeFolders } from '../files/makeFolders';
import { ensurePrivateFolder, PRIVATE_FILE_MODE, SHARED_FILE_MODE } from '../files/privateModes';
import type { Db } from '../store/openDatabase';
import { getSnapshot, type SnapshotInfo } from '../store/snapshots';
import { PublishedNames, summariesOf, validationSourcesOf, type WrittenCsv } from './bundleParts';
import type { EntitySourceType } from './entityRecords';
import { ExportOptionsError, resolveExportOptions, type ExportOptions, type ExportOptionsInput } from './exportOptions';
import { buildManifest, manifestFileEntry, manifestFindings, type BundleManifest } from './manifest';
import { publishBundle } from './publishBundle';
import { writeReviewCopies } from './reviewCopy';
import type { ExportedRelationKind } from './relationRecords';
import { validateOffThread, writeBundleFiles } from './writeBundleFiles';

export interface ExportBundleInput {
  db: Db;
  snapshotId: number;
  outDir: string;
  options?: ExportOptionsInput;
  appVersion: string;
  signal?: AbortSignal;
  onProgress?: (progress: { file: BundleCsvFile; rows: number }) => void;
}

export interface ExportBundleResult {
  outDir: string;
  manifest: BundleManifest;
  validation: ValidationReport;
  /** Validation found errors and they were not allowed: the files carry the `.invalid` names, not the upload ones. */
  keptAsInvalid: boolean;
}

export class ExportError extends Error {
  override name = 'ExportError';
}

/** Options that cannot be used are the caller's to fix, like a missing snapshot: an ExportError, not a failure. */
function resolveOptionsForExport(input: ExportOptionsInput | undefined): ExportOptions {
  try {
    return resolveExportOptions(input);
  } catch (error) {
    if (error instanceof ExportOptionsError) throw new ExportError(`bad export options: ${error.message}`);
    throw error;
  }
}

function requireExportableSnapshot(db: Db, snapshotId: number): SnapshotInfo {
  const snapshot = getSnapshot(db, snapshotId);
  if (!snapshot) throw new ExportError(`there is no snapshot ${snapshotId}; list them with "okta-prep snapshots"`);
  if (snapshot.status !== 'complete') {
    throw new ExportError(
      `snapshot ${snapshotId} is ${snapshot.status}, not complete: resume the pull ("okta-prep pull --resume ` +
        `${snapshotId}") or export a complete snapshot`,
    );
  }
  return snapshot;
}

/**
 * A folder we create is 0700 (or the umask's default when the files are to be shared, else they could not be read);
 * a folder the user already has keeps its mode, since it is theirs: only the files we write are private.
 */
async function prepareOutDir(outDir: string, sharedFiles: boolean): Promise<string> {
  const resolved = path.resolve(outDir);
  try {
    if (sharedFiles) makeFolders(resolved);
    else ensurePrivateFolder(resolved);
  } catch (error) {
    throw new ExportError(
      `cannot create the output folder ${resolved}: ` +
        `${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Choose a folder you can write ` +
        `to.`,
    );
  }
  await removeStaleTempFiles(resolved);
  return resolved;
}

export async function exportBundle(input: ExportBundleInput): Promise<ExportBundleResult> {
  const snapshot = requireExportableSnapshot(input.db, input.snapshotId);
  const options = resolveOptionsForExport(input.options);
  const outDir = await prepareOutDir(input.outDir, options.sharedFiles);
  const target: BundleTarget = {
    outDir,
    fileMode: options.sharedFiles ? SHARED_FILE_MODE : PRIVATE_FILE_MODE,
    opened: [],
  };
  const manifestTemp = tempPathFor(bundlePath(outDir, 'manifest'));
  try {
    const written = await writeBundleCsvFiles(input, snapshot, options, target);
    const summaries = summariesOf(written.files);
    const report = await validateOffThread(input.db, validationSourcesOf(written.files));
    return await publishCheckedBundle({ input, snapshot, options, target, written, summaries, report, manifestTemp });
  } catch (error) {
    for (const file of target.opened) await file.abort();
    await fs.rm(manifestTemp, { force: true });
    throw error;
  }
}

interface CheckedBundle {
  input: ExportBundleInput;
  snapshot: SnapshotInfo;
  options: ExportOptions;
  target: BundleTarget;
  written: WrittenBundle;
  summaries: Map<BundleCsvFile, CsvFileSummary[]>;
  report: ValidationReport;
  manifestTemp: string;
}

/**
 * Names the checked files (upload names, or `.invalid` ones when errors were found and not allowed), writes the review
 * copies if asked and the manifest, and publishes them all.
 */
async function publishCheckedBundle(checked: CheckedBundle): Promise<ExportBundleResult> {
  const { input, options, target, written, report } = checked;
  const names = new PublishedNames(written.files, report.errorCount > 0 && !options.allowInvalid);
  const csvFiles = names.files();
  const review = options.reviewCopy
    ? await writeReviewCopies(target.outDir, csvFiles, target.fileMode, input.signal)
    : [];
  target.opened.push(...review);
  const manifest = buildManifest({
    snapshot: checked.snapshot,
    appVersion: input.appVersion,
    options,
    files: manifestFiles(written.files, checked.summaries, names),
    ...written.counts,
    skippedRelations: written.relationsLeftOut,
    validation: report,
    findings: manifestFindings(report, (finding) => names.fileOf(finding)),
    reviewCopy: review.map((file) => `${REVIEW_FOLDER}/${path.basename(file.finalPath)}`),
  });
  await writeManifestFile(checked.manifestTemp, manifest, target.fileMode);
  const manifestFile = { tempPath: checked.manifestTemp, name: names.nameOf(BUNDLE_FILE_NAMES.manifest) };
  const bundle = { files: csvFiles, manifest: manifestFile, keptAsInvalid: names.keptAsInvalid };
  await publishBundle(target.outDir, bundle, review);
  const validation = names.reportIn(target.outDir, report);
  return { outDir: target.outDir, manifest, validation, keptAsInvalid: names.keptAsInvalid };
}

function manifestFiles(
  written: readonly WrittenCsv[],
  summaries: Map<BundleCsvFile, CsvFileSummary[]>,
  names: PublishedNames,
): BundleManifest['files'] {
  return Object.fromEntries(
    written.map(({ kind, parts }) => [
      kind,
      parts.map((part, index) => manifestFileEntry(names.nameOf(part.name), summaries.get(kind)![index]!)),
    ]),
  );
}

/**
 * Where the bundle goes and with which mode; `opened` collects the temporary CSV files so a failure can remove them.
 */
interface BundleTarget {
  outDir: string;
  fileMode: number;
  opened: AtomicCsvFile[];
}

function bundlePath(outDir: string, file: BundleFile): string {
  return path.join(outDir, BUNDLE_FILE_NAMES[file]);
}

interface WrittenBundle {
  files: WrittenCsv[];
  relationsLeftOut: Record<string, number>;
  counts: {
    entityCounts?: Record<EntitySourceType, number>;
    relationCounts?: Record<ExportedRelationKind, number>;
    entitlementCounts?: Record<ExportedRelationKind, number>;
  };
}

/**
 * Writes entities.csv and entity-relations.csv side by side (or entitlements.csv alone), each in parts when asked,
 * under temporary names, counting rows per entity type and relation kind.
 */
async function writeBundleCsvFiles(
  input: ExportBundleInput,
  snapshot: SnapshotInfo,
  options: ExportOptions,
  target: BundleTarget,
): Promise<WrittenBundle> {
  const kinds: BundleCsvFile[] = options.format === 'entitlements' ? ['entitlements'] : ['entities', 'relations'];
  const tasks = kinds.map((file) => ({
    file,
    snapshotId: input.snapshotId,
    orgUrl: snapshot.orgUrl,
    includeFactors: snapshot.includeFactors,
    options,
    outDir: target.outDir,
    fileMode: target.fileMode,
  }));
  const written = await writeBundleFiles(input.db, tasks, { signal: input.signal, onProgress: input.onProgress });
  const files = written.map(({ file, parts }) => ({
    kind: file,
    parts: parts.map(({ name, tempPath, summary }) => ({ name, file: AtomicCsvFile.adoptFinished(tempPath, summary) })),
  }));
  for (const { parts } of files) target.opened.push(...parts.map((part) => part.file));
  const countsOf = (file: BundleCsvFile) => written.find((each) => each.file === file)?.counts;
  return {
    files,
    relationsLeftOut: written.find((each) => each.relationsLeftOut)?.relationsLeftOut ?? {},
    counts: {
      entityCounts: countsOf('entities'),
      relationCounts: countsOf('relations'),
      entitlementCounts: countsOf('entitlements'),
    },
  };
}

async function writeManifestFile(file: string, manifest: BundleManifest, mode: number): Promise<void> {
  await fs.writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx', mode });
  if (process.platform !== 'win32') await fs.chmod(file, mode); // the umask may have narrowed a 0644 the user asked for
}

/** Removes temporary files an earlier export left behind when its process was killed; a running export's stay. */
async function removeStaleTempFiles(outDir: string): Promise<void> {
  for (const name of await fs.readdir(outDir)) {
    const finalName = /^\.(.+)\.(?:\d+-)?[0-9a-f]+\.tmp$/.exec(name)?.[1];
    if (finalName === undefined || !EXPORT_WRITTEN_NAME.test(finalName)) continue;
    if (isAbandonedTempFile(name, [finalName])) await fs.rm(path.join(outDir, name), { force: true });
  }
}

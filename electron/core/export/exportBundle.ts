// Writes the BalkanID upload bundle of one snapshot: entities.csv, entity-relations.csv and manifest.json.
// All three are written under temporary names, checked by the validator, and only then renamed into place together:
// under the upload names when the check found no error (or errors were allowed), else under the `.invalid` names.
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  BUNDLE_FILE_NAMES,
  REVIEW_FOLDER,
  type BundleCsvFile,
  type BundleFile,
} from '../../../shared/balkanid/bundleFileNames';
import { ENTITY_COLUMNS, RELATION_COLUMNS, entityCells, relationCells } from '../../../shared/balkanid/columns';
import type { ValidatedFile, ValidationReport } from '../../../shared/balkanid/findings';
import { AtomicCsvFile, type CsvFileSummary } from '../balkanid/atomicCsvFile';
import { isAbandonedTempFile, tempPathFor } from '../balkanid/exportTempNames';
import { validateCsvFiles } from '../balkanid/validator/index';
import { ensurePrivateFolder, PRIVATE_FILE_MODE, SHARED_FILE_MODE } from '../files/privateModes';
import type { Db } from '../store/openDatabase';
import { getSnapshot, type SnapshotInfo } from '../store/snapshots';
import { iterateEntityRecords, type EntitySourceType } from './entityRecords';
import { ExportOptionsError, resolveExportOptions, type ExportOptions, type ExportOptionsInput } from './exportOptions';
import { buildManifest, manifestFileEntry, manifestFindings, type BundleManifest } from './manifest';
import { bundleNamesFor, publishBundle, type BundleNames } from './publishBundle';
import { writeReviewCopies } from './reviewCopy';
import {
  countRelationsInSnapshot,
  exportedRelationKinds,
  iterateRelationRecords,
  type ExportedRelationKind,
} from './relationRecords';

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

const PROGRESS_EVERY_ROWS = 5000;

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
    if (sharedFiles) await fs.mkdir(resolved, { recursive: true });
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
    const summaries = { entities: await written.entities.finish(), relations: await written.relations.finish() };
    const report = await validateCsvFiles({
      entitiesPath: written.entities.tempPath,
      relationsPath: written.relations.tempPath,
    });
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
  written: Awaited<ReturnType<typeof writeBundleCsvFiles>>;
  summaries: { entities: CsvFileSummary; relations: CsvFileSummary };
  report: ValidationReport;
  manifestTemp: string;
}

/**
 * Names the checked files (upload names, or `.invalid` ones when errors were found and not allowed), writes the review
 * copies if asked and the manifest, and publishes them all.
 */
async function publishCheckedBundle(checked: CheckedBundle): Promise<ExportBundleResult> {
  const { input, options, target, written, summaries, report } = checked;
  const names = bundleNamesFor(report.errorCount, options.allowInvalid);
  const csvFiles = [
    { tempPath: written.entities.tempPath, name: names.entities },
    { tempPath: written.relations.tempPath, name: names.relations },
  ];
  const review = options.reviewCopy
    ? await writeReviewCopies(target.outDir, csvFiles, target.fileMode, input.signal)
    : [];
  target.opened.push(...review);
  const manifest = buildManifest({
    snapshot: checked.snapshot,
    appVersion: input.appVersion,
    options,
    files: {
      entities: manifestFileEntry(names.entities, summaries.entities),
      relations: manifestFileEntry(names.relations, summaries.relations),
    },
    ...countsOf(input.db, input.snapshotId, written),
    validation: report,
    findings: manifestFindings(report, (finding) => names[finding.file]),
    reviewCopy: review.map((file) => `${REVIEW_FOLDER}/${path.basename(file.finalPath)}`),
  });
  await writeManifestFile(checked.manifestTemp, manifest, target.fileMode);
  const manifestFile = { tempPath: checked.manifestTemp, name: names.manifest };
  await publishBundle(
    target.outDir,
    { files: csvFiles, manifest: manifestFile, keptAsInvalid: names.keptAsInvalid },
    review,
  );
  const validation = withFinalPaths(report, target.outDir, names);
  return { outDir: target.outDir, manifest, validation, keptAsInvalid: names.keptAsInvalid };
}

function countsOf(
  db: Db,
  snapshotId: number,
  written: Pick<Awaited<ReturnType<typeof writeBundleCsvFiles>>, 'entityCounts' | 'relationCounts'>,
) {
  return {
    entityCounts: written.entityCounts,
    relationCounts: written.relationCounts,
    skippedRelations: countSkippedRelations(db, snapshotId, written.relationCounts),
  };
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

/**
 * One CSV file of the bundle: its header, the items it is written from, and how each item becomes a row and is counted.
 */
interface CsvPart<Item, Kind extends string> {
  file: BundleCsvFile;
  columns: readonly string[];
  items: Iterable<Item>;
  cellsOf: (item: Item) => readonly string[];
  kindOf: (item: Item) => Kind;
  counts: Record<Kind, number>;
}

/**
 * Writes entities.csv, then entity-relations.csv, under temporary names, counting rows per entity type and relation
 * kind.
 */
async function writeBundleCsvFiles(
  input: ExportBundleInput,
  snapshot: SnapshotInfo,
  options: ExportOptions,
  target: BundleTarget,
) {
  const entityCounts: Record<EntitySourceType, number> = { user: 0, group: 0, role: 0, app: 0 };
  const entities = await writeCsvPart(
    {
      file: 'entities',
      columns: ENTITY_COLUMNS,
      items: iterateEntityRecords(input.db, input.snapshotId, options, snapshot.includeFactors),
      cellsOf: ({ record }) => entityCells(record),
      kindOf: ({ sourceType }) => sourceType,
      counts: entityCounts,
    },
    target,
    input,
  );
  const relationCounts = Object.fromEntries(exportedRelationKinds(options).map((kind) => [kind, 0])) as Record<
    ExportedRelationKind,
    number
  >;
  const relations = await writeCsvPart(
    {
      file: 'relations',
      columns: RELATION_COLUMNS,
      items: iterateRelationRecords(input.db, input.snapshotId, snapshot.orgUrl, options),
      cellsOf: ({ record }) => relationCells(record),
      kindOf: ({ kind }) => kind,
      counts: relationCounts,
    },
    target,
    input,
  );
  return { entities, relations, entityCounts, relationCounts };
}

/**
 * Streams one part into a new temporary file, reporting progress every PROGRESS_EVERY_ROWS rows and stopping when
 * aborted.
 */
async function writeCsvPart<Item, Kind extends string>(
  part: CsvPart<Item, Kind>,
  target: BundleTarget,
  { signal, onProgress }: Pick<ExportBundleInput, 'signal' | 'onProgress'>,
): Promise<AtomicCsvFile> {
  const file = await AtomicCsvFile.create(bundlePath(target.outDir, part.file), part.columns, target.fileMode);
  target.opened.push(file);
  onProgress?.({ file: part.file, rows: 0 });
  for (const item of part.items) {
    signal?.throwIfAborted();
    await file.writeRecord(part.cellsOf(item));
    part.counts[part.kindOf(item)]++;
    if (file.rows % PROGRESS_EVERY_ROWS === 0) onProgress?.({ file: part.file, rows: file.rows });
  }
  onProgress?.({ file: part.file, rows: file.rows });
  return file;
}

/** Relations of each exported kind in the snapshot that were not written (their other end was never listed). */
function countSkippedRelations(
  db: Db,
  snapshotId: number,
  relationCounts: Record<ExportedRelationKind, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(relationCounts).map(([kind, written]) => [
      kind,
      countRelationsInSnapshot(db, snapshotId, kind as ExportedRelationKind) - written,
    ]),
  );
}

async function writeManifestFile(file: string, manifest: BundleManifest, mode: number): Promise<void> {
  await fs.writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx', mode });
  if (process.platform !== 'win32') await fs.chmod(file, mode); // the umask may have narrowed a 0644 the user asked for
}

/** Removes temporary files an earlier export left behind when its process was killed; a running export's stay. */
async function removeStaleTempFiles(outDir: string): Promise<void> {
  const finalNames = Object.values(BUNDLE_FILE_NAMES);
  for (const name of await fs.readdir(outDir)) {
    if (isAbandonedTempFile(name, finalNames)) await fs.rm(path.join(outDir, name), { force: true });
  }
}

/** Findings name the files the user will see, not the temporary names they were checked under. */
function withFinalPaths(report: ValidationReport, outDir: string, names: BundleNames): ValidationReport {
  const named = (file: ValidatedFile | undefined, name: string) => file && { ...file, path: path.join(outDir, name) };
  return {
    ...report,
    files: {
      entities: named(report.files.entities, names.entities),
      relations: named(report.files.relations, names.relations),
    },
  };
}

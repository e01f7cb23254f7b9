// Writes the BalkanID upload bundle of one snapshot: entities.csv, entity-relations.csv and manifest.json.
// All three are written under temporary names, checked by the validator, and only then renamed into place together.
import fs from 'node:fs/promises';
import path from 'node:path';
import { BUNDLE_FILE_NAMES, type BundleCsvFile, type BundleFile } from '../../../shared/balkanid/bundleFileNames';
import { ENTITY_COLUMNS, RELATION_COLUMNS, entityCells, relationCells } from '../../../shared/balkanid/columns';
import type { ValidationReport } from '../../../shared/balkanid/findings';
import { AtomicCsvFile, type CsvFileSummary } from '../balkanid/atomicCsvFile';
import { isAbandonedTempFile, tempPathFor } from '../balkanid/exportTempNames';
import { validateCsvFiles } from '../balkanid/validator/index';
import { makeFolders } from '../files/makeFolders';
import { ensurePrivateFolder, PRIVATE_FILE_MODE, SHARED_FILE_MODE } from '../files/privateModes';
import type { Db } from '../store/openDatabase';
import { getSnapshot, type SnapshotInfo } from '../store/snapshots';
import { iterateEntityRecords, type EntitySourceType } from './entityRecords';
import { ExportOptionsError, resolveExportOptions, type ExportOptions, type ExportOptionsInput } from './exportOptions';
import { buildManifest, type BundleManifest } from './manifest';
import { withPublishLock } from './publishLock';
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
  const { db, snapshotId } = input;
  const snapshot = requireExportableSnapshot(db, snapshotId);
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
    const entitiesSummary = await written.entities.finish();
    const relationsSummary = await written.relations.finish();
    const validation = withFinalPaths(
      await validateCsvFiles({ entitiesPath: written.entities.tempPath, relationsPath: written.relations.tempPath }),
      entitiesSummary,
      relationsSummary,
    );
    const manifest = buildManifest({
      snapshot,
      appVersion: input.appVersion,
      options,
      files: { entities: entitiesSummary, relations: relationsSummary },
      entityCounts: written.entityCounts,
      relationCounts: written.relationCounts,
      skippedRelations: countSkippedRelations(db, snapshotId, written.relationCounts),
      validation,
    });
    await writeManifestFile(manifestTemp, manifest, target.fileMode);
    await withPublishLock(outDir, () =>
      publishTogether(written.entities, written.relations, manifestTemp, bundlePath(outDir, 'manifest')),
    );
    return { outDir, manifest, validation };
  } catch (error) {
    for (const file of target.opened) await file.abort();
    await fs.rm(manifestTemp, { force: true });
    throw error;
  }
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

/** Renames the three files into place; if one rename fails, those already renamed are removed again. */
async function publishTogether(
  entities: AtomicCsvFile,
  relations: AtomicCsvFile,
  manifestTemp: string,
  manifestPath: string,
): Promise<void> {
  await entities.publish();
  try {
    await relations.publish();
  } catch (error) {
    await entities.retract();
    throw error;
  }
  try {
    await fs.rename(manifestTemp, manifestPath);
  } catch (error) {
    await Promise.all([entities.retract(), relations.retract()]);
    throw error;
  }
}

/** Removes temporary files an earlier export left behind when its process was killed; a running export's stay. */
async function removeStaleTempFiles(outDir: string): Promise<void> {
  const finalNames = Object.values(BUNDLE_FILE_NAMES);
  for (const name of await fs.readdir(outDir)) {
    if (isAbandonedTempFile(name, finalNames)) await fs.rm(path.join(outDir, name), { force: true });
  }
}

/** Findings name the files the user will see, not the temporary names they were checked under. */
function withFinalPaths(
  report: ValidationReport,
  entities: CsvFileSummary,
  relations: CsvFileSummary,
): ValidationReport {
  return {
    ...report,
    files: {
      entities: report.files.entities ? { ...report.files.entities, path: entities.path } : undefined,
      relations: report.files.relations ? { ...report.files.relations, path: relations.path } : undefined,
    },
  };
}

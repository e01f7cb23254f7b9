// Writes the BalkanID upload bundle of one snapshot: entities.csv, entity-relations.csv and manifest.json.
// All three are written under temporary names, checked by the validator, and only then renamed into place together.
import fs from 'node:fs/promises';
import path from 'node:path';
import { ENTITY_COLUMNS, RELATION_COLUMNS, entityCells, relationCells } from '../../../shared/balkanid/columns';
import type { ValidationReport } from '../../../shared/balkanid/findings';
import { AtomicCsvFile, type CsvFileSummary } from '../balkanid/atomicCsvFile';
import { isAbandonedTempFile, tempPathFor } from '../balkanid/exportTempNames';
import { validateCsvFiles } from '../balkanid/validator/index';
import { ensurePrivateFolder, PRIVATE_FILE_MODE, SHARED_FILE_MODE } from '../files/privateModes';
import type { Db } from '../store/openDatabase';
import { getSnapshot, type SnapshotInfo } from '../store/snapshots';
import { iterateEntityRecords, type EntitySourceType } from './entityRecords';
import { resolveExportOptions, type ExportOptions } from './exportOptions';
import { buildManifest, type BundleManifest } from './manifest';
import { withPublishLock } from './publishLock';
import { countRelationsInSnapshot, exportedRelationKinds, iterateRelationRecords, type ExportedRelationKind } from './relationRecords';

export const BUNDLE_FILE_NAMES = { entities: 'entities.csv', relations: 'entity-relations.csv', manifest: 'manifest.json' } as const;

export interface ExportBundleInput {
  db: Db;
  snapshotId: number;
  outDir: string;
  options?: Partial<ExportOptions>;
  appVersion: string;
  signal?: AbortSignal;
  onProgress?: (progress: { file: 'entities' | 'relations'; rows: number }) => void;
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

function requireExportableSnapshot(db: Db, snapshotId: number): SnapshotInfo {
  const snapshot = getSnapshot(db, snapshotId);
  if (!snapshot) throw new ExportError(`there is no snapshot ${snapshotId}; list them with "okta-prep snapshots"`);
  if (snapshot.status !== 'complete') {
    throw new ExportError(`snapshot ${snapshotId} is ${snapshot.status}, not complete: resume the pull ("okta-prep pull --resume ${snapshotId}") or export a complete snapshot`);
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
    throw new ExportError(`cannot create the output folder ${resolved}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Choose a folder you can write to.`);
  }
  await removeStaleTempFiles(resolved);
  return resolved;
}

export async function exportBundle(input: ExportBundleInput): Promise<ExportBundleResult> {
  const { db, snapshotId } = input;
  const snapshot = requireExportableSnapshot(db, snapshotId);
  const options = resolveExportOptions(input.options);
  const outDir = await prepareOutDir(input.outDir, options.sharedFiles);
  const fileMode = options.sharedFiles ? SHARED_FILE_MODE : PRIVATE_FILE_MODE;
  const entitiesFile = await AtomicCsvFile.create(path.join(outDir, BUNDLE_FILE_NAMES.entities), ENTITY_COLUMNS, fileMode);
  let relationsFile: AtomicCsvFile | undefined;
  const manifestTemp = tempPathFor(path.join(outDir, BUNDLE_FILE_NAMES.manifest));
  try {
    const entityCounts: Record<EntitySourceType, number> = { user: 0, group: 0, role: 0, app: 0 };
    input.onProgress?.({ file: 'entities', rows: 0 });
    for (const { record, sourceType } of iterateEntityRecords(db, snapshotId, options, snapshot.includeFactors)) {
      input.signal?.throwIfAborted();
      await entitiesFile.writeRecord(entityCells(record));
      entityCounts[sourceType]++;
      if (entitiesFile.rows % PROGRESS_EVERY_ROWS === 0) input.onProgress?.({ file: 'entities', rows: entitiesFile.rows });
    }
    input.onProgress?.({ file: 'entities', rows: entitiesFile.rows });
    relationsFile = await AtomicCsvFile.create(path.join(outDir, BUNDLE_FILE_NAMES.relations), RELATION_COLUMNS, fileMode);
    input.onProgress?.({ file: 'relations', rows: 0 });
    const relationCounts = Object.fromEntries(exportedRelationKinds(options).map((kind) => [kind, 0])) as Record<ExportedRelationKind, number>;
    for (const { record, kind } of iterateRelationRecords(db, snapshotId, snapshot.orgUrl, options)) {
      input.signal?.throwIfAborted();
      await relationsFile.writeRecord(relationCells(record));
      relationCounts[kind]++;
      if (relationsFile.rows % PROGRESS_EVERY_ROWS === 0) input.onProgress?.({ file: 'relations', rows: relationsFile.rows });
    }
    input.onProgress?.({ file: 'relations', rows: relationsFile.rows });
    const entitiesSummary = await entitiesFile.finish();
    const relationsSummary = await relationsFile.finish();
    const validation = withFinalPaths(
      await validateCsvFiles({ entitiesPath: entitiesFile.tempPath, relationsPath: relationsFile.tempPath }),
      entitiesSummary,
      relationsSummary,
    );
    const skippedRelations = Object.fromEntries(
      Object.entries(relationCounts).map(([kind, written]) => [kind, countRelationsInSnapshot(db, snapshotId, kind as ExportedRelationKind) - written]),
    );
    const manifest = buildManifest({
      snapshot,
      appVersion: input.appVersion,
      options,
      files: { entities: entitiesSummary, relations: relationsSummary },
      entityCounts,
      relationCounts,
      skippedRelations,
      validation,
    });
    await writeManifestFile(manifestTemp, manifest, fileMode);
    await withPublishLock(outDir, () => publishTogether(entitiesFile, relationsFile!, manifestTemp, path.join(outDir, BUNDLE_FILE_NAMES.manifest)));
    return { outDir, manifest, validation };
  } catch (error) {
    await entitiesFile.abort();
    await relationsFile?.abort();
    await fs.rm(manifestTemp, { force: true });
    throw error;
  }
}

async function writeManifestFile(file: string, manifest: BundleManifest, mode: number): Promise<void> {
  await fs.writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx', mode });
  if (process.platform !== 'win32') await fs.chmod(file, mode); // the umask may have narrowed a 0644 the user asked for
}

/** Renames the three files into place; if one rename fails, those already renamed are removed again. */
async function publishTogether(entities: AtomicCsvFile, relations: AtomicCsvFile, manifestTemp: string, manifestPath: string): Promise<void> {
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
function withFinalPaths(report: ValidationReport, entities: CsvFileSummary, relations: CsvFileSummary): ValidationReport {
  return {
    ...report,
    files: {
      entities: report.files.entities ? { ...report.files.entities, path: entities.path } : undefined,
      relations: report.files.relations ? { ...report.files.relations, path: relations.path } : undefined,
    },
  };
}

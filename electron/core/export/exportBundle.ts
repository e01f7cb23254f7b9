// Writes the BalkanID upload bundle of one snapshot: entities.csv and entity-relations.csv (or entitlements.csv), each
// split into parts when asked, and manifest.json. All are written under temporary names and checked by the validator
// as they are written (in a worker, from the bytes handed to the disk; the disk's copy is then checked by its SHA-256),
// and only then renamed into place together: under the upload names when the check found no error (or errors were
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
import { ENTITY_COLUMNS, RELATION_COLUMNS, entityCells, relationCells } from '../../../shared/balkanid/columns';
import { ENTITLEMENT_COLUMNS, entitlementCells } from '../../../shared/balkanid/entitlements';
import type { ValidationReport } from '../../../shared/balkanid/findings';
import { AtomicCsvFile, type CsvFileSummary } from '../balkanid/atomicCsvFile';
import { RepeatingCellFormatter } from '../balkanid/csvDialect';
import { isAbandonedTempFile, tempPathFor } from '../balkanid/exportTempNames';
import { nothingToExportReason } from '../../../shared/balkanid/nothingToExport';
import { DEFAULT_FILE_STEP_LIMIT_MS, limitedStep, type FileStepLimit } from '../files/fileStepLimit';
import { makeFoldersWithin } from '../files/makeFoldersWithin';
import { PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE, SHARED_FILE_MODE } from '../files/privateModes';
import type { Db } from '../store/openDatabase';
import { getSnapshot, type SnapshotInfo } from '../store/snapshots';
import { partSummaries, partFileName, PublishedNames, splitIntoParts, type WrittenCsv } from './bundleParts';
import { ExportCheck } from './check/exportCheck';
import { iterateEntitlementRecords, type EntitlementRecordWithKind } from './entitlementRecords';
import { iterateEntityRecords, type EntitySourceType } from './entityRecords';
import { ExportOptionsError, resolveExportOptions, type ExportOptions, type ExportOptionsInput } from './exportOptions';
import { buildManifest, manifestFileEntry, manifestFindings, type BundleManifest } from './manifest';
import { publishBundle } from './publishBundle';
import { writeReviewCopies } from './reviewCopy';
import { verifyWrittenFiles } from './verifyWrittenFiles';
import {
  countRelationsInSnapshot,
  countRelationsLeftOut,
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
  /** How long one file-system call (mkdir, open, write, fsync, rename, readdir) may take; tests shorten it. */
  fileStepLimitMs?: number;
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
  let options: ExportOptions;
  try {
    options = resolveExportOptions(input);
  } catch (error) {
    if (error instanceof ExportOptionsError) throw new ExportError(`bad export options: ${error.message}`);
    throw error;
  }
  const nothing = nothingToExportReason(options);
  if (nothing !== undefined) throw new ExportError(nothing);
  return options;
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
async function prepareOutDir(outDir: string, sharedFiles: boolean, limit: FileStepLimit): Promise<string> {
  const resolved = path.resolve(outDir);
  try {
    const mode = sharedFiles ? 0o777 : PRIVATE_FOLDER_MODE;
    await makeFoldersWithin(resolved, { mode, exactMode: !sharedFiles }, limit);
  } catch (error) {
    if (limit.signal?.aborted || (error as Error).name === 'FileStepTimeout') throw error;
    throw new ExportError(
      `cannot create the output folder ${resolved}: ` +
        `${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Choose a folder you can write ` +
        `to.`,
    );
  }
  await removeStaleTempFiles(resolved, limit);
  return resolved;
}

export async function exportBundle(input: ExportBundleInput): Promise<ExportBundleResult> {
  const snapshot = requireExportableSnapshot(input.db, input.snapshotId);
  const options = resolveOptionsForExport(input.options);
  const limit = { limitMs: input.fileStepLimitMs ?? DEFAULT_FILE_STEP_LIMIT_MS, signal: input.signal };
  const outDir = await prepareOutDir(input.outDir, options.sharedFiles, limit);
  const target: BundleTarget = {
    outDir,
    fileMode: options.sharedFiles ? SHARED_FILE_MODE : PRIVATE_FILE_MODE,
    opened: [],
    limit,
    check: ExportCheck.start({
      files: options.format === 'entitlements' ? ['entitlements'] : ['entities', 'relations'],
    }),
  };
  const manifestTemp = tempPathFor(bundlePath(outDir, 'manifest'));
  try {
    const written = await writeBundleCsvFiles(input, snapshot, options, target);
    const summaries = partSummaries(written.files);
    const onDisk = written.files.flatMap(({ parts }) =>
      parts.map(({ file }) => ({ tempPath: file.tempPath, summary: file.finishedSummary })),
    );
    // The check's last rows and the read-back of the disk's copy run side by side.
    const [report] = await Promise.all([target.check.report(), verifyWrittenFiles(onDisk, limit)]);
    return await publishCheckedBundle({ input, snapshot, options, target, written, summaries, report, manifestTemp });
  } catch (error) {
    await target.check.stop();
    for (const file of target.opened) await file.abort();
    const removeManifest = () => fs.rm(manifestTemp, { force: true });
    await limitedStep(`removing ${manifestTemp}`, removeManifest, { limitMs: limit.limitMs }).catch(() => undefined);
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
    ? await writeReviewCopies(target.outDir, csvFiles, target.fileMode, target.limit)
    : [];
  target.opened.push(...review);
  const manifest = buildManifest({
    snapshot: checked.snapshot,
    appVersion: input.appVersion,
    options,
    files: manifestFiles(written.files, checked.summaries, names),
    ...written.counts,
    skippedRelations: countSkippedRelations(input.db, input.snapshotId, options, written.counts.relationCounts),
    validation: report,
    findings: manifestFindings(report, (finding) => names.fileOf(finding)),
    reviewCopy: review.map((file) => `${REVIEW_FOLDER}/${path.basename(file.finalPath)}`),
  });
  await writeManifestFile(checked.manifestTemp, manifest, target.fileMode, target.limit);
  const manifestFile = { tempPath: checked.manifestTemp, name: names.nameOf(BUNDLE_FILE_NAMES.manifest) };
  const bundle = { files: csvFiles, manifest: manifestFile, keptAsInvalid: names.keptAsInvalid };
  await publishBundle(target.outDir, bundle, review, target.limit);
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
  /** Every file-system call's time limit, and the cancel signal. */
  limit: FileStepLimit;
  /** The validation running beside the writing, fed with each file's bytes. */
  check: ExportCheck;
}

function bundlePath(outDir: string, file: BundleFile): string {
  return path.join(outDir, BUNDLE_FILE_NAMES[file]);
}

/**
 * One CSV file of the bundle: its header, the items it is written from, and how each item becomes a row and is counted.
 */
interface CsvPart<Item, Kind extends string> {
  file: BundleCsvFile;
  /** The file's upload name (a part of a split file has its own). */
  name: string;
  columns: readonly string[];
  items: Iterable<Item>;
  cellsOf: (item: Item) => readonly string[];
  kindOf: (item: Item) => Kind;
  counts: Record<Kind, number>;
}

interface WrittenBundle {
  files: WrittenCsv[];
  counts: {
    entityCounts?: Record<EntitySourceType, number>;
    relationCounts?: Record<ExportedRelationKind, number>;
    entitlementCounts?: Record<ExportedRelationKind, number>;
  };
}

function zeroCounts<Kind extends string>(kinds: readonly Kind[]): Record<Kind, number> {
  return Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<Kind, number>;
}

/**
 * Writes entities.csv, then entity-relations.csv (or entitlements.csv alone), each in parts when asked, under
 * temporary names, counting rows per entity type and relation kind.
 */
async function writeBundleCsvFiles(
  input: ExportBundleInput,
  snapshot: SnapshotInfo,
  options: ExportOptions,
  target: BundleTarget,
): Promise<WrittenBundle> {
  const { db, snapshotId } = input;
  const write = <Item, Kind extends string>(part: Omit<CsvPart<Item, Kind>, 'name'>) =>
    writeCsvParts(part, options.splitRows, target, input);
  if (options.format === 'entitlements') return writeEntitlementsFile(input, snapshot, options, target);
  const entityCounts: Record<EntitySourceType, number> = { user: 0, group: 0, role: 0, app: 0 };
  const entities = await write({
    file: 'entities',
    columns: ENTITY_COLUMNS,
    items: iterateEntityRecords(db, snapshotId, options, snapshot.includeFactors),
    cellsOf: ({ record }) => entityCells(record),
    kindOf: ({ sourceType }) => sourceType,
    counts: entityCounts,
  });
  const relationCounts = zeroCounts(exportedRelationKinds(options));
  const relations = await write({
    file: 'relations',
    columns: RELATION_COLUMNS,
    items: iterateRelationRecords(db, snapshotId, snapshot.orgUrl, options),
    cellsOf: ({ record }) => relationCells(record),
    kindOf: ({ kind }) => kind,
    counts: relationCounts,
  });
  return { files: [entities, relations], counts: { entityCounts, relationCounts } };
}

/** Writes entitlements.csv (or its parts), counting rows per relation kind they come from. */
async function writeEntitlementsFile(
  input: ExportBundleInput,
  snapshot: SnapshotInfo,
  options: ExportOptions,
  target: BundleTarget,
): Promise<WrittenBundle> {
  const entitlementCounts = zeroCounts(exportedRelationKinds(options));
  const part = {
    file: 'entitlements' as const,
    columns: ENTITLEMENT_COLUMNS,
    items: iterateEntitlementRecords(input.db, input.snapshotId, snapshot.orgUrl, options),
    cellsOf: ({ record }: EntitlementRecordWithKind) => entitlementCells(record),
    kindOf: ({ kind }: EntitlementRecordWithKind) => kind,
    counts: entitlementCounts,
  };
  const entitlements = await writeCsvParts(part, options.splitRows, target, input);
  return { files: [entitlements], counts: { entitlementCounts } };
}

/**
 * Writes one kind's rows through writeCsvPart: one file, or (split) one part after another, each with the header;
 * progress counts the rows of the whole kind.
 */
async function writeCsvParts<Item, Kind extends string>(
  part: Omit<CsvPart<Item, Kind>, 'name'>,
  splitRows: number | null,
  target: BundleTarget,
  input: Pick<ExportBundleInput, 'signal' | 'onProgress'>,
): Promise<WrittenCsv> {
  const parts: WrittenCsv['parts'] = [];
  let rowsBefore = 0;
  const onProgress =
    input.onProgress &&
    ((progress: { file: BundleCsvFile; rows: number }) =>
      input.onProgress!({ file: progress.file, rows: rowsBefore + progress.rows }));
  for (const items of splitIntoParts(part.items, splitRows)) {
    const name = partFileName(part.file, splitRows === null ? null : parts.length);
    const file = await writeCsvPart({ ...part, name, items }, target, { signal: input.signal, onProgress });
    parts.push({ file, name });
    rowsBefore += file.rows;
  }
  target.check.end(part.file); // the check reads the files in order: the next one's bytes wait for this end
  return { kind: part.file, parts };
}

/**
 * Streams one part into a new temporary file (its bytes to the check too), reporting progress every
 * PROGRESS_EVERY_ROWS rows and stopping when aborted, and finishes it (flushed, synced, closed).
 */
async function writeCsvPart<Item, Kind extends string>(
  part: CsvPart<Item, Kind>,
  target: BundleTarget,
  { signal, onProgress }: Pick<ExportBundleInput, 'signal' | 'onProgress'>,
): Promise<AtomicCsvFile> {
  const finalPath = path.join(target.outDir, part.name);
  const tee = target.check.part(part.file, part.name);
  const file = await AtomicCsvFile.create(finalPath, part.columns, target.fileMode, target.limit, tee);
  target.opened.push(file);
  onProgress?.({ file: part.file, rows: 0 });
  const formatter = new RepeatingCellFormatter();
  for (const item of part.items) {
    signal?.throwIfAborted();
    // No promise per row (that costs more than the row at millions): wait only when a full buffer must go to disk.
    if (file.addFormattedRecord(formatter.format(part.cellsOf(item)))) await file.drain();
    part.counts[part.kindOf(item)]++;
    if (file.rows % PROGRESS_EVERY_ROWS === 0) onProgress?.({ file: part.file, rows: file.rows });
  }
  onProgress?.({ file: part.file, rows: file.rows });
  await file.finish();
  return file;
}

/**
 * Relations of each exported kind in the snapshot that could not be written because an end was never listed (users
 * left out by the statuses chosen are not counted: they were left out on purpose).
 */
function countSkippedRelations(
  db: Db,
  snapshotId: number,
  options: ExportOptions,
  written: Record<ExportedRelationKind, number> | undefined,
): Record<string, number> {
  // With every status exported, what was written is all that could be: the rest is the kind's total less it, without
  // running the kind's join again (0.6 s per million memberships).
  const leftOut = (kind: ExportedRelationKind) =>
    written && options.userStatuses === null
      ? countRelationsInSnapshot(db, snapshotId, kind) - written[kind]
      : countRelationsLeftOut(db, snapshotId, kind);
  return Object.fromEntries(exportedRelationKinds(options).map((kind) => [kind, leftOut(kind)]));
}

async function writeManifestFile(file: string, manifest: BundleManifest, mode: number, limit: FileStepLimit) {
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  await limitedStep(`writing ${file}`, () => fs.writeFile(file, text, { flag: 'wx', mode }), limit);
  // The umask may have narrowed a 0644 the user asked for.
  if (process.platform !== 'win32') await limitedStep(`setting the mode of ${file}`, () => fs.chmod(file, mode), limit);
}

/** Removes temporary files an earlier export left behind when its process was killed; a running export's stay. */
async function removeStaleTempFiles(outDir: string, limit: FileStepLimit): Promise<void> {
  for (const name of await limitedStep(`listing ${outDir}`, () => fs.readdir(outDir), limit)) {
    const finalName = /^\.(.+)\.(?:\d+-)?[0-9a-f]+\.tmp$/.exec(name)?.[1];
    if (finalName === undefined || !EXPORT_WRITTEN_NAME.test(finalName) || !isAbandonedTempFile(name, [finalName]))
      continue;
    const stale = path.join(outDir, name);
    await limitedStep(`removing ${stale}`, () => fs.rm(stale, { force: true }), limit);
  }
}

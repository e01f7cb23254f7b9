// Writes one CSV file of the bundle (entities, entity-relations or entitlements), in parts when asked, under temporary
// names, finished (fsync'ed, checksummed) but not published: the export checks and names them all together. Runs in
// a worker thread of its own (bundleFileWorker.ts), one per file, so the files are written side by side.
import path from 'node:path';
import type { BundleCsvFile } from '../../../shared/balkanid/bundleFileNames';
import { ENTITY_COLUMNS, RELATION_COLUMNS, SOURCE_SYSTEM, entityCells } from '../../../shared/balkanid/columns';
import { ENTITLEMENT_COLUMNS, entitlementCells } from '../../../shared/balkanid/entitlements';
import { AtomicCsvFile, type CsvFileSummary } from '../balkanid/atomicCsvFile';
import { CSV_RECORD_END, formatCsvCell, formatCsvRecord } from '../balkanid/csvDialect';
import type { Db } from '../store/openDatabase';
import { partFileName, splitIntoParts } from './bundleParts';
import { iterateEntitlementRecords } from './entitlementRecords';
import { iterateEntityRecords } from './entityRecords';
import type { ExportOptions } from './exportOptions';
import {
  countRelationsInSnapshot,
  countRelationsLeftOut,
  exportedRelationKinds,
  iterateRelationRecords,
  type RelationRecordWithKind,
} from './relationRecords';

/** What a worker needs to write one file: plain data, passed between threads. */
export interface BundleFileTask {
  file: BundleCsvFile;
  snapshotId: number;
  /** The snapshot's org URL: the relations' `project` metadata. */
  orgUrl: string;
  /** Factors were pulled for the snapshot (users' MFA metadata). */
  includeFactors: boolean;
  options: ExportOptions;
  outDir: string;
  fileMode: number;
}

export interface WrittenPart {
  /** The part's upload name. */
  name: string;
  tempPath: string;
  summary: CsvFileSummary;
}

export interface WrittenBundleFile {
  file: BundleCsvFile;
  parts: WrittenPart[];
  /** Rows per entity source type or relation kind. */
  counts: Record<string, number>;
  /** Relations file, or entitlements: the relations of each kind left out because an end was never listed. */
  relationsLeftOut?: Record<string, number>;
}

export interface WriteHooks {
  signal?: AbortSignal;
  /** Rows written so far of the whole file (all parts). */
  onProgress?: (rows: number) => void;
}

const PROGRESS_EVERY_ROWS = 5000;

/** One data record as written (CRLF included) and what it is counted as (entity source type or relation kind). */
interface FileRow {
  line: string;
  kind: string;
}

interface FileRows {
  columns: readonly string[];
  rows: Iterable<FileRow>;
  kinds: readonly string[];
}

function* mapRows<Item>(
  items: Iterable<Item>,
  cellsOf: (item: Item) => readonly string[],
  kindOf: (item: Item) => string,
) {
  for (const item of items) yield { line: formatCsvRecord(cellsOf(item)), kind: kindOf(item) };
}

/**
 * Relations as lines, the same text formatCsvRecord gives, made cheaper: a kind's Metadata is mostly one string for
 * all its rows, so its cell and the constant cells after it are formatted once per change, not once per row.
 */
function* relationLines(records: Iterable<RelationRecordWithKind>): Generator<FileRow> {
  let metadata: string | undefined;
  let tail = '';
  const app = formatCsvCell(SOURCE_SYSTEM);
  for (const { kind, record } of records) {
    if (record.metadata !== metadata) {
      metadata = record.metadata;
      const constants = [record.sourceSystem, record.metadataVersion, metadata];
      tail = `,${constants.map(formatCsvCell).join(',')}${CSV_RECORD_END}`;
    }
    const line =
      `${app},${formatCsvCell(record.parentSourceId)},${formatCsvCell(record.parentEntityType)},` +
      `${formatCsvCell(record.childSourceId)},${formatCsvCell(record.childEntityType)}${tail}`;
    yield { line, kind };
  }
}

function rowsOf(db: Db, task: BundleFileTask): FileRows {
  const { snapshotId, options, orgUrl } = task;
  switch (task.file) {
    case 'entities':
      return {
        columns: ENTITY_COLUMNS,
        rows: mapRows(
          iterateEntityRecords(db, snapshotId, options, task.includeFactors),
          (item) => entityCells(item.record),
          (item) => item.sourceType,
        ),
        kinds: ['user', 'group', 'role', 'app'],
      };
    case 'relations':
      return {
        columns: RELATION_COLUMNS,
        rows: relationLines(iterateRelationRecords(db, snapshotId, orgUrl, options)),
        kinds: exportedRelationKinds(options),
      };
    case 'entitlements':
      return {
        columns: ENTITLEMENT_COLUMNS,
        rows: mapRows(
          iterateEntitlementRecords(db, snapshotId, orgUrl, options),
          (item) => entitlementCells(item.record),
          (item) => item.kind,
        ),
        kinds: exportedRelationKinds(options),
      };
  }
}

/**
 * Writes the task's file, one part after another when split (each with the header), and finishes every part. On any
 * error or cancel, every part written so far is removed before the error is passed on.
 */
export async function writeBundleFile(db: Db, task: BundleFileTask, hooks: WriteHooks): Promise<WrittenBundleFile> {
  const { columns, rows, kinds } = rowsOf(db, task);
  const counts = Object.fromEntries(kinds.map((kind) => [kind, 0]));
  const splitRows = task.options.splitRows;
  const opened: { name: string; file: AtomicCsvFile }[] = [];
  try {
    let rowsBefore = 0;
    for (const partRows of splitIntoParts(rows, splitRows)) {
      const name = partFileName(task.file, splitRows === null ? null : opened.length);
      const file = await AtomicCsvFile.create(path.join(task.outDir, name), columns, task.fileMode);
      opened.push({ name, file });
      await writeRows(file, partRows, counts, { ...hooks, onProgress: (n) => hooks.onProgress?.(rowsBefore + n) });
      await file.finish();
      rowsBefore += file.rows;
    }
  } catch (error) {
    for (const { file } of opened) await file.abort();
    throw error;
  }
  const parts = opened.map(({ name, file }) => ({ name, tempPath: file.tempPath, summary: file.finishedSummary }));
  if (task.file === 'entities') return { file: task.file, parts, counts };
  return { file: task.file, parts, counts, relationsLeftOut: relationsLeftOut(db, task, counts) };
}

/**
 * Relations of each kind the export could not write (an end never listed; users left out by the statuses chosen do
 * not count). Without a statuses filter the relations file holds exactly the writable ones, so its counts give the
 * answer without a second pass over millions of relations.
 */
function relationsLeftOut(db: Db, task: BundleFileTask, counts: Record<string, number>): Record<string, number> {
  const counted = task.file === 'relations' && task.options.userStatuses === null;
  return Object.fromEntries(
    exportedRelationKinds(task.options).map((kind) => [
      kind,
      counted
        ? countRelationsInSnapshot(db, task.snapshotId, kind) - counts[kind]!
        : countRelationsLeftOut(db, task.snapshotId, kind),
    ]),
  );
}

/** Streams rows into one part, counting them by kind, reporting progress now and then and stopping when cancelled. */
async function writeRows(
  file: AtomicCsvFile,
  rows: Iterable<FileRow>,
  counts: Record<string, number>,
  { signal, onProgress }: WriteHooks,
): Promise<void> {
  onProgress?.(0);
  for (const { line, kind } of rows) {
    if (file.addFormattedRecord(line)) {
      signal?.throwIfAborted();
      await file.drain();
    }
    counts[kind]!++;
    if (file.rows % PROGRESS_EVERY_ROWS === 0) {
      signal?.throwIfAborted();
      onProgress?.(file.rows);
    }
  }
  onProgress?.(file.rows);
  signal?.throwIfAborted(); // a cancel during the last rows still cancels
}

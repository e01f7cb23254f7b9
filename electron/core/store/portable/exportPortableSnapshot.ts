// Writes one snapshot of the cache to a self-contained portable file (same schema, marked as portable), atomically:
// a private temp file beside the target is built, synced and only then renamed into place.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { tempPathFor } from '../../balkanid/exportTempNames';
import { PRIVATE_FILE_MODE } from '../../files/privateModes';
import { MIGRATIONS } from '../migrations/index';
import { buildNameSearch, isNameSearchTable } from '../nameSearch';
import { migrate, type Db } from '../openDatabase';
import { getSnapshot } from '../snapshots';
import {
  PORTABLE_APPLICATION_ID,
  PORTABLE_FORMAT_NAME,
  PORTABLE_FORMAT_VERSION,
  PORTABLE_MARKER_SQL,
  PortableSnapshotError,
  type PortableSnapshotInfo,
} from './portableFormat';

export interface PortableExportResult extends PortableSnapshotInfo {
  bytes: number;
}

export function exportPortableSnapshot(
  db: Db,
  input: { snapshotId: number; outFile: string; appVersion: string },
): PortableExportResult {
  const snapshot = getSnapshot(db, input.snapshotId);
  if (!snapshot)
    throw new PortableSnapshotError(`there is no snapshot ${input.snapshotId}; list them with "okta-prep snapshots"`);
  if (snapshot.status === 'running')
    throw new PortableSnapshotError(
      `snapshot ${snapshot.id} is still running (or its pull was killed): finish or resume it before exporting it`,
    );
  const target = checkTarget(db, input.outFile);
  const info: PortableSnapshotInfo = {
    file: target,
    appVersion: input.appVersion,
    schemaVersion: MIGRATIONS.at(-1)!.version,
    snapshotId: snapshot.id,
    orgUrl: snapshot.orgUrl,
    exportedAt: new Date().toISOString(),
  };
  const temp = tempPathFor(target);
  try {
    createEmptyPortableFile(temp);
    copySnapshot(db, temp, info);
    syncFile(temp);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    if (error instanceof PortableSnapshotError) throw error;
    throw new PortableSnapshotError(`cannot write ${target}: ${(error as Error).message}`);
  }
  return { ...info, bytes: fs.statSync(target).size };
}

/** The target's folder must exist, and the target must not be the cache itself. */
function checkTarget(db: Db, outFile: string): string {
  const target = path.resolve(outFile);
  const folder = path.dirname(target);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new PortableSnapshotError(`cannot write ${target}: the folder ${folder} does not exist`);
  if (db.name !== ':memory:' && sameFile(db.name, target))
    throw new PortableSnapshotError(`${target} is the cache itself: choose another file to export to`);
  return target;
}

function sameFile(a: string, b: string): boolean {
  const [statA, statB] = [fs.statSync(a, { throwIfNoEntry: false }), fs.statSync(b, { throwIfNoEntry: false })];
  return statA !== undefined && statB !== undefined && statA.ino === statB.ino && statA.dev === statB.dev;
}

/** A new private (0600) file with the cache's schema, the marker table, DELETE journal mode and the application id. */
function createEmptyPortableFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
  if (process.platform !== 'win32') fs.chmodSync(file, PRIVATE_FILE_MODE); // exactly 0600, whatever the umask
  const out = new Database(file);
  try {
    out.pragma('journal_mode = DELETE');
    migrate(out, MIGRATIONS);
    out.exec(PORTABLE_MARKER_SQL);
    out.pragma(`application_id = ${PORTABLE_APPLICATION_ID}`);
  } finally {
    out.close();
  }
}

/** Copies the snapshot row and every row of it (each table with a snapshot_id column) into the attached file. */
function copySnapshot(db: Db, file: string, info: PortableSnapshotInfo): void {
  db.prepare(`ATTACH DATABASE ? AS portable`).run(file);
  try {
    db.transaction(() => {
      copyRows(db, 'snapshots', 'id', info.snapshotId);
      const tables = db
        .prepare(
          `SELECT name FROM portable.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ` +
            `AND name NOT IN ('snapshots', 'portable_snapshot') ORDER BY name`,
        )
        .pluck()
        .all() as string[];
      for (const table of tables.filter((name) => !isNameSearchTable(name)))
        copyRows(db, table, 'snapshot_id', info.snapshotId);
      // The FTS index holds no text to copy: the file's own is built from the rows just copied.
      buildNameSearch(db, info.snapshotId, 'portable');
      db.prepare(
        `INSERT INTO portable.portable_snapshot (format, format_version, app_version, schema_version, snapshot_id,
           org_url, exported_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        PORTABLE_FORMAT_NAME,
        PORTABLE_FORMAT_VERSION,
        info.appVersion,
        info.schemaVersion,
        info.snapshotId,
        info.orgUrl,
        info.exportedAt,
      );
    })();
  } finally {
    db.prepare(`DETACH DATABASE portable`).run();
  }
}

function copyRows(db: Db, table: string, idColumn: string, snapshotId: number): void {
  const columns = db.prepare(`SELECT name FROM pragma_table_info(?, 'portable')`).pluck().all(table) as string[];
  // Every table of a snapshot has a snapshot_id column; one without would leave the file incomplete, so say so.
  if (!columns.includes(idColumn)) throw new Error(`table ${table} has no ${idColumn} column to copy a snapshot by`);
  const list = columns.map((column) => `"${column}"`).join(', ');
  db.prepare(`INSERT INTO portable."${table}" (${list}) SELECT ${list} FROM main."${table}" WHERE ${idColumn} = ?`).run(
    snapshotId,
  );
}

function syncFile(file: string): void {
  const handle = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}
